// The getters are `const fn`: the parts of the config in a `static` are constants too.
static PUSHER: pusher_config::PusherConfig =
    pusher_config::pusher_config!(env_file = "tests/ui/fixtures/valid.env");

const KEY: &pusher_config::Key = PUSHER.key();
const CLUSTER: &pusher_config::Cluster = PUSHER.cluster();
const PORT: Option<u16> = PUSHER.port();
const TLS: bool = PUSHER.scheme().is_tls();
const PUBLIC: &pusher_config::PublicConfig = PUSHER.public();

fn main() {
    assert_eq!(KEY.as_str(), "9c2e4b7a1f08d3e65b4a");
    assert_eq!(KEY.to_string(), "9c2e4b7a1f08d3e65b4a");
    assert_eq!(CLUSTER.as_str(), "eu");
    assert_eq!(PORT, None);
    assert!(TLS);
    assert_eq!(PUBLIC.key(), KEY);
}
