//! The only code that touches the mediation tables. It stores and returns sealed text as it is: sealing and
//! opening happen in [`super::changes`], which holds the key. Audit entries and events say what was done to which
//! case, never what the case says.

use serde_json::json;
use sqlx::AssertSqlSafe;

use super::model::{CaseHead, EntryKind, Outcome, PartyKind};
use super::{CASES, case_scope};
use crate::audit;
use crate::platform::audit::Change;
use crate::platform::change::{self, Event, Outbox};
use crate::platform::db::{Db, now};
use crate::platform::jobs::{NewJob, Schedule};
use crate::{with_read, with_write};

/// A case was opened, or mediators were assigned (they are told).
pub const ASSIGNED: &str = "case.assigned";
/// Any change to a case.
pub const CHANGED: &str = "case.changed";
/// A follow-up date came (its mediators are told; the subject is the reminder's day as YYYYMMDD).
pub const FOLLOW_UP: &str = "case.follow_up";

const HEAD: &str = "SELECT id, council_id, region_code, status, outcome, opened_on, closed_on, agreement_on, \
    follow_up_on, demo FROM mediation_cases";

/// A case as opened, its text sealed.
pub struct Opening<'a> {
    pub council_id: i64,
    pub region_code: &'a str,
    pub title_sealed: String,
    pub parties: Vec<(PartyKind, String)>,
    pub mediators: &'a [i64],
    pub signals: &'a [i64],
    pub opened_on: &'a str,
    pub first_entry_sealed: Option<String>,
    pub demo: bool,
}

pub async fn open(db: &Db, actor: Option<i64>, o: &Opening<'_>) -> sqlx::Result<i64> {
    let at = now();
    let id = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO mediation_cases (council_id, region_code, title_sealed, status, opened_on, opened_by, demo,
                 created_at, updated_at)
             VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $7) RETURNING id",
        )
        .bind(o.council_id).bind(o.region_code).bind(&o.title_sealed).bind(o.opened_on).bind(actor).bind(o.demo).bind(&at)
        .fetch_one(&mut *tx).await?;
        for (kind, name) in &o.parties {
            sqlx::query("INSERT INTO case_parties (case_id, kind, name_sealed) VALUES ($1, $2, $3)")
                .bind(id).bind(kind).bind(name).execute(&mut *tx).await?;
        }
        for person in o.mediators {
            sqlx::query("INSERT INTO case_mediators (case_id, person_id, assigned_at) VALUES ($1, $2, $3)")
                .bind(id).bind(person).bind(&at).execute(&mut *tx).await?;
        }
        for signal in o.signals {
            sqlx::query("INSERT INTO case_signals (case_id, signal_id) VALUES ($1, $2)")
                .bind(id).bind(signal).execute(&mut *tx).await?;
        }
        if let Some(text) = &o.first_entry_sealed {
            sqlx::query("INSERT INTO case_entries (case_id, kind, on_day, text_sealed, written_by, written_at)
                         VALUES ($1, 'note', $2, $3, $4, $5)")
                .bind(id).bind(o.opened_on).bind(text).bind(actor).bind(&at).execute(&mut *tx).await?;
        }
        audit!(tx, &Change { actor, action: "open", entity: "mediation_case", entity_id: id.to_string(), before: None,
            after: Some(json!({ "council_id": o.council_id, "region_code": o.region_code, "parties": o.parties.len(),
                "mediators": o.mediators, "signals": o.signals, "demo": o.demo })), at: &at })?;
        tx.emit(&[Event::new(case_scope(id), ASSIGNED)]).await?;
        tx.commit().await?;
        id
    });
    change::committed(&[CASES]);
    Ok(id)
}

pub async fn head(db: &Db, id: i64) -> sqlx::Result<Option<CaseHead>> {
    let sql = format!("{HEAD} WHERE id = $1");
    with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).bind(id).fetch_optional(pool).await)
}

/// The sealed title and agreement of a case.
pub async fn sealed_texts(db: &Db, id: i64) -> sqlx::Result<Option<(String, Option<String>)>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT title_sealed, agreement_sealed FROM mediation_cases WHERE id = $1")
            .bind(id).fetch_optional(pool).await
    })
}

pub async fn parties(db: &Db, id: i64) -> sqlx::Result<Vec<(PartyKind, String)>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT kind, name_sealed FROM case_parties WHERE case_id = $1 ORDER BY id").bind(id).fetch_all(pool).await
    })
}

/// The assigned mediators: (person id, name).
pub async fn mediators(db: &Db, id: i64) -> sqlx::Result<Vec<(i64, String)>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT p.id, p.full_name FROM case_mediators m JOIN persons p ON p.id = m.person_id
                        WHERE m.case_id = $1 ORDER BY p.full_name")
            .bind(id).fetch_all(pool).await
    })
}

pub async fn signals(db: &Db, id: i64) -> sqlx::Result<Vec<i64>> {
    with_read!(db, pool => {
        sqlx::query_scalar("SELECT signal_id FROM case_signals WHERE case_id = $1 ORDER BY signal_id").bind(id).fetch_all(pool).await
    })
}

/// The case file as stored: (kind, day, sealed text, writer's name, written at).
pub type StoredEntry = (EntryKind, String, String, Option<String>, String);

pub async fn entries(db: &Db, id: i64) -> sqlx::Result<Vec<StoredEntry>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT e.kind, e.on_day, e.text_sealed, u.display_name, e.written_at FROM case_entries e
                        LEFT JOIN users u ON u.id = e.written_by WHERE e.case_id = $1 ORDER BY e.id")
            .bind(id).fetch_all(pool).await
    })
}

/// The cases whose mediator `person` is, and those of the councils `chaired`, newest first.
pub async fn cases_of(db: &Db, person: Option<i64>, chaired: &[i64]) -> sqlx::Result<Vec<CaseHead>> {
    let councils = chaired.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let chaired_clause = if councils.is_empty() { String::new() } else { format!(" OR council_id IN ({councils})") };
    let sql = format!(
        "{HEAD} WHERE id IN (SELECT case_id FROM case_mediators WHERE person_id = $1){chaired_clause} ORDER BY id DESC LIMIT 500"
    );
    with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).bind(person.unwrap_or(-1)).fetch_all(pool).await)
}

/// Logs a read of a case file (who, when).
pub async fn log_read(db: &Db, case: i64, user: i64) -> sqlx::Result<()> {
    with_write!(db, pool => {
        sqlx::query("INSERT INTO case_reads (case_id, user_id, at) VALUES ($1, $2, $3)")
            .bind(case).bind(user).bind(now()).execute(pool).await?;
    });
    Ok(())
}

/// The reads of a case file, newest first: (reader's name, at).
pub async fn reads(db: &Db, case: i64) -> sqlx::Result<Vec<(String, String)>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT u.display_name, r.at FROM case_reads r JOIN users u ON u.id = r.user_id
                        WHERE r.case_id = $1 ORDER BY r.id DESC LIMIT 200")
            .bind(case).fetch_all(pool).await
    })
}

/// Appends to the case file; `update` also records the agreement, the follow-up or the outcome on the case.
pub enum Update<'a> {
    None,
    Agreement { sealed: &'a str, on: &'a str, follow_up_on: Option<&'a str> },
    FollowUp { on: &'a str },
    Close { outcome: Outcome, on: &'a str },
}

/// An entry of the case file, its text sealed.
pub struct Written<'a> {
    pub kind: EntryKind,
    pub on_day: &'a str,
    pub sealed: &'a str,
}

pub async fn add_entry(
    db: &Db,
    actor: Option<i64>,
    before: &CaseHead,
    entry: &Written<'_>,
    update: Update<'_>,
    timer: Option<NewJob>,
) -> sqlx::Result<()> {
    let Written { kind, on_day, sealed } = *entry;
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("INSERT INTO case_entries (case_id, kind, on_day, text_sealed, written_by, written_at)
                     VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(before.id).bind(kind).bind(on_day).bind(sealed).bind(actor).bind(&at).execute(&mut *tx).await?;
        match update {
            Update::None => {}
            Update::Agreement { sealed, on, follow_up_on } => {
                sqlx::query("UPDATE mediation_cases SET status = 'agreement', agreement_sealed = $1, agreement_on = $2,
                             follow_up_on = $3, updated_at = $4 WHERE id = $5")
                    .bind(sealed).bind(on).bind(follow_up_on).bind(&at).bind(before.id).execute(&mut *tx).await?;
            }
            Update::FollowUp { on } => {
                sqlx::query("UPDATE mediation_cases SET follow_up_on = $1, updated_at = $2 WHERE id = $3")
                    .bind(on).bind(&at).bind(before.id).execute(&mut *tx).await?;
            }
            Update::Close { outcome, on } => {
                sqlx::query("UPDATE mediation_cases SET status = 'closed', outcome = $1, closed_on = $2, follow_up_on = NULL,
                             updated_at = $3 WHERE id = $4")
                    .bind(outcome).bind(on).bind(&at).bind(before.id).execute(&mut *tx).await?;
                tx.cancel(super::reminders::FOLLOW_UP_JOB, &before.id.to_string()).await?;
            }
        }
        if let Some(job) = &timer {
            tx.schedule(job).await?;
        }
        audit!(tx, &Change { actor, action: "write", entity: "mediation_case", entity_id: before.id.to_string(),
            before: Some(json!({ "status": before.status })), after: Some(json!({ "entry": kind, "on": on_day })), at: &at })?;
        tx.emit(&[Event::new(case_scope(before.id), CHANGED)]).await?;
        tx.commit().await?;
    });
    change::committed(&[CASES]);
    Ok(())
}

/// Assigns one more mediator.
pub async fn assign(db: &Db, actor: Option<i64>, case: i64, person: i64) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("INSERT INTO case_mediators (case_id, person_id, assigned_at) VALUES ($1, $2, $3)
                     ON CONFLICT (case_id, person_id) DO NOTHING")
            .bind(case).bind(person).bind(&at).execute(&mut *tx).await?;
        audit!(tx, &Change { actor, action: "assign", entity: "mediation_case", entity_id: case.to_string(),
            before: None, after: Some(json!({ "mediator": person })), at: &at })?;
        tx.emit(&[Event::new(case_scope(case), ASSIGNED)]).await?;
        tx.commit().await?;
    });
    change::committed(&[CASES]);
    Ok(())
}

/// Marks a follow-up reminder sent, once per case and day; false when it was.
pub async fn remind(db: &Db, case: i64, due_on: &str) -> sqlx::Result<bool> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let n = sqlx::query("INSERT INTO case_reminders (case_id, due_on, sent_at) VALUES ($1, $2, $3)
                             ON CONFLICT (case_id, due_on) DO NOTHING")
            .bind(case).bind(due_on).bind(&at).execute(&mut *tx).await?.rows_affected();
        if n > 0 {
            let day: i64 = due_on.replace('-', "").parse().unwrap_or(0);
            tx.emit(&[Event::new(case_scope(case), FOLLOW_UP).about(day)]).await?;
        }
        tx.commit().await?;
        Ok(n > 0)
    })
}

/// Cases opened and closed per region and quarter (`2026-Q4`): the public figures, before suppression.
pub async fn counts(db: &Db) -> sqlx::Result<Vec<(String, String, Option<String>)>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT region_code, opened_on, closed_on FROM mediation_cases").fetch_all(pool).await
    })
}

/// The accounts of the case's mediators (those linked to their person), to tell them.
pub async fn mediator_accounts(db: &Db, case: i64) -> sqlx::Result<Vec<i64>> {
    with_read!(db, pool => {
        sqlx::query_scalar("SELECT u.id FROM case_mediators m JOIN users u ON u.person_id = m.person_id
                            WHERE m.case_id = $1")
            .bind(case).fetch_all(pool).await
    })
}

/// A document of a case file as listed: (id, sealed title, content type, size in bytes, added at).
pub type ListedDocument = (i64, String, String, i64, String);

pub async fn documents(db: &Db, case: i64) -> sqlx::Result<Vec<ListedDocument>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT id, title_sealed, content_type, size, added_at FROM case_documents WHERE case_id = $1 ORDER BY id")
            .bind(case).fetch_all(pool).await
    })
}

/// One document of a case: (sealed title, content type, sealed content).
pub async fn document(db: &Db, case: i64, id: i64) -> sqlx::Result<Option<(String, String, String)>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT title_sealed, content_type, content_sealed FROM case_documents WHERE case_id = $1 AND id = $2")
            .bind(case).bind(id).fetch_optional(pool).await
    })
}

/// A document as attached: sealed title and content.
pub struct Attaching<'a> {
    pub title_sealed: &'a str,
    pub content_type: &'a str,
    pub size: i64,
    pub content_sealed: &'a str,
}

pub async fn attach(db: &Db, actor: Option<i64>, case: i64, d: &Attaching<'_>) -> sqlx::Result<i64> {
    let at = now();
    let id = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO case_documents (case_id, title_sealed, content_type, size, content_sealed, added_by, added_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(case).bind(d.title_sealed).bind(d.content_type).bind(d.size).bind(d.content_sealed).bind(actor).bind(&at)
        .fetch_one(&mut *tx).await?;
        audit!(tx, &Change { actor, action: "attach", entity: "mediation_case", entity_id: case.to_string(), before: None,
            after: Some(json!({ "document": id, "content_type": d.content_type, "size": d.size })), at: &at })?;
        tx.emit(&[Event::new(case_scope(case), CHANGED)]).await?;
        tx.commit().await?;
        id
    });
    change::committed(&[CASES]);
    Ok(id)
}
