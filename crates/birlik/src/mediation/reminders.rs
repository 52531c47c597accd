//! Follow-up reminders: on a case's follow-up day, at 09:00 Kazakhstan time, its mediators are reminded to check
//! that the agreement holds. Each fires once per case and day; a closed case or a moved date makes it do nothing.

use time::Date;

use super::model::CaseStatus;
use super::store;
use crate::platform::days::iso;
use crate::platform::jobs::{JobContext, Jobs, NewJob, OnConflict};

pub const FOLLOW_UP_JOB: &str = "case.follow_up";

/// 09:00 of `day` in Kazakhstan (UTC+5), in Unix milliseconds.
fn nine_am_ms(day: Date) -> i64 {
    (day.midnight().assume_utc().unix_timestamp() - 5 * 3600 + 9 * 3600) * 1000
}

/// The follow-up reminder of case `id` on `day` (replacing an earlier one: a case has one next follow-up).
pub fn timer(now_ms: i64, id: i64, day: Date) -> NewJob {
    NewJob {
        kind: FOLLOW_UP_JOB.to_owned(),
        key: id.to_string(),
        payload: serde_json::json!({ "id": id, "on": iso(day) }),
        due_at: nine_am_ms(day),
        created_at: now_ms,
        on_conflict: OnConflict::Replace,
    }
}

pub fn register(jobs: &Jobs) {
    jobs.register(FOLLOW_UP_JOB, |ctx: JobContext, payload| async move {
        let id = payload.get("id").and_then(serde_json::Value::as_i64).unwrap_or(0);
        let on = payload.get("on").and_then(serde_json::Value::as_str).unwrap_or("").to_owned();
        let Some(head) = store::head(&ctx.db, id).await? else { return Ok(()) };
        if head.status == CaseStatus::Closed || head.follow_up_on.as_deref() != Some(on.as_str()) {
            return Ok(());
        }
        store::remind(&ctx.db, id, &on).await?;
        Ok(())
    });
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    #[test]
    fn nine_in_the_morning_in_kazakhstan_is_four_utc() {
        // 2026-12-01 09:00 at UTC+5 is 2026-12-01 04:00 UTC.
        assert_eq!(super::nine_am_ms(date!(2026 - 12 - 01)), 1_796_097_600_000);
    }
}
