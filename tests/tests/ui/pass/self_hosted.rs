// soketi's default credentials on a host of one's own: no cluster needed, no format imposed.
static PUSHER: pusher_config::PusherConfig =
    pusher_config::pusher_config!(env_file = "tests/ui/fixtures/self_hosted.env");

fn main() {
    assert_eq!(PUSHER.app_id().as_str(), "app-id");
    assert_eq!(PUSHER.key().as_str(), "app-key");
    assert_eq!(PUSHER.secret().expose_secret(), "app-secret");
    assert_eq!(PUSHER.host().map(|h| h.as_str()), Some("127.0.0.1"));
    assert_eq!(PUSHER.port(), Some(6001));
    assert_eq!(PUSHER.scheme(), pusher_config::Scheme::Http);
    // The public part is the same server, without the secret.
    let public = PUSHER.public();
    assert_eq!(public.key().as_str(), "app-key");
    assert_eq!(public.host().map(|h| h.as_str()), Some("127.0.0.1"));
    assert_eq!(public.port(), Some(6001));
    assert_eq!(public.scheme(), pusher_config::Scheme::Http);
}
