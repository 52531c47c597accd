//! Seeded synthetic signals with planted rises, to measure the alert rule (`EVALUATION.md`) and to time the
//! index (the `recompute` bench). Every random choice comes from the seed.
//!
//! The model, per region:
//! * a base rate λ of verified signals a day, log-uniform between `rate_range`'s ends, so quiet and busy
//!   regions are both present;
//! * a weekly rhythm (fewer reports at the weekend: Monday to Friday ×1.12, Saturday ×0.8, Sunday ×0.6),
//!   a seasonal wave `1 + a · sin(2π (day of year + φ) / 365.25)` with `a` uniform in 0..`seasonal` (half the
//!   regions none), and a slow linear drift from ×(1 − g) to ×(1 + g) over the whole period with `g` uniform in
//!   −`drift`..`drift`;
//! * a Poisson count of background signals each day, a share uniform in 0.15..0.35 of them peace signals;
//!   a conflict signal is, with probability `echo`, followed by one to three related conflict signals in the
//!   next week (one incident reported and verified more than once, or a quarrel that goes on): background that
//!   is burstier than Poisson, as real reports are;
//! * indicators drawn by the frequencies of [`INDICATORS`] (one indicator, or with probability 0.2 two of the
//!   same kind), with the taxonomy's weights; severity 1 to 5 with probabilities 0.40, 0.30, 0.17, 0.09, 0.04;
//! * districts by a Zipf law over `districts_per_region` (the first twice as frequent as the second, …), 15 %
//!   of signals without a district.
//!
//! Planted rises: `rises_per_region` in each region after the `burn_in_days` (the first year, while the
//! baseline forms), one in each equal slot of the remaining period, starting at least 30 days into its slot
//! and ending at least 60 days before the slot ends. A rise lasts 3 to 28 days (uniform), adds on average
//! `magnitude × max(λ, 0.5)` conflict signals a day (the magnitude drawn in turn from `magnitudes`), either
//! evenly (a burst) or growing linearly from 0 to twice the mean (a ramp), with graver severities
//! (0.15, 0.25, 0.30, 0.18, 0.12).

use time::{Date, Duration};

use crate::rng::Rng;
use crate::{Area, District, Region, Severity, Signal};

/// The taxonomy's indicators as the generator uses them: code, default weight (as in
/// `crates/birlik/reference/indicators.csv`, checked by a test) and a relative frequency among signals of its
/// kind (made up for the synthetic series: common words and rumours, rare violence).
pub const INDICATORS: &[(&str, f64, f64)] = &[
    ("hostile-rhetoric", 1.0, 20.0),
    ("rumour", 1.0, 20.0),
    ("land-dispute", 1.5, 8.0),
    ("water-dispute", 1.5, 6.0),
    ("jobs-dispute", 1.5, 8.0),
    ("site-damage", 2.0, 4.0),
    ("youth-fight", 2.0, 8.0),
    ("protest", 1.5, 5.0),
    ("threats", 2.0, 6.0),
    ("mobilisation-call", 2.0, 4.0),
    ("separation", 1.0, 5.0),
    ("everyday-incident", 1.0, 12.0),
    ("departure", 2.5, 1.0),
    ("violent-clash", 3.0, 1.5),
    ("joint-celebration", -1.0, 25.0),
    ("mixed-initiative", -1.0, 20.0),
    ("everyday-exchange", -1.0, 8.0),
    ("council-dialogue", -1.0, 15.0),
    ("rumour-rebutted", -1.0, 8.0),
    ("leaders-appeal", -1.5, 10.0),
    ("dispute-settled", -2.0, 6.0),
    ("mediation-held", -2.0, 8.0),
];

/// The 20 regions of Kazakhstan (ISO 3166-2, from 2022); more regions are named `R-21`, `R-22`, ….
pub const KZ_REGIONS: [&str; 20] = [
    "KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33", "KZ-35", "KZ-39", "KZ-43", "KZ-47",
    "KZ-55", "KZ-59", "KZ-61", "KZ-62", "KZ-63", "KZ-71", "KZ-75", "KZ-79",
];

const BACKGROUND_SEVERITY: [f64; 5] = [0.40, 0.30, 0.17, 0.09, 0.04];
const RISE_SEVERITY: [f64; 5] = [0.15, 0.25, 0.30, 0.18, 0.12];
/// Monday first.
const WEEKLY: [f64; 7] = [1.12, 1.12, 1.12, 1.12, 1.12, 0.8, 0.6];

/// Settings of the generator; `SynthConfig::default()` is the evaluation's world.
#[derive(Clone, Debug, PartialEq)]
pub struct SynthConfig {
    pub seed: u64,
    pub regions: usize,
    pub districts_per_region: usize,
    pub from: Date,
    pub days: usize,
    /// Least and greatest base rate, signals a day.
    pub rate_range: (f64, f64),
    /// Greatest seasonal amplitude.
    pub seasonal: f64,
    /// Greatest relative drift over the period.
    pub drift: f64,
    /// Probability that a background conflict signal has echoes.
    pub echo: f64,
    pub burn_in_days: usize,
    pub rises_per_region: usize,
    /// Rise magnitudes, used in turn.
    pub magnitudes: Vec<f64>,
    /// Least and greatest duration of a rise, days.
    pub durations: (u32, u32),
}

impl Default for SynthConfig {
    fn default() -> Self {
        Self {
            seed: 1,
            regions: 20,
            districts_per_region: 10,
            from: time::macros::date!(2019 - 01 - 01),
            days: 6 * 365 + 1,
            rate_range: (0.1, 8.0),
            seasonal: 0.3,
            drift: 0.3,
            echo: 0.1,
            burn_in_days: 365,
            rises_per_region: 5,
            magnitudes: vec![0.5, 1.0, 2.0, 4.0],
            durations: (3, 28),
        }
    }
}

impl SynthConfig {
    /// The bench's world: ten years, 20 regions, 10 districts each, a rise a year in each region, base rates
    /// scaled so that `signals` signals are drawn on average over seeds. One seed's 20 random rates can give
    /// half or twice as many: the bench draws once and scales again.
    pub fn bench(signals: usize) -> Self {
        let days = 3653;
        let base = Self { days, rises_per_region: 9, ..Self::default() };
        // The mean of a log-uniform rate between a and b is (b − a) / ln(b / a); echoes and rises add about 10 %.
        let (a, b) = base.rate_range;
        let mean = (b - a) / (b / a).ln() * 1.1;
        let scale = signals as f64 / (mean * days as f64 * base.regions as f64);
        Self { rate_range: (a * scale, b * scale), ..base }
    }
}

/// A planted rise.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rise {
    pub region: Region,
    pub start: Date,
    /// The last day of the rise.
    pub end: Date,
    pub magnitude: f64,
    /// Growing linearly rather than even.
    pub ramp: bool,
    /// The region's base rate, signals a day.
    pub base_rate: f64,
    /// The signals the rise added.
    pub added: u32,
}

/// What the generator made.
#[derive(Clone, Debug, PartialEq)]
pub struct Synthetic {
    pub signals: Vec<Signal>,
    pub rises: Vec<Rise>,
    /// Each region with its base rate.
    pub regions: Vec<(Region, f64)>,
    pub from: Date,
    pub to: Date,
    /// The first day after the burn-in.
    pub scored_from: Date,
}

/// The synthetic signals of `config`, in order of region, then day.
pub fn generate(config: &SynthConfig) -> Synthetic {
    let mut rng = Rng::new(config.seed);
    let days = config.days.max(1);
    let to = add_days(config.from, days - 1);
    let scored_from = add_days(config.from, config.burn_in_days.min(days - 1));
    let conflict = Kind::of(|w| w > 0.0);
    let peace = Kind::of(|w| w < 0.0);
    let zipf: Vec<f64> = (0..config.districts_per_region).map(|k| 1.0 / (k as f64 + 1.0)).collect();
    let (lo, hi) = config.rate_range;
    let mut out =
        Synthetic { signals: Vec::new(), rises: Vec::new(), regions: Vec::new(), from: config.from, to, scored_from };
    let mut magnitude_turn = 0usize;

    // Each region's character first, from the seed's stream, so that it does not depend on how many signals
    // earlier regions drew (the bench scales the rates and expects the same regions); then each region's days
    // from a stream of its own.
    struct Character {
        base: f64,
        amplitude: f64,
        phase: f64,
        drift: f64,
        peace_share: f64,
    }
    let characters: Vec<Character> = (0..config.regions)
        .map(|_| {
            let u = rng.next_f64();
            let base = (lo.max(1e-6).ln() + u * (hi.max(lo).max(1e-6) / lo.max(1e-6)).ln()).exp();
            let amplitude = if rng.next_f64() < 0.5 { 0.0 } else { rng.uniform(0.0, config.seasonal) };
            Character {
                base,
                amplitude,
                phase: rng.uniform(0.0, 365.25),
                drift: rng.uniform(-config.drift, config.drift),
                peace_share: rng.uniform(0.15, 0.35),
            }
        })
        .collect();

    for (r, c) in characters.iter().enumerate() {
        let region = region_code(r);
        let Character { base, amplitude, phase, drift, peace_share } = *c;
        out.regions.push((region, base));
        let mut rng = Rng::new(config.seed.wrapping_mul(0x9E37_79B9).wrapping_add(r as u64 + 1));
        let mut world = World { rng: &mut rng, conflict: &conflict, peace: &peace, zipf: &zipf, region };

        // Daily extra rates of the planted rises.
        let mut extra = vec![0.0f64; days];
        let slots = config.rises_per_region;
        let scored_days = days.saturating_sub(config.burn_in_days);
        let slot_len = scored_days.checked_div(slots).unwrap_or(0);
        let mut rises_here = Vec::new();
        for k in 0..slots {
            let (shortest, longest) = (config.durations.0.max(1), config.durations.1.max(config.durations.0.max(1)));
            let length =
                usize::try_from(shortest + world.rng.below(u64::from(longest - shortest + 1)) as u32).unwrap_or(1);
            let room = slot_len.saturating_sub(30 + 60 + length);
            if slot_len < 30 + 60 + length {
                continue;
            }
            let start = config.burn_in_days + k * slot_len + 30 + world.rng.below(room as u64 + 1) as usize;
            let magnitude =
                config.magnitudes.get(magnitude_turn % config.magnitudes.len().max(1)).copied().unwrap_or(1.0);
            magnitude_turn += 1;
            let ramp = world.rng.next_f64() < 0.5;
            let mean = magnitude * base.max(0.5);
            for i in 0..length {
                let rate = if ramp { 2.0 * mean * (i as f64 + 0.5) / length as f64 } else { mean };
                if let Some(e) = extra.get_mut(start + i) {
                    *e += rate;
                }
            }
            rises_here.push((start, length, magnitude, ramp));
        }
        let mut added = vec![0u32; rises_here.len()];

        // Echoes fall on later days: kept per day ahead.
        let mut echoes = vec![0u32; days + 8];
        for (d, &extra_rate) in extra.iter().enumerate() {
            let day = add_days(config.from, d);
            let t = d as f64 / days as f64;
            let weekly = WEEKLY.get(usize::from(day.weekday().number_days_from_monday())).copied().unwrap_or(1.0);
            let season = 1.0 + amplitude * (std::f64::consts::TAU * (f64::from(day.ordinal()) + phase) / 365.25).sin();
            let trend = 1.0 + drift * (2.0 * t - 1.0);
            let lambda = base * weekly * season * trend;
            let background = world.rng.poisson(lambda);
            for _ in 0..background {
                let is_peace = world.rng.next_f64() < peace_share;
                world.push(&mut out.signals, day, is_peace, &BACKGROUND_SEVERITY);
                if !is_peace && world.rng.next_f64() < config.echo {
                    let n = 1 + world.rng.below(3) as usize;
                    for _ in 0..n {
                        let ahead = d + 1 + world.rng.below(7) as usize;
                        if let Some(e) = echoes.get_mut(ahead) {
                            *e += 1;
                        }
                    }
                }
            }
            for _ in 0..echoes.get(d).copied().unwrap_or(0) {
                world.push(&mut out.signals, day, false, &BACKGROUND_SEVERITY);
            }
            if extra_rate > 0.0 {
                let n = world.rng.poisson(extra_rate * weekly);
                for _ in 0..n {
                    world.push(&mut out.signals, day, false, &RISE_SEVERITY);
                }
                if let Some(k) = rises_here.iter().position(|&(s, l, ..)| d >= s && d < s + l)
                    && let Some(a) = added.get_mut(k)
                {
                    *a += n;
                }
            }
        }
        for (&(start, length, magnitude, ramp), &n) in rises_here.iter().zip(&added) {
            out.rises.push(Rise {
                region,
                start: add_days(config.from, start),
                end: add_days(config.from, start + length - 1),
                magnitude,
                ramp,
                base_rate: base,
                added: n,
            });
        }
    }
    out
}

/// The code of the `r`-th region.
pub fn region_code(r: usize) -> Region {
    let code = KZ_REGIONS.get(r).map(|c| (*c).to_owned()).unwrap_or_else(|| format!("R-{}", r + 1));
    Region::new(&code).unwrap_or(FALLBACK)
}

/// Never used: every code above is valid. It keeps the code free of `unwrap`.
const FALLBACK: Region = Region { bytes: *b"R\0\0\0\0\0\0\0", len: 1 };

/// The indicators of one kind: their weights and frequencies.
struct Kind {
    weights: Vec<f64>,
    frequencies: Vec<f64>,
}

impl Kind {
    fn of(keep: impl Fn(f64) -> bool) -> Self {
        let chosen = INDICATORS.iter().filter(|i| keep(i.1));
        Self { weights: chosen.clone().map(|i| i.1).collect(), frequencies: chosen.map(|i| i.2).collect() }
    }
}

struct World<'a> {
    rng: &'a mut Rng,
    conflict: &'a Kind,
    peace: &'a Kind,
    zipf: &'a [f64],
    region: Region,
}

impl World<'_> {
    fn push(&mut self, out: &mut Vec<Signal>, day: Date, peace: bool, severities: &[f64; 5]) {
        let kind = if peace { self.peace } else { self.conflict };
        let first = self.rng.pick(&kind.frequencies);
        let mut weight = kind.weights.get(first).copied().unwrap_or(0.0);
        if self.rng.next_f64() < 0.2 && kind.weights.len() > 1 {
            let mut second = self.rng.pick(&kind.frequencies);
            while second == first {
                second = self.rng.pick(&kind.frequencies);
            }
            weight += kind.weights.get(second).copied().unwrap_or(0.0);
        }
        let level = self.rng.pick(severities) + 1;
        let district = if self.zipf.is_empty() || self.rng.next_f64() < 0.15 {
            None
        } else {
            Some(District(self.rng.pick(self.zipf) as i64 + 1))
        };
        let severity = Severity::new(u8::try_from(level).unwrap_or(1)).unwrap_or(Severity(1));
        if let Ok(s) = Signal::new(Area { region: self.region, district }, day, severity, weight) {
            out.push(s);
        }
    }
}

fn add_days(day: Date, n: usize) -> Date {
    day.checked_add(Duration::days(i64::try_from(n).unwrap_or(0))).unwrap_or(day)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

    use super::*;

    /// The fields of one CSV record (RFC 4180: quoted fields may hold commas and doubled quotes).
    fn fields(line: &str) -> Vec<String> {
        let mut out = vec![String::new()];
        let mut quoted = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    chars.next();
                    out.last_mut().unwrap().push('"');
                }
                ('"', _) => quoted = !quoted,
                (',', false) => out.push(String::new()),
                _ => out.last_mut().unwrap().push(c),
            }
        }
        out
    }

    #[test]
    fn the_taxonomy_file_is_well_formed_and_the_generator_uses_its_weights() {
        let text = include_str!("../../birlik/reference/indicators.csv");
        let mut lines = text.lines();
        let header = fields(lines.next().unwrap());
        assert_eq!(
            header,
            [
                "code",
                "kind",
                "default_weight",
                "name_kk",
                "name_ru",
                "name_en",
                "description_kk",
                "description_ru",
                "description_en",
                "basis"
            ]
        );
        let mut codes = Vec::new();
        for line in lines {
            let f = fields(line);
            assert_eq!(f.len(), header.len(), "{line}");
            assert!(f.iter().all(|x| !x.trim().is_empty() && x.trim() == x), "{line}");
            let weight: f64 = f[2].parse().unwrap();
            match f[1].as_str() {
                "conflict" => assert!(weight > 0.0, "{line}"),
                "peace" => assert!(weight < 0.0, "{line}"),
                other => panic!("kind {other}"),
            }
            assert!(f[0].bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{}", f[0]);
            // Kazakh and Russian in Cyrillic, English in Latin letters.
            for kk_or_ru in [&f[3], &f[4], &f[6], &f[7]] {
                assert!(
                    kk_or_ru.chars().any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap())),
                    "{kk_or_ru}"
                );
            }
            assert!(f[5].is_ascii() && f[8].is_ascii(), "{line}");
            codes.push((f[0].clone(), weight));
        }
        let mut ours: Vec<(String, f64)> = INDICATORS.iter().map(|(c, w, _)| ((*c).to_owned(), *w)).collect();
        codes.sort_by(|a, b| a.0.cmp(&b.0));
        ours.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(codes, ours);
        codes.dedup_by(|a, b| a.0 == b.0);
        assert_eq!(codes.len(), INDICATORS.len(), "codes are unique");
    }

    #[test]
    fn the_same_seed_gives_the_same_world() {
        let config = SynthConfig { days: 800, regions: 3, rises_per_region: 1, ..SynthConfig::default() };
        let a = generate(&config);
        assert_eq!(a, generate(&config));
        let b = generate(&SynthConfig { seed: 2, ..config.clone() });
        assert_ne!(a.signals, b.signals);
        assert_eq!(a.rises.len(), 3);
        for rise in &a.rises {
            assert!(rise.start >= a.scored_from && rise.end <= a.to && rise.start <= rise.end);
        }
        assert_eq!(a.regions.len(), 3);
        assert!(a.signals.iter().all(|s| s.day() >= a.from && s.day() <= a.to));
    }

    #[test]
    fn the_bench_world_has_about_the_signals_asked_for() {
        let config = SynthConfig { days: 365, ..SynthConfig::bench(100_000) };
        let n = generate(&config).signals.len() as f64;
        // A tenth of the period: about 10,000, within the spread of 20 random base rates.
        assert!((5_000.0..20_000.0).contains(&n), "{n}");
    }
}
