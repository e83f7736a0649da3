static PUSHER: pusher_config::PusherConfig =
    pusher_config::pusher_config!(env_file = "tests/ui/fixtures/schemes_disagree.env");

fn main() {
    println!("{} {}", PUSHER.key(), PUSHER.cluster());
}
