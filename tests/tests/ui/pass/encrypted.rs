// A server with end-to-end encrypted channels: the master key is baked into the constant.
static PUSHER: pusher_config::PusherConfig =
    pusher_config::pusher_config!(env_file = "tests/ui/fixtures/encrypted.env");

// The expansion stays usable in a `const`.
const CONST: pusher_config::PusherConfig =
    pusher_config::pusher_config!(env_file = "tests/ui/fixtures/encrypted.env");

fn main() {
    let key = PUSHER.encryption_master_key().expect("a master key");
    assert_eq!(key.expose_secret()[..3], [0x6d, 0xf2, 0x7c]);
    assert_eq!(key.to_string(), "[redacted secret, 32 bytes]");
    assert_eq!(CONST.encryption_master_key(), Some(key));
    // The public part never holds it.
    assert!(!format!("{:?}", PUSHER.public()).contains("EncryptionMasterKey"));
}
