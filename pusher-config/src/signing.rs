//! Signing: channel authorization, user authentication, REST requests, webhooks.
