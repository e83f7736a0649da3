//! Tests of the `pusher-config` workspace; see `tests/`.
