//! Reconnection delays: exponential backoff with jitter, a cap, and an optional attempt limit.
//!
//! The crate does no I/O; a client loop asks [`ReconnectPolicy::delays`] for an iterator and
//! sleeps for each delay before the next attempt:
//!
//! ```
//! # extern crate pusher_config_core as pusher_config;
//! use std::time::Duration;
//! use pusher_config::connect::ReconnectPolicy;
//!
//! let delays: Vec<Duration> = ReconnectPolicy::new().delays_with_seed(7).collect();
//! assert_eq!(delays.len(), 5);
//! // Each delay lies in (half, all] of 2 s, 4 s, 8 s, 16 s, 30 s.
//! for (delay, nominal) in delays.iter().zip([2, 4, 8, 16, 30]) {
//!     let nominal = Duration::from_secs(nominal);
//!     assert!(*delay > nominal / 2 && *delay <= nominal, "{delay:?}");
//! }
//! ```

use std::hash::BuildHasher;
use std::iter::FusedIterator;
use std::time::Duration;

/// How a client reconnects after a connection fails or closes: exponential backoff (doubling
/// from a first delay up to a cap), random jitter so that many clients dropped at once do not
/// come back at once, and an optional limit on attempts.
///
/// The defaults: first delay 2 s, cap 30 s, jitter 50 % (each delay lies between half and all
/// of its nominal value, so never under 1 s, the floor Pusher's protocol asks for after a
/// 4100–4199 close), at most 5 attempts (the incident write-up's `maxReconnectionAttempts: 5`).
///
/// **Other clients differ.** pusher-js has *no* `maxReconnectionAttempts` option: it ignores
/// unknown options silently and retries forever, each transport attempt timing out after 15 s,
/// doubling up to 60 s (`src/runtimes/isomorphic/default_strategy.ts`). Use
/// [`ReconnectPolicy::forever`] for that behaviour. The Java client has
/// `setMaxReconnectionAttempts` (default 6) and `setMaxReconnectGapInSeconds` (default 30).
///
/// Reconnect without waiting after a 4200–4299 close (see
/// [`Retry`](crate::close_code::Retry)), and not at all after 4000–4099.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use std::time::Duration;
/// use pusher_config::connect::ReconnectPolicy;
///
/// let policy = ReconnectPolicy::new()
///     .with_first_delay(Duration::from_secs(1))
///     .with_max_delay(Duration::from_secs(10))
///     .with_max_attempts(3);
/// assert_eq!(policy.nominal_delay(0), Duration::from_secs(1));
/// assert_eq!(policy.nominal_delay(1), Duration::from_secs(2));
/// assert_eq!(policy.nominal_delay(9), Duration::from_secs(10)); // capped
///
/// // A client loop sleeps for each delay before its next attempt; `None` means give up.
/// let mut delays = policy.delays();
/// for _attempt in 0..3 {
///     let delay = delays.next().expect("within the limit");
///     assert!(delay >= Duration::from_millis(500) && delay <= Duration::from_secs(10));
/// }
/// assert_eq!(delays.next(), None);
/// delays.reset(); // after a connection that succeeded
/// assert!(delays.next().is_some());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ReconnectPolicy {
    first_delay: Duration,
    max_delay: Duration,
    jitter_percent: u8,
    max_attempts: Option<u32>,
}

impl Default for ReconnectPolicy {
    fn default() -> Self {
        Self::new()
    }
}

impl ReconnectPolicy {
    /// The defaults: 2 s doubling to 30 s, 50 % jitter, at most 5 attempts.
    pub const fn new() -> Self {
        Self {
            first_delay: Duration::from_secs(2),
            max_delay: Duration::from_secs(30),
            jitter_percent: 50,
            max_attempts: Some(5),
        }
    }

    /// The nominal first delay; each later one doubles, up to [`Self::with_max_delay`].
    pub const fn with_first_delay(mut self, delay: Duration) -> Self {
        self.first_delay = delay;
        self
    }

    /// The cap: no delay is longer.
    pub const fn with_max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// How much of each nominal delay may be taken off at random, in percent (capped at
    /// 100): with `p`, a delay lies in `(nominal × (1 − p/100), nominal]`. `0` gives the
    /// nominal delays exactly.
    pub const fn with_jitter_percent(mut self, percent: u8) -> Self {
        self.jitter_percent = if percent > 100 { 100 } else { percent };
        self
    }

    /// At most `attempts` reconnections; the iterator ends after that many delays.
    pub const fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = Some(attempts);
        self
    }

    /// Reconnect forever, as pusher-js does: the iterator never ends.
    pub const fn forever(mut self) -> Self {
        self.max_attempts = None;
        self
    }

    /// The nominal first delay.
    pub const fn first_delay(&self) -> Duration {
        self.first_delay
    }

    /// The cap on any delay.
    pub const fn max_delay(&self) -> Duration {
        self.max_delay
    }

    /// The jitter, in percent of each nominal delay.
    pub const fn jitter_percent(&self) -> u8 {
        self.jitter_percent
    }

    /// The attempt limit; `None` for forever.
    pub const fn max_attempts(&self) -> Option<u32> {
        self.max_attempts
    }

    /// The nominal delay before reconnection attempt `attempt` (0 for the first), before
    /// jitter: `first_delay × 2^attempt`, capped at `max_delay`.
    pub fn nominal_delay(&self, attempt: u32) -> Duration {
        let doubled = 1u32
            .checked_shl(attempt)
            .and_then(|factor| self.first_delay.checked_mul(factor))
            .unwrap_or(Duration::MAX);
        doubled.min(self.max_delay)
    }

    /// The delays, with jitter from a random seed (from the standard library's per-process
    /// random hash keys: no extra dependency, no clock).
    pub fn delays(&self) -> Delays {
        let seed = std::collections::hash_map::RandomState::new().hash_one(0x5075_7368_6572_u64);
        self.delays_with_seed(seed)
    }

    /// The delays, with jitter from `seed`: the same seed gives the same delays, on every
    /// platform (for tests, or to spread clients by a stable id).
    pub fn delays_with_seed(&self, seed: u64) -> Delays {
        Delays {
            policy: *self,
            attempt: 0,
            rng: SplitMix64(seed),
        }
    }
}

impl IntoIterator for ReconnectPolicy {
    type Item = Duration;
    type IntoIter = Delays;

    /// [`ReconnectPolicy::delays`], randomly seeded.
    fn into_iter(self) -> Delays {
        self.delays()
    }
}

/// The delays before each reconnection attempt, from [`ReconnectPolicy::delays`]. Ends after
/// the policy's attempt limit; call [`Delays::reset`] once a connection succeeds.
#[derive(Clone, Debug)]
pub struct Delays {
    policy: ReconnectPolicy,
    attempt: u32,
    rng: SplitMix64,
}

impl Delays {
    /// How many delays were given since the start or the last [`Delays::reset`].
    pub fn attempts(&self) -> u32 {
        self.attempt
    }

    /// Start over from the first delay (after a successful connection).
    pub fn reset(&mut self) {
        self.attempt = 0;
    }

    fn remaining(&self) -> Option<u32> {
        self.policy
            .max_attempts
            .map(|max| max.saturating_sub(self.attempt))
    }
}

impl Iterator for Delays {
    type Item = Duration;

    fn next(&mut self) -> Option<Duration> {
        if self.remaining() == Some(0) {
            return None;
        }
        let nominal = self.policy.nominal_delay(self.attempt);
        self.attempt = self.attempt.saturating_add(1);
        // Integer arithmetic, so a seed gives the same delays everywhere. Delays beyond
        // u64 nanoseconds (584 years) are clamped there.
        let nanos = u128::from(u64::try_from(nominal.as_nanos()).unwrap_or(u64::MAX));
        let random = u128::from(self.rng.next_u64() >> 32); // in [0, 2^32)
        let cut = nanos * u128::from(self.policy.jitter_percent) * random / (100 << 32);
        let delay = u64::try_from(nanos - cut).unwrap_or(u64::MAX);
        Some(Duration::from_nanos(delay))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self.remaining() {
            Some(left) => {
                let left = usize::try_from(left).unwrap_or(usize::MAX);
                (left, Some(left))
            }
            None => (usize::MAX, None),
        }
    }
}

impl FusedIterator for Delays {}

/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny, well-mixed generator. Not for secrets.
#[derive(Clone, Debug)]
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference_sequence() {
        // Reference outputs for seed 1234567 (Vigna's splitmix64.c).
        let mut rng = SplitMix64(1_234_567);
        let got: Vec<u64> = (0..5).map(|_| rng.next_u64()).collect();
        assert_eq!(
            got,
            [
                6_457_827_717_110_365_317,
                3_203_168_211_198_807_973,
                9_817_491_932_198_370_423,
                4_593_380_528_125_082_431,
                16_408_922_859_458_223_821,
            ]
        );
    }

    #[test]
    fn default_delays_double_to_the_cap_and_stop_after_five() {
        let policy = ReconnectPolicy::new();
        let nominal: Vec<u64> = (0..7).map(|n| policy.nominal_delay(n).as_secs()).collect();
        assert_eq!(nominal, [2, 4, 8, 16, 30, 30, 30]);
        for seed in 0..200 {
            let delays: Vec<Duration> = policy.delays_with_seed(seed).collect();
            assert_eq!(delays.len(), 5);
            for (n, delay) in (0..).zip(&delays) {
                let nominal = policy.nominal_delay(n);
                assert!(
                    *delay > nominal / 2 && *delay <= nominal,
                    "{seed} {n} {delay:?}"
                );
                assert!(*delay >= Duration::from_secs(1));
            }
        }
    }

    #[test]
    fn same_seed_same_delays_other_seed_other_delays() {
        let policy = ReconnectPolicy::new();
        let a: Vec<Duration> = policy.delays_with_seed(42).collect();
        let b: Vec<Duration> = policy.delays_with_seed(42).collect();
        let c: Vec<Duration> = policy.delays_with_seed(43).collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn no_jitter_gives_nominal_delays() {
        let policy = ReconnectPolicy::new()
            .with_jitter_percent(0)
            .with_first_delay(Duration::from_millis(500))
            .with_max_delay(Duration::from_secs(3))
            .with_max_attempts(6);
        let delays: Vec<u128> = policy.delays().map(|d| d.as_millis()).collect();
        assert_eq!(delays, [500, 1000, 2000, 3000, 3000, 3000]);
        assert_eq!(
            ReconnectPolicy::new()
                .with_jitter_percent(250)
                .jitter_percent(),
            100
        );
    }

    #[test]
    fn forever_never_ends_and_never_overflows() {
        let mut delays = ReconnectPolicy::new().forever().delays_with_seed(1);
        assert_eq!(delays.size_hint(), (usize::MAX, None));
        let last = delays.by_ref().take(100).last();
        assert!(last.is_some_and(|d| d <= Duration::from_secs(30)));
        assert_eq!(delays.attempts(), 100);
        let huge = ReconnectPolicy::new()
            .with_first_delay(Duration::MAX)
            .with_max_delay(Duration::MAX)
            .forever();
        assert!(huge
            .delays_with_seed(3)
            .take(40)
            .all(|d| d > Duration::ZERO));
    }

    #[test]
    fn reset_starts_over_and_limit_counts_from_there() {
        let mut delays = ReconnectPolicy::new()
            .with_jitter_percent(0)
            .with_max_attempts(2)
            .delays();
        assert_eq!(delays.size_hint(), (2, Some(2)));
        assert_eq!(delays.next(), Some(Duration::from_secs(2)));
        assert_eq!(delays.next(), Some(Duration::from_secs(4)));
        assert_eq!(delays.next(), None);
        assert_eq!(delays.next(), None);
        delays.reset();
        assert_eq!(delays.next(), Some(Duration::from_secs(2)));
        assert_eq!(
            ReconnectPolicy::new().with_max_attempts(0).delays().next(),
            None
        );
    }
}
