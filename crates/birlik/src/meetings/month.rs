//! The month view of meetings: a calendar grid of one month (Monday first, Kazakhstan dates) with each day's
//! meetings, and links to the months before and after. `/{lang}/meetings/month?month=YYYY-MM` (this month by
//! default).

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use time::{Date, Duration, Month, OffsetDateTime, Time, UtcOffset};

use super::pages::heading;
use super::store;
use crate::platform::Platform;
use crate::platform::days::in_kazakhstan;
use crate::platform::i18n::Arg;
use crate::platform::web::page::render;
use crate::platform::web::{AppError, PageCtx};

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct MonthQuery {
    month: Option<String>,
}

pub struct Entry {
    pub id: i64,
    pub time: String,
    pub heading: String,
}

pub struct Day {
    /// 0 for the padding before the first day and after the last.
    pub number: u8,
    pub entries: Vec<Entry>,
}

#[derive(Template)]
#[template(path = "meetings/templates/month.html")]
struct MonthPage {
    ctx: PageCtx,
    title: String,
    weekdays: Vec<String>,
    weeks: Vec<Vec<Day>>,
    previous: String,
    next: String,
    count: i64,
}

/// `2026-12` → the first day of that month; `None` for anything else.
fn parse_month(s: &str) -> Option<Date> {
    let (year, month) = s.split_once('-')?;
    let month = Month::try_from(month.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(year.parse().ok().filter(|y| (1900..=2999).contains(y))?, month, 1).ok()
}

fn month_code(d: Date) -> String {
    format!("{:04}-{:02}", d.year(), u8::from(d.month()))
}

pub async fn month(
    State(state): State<Platform>,
    ctx: PageCtx,
    Query(q): Query<MonthQuery>,
) -> Result<Html<String>, AppError> {
    let first = match q.month.as_deref() {
        Some(m) => parse_month(m).ok_or(AppError::NotFound)?,
        None => in_kazakhstan(OffsetDateTime::now_utc()).date().replace_day(1).map_err(anyhow::Error::from)?,
    };
    let next_first = first.replace_day(28).map_err(anyhow::Error::from)?.saturating_add(Duration::days(7));
    let next_first = next_first.replace_day(1).map_err(anyhow::Error::from)?;
    let previous_first = (first - Duration::days(1)).replace_day(1).map_err(anyhow::Error::from)?;
    // The month's bounds in Kazakhstan's time, as the UTC moments meetings are stored in.
    let kz = UtcOffset::from_hms(5, 0, 0).map_err(anyhow::Error::from)?;
    let utc = |d: Date| -> Result<String, AppError> {
        let t = d.with_time(Time::MIDNIGHT).assume_offset(kz).to_offset(UtcOffset::UTC);
        t.format(&time::format_description::well_known::Rfc3339).map_err(|e| AppError::Internal(e.into()))
    };
    let meetings = store::meetings(&state.db, None, Some(&utc(first)?), Some(&utc(next_first)?)).await?;
    let days_in_month = u8::try_from((next_first - first).whole_days()).unwrap_or(31);
    let mut days: Vec<Day> =
        (0..first.weekday().number_days_from_monday()).map(|_| Day { number: 0, entries: Vec::new() }).collect();
    for n in 1..=days_in_month {
        days.push(Day { number: n, entries: Vec::new() });
    }
    let count = i64::try_from(meetings.len()).unwrap_or(i64::MAX);
    // Oldest first within a day.
    for m in meetings.into_iter().rev() {
        let Ok(starts) = OffsetDateTime::parse(&m.starts_at, &time::format_description::well_known::Rfc3339) else {
            continue;
        };
        let local = in_kazakhstan(starts);
        let index = usize::from(local.day()) + first.weekday().number_days_from_monday() as usize - 1;
        if let Some(day) = days.get_mut(index) {
            day.entries.push(Entry {
                id: m.id,
                time: format!("{:02}:{:02}", local.hour(), local.minute()),
                heading: heading(&m, ctx.lang),
            });
        }
    }
    while !days.len().is_multiple_of(7) {
        days.push(Day { number: 0, entries: Vec::new() });
    }
    let mut weeks = Vec::new();
    let mut rest = days.into_iter().peekable();
    while rest.peek().is_some() {
        weeks.push(rest.by_ref().take(7).collect());
    }
    let title = ctx.lang.t_args(
        "calendar-month",
        &[
            ("month", Arg::Str(ctx.t(&format!("month-name-{}", u8::from(first.month()))))),
            ("year", Arg::Num(i64::from(first.year()))),
        ],
    );
    let weekdays = (1..=7).map(|d| ctx.t(&format!("weekday-{d}"))).collect();
    render(&MonthPage {
        title,
        weekdays,
        weeks,
        previous: month_code(previous_first),
        next: month_code(next_first),
        count,
        ctx,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_read_strictly() {
        assert_eq!(parse_month("2026-12").map(month_code).as_deref(), Some("2026-12"));
        for bad in ["2026-13", "2026", "26-1x", "99999-01", "", "2026-00"] {
            assert!(parse_month(bad).is_none(), "{bad}");
        }
    }
}
