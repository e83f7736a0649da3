// Every rule holds: formats, public mirrors equal to the server values, no foreign keys.
static PUSHER: pusher_config::PusherConfig =
    pusher_config::pusher_config!(env_file = "tests/ui/fixtures/valid.env");

// The expansion is a constant expression: `const` works as well as `static`.
const PUSHER_CONST: pusher_config::PusherConfig =
    pusher_config::pusher_config!(env_file = "tests/ui/fixtures/valid.env");

fn main() {
    assert_eq!(PUSHER.app_id().as_str(), "2047711");
    assert_eq!(PUSHER.key().as_str(), "9c2e4b7a1f08d3e65b4a");
    assert_eq!(PUSHER.secret().expose_secret(), "3f7d0a9e6c1b8e2d4a57");
    assert_eq!(PUSHER.cluster().to_string(), "eu");
    assert_eq!(PUSHER_CONST, PUSHER);
    assert!(!format!("{:?}", PUSHER).contains("3f7d0a9e6c1b8e2d4a57"));
}
