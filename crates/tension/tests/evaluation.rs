//! The alert rule on the synthetic series of `EVALUATION.md`, seeds 1 to 4 (of the ten held-out seeds the
//! figures there come from). The floors are set below what was measured on these seeds (in brackets), so that
//! a change that makes the rule worse fails here; they are not the targets of the issue, which names none.

use tension::evaluate::{Report, Scoring, run};
use tension::synth::SynthConfig;
use tension::{AlertConfig, Config};

fn seeds_1_to_4() -> Report {
    let mut all = Report::default();
    for seed in 1..=4 {
        let synth = SynthConfig { seed, ..SynthConfig::default() };
        let report = run(&synth, &Config::default(), &AlertConfig::default(), &Scoring::default());
        all.merge(report.unwrap_or_else(|e| panic!("{e}")));
    }
    all
}

#[test]
fn the_default_rule_detects_planted_rises_with_few_false_alarms() {
    let r = seeds_1_to_4();
    assert_eq!(r.outcomes.len(), 400);
    assert!((r.region_years - 400.0).abs() < 1.0, "{}", r.region_years);
    let detection = r.detection_rate();
    let median = r.median_delay().unwrap_or(f64::INFINITY);
    let p90 = r.p90_delay().unwrap_or(i64::MAX);
    let false_alarms = r.false_alarms_per_region_year();
    eprintln!("detection {detection:.3}, median delay {median}, p90 delay {p90}, false alarms {false_alarms:.3}");
    assert!(detection >= 0.52, "detection {detection}"); // [0.578]
    assert!(median <= 7.0, "median delay {median}"); // [5]
    assert!(p90 <= 13, "p90 delay {p90}"); // [11]
    assert!(false_alarms <= 0.22, "false alarms per region-year {false_alarms}"); // [0.158]
    assert!(r.repeats <= 4, "second alerts near one rise {}", r.repeats); // [0]
    // The large rises (four times the region's rate) are nearly all caught, and fast.
    let (caught, total, delays) = r.of(|rise| rise.magnitude == 4.0);
    assert!(caught * 100 >= total * 86, "{caught} of {total}"); // [93 of 100]
    assert!(delays.get(delays.len() / 2).is_some_and(|&d| d <= 5), "{delays:?}"); // [4]
}

#[test]
fn alerts_are_causal_a_longer_range_keeps_the_past_alerts() {
    use time::Duration;
    let world = tension::synth::generate(&SynthConfig { seed: 3, days: 3 * 365, ..SynthConfig::default() });
    let alerts_to = |to| {
        let index =
            tension::compute(&world.signals, world.from, to, &Config::default()).unwrap_or_else(|e| panic!("{e}"));
        index.region_alerts(&AlertConfig::default()).unwrap_or_else(|e| panic!("{e}"))
    };
    let middle = world.from + Duration::days(2 * 365);
    let short = alerts_to(middle);
    let long: Vec<_> = alerts_to(world.to).into_iter().filter(|a| a.raised <= middle).collect();
    assert!(!short.is_empty());
    assert_eq!(short, long);
}
