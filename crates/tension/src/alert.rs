//! The alert rule: an area's signals abnormal against its own baseline.
//!
//! **The baseline window.** On day `d` it is the `baseline_days` days from `d − recent_days − baseline_days`
//! to `d − recent_days − 1` (by default the 180 days ending 15 days before `d`): the last 14 days and `d`
//! itself are left out, so a rise under way is not yet part of what it is compared with. No alert is raised
//! before the window holds `min_baseline_days` days of the series.
//!
//! Two methods read it ([`Method`]); the evaluation (`EVALUATION.md`) chose the CUSUM as the default.
//!
//! * **[`Method::Cusum`]** (Page's cumulative sum, as in disease surveillance): with `μ` and `σ` the mean and
//!   standard deviation of the daily inputs `x` (the day's sum of contributions, [`Series::inputs`]) over the
//!   window, `σ` at least `min_scale`,
//!
//!   ```text
//!   S[d] = max(0, S[d − 1] + (x[d] − μ) / σ − k)
//!   ```
//!
//!   is how far the recent days stood above a usual day, in usual day-to-day deviations, added up, less an
//!   allowance `k` a day that ordinary ups and downs do not exceed; quiet or peaceful days bring it back to 0.
//!   The score is `S`; an alert needs `S > h`.
//! * **[`Method::IndexZ`]**: the robust z-score of the index itself,
//!   `(v[d] − median) / max(1.4826 · MAD, min_scale)` over the window's values of the index (1.4826 · MAD
//!   estimates the standard deviation of normal data; the median and the median absolute deviation ignore
//!   up to half the window being odd). The score is `z`; an alert needs `z > threshold`.
//!
//! With either, an alert also needs the index's value above an absolute `floor`, so that a quiet region's few
//! signals do not alert however far they stand from its usual nothing, and the area to be **armed**. An area
//! starts armed; an alert disarms it, and it is armed again on the first day at least `cool_down_days` after
//! the alert when the score has come back down (`S` = 0; `z` below `rearm_score`): one rise, however long,
//! raises one alert. On a day when no alert can be raised (disarmed, or the index under the floor) `S` is held
//! at most at `h`, so that it comes back to 0 within about `h / k` ordinary days after a rise ends. An [`Alert`] carries the index's value, the index's median over the
//! window (the "normal" a reader sees on the chart), the method's scale and its score.

use time::Date;

use crate::window::SortedWindow;
use crate::{Area, Error, Series};

/// How a day is judged abnormal.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Method {
    /// Page's CUSUM of the standardised daily inputs: alert when `S > limit`; `allowance` is `k`.
    Cusum { allowance: f64, limit: f64 },
    /// The robust z-score of the index: alert when `z > threshold`; re-armed when `z < rearm_score`.
    IndexZ { threshold: f64, rearm_score: f64 },
}

/// The settings of the alert rule; `AlertConfig::default()` holds the values chosen on the synthetic series'
/// tuning seeds (`EVALUATION.md`).
#[derive(Clone, Debug, PartialEq)]
pub struct AlertConfig {
    /// Default: `Cusum { allowance: 0.5, limit: 12 }`: a day counts against the region once it stands more
    /// than half a usual deviation above the usual day, and an alert needs, for instance, two days 6.5
    /// deviations high (2 × (6.5 − 0.5) = 12), or a week of days 2.25 deviations high (7 × 1.75 = 12.25).
    pub method: Method,
    /// Days in the baseline window (default 180: half a year, long enough for the median and the mean to
    /// carry a month of unrest without much change, short enough to follow a region's slow change).
    pub baseline_days: u32,
    /// The most recent days left out of the baseline (default 14, one half-life of the index).
    pub recent_days: u32,
    /// No alert before the window holds this many days (default 90).
    pub min_baseline_days: u32,
    /// The index's value above which a day may be abnormal at all (default 20: one fresh violent clash of
    /// severity 5, 3 × 8 = 24, passes it; a fresh threat of severity 3, 2 × 3 = 6, or a handful of minor
    /// remarks do not).
    pub floor: f64,
    /// The least scale the score divides by (default 1, the contribution of one minor incident): a region
    /// where nothing happens has a deviation of 0.
    pub min_scale: f64,
    /// Days after an alert before the area may be armed again (default 28).
    pub cool_down_days: u32,
}

impl Default for AlertConfig {
    fn default() -> Self {
        Self {
            method: Method::Cusum { allowance: 0.5, limit: 12.0 },
            baseline_days: 180,
            recent_days: 14,
            min_baseline_days: 90,
            floor: 20.0,
            min_scale: 1.0,
            cool_down_days: 28,
        }
    }
}

impl AlertConfig {
    fn check(&self) -> Result<(), Error> {
        if self.baseline_days == 0 || self.baseline_days > 36_525 {
            return Err(Error::Config("baseline_days must be between 1 and 36525"));
        }
        if self.min_baseline_days == 0 || self.min_baseline_days > self.baseline_days {
            return Err(Error::Config("min_baseline_days must be between 1 and baseline_days"));
        }
        if !(self.floor.is_finite() && self.floor >= 0.0) {
            return Err(Error::Config("floor must be a number ≥ 0"));
        }
        if !(self.min_scale.is_finite() && self.min_scale > 0.0) {
            return Err(Error::Config("min_scale must be a positive number"));
        }
        match self.method {
            Method::Cusum { allowance, limit } => {
                if !(allowance.is_finite() && allowance >= 0.0) {
                    return Err(Error::Config("the CUSUM's allowance must be a number ≥ 0"));
                }
                if !(limit.is_finite() && limit > 0.0) {
                    return Err(Error::Config("the CUSUM's limit must be a positive number"));
                }
            }
            Method::IndexZ { threshold, rearm_score } => {
                if !(threshold.is_finite() && threshold > 0.0) {
                    return Err(Error::Config("threshold must be a positive number"));
                }
                if !(rearm_score.is_finite() && rearm_score <= threshold) {
                    return Err(Error::Config("rearm_score must be a number ≤ threshold"));
                }
            }
        }
        Ok(())
    }
}

/// The index's baseline on one day: the median of its window and its robust scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Baseline {
    pub median: f64,
    /// max(1.4826 · MAD, min_scale).
    pub scale: f64,
}

impl Baseline {
    /// The robust z-score of `value`.
    pub fn score(&self, value: f64) -> f64 {
        (value - self.median) / self.scale
    }
}

/// An alert: the area's index on the day it was raised, the index's median over the baseline window, and the
/// method's scale and score (`S` and σ for the CUSUM, `z` and 1.4826 · MAD for the index's z-score).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Alert {
    pub area: Area,
    pub raised: Date,
    pub value: f64,
    pub baseline: f64,
    pub scale: f64,
    pub score: f64,
}

/// Each day's baseline of the index of `series` (`None` while the window holds fewer than
/// `min_baseline_days` days): the band a picture of the series draws, whichever method alerts.
/// O(days × baseline_days) at worst, a memmove of the sorted window a day.
pub fn baselines(series: &Series, config: &AlertConfig) -> Result<Vec<Option<Baseline>>, Error> {
    config.check()?;
    let recent = to_usize(config.recent_days);
    let width = to_usize(config.baseline_days);
    let least = to_usize(config.min_baseline_days);
    let values = &series.values;
    let mut window = SortedWindow::with_capacity(width + 1);
    let mut out = Vec::with_capacity(values.len());
    for day in 0..values.len() {
        if let Some(&x) = day.checked_sub(recent + 1).and_then(|i| values.get(i)) {
            window.insert(x);
        }
        if let Some(&x) = day.checked_sub(recent + width + 1).and_then(|i| values.get(i)) {
            window.remove(x);
        }
        out.push(if window.len() < least {
            None
        } else {
            window.median().and_then(|median| {
                let mad = window.mad(median)?;
                Some(Baseline { median, scale: (1.4826 * mad).max(config.min_scale) })
            })
        });
    }
    Ok(out)
}

/// The alerts of one series, in order of day (see the module's documentation for the rule).
pub fn alerts(series: &Series, config: &AlertConfig) -> Result<Vec<Alert>, Error> {
    let n = series.values.len();
    if series.inputs.len() != n || series.signals.len() != n {
        return Err(Error::Series);
    }
    match config.method {
        Method::IndexZ { threshold, rearm_score } => index_z(series, config, threshold, rearm_score),
        Method::Cusum { allowance, limit } => cusum(series, config, allowance, limit),
    }
}

fn index_z(series: &Series, config: &AlertConfig, threshold: f64, rearm_score: f64) -> Result<Vec<Alert>, Error> {
    let baselines = baselines(series, config)?;
    let mut out = Vec::new();
    let mut armed = true;
    let mut last = 0usize;
    let cool_down = to_usize(config.cool_down_days);
    for (day, (&value, baseline)) in series.values.iter().zip(&baselines).enumerate() {
        let Some(b) = baseline else { continue };
        let score = b.score(value);
        if armed {
            if score > threshold
                && value > config.floor
                && let Some(raised) = series.day_at(day)
            {
                out.push(Alert { area: series.area, raised, value, baseline: b.median, scale: b.scale, score });
                armed = false;
                last = day;
            }
        } else if day - last >= cool_down && score < rearm_score {
            armed = true;
        }
    }
    Ok(out)
}

fn cusum(series: &Series, config: &AlertConfig, allowance: f64, limit: f64) -> Result<Vec<Alert>, Error> {
    config.check()?;
    let recent = to_usize(config.recent_days);
    let width = to_usize(config.baseline_days);
    let least = to_usize(config.min_baseline_days);
    let cool_down = to_usize(config.cool_down_days);
    let (inputs, values) = (&series.inputs, &series.values);
    let mut out = Vec::new();
    let (mut s, mut armed, mut last) = (0.0f64, true, 0usize);
    for (day, (&x, &value)) in inputs.iter().zip(values).enumerate() {
        // The window [day − recent − width, day − recent − 1], summed afresh: exact, and 180 additions a day.
        let Some(end) = day.checked_sub(recent) else { continue };
        let window = inputs.get(end.saturating_sub(width)..end).unwrap_or_default();
        if window.len() < least {
            continue;
        }
        let n = window.len() as f64;
        let mean = window.iter().sum::<f64>() / n;
        let variance = window.iter().map(|w| (w - mean) * (w - mean)).sum::<f64>() / n;
        let sd = variance.sqrt().max(config.min_scale);
        s = (s + (x - mean) / sd - allowance).max(0.0);
        let may_alert = armed && value > config.floor;
        if may_alert
            && s > limit
            && let Some(raised) = series.day_at(day)
        {
            let baseline = median_of(values.get(end.saturating_sub(width)..end).unwrap_or_default());
            out.push(Alert { area: series.area, raised, value, baseline, scale: sd, score: s });
            (armed, last) = (false, day);
        }
        if !(may_alert && armed) {
            // No alert could be raised today: S is held at the limit, so that it drains within
            // limit / allowance ordinary days once the rise is over, and a stale excess does not wait for
            // the next incident.
            s = s.min(limit);
        }
        if !armed && day - last >= cool_down && s == 0.0 {
            armed = true;
        }
    }
    Ok(out)
}

/// The median of a few values (sorted afresh: called once an alert).
fn median_of(values: &[f64]) -> f64 {
    let mut w = SortedWindow::with_capacity(values.len());
    for &v in values {
        w.insert(v);
    }
    w.median().unwrap_or(0.0)
}

fn to_usize(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;
    use crate::{Config, Region, Severity, Signal, compute};
    use time::Duration;
    use time::macros::date;

    /// The rules the hand-checked cases use, whatever the tuned defaults are.
    fn z_rule() -> AlertConfig {
        AlertConfig {
            method: Method::IndexZ { threshold: 4.0, rearm_score: 1.0 },
            floor: 6.0,
            ..AlertConfig::default()
        }
    }

    fn cusum_rule() -> AlertConfig {
        AlertConfig { method: Method::Cusum { allowance: 0.5, limit: 8.0 }, floor: 6.0, ..AlertConfig::default() }
    }

    fn region() -> Region {
        Region::new("KZ-47").unwrap()
    }

    const FROM: Date = date!(2025 - 01 - 01);

    /// One series from (day offset, weight, severity) signals over 400 days from 1 January 2025 (day 0).
    fn series(signals: impl IntoIterator<Item = (i64, f64, u8)>) -> Series {
        let area = Area::region(region());
        let signals: Vec<Signal> = signals
            .into_iter()
            .map(|(d, w, s)| Signal::new(area, FROM + Duration::days(d), Severity::new(s).unwrap(), w).unwrap())
            .collect();
        let index = compute(&signals, FROM, FROM + Duration::days(399), &Config::default()).unwrap();
        index.regions.into_iter().next().unwrap()
    }

    fn days_raised(alerts: &[Alert]) -> Vec<i64> {
        alerts.iter().map(|a| (a.raised - FROM).whole_days()).collect()
    }

    #[test]
    fn a_flat_series_raises_nothing() {
        // Two minor incidents every day for 400 days: the value climbs to its level and stays there.
        let s = series((0..400).flat_map(|d| [(d, 1.0, 1), (d, 1.0, 1)]));
        assert!(*s.values.last().unwrap() > 40.0);
        // Nothing at all: nothing.
        let empty = Series {
            area: Area::region(region()),
            from: FROM,
            values: vec![0.0; 400],
            inputs: vec![0.0; 400],
            signals: vec![0; 400],
        };
        for rule in [z_rule(), cusum_rule(), AlertConfig::default()] {
            assert_eq!(alerts(&s, &rule).unwrap(), vec![], "{rule:?}");
            assert_eq!(alerts(&empty, &rule).unwrap(), vec![], "{rule:?}");
        }
    }

    // A step: nothing for 200 days, then one minor incident (weight 1, severity 1) every day. On the k-th day
    // of the step (k = 0, 1, …) the index is v(k) = (1 − δ^(k+1)) / (1 − δ) with δ = 2^(−1/14):
    // v(3) = 3.72, v(4) = 4.54, v(5) = 5.32, v(6) = 6.06, v(16) = 11.78.
    fn v(k: i32) -> f64 {
        let delta = 0.5f64.powf(1.0 / 14.0);
        (1.0 - delta.powi(k + 1)) / (1.0 - delta)
    }

    #[test]
    fn a_step_raises_exactly_one_z_alert_on_the_hand_checked_day() {
        // The baseline is 0 with MAD 0, so the scale is min_scale = 1 and z is the value itself: above the
        // threshold 4 from k = 4, but above the floor 6 only from k = 6.
        assert!(v(3) < 4.0 && v(4) > 4.0 && v(5) < 6.0 && v(6) > 6.0);
        let s = series((200..400).map(|d| (d, 1.0, 1)));
        let all = alerts(&s, &z_rule()).unwrap();
        assert_eq!(days_raised(&all), [206]);
        let a = all[0];
        assert_eq!(a.raised, date!(2025 - 07 - 26));
        assert!((a.value - v(6)).abs() < 1e-9);
        assert_eq!((a.baseline, a.scale), (0.0, 1.0));
        assert!((a.score - v(6)).abs() < 1e-9);
        // With the floor at 4 the same step alerts two days earlier, on k = 4.
        let low_floor = AlertConfig { floor: 4.0, ..z_rule() };
        assert_eq!(days_raised(&alerts(&s, &low_floor).unwrap()), [204]);
    }

    #[test]
    fn a_step_raises_exactly_one_cusum_alert_on_the_hand_checked_day() {
        // The inputs' window is all zeros up to k = 14 (it ends 15 days back): mean 0, deviation 0 → 1, so each
        // day adds 1 − 0.5 and S(k) = 0.5 (k + 1): 7.5 at k = 14. At k = 15 and 16 the window holds one, then
        // two step days among 180 (mean 1/180, 2/180; deviation still below 1): S = 7.5 + (0.5 − 1/180) =
        // 7.994 ≤ 8, then 8.5 − 3/180 = 8.483 > 8, on day 216, 5 August, when the index is v(16) = 11.78 > 6.
        let s = series((200..400).map(|d| (d, 1.0, 1)));
        let all = alerts(&s, &cusum_rule()).unwrap();
        assert_eq!(days_raised(&all), [216], "{all:?}");
        let a = all[0];
        assert_eq!(a.raised, date!(2025 - 08 - 05));
        assert!((a.score - (8.5 - 3.0 / 180.0)).abs() < 1e-9, "{}", a.score);
        assert!((a.value - v(16)).abs() < 1e-9);
        assert_eq!((a.baseline, a.scale), (0.0, 1.0));
        // Under a floor the index never reaches (its level is 1 / (1 − δ) = 20.7), no alert.
        let high_floor = AlertConfig { floor: 21.0, ..cusum_rule() };
        assert_eq!(alerts(&s, &high_floor).unwrap(), vec![]);
    }

    #[test]
    fn a_second_rise_after_calm_raises_a_second_alert_but_a_long_one_does_not() {
        // Background of one minor incident every other day; bursts of five (severity 2) a day for ten days.
        let background = (0..400).filter(|d| d % 2 == 0).map(|d| (d, 1.0, 1));
        let burst = |start: i64| (start..start + 10).flat_map(|d| std::iter::repeat_n((d, 1.0, 2), 5));
        let two = series(background.clone().chain(burst(200)).chain(burst(320)));
        let long = series(background.chain((200..300).flat_map(|d| std::iter::repeat_n((d, 1.0, 2), 5))));
        for rule in [z_rule(), cusum_rule()] {
            let days = days_raised(&alerts(&two, &rule).unwrap());
            assert_eq!(days.len(), 2, "{rule:?}: {days:?}");
            assert!((200..205).contains(&days[0]) && (320..325).contains(&days[1]), "{rule:?}: {days:?}");
            assert_eq!(alerts(&long, &rule).unwrap().len(), 1, "{rule:?}");
        }
    }

    #[test]
    fn peace_after_a_rise_rearms_sooner() {
        // A burst, then either nothing or daily peace signals: the CUSUM falls back to 0 sooner with peace.
        let burst = (100..110).flat_map(|d| std::iter::repeat_n((d, 2.0, 3), 3));
        let background = (0..400).filter(|d| d % 3 == 0).map(|d| (d, 1.0, 1));
        let peace = (110..140).map(|d| (d, -1.0, 2));
        let calm = series(background.clone().chain(burst.clone()));
        let mended = series(background.chain(burst).chain(peace));
        assert!(mended.values[140] < calm.values[140]);
        for s in [&calm, &mended] {
            assert_eq!(days_raised(&alerts(s, &cusum_rule()).unwrap()).len(), 1);
        }
    }

    #[test]
    fn no_alert_without_enough_baseline() {
        // A burst on days 10 to 19, while the window holds at most 5 days: no alert then, and by day 104,
        // when the window first holds 90 days, the burst has decayed below the floor.
        let s = series((10..20).flat_map(|d| std::iter::repeat_n((d, 1.0, 1), 3)));
        assert!(s.values[19] > 20.0 && s.values[104] < 1.0);
        for rule in [z_rule(), cusum_rule()] {
            assert_eq!(alerts(&s, &rule).unwrap(), vec![]);
        }
        let b = baselines(&s, &z_rule()).unwrap();
        assert!(b[103].is_none() && b[104].is_some());
    }

    #[test]
    fn bad_settings_are_refused() {
        let s = series([(0, 1.0, 1)]);
        for bad in [
            AlertConfig { baseline_days: 0, ..AlertConfig::default() },
            AlertConfig { min_baseline_days: 181, ..AlertConfig::default() },
            AlertConfig { min_scale: 0.0, ..AlertConfig::default() },
            AlertConfig { floor: f64::INFINITY, ..AlertConfig::default() },
            AlertConfig { method: Method::IndexZ { threshold: f64::NAN, rearm_score: 1.0 }, ..AlertConfig::default() },
            AlertConfig { method: Method::IndexZ { threshold: 4.0, rearm_score: 5.0 }, ..AlertConfig::default() },
            AlertConfig { method: Method::Cusum { allowance: -1.0, limit: 8.0 }, ..AlertConfig::default() },
            AlertConfig { method: Method::Cusum { allowance: 0.5, limit: 0.0 }, ..AlertConfig::default() },
        ] {
            assert!(matches!(alerts(&s, &bad), Err(Error::Config(_))), "{bad:?}");
        }
        let cut = Series { inputs: vec![], ..s };
        assert_eq!(alerts(&cut, &AlertConfig::default()), Err(Error::Series));
    }
}
