//! The only code that touches the moderation tables. The decisions table is the public log: append-only (database
//! triggers on both backends); an appeal's outcome is a decision of its own that names the one appealed.

use serde_json::json;
use sqlx::AssertSqlSafe;

use super::Item;
use crate::audit;
use crate::platform::audit::Change;
use crate::platform::change::{self, Event, Outbox, Scope};
use crate::platform::db::{Db, now};
use crate::{with_read, with_write};

/// Every decision (the log, the report, the queue).
pub const LOG: Scope = Scope::all("moderation");
/// A decision was taken (its author is told the reasons); the subject is the decision.
pub const DECIDED: &str = "moderation.decided";

/// The queue's stated priority: each report counts 10, each flag 5, each day waiting 1, each hundred readers 1.
pub fn priority(reports: i64, flags: i64, days_waiting: i64, audience: i64) -> f64 {
    (reports * 10 + flags * 5 + days_waiting) as f64 + audience as f64 / 100.0
}

/// Files a report and puts (or moves up) the item in its body's queue; false when this reader reported it already.
pub async fn report(
    db: &Db,
    reporter: i64,
    kind: &str,
    id: i64,
    item: &Item,
    clause: &str,
    note: Option<&str>,
) -> sqlx::Result<bool> {
    let at = now();
    let filed = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO moderation_reports (item_kind, item_id, reporter_id, clause, note, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (item_kind, item_id, reporter_id) DO NOTHING",
        )
        .bind(kind).bind(id).bind(reporter).bind(clause).bind(note).bind(&at)
        .execute(&mut *tx).await?.rows_affected() > 0;
        if inserted {
            sqlx::query(
                "INSERT INTO moderation_queue (item_kind, item_id, body_id, author_id, excerpt, reports, audience, first_at,
                     priority, open)
                 VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8, TRUE)
                 ON CONFLICT (item_kind, item_id) DO UPDATE SET reports = moderation_queue.reports + 1, open = TRUE,
                     priority = moderation_queue.priority + 10",
            )
            .bind(kind).bind(id).bind(item.body_id).bind(item.author_id).bind(&item.excerpt).bind(item.audience)
            .bind(&at).bind(priority(1, 0, 0, item.audience))
            .execute(&mut *tx).await?;
            audit!(tx, &Change { actor: Some(reporter), action: "report", entity: "moderation_item",
                entity_id: format!("{kind}:{id}"), before: None, after: Some(json!({ "clause": clause })), at: &at })?;
        }
        tx.commit().await?;
        inserted
    });
    change::committed(&[LOG]);
    Ok(filed)
}

/// Holds an item for pre-moderation: it waits in its body's queue (no report needed) until a moderator decides.
pub async fn hold(db: &Db, kind: &str, id: i64, item: &Item) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        sqlx::query(
            "INSERT INTO moderation_queue (item_kind, item_id, body_id, author_id, excerpt, reports, audience, first_at,
                 priority, open)
             VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8, TRUE) ON CONFLICT (item_kind, item_id) DO NOTHING",
        )
        .bind(kind).bind(id).bind(item.body_id).bind(item.author_id).bind(&item.excerpt).bind(item.audience)
        .bind(&at).bind(priority(0, 0, 0, item.audience))
        .execute(pool).await?;
    });
    change::committed(&[LOG]);
    Ok(())
}

/// An item waiting in a queue.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Queued {
    pub item_kind: String,
    pub item_id: i64,
    pub body_id: i64,
    pub author_id: Option<i64>,
    pub excerpt: String,
    pub reports: i64,
    pub flags: i64,
    pub first_at: String,
    pub priority: f64,
}

/// The open items of `bodies`, by priority (highest first), then age; at most `limit`. Each body's first items
/// are read in order from the index, then merged: the work grows with the bodies and the limit, not the queue.
pub async fn queue(db: &Db, bodies: &[i64], limit: i64) -> sqlx::Result<Vec<Queued>> {
    let sql = format!(
        "SELECT item_kind, item_id, body_id, author_id, excerpt, reports, flags, first_at, priority FROM moderation_queue
         WHERE body_id = $1 AND open = TRUE ORDER BY priority DESC, first_at LIMIT {limit}"
    );
    let mut all: Vec<Queued> = Vec::new();
    for body in bodies {
        let rows: Vec<Queued> =
            with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql.clone())).bind(body).fetch_all(pool).await?);
        all.extend(rows);
    }
    all.sort_by(|a, b| b.priority.total_cmp(&a.priority).then_with(|| a.first_at.cmp(&b.first_at)));
    all.truncate(usize::try_from(limit).unwrap_or(0));
    Ok(all)
}

/// The clauses readers named for an item, most named first: (clause, count).
pub async fn reported_clauses(db: &Db, kind: &str, id: i64) -> sqlx::Result<Vec<(String, i64)>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT clause, COUNT(*) FROM moderation_reports WHERE item_kind = $1 AND item_id = $2
                        GROUP BY clause ORDER BY COUNT(*) DESC, clause")
            .bind(kind).bind(id).fetch_all(pool).await
    })
}

/// A decision as logged.
#[derive(Clone, Debug, serde::Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Decision {
    pub id: i64,
    pub item_kind: String,
    pub item_id: i64,
    pub body_id: i64,
    #[serde(skip)]
    pub author_id: Option<i64>,
    /// `approve`, `hide`, `ask_edit`, `suspend`; on appeal `uphold` or `reverse`.
    pub action: String,
    pub clause: Option<String>,
    pub policy_version: String,
    pub automatic: bool,
    #[serde(skip)]
    pub decided_by: Option<i64>,
    /// The decider's role (`moderator`, `secretariat`, `admin`), never his name.
    pub decided_role: String,
    #[serde(skip)]
    pub note: Option<String>,
    pub suspended_until: Option<String>,
    /// For an appeal's outcome: the decision appealed.
    pub appeal_of: Option<i64>,
    pub decided_at: String,
}

const DECISION: &str = "SELECT id, item_kind, item_id, body_id, author_id, action, clause, policy_version, automatic, \
    decided_by, decided_role, note, suspended_until, appeal_of, decided_at FROM moderation_decisions";

/// A decision ready to log.
pub struct Deciding<'a> {
    pub kind: &'a str,
    pub item_id: i64,
    pub body_id: i64,
    pub author_id: Option<i64>,
    pub action: &'a str,
    pub clause: Option<&'a str>,
    /// Taken by the facility itself (a re-post of a hidden text), not by a moderator.
    pub automatic: bool,
    /// The moderator (none for an automatic decision).
    pub decided_by: Option<i64>,
    pub decided_role: &'a str,
    pub note: Option<&'a str>,
    pub suspended_until: Option<&'a str>,
    pub appeal_of: Option<i64>,
}

/// Logs a decision, closes the item in its queue, records a suspension or an appeal's outcome, and keeps the
/// fingerprint of a text it hides (`hidden`: a re-post of it is hidden too) or forgets it when the item is shown
/// again; returns its id.
pub async fn decide(db: &Db, d: &Deciding<'_>, hidden: Option<&str>) -> sqlx::Result<i64> {
    let at = now();
    let id = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO moderation_decisions (item_kind, item_id, body_id, author_id, action, clause, policy_version,
                 automatic, decided_by, decided_role, note, suspended_until, appeal_of, decided_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
        )
        .bind(d.kind).bind(d.item_id).bind(d.body_id).bind(d.author_id).bind(d.action).bind(d.clause)
        .bind(super::policy::version()).bind(d.automatic).bind(d.decided_by).bind(d.decided_role).bind(d.note).bind(d.suspended_until)
        .bind(d.appeal_of).bind(&at)
        .fetch_one(&mut *tx).await?;
        sqlx::query("UPDATE moderation_queue SET open = FALSE WHERE item_kind = $1 AND item_id = $2")
            .bind(d.kind).bind(d.item_id).execute(&mut *tx).await?;
        if let (Some(until), Some(author)) = (d.suspended_until, d.author_id) {
            sqlx::query("INSERT INTO moderation_suspensions (user_id, body_id, until_on, decision_id) VALUES ($1, $2, $3, $4)")
                .bind(author).bind(d.body_id).bind(until).bind(id).execute(&mut *tx).await?;
        }
        if let Some(appealed) = d.appeal_of {
            sqlx::query("UPDATE moderation_appeals SET outcome_id = $1 WHERE decision_id = $2")
                .bind(id).bind(appealed).execute(&mut *tx).await?;
        }
        match (d.action, hidden) {
            ("hide" | "ask_edit" | "suspend", Some(print)) => {
                sqlx::query("INSERT INTO moderation_hidden_texts (item_kind, item_id, body_id, fingerprint, decision_id)
                             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (item_kind, item_id) DO UPDATE SET
                             fingerprint = excluded.fingerprint, decision_id = excluded.decision_id")
                    .bind(d.kind).bind(d.item_id).bind(d.body_id).bind(print).bind(id).execute(&mut *tx).await?;
            }
            ("approve" | "reverse", _) => {
                sqlx::query("DELETE FROM moderation_hidden_texts WHERE item_kind = $1 AND item_id = $2")
                    .bind(d.kind).bind(d.item_id).execute(&mut *tx).await?;
            }
            _ => {}
        }
        audit!(tx, &Change { actor: d.decided_by, action: "moderate", entity: "moderation_item",
            entity_id: format!("{}:{}", d.kind, d.item_id), before: None,
            after: Some(json!({ "decision": id, "action": d.action, "clause": d.clause, "appeal_of": d.appeal_of })), at: &at })?;
        tx.emit(&[Event::new(LOG, DECIDED).about(id)]).await?;
        tx.commit().await?;
        id
    });
    change::committed(&[LOG]);
    Ok(id)
}

pub async fn decision(db: &Db, id: i64) -> sqlx::Result<Option<Decision>> {
    let sql = format!("{DECISION} WHERE id = $1");
    with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).bind(id).fetch_optional(pool).await)
}

/// A page of the log, newest first (50 a page), with how many decisions there are.
pub async fn log(db: &Db, body: Option<i64>, page: i64) -> sqlx::Result<(Vec<Decision>, i64)> {
    let offset = (page.clamp(1, 100_000) - 1) * 50;
    let sql = format!("{DECISION} WHERE ($1 IS NULL OR body_id = $1) ORDER BY id DESC LIMIT 50 OFFSET {offset}");
    with_read!(db, pool => {
        let rows = sqlx::query_as(AssertSqlSafe(sql)).bind(body).fetch_all(pool).await?;
        let total = sqlx::query_scalar("SELECT COUNT(*) FROM moderation_decisions WHERE ($1 IS NULL OR body_id = $1)")
            .bind(body).fetch_one(pool).await?;
        Ok((rows, total))
    })
}

/// Decisions that were appealed, and the outcome of each: (decision, outcome decision) for `ids`.
pub async fn appeals_of(db: &Db, ids: &[i64]) -> sqlx::Result<Vec<(i64, Option<i64>)>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let sql = format!("SELECT decision_id, outcome_id FROM moderation_appeals WHERE decision_id IN ({list})");
    with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).fetch_all(pool).await)
}

/// An appeal.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Appeal {
    pub id: i64,
    pub decision_id: i64,
    pub author_id: i64,
    pub text: String,
    pub filed_at: String,
    pub outcome_id: Option<i64>,
}

pub async fn appeal_of(db: &Db, decision: i64) -> sqlx::Result<Option<Appeal>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT id, decision_id, author_id, text, filed_at, outcome_id FROM moderation_appeals WHERE decision_id = $1")
            .bind(decision).fetch_optional(pool).await
    })
}

/// Files the author's appeal.
pub async fn appeal(db: &Db, decision: &Decision, author: i64, text: &str) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("INSERT INTO moderation_appeals (decision_id, author_id, text, filed_at) VALUES ($1, $2, $3, $4)")
            .bind(decision.id).bind(author).bind(text).bind(&at).execute(&mut *tx).await?;
        audit!(tx, &Change { actor: Some(author), action: "appeal", entity: "moderation_decision",
            entity_id: decision.id.to_string(), before: None, after: Some(json!({ "appealed": true })), at: &at })?;
        tx.commit().await?;
    });
    change::committed(&[LOG]);
    Ok(())
}

/// The open appeals against decisions of `bodies`, oldest first: (appeal, decision).
pub async fn open_appeals(db: &Db, bodies: &[i64]) -> sqlx::Result<Vec<(Appeal, Decision)>> {
    if bodies.is_empty() {
        return Ok(Vec::new());
    }
    let list = bodies.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let sql = format!(
        "SELECT a.id, a.decision_id, a.author_id, a.text, a.filed_at, a.outcome_id FROM moderation_appeals a
         JOIN moderation_decisions d ON d.id = a.decision_id WHERE a.outcome_id IS NULL AND d.body_id IN ({list})
         ORDER BY a.id LIMIT 200"
    );
    let appeals: Vec<Appeal> = with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).fetch_all(pool).await?);
    let mut out = Vec::new();
    for a in appeals {
        if let Some(d) = decision(db, a.decision_id).await? {
            out.push((a, d));
        }
    }
    Ok(out)
}

/// Is `user` suspended from writing in `body` on `today`?
pub async fn suspended(db: &Db, user: i64, body: i64, today: &str) -> sqlx::Result<bool> {
    let n: i64 = with_read!(db, pool => {
        // A suspension reversed on appeal no longer holds (it stays on record).
        sqlx::query_scalar("SELECT COUNT(*) FROM moderation_suspensions WHERE user_id = $1 AND body_id = $2 AND until_on >= $3
                            AND decision_id NOT IN (SELECT appeal_of FROM moderation_decisions WHERE action = 'reverse' AND appeal_of IS NOT NULL)")
            .bind(user).bind(body).bind(today).fetch_one(pool).await?
    });
    Ok(n > 0)
}

/// Names `user` a moderator of `body`.
pub async fn assign(db: &Db, actor: i64, user: i64, body: i64) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("INSERT INTO moderators (user_id, body_id, assigned_at) VALUES ($1, $2, $3) ON CONFLICT (user_id, body_id) DO NOTHING")
            .bind(user).bind(body).bind(&at).execute(&mut *tx).await?;
        audit!(tx, &Change { actor: Some(actor), action: "assign_moderator", entity: "body", entity_id: body.to_string(),
            before: None, after: Some(json!({ "moderator": user })), at: &at })?;
        tx.commit().await?;
    });
    Ok(())
}

/// The bodies `user` moderates.
pub async fn moderated_bodies(db: &Db, user: i64) -> sqlx::Result<Vec<i64>> {
    with_read!(db, pool => sqlx::query_scalar("SELECT body_id FROM moderators WHERE user_id = $1").bind(user).fetch_all(pool).await)
}

/// Decisions of a body in a month (`YYYY-MM`), or of all bodies: the transparency report's rows.
pub async fn month(db: &Db, body: Option<i64>, month: &str) -> sqlx::Result<Vec<Decision>> {
    // A range on the time, so that the index on it is used: `YYYY-MM` ≤ t < `YYYY-MM` + "~" (after every digit).
    let sql =
        format!("{DECISION} WHERE decided_at >= $2 AND decided_at < $3 AND ($1 IS NULL OR body_id = $1) ORDER BY id");
    let end = format!("{month}~");
    with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).bind(body).bind(month).bind(&end).fetch_all(pool).await)
}

/// When each decided item was first reported (for the time to decision): (kind, id, first reported at).
pub async fn first_reports(db: &Db, items: &[(String, i64)]) -> sqlx::Result<Vec<(String, i64, String)>> {
    let mut out = Vec::new();
    // Kinds are the names capabilities registered (letters and `_`), ids are numbers: safe to write into the SQL.
    let items: Vec<String> = items
        .iter()
        .filter(|(kind, _)| kind.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
        .map(|(kind, id)| format!("(item_kind = '{kind}' AND item_id = {id})"))
        .collect();
    for chunk in items.chunks(200) {
        let sql = format!("SELECT item_kind, item_id, first_at FROM moderation_queue WHERE {}", chunk.join(" OR "));
        let rows: Vec<(String, i64, String)> =
            with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).fetch_all(pool).await?);
        out.extend(rows);
    }
    Ok(out)
}

/// A body's lexicon of one language as written by its moderators, and when it last changed.
pub async fn lexicon(db: &Db, body: i64, lang: &str) -> sqlx::Result<Option<(String, String)>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT terms, updated_at FROM moderation_lexicons WHERE body_id = $1 AND lang = $2")
            .bind(body).bind(lang).fetch_optional(pool).await
    })
}

pub async fn set_lexicon(db: &Db, actor: i64, body: i64, lang: &str, terms: &str) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("INSERT INTO moderation_lexicons (body_id, lang, terms, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
                     ON CONFLICT (body_id, lang) DO UPDATE SET terms = excluded.terms, updated_by = excluded.updated_by,
                     updated_at = excluded.updated_at")
            .bind(body).bind(lang).bind(terms).bind(actor).bind(&at).execute(&mut *tx).await?;
        audit!(tx, &Change { actor: Some(actor), action: "set_lexicon", entity: "body", entity_id: body.to_string(),
            before: None, after: Some(json!({ "lang": lang, "terms": terms.lines().count() })), at: &at })?;
        tx.commit().await?;
    });
    Ok(())
}

/// A flag: the item goes to its body's queue (or moves up in it), never hidden by the flag itself.
pub async fn flag(db: &Db, kind: &str, id: i64, item: &Item) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        sqlx::query(
            "INSERT INTO moderation_queue (item_kind, item_id, body_id, author_id, excerpt, reports, flags, audience, first_at,
                 priority, open)
             VALUES ($1, $2, $3, $4, $5, 0, 1, $6, $7, $8, TRUE)
             ON CONFLICT (item_kind, item_id) DO UPDATE SET flags = moderation_queue.flags + 1, open = TRUE,
                 priority = moderation_queue.priority + 5",
        )
        .bind(kind).bind(id).bind(item.body_id).bind(item.author_id).bind(&item.excerpt).bind(item.audience)
        .bind(&at).bind(priority(0, 1, 0, item.audience))
        .execute(pool).await?;
    });
    change::committed(&[LOG]);
    Ok(())
}

/// The decision that hid a text with this fingerprint in `body` (another item of the same kind), if any.
pub async fn hidden_like(db: &Db, kind: &str, body: i64, print: &str, except: i64) -> sqlx::Result<Option<Decision>> {
    let found: Option<i64> = with_read!(db, pool => {
        sqlx::query_scalar("SELECT decision_id FROM moderation_hidden_texts
                            WHERE body_id = $1 AND item_kind = $2 AND fingerprint = $3 AND item_id <> $4 LIMIT 1")
            .bind(body).bind(kind).bind(print).bind(except).fetch_optional(pool).await?
    });
    match found {
        Some(id) => decision(db, id).await,
        None => Ok(None),
    }
}

/// The item's latest decision (an appeal's outcome included).
pub async fn latest(db: &Db, kind: &str, id: i64) -> sqlx::Result<Option<Decision>> {
    let sql = format!("{DECISION} WHERE item_kind = $1 AND item_id = $2 ORDER BY id DESC LIMIT 1");
    with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).bind(kind).bind(id).fetch_optional(pool).await)
}

/// When the author resubmitted his item after a request to edit it, if he did.
pub async fn edited_at(db: &Db, decision: i64) -> sqlx::Result<Option<String>> {
    with_read!(db, pool => {
        sqlx::query_scalar("SELECT edited_at FROM moderation_edits WHERE decision_id = $1").bind(decision).fetch_optional(pool).await
    })
}

/// Records the author's edit after a request and puts the item back in its body's queue, first in it.
pub async fn resubmitted(db: &Db, decision: &Decision, item: &Item) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("INSERT INTO moderation_edits (decision_id, edited_at) VALUES ($1, $2)")
            .bind(decision.id).bind(&at).execute(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO moderation_queue (item_kind, item_id, body_id, author_id, excerpt, reports, audience, first_at,
                 priority, open)
             VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8, TRUE)
             ON CONFLICT (item_kind, item_id) DO UPDATE SET excerpt = excluded.excerpt, open = TRUE,
                 priority = excluded.priority",
        )
        .bind(&decision.item_kind).bind(decision.item_id).bind(item.body_id).bind(item.author_id).bind(&item.excerpt)
        .bind(item.audience).bind(&at).bind(priority(1, 0, 0, item.audience))
        .execute(&mut *tx).await?;
        audit!(tx, &Change { actor: decision.author_id, action: "resubmit", entity: "moderation_item",
            entity_id: format!("{}:{}", decision.item_kind, decision.item_id), before: None,
            after: Some(json!({ "decision": decision.id })), at: &at })?;
        tx.commit().await?;
    });
    change::committed(&[LOG]);
    Ok(())
}
