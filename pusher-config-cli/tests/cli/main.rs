//! `pusher-config check`, run as users run it: the built binary in a scratch project folder,
//! with none of the variables the loader reads inherited from the test's environment.

mod exit_codes;
mod formats;
mod frameworks;
mod live;
mod parity;
mod secrets;
mod support;
