static PUSHER: pusher_config::PusherConfig =
    pusher_config::pusher_config!(env_file = "tests/ui/fixtures/valid.env", path = "x");

fn main() {
    println!("{}", PUSHER.cluster());
}
