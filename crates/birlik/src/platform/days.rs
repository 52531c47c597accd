//! Kazakhstan's days: the whole country keeps one time zone, UTC+5 (since March 2024), and what opens, closes
//! or falls due does so by its calendar days.

/// A moment in Kazakhstan's time.
pub fn in_kazakhstan(t: time::OffsetDateTime) -> time::OffsetDateTime {
    t.to_offset(time::macros::offset!(+5))
}

/// The date of `t` in Kazakhstan, as `YYYY-MM-DD`.
pub fn day_of(t: time::OffsetDateTime) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    in_kazakhstan(t).date().format(&format).expect("formatting a date cannot fail")
}

/// The date `days` from today in Kazakhstan (negative: before).
pub fn day_from_today(days: i64) -> String {
    day_of(time::OffsetDateTime::now_utc() + time::Duration::days(days))
}

/// Today's date in Kazakhstan.
pub fn today() -> String {
    day_from_today(0)
}

/// The Kazakhstan date at `now_ms` (Unix milliseconds, as the timers' clock reads it): what deadlines count from,
/// so that tests move one clock for both.
pub fn date_at(now_ms: i64) -> time::Date {
    let t =
        time::OffsetDateTime::from_unix_timestamp(now_ms.div_euclid(1000)).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    in_kazakhstan(t).date()
}

/// The Kazakhstan date (`YYYY-MM-DD`) of a stored moment (RFC 3339, UTC); text that is no such moment as it is.
pub fn day_of_stored(stored: &str) -> String {
    match time::OffsetDateTime::parse(stored, &time::format_description::well_known::Rfc3339) {
        Ok(t) => day_of(t),
        Err(_) => stored.to_owned(),
    }
}

/// A date as stored and shown in the API, `YYYY-MM-DD`.
pub fn iso(date: time::Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day())
}

/// A stored `YYYY-MM-DD` date.
pub fn parse_iso(day: &str) -> Option<time::Date> {
    time::Date::parse(day, time::macros::format_description!("[year]-[month]-[day]")).ok()
}

/// A stored moment (RFC 3339, UTC) as a reader in Kazakhstan reads it: the date in his language and the time
/// of day, e.g. `1 December 2026, 18:25`. Text that is no such moment is shown as it is.
pub fn local_time(lang: crate::platform::i18n::Lang, stored: &str) -> String {
    match time::OffsetDateTime::parse(stored, &time::format_description::well_known::Rfc3339) {
        Ok(t) => {
            let t = in_kazakhstan(t);
            format!("{}, {:02}:{:02}", lang.date(&day_of(t)), t.hour(), t.minute())
        }
        Err(_) => stored.to_owned(),
    }
}

/// A Unix-milliseconds time (votes, Pol.is exports and the timers' clock count time so), if it is one.
pub fn time_of_ms(ms: i64) -> Option<time::OffsetDateTime> {
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).ok()
}

/// A Unix-milliseconds time as RFC 3339.
pub fn rfc3339_of_ms(ms: i64) -> Option<String> {
    time_of_ms(ms)?.format(&time::format_description::well_known::Rfc3339).ok()
}
