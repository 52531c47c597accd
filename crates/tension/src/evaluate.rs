//! Scoring the alert rule on synthetic series with planted rises ([`crate::synth`]).
//!
//! * A rise is **detected** when its region raises an alert from its first day to `within_days` after it
//!   (14 by default); the **delay** is the number of days from the rise's first day to the alert (0: the
//!   first day).
//! * An alert from a rise's first day to `near_days` after its last day (45 by default: the index needs two or
//!   three half-lives to forget a rise) is near it and is not a false alarm: the first one is the detection
//!   (or **late**, when after `within_days`), any further one a **repeat** (the cool-down should make them rare).
//! * Every other alert after the burn-in is a **false alarm**; their rate is per region-year of the scored
//!   period (after the burn-in). Alerts during the burn-in are counted apart and not scored.

use std::collections::HashMap;

use time::Duration;

use crate::synth::{Rise, SynthConfig, Synthetic, generate};
use crate::{Alert, AlertConfig, Config, Error, Region, compute};

/// How alerts are matched to rises.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scoring {
    pub within_days: i64,
    pub near_days: i64,
}

impl Default for Scoring {
    fn default() -> Self {
        Self { within_days: 14, near_days: 45 }
    }
}

/// A rise and, if detected, the delay in days.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    pub rise: Rise,
    pub delay: Option<i64>,
}

/// The scores of one or more runs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub outcomes: Vec<Outcome>,
    pub false_alarms: usize,
    pub late: usize,
    pub repeats: usize,
    pub burn_in_alerts: usize,
    pub region_years: f64,
    pub signals: usize,
    /// Each region's base rate and scored years.
    pub regions: Vec<(f64, f64)>,
    /// The base rate of the region of each false alarm.
    pub false_alarm_rates: Vec<f64>,
}

impl Report {
    /// Adds another run's scores.
    pub fn merge(&mut self, other: Report) {
        self.outcomes.extend(other.outcomes);
        self.false_alarms += other.false_alarms;
        self.late += other.late;
        self.repeats += other.repeats;
        self.burn_in_alerts += other.burn_in_alerts;
        self.region_years += other.region_years;
        self.signals += other.signals;
        self.regions.extend(other.regions);
        self.false_alarm_rates.extend(other.false_alarm_rates);
    }

    /// False alarms per region-year in the regions whose base rate `keep` keeps.
    pub fn false_alarms_where(&self, keep: impl Fn(f64) -> bool) -> f64 {
        let years: f64 = self.regions.iter().filter(|r| keep(r.0)).map(|r| r.1).sum();
        let alarms = self.false_alarm_rates.iter().filter(|&&r| keep(r)).count();
        if years > 0.0 { alarms as f64 / years } else { 0.0 }
    }

    /// The rises kept by `keep`, with their detections: (detected, rises, sorted delays).
    pub fn of(&self, keep: impl Fn(&Rise) -> bool) -> (usize, usize, Vec<i64>) {
        let kept: Vec<&Outcome> = self.outcomes.iter().filter(|o| keep(&o.rise)).collect();
        let mut delays: Vec<i64> = kept.iter().filter_map(|o| o.delay).collect();
        delays.sort_unstable();
        (delays.len(), kept.len(), delays)
    }

    pub fn detection_rate(&self) -> f64 {
        let (detected, total, _) = self.of(|_| true);
        ratio(detected, total)
    }

    /// Median delay in days of the detected rises.
    pub fn median_delay(&self) -> Option<f64> {
        median(&self.of(|_| true).2)
    }

    /// The 90th percentile (nearest rank) of the delays of the detected rises.
    pub fn p90_delay(&self) -> Option<i64> {
        percentile(&self.of(|_| true).2, 0.9)
    }

    pub fn false_alarms_per_region_year(&self) -> f64 {
        if self.region_years > 0.0 { self.false_alarms as f64 / self.region_years } else { 0.0 }
    }
}

/// `a / b`, 0 when `b` is 0.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The median of sorted values.
pub fn median(sorted: &[i64]) -> Option<f64> {
    let n = sorted.len();
    let hi = *sorted.get(n / 2)?;
    let lo = *sorted.get(n.checked_sub(1)? / 2)?;
    Some((lo + hi) as f64 / 2.0)
}

/// The `q`-th quantile of sorted values by nearest rank.
pub fn percentile(sorted: &[i64], q: f64) -> Option<i64> {
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.saturating_sub(1)).copied()
}

/// Scores the alerts raised on `world` (regions' alerts; district alerts are ignored).
pub fn score(world: &Synthetic, alerts: &[Alert], scoring: &Scoring) -> Report {
    let mut outcomes: Vec<Outcome> = world.rises.iter().map(|&rise| Outcome { rise, delay: None }).collect();
    let mut of_region: HashMap<Region, Vec<usize>> = HashMap::new();
    for (i, o) in outcomes.iter().enumerate() {
        of_region.entry(o.rise.region).or_default().push(i);
    }
    let mut matched = vec![false; outcomes.len()];
    let mut report = Report::default();
    let rates: HashMap<Region, f64> = world.regions.iter().copied().collect();
    for alert in alerts.iter().filter(|a| a.area.district.is_none()) {
        if alert.raised < world.scored_from {
            report.burn_in_alerts += 1;
            continue;
        }
        let near = of_region.get(&alert.area.region).and_then(|rises| {
            rises.iter().copied().find(|&i| {
                outcomes.get(i).is_some_and(|o| {
                    alert.raised >= o.rise.start && alert.raised <= o.rise.end + Duration::days(scoring.near_days)
                })
            })
        });
        let Some(i) = near else {
            report.false_alarms += 1;
            report.false_alarm_rates.push(rates.get(&alert.area.region).copied().unwrap_or(0.0));
            continue;
        };
        let (Some(o), Some(seen)) = (outcomes.get_mut(i), matched.get_mut(i)) else { continue };
        if *seen {
            report.repeats += 1;
            continue;
        }
        *seen = true;
        let delay = (alert.raised - o.rise.start).whole_days();
        if delay <= scoring.within_days {
            o.delay = Some(delay);
        } else {
            report.late += 1;
        }
    }
    report.outcomes = outcomes;
    let scored_days = (world.to - world.scored_from).whole_days() + 1;
    let years = scored_days as f64 / 365.25;
    report.region_years = world.regions.len() as f64 * years;
    report.regions = world.regions.iter().map(|&(_, rate)| (rate, years)).collect();
    report.signals = world.signals.len();
    report
}

/// Generates the world of `synth`, computes its index over the whole period, raises the regions' alerts and
/// scores them.
pub fn run(synth: &SynthConfig, index: &Config, alert: &AlertConfig, scoring: &Scoring) -> Result<Report, Error> {
    let world = generate(synth);
    let computed = compute(&world.signals, world.from, world.to, index)?;
    let alerts = computed.region_alerts(alert)?;
    Ok(score(&world, &alerts, scoring))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::{Area, Region};
    use time::macros::date;

    #[test]
    fn alerts_are_matched_to_rises() {
        let r = Region::new("KZ-10").unwrap();
        let rise = |start, end| Rise { region: r, start, end, magnitude: 1.0, ramp: false, base_rate: 1.0, added: 5 };
        let world = Synthetic {
            signals: vec![],
            rises: vec![
                rise(date!(2020 - 03 - 01), date!(2020 - 03 - 10)),
                rise(date!(2020 - 09 - 01), date!(2020 - 09 - 05)),
            ],
            regions: vec![(r, 1.0)],
            from: date!(2019 - 01 - 01),
            to: date!(2020 - 12 - 30),
            scored_from: date!(2020 - 01 - 01),
        };
        let alert = |raised| Alert { area: Area::region(r), raised, value: 1.0, baseline: 0.0, scale: 1.0, score: 5.0 };
        let alerts = [
            alert(date!(2019 - 06 - 01)), // burn-in
            alert(date!(2020 - 03 - 04)), // detects the first, delay 3
            alert(date!(2020 - 04 - 20)), // within 45 days of its end: a repeat
            alert(date!(2020 - 06 - 01)), // false
            alert(date!(2020 - 09 - 20)), // near the second but 19 days late
        ];
        let report = score(&world, &alerts, &Scoring::default());
        assert_eq!(report.burn_in_alerts, 1);
        assert_eq!(report.outcomes.iter().map(|o| o.delay).collect::<Vec<_>>(), vec![Some(3), None]);
        assert_eq!((report.repeats, report.false_alarms, report.late), (1, 1, 1));
        assert_eq!(report.detection_rate(), 0.5);
        assert!((report.region_years - 365.0 / 365.25).abs() < 1e-9);
        assert_eq!(median(&[1, 2, 3, 10]), Some(2.5));
        assert_eq!(percentile(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9), Some(9));
        assert_eq!(percentile(&[], 0.9), None);
    }
}
