//! Prints the Pusher configuration that `pusher_config!()` checked at build time.
//!
//! Break `examples/quickstart/.env` (put a `pk_live_…` key in `PUSHER_KEY`, or `europe` in
//! `PUSHER_CLUSTER`) and run it again: the build fails and says why.

use pusher_config::connect::ClientOptions;
use pusher_config::PusherConfig;

static PUSHER: PusherConfig = pusher_config::pusher_config!();

fn main() {
    println!("app id:  {}", PUSHER.app_id());
    println!("key:     {}", PUSHER.key());
    println!("cluster: {}", PUSHER.cluster());
    println!("secret:  {}", PUSHER.secret());
    println!("public:  {}", PUSHER.public());
    // The URL a client opens, as pusher-js builds it (the key in it is public).
    println!("connect: {}", PUSHER.websocket_url(&ClientOptions::new()));
    println!("rest:    {}", PUSHER.rest_base_url());
}
