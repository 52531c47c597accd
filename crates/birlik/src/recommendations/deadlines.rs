//! The legal clock of a recommendation (Administrative Procedural and Process Code of the Republic of Kazakhstan,
//! art. 76), counted in Kazakhstan working days by the `calendar` crate from the day of receipt:
//! - the answer is due 15 working days after receipt;
//! - the addressee may extend the term by a reasoned decision, up to two months from receipt, and must tell the
//!   sender within 3 working days (the platform tells the sender the moment the extension is recorded);
//! - a recommendation sent to a body that cannot act on it is forwarded to the right one within 3 working days of
//!   receipt, with notice to the sender.
//!
//! Every date the platform shows comes with the rule that produced it ([`Rule`]).

use time::Date;

/// Working days to answer.
pub const ANSWER_DAYS: u32 = 15;
/// Working days to forward a recommendation sent to the wrong body, and to tell the sender of an extension.
pub const FORWARD_DAYS: u32 = 3;
/// The longest term an extension reaches: this many months from receipt.
pub const EXTENSION_MONTHS: u8 = 2;

/// A rule that produced a date, shown beside it (its message key says the rule in words).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// 15 working days from receipt.
    Answer,
    /// 3 working days from receipt.
    Forward,
    /// Two months from receipt, at most.
    LatestExtension,
    /// The term as extended by the addressee's reasoned decision.
    Extended,
}

impl Rule {
    pub fn key(self) -> &'static str {
        match self {
            Rule::Answer => "rule-answer-15-working-days",
            Rule::Forward => "rule-forward-3-working-days",
            Rule::LatestExtension => "rule-extension-2-months",
            Rule::Extended => "rule-extended-by-decision",
        }
    }
}

/// The dates a receipt sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    pub received_on: Date,
    pub due_on: Date,
    pub forward_by: Date,
    pub latest_extension_on: Date,
}

impl Clock {
    pub fn from_receipt(received_on: Date) -> Clock {
        Clock {
            received_on,
            due_on: calendar::add_working_days(received_on, ANSWER_DAYS),
            forward_by: calendar::add_working_days(received_on, FORWARD_DAYS),
            latest_extension_on: add_months(received_on, EXTENSION_MONTHS),
        }
    }
}

/// The same day `months` later; the month's last day when it has no such day (31 December + 2 months is the end
/// of February).
pub fn add_months(date: Date, months: u8) -> Date {
    let mut month = date.month();
    let mut year = date.year();
    for _ in 0..months {
        if month == time::Month::December {
            year += 1;
        }
        month = month.next();
    }
    let last = time::util::days_in_month(month, year);
    Date::from_calendar_date(year, month, date.day().min(last)).unwrap_or(date)
}

/// The working day `n` working days before `date` (`n = 0`: `date` itself): when a reminder "5 working days before
/// the due date" goes.
pub fn working_days_before(date: Date, n: u32) -> Date {
    let mut day = date;
    let mut left = n;
    while left > 0 {
        match day.previous_day() {
            Some(d) => day = d,
            None => return day,
        }
        if !calendar::is_day_off(day) {
            left -= 1;
        }
    }
    day
}

/// Working days after `from` up to and including `to` (0 when `to` is not after `from`): how long an answer took.
pub fn working_days_between(from: Date, to: Date) -> i64 {
    let mut count = 0;
    let mut day = from;
    while day < to {
        match day.next_day() {
            Some(d) => day = d,
            None => break,
        }
        if !calendar::is_day_off(day) {
            count += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn fifteen_working_days_across_nauryz_2025() {
        // Received Wednesday 19 March 2025. Nauryz: 21 March (Fri) off, 22–23 March fall on the weekend and move
        // to Monday 24 and Tuesday 25 March. Working days after receipt: 20, 26, 27, 28 March; 31 March, 1–4, 7–11
        // April (that is 14), 14 April is the 15th.
        let clock = Clock::from_receipt(date!(2025 - 03 - 19));
        assert_eq!(clock.due_on, date!(2025 - 04 - 14));
        // 3 working days: 20, 26, 27 March.
        assert_eq!(clock.forward_by, date!(2025 - 03 - 27));
        assert_eq!(clock.latest_extension_on, date!(2025 - 05 - 19));
    }

    #[test]
    fn fifteen_working_days_across_new_year() {
        // Received Friday 26 December 2025. 1 and 2 January 2026 are holidays (Thursday, Friday), 7 January
        // (Orthodox Christmas, Wednesday) is off. Working days: 29, 30, 31 December (3); 5, 6, 8, 9, 12–16, 19–22
        // January: 5, 6, 8, 9 (7), 12–16 (12), 19, 20, 21 (15).
        let clock = Clock::from_receipt(date!(2025 - 12 - 26));
        assert_eq!(clock.due_on, date!(2026 - 01 - 21));
        assert_eq!(clock.latest_extension_on, date!(2026 - 02 - 26));
    }

    #[test]
    fn fifteen_working_days_across_a_government_transfer() {
        // Received Monday 30 December 2024. New Year (1–2 January, Wed–Thu); the Minister of Labour's order moved
        // the day off of Sunday 5 January to Friday 3 January 2025, so Sunday 5 January is worked; 7 January is
        // off. Working days: 31 December (1), Sunday 5 January (2), 6 (3), 8, 9, 10 (6), 13–17 (11), 20–23 (15).
        let clock = Clock::from_receipt(date!(2024 - 12 - 30));
        assert_eq!(clock.due_on, date!(2025 - 01 - 23));
        assert_eq!(clock.forward_by, date!(2025 - 01 - 06));
    }

    #[test]
    fn months_end_on_the_last_day_when_short() {
        assert_eq!(add_months(date!(2025 - 12 - 31), 2), date!(2026 - 02 - 28));
        assert_eq!(add_months(date!(2023 - 12 - 31), 2), date!(2024 - 02 - 29));
        assert_eq!(add_months(date!(2025 - 11 - 15), 2), date!(2026 - 01 - 15));
    }

    #[test]
    fn reminders_count_working_days_backwards_and_answers_count_forwards() {
        // Monday 14 April 2025: five working days before it are 7 April (Mon) — 11, 10, 9, 8, 7.
        assert_eq!(working_days_before(date!(2025 - 04 - 14), 5), date!(2025 - 04 - 07));
        assert_eq!(working_days_before(date!(2025 - 04 - 14), 1), date!(2025 - 04 - 11));
        assert_eq!(working_days_before(date!(2025 - 04 - 14), 0), date!(2025 - 04 - 14));
        let received = date!(2025 - 03 - 19);
        assert_eq!(working_days_between(received, Clock::from_receipt(received).due_on), 15);
        assert_eq!(working_days_between(received, received), 0);
        assert_eq!(working_days_between(received, date!(2025 - 03 - 25)), 1, "only the 20th works");
    }
}
