//! The tension index as the application keeps it: computed by the `tension` crate from every confirmed signal,
//! held in memory (each server recomputes when a finding changes, and when the day turns), and published as
//! weekly figures per region. After each computation the alert rule's recent alerts are stored, once
//! ([`super::alerts`]).
//!
//! The method (a decaying weighted sum per region; Page's CUSUM against a 180-day baseline) is documented in the
//! `tension` crate and in ARCHITECTURE.md; its evaluation on synthetic series with planted rises is in
//! `crates/tension/EVALUATION.md` and BENCHMARKS.md.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, RwLock};

use time::{Date, Duration};

use super::store;
use crate::platform::days::{iso, parse_iso};
use crate::platform::db::Db;

/// A week's published figures for one region: the index on the week's last day, and the confirmed signals of the
/// week, suppressed under [`SMALL`].
#[derive(Clone, Debug, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Week {
    pub region_code: String,
    /// The ISO week, e.g. `2026-W48`.
    pub week: String,
    /// Its Monday.
    pub starts_on: String,
    /// The index on the week's last day (or on the last day computed, for the week under way), to one decimal.
    pub index: f64,
    /// Confirmed signals of the week; none when there were 1 to 4 (shown as "fewer than 5").
    pub signals: Option<u32>,
    /// True when `signals` is withheld because it is under 5.
    pub fewer_than_5: bool,
}

/// Counts from 1 to `SMALL − 1` are never published.
pub const SMALL: u32 = 5;

/// One computation: the daily index and its weekly figures.
pub struct Computed {
    pub index: tension::Index,
    pub weeks: Vec<Week>,
    /// The day it was computed for.
    pub today: Date,
}

impl Computed {
    /// The weeks of one region, oldest first.
    pub fn region_weeks<'a>(&'a self, region: &'a str) -> impl DoubleEndedIterator<Item = &'a Week> + 'a {
        self.weeks.iter().filter(move |w| w.region_code == region)
    }

    /// The latest week of each region.
    pub fn latest(&self) -> BTreeMap<&str, &Week> {
        let mut out = BTreeMap::new();
        for w in &self.weeks {
            out.insert(w.region_code.as_str(), w);
        }
        out
    }
}

/// The index kept between computations, and the confirmed signals it is computed from, kept in memory too: a
/// finding changes one entry (by id), so that recomputing never rereads a million rows.
#[derive(Clone, Default)]
pub struct Memo {
    current: Arc<RwLock<Option<Arc<Computed>>>>,
    signals: Arc<RwLock<Option<HashMap<i64, store::Counted>>>>,
}

impl Memo {
    /// The index for `today`, computed when none is kept, or the one kept is of another day.
    pub async fn get(&self, db: &Db, today: Date) -> anyhow::Result<Arc<Computed>> {
        if let Some(c) = self.current.read().ok().and_then(|c| c.clone()).filter(|c| c.today == today) {
            return Ok(c);
        }
        self.refresh(db, today).await
    }

    /// Computes the index afresh from the signals kept (read from the database the first time).
    pub async fn refresh(&self, db: &Db, today: Date) -> anyhow::Result<Arc<Computed>> {
        let rows = self.rows(db).await?;
        let computed = Arc::new(tokio::task::spawn_blocking(move || compute(&rows, today)).await??);
        if let Ok(mut current) = self.current.write() {
            *current = Some(computed.clone());
        }
        Ok(computed)
    }

    /// The confirmed signals, from memory (read once).
    async fn rows(&self, db: &Db) -> anyhow::Result<Vec<store::Counted>> {
        if let Some(kept) = self.signals.read().ok().and_then(|s| s.as_ref().map(|m| m.values().cloned().collect())) {
            return Ok(kept);
        }
        let all: HashMap<i64, store::Counted> = store::confirmed_by_id(db).await?.into_iter().collect();
        let rows = all.values().cloned().collect();
        if let Ok(mut kept) = self.signals.write() {
            *kept = Some(all);
        }
        Ok(rows)
    }

    /// A finding changed: signal `id` now counts or no longer does (`None`: many changed, read them all again).
    /// The index kept is forgotten; the next reader computes it from memory.
    pub async fn changed(&self, db: &Db, id: Option<i64>) -> anyhow::Result<()> {
        match id {
            Some(id) => {
                let now = store::confirmed_one(db, id).await?;
                if let Ok(mut kept) = self.signals.write()
                    && let Some(map) = kept.as_mut()
                {
                    match now {
                        Some(row) => map.insert(id, row),
                        None => map.remove(&id),
                    };
                }
            }
            None => {
                if let Ok(mut kept) = self.signals.write() {
                    *kept = None;
                }
            }
        }
        if let Ok(mut current) = self.current.write() {
            *current = None;
        }
        Ok(())
    }
}

/// The index of the confirmed signals `rows` up to `today`: from a year back, or from the oldest signal.
pub fn compute(rows: &[store::Counted], today: Date) -> anyhow::Result<Computed> {
    let mut signals = Vec::with_capacity(rows.len());
    let mut from = today - Duration::days(364);
    for (region, district, day, severity, weight) in rows {
        let (Some(region), Some(day), Some(severity)) = (
            tension::Region::new(region),
            parse_iso(day),
            u8::try_from(*severity).ok().and_then(tension::Severity::new),
        ) else {
            continue;
        };
        if day > today {
            continue;
        }
        from = from.min(day);
        let area = match district {
            Some(d) => tension::Area::district(region, tension::District(*d)),
            None => tension::Area::region(region),
        };
        signals.push(tension::Signal::new(area, day, severity, *weight)?);
    }
    // Weeks start on Monday: the range starts on one, so every published week is whole (but the current one).
    let from = from - Duration::days(i64::from(from.weekday().number_days_from_monday()));
    let index = tension::compute(&signals, from, today, &tension::Config::default())?;
    let weeks = weekly(&index);
    Ok(Computed { index, weeks, today })
}

/// Rounds to one decimal, as the public figures are shown.
fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The weekly figures of every region of the registry (a region without a signal is published as quiet).
fn weekly(index: &tension::Index) -> Vec<Week> {
    let mut out = Vec::new();
    let days = (index.to - index.from).whole_days().max(0);
    for region in crate::registry::reference::regions() {
        let series = tension::Region::new(&region.code).and_then(|r| index.region(r));
        let daily: Vec<(Date, f64, u32)> = match series {
            Some(s) => s.days().collect(),
            None => (0..=days).map(|d| (index.from + Duration::days(d), 0.0, 0)).collect(),
        };
        let mut week: Option<(Date, f64, u32)> = None;
        for (day, value, count) in daily {
            let monday = day - Duration::days(i64::from(day.weekday().number_days_from_monday()));
            week = match week {
                Some((m, _, n)) if m == monday => Some((m, value, n + count)),
                Some(done) => {
                    out.push(published(&region.code, done));
                    Some((monday, value, count))
                }
                None => Some((monday, value, count)),
            };
        }
        if let Some(done) = week {
            out.push(published(&region.code, done));
        }
    }
    out
}

fn published(region_code: &str, (monday, value, count): (Date, f64, u32)) -> Week {
    let (year, number, _) = monday.to_iso_week_date();
    let hidden = count > 0 && count < SMALL;
    Week {
        region_code: region_code.to_owned(),
        week: format!("{year}-W{number:02}"),
        starts_on: iso(monday),
        index: round1(value),
        signals: (!hidden).then_some(count),
        fewer_than_5: hidden,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use time::macros::date;

    use super::*;

    fn row(region: &str, day: &str, severity: i64, weight: f64) -> store::Counted {
        (region.to_owned(), None, day.to_owned(), severity, weight)
    }

    #[test]
    fn weeks_are_whole_mondays_and_small_counts_are_withheld() {
        let today = date!(2026 - 12 - 02); // a Wednesday
        let mut rows = vec![row("KZ-19", "2026-11-23", 3, 1.5), row("KZ-19", "2026-11-24", 3, 1.5)];
        for _ in 0..6 {
            rows.push(row("KZ-31", "2026-11-25", 2, 1.0));
        }
        let c = compute(&rows, today).unwrap();
        assert_eq!(c.latest().len(), 20, "every region is published");
        let zhetysu: Vec<_> = c.region_weeks("KZ-19").collect();
        let week = zhetysu.iter().find(|w| w.week == "2026-W48").unwrap();
        assert_eq!(week.starts_on, "2026-11-23");
        assert_eq!((week.signals, week.fewer_than_5), (None, true), "two signals are fewer than 5");
        let jambyl = c.region_weeks("KZ-31").find(|w| w.week == "2026-W48").unwrap();
        assert_eq!((jambyl.signals, jambyl.fewer_than_5), (Some(6), false));
        // 6 × (1.0 × 2) on Wednesday, decayed over the four days to Sunday with a 14-day half-life.
        let expected = 12.0 * 0.5f64.powf(4.0 / 14.0);
        assert!((jambyl.index - round1(expected)).abs() < 1e-9, "{} vs {expected}", jambyl.index);
        let quiet = c.region_weeks("KZ-75").find(|w| w.week == "2026-W48").unwrap();
        assert_eq!((quiet.index, quiet.signals, quiet.fewer_than_5), (0.0, Some(0), false));
        let current = c.region_weeks("KZ-31").last().unwrap();
        assert_eq!(current.week, "2026-W49", "the week under way is published to today");
    }

    #[test]
    fn future_and_unreadable_rows_are_left_out() {
        let today = date!(2026 - 12 - 02);
        let rows = vec![
            row("KZ-19", "2027-01-01", 3, 9.0),
            row("nowhere!", "2026-11-01", 3, 9.0),
            row("KZ-19", "bad", 3, 9.0),
        ];
        let c = compute(&rows, today).unwrap();
        assert!(c.weeks.iter().all(|w| w.index == 0.0));
    }
}
