static PUSHER: pusher_config::PusherConfig =
    pusher_config::pusher_config!(env_file = "tests/ui/fixtures/key_equals_secret.env");

fn main() {
    // Uses of the value add no errors of their own.
    println!("{} {}", PUSHER.key(), PUSHER.cluster());
}
