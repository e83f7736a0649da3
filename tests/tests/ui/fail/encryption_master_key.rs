// The raw master key of old, and a base64 one that is not 32 bytes: both say what to do,
// neither shows the key.
static PUSHER: pusher_config::PusherConfig =
    pusher_config::pusher_config!(env_file = "tests/ui/fixtures/encryption_master_key.env");

fn main() {
    // Uses of the value add no errors of their own.
    println!("{:?}", PUSHER.encryption_master_key());
}
