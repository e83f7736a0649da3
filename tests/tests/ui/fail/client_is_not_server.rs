// `client` expands to the public part: it has no secret to give.
static PUBLIC: pusher_config::PublicConfig =
    pusher_config::pusher_config!(client, env_file = "tests/ui/fixtures/client.env");

fn main() {
    println!("{}", PUBLIC.secret());
}
