// Laravel Reverb's names, with its `VITE_REVERB_*` mirrors expanded from them.
static PUSHER: pusher_config::PusherConfig =
    pusher_config::pusher_config!(env_file = "tests/ui/fixtures/reverb.env");
static PUBLIC: pusher_config::PublicConfig =
    pusher_config::pusher_config!(client, env_file = "tests/ui/fixtures/reverb.env");

fn main() {
    assert_eq!(PUSHER.app_id().as_str(), "348219");
    assert_eq!(PUSHER.host().map(|host| host.as_str()), Some("localhost"));
    assert_eq!(PUSHER.port(), Some(8080));
    assert_eq!(PUBLIC.key().as_str(), PUSHER.key().as_str());
}
