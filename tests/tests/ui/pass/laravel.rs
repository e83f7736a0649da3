// Laravel's .env: `PUSHER_APP_*` names, an empty `PUSHER_HOST`, `VITE_` mirrors from `${…}`.
static PUSHER: pusher_config::PusherConfig =
    pusher_config::pusher_config!(env_file = "tests/ui/fixtures/laravel.env");

fn main() {
    assert_eq!(PUSHER.key().as_str(), "9c2e4b7a1f08d3e65b4a");
    assert_eq!(PUSHER.cluster().as_str(), "mt1");
    assert_eq!(PUSHER.host(), None);
    assert_eq!(PUSHER.port(), Some(443));
    assert_eq!(PUSHER.scheme(), pusher_config::Scheme::Https);
}
