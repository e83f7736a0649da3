static PUSHER: pusher_config::PusherConfig =
    pusher_config::pusher_config!(env_file = "tests/ui/fixtures/key_and_secret_swapped.env");

fn main() {
    println!("{} {}", PUSHER.key(), PUSHER.cluster());
}
