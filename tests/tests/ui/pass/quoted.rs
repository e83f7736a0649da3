// Quotes and comments that dotenv strips are not paste residue.
static PUSHER: pusher_config::PusherConfig =
    pusher_config::pusher_config!(env_file = "tests/ui/fixtures/quoted.env");

fn main() {
    assert_eq!(PUSHER.key().as_str(), "9c2e4b7a1f08d3e65b4a");
    assert_eq!(PUSHER.secret().expose_secret(), "3f7d0a9e6c1b8e2d4a57");
    assert_eq!(PUSHER.cluster().as_str(), "ap1");
}
