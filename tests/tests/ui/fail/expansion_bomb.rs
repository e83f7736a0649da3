// A `.env` whose values double line after line is refused at the line past the limit, before
// anything is expanded.
static PUSHER: pusher_config::PusherConfig =
    pusher_config::pusher_config!(env_file = "tests/ui/fixtures/expansion_bomb.env");

fn main() {
    println!("{}", PUSHER.cluster());
}
