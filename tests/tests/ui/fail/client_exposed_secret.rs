// A client build reads public variables only, but a secret among them is still an error.
static PUBLIC: pusher_config::PublicConfig =
    pusher_config::pusher_config!(client, env_file = "tests/ui/fixtures/exposed_secret.env");

fn main() {
    println!("{}", PUBLIC.key());
}
