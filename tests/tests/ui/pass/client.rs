// A front end's build: the public part from `NEXT_PUBLIC_` variables alone, in a `const`.
const PUBLIC: pusher_config::PublicConfig =
    pusher_config::pusher_config!(client, env_file = "tests/ui/fixtures/client.env");

// A server's `.env` works for a client build too: it reads only the public values.
static FROM_SERVER_ENV: pusher_config::PublicConfig =
    pusher_config::pusher_config!(client, env_file = "tests/ui/fixtures/valid.env");

fn main() {
    assert_eq!(PUBLIC.key().as_str(), "9c2e4b7a1f08d3e65b4a");
    assert_eq!(PUBLIC.cluster().as_str(), "ap2");
    assert_eq!(FROM_SERVER_ENV.cluster().as_str(), "eu");
}
