// Credentials pasted into the host and port are masked like any other value of unknown
// provenance.
static PUSHER: pusher_config::PusherConfig =
    pusher_config::pusher_config!(env_file = "tests/ui/fixtures/hostile.env");

fn main() {
    println!("{}", PUSHER.cluster());
}
