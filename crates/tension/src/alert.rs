//! The alert rule: a value abnormal against the area's own baseline.
//!
//! On day `d`, the baseline window is the `baseline_days` days from `d − recent_days − baseline_days` to
//! `d − recent_days − 1` (by default the 180 days ending 15 days before `d`): the last 14 days and `d` itself
//! are left out, so a rise under way is not yet part of what it is compared with. With `m` the median of the
//! window and `MAD` the median of `|v − m|` over it,
//!
//! ```text
//! score[d] = (v[d] − m) / max(1.4826 · MAD, min_scale)
//! ```
//!
//! (1.4826 · MAD estimates the standard deviation of normal data, so the score reads like a z-score; the
//! median and the MAD ignore up to half the window being odd, so one old incident or one earlier rise does not
//! move them; `min_scale` keeps a region where nothing happens, whose MAD is 0, from alerting on any single
//! signal.) An alert is raised on `d` when `score[d] > threshold` and `v[d] > floor` and the area is armed.
//! An area starts armed; an alert disarms it, and it is armed again on the first day at least
//! `cool_down_days` after the alert whose score is below `rearm_score`: one rise, however long, raises one
//! alert. No alert is raised before the window holds `min_baseline_days` days of the series.

use time::Date;

use crate::window::SortedWindow;
use crate::{Area, Error, Series};

/// The settings of the alert rule; `AlertConfig::default()` holds the values chosen on the synthetic series
/// (`EVALUATION.md`).
#[derive(Clone, Debug, PartialEq)]
pub struct AlertConfig {
    /// Days in the baseline window (default 180: half a year, long enough for the median to ignore a month
    /// of unrest, short enough to follow a region's slow change and the seasons only partly).
    pub baseline_days: u32,
    /// The most recent days left out of the baseline (default 14, one half-life of the index).
    pub recent_days: u32,
    /// No alert before the window holds this many days (default 90).
    pub min_baseline_days: u32,
    /// The score above which a value is abnormal (default 4).
    pub threshold: f64,
    /// The value above which a value may be abnormal at all (default 6: about two fresh incidents of
    /// severity 2, or a fresh grave incident and a half-forgotten one), so that a quiet region's first few
    /// signals in months do not alert.
    pub floor: f64,
    /// The least spread the score divides by (default 1, the contribution of one minor incident).
    pub min_scale: f64,
    /// After an alert the score must fall below this to arm the area again (default 1).
    pub rearm_score: f64,
    /// Days after an alert before the area may be armed again (default 28).
    pub cool_down_days: u32,
}

impl Default for AlertConfig {
    fn default() -> Self {
        Self {
            baseline_days: 180,
            recent_days: 14,
            min_baseline_days: 90,
            threshold: 4.0,
            floor: 6.0,
            min_scale: 1.0,
            rearm_score: 1.0,
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
        if !(self.threshold.is_finite() && self.threshold > 0.0) {
            return Err(Error::Config("threshold must be a positive number"));
        }
        if !(self.floor.is_finite() && self.floor >= 0.0) {
            return Err(Error::Config("floor must be a number ≥ 0"));
        }
        if !(self.min_scale.is_finite() && self.min_scale > 0.0) {
            return Err(Error::Config("min_scale must be a positive number"));
        }
        if !(self.rearm_score.is_finite() && self.rearm_score <= self.threshold) {
            return Err(Error::Config("rearm_score must be a number ≤ threshold"));
        }
        Ok(())
    }
}

/// An area's baseline on one day: the median of its window and the spread the score divides by.
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

/// An alert: the area's value on the day it was raised, its baseline then, and its score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Alert {
    pub area: Area,
    pub raised: Date,
    pub value: f64,
    /// The median of the baseline window.
    pub baseline: f64,
    /// The spread the score divided by.
    pub scale: f64,
    pub score: f64,
}

/// Each day's baseline of `series` (`None` while the window holds fewer than `min_baseline_days` days), for
/// pictures of the series with its normal band. O(days × baseline_days) at worst, a memmove of the window a day.
pub fn baselines(series: &Series, config: &AlertConfig) -> Result<Vec<Option<Baseline>>, Error> {
    config.check()?;
    let recent = to_usize(config.recent_days);
    let width = to_usize(config.baseline_days);
    let least = to_usize(config.min_baseline_days);
    let values = &series.values;
    let mut window = SortedWindow::with_capacity(width + 1);
    let mut out = Vec::with_capacity(values.len());
    for day in 0..values.len() {
        // The window of `day` is [day − recent − width, day − recent − 1].
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
    let baselines = baselines(series, config)?;
    let mut out = Vec::new();
    let mut armed = true;
    let mut last = 0usize;
    let cool_down = to_usize(config.cool_down_days);
    for (day, (&value, baseline)) in series.values.iter().zip(&baselines).enumerate() {
        let Some(b) = baseline else { continue };
        let score = b.score(value);
        if armed {
            if score > config.threshold
                && value > config.floor
                && let Some(raised) = series.day_at(day)
            {
                out.push(Alert { area: series.area, raised, value, baseline: b.median, scale: b.scale, score });
                armed = false;
                last = day;
            }
        } else if day - last >= cool_down && score < config.rearm_score {
            armed = true;
        }
    }
    Ok(out)
}

fn to_usize(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;
    use crate::{Config, Region, Severity, Signal, compute};
    use time::macros::date;
    use time::{Duration, Month};

    fn region() -> Region {
        Region::new("KZ-47").unwrap()
    }

    /// One series from (day offset, weight, severity) signals over 400 days from 1 January 2025.
    fn series(signals: impl IntoIterator<Item = (i64, f64, u8)>) -> Series {
        let from = date!(2025 - 01 - 01);
        let area = Area::region(region());
        let signals: Vec<Signal> = signals
            .into_iter()
            .map(|(d, w, s)| Signal::new(area, from + Duration::days(d), Severity::new(s).unwrap(), w).unwrap())
            .collect();
        let index = compute(&signals, from, from + Duration::days(399), &Config::default()).unwrap();
        index.regions.into_iter().next().unwrap()
    }

    #[test]
    fn a_flat_series_raises_nothing() {
        // Two minor incidents every day for 400 days: the value climbs to its level and stays there.
        let s = series((0..400).flat_map(|d| [(d, 1.0, 1), (d, 1.0, 1)]));
        assert!(*s.values.last().unwrap() > 40.0);
        assert_eq!(alerts(&s, &AlertConfig::default()).unwrap(), vec![]);
        // Nothing at all: nothing.
        let empty = Series {
            area: Area::region(region()),
            from: date!(2025 - 01 - 01),
            values: vec![0.0; 400],
            signals: vec![0; 400],
        };
        assert_eq!(alerts(&empty, &AlertConfig::default()).unwrap(), vec![]);
    }

    #[test]
    fn a_step_raises_exactly_one_alert_on_the_hand_checked_day() {
        // Nothing for 200 days, then one minor incident (weight 1, severity 1) every day.
        // v on the k-th day of the step (k = 0, 1, …) is (1 − δ^(k+1)) / (1 − δ) with δ = 2^(−1/14):
        // k = 4: 4.556, k = 5: 5.336. The baseline is 0 with MAD 0, so the scale is min_scale = 1 and the score
        // is the value itself: above the threshold 4 from k = 4, but above the floor 6 only from k = 6, 6.078.
        let s = series((200..400).map(|d| (d, 1.0, 1)));
        let delta = 0.5f64.powf(1.0 / 14.0);
        let v = |k: i32| (1.0 - delta.powi(k + 1)) / (1.0 - delta);
        assert!(v(5) < 6.0 && v(6) > 6.0);
        let all = alerts(&s, &AlertConfig::default()).unwrap();
        assert_eq!(all.len(), 1, "{all:?}");
        let a = all[0];
        assert_eq!(a.raised, date!(2025 - 07 - 26)); // day 206 of the series (1 January is day 0)
        assert_eq!(a.raised.month(), Month::July);
        assert!((a.value - v(6)).abs() < 1e-9);
        assert_eq!((a.baseline, a.scale), (0.0, 1.0));
        assert!((a.score - v(6)).abs() < 1e-9);
        // With the floor at 4 the same step alerts two days earlier, on k = 4.
        let low_floor = AlertConfig { floor: 4.0, ..AlertConfig::default() };
        let all = alerts(&s, &low_floor).unwrap();
        assert_eq!(all.iter().map(|a| a.raised).collect::<Vec<_>>(), vec![date!(2025 - 07 - 24)]);
    }

    #[test]
    fn a_second_rise_after_calm_raises_a_second_alert_but_a_long_one_does_not() {
        let config = AlertConfig::default();
        // Background of one minor incident every other day; bursts of five a day for ten days.
        let background = (0..400).filter(|d| d % 2 == 0).map(|d| (d, 1.0, 1));
        let burst = |start: i64| (start..start + 10).flat_map(|d| std::iter::repeat_n((d, 1.0, 2), 5));
        let s = series(background.clone().chain(burst(200)).chain(burst(320)));
        let all = alerts(&s, &config).unwrap();
        assert_eq!(all.len(), 2, "{all:?}");
        assert!(all[0].raised - s.from >= Duration::days(200) && all[0].raised - s.from < Duration::days(205));
        assert!(all[1].raised - s.from >= Duration::days(320) && all[1].raised - s.from < Duration::days(325));
        // One long rise of 100 days: one alert.
        let long = (200..300).flat_map(|d| std::iter::repeat_n((d, 1.0, 2), 5));
        let s = series(background.chain(long));
        assert_eq!(alerts(&s, &config).unwrap().len(), 1);
    }

    #[test]
    fn no_alert_without_enough_baseline() {
        // A burst on days 10 to 19, while the window holds at most 5 days: no alert then, and by day 104,
        // when the window first holds 90 days, the burst has decayed below the floor.
        let s = series((10..20).flat_map(|d| std::iter::repeat_n((d, 1.0, 1), 3)));
        assert!(s.values[19] > 20.0 && s.values[104] < 1.0);
        assert_eq!(alerts(&s, &AlertConfig::default()).unwrap(), vec![]);
        let b = baselines(&s, &AlertConfig::default()).unwrap();
        assert!(b[103].is_none() && b[104].is_some());
    }

    #[test]
    fn bad_settings_are_refused() {
        let s = series([(0, 1.0, 1)]);
        for bad in [
            AlertConfig { baseline_days: 0, ..AlertConfig::default() },
            AlertConfig { min_baseline_days: 181, ..AlertConfig::default() },
            AlertConfig { threshold: f64::NAN, ..AlertConfig::default() },
            AlertConfig { min_scale: 0.0, ..AlertConfig::default() },
            AlertConfig { rearm_score: 5.0, ..AlertConfig::default() },
        ] {
            assert!(matches!(alerts(&s, &bad), Err(Error::Config(_))), "{bad:?}");
        }
    }
}
