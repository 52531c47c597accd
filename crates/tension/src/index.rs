//! The daily index: one dense series per region and per district with enough data, by the recurrence
//! `v[d] = max(0, v[d − 1] · δ + x[d])`.

use std::collections::HashMap;

use time::{Date, Duration};

use crate::alert::{Alert, AlertConfig, alerts};
use crate::{Area, District, Error, MAX_DAYS, MAX_WEIGHT, Region, Signal};

/// How signals become the index. `Config::default()` holds the documented defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Days after which a signal's contribution has halved (default 14). Two weeks: an incident still counts a
    /// quarter a month later and 5 % after two months, so the index follows a rise within days and forgets
    /// it within a season.
    pub half_life_days: f64,
    /// The multiplier of each severity level, 1 to 5 (default 1, 2, 3, 5, 8: a grave incident counts as eight
    /// minor ones, so one fight outweighs a few remarks but a run of remarks still shows). Each must be in
    /// 0..=[`MAX_WEIGHT`].
    pub severity_weights: [f64; 5],
    /// A district has a series when it has at least this many verified signals (default 12, one a month on
    /// average) in the `district_window_days` ending on the range's last day; below that its series would be
    /// mostly zeros and single incidents, which tell a reader nothing about a trend.
    pub district_min_signals: u32,
    /// The trailing window over which districts' signals are counted, in days (default 365).
    pub district_window_days: u32,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            half_life_days: 14.0,
            severity_weights: [1.0, 2.0, 3.0, 5.0, 8.0],
            district_min_signals: 12,
            district_window_days: 365,
        }
    }
}

impl Config {
    /// The daily decay factor δ = 2^(−1 / half_life).
    pub fn decay(&self) -> f64 {
        0.5f64.powf(1.0 / self.half_life_days)
    }

    /// A contribution of a signal: its weight times its severity's multiplier.
    pub fn contribution(&self, signal: &Signal) -> f64 {
        let level = usize::from(signal.severity().get()).saturating_sub(1);
        signal.weight() * self.severity_weights.get(level).copied().unwrap_or(0.0)
    }

    fn check(&self) -> Result<(), Error> {
        // Below a tenth of a day the decay factor underflows to 0 within a few days; above 100 years it is 1.
        if !(0.1..=36_525.0).contains(&self.half_life_days) {
            return Err(Error::Config("half_life_days must be between 0.1 and 36525"));
        }
        if !self.severity_weights.iter().all(|w| (0.0..=MAX_WEIGHT).contains(w)) {
            return Err(Error::Config("severity_weights must be between 0 and MAX_WEIGHT"));
        }
        if self.district_window_days == 0 {
            return Err(Error::Config("district_window_days must be at least 1"));
        }
        Ok(())
    }
}

/// One area's daily series over the index's range.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub area: Area,
    /// The day of `values[0]`.
    pub from: Date,
    /// The index, one value a day, ≥ 0.
    pub values: Vec<f64>,
    /// Each day's input `x[d]`: the sum of the contributions of the area's signals of that day (negative when
    /// peace outweighed conflict). The CUSUM alert reads it.
    pub inputs: Vec<f64>,
    /// How many verified signals of the area fell on each day (for the public counts).
    pub signals: Vec<u32>,
}

impl Series {
    /// The value on `day`, or `None` outside the series.
    pub fn value_on(&self, day: Date) -> Option<f64> {
        let offset = usize::try_from((day - self.from).whole_days()).ok()?;
        self.values.get(offset).copied()
    }

    /// The day of the value at `offset`.
    pub fn day_at(&self, offset: usize) -> Option<Date> {
        let days = i64::try_from(offset).ok()?;
        self.from.checked_add(Duration::days(days))
    }

    /// Each day with its value and its count of signals, in order.
    pub fn days(&self) -> impl Iterator<Item = (Date, f64, u32)> + '_ {
        let days = std::iter::successors(Some(self.from), |d| d.next_day());
        days.zip(self.values.iter().copied()).zip(self.signals.iter().copied()).map(|((d, v), n)| (d, v, n))
    }
}

/// The index over a range of days: a series for every region with a signal up to the range's end, and for
/// every district with enough signals ([`Config::district_min_signals`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Index {
    pub from: Date,
    pub to: Date,
    /// By region code.
    pub regions: Vec<Series>,
    /// By region code, then district.
    pub districts: Vec<Series>,
    /// Districts with signals but too few in the trailing window for a series, with their count there.
    pub thin_districts: Vec<(Area, u32)>,
}

impl Index {
    /// The series of `region`, if it had any signal.
    pub fn region(&self, region: Region) -> Option<&Series> {
        let i = self.regions.binary_search_by(|s| s.area.region.cmp(&region)).ok()?;
        self.regions.get(i)
    }

    /// The series of a district, if it has enough data.
    pub fn district(&self, region: Region, district: District) -> Option<&Series> {
        let area = Area::district(region, district);
        let i = self.districts.binary_search_by(|s| s.area.cmp(&area)).ok()?;
        self.districts.get(i)
    }

    /// The alerts of every region over the range ([`alerts`] on each region's series), by region, then day.
    pub fn region_alerts(&self, config: &AlertConfig) -> Result<Vec<Alert>, Error> {
        let mut all = Vec::new();
        for series in &self.regions {
            all.extend(alerts(series, config)?);
        }
        Ok(all)
    }
}

/// No district: the slot value of a signal without one, and of a district without a series.
const NONE: u32 = u32::MAX;

/// The index of `signals` over `from..=to` (Kazakhstan days).
///
/// Signals after `to` are ignored. Signals before `from` are folded exactly into the value on the day before
/// `from` (between two days with signals the recurrence is a plain decay, `v · δ^gap`), so a range that starts
/// today still carries yesterday's tension. Cost: O(signals) with two hash look-ups each, plus O(areas × days),
/// plus sorting the signals before `from`.
pub fn compute(signals: &[Signal], from: Date, to: Date, config: &Config) -> Result<Index, Error> {
    config.check()?;
    if to < from {
        return Err(Error::RangeReversed);
    }
    let span = (to - from).whole_days() + 1;
    if span > MAX_DAYS {
        return Err(Error::RangeTooLong);
    }
    let days = usize::try_from(span).map_err(|_| Error::RangeTooLong)?;
    let (first, last) = (from.to_julian_day(), to.to_julian_day());
    let window = i32::try_from(config.district_window_days).unwrap_or(i32::MAX);
    let recent_from = last.saturating_sub(window).saturating_add(1);

    // Pass 1: number the areas, count the districts' recent signals.
    let mut region_slot: HashMap<Region, u32> = HashMap::new();
    let mut regions: Vec<Region> = Vec::new();
    let mut district_slot: HashMap<(Region, District), u32> = HashMap::new();
    let mut districts: Vec<(Area, u32)> = Vec::new();
    let mut slots: Vec<(u32, u32)> = Vec::with_capacity(signals.len());
    for s in signals.iter().filter(|s| s.day() <= to) {
        let area = s.area();
        let r = *region_slot.entry(area.region).or_insert_with(|| {
            regions.push(area.region);
            slot(regions.len() - 1)
        });
        let d = match area.district {
            Some(id) => {
                let d = *district_slot.entry((area.region, id)).or_insert_with(|| {
                    districts.push((area, 0));
                    slot(districts.len() - 1)
                });
                if s.day().to_julian_day() >= recent_from
                    && let Some((_, n)) = districts.get_mut(index(d))
                {
                    *n += 1;
                }
                d
            }
            None => NONE,
        };
        slots.push((r, d));
    }

    // Which districts get a series: `series_of[d]` is its row among the series (after the regions), or NONE.
    let mut series_of = vec![NONE; districts.len()];
    let mut kept = 0u32;
    for (row, (_, n)) in series_of.iter_mut().zip(&districts) {
        if *n >= config.district_min_signals {
            *row = slot(regions.len()).saturating_add(kept);
            kept += 1;
        }
    }
    let areas = regions.len() + index(kept);

    // Pass 2: each signal's contribution on its day; those before the range are kept aside to be folded.
    let mut values = vec![vec![0.0f64; days]; areas];
    let mut counts = vec![vec![0u32; days]; areas];
    let mut early: Vec<(u32, i32, f64)> = Vec::new();
    for (s, &(r, d)) in signals.iter().filter(|s| s.day() <= to).zip(&slots) {
        let c = config.contribution(s);
        let row_d = series_of.get(index(d)).copied().unwrap_or(NONE);
        let day = s.day().to_julian_day();
        if day < first {
            early.push((r, day, c));
            if row_d != NONE {
                early.push((row_d, day, c));
            }
            continue;
        }
        let offset = index_i32(day - first);
        for row in [r, row_d] {
            if row == NONE {
                continue;
            }
            if let Some(x) = values.get_mut(index(row)).and_then(|v| v.get_mut(offset)) {
                *x += c;
            }
            if let Some(n) = counts.get_mut(index(row)).and_then(|v| v.get_mut(offset)) {
                *n += 1;
            }
        }
    }

    // The value of each area on the day before the range, from the signals before it.
    let decay = config.decay();
    let mut start = vec![0.0f64; areas];
    early.sort_unstable_by_key(|&(row, day, _)| (row, day));
    let mut at = 0;
    while let Some(&(row, _, _)) = early.get(at) {
        let mut v = 0.0f64;
        let mut day = i32::MIN;
        while let Some(&(r, d, c)) = early.get(at) {
            if r != row {
                break;
            }
            if d != day {
                if day != i32::MIN {
                    v = v.max(0.0) * decay_over(decay, d - day);
                }
                day = d;
            }
            v += c;
            at += 1;
        }
        // The floor applies to the day's sum, then decay to the day before the range.
        let v = v.max(0.0) * decay_over(decay, first - 1 - day);
        if let Some(s) = start.get_mut(index(row)) {
            *s = v;
        }
    }

    // The recurrence, in place: `values` held x[d] and now holds v[d].
    let inputs = values.clone();
    for (row, v0) in values.iter_mut().zip(&start) {
        let mut v = *v0;
        for x in row.iter_mut() {
            v = (v * decay + *x).max(0.0);
            *x = v;
        }
    }

    // Assemble the series in order of area.
    let mut rows: Vec<Option<Row>> = values
        .into_iter()
        .zip(inputs)
        .zip(counts)
        .map(|((values, inputs), signals)| Some(Row { values, inputs, signals }))
        .collect();
    let mut take = |row: u32| rows.get_mut(index(row)).and_then(Option::take).unwrap_or_default();
    let mut region_series: Vec<Series> = regions
        .iter()
        .zip(0u32..)
        .map(|(&region, row)| {
            let Row { values, inputs, signals } = take(row);
            Series { area: Area::region(region), from, values, inputs, signals }
        })
        .collect();
    let mut district_series = Vec::new();
    let mut thin_districts = Vec::new();
    for (&(area, n), &row) in districts.iter().zip(&series_of) {
        if row == NONE {
            thin_districts.push((area, n));
        } else {
            let Row { values, inputs, signals } = take(row);
            district_series.push(Series { area, from, values, inputs, signals });
        }
    }
    region_series.sort_unstable_by_key(|s| s.area);
    district_series.sort_unstable_by_key(|s| s.area);
    thin_districts.sort_unstable();
    Ok(Index { from, to, regions: region_series, districts: district_series, thin_districts })
}

/// One area's arrays while they are built.
#[derive(Default)]
struct Row {
    values: Vec<f64>,
    inputs: Vec<f64>,
    signals: Vec<u32>,
}

/// δ^gap for a gap of whole days (0 when the gap is so long that nothing is left).
fn decay_over(decay: f64, gap: i32) -> f64 {
    decay.powi(gap.max(0))
}

/// A position in a vector as the compact `u32` the passes keep (areas are far fewer than 2³²).
fn slot(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(NONE)
}

fn index(slot: u32) -> usize {
    usize::try_from(slot).unwrap_or(usize::MAX)
}

fn index_i32(offset: i32) -> usize {
    usize::try_from(offset).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;
    use crate::Severity;
    use time::macros::date;

    fn kz(code: &str) -> Region {
        Region::new(code).unwrap()
    }

    fn signal(area: Area, day: Date, level: u8, weight: f64) -> Signal {
        Signal::new(area, day, Severity::new(level).unwrap(), weight).unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9 * (1.0 + a.abs().max(b.abs()))
    }

    /// The same index by the definition, day by day and signal by signal: O(days × signals).
    fn naive(signals: &[Signal], area: Area, from: Date, to: Date, config: &Config) -> Vec<f64> {
        let start = signals.iter().map(|s| s.day()).min().unwrap().min(from);
        let mut out = Vec::new();
        let mut v = 0.0f64;
        let mut day = start;
        while day <= to {
            let x: f64 = signals
                .iter()
                .filter(|s| s.day() == day)
                .filter(|s| s.area().region == area.region && (area.district.is_none() || s.area() == area))
                .map(|s| config.contribution(s))
                .sum();
            v = (v * config.decay() + x).max(0.0);
            if day >= from {
                out.push(v);
            }
            day = day.next_day().unwrap();
        }
        out
    }

    #[test]
    fn decay_halves_in_the_half_life() {
        let r = kz("KZ-10");
        let day = date!(2025 - 03 - 01);
        let config = Config::default();
        let index = compute(&[signal(Area::region(r), day, 1, 10.0)], day, date!(2025 - 04 - 30), &config).unwrap();
        let s = index.region(r).unwrap();
        assert_eq!(s.value_on(day), Some(10.0));
        assert!(close(s.value_on(date!(2025 - 03 - 15)).unwrap(), 5.0));
        assert!(close(s.value_on(date!(2025 - 03 - 29)).unwrap(), 2.5));
        assert_eq!(s.signals.iter().sum::<u32>(), 1);
    }

    #[test]
    fn severity_multiplies_and_peace_pulls_down_to_zero_at_most() {
        let r = kz("KZ-10");
        let a = Area::region(r);
        let d0 = date!(2025 - 03 - 01);
        let config = Config::default();
        let conflict = signal(a, d0, 5, 1.5); // 1.5 × 8 = 12
        let peace = signal(a, date!(2025 - 03 - 02), 2, -2.0); // −2 × 2 = −4
        let more_peace = signal(a, date!(2025 - 03 - 03), 5, -2.0); // −16
        let index = compute(&[conflict, peace, more_peace], d0, date!(2025 - 03 - 10), &config).unwrap();
        let s = index.region(r).unwrap();
        let decay = config.decay();
        assert!(close(s.values[0], 12.0));
        assert!(close(s.values[1], 12.0 * decay - 4.0));
        assert!(s.values[1] < s.values[0] * decay, "peace lowers the value");
        assert_eq!(s.inputs[..3], [12.0, -4.0, -16.0]);
        assert_eq!(s.values[2], 0.0, "floored at zero");
        // Peace banked nothing: a conflict signal the next day counts in full.
        let later = signal(a, date!(2025 - 03 - 04), 1, 1.0);
        let index = compute(&[conflict, peace, more_peace, later], d0, date!(2025 - 03 - 10), &config).unwrap();
        assert!(close(index.region(r).unwrap().values[3], 1.0));
    }

    #[test]
    fn signals_before_the_range_are_folded_exactly() {
        let r = kz("KZ-55");
        let a = Area::district(r, District(3));
        let mut signals = Vec::new();
        let mut day = date!(2024 - 01 - 01);
        let mut k = 0u32;
        while day < date!(2025 - 06 - 01) {
            if k % 3 != 1 {
                let w = if k.is_multiple_of(7) { -3.0 } else { 1.0 + f64::from(k % 4) };
                signals.push(signal(if k.is_multiple_of(2) { a } else { Area::region(r) }, day, 1 + (k % 5) as u8, w));
            }
            if k.is_multiple_of(5) {
                signals.push(signal(a, day, 2, -1.5));
            }
            k += 1;
            day = day.next_day().unwrap();
        }
        let (from, to) = (date!(2025 - 01 - 01), date!(2025 - 05 - 31));
        let config = Config { district_min_signals: 1, ..Config::default() };
        let index = compute(&signals, from, to, &config).unwrap();
        let region = index.region(r).unwrap();
        let district = index.district(r, District(3)).unwrap();
        for (got, want) in [
            (&region.values, naive(&signals, Area::region(r), from, to, &config)),
            (&district.values, naive(&signals, a, from, to, &config)),
        ] {
            assert_eq!(got.len(), want.len());
            for (g, w) in got.iter().zip(&want) {
                assert!(close(*g, *w), "{g} != {w}");
            }
        }
        // Counts are of the range only, and a region counts its districts' signals.
        let in_range = signals.iter().filter(|s| s.day() >= from && s.day() <= to).count();
        assert_eq!(region.signals.iter().sum::<u32>() as usize, in_range);
    }

    #[test]
    fn districts_need_enough_signals_in_the_trailing_window() {
        let r = kz("KZ-75");
        let (busy, thin, old) = (District(1), District(2), District(3));
        let to = date!(2025 - 12 - 31);
        let mut signals = Vec::new();
        for i in 0..12 {
            let day = to - Duration::days(i * 20);
            signals.push(signal(Area::district(r, busy), day, 1, 1.0));
            if i < 11 {
                signals.push(signal(Area::district(r, thin), day, 1, 1.0));
            }
            // Twelve signals, but more than a year before the end.
            signals.push(signal(Area::district(r, old), day - Duration::days(400), 1, 1.0));
        }
        let index = compute(&signals, date!(2024 - 01 - 01), to, &Config::default()).unwrap();
        assert!(index.district(r, busy).is_some());
        assert!(index.district(r, thin).is_none());
        assert!(index.district(r, old).is_none());
        assert_eq!(index.thin_districts, vec![(Area::district(r, thin), 11), (Area::district(r, old), 0)]);
        assert_eq!(index.region(r).unwrap().signals.iter().sum::<u32>(), 12 + 11 + 12);
    }

    #[test]
    fn series_are_ordered_and_signals_after_the_range_ignored() {
        let (a, b) = (kz("KZ-79"), kz("KZ-10"));
        let d = date!(2025 - 01 - 10);
        let signals = [
            signal(Area::region(a), d, 1, 1.0),
            signal(Area::region(b), d, 1, 1.0),
            signal(Area::region(kz("KZ-11")), date!(2025 - 02 - 01), 1, 1.0),
        ];
        let index = compute(&signals, date!(2025 - 01 - 01), date!(2025 - 01 - 31), &Config::default()).unwrap();
        let codes: Vec<&str> = index.regions.iter().map(|s| s.area.region.as_str()).collect();
        assert_eq!(codes, ["KZ-10", "KZ-79"]);
        assert_eq!(index.regions[0].values.len(), 31);
        let (day, value, n) = index.regions[0].days().nth(9).unwrap();
        assert_eq!((day, value, n), (d, 1.0, 1));
        assert_eq!(index.regions[0].day_at(30), Some(date!(2025 - 01 - 31)));
    }

    #[test]
    fn bad_ranges_and_settings_are_refused() {
        let d = date!(2025 - 01 - 10);
        assert_eq!(compute(&[], d, d.previous_day().unwrap(), &Config::default()), Err(Error::RangeReversed));
        assert_eq!(compute(&[], date!(1800 - 01 - 01), d, &Config::default()), Err(Error::RangeTooLong));
        let bad = Config { half_life_days: 0.0, ..Config::default() };
        assert!(matches!(compute(&[], d, d, &bad), Err(Error::Config(_))));
        let bad = Config { severity_weights: [1.0, 2.0, f64::NAN, 4.0, 5.0], ..Config::default() };
        assert!(matches!(compute(&[], d, d, &bad), Err(Error::Config(_))));
        let empty = compute(&[], d, d, &Config::default()).unwrap();
        assert!(empty.regions.is_empty() && empty.districts.is_empty());
    }
}
