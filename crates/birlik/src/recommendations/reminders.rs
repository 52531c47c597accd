//! The timers of a recommendation: reminders to the addressee's liaisons 5 and 1 working days before its term (at
//! 09:00 Kazakhstan time), and when the term passes unanswered, an escalation to the sending secretariat and to
//! the body above it (at the first minute of the next day). Each fires once per term: its row in
//! `recommendation_reminders` is unique, and a timer whose term moved (an extension) or whose recommendation was
//! answered does nothing.

use serde::{Deserialize, Serialize};
use time::Date;

use super::deadlines::working_days_before;
use super::model::Status;
use super::store;
use crate::platform::jobs::{JobContext, Jobs, NewJob, OnConflict};

pub const REMIND_JOB: &str = "recommendation.remind";

/// The kinds of reminder, as stored.
pub const KINDS: [&str; 3] = ["due_in_5", "due_in_1", "overdue"];

#[derive(Serialize, Deserialize)]
struct Payload {
    id: i64,
    kind: String,
    term: String,
}

const HOUR_MS: i64 = 3_600_000;

/// 00:00 of `date` in Kazakhstan (UTC+5), in Unix milliseconds.
fn midnight_ms(date: Date) -> i64 {
    (date.midnight().assume_utc().unix_timestamp() - 5 * 3600) * 1000
}

/// The timers of a recommendation whose term is `term`, scheduled at `now` (Unix ms); reminders whose time passed are left out (the liaison
/// sees the term on his inbox), the escalation never.
pub fn timers(now: i64, id: i64, term: Date) -> Vec<NewJob> {
    let term_text = crate::platform::days::iso(term);
    let at = |kind: &str, due: i64| NewJob {
        kind: REMIND_JOB.to_owned(),
        key: format!("{id}:{kind}"),
        payload: serde_json::json!(Payload { id, kind: kind.to_owned(), term: term_text.clone() }),
        due_at: due,
        created_at: now,
        on_conflict: OnConflict::Replace,
    };
    let mut out = Vec::new();
    for (kind, n) in [("due_in_5", 5), ("due_in_1", 1)] {
        let due = midnight_ms(working_days_before(term, n)) + 9 * HOUR_MS;
        if due > now {
            out.push(at(kind, due));
        }
    }
    out.push(at("overdue", midnight_ms(term.next_day().unwrap_or(term))));
    out
}

/// The timers a recommendation's end (an answer, a forward) cancels.
pub fn all_keys(id: i64) -> Vec<(&'static str, String)> {
    KINDS.iter().map(|k| (REMIND_JOB, format!("{id}:{k}"))).collect()
}

pub fn register(jobs: &Jobs) {
    jobs.register(REMIND_JOB, |ctx: JobContext, payload| async move {
        let p: Payload = serde_json::from_value(payload)?;
        let Some(r) = store::get(&ctx.db, p.id).await? else { return Ok(()) };
        if r.status != Status::Awaiting || r.term() != p.term || !KINDS.contains(&p.kind.as_str()) {
            return Ok(());
        }
        store::remind(&ctx.db, p.id, &p.kind, &p.term).await?;
        Ok(())
    });
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    #[test]
    fn kazakhstan_midnight_is_seven_in_the_evening_utc() {
        // 2025-04-14 00:00 at UTC+5 is 2025-04-13 19:00 UTC.
        assert_eq!(super::midnight_ms(date!(2025 - 04 - 14)), 1_744_570_800_000);
    }
}
