static PUSHER: pusher_config::PusherConfig =
    pusher_config_macros::pusher_config!(env_file = "tests/ui/fixtures/app_id_key_swapped.env");

fn main() {
    println!("{} {}", PUSHER.key(), PUSHER.cluster());
}
