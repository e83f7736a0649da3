static PUSHER: pusher_config::PusherConfig =
    pusher_config_macros::pusher_config!(env_file = "tests/ui/fixtures/foreign_credential.env");

fn main() {
    println!("{} {}", PUSHER.key(), PUSHER.cluster());
}
