//! The whole index recomputed from 1,000,000 verified signals over ten years: every region's and district's
//! daily series, and the regions' alerts. Target (issue 14): under 2 s.
//!
//! `cargo bench -p tension --bench recompute` (release profile). The signals come from the synthetic
//! generator's bench world (`SynthConfig::bench`): 20 regions, 10 districts each (200), 3,653 days, a planted
//! rise a year per region, base rates scaled so that about 1,050,000 signals are drawn; they are shuffled (a
//! store returns them in no useful order) and the first 1,000,000 kept. The same signals sorted by region,
//! then day, are timed too. Each configuration runs 7 times after one warm-up run; the best and the median are
//! printed.

use std::hint::black_box;
use std::time::{Duration, Instant};

use tension::rng::Rng;
use tension::synth::{SynthConfig, generate};
use tension::{AlertConfig, Config, Method, Signal, alerts, compute};

const RUNS: usize = 7;

/// Best and median of `RUNS` timed runs of `f`, after one untimed run.
fn time<T>(mut f: impl FnMut() -> T) -> (Duration, Duration) {
    black_box(f());
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    (times.first().copied().unwrap_or_default(), times.get(RUNS / 2).copied().unwrap_or_default())
}

fn report(label: &str, (best, median): (Duration, Duration)) {
    println!("{label:<58} best {:>7.1} ms   median {:>7.1} ms", best.as_secs_f64() * 1e3, median.as_secs_f64() * 1e3);
}

fn main() {
    let started = Instant::now();
    // The count follows the 20 regions' random base rates: draw once, then scale to about 5 % above a million.
    let first = generate(&SynthConfig::bench(1_000_000)).signals.len().max(1);
    let world = generate(&SynthConfig::bench(1_050_000 * 1_000_000 / first));
    let mut shuffled: Vec<Signal> = world.signals.clone();
    let mut rng = Rng::new(7);
    for i in (1..shuffled.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        shuffled.swap(i, j);
    }
    assert!(shuffled.len() >= 1_000_000, "{} signals drawn", shuffled.len());
    shuffled.truncate(1_000_000);
    let mut ordered = shuffled.clone();
    ordered.sort_by_key(|s| (s.area().region, s.day()));
    let (from, to) = (world.from, world.to);
    let config = Config::default();
    let alert = AlertConfig::default();
    let index = compute(&shuffled, from, to, &config).unwrap_or_else(|e| panic!("{e}"));
    let days = index.regions.first().map_or(0, |s| s.values.len());
    let region_alerts = index.region_alerts(&alert).unwrap_or_else(|e| panic!("{e}"));
    println!(
        "{} signals, {} days ({from} to {to}), {} regions, {} districts with a series ({} without enough data), \
         {} region alerts; generated in {:.1} s",
        shuffled.len(),
        days,
        index.regions.len(),
        index.districts.len(),
        index.thin_districts.len(),
        region_alerts.len(),
        started.elapsed().as_secs_f64()
    );

    report(
        "index + region alerts (shuffled signals): the target",
        time(|| {
            let index = compute(&shuffled, from, to, &config).unwrap_or_else(|e| panic!("{e}"));
            let alerts = index.region_alerts(&alert).unwrap_or_else(|e| panic!("{e}"));
            (index.regions.len(), alerts.len())
        }),
    );
    report("index only (shuffled signals)", time(|| compute(&shuffled, from, to, &config).map(|i| i.districts.len())));
    report(
        "index only (signals by region, then day)",
        time(|| compute(&ordered, from, to, &config).map(|i| i.districts.len())),
    );
    report("region alerts only (CUSUM, 20 series)", time(|| index.region_alerts(&alert).map(|a| a.len())));
    let z = AlertConfig { method: Method::IndexZ { threshold: 4.5, rearm_score: 1.0 }, ..AlertConfig::default() };
    report("region alerts only (index z-score, 20 series)", time(|| index.region_alerts(&z).map(|a| a.len())));
    report(
        "district alerts too (CUSUM, 200 series)",
        time(|| index.districts.iter().map(|s| alerts(s, &alert).map_or(0, |a| a.len())).sum::<usize>()),
    );
}
