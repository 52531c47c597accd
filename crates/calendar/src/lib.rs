//! Kazakhstan working days for Birlik: which dates are days off and why, and deadlines counted in working
//! days. Pure: no I/O; the per-year data is compiled in.
//!
//! The rules (see `README.md` and `data/SOURCES.md`):
//! * Saturday and Sunday are days off (five-day week).
//! * The holidays of the Law «О праздниках в Республике Казахстан» are days off ([`Holiday`]). One falling
//!   on a Saturday or Sunday moves its day off to the next weekday that is not already a day off, each in
//!   turn, so two holidays on one weekend give the next two free weekdays.
//! * 7 January (Orthodox Christmas) and the first day of Kurban Ait are days off that never move.
//! * Each year the Government (from 2024 the Minister of Labour) may swap a working day for a weekend day
//!   (Labour Code art. 85 p. 3). These acts and the Kurban Ait dates are shipped as data for
//!   [`covered_years`]. Outside those years the law still applies (weekends, holidays and their transfers)
//!   but there are no official swaps and no Kurban Ait, whose date is not known in advance.
//!
//! Lookups and [`add_working_days`] read a per-year bitset of working days built once, on first use, for
//! the covered years; other years are computed on the fly (about a microsecond).

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod data;
mod holiday;
mod reason;
mod year;

use std::ops::RangeInclusive;
use std::sync::LazyLock;

use time::Date;

pub use data::{DataError, Problem};
pub use holiday::Holiday;
pub use reason::Reason;

use data::{FIRST_YEAR, LAST_YEAR};
use year::Year;

/// Whether `date` is a day off (weekend, holiday or moved day off).
pub fn is_day_off(date: Date) -> bool {
    with_year(date.year(), |y| !y.is_working(date.ordinal()))
}

/// Why `date` is a day off, or `None` for a working day. A holiday on a weekend answers with the holiday.
pub fn day_off_reason(date: Date) -> Option<Reason> {
    with_year(date.year(), |y| y.reason(date))
}

/// Every day off of `year`, weekends included, in date order.
pub fn days_off(year: i32) -> Vec<(Date, Reason)> {
    with_year(year, Year::days_off)
}

/// The date `n` working days after `date`, counting from the next day as legal deadlines do: `n = 0` gives
/// `date` itself (even if it is a day off); `n ≥ 1` gives the `n`-th working day strictly after `date`.
/// Saturates at `Date::MAX`, which no real deadline reaches.
///
/// ```
/// use time::macros::date;
/// // Nauryz 2025: Friday 21 March is off, and Saturday 22 and Sunday 23 move to 24 and 25 March.
/// assert_eq!(calendar::add_working_days(date!(2025 - 03 - 20), 1), date!(2025 - 03 - 26));
/// assert_eq!(calendar::add_working_days(date!(2025 - 03 - 20), 0), date!(2025 - 03 - 20));
/// ```
pub fn add_working_days(date: Date, n: u32) -> Date {
    if n == 0 {
        return date;
    }
    let mut year = date.year();
    // Bit `ordinal - 1` is the day itself, so the day after is bit `ordinal`.
    let mut start = usize::from(date.ordinal());
    let mut left = n;
    while year <= Date::MAX.year() {
        match with_year(year, |y| y.nth_working_from(start, left)) {
            Ok(ordinal) => return Date::from_ordinal_date(year, ordinal).unwrap_or(Date::MAX),
            Err(rest) => left = rest,
        }
        year += 1;
        start = 0;
    }
    Date::MAX
}

/// The years with shipped data (official transfers of days off and the Kurban Ait date): 2021..=2027.
/// Which of their entries are verified and which estimated is listed in `data/SOURCES.md`.
pub fn covered_years() -> RangeInclusive<i32> {
    FIRST_YEAR..=LAST_YEAR
}

/// The first problem found in the shipped data files, if any. The crate's tests keep this `Ok`; should a bad
/// file slip through, the calendar does not panic but answers for that year by the law alone, and this
/// reports it (for a start-up health check).
pub fn check_data() -> Result<(), DataError> {
    TABLES.errors.first().map_or(Ok(()), |e| Err(e.clone()))
}

/// The covered years, built on first use.
struct Tables {
    /// `years[i]` is `FIRST_YEAR + i`.
    years: Vec<Year>,
    errors: Vec<DataError>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut tables = Tables { years: Vec::new(), errors: Vec::new() };
    for (year, text) in data::files() {
        match data::parse(year, text).and_then(|d| Year::with_data(year, &d)) {
            Ok(table) => tables.years.push(table),
            Err(e) => {
                tables.errors.push(e);
                tables.years.push(Year::statutory(year));
            }
        }
    }
    tables
});

/// Runs `f` on `year`'s table: the shipped one for a covered year, else one computed now.
fn with_year<R>(year: i32, f: impl FnOnce(&Year) -> R) -> R {
    let index = year.checked_sub(FIRST_YEAR).and_then(|i| usize::try_from(i).ok());
    match index.and_then(|i| TABLES.years.get(i)) {
        Some(table) => f(table),
        None => f(&Year::statutory(year)),
    }
}

/// The languages names come in; anything else falls back to Kazakh, the state language.
#[derive(Clone, Copy)]
enum Lang {
    Kk,
    Ru,
    En,
}

impl Lang {
    /// "ru", "RU" and "ru-KZ" are Russian; likewise English; everything else is Kazakh.
    fn parse(tag: &str) -> Self {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("ru") {
            Self::Ru
        } else if primary.eq_ignore_ascii_case("en") {
            Self::En
        } else {
            Self::Kk
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

    use super::*;
    use data::{Problem, parse};
    use time::macros::date;

    #[test]
    fn every_shipped_file_parses_and_fits_the_law() {
        for (year, text) in data::files() {
            let parsed = parse(year, text).unwrap_or_else(|e| panic!("{e}"));
            if let Err(e) = Year::with_data(year, &parsed) {
                panic!("{e}");
            }
        }
        assert_eq!(check_data(), Ok(()));
        assert_eq!(TABLES.years.len(), covered_years().count());
    }

    /// The line and problem of the first error in a 2025 file.
    fn problem(text: &str) -> (usize, Problem) {
        let e = parse(2025, text).and_then(|d| Year::with_data(2025, &d).map(|_| ())).unwrap_err();
        (e.line, e.problem)
    }

    /// A valid 2025 file up to line 3; the cases below add line 4 (and 5).
    const HEAD: &str = "# comment\nsource: test\nkurban-ait: 2025-06-06\n";

    #[test]
    fn a_minimal_file_parses() {
        let d = parse(2025, &format!("{HEAD}\ntransfer: 2025-01-05 -> 2025-01-03\n")).unwrap();
        assert_eq!(d.kurban_ait, date!(2025 - 06 - 06));
        let t = d.transfers[0];
        assert_eq!((t.from, t.to, t.line), (date!(2025 - 01 - 05), date!(2025 - 01 - 03), 5));
    }

    #[test]
    fn malformed_files_are_errors_with_their_line() {
        let whole_files = [
            ("kurban-ait: 2025-06-06\n", (0, Problem::NoSource)),
            ("source: x\n", (0, Problem::NoKurbanAit)),
            ("source:\n", (1, Problem::NoSource)),
            ("source: x\nkurban-ait: 2024-06-16\n", (2, Problem::OutsideYear)),
        ];
        for (text, want) in whole_files {
            assert_eq!(problem(text), want, "{text}");
        }
        let fourth_lines = [
            ("kurban-ait: 2025-06-07", Problem::SecondKurbanAit),
            ("holiday: 2025-01-03", Problem::UnknownLine),
            ("no colon here", Problem::UnknownLine),
            ("transfer: 2025-01-05 2025-01-03", Problem::BadDate),
            ("transfer: 2025-13-05 -> 2025-01-03", Problem::BadDate),
        ];
        for (line, want) in fourth_lines {
            assert_eq!(problem(&format!("{HEAD}{line}\n")), (4, want), "{line}");
        }
    }

    #[test]
    fn transfers_that_do_not_fit_the_law_are_errors() {
        let cases = [
            ("2025-01-06 -> 2025-01-03", Problem::FromNotWeekend), // a Monday is no weekend day
            ("2025-03-22 -> 2025-03-26", Problem::FromNotWeekend), // a Saturday, but Nauryz
            ("2025-01-04 -> 2025-01-07", Problem::ToNotWorkingDay), // Orthodox Christmas is already off
            ("2025-01-04 -> 2025-01-11", Problem::ToNotWorkingDay), // a Saturday
            ("2025-01-04 -> 2025-03-24", Problem::ToNotWorkingDay), // Nauryz's moved day off
        ];
        for (transfer, want) in cases {
            assert_eq!(problem(&format!("{HEAD}transfer: {transfer}\n")), (4, want), "{transfer}");
        }
        // The same Saturday cannot be given twice.
        let twice = format!("{HEAD}transfer: 2025-01-04 -> 2025-01-03\ntransfer: 2025-01-04 -> 2025-01-06\n");
        assert_eq!(problem(&twice), (5, Problem::FromNotWeekend));
    }

    #[test]
    fn error_messages_name_the_file_and_line() {
        let e = parse(2025, "source: x\nkurban-ait: soon\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "crates/calendar/data/2025.txt line 2: expected YYYY-MM-DD (and `A -> B` for a transfer)"
        );
    }

    #[test]
    fn language_tags() {
        assert!(matches!(Lang::parse("ru-KZ"), Lang::Ru));
        assert!(matches!(Lang::parse("EN"), Lang::En));
        assert!(matches!(Lang::parse("kk"), Lang::Kk));
        assert!(matches!(Lang::parse("de"), Lang::Kk));
        assert!(matches!(Lang::parse(""), Lang::Kk));
    }
}
