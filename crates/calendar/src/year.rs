//! One year's calendar: a bitset of working days for fast counting, and the reasons of the non-weekend
//! days off.

use time::{Date, Weekday};

use crate::data::{DataError, Problem, Transfer, YearData};
use crate::holiday::fixed_holidays;
use crate::{Holiday, Reason};

/// 6 × 64 = 384 bits ≥ 366 days.
const WORDS: usize = 6;

pub(crate) struct Year {
    year: i32,
    /// Days in the year; 0 for a year `time` cannot represent.
    len: u16,
    /// Bit `i` (word `i / 64`, bit `i % 64`) is set when the day with ordinal `i + 1` is a working day.
    /// Bits past the year's end are clear, so a scan can run off the end safely.
    work: [u64; WORDS],
    /// Every day off that is not a plain weekend (holidays, also on weekends, and moved days off), sorted.
    special: Vec<(Date, Reason)>,
}

impl Year {
    /// The year by the law alone: weekends, fixed holidays and their statutory transfers. Used for years
    /// without a data file, which have no official transfers and no known Kurban Ait.
    pub(crate) fn statutory(year: i32) -> Self {
        // No official transfers means nothing to validate.
        Self::build(year, None, &[]).unwrap_or_else(|_| Self::empty(year))
    }

    /// The year with its data file.
    pub(crate) fn with_data(year: i32, data: &YearData) -> Result<Self, DataError> {
        Self::build(year, Some(data.kurban_ait), &data.transfers)
    }

    fn empty(year: i32) -> Self {
        Self { year, len: 0, work: [0; WORDS], special: Vec::new() }
    }

    fn build(year: i32, kurban_ait: Option<Date>, transfers: &[Transfer]) -> Result<Self, DataError> {
        let Ok(jan1) = Date::from_ordinal_date(year, 1) else { return Ok(Self::empty(year)) };
        let mut special = holidays(year, kurban_ait);
        add_statutory_transfers(&mut special);
        let mut working_weekends = Vec::with_capacity(transfers.len());
        for t in transfers {
            check_transfer(year, t, &special, &working_weekends)?;
            special.push((t.to, Reason::GovernmentTransfer { from: t.from }));
            working_weekends.push(t.from);
        }
        special.sort_by_key(|&(d, _)| d);
        let len = time::util::days_in_year(year);
        let work = working_bits(jan1, len, &special, &working_weekends);
        Ok(Self { year, len, work, special })
    }

    pub(crate) fn is_working(&self, ordinal: u16) -> bool {
        let i = usize::from(ordinal).wrapping_sub(1);
        self.work.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
    }

    pub(crate) fn reason(&self, date: Date) -> Option<Reason> {
        if date.year() != self.year || self.is_working(date.ordinal()) {
            return None;
        }
        let found = self.special.binary_search_by_key(&date, |&(d, _)| d).ok();
        Some(found.and_then(|i| self.special.get(i)).map_or(Reason::Weekend, |&(_, r)| r))
    }

    pub(crate) fn days_off(&self) -> Vec<(Date, Reason)> {
        (1..=self.len)
            .filter(|&o| !self.is_working(o))
            .filter_map(|o| Date::from_ordinal_date(self.year, o).ok())
            .filter_map(|d| self.reason(d).map(|r| (d, r)))
            .collect()
    }

    /// The ordinal of the `n`-th working day (n ≥ 1) counting from bit `start` (the day with ordinal
    /// `start + 1`), or `Err` with how many working days are still to go after this year's last one.
    ///
    /// A word scan: `count_ones` skips 64 days at a time, then the `n − 1` lowest set bits of the last
    /// word are dropped and `trailing_zeros` gives the answer; 15 working days span one or two words.
    pub(crate) fn nth_working_from(&self, start: usize, mut n: u32) -> Result<u16, u32> {
        let first_word = start / 64;
        for (i, &word) in self.work.iter().enumerate().skip(first_word) {
            let mut bits = if i == first_word { word & (u64::MAX << (start % 64)) } else { word };
            let count = bits.count_ones();
            if count >= n {
                for _ in 1..n {
                    bits &= bits - 1;
                }
                // i < 6 and trailing_zeros < 64, so the ordinal is at most 384 and fits.
                return Ok((i * 64) as u16 + bits.trailing_zeros() as u16 + 1);
            }
            n -= count;
        }
        Err(n)
    }
}

fn is_weekend(date: Date) -> bool {
    matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// The year's holidays as days off, sorted, one per date. Should Kurban Ait fall on a fixed holiday, the
/// fixed one is kept (the stable sort leaves it first), so its weekend transfer still happens.
fn holidays(year: i32, kurban_ait: Option<Date>) -> Vec<(Date, Reason)> {
    let kurban_ait = kurban_ait.map(|d| (d, Holiday::KurbanAit));
    let mut days: Vec<_> = fixed_holidays(year).chain(kurban_ait).map(|(d, h)| (d, Reason::Holiday(h))).collect();
    days.sort_by_key(|&(d, _)| d);
    days.dedup_by_key(|&mut (d, _)| d);
    days
}

/// Moves the day off of every transferable holiday on a weekend to the next weekday that is not already a
/// day off. Going in calendar order makes 1 and 2 January on a weekend land on the next two free days, and
/// skips the other holidays in a run (Nauryz on a Sunday moves past 22 and 23 March).
fn add_statutory_transfers(special: &mut Vec<(Date, Reason)>) {
    let on_weekend: Vec<(Date, Holiday)> = special
        .iter()
        .filter_map(|&(d, r)| match r {
            Reason::Holiday(h) if h.is_transferred() && is_weekend(d) => Some((d, h)),
            _ => None,
        })
        .collect();
    for (from, holiday) in on_weekend {
        if let Some(to) = next_free_weekday(from, special) {
            special.push((to, Reason::Transferred { from, holiday }));
        }
    }
}

fn next_free_weekday(from: Date, special: &[(Date, Reason)]) -> Option<Date> {
    let mut day = from;
    loop {
        day = day.next_day()?;
        if !is_weekend(day) && !special.iter().any(|&(d, _)| d == day) {
            return Some(day);
        }
    }
}

/// An official transfer must swap a plain weekend day for a plain working day, or the data file is wrong.
fn check_transfer(
    year: i32,
    t: &Transfer,
    special: &[(Date, Reason)],
    working_weekends: &[Date],
) -> Result<(), DataError> {
    let taken = |day: Date| special.iter().any(|&(d, _)| d == day);
    let problem = if !is_weekend(t.from) || taken(t.from) || working_weekends.contains(&t.from) {
        Some(Problem::FromNotWeekend)
    } else if is_weekend(t.to) || taken(t.to) {
        Some(Problem::ToNotWorkingDay)
    } else {
        None
    };
    problem.map_or(Ok(()), |problem| Err(DataError { year, line: t.line, problem }))
}

fn working_bits(jan1: Date, len: u16, special: &[(Date, Reason)], working_weekends: &[Date]) -> [u64; WORDS] {
    let mut work = [0; WORDS];
    let first = usize::from(jan1.weekday().number_days_from_monday());
    for i in (0..usize::from(len)).filter(|i| (first + i) % 7 < 5) {
        set_bit(&mut work, i, true);
    }
    let in_year = |d: &Date| d.year() == jan1.year();
    for (d, _) in special.iter().filter(|(d, _)| in_year(d)) {
        set_bit(&mut work, usize::from(d.ordinal()) - 1, false);
    }
    for d in working_weekends.iter().filter(|d| in_year(d)) {
        set_bit(&mut work, usize::from(d.ordinal()) - 1, true);
    }
    work
}

fn set_bit(work: &mut [u64; WORDS], i: usize, on: bool) {
    if let Some(word) = work.get_mut(i / 64) {
        let mask = 1 << (i % 64);
        if on {
            *word |= mask;
        } else {
            *word &= !mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Statutory transfers are computed within one year; that is only right if none crosses the new year.
    #[test]
    fn statutory_transfers_stay_in_their_year() {
        for year in 1900..=2200 {
            for (date, reason) in Year::statutory(year).special {
                assert_eq!(date.year(), year, "{reason:?}");
            }
        }
    }

    #[test]
    fn unrepresentable_year_is_empty() {
        let y = Year::statutory(20_000);
        assert_eq!(y.len, 0);
        assert!(y.days_off().is_empty());
        assert_eq!(y.nth_working_from(0, 1), Err(1));
    }
}
