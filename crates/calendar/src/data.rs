//! The shipped per-year data: official transfers of days off and the first day of Kurban Ait.
//!
//! One file a year, `data/<year>.txt`, compiled in. Lines are `key: value`; blank lines and lines starting
//! with `#` are ignored:
//!
//! ```text
//! source: Приказ Министра труда и социальной защиты населения РК от 21.11.2024 «О переносе дня отдыха в 2025 году»
//! kurban-ait: 2025-06-06
//! transfer: 2025-01-05 -> 2025-01-03
//! ```
//!
//! `source` (one or more) names the act; `kurban-ait` (exactly one) is the first day of Kurban Ait;
//! `transfer: A -> B` (any number) moves the day off from the weekend day A, which becomes a working day,
//! to the working day B, as the acts word it («перенести день отдыха с A на B»).

use std::fmt;

use time::Date;
use time::macros::format_description;

/// The first year with a data file; the others follow without gaps.
pub(crate) const FIRST_YEAR: i32 = 2021;

/// `data/<FIRST_YEAR + i>.txt` at index `i`.
const FILES: [&str; 7] = [
    include_str!("../data/2021.txt"),
    include_str!("../data/2022.txt"),
    include_str!("../data/2023.txt"),
    include_str!("../data/2024.txt"),
    include_str!("../data/2025.txt"),
    include_str!("../data/2026.txt"),
    include_str!("../data/2027.txt"),
];

/// The last year with a data file.
pub(crate) const LAST_YEAR: i32 = FIRST_YEAR + FILES.len() as i32 - 1;

/// Every data file with its year.
pub(crate) fn files() -> impl Iterator<Item = (i32, &'static str)> {
    (FIRST_YEAR..).zip(FILES)
}

/// One year's parsed file.
#[derive(Debug)]
pub(crate) struct YearData {
    pub(crate) kurban_ait: Date,
    pub(crate) transfers: Vec<Transfer>,
}

/// `transfer: from -> to`, with its line for error messages.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Transfer {
    pub(crate) from: Date,
    pub(crate) to: Date,
    pub(crate) line: usize,
}

/// A problem in a shipped data file. The shipped files are checked by the crate's tests, so this only shows
/// up after a bad edit; the calendar then answers for that year by the law alone (see `check_data`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The file's year (`data/<year>.txt`).
    pub year: i32,
    /// The 1-based line, or 0 for a problem with the whole file.
    pub line: usize,
    /// What is wrong.
    pub problem: Problem,
}

/// What is wrong in a data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// Not `key: value` with a known key.
    UnknownLine,
    /// A date that is not `YYYY-MM-DD`, or a `transfer` without `->`.
    BadDate,
    /// A date outside the file's year.
    OutsideYear,
    /// No `source` line, or an empty one.
    NoSource,
    /// No `kurban-ait` line.
    NoKurbanAit,
    /// A second `kurban-ait` line.
    SecondKurbanAit,
    /// A transfer whose working day is not a plain Saturday or Sunday (a holiday, or already transferred).
    FromNotWeekend,
    /// A transfer whose day off is not a plain working day under the law.
    ToNotWorkingDay,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.problem {
            Problem::UnknownLine => "expected `source:`, `kurban-ait:` or `transfer:`",
            Problem::BadDate => "expected YYYY-MM-DD (and `A -> B` for a transfer)",
            Problem::OutsideYear => "date outside the file's year",
            Problem::NoSource => "no `source:` line",
            Problem::NoKurbanAit => "no `kurban-ait:` line",
            Problem::SecondKurbanAit => "a second `kurban-ait:` line",
            Problem::FromNotWeekend => "the day made a working day is not a plain Saturday or Sunday",
            Problem::ToNotWorkingDay => "the day made a day off is not a plain working day",
        };
        write!(f, "crates/calendar/data/{}.txt line {}: {what}", self.year, self.line)
    }
}

impl std::error::Error for DataError {}

/// Parses one year's file. Only the syntax and the year of each date are checked here; whether the
/// transfers fit the law is checked when the year's table is built.
pub(crate) fn parse(year: i32, text: &str) -> Result<YearData, DataError> {
    let error = |line, problem| DataError { year, line, problem };
    let mut sources = 0;
    let mut kurban_ait = None;
    let mut transfers = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let raw = raw.trim();
        if raw.is_empty() || raw.starts_with('#') {
            continue;
        }
        let date = |s: &str| parse_date(year, s).map_err(|p| error(line, p));
        match raw.split_once(':').map(|(k, v)| (k.trim(), v.trim())) {
            Some(("source", v)) if !v.is_empty() => sources += 1,
            Some(("source", _)) => return Err(error(line, Problem::NoSource)),
            Some(("kurban-ait", v)) if kurban_ait.is_none() => kurban_ait = Some(date(v)?),
            Some(("kurban-ait", _)) => return Err(error(line, Problem::SecondKurbanAit)),
            Some(("transfer", v)) => {
                let (from, to) = v.split_once("->").ok_or(error(line, Problem::BadDate))?;
                transfers.push(Transfer { from: date(from)?, to: date(to)?, line });
            }
            _ => return Err(error(line, Problem::UnknownLine)),
        }
    }
    if sources == 0 {
        return Err(error(0, Problem::NoSource));
    }
    let kurban_ait = kurban_ait.ok_or(error(0, Problem::NoKurbanAit))?;
    Ok(YearData { kurban_ait, transfers })
}

fn parse_date(year: i32, s: &str) -> Result<Date, Problem> {
    let date = Date::parse(s.trim(), format_description!("[year]-[month]-[day]")).map_err(|_| Problem::BadDate)?;
    if date.year() == year { Ok(date) } else { Err(Problem::OutsideYear) }
}
