// The getters are `const fn`: the parts of the config in a `static` are constants too.
static PUSHER: pusher_config::PusherConfig =
    pusher_config::pusher_config!(env_file = "tests/ui/fixtures/valid.env");

const KEY: &pusher_config::Key = PUSHER.key();
const CLUSTER: &pusher_config::Cluster = PUSHER.cluster();
const PORT: Option<u16> = PUSHER.port();
const TLS: bool = PUSHER.scheme().is_tls();
const PUBLIC: &pusher_config::PublicConfig = PUSHER.public();
// As the README promises: a value's text is a constant too.
const N: usize = PUSHER.key().as_str().len();
const CLUSTER_TEXT: &str = PUSHER.cluster().as_str();

fn main() {
    assert_eq!(KEY.as_str(), "9c2e4b7a1f08d3e65b4a");
    assert_eq!(KEY.to_string(), "9c2e4b7a1f08d3e65b4a");
    assert_eq!(CLUSTER.as_str(), "eu");
    assert_eq!(PORT, None);
    assert!(TLS);
    assert_eq!(PUBLIC.key(), KEY);
    assert_eq!(N, 20);
    assert_eq!(CLUSTER_TEXT, "eu");
}
