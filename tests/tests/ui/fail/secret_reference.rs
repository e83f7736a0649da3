// A client build never reads the secret, yet a public value expanded from it is refused: the
// reference alone says the secret would ship to every browser.
static PUBLIC: pusher_config::PublicConfig =
    pusher_config::pusher_config!(client, env_file = "tests/ui/fixtures/secret_reference.env");

fn main() {
    println!("{}", PUBLIC.key());
}
