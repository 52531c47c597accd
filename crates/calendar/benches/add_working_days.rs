//! Single-core throughput of `add_working_days(date, 15)`; the target is 10 million calls a second.
//!
//! `cargo bench -p calendar` (release profile). 50 million calls over 4096 varied dates from 2021-01-01 to
//! 2027-12-01 (so the result stays in the covered years, whose tables are precomputed); best of three runs.
//! A smaller run from dates in 2030 shows the on-the-fly path for years without shipped data.

use std::hint::black_box;
use std::time::{Duration, Instant};

use time::Date;
use time::macros::date;

/// Deterministic, varied dates in `from..=to` (a small LCG: no dependency, same dates on every run).
fn dates(from: Date, to: Date, count: usize) -> Vec<Date> {
    let (lo, span) = (from.to_julian_day(), to.to_julian_day() - from.to_julian_day() + 1);
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..count)
        .map(|_| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let offset = ((state >> 33) % span as u64) as i32;
            Date::from_julian_day(lo + offset).unwrap_or(from)
        })
        .collect()
}

/// Runs `calls` calls of `add_working_days(d, 15)` cycling through `dates`; returns the best time of `runs`.
fn measure(dates: &[Date], calls: usize, runs: usize) -> Duration {
    let mask = dates.len() - 1; // a power of two
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let start = Instant::now();
        let mut sink = 0i32;
        for i in 0..calls {
            let d = dates.get(i & mask).copied().unwrap_or(Date::MIN);
            sink ^= calendar::add_working_days(black_box(d), black_box(15)).to_julian_day();
        }
        black_box(sink);
        best = best.min(start.elapsed());
    }
    best
}

fn report(label: &str, calls: usize, d: Duration) {
    let per_sec = calls as f64 / d.as_secs_f64();
    println!("{label:<34} {:>6.1} M calls/s  ({:.1} ns/call, {calls} calls in {d:?})", per_sec / 1e6, 1e9 / per_sec);
}

fn main() {
    let covered = dates(date!(2021 - 01 - 01), date!(2027 - 12 - 01), 4096);
    // Build the tables before timing.
    black_box(calendar::add_working_days(date!(2025 - 01 - 01), 1));

    let calls = 50_000_000;
    report("add_working_days(d, 15) 2021–2027", calls, measure(&covered, calls, 3));

    let uncovered = dates(date!(2030 - 01 - 01), date!(2030 - 12 - 01), 4096);
    let calls = 200_000;
    report("add_working_days(d, 15) 2030", calls, measure(&uncovered, calls, 3));
}
