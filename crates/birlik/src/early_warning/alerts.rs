//! Alerts and their owners. After each computation of the index, the alerts the rule raised in the last
//! [`RECENT_DAYS`] are stored once each (older ones are history: the rule runs over the whole series, and a rise
//! of last spring needs no one's acknowledgement today). The regional assembly's secretariat and the
//! ethnomediation council must acknowledge an alert within [`ACK_HOURS`]; when they do not, the timer escalates it
//! to the national level once.

use time::{Date, Duration};

use super::index::Computed;
use super::store::{self, Raised};
use crate::platform::Platform;
use crate::platform::days::iso;
use crate::platform::jobs::{JobContext, Jobs, NewJob, OnConflict};

pub const ESCALATE_JOB: &str = "alert.escalate";
/// Hours the owners have to acknowledge an alert: tension does not wait for working days.
pub const ACK_HOURS: i64 = 24;
/// Alerts raised this many days back or fewer are stored when the index is computed.
pub const RECENT_DAYS: i64 = 14;

/// The escalation timer of alert `id`, due when its acknowledgement is.
pub fn timer(now_ms: i64, id: i64) -> NewJob {
    NewJob {
        kind: ESCALATE_JOB.to_owned(),
        key: id.to_string(),
        payload: serde_json::json!({ "id": id }),
        due_at: now_ms + ACK_HOURS * 3_600_000,
        created_at: now_ms,
        on_conflict: OnConflict::Keep,
    }
}

pub fn register(jobs: &Jobs) {
    jobs.register(ESCALATE_JOB, |ctx: JobContext, payload| async move {
        let Some(id) = payload.get("id").and_then(serde_json::Value::as_i64) else { return Ok(()) };
        store::escalate(&ctx.db, id).await?;
        Ok(())
    });
}

/// Stores the alerts `computed` raised on or after `since`; returns the new ones' ids.
pub async fn raise_since(state: &Platform, computed: &Computed, since: Date, demo: bool) -> anyhow::Result<Vec<i64>> {
    let now_ms = state.jobs.now_ms();
    let due = crate::platform::days::rfc3339_of_ms(now_ms + ACK_HOURS * 3_600_000).unwrap_or_default();
    let raised: Vec<Raised> = computed
        .index
        .region_alerts(&tension::AlertConfig::default())?
        .into_iter()
        .filter(|a| a.raised >= since)
        .map(|a| Raised {
            region_code: a.area.region.to_string(),
            raised_on: iso(a.raised),
            index_value: (a.value * 10.0).round() / 10.0,
            score: (a.score * 10.0).round() / 10.0,
            baseline: (a.baseline * 100.0).round() / 100.0,
            ack_due_at: due.clone(),
        })
        .collect();
    let ids = store::raise(&state.db, &raised, |id, _| timer(now_ms, id), demo).await?;
    if !ids.is_empty() {
        state.jobs.wake();
    }
    Ok(ids)
}

/// Stores the recent alerts of `computed`.
pub async fn raise_recent(state: &Platform, computed: &Computed) -> anyhow::Result<Vec<i64>> {
    raise_since(state, computed, computed.today - Duration::days(RECENT_DAYS), false).await
}
