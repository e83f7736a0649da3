//! Pusher's WebSocket close and error codes (4000–4399): what each means and what to do.
