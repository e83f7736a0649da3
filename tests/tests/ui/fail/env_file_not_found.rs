static PUSHER: pusher_config::PusherConfig =
    pusher_config::pusher_config!(env_file = "tests/ui/fixtures/nowhere.env");

fn main() {
    println!("{}", PUSHER.cluster());
}
