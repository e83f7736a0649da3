//! Connecting: WebSocket and REST URLs, client options, reconnection policy.
