//! The only code that touches the signal, verifier and alert tables. Every step commits its rows, its audit entry
//! and its events together. An anonymous signal writes no event and dates its audit entry by the day only: the
//! outbox keeps exact times, and nothing may tie an anonymous report to a moment.

use serde_json::json;
use sqlx::AssertSqlSafe;

use super::model::{Alert, AlertStatus, Channel, Multilingual, Reporter, Signal, SignalStatus};
use super::{ALERTS, SIGNALS, alert_scope, signal_scope};
use crate::audit;
use crate::platform::audit::Change;
use crate::platform::change::{self, Event, Outbox};
use crate::platform::db::{Db, now};
use crate::platform::jobs::{NewJob, Schedule};
use crate::{with_read, with_write};

/// A signal's finding changed (confirmed, or no longer): the index is recomputed.
pub const VERIFIED: &str = "signal.verified";
/// A named or proxy signal arrived (its region's verifiers are told).
pub const REPORTED: &str = "signal.reported";
/// A rebuttal of a false rumour was published.
pub const REBUTTED: &str = "signal.rebutted";
/// An alert was raised, acknowledged, answered or escalated.
pub const RAISED: &str = "alert.raised";
pub const ACKNOWLEDGED: &str = "alert.acknowledged";
pub const RESPONDED: &str = "alert.responded";
pub const ESCALATED: &str = "alert.escalated";

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    reporter: Reporter,
    reported_by: Option<i64>,
    region_code: String,
    district_id: Option<i64>,
    settlement: Option<String>,
    happened_on: String,
    text: Option<String>,
    text_lang: String,
    severity: i64,
    links: Option<String>,
    channel: Channel,
    status: SignalStatus,
    weight: f64,
    verification_note: Option<String>,
    rebuttal_kk: Option<String>,
    rebuttal_ru: Option<String>,
    rebuttal_en: Option<String>,
    rebutted_at: Option<String>,
    redacted_on: Option<String>,
    received_on: String,
    demo: bool,
}

const SELECT: &str = "SELECT id, reporter, reported_by, region_code, district_id, settlement, happened_on, text, \
    text_lang, severity, links, channel, status, weight, verification_note, rebuttal_kk, rebuttal_ru, rebuttal_en, \
    rebutted_at, redacted_on, received_on, demo FROM signals";

impl Row {
    fn into_signal(self, indicators: Vec<String>) -> Signal {
        Signal {
            id: self.id,
            reporter: self.reporter,
            reported_by: self.reported_by,
            region_code: self.region_code,
            district_id: self.district_id,
            settlement: self.settlement,
            happened_on: self.happened_on,
            text: self.text,
            text_lang: self.text_lang,
            severity: self.severity,
            indicators,
            links: self.links.map(|l| l.lines().map(str::to_owned).collect()).unwrap_or_default(),
            channel: self.channel,
            status: self.status,
            weight: self.weight,
            verification_note: self.verification_note,
            rebuttal: Multilingual { kk: self.rebuttal_kk, ru: self.rebuttal_ru, en: self.rebuttal_en },
            rebutted_at: self.rebutted_at,
            redacted_on: self.redacted_on,
            received_on: self.received_on,
            demo: self.demo,
        }
    }
}

async fn indicators_of(db: &Db, ids: &[i64]) -> sqlx::Result<Vec<(i64, String)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let sql =
        format!("SELECT signal_id, indicator FROM signal_indicators WHERE signal_id IN ({list}) ORDER BY indicator");
    with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).fetch_all(pool).await)
}

async fn with_indicators(db: &Db, rows: Vec<Row>) -> sqlx::Result<Vec<Signal>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut of = indicators_of(db, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let mine = of.iter().filter(|(s, _)| *s == r.id).map(|(_, i)| i.clone()).collect();
            of.retain(|(s, _)| *s != r.id);
            r.into_signal(mine)
        })
        .collect())
}

pub async fn get(db: &Db, id: i64) -> sqlx::Result<Option<Signal>> {
    let sql = format!("{SELECT} WHERE id = $1");
    let row: Option<Row> =
        with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).bind(id).fetch_optional(pool).await?);
    match row {
        Some(row) => Ok(with_indicators(db, vec![row]).await?.pop()),
        None => Ok(None),
    }
}

/// The sealed contact of a named or proxy signal.
pub async fn contact_sealed(db: &Db, id: i64) -> sqlx::Result<Option<String>> {
    with_read!(db, pool => {
        sqlx::query_scalar::<_, Option<String>>("SELECT contact_sealed FROM signals WHERE id = $1")
            .bind(id).fetch_optional(pool).await
    })
    .map(Option::flatten)
}

/// Which regions a reader may see signals of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Regions {
    All,
    Only(Vec<String>),
}

impl Regions {
    pub fn contains(&self, code: &str) -> bool {
        match self {
            Regions::All => true,
            Regions::Only(codes) => codes.iter().any(|c| c == code),
        }
    }
}

/// Which signals a list shows, newest first.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct Filter {
    /// Only this region's.
    pub region: Option<String>,
    /// Only those in this status.
    pub status: Option<SignalStatus>,
    /// Page number, from 1.
    pub page: Option<i64>,
}

pub const PER_PAGE: i64 = 50;

/// A page of the signals of `regions` that `f` selects, and how many match in all.
pub async fn list(db: &Db, regions: &Regions, f: &Filter) -> sqlx::Result<(Vec<Signal>, i64)> {
    let offset = (f.page.unwrap_or(1).clamp(1, 100_000) - 1) * PER_PAGE;
    let mut filter = String::from("WHERE ($1 IS NULL OR region_code = $1) AND ($2 IS NULL OR status = $2)");
    if let Regions::Only(codes) = regions {
        // Region codes come from the registry's reference data (`KZ-19`): checked, then quoted.
        let quoted: Vec<String> = codes
            .iter()
            .filter(|c| c.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
            .map(|c| format!("'{c}'"))
            .collect();
        filter.push_str(&format!(
            " AND region_code IN ({})",
            if quoted.is_empty() { "''".into() } else { quoted.join(",") }
        ));
    }
    let sql = format!("{SELECT} {filter} ORDER BY id DESC LIMIT {PER_PAGE} OFFSET {offset}");
    let count = format!("SELECT COUNT(*) FROM signals {filter}");
    let (rows, total): (Vec<Row>, i64) = with_read!(db, pool => {
        let rows = sqlx::query_as(AssertSqlSafe(sql)).bind(&f.region).bind(f.status).fetch_all(pool).await?;
        let total = sqlx::query_scalar(AssertSqlSafe(count)).bind(&f.region).bind(f.status).fetch_one(pool).await?;
        (rows, total)
    });
    Ok((with_indicators(db, rows).await?, total))
}

/// A signal ready to store: checked, weighed, its contact sealed.
pub struct NewSignal<'a> {
    pub input: &'a super::input::SignalInput,
    pub reported_by: Option<i64>,
    pub contact_sealed: Option<String>,
    pub weight: f64,
    pub channel: Channel,
    /// Today in Kazakhstan.
    pub today: &'a str,
    pub demo: bool,
}

macro_rules! insert_signal {
    ($tx:expr, $s:expr) => {{
        let s: &NewSignal = $s;
        let i = s.input;
        let anonymous = i.reporter == Reporter::Anonymous;
        // An anonymous signal's times are its day.
        let at = if anonymous { s.today.to_owned() } else { now() };
        let links = (!i.links.is_empty()).then(|| i.links.join("\n"));
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO signals (reporter, reported_by, contact_sealed, region_code, district_id, settlement,
                 happened_on, text, text_lang, severity, links, channel, status, weight, received_on, demo, created_at,
                 updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'new', $13, $14, $15, $16, $16) RETURNING id",
        )
        .bind(i.reporter).bind(if anonymous { None } else { s.reported_by }).bind(&s.contact_sealed)
        .bind(&i.region_code).bind(i.district_id).bind(&i.settlement).bind(&i.happened_on).bind(&i.text)
        .bind(&i.text_lang).bind(i.severity).bind(links).bind(s.channel).bind(s.weight).bind(s.today).bind(s.demo)
        .bind(&at)
        .fetch_one(&mut *$tx).await?;
        for code in &i.indicators {
            sqlx::query("INSERT INTO signal_indicators (signal_id, indicator) VALUES ($1, $2)")
                .bind(id).bind(code).execute(&mut *$tx).await?;
        }
        // The audit entry keeps what the index counts, never the text (which the retention rule redacts).
        audit!($tx, &Change { actor: if anonymous { None } else { s.reported_by }, action: "report", entity: "signal",
            entity_id: id.to_string(), before: None,
            after: Some(json!({ "reporter": i.reporter, "region_code": i.region_code, "district_id": i.district_id,
                "happened_on": i.happened_on, "indicators": i.indicators, "severity": i.severity,
                "channel": s.channel, "demo": s.demo })), at: &at })?;
        // The demo's year is history: nobody is told of it.
        if !anonymous && !s.demo {
            $tx.emit(&[Event::new(signal_scope(id), REPORTED)]).await?;
        }
        id
    }};
}

/// Stores one signal; returns its id.
pub async fn insert(db: &Db, s: &NewSignal<'_>) -> sqlx::Result<i64> {
    let id = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let id = insert_signal!(tx, s);
        tx.commit().await?;
        id
    });
    change::committed(&[SIGNALS]);
    Ok(id)
}

/// Stores many signals in one transaction: all or none (a council's questionnaire).
pub async fn insert_all(db: &Db, signals: &[NewSignal<'_>]) -> sqlx::Result<Vec<i64>> {
    let ids = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let mut ids = Vec::with_capacity(signals.len());
        for s in signals {
            ids.push(insert_signal!(tx, s));
        }
        tx.commit().await?;
        ids
    });
    change::committed(&[SIGNALS]);
    Ok(ids)
}

/// A verifier's step on a signal.
pub async fn verify(db: &Db, actor: i64, before: &Signal, to: SignalStatus, note: Option<&str>) -> sqlx::Result<()> {
    let at = now();
    // The index changes when a signal enters or leaves "confirmed".
    let counted = (before.status == SignalStatus::Confirmed) != (to == SignalStatus::Confirmed);
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE signals SET status = $1, verification_note = COALESCE($2, verification_note),
                     verified_by = $3, updated_at = $4 WHERE id = $5")
            .bind(to).bind(note).bind(actor).bind(&at).bind(before.id).execute(&mut *tx).await?;
        audit!(tx, &Change { actor: Some(actor), action: "verify", entity: "signal", entity_id: before.id.to_string(),
            before: Some(json!({ "status": before.status })), after: Some(json!({ "status": to, "note": note })), at: &at })?;
        let mut events = vec![Event::new(signal_scope(before.id), super::CHANGED)];
        if counted {
            events.push(Event::new(SIGNALS, VERIFIED).about(before.id));
        }
        tx.emit(&events).await?;
        tx.commit().await?;
    });
    change::committed(&[SIGNALS, signal_scope(before.id)]);
    Ok(())
}

/// Publishes the rebuttal of a false rumour.
pub async fn rebut(db: &Db, actor: Option<i64>, before: &Signal, text: &Multilingual) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE signals SET rebuttal_kk = $1, rebuttal_ru = $2, rebuttal_en = $3, rebutted_at = $4,
                     updated_at = $4 WHERE id = $5")
            .bind(&text.kk).bind(&text.ru).bind(&text.en).bind(&at).bind(before.id).execute(&mut *tx).await?;
        audit!(tx, &Change { actor, action: "rebut", entity: "signal", entity_id: before.id.to_string(),
            before: Some(json!({ "rebuttal": before.rebuttal })), after: Some(json!({ "rebuttal": text })), at: &at })?;
        tx.emit(&[Event::new(signal_scope(before.id), super::CHANGED), Event::new(signal_scope(before.id), REBUTTED)])
            .await?;
        tx.commit().await?;
    });
    change::committed(&[SIGNALS, signal_scope(before.id)]);
    Ok(())
}

/// The demo's findings, in one step: each signal's status (the demo's reports have no verifier).
pub async fn settle_demo(db: &Db, findings: &[(i64, SignalStatus)]) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        for status in SignalStatus::ALL {
            let ids: Vec<String> = findings.iter().filter(|(_, s)| *s == status).map(|(id, _)| id.to_string()).collect();
            for chunk in ids.chunks(500) {
                let sql = format!("UPDATE signals SET status = $1, verification_note = $2, updated_at = $3 WHERE demo AND id IN ({})", chunk.join(","));
                sqlx::query(AssertSqlSafe(sql)).bind(status).bind("[Demo]").bind(&at).execute(&mut *tx).await?;
            }
        }
        audit!(tx, &Change { actor: None, action: "verify_demo", entity: "signal", entity_id: String::new(), before: None,
            after: Some(json!({ "signals": findings.len() })), at: &at })?;
        tx.emit(&[Event::new(SIGNALS, VERIFIED)]).await?;
        tx.commit().await?;
    });
    change::committed(&[SIGNALS]);
    Ok(())
}

/// Hides a published rebuttal (moderation) or shows it again; audited.
pub async fn set_rebuttal_hidden(db: &Db, actor: Option<i64>, id: i64, hidden: bool, reason: &str) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE signals SET rebuttal_hidden_at = $1, updated_at = $2 WHERE id = $3")
            .bind(hidden.then_some(&at)).bind(&at).bind(id).execute(&mut *tx).await?;
        audit!(tx, &Change { actor, action: if hidden { "hide_rebuttal" } else { "show_rebuttal" },
            entity: "signal", entity_id: id.to_string(), before: None,
            after: Some(json!({ "hidden": hidden, "reason": reason })), at: &at })?;
        tx.emit(&[Event::new(signal_scope(id), super::CHANGED)]).await?;
        tx.commit().await?;
    });
    change::committed(&[SIGNALS, signal_scope(id)]);
    Ok(())
}

/// Published rebuttals of false rumours, newest first (public).
pub async fn rebuttals(db: &Db, limit: i64) -> sqlx::Result<Vec<Signal>> {
    let sql = format!(
        "{SELECT} WHERE status = 'false' AND rebutted_at IS NOT NULL AND rebuttal_hidden_at IS NULL ORDER BY rebutted_at DESC LIMIT {limit}"
    );
    let rows: Vec<Row> = with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).fetch_all(pool).await?);
    with_indicators(db, rows).await
}

/// What the index reads of a confirmed signal: (region, district, day, severity, weight).
pub type Counted = (String, Option<i64>, String, i64, f64);

/// Every confirmed signal, as the index reads it.
pub async fn confirmed(db: &Db) -> sqlx::Result<Vec<Counted>> {
    Ok(confirmed_by_id(db).await?.into_iter().map(|(_, c)| c).collect())
}

/// Every confirmed signal with its id (the index kept in memory follows single findings by id).
pub async fn confirmed_by_id(db: &Db) -> sqlx::Result<Vec<(i64, Counted)>> {
    let rows: Vec<(i64, String, Option<i64>, String, i64, f64)> = with_read!(db, pool => {
        sqlx::query_as("SELECT id, region_code, district_id, happened_on, severity, weight FROM signals
                        WHERE status = 'confirmed'")
            .fetch_all(pool).await?
    });
    Ok(rows.into_iter().map(|(id, r, d, day, s, w)| (id, (r, d, day, s, w))).collect())
}

/// One signal as the index reads it, if it is confirmed now.
pub async fn confirmed_one(db: &Db, id: i64) -> sqlx::Result<Option<Counted>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT region_code, district_id, happened_on, severity, weight FROM signals
                        WHERE id = $1 AND status = 'confirmed'")
            .bind(id).fetch_optional(pool).await
    })
}

/// Redacts the text of anonymous signals received before `before` (the retention rule); returns how many.
pub async fn redact(db: &Db, before: &str, today: &str) -> sqlx::Result<u64> {
    let at = now();
    let n = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let n = sqlx::query("UPDATE signals SET text = NULL, redacted_on = $1, updated_at = $2
                             WHERE reporter = 'anonymous' AND received_on < $3 AND redacted_on IS NULL")
            .bind(today).bind(&at).bind(before).execute(&mut *tx).await?.rows_affected();
        if n > 0 {
            audit!(tx, &Change { actor: None, action: "redact", entity: "signal", entity_id: String::new(),
                before: None, after: Some(json!({ "anonymous_received_before": before, "signals": n })), at: &at })?;
            tx.emit(&[Event::new(SIGNALS, super::CHANGED)]).await?;
        }
        tx.commit().await?;
        n
    });
    change::committed(&[SIGNALS]);
    Ok(n)
}

/// Names `user` a verifier of `body` (a regional assembly, or a body above it).
pub async fn assign_verifier(db: &Db, actor: i64, user: i64, body: i64) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("INSERT INTO signal_verifiers (user_id, body_id, assigned_at) VALUES ($1, $2, $3)
                     ON CONFLICT (user_id, body_id) DO NOTHING")
            .bind(user).bind(body).bind(&at).execute(&mut *tx).await?;
        audit!(tx, &Change { actor: Some(actor), action: "assign_verifier", entity: "body", entity_id: body.to_string(),
            before: None, after: Some(json!({ "verifier": user })), at: &at })?;
        tx.commit().await?;
    });
    Ok(())
}

/// The bodies `user` verifies signals for.
pub async fn verifier_bodies(db: &Db, user: i64) -> sqlx::Result<Vec<i64>> {
    with_read!(db, pool => {
        sqlx::query_scalar("SELECT body_id FROM signal_verifiers WHERE user_id = $1").bind(user).fetch_all(pool).await
    })
}

/// The verifiers of a body: (user id, display name).
pub async fn verifiers(db: &Db, body: i64) -> sqlx::Result<Vec<(i64, String)>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT u.id, u.display_name FROM signal_verifiers v JOIN users u ON u.id = v.user_id
                        WHERE v.body_id = $1 ORDER BY u.display_name")
            .bind(body).fetch_all(pool).await
    })
}

const ALERT_SELECT: &str = "SELECT id, region_code, raised_on, index_value, score, baseline, status, ack_due_at, \
    acknowledged_at, response, responded_at, escalated_at, demo, created_at FROM alerts";

/// An alert the rule raised, ready to store.
pub struct Raised {
    pub region_code: String,
    pub raised_on: String,
    pub index_value: f64,
    pub score: f64,
    pub baseline: f64,
    pub ack_due_at: String,
}

/// Stores alerts not stored yet (one per region and day, whichever server computed it first), each with its
/// escalation timer; returns the new ones' ids.
pub async fn raise(
    db: &Db,
    raised: &[Raised],
    timer: impl Fn(i64, &Raised) -> NewJob,
    demo: bool,
) -> sqlx::Result<Vec<i64>> {
    if raised.is_empty() {
        return Ok(Vec::new());
    }
    let at = now();
    let ids = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let mut ids = Vec::new();
        for r in raised {
            let id: Option<i64> = sqlx::query_scalar(
                "INSERT INTO alerts (region_code, raised_on, index_value, score, baseline, status, ack_due_at, demo,
                     created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $8, $8)
                 ON CONFLICT (region_code, raised_on) DO NOTHING RETURNING id",
            )
            .bind(&r.region_code).bind(&r.raised_on).bind(r.index_value).bind(r.score).bind(r.baseline)
            .bind(&r.ack_due_at).bind(demo).bind(&at)
            .fetch_optional(&mut *tx).await?;
            let Some(id) = id else { continue };
            audit!(tx, &Change { actor: None, action: "raise", entity: "alert", entity_id: id.to_string(), before: None,
                after: Some(json!({ "region_code": r.region_code, "raised_on": r.raised_on, "index": r.index_value,
                    "score": r.score })), at: &at })?;
            tx.schedule(&timer(id, r)).await?;
            tx.emit(&[Event::new(alert_scope(id), RAISED)]).await?;
            ids.push(id);
        }
        tx.commit().await?;
        ids
    });
    change::committed(&[ALERTS]);
    Ok(ids)
}

pub async fn alert(db: &Db, id: i64) -> sqlx::Result<Option<Alert>> {
    let sql = format!("{ALERT_SELECT} WHERE id = $1");
    with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).bind(id).fetch_optional(pool).await)
}

/// The alerts of `regions`, newest first (at most 200).
pub async fn alerts(db: &Db, regions: &Regions) -> sqlx::Result<Vec<Alert>> {
    let sql = format!("{ALERT_SELECT} ORDER BY raised_on DESC, id DESC LIMIT 1000");
    let all: Vec<Alert> = with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).fetch_all(pool).await?);
    Ok(all.into_iter().filter(|a| regions.contains(&a.region_code)).take(200).collect())
}

/// The latest alert of every region (for the dashboard's owners).
pub async fn open_alerts(db: &Db) -> sqlx::Result<Vec<Alert>> {
    let sql = format!("{ALERT_SELECT} WHERE status <> 'responded' ORDER BY raised_on DESC");
    with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).fetch_all(pool).await)
}

/// An owner's step on an alert: acknowledgement, or the response (which acknowledges too).
pub async fn answer_alert(
    db: &Db,
    actor: Option<i64>,
    before: &Alert,
    response: Option<&str>,
    cancel: &str,
) -> sqlx::Result<()> {
    let at = now();
    let (status, event, action) = match response {
        Some(_) => (AlertStatus::Responded, RESPONDED, "respond"),
        None => (AlertStatus::Acknowledged, ACKNOWLEDGED, "acknowledge"),
    };
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE alerts SET status = $1, acknowledged_by = COALESCE(acknowledged_by, $2),
                     acknowledged_at = COALESCE(acknowledged_at, $3), response = COALESCE($4, response),
                     responded_by = CASE WHEN $4 IS NULL THEN responded_by ELSE $2 END,
                     responded_at = CASE WHEN $4 IS NULL THEN responded_at ELSE $3 END, updated_at = $3 WHERE id = $5")
            .bind(status).bind(actor).bind(&at).bind(response).bind(before.id).execute(&mut *tx).await?;
        tx.cancel(super::alerts::ESCALATE_JOB, cancel).await?;
        audit!(tx, &Change { actor, action, entity: "alert", entity_id: before.id.to_string(),
            before: Some(json!({ "status": before.status })), after: Some(json!({ "status": status, "response": response })), at: &at })?;
        tx.emit(&[Event::new(alert_scope(before.id), event)]).await?;
        tx.commit().await?;
    });
    change::committed(&[ALERTS]);
    Ok(())
}

/// Marks an alert escalated (its acknowledgement is overdue); false when it was acknowledged or escalated already.
pub async fn escalate(db: &Db, id: i64) -> sqlx::Result<bool> {
    let at = now();
    let done = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let n = sqlx::query("UPDATE alerts SET escalated_at = $1, updated_at = $1
                             WHERE id = $2 AND status = 'open' AND escalated_at IS NULL")
            .bind(&at).bind(id).execute(&mut *tx).await?.rows_affected();
        if n > 0 {
            audit!(tx, &Change { actor: None, action: "escalate", entity: "alert", entity_id: id.to_string(),
                before: None, after: Some(json!({ "escalated_at": at })), at: &at })?;
            tx.emit(&[Event::new(alert_scope(id), ESCALATED)]).await?;
        }
        tx.commit().await?;
        n > 0
    });
    change::committed(&[ALERTS]);
    Ok(done)
}
