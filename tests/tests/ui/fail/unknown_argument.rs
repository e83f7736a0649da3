static PUSHER: pusher_config::PusherConfig =
    pusher_config_macros::pusher_config!(env_file = "tests/ui/fixtures/valid.env", path = "x");

fn main() {
    println!("{}", PUSHER.cluster());
}
