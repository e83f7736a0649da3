//! Private channel authorization through `Signer` against the same HMAC-SHA256 computed by
//! calling `hmac-sha256` directly, to show what validation and the API cost.
//!
//! cargo bench -p pusher-config-core --features signing --bench signing

extern crate pusher_config_core as pusher_config;

use std::hint::black_box;

use criterion::{criterion_main, Criterion, Throughput};
use pusher_config::signing::Signer;

const KEY: &str = "278d425bdf160c739803";
const SECRET: &str = "7ad3773142a6692b25b8";
const SOCKET_ID: &str = "1234.1234";
const CHANNEL: &str = "private-foobar";

/// The least work giving the same `key:hex` token: no validation, no joined message.
fn direct(key: &str, secret: &str, socket_id: &str, channel: &str) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut mac = hmac_sha256::HMAC::new(secret.as_bytes());
    mac.update(socket_id.as_bytes());
    mac.update(b":");
    mac.update(channel.as_bytes());
    let digest = mac.finalize();
    let mut out = String::with_capacity(key.len() + 1 + 64);
    out.push_str(key);
    out.push(':');
    for b in digest {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

fn private_channel_auth(c: &mut Criterion) {
    let signer = Signer::new(KEY, SECRET);
    assert_eq!(
        signer
            .authorize_channel(SOCKET_ID, CHANNEL)
            .expect("valid input")
            .auth(),
        direct(KEY, SECRET, SOCKET_ID, CHANNEL)
    );

    let mut group = c.benchmark_group("private_channel_auth");
    group.throughput(Throughput::Elements(1));
    group.bench_function("pusher_config", |b| {
        b.iter(|| {
            black_box(signer)
                .authorize_channel(black_box(SOCKET_ID), black_box(CHANNEL))
                .expect("valid input")
        })
    });
    group.bench_function("hmac_sha256_direct", |b| {
        b.iter(|| {
            direct(
                black_box(KEY),
                black_box(SECRET),
                black_box(SOCKET_ID),
                black_box(CHANNEL),
            )
        })
    });
    group.finish();
}

fn rest_request(c: &mut Criterion) {
    let signer = Signer::new(KEY, SECRET);
    let body = r#"{"name":"foo","channels":["project-3"],"data":"{\"some\":\"data\"}"}"#;
    c.bench_function("sign_request/post_events", |b| {
        b.iter(|| {
            black_box(signer)
                .sign_request(
                    "POST",
                    "/apps/3/events",
                    &[("info", "subscription_count")],
                    black_box(body),
                    1353088179,
                )
                .expect("valid request")
        })
    });
}

mod group {
    // `criterion_group!` defines an undocumented `pub fn`.
    #![allow(missing_docs)]
    use super::{private_channel_auth, rest_request};
    criterion::criterion_group!(benches, private_channel_auth, rest_request);
}
criterion_main!(group::benches);
