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
