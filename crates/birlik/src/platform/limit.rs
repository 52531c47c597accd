//! A token bucket per key, in memory: it protects logs from floods (votes, anonymous signals), and a restart
//! merely refills. Keys are never stored anywhere else (an address used as a key stays in memory).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

/// Buckets kept before all are forgotten at once (a refill for everyone, rather than a scan under the lock).
const MAX_BUCKETS: usize = 500_000;

/// A token bucket per key, in memory: it protects the vote log from floods, and a restart merely refills.
pub struct RateLimit<K> {
    buckets: Mutex<HashMap<K, (f64, Instant)>>,
    burst: f64,
    per_second: f64,
}

impl<K: std::hash::Hash + Eq> RateLimit<K> {
    pub fn new(burst: f64, per_second: f64) -> RateLimit<K> {
        RateLimit { buckets: Mutex::new(HashMap::new()), burst, per_second }
    }

    /// Takes one token from `key`'s bucket; false when it is empty.
    pub fn allow(&self, key: K) -> bool {
        let Ok(mut buckets) = self.buckets.lock() else { return true };
        if buckets.len() >= MAX_BUCKETS {
            buckets.clear();
        }
        let now = Instant::now();
        let (tokens, at) = buckets.entry(key).or_insert((self.burst, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * self.per_second).min(self.burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}
