//! The only code that touches the recommendation tables. Every step commits its rows, its audit entry, its events
//! and its timers (reminders, escalation) together.

use serde_json::json;
use sqlx::AssertSqlSafe;

use super::model::{Implementation, Multilingual, Recommendation, Report, Status};
use super::{LIST, scope};
use crate::audit;
use crate::platform::audit::Change;
use crate::platform::change::{self, Event, Outbox};
use crate::platform::db::{Db, now};
use crate::platform::jobs::{NewJob, Schedule};
use crate::{with_read, with_write};

/// Any change to a recommendation (cached pages, feeds).
pub const CHANGED: &str = "recommendation.changed";
/// A recommendation reached its addressee (its liaisons are told).
pub const SENT: &str = "recommendation.sent";
/// The addressee answered, extended the term or forwarded it (the sender is told).
pub const ANSWERED: &str = "recommendation.answered";
pub const EXTENDED: &str = "recommendation.extended";
pub const FORWARDED: &str = "recommendation.forwarded";
/// A reminder or escalation fired (its subject is the reminder's row).
pub const REMINDED: &str = "recommendation.reminded";

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    batch_id: Option<i64>,
    body_id: i64,
    addressee_id: i64,
    proposal_id: Option<i64>,
    decision_id: Option<i64>,
    title_kk: Option<String>,
    title_ru: Option<String>,
    title_en: Option<String>,
    text_kk: Option<String>,
    text_ru: Option<String>,
    text_en: Option<String>,
    received_on: String,
    due_on: String,
    forward_by: String,
    latest_extension_on: String,
    acknowledged_at: Option<String>,
    extended_to: Option<String>,
    extended_on: Option<String>,
    extension_reason: Option<String>,
    answered_on: Option<String>,
    answer_text: Option<String>,
    answer_lang: Option<String>,
    status: Status,
    implementation: Implementation,
    forwarded_from: Option<i64>,
    forward_reason: Option<String>,
    escalated_at: Option<String>,
    demo: bool,
    created_at: String,
    updated_at: String,
}

const SELECT: &str = "SELECT id, batch_id, body_id, addressee_id, proposal_id, decision_id, title_kk, title_ru, \
    title_en, text_kk, text_ru, text_en, received_on, due_on, forward_by, latest_extension_on, acknowledged_at, \
    extended_to, extended_on, extension_reason, answered_on, answer_text, answer_lang, status, implementation, \
    forwarded_from, forward_reason, escalated_at, demo, created_at, updated_at FROM recommendations";

impl From<Row> for Recommendation {
    fn from(r: Row) -> Recommendation {
        Recommendation {
            id: r.id,
            batch_id: r.batch_id.unwrap_or(r.id),
            body_id: r.body_id,
            addressee_id: r.addressee_id,
            proposal_id: r.proposal_id,
            decision_id: r.decision_id,
            title: Multilingual { kk: r.title_kk, ru: r.title_ru, en: r.title_en },
            text: Multilingual { kk: r.text_kk, ru: r.text_ru, en: r.text_en },
            received_on: r.received_on,
            due_on: r.due_on,
            forward_by: r.forward_by,
            latest_extension_on: r.latest_extension_on,
            acknowledged_at: r.acknowledged_at,
            extended_to: r.extended_to,
            extended_on: r.extended_on,
            extension_reason: r.extension_reason,
            answered_on: r.answered_on,
            answer_text: r.answer_text,
            answer_lang: r.answer_lang,
            status: r.status,
            implementation: r.implementation,
            forwarded_from: r.forwarded_from,
            forward_reason: r.forward_reason,
            escalated_at: r.escalated_at,
            demo: r.demo,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

/// Which recommendations a list shows, newest first.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct Filter {
    /// Only those to this addressee.
    pub addressee: Option<i64>,
    /// Only those sent by this body.
    pub body: Option<i64>,
    /// Only those in this status (`awaiting`, `answered`, `forwarded`, `closed`).
    pub status: Option<Status>,
    /// Only those awaiting an answer past their term.
    pub overdue: Option<bool>,
    /// Page number, from 1.
    pub page: Option<i64>,
}

pub const PER_PAGE: i64 = 50;

/// A page of recommendations and how many match in all; "overdue" is judged on `today`.
pub async fn list(db: &Db, f: &Filter, today: &str) -> sqlx::Result<(Vec<Recommendation>, i64)> {
    let offset = (f.page.unwrap_or(1).clamp(1, 100_000) - 1) * PER_PAGE;
    let overdue = f.overdue.unwrap_or(false);
    let filter =
        "WHERE ($1 IS NULL OR addressee_id = $1) AND ($2 IS NULL OR body_id = $2) AND ($3 IS NULL OR status = $3)
        AND (NOT $4 OR (status = 'awaiting' AND COALESCE(extended_to, due_on) < $5))";
    let list = format!("{SELECT} {filter} ORDER BY id DESC LIMIT {PER_PAGE} OFFSET {offset}");
    let count = format!("SELECT COUNT(*) FROM recommendations {filter}");
    let (rows, total): (Vec<Row>, i64) = with_read!(db, pool => {
        let rows = sqlx::query_as(AssertSqlSafe(list))
            .bind(f.addressee).bind(f.body).bind(f.status).bind(overdue).bind(today).fetch_all(pool).await?;
        let total = sqlx::query_scalar(AssertSqlSafe(count))
            .bind(f.addressee).bind(f.body).bind(f.status).bind(overdue).bind(today).fetch_one(pool).await?;
        (rows, total)
    });
    Ok((rows.into_iter().map(Recommendation::from).collect(), total))
}

pub async fn get(db: &Db, id: i64) -> sqlx::Result<Option<Recommendation>> {
    let sql = format!("{SELECT} WHERE id = $1");
    let row: Option<Row> =
        with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).bind(id).fetch_optional(pool).await?);
    Ok(row.map(Recommendation::from))
}

/// The recommendations sent together with `batch` (itself included), and the one continuing `id` after a forward.
pub async fn batch(db: &Db, batch: i64) -> sqlx::Result<Vec<Recommendation>> {
    let sql = format!("{SELECT} WHERE id = $1 OR batch_id = $1 ORDER BY id");
    let rows: Vec<Row> = with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).bind(batch).fetch_all(pool).await?);
    Ok(rows.into_iter().map(Recommendation::from).collect())
}

pub async fn continued_in(db: &Db, id: i64) -> sqlx::Result<Option<i64>> {
    with_read!(db, pool => {
        sqlx::query_scalar("SELECT id FROM recommendations WHERE forwarded_from = $1").bind(id).fetch_optional(pool).await
    })
}

pub async fn reports(db: &Db, id: i64) -> sqlx::Result<Vec<Report>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT id, implementation, note, reported_at FROM implementation_reports
                        WHERE recommendation_id = $1 ORDER BY id")
            .bind(id).fetch_all(pool).await
    })
}

/// What a secretariat sends: the same text to one or more addressees, from a proposal or a decision.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Sending {
    pub body_id: i64,
    pub addressees: Vec<i64>,
    pub proposal_id: Option<i64>,
    pub decision_id: Option<i64>,
    pub title: Multilingual,
    pub text: Multilingual,
}

/// The dates of a receipt, as stored.
pub struct Dates {
    pub received_on: String,
    pub due_on: String,
    pub forward_by: String,
    pub latest_extension_on: String,
}

/// Sends one recommendation per addressee, received today, with each one's timers (`timers(id)`); returns the ids.
pub async fn send(
    db: &Db,
    actor: Option<i64>,
    s: &Sending,
    dates: &Dates,
    timers: impl Fn(i64) -> Vec<NewJob>,
    demo: bool,
) -> sqlx::Result<Vec<i64>> {
    let at = now();
    let ids = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let mut ids: Vec<i64> = Vec::new();
        for addressee in &s.addressees {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO recommendations (batch_id, body_id, addressee_id, proposal_id, decision_id, title_kk,
                     title_ru, title_en, text_kk, text_ru, text_en, received_on, due_on, forward_by, latest_extension_on,
                     status, demo, created_by, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'awaiting', $16, $17, $18, $18)
                 RETURNING id",
            )
            .bind(ids.first().copied()).bind(s.body_id).bind(addressee).bind(s.proposal_id).bind(s.decision_id)
            .bind(&s.title.kk).bind(&s.title.ru).bind(&s.title.en).bind(&s.text.kk).bind(&s.text.ru).bind(&s.text.en)
            .bind(&dates.received_on).bind(&dates.due_on).bind(&dates.forward_by).bind(&dates.latest_extension_on)
            .bind(demo).bind(actor).bind(&at)
            .fetch_one(&mut *tx).await?;
            for job in timers(id) {
                tx.schedule(&job).await?;
            }
            tx.emit(&[Event::new(scope(id), CHANGED), Event::new(scope(id), SENT)]).await?;
            ids.push(id);
        }
        audit!(tx, &Change { actor, action: "send", entity: "recommendation", entity_id: ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","),
            before: None, after: Some(json!({ "sending": s, "received_on": dates.received_on, "due_on": dates.due_on, "demo": demo })), at: &at })?;
        tx.commit().await?;
        ids
    });
    change::committed(&[LIST]);
    Ok(ids)
}

/// Ends and starts timers, writes the audit entry and the events of one step, inside its transaction.
macro_rules! finish_step {
    ($tx:expr, $actor:expr, $before:expr, $action:expr, $after:expr, $event:expr, $timers:expr, $cancel:expr, $at:expr) => {{
        for (kind, key) in $cancel {
            $tx.cancel(kind, key).await?;
        }
        for job in $timers {
            $tx.schedule(job).await?;
        }
        audit!($tx, &Change { actor: $actor, action: $action, entity: "recommendation",
            entity_id: $before.id.to_string(), before: Some(json!({ "status": $before.status, "term": $before.term() })),
            after: Some($after), at: $at })?;
        $tx.emit(&[Event::new(scope($before.id), CHANGED), Event::new(scope($before.id), $event)]).await
    }};
}

/// The liaison acknowledges receipt (once; the clock runs from receipt all the same).
pub async fn acknowledge(db: &Db, actor: Option<i64>, before: &Recommendation) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE recommendations SET acknowledged_at = $1, updated_at = $1 WHERE id = $2")
            .bind(&at).bind(before.id).execute(&mut *tx).await?;
        let none: [(&str, String); 0] = [];
        finish_step!(tx, actor, before, "acknowledge", json!({ "acknowledged_at": at }), CHANGED, &[] as &[NewJob], &none, &at)?;
        tx.commit().await?;
    });
    change::committed(&[LIST, scope(before.id)]);
    Ok(())
}

/// The addressee extends the term to `to` by a reasoned decision of `on`; its reminders move with it.
pub async fn extend(
    db: &Db,
    actor: Option<i64>,
    before: &Recommendation,
    to: &str,
    on: &str,
    reason: &str,
    timers: &[NewJob],
) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE recommendations SET extended_to = $1, extended_on = $2, extension_reason = $3, updated_at = $4
                     WHERE id = $5")
            .bind(to).bind(on).bind(reason).bind(&at).bind(before.id).execute(&mut *tx).await?;
        let none: [(&str, String); 0] = [];
        finish_step!(tx, actor, before, "extend", json!({ "extended_to": to, "reason": reason }), EXTENDED, timers, &none, &at)?;
        tx.commit().await?;
    });
    change::committed(&[LIST, scope(before.id)]);
    Ok(())
}

/// An answer as stored: its text and language, its day, and the working days it took from receipt.
pub struct Answer<'a> {
    pub text: &'a str,
    pub lang: &'a str,
    pub on: &'a str,
    pub working_days: i64,
}

/// The addressee's answer; its reminders end.
pub async fn answer(
    db: &Db,
    actor: Option<i64>,
    before: &Recommendation,
    a: &Answer<'_>,
    cancel: &[(&'static str, String)],
) -> sqlx::Result<()> {
    let Answer { text, lang, on, working_days } = *a;
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE recommendations SET status = 'answered', answer_text = $1, answer_lang = $2, answered_on = $3,
                         answer_working_days = $4, updated_at = $5 WHERE id = $6")
            .bind(text).bind(lang).bind(on).bind(working_days).bind(&at).bind(before.id).execute(&mut *tx).await?;
        finish_step!(tx, actor, before, "answer", json!({ "answered_on": on, "lang": lang, "working_days": working_days }),
            ANSWERED, &[] as &[NewJob], cancel, &at)?;
        tx.commit().await?;
    });
    change::committed(&[LIST, scope(before.id)]);
    Ok(())
}

/// Forwards to the right addressee: this one is closed as forwarded, a new one (received today, with its own
/// clock and timers) continues it; returns the new id.
pub async fn forward(
    db: &Db,
    actor: Option<i64>,
    before: &Recommendation,
    (to, reason): (i64, &str),
    dates: &Dates,
    timers: impl Fn(i64) -> Vec<NewJob>,
    cancel: &[(&'static str, String)],
) -> sqlx::Result<i64> {
    let at = now();
    let new = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE recommendations SET status = 'forwarded', forward_reason = $1, updated_at = $2 WHERE id = $3")
            .bind(reason).bind(&at).bind(before.id).execute(&mut *tx).await?;
        let new: i64 = sqlx::query_scalar(
            "INSERT INTO recommendations (batch_id, body_id, addressee_id, proposal_id, decision_id, title_kk, title_ru,
                 title_en, text_kk, text_ru, text_en, received_on, due_on, forward_by, latest_extension_on, status,
                 forwarded_from, demo, created_by, created_at, updated_at)
             SELECT COALESCE(batch_id, id), body_id, $1, proposal_id, decision_id, title_kk, title_ru, title_en, text_kk,
                 text_ru, text_en, $2, $3, $4, $5, 'awaiting', id, demo, created_by, $6, $6
             FROM recommendations WHERE id = $7 RETURNING id",
        )
        .bind(to).bind(&dates.received_on).bind(&dates.due_on).bind(&dates.forward_by).bind(&dates.latest_extension_on)
        .bind(&at).bind(before.id)
        .fetch_one(&mut *tx).await?;
        for (kind, key) in cancel {
            tx.cancel(kind, key).await?;
        }
        for job in timers(new) {
            tx.schedule(&job).await?;
        }
        audit!(tx, &Change { actor, action: "forward", entity: "recommendation", entity_id: before.id.to_string(),
            before: Some(json!({ "addressee_id": before.addressee_id })),
            after: Some(json!({ "to": to, "reason": reason, "new": new })), at: &at })?;
        tx.emit(&[
            Event::new(scope(before.id), CHANGED), Event::new(scope(before.id), FORWARDED),
            Event::new(scope(new), CHANGED), Event::new(scope(new), SENT),
        ]).await?;
        tx.commit().await?;
        new
    });
    change::committed(&[LIST, scope(before.id), scope(new)]);
    Ok(new)
}

/// Records a report of implementation (kept as made) and the recommendation's new state.
pub async fn report(
    db: &Db,
    actor: Option<i64>,
    before: &Recommendation,
    implementation: Implementation,
    note: Option<&str>,
) -> sqlx::Result<()> {
    let at = now();
    let status = if implementation.is_final() { Status::Closed } else { before.status };
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("INSERT INTO implementation_reports (recommendation_id, implementation, note, reported_by, reported_at)
                     VALUES ($1, $2, $3, $4, $5)")
            .bind(before.id).bind(implementation).bind(note).bind(actor).bind(&at).execute(&mut *tx).await?;
        sqlx::query("UPDATE recommendations SET implementation = $1, status = $2, updated_at = $3 WHERE id = $4")
            .bind(implementation).bind(status).bind(&at).bind(before.id).execute(&mut *tx).await?;
        audit!(tx, &Change { actor, action: "report", entity: "recommendation", entity_id: before.id.to_string(),
            before: Some(json!({ "implementation": before.implementation, "status": before.status })),
            after: Some(json!({ "implementation": implementation, "status": status, "note": note })), at: &at })?;
        tx.emit(&[Event::new(scope(before.id), CHANGED), Event::new(scope(before.id), ANSWERED)]).await?;
        tx.commit().await?;
    });
    change::committed(&[LIST, scope(before.id)]);
    Ok(())
}

/// Records that a reminder or escalation of `kind` fired for the term `due_on`, once: false when it had.
pub async fn remind(db: &Db, id: i64, kind: &str, due_on: &str) -> sqlx::Result<bool> {
    let at = now();
    let fired = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let row: Option<i64> = sqlx::query_scalar(
            "INSERT INTO recommendation_reminders (recommendation_id, kind, due_on, sent_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (recommendation_id, kind, due_on) DO NOTHING RETURNING id",
        )
        .bind(id).bind(kind).bind(due_on).bind(&at).fetch_optional(&mut *tx).await?;
        let Some(row) = row else {
            tx.rollback().await?;
            return Ok(false);
        };
        if kind == "overdue" {
            sqlx::query("UPDATE recommendations SET escalated_at = $1 WHERE id = $2").bind(&at).bind(id)
                .execute(&mut *tx).await?;
            audit!(tx, &Change { actor: None, action: "escalate", entity: "recommendation", entity_id: id.to_string(),
                before: None, after: Some(json!({ "due_on": due_on })), at: &at })?;
        }
        tx.emit(&[Event::new(scope(id), REMINDED).about(row), Event::new(scope(id), CHANGED)]).await?;
        tx.commit().await?;
        true
    });
    change::committed(&[LIST, scope(id)]);
    Ok(fired)
}

/// A fired reminder: (recommendation, kind, term).
pub async fn reminder(db: &Db, id: i64) -> sqlx::Result<Option<(i64, String, String)>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT recommendation_id, kind, due_on FROM recommendation_reminders WHERE id = $1")
            .bind(id).fetch_optional(pool).await
    })
}
