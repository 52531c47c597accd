//! Birlik's early warning of ethno-social tension, the pure core: a daily **tension index** per region and
//! (where the data suffices) per district, computed from verified signals, and the **alert rule** that says
//! when a region's value is abnormal against its own past. No I/O: the application stores signals, calls
//! [`compute`] and [`Index::region_alerts`], and stores or shows what they return.
//!
//! # The index ([`compute`])
//!
//! A verified signal contributes `c = weight × severity_weights[severity − 1]` on its day, where `weight` is the
//! sum of its indicators' weights (a conflict indicator's weight is positive, a peace indicator's negative; the
//! taxonomy with default weights is `crates/birlik/reference/indicators.csv`). An area's value on day `d` is
//!
//! ```text
//! v[d] = max(0, v[d − 1] · δ + x[d]),   δ = 2^(−1 / half_life),   x[d] = Σ c over the area's signals of day d
//! ```
//!
//! so a contribution halves every `half_life` days (14 by default), peace pulls the value down, and the value
//! never goes below 0 (peace in a quiet time does not bank credit against later conflict). One pass over the
//! signals and one over the days: O(signals + areas × days). Signals before the range are folded exactly into
//! the value on the day before it (between two days with signals the recurrence is a plain decay).
//!
//! A region's series counts every signal of the region, district or not; a district has a series only when it
//! has at least `district_min_signals` (12) verified signals in the `district_window_days` (365) ending on the
//! range's last day ([`Config`]).
//!
//! # The alert ([`alerts`])
//!
//! A region's day is compared with its own **baseline window**: the 180 days ending 15 days before it (the
//! last 14 days are left out so that a rise under way does not become its own baseline). By default
//! ([`Method::Cusum`]) the day's input `x[d]` is standardised by the window's mean `μ` and deviation `σ` and
//! added up, less an allowance `k = 0.5`: `S[d] = max(0, S[d − 1] + (x[d] − μ) / σ − k)`; an alert is raised
//! when `S > 12` and the index is above an absolute floor (20). The other method, [`Method::IndexZ`], is the
//! robust z-score of the index against the window's median and MAD; the evaluation found the CUSUM catching
//! more rises at fewer false alarms. One rise raises one alert: after an alert the area raises no other until
//! at least 28 days have passed and its score has come back down. Details in [`AlertConfig`] and
//! `EVALUATION.md`.
//!
//! [`synth`] and [`evaluate`] are the seeded synthetic series with planted rises and the scoring of the rule
//! on them (the `evaluate` example, the tests and the bench use them).

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod alert;
pub mod evaluate;
mod index;
pub mod rng;
pub mod synth;
mod window;

use std::fmt;

use time::Date;

pub use alert::{Alert, AlertConfig, Baseline, Method, alerts, baselines};
pub use index::{Config, Index, Series, compute};

/// The largest weight (in absolute value) a signal or a severity level may carry: far above any real weight,
/// it keeps every sum of a million signals finite.
pub const MAX_WEIGHT: f64 = 1e6;

/// The longest range [`compute`] accepts, in days (about 200 years): the series are dense, one value a day.
pub const MAX_DAYS: i64 = 73_050;

/// A region's code as the registry writes it (ISO 3166-2, e.g. `KZ-75`): 1 to 8 ASCII letters, digits or
/// hyphens. Small and `Copy`, so a million signals carry no strings.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Region {
    bytes: [u8; 8],
    len: u8,
}

impl Region {
    /// The region of `code`, or `None` when it is empty, longer than 8 or not ASCII letters, digits and `-`.
    pub fn new(code: &str) -> Option<Self> {
        let len = code.len();
        if len == 0 || len > 8 || !code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return None;
        }
        let mut bytes = [0u8; 8];
        for (to, from) in bytes.iter_mut().zip(code.bytes()) {
            *to = from;
        }
        Some(Self { bytes, len: u8::try_from(len).ok()? })
    }

    /// The code, as given.
    pub fn as_str(&self) -> &str {
        let bytes = self.bytes.get(..usize::from(self.len)).unwrap_or_default();
        std::str::from_utf8(bytes).unwrap_or_default()
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Region({})", self.as_str())
    }
}

/// A district, by the application's id for it (a row of the registry). Districts of different regions are
/// different areas even if their ids were equal.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct District(pub i64);

/// Where a signal happened, and what a series or an alert is about: a region, or a district of a region.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Area {
    pub region: Region,
    pub district: Option<District>,
}

impl Area {
    /// The region as a whole.
    pub fn region(region: Region) -> Self {
        Self { region, district: None }
    }

    /// A district of `region`.
    pub fn district(region: Region, district: District) -> Self {
        Self { region, district: Some(district) }
    }
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.district {
            Some(d) => write!(f, "{}/{}", self.region, d.0),
            None => write!(f, "{}", self.region),
        }
    }
}

/// A signal's severity on the 1..=5 scale of the report form: 1 minor (words, one person), 5 grave (violence,
/// many people). The index multiplies a signal's weight by the level's entry of
/// [`Config::severity_weights`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Severity(u8);

impl Severity {
    /// The level, or `None` outside 1..=5.
    pub fn new(level: u8) -> Option<Self> {
        (1..=5).contains(&level).then_some(Self(level))
    }

    /// The level, 1..=5.
    pub fn get(self) -> u8 {
        self.0
    }
}

/// A verified signal, as the index sees it: where, which day (a Kazakhstan day, UTC+5, as the application's
/// `days` module gives it), how severe, and the sum of its indicators' weights. Build it with [`Signal::new`]
/// or [`Signal::from_indicators`], which refuse weights that are not finite or exceed [`MAX_WEIGHT`].
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Signal {
    area: Area,
    day: Date,
    severity: Severity,
    weight: f64,
}

impl Signal {
    /// A signal whose indicators' weights sum to `weight` (positive: conflict outweighs peace).
    pub fn new(area: Area, day: Date, severity: Severity, weight: f64) -> Result<Self, Error> {
        if !weight.is_finite() || weight.abs() > MAX_WEIGHT {
            return Err(Error::Weight);
        }
        Ok(Self { area, day, severity, weight })
    }

    /// A signal with these indicators' weights (the taxonomy's, conflict positive, peace negative), summed.
    pub fn from_indicators(
        area: Area,
        day: Date,
        severity: Severity,
        weights: impl IntoIterator<Item = f64>,
    ) -> Result<Self, Error> {
        let mut sum = 0.0;
        for w in weights {
            if !w.is_finite() || w.abs() > MAX_WEIGHT {
                return Err(Error::Weight);
            }
            sum += w;
        }
        Self::new(area, day, severity, sum)
    }

    pub fn area(&self) -> Area {
        self.area
    }

    pub fn day(&self) -> Date {
        self.day
    }

    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// The sum of the signal's indicators' weights.
    pub fn weight(&self) -> f64 {
        self.weight
    }
}

/// Why a signal, a range or a configuration is refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Error {
    /// A weight is not finite or exceeds [`MAX_WEIGHT`] in absolute value.
    Weight,
    /// The range ends before it starts.
    RangeReversed,
    /// The range is longer than [`MAX_DAYS`].
    RangeTooLong,
    /// A setting is out of its bounds; the text names it.
    Config(&'static str),
    /// A series' values, inputs and counts are not all one a day (a series not made by [`compute`]).
    Series,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Weight => write!(f, "a weight is not a finite number of at most {MAX_WEIGHT} in absolute value"),
            Self::RangeReversed => f.write_str("the range ends before it starts"),
            Self::RangeTooLong => write!(f, "the range is longer than {MAX_DAYS} days"),
            Self::Config(what) => write!(f, "setting out of bounds: {what}"),
            Self::Series => f.write_str("a series' values, inputs and counts differ in length"),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use time::macros::date;

    #[test]
    fn region_codes() {
        let r = Region::new("KZ-75").unwrap();
        assert_eq!(r.as_str(), "KZ-75");
        assert_eq!(r.to_string(), "KZ-75");
        assert!(Region::new("").is_none());
        assert!(Region::new("KZ-123456").is_none());
        assert!(Region::new("KZ 75").is_none());
        assert!(Region::new("ҚЗ-75").is_none());
        assert!(Region::new("KZ-10").unwrap() < Region::new("KZ-11").unwrap());
        let a = Area::district(r, District(7));
        assert_eq!(a.to_string(), "KZ-75/7");
    }

    #[test]
    fn severities_and_weights_are_checked() {
        assert!(Severity::new(0).is_none());
        assert!(Severity::new(6).is_none());
        let s = Severity::new(3).unwrap();
        assert_eq!(s.get(), 3);
        let area = Area::region(Region::new("KZ-10").unwrap());
        let day = date!(2025 - 01 - 01);
        assert_eq!(Signal::new(area, day, s, f64::NAN), Err(Error::Weight));
        assert_eq!(Signal::new(area, day, s, 2e6), Err(Error::Weight));
        assert_eq!(Signal::from_indicators(area, day, s, [1.0, f64::INFINITY]), Err(Error::Weight));
        let mixed = Signal::from_indicators(area, day, s, [1.5, -1.0]).unwrap();
        assert_eq!(mixed.weight(), 0.5);
    }
}
