// `PUSHER_URL` gives the server everything; the browser's build reads only its mirrors.
static PUSHER: pusher_config::PusherConfig =
    pusher_config::pusher_config!(env_file = "tests/ui/fixtures/pusher_url.env");
static PUBLIC: pusher_config::PublicConfig =
    pusher_config::pusher_config!(client, env_file = "tests/ui/fixtures/pusher_url.env");

fn main() {
    assert_eq!(PUSHER.app_id().as_str(), "2047711");
    assert_eq!(PUSHER.secret().expose_secret(), "3f7d0a9e6c1b8e2d4a57");
    assert_eq!(PUSHER.cluster().as_str(), "eu");
    assert_eq!(PUBLIC.key().as_str(), PUSHER.key().as_str());
}
