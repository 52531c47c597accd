//! The only code that touches the meeting tables. Every write commits its rows, its audit entry and its event
//! together; after the commit the pages cached from meetings are stale ([`super::LIST`]).

use serde_json::json;
use sqlx::AssertSqlSafe;

use super::LIST;
use super::input::{AgendaItemInput, MeetingInput, MotionInput};
use super::model::{
    AgendaItem, Choice, Count, Decision, Execution, Kind, Majority, MajorityOf, Meeting, MeetingStatus, Method, Motion,
    MotionStatus, Multilingual, Outcome, Quorum, Rules, VoteCorrection, roman,
};
use crate::audit;
use crate::platform::audit::Change;
use crate::platform::change::{self, Event, Outbox};
use crate::platform::db::{Db, now};
use crate::{with_read, with_write};

/// Every meeting change leaves this event.
const CHANGED: Event = Event::new(LIST, "meeting.changed");
/// A meeting was planned: what search finds of it (its heading) is set then, and never changes after.
pub const CREATED: &str = "meeting.created";

/// An audit entry of a meeting's record.
fn entry<'a>(
    actor: Option<i64>,
    action: &'static str,
    entity: &'static str,
    id: i64,
    after: serde_json::Value,
    at: &'a str,
) -> Change<'a> {
    Change { actor, action, entity, entity_id: id.to_string(), before: None, after: Some(after), at }
}

#[derive(sqlx::FromRow)]
struct MeetingRow {
    id: i64,
    body_id: i64,
    kind: Kind,
    number: Option<i64>,
    title_kk: Option<String>,
    title_ru: Option<String>,
    title_en: Option<String>,
    description_kk: Option<String>,
    description_ru: Option<String>,
    description_en: Option<String>,
    starts_at: String,
    ends_at: String,
    place: Option<String>,
    online_url: Option<String>,
    status: MeetingStatus,
    status_reason: Option<String>,
    agenda_published_at: Option<String>,
    demo: bool,
    created_at: String,
    updated_at: String,
    sequence: i64,
}

const MEETING_SELECT: &str = "SELECT id, body_id, kind, number, title_kk, title_ru, title_en, description_kk, \
    description_ru, description_en, starts_at, ends_at, place, online_url, status, status_reason, \
    agenda_published_at, demo, created_at, updated_at, sequence FROM meetings";

impl From<MeetingRow> for Meeting {
    fn from(r: MeetingRow) -> Meeting {
        Meeting {
            id: r.id,
            body_id: r.body_id,
            kind: r.kind,
            number: r.number,
            number_roman: r.number.and_then(roman),
            title: Multilingual { kk: r.title_kk, ru: r.title_ru, en: r.title_en },
            description: Multilingual { kk: r.description_kk, ru: r.description_ru, en: r.description_en },
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            place: r.place,
            online_url: r.online_url,
            status: r.status,
            status_reason: r.status_reason,
            agenda_published_at: r.agenda_published_at,
            demo: r.demo,
            created_at: r.created_at,
            updated_at: r.updated_at,
            sequence: r.sequence,
        }
    }
}

/// Which meetings a list shows.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::IntoParams)]
pub struct MeetingFilter {
    /// Only meetings of this body.
    pub body: Option<i64>,
    /// Only meetings starting on or after this day (Kazakhstan time, `YYYY-MM-DD`).
    pub from: Option<String>,
    /// Only meetings starting on or before this day.
    pub to: Option<String>,
}

/// Meetings, newest first. Day bounds are Kazakhstan days: a day starts at 19:00 UTC of the day before.
pub async fn meetings(
    db: &Db,
    body: Option<i64>,
    from_utc: Option<&str>,
    to_utc: Option<&str>,
) -> sqlx::Result<Vec<Meeting>> {
    // Only the filters given go into the SQL: `$1 IS NULL OR …` would keep SQLite from using an index, and every
    // list would read and sort the whole table.
    let rows: Vec<MeetingRow> = with_read!(db, pool => {
        let mut q = sqlx::QueryBuilder::new(format!("{MEETING_SELECT} WHERE 1 = 1"));
        if let Some(body) = body {
            q.push(" AND body_id = ").push_bind(body);
        }
        if let Some(from) = from_utc {
            q.push(" AND starts_at >= ").push_bind(from);
        }
        if let Some(to) = to_utc {
            q.push(" AND starts_at < ").push_bind(to);
        }
        q.push(" ORDER BY starts_at DESC, id DESC LIMIT 1000");
        q.build_query_as().fetch_all(pool).await?
    });
    Ok(rows.into_iter().map(Meeting::from).collect())
}

pub async fn meeting(db: &Db, id: i64) -> sqlx::Result<Option<Meeting>> {
    let sql = format!("{MEETING_SELECT} WHERE id = $1");
    let row: Option<MeetingRow> =
        with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).bind(id).fetch_optional(pool).await?);
    Ok(row.map(Meeting::from))
}

/// Stores a new meeting (planned); `demo` marks fictional demo content.
pub async fn create_meeting(db: &Db, actor: Option<i64>, input: &MeetingInput, demo: bool) -> sqlx::Result<i64> {
    let at = now();
    let id = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO meetings (body_id, kind, number, title_kk, title_ru, title_en, description_kk, description_ru,
                 description_en, starts_at, ends_at, place, online_url, status, demo, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) RETURNING id",
        )
        .bind(input.body_id).bind(input.kind).bind(input.number)
        .bind(&input.title.kk).bind(&input.title.ru).bind(&input.title.en)
        .bind(&input.description.kk).bind(&input.description.ru).bind(&input.description.en)
        .bind(&input.starts_at).bind(&input.ends_at).bind(&input.place).bind(&input.online_url)
        .bind(MeetingStatus::Planned).bind(demo).bind(&at)
        .fetch_one(&mut *tx)
        .await?;
        audit!(tx, &entry(actor, "create", "meeting", id, json!({ "input": input, "demo": demo }), &at))?;
        tx.emit(&[CHANGED, Event::new(LIST, CREATED).about(id)]).await?;
        tx.commit().await?;
        id
    });
    change::committed(&[LIST]);
    Ok(id)
}

/// Moves a meeting to `status` (checked by the caller), with its reason.
pub async fn set_status(
    db: &Db,
    actor: Option<i64>,
    before: &Meeting,
    status: MeetingStatus,
    reason: Option<&str>,
) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE meetings SET status = $1, status_reason = $2, updated_at = $3, sequence = sequence + 1 WHERE id = $4")
            .bind(status).bind(reason).bind(&at).bind(before.id)
            .execute(&mut *tx).await?;
        audit!(tx, &Change { actor, action: "status", entity: "meeting", entity_id: before.id.to_string(),
            before: Some(json!({ "status": before.status, "reason": before.status_reason })),
            after: Some(json!({ "status": status, "reason": reason })), at: &at })?;
        tx.emit(&[CHANGED]).await?;
        tx.commit().await?;
    });
    change::committed(&[LIST]);
    Ok(())
}

/// An agenda item as stored (also a row of the open data's `agenda-items`).
#[derive(serde::Serialize, sqlx::FromRow)]
pub struct ItemRow {
    pub id: i64,
    pub meeting_id: i64,
    pub position: i64,
    pub title_kk: Option<String>,
    pub title_ru: Option<String>,
    pub title_en: Option<String>,
    pub presenter: Option<String>,
    pub consultation_id: Option<i64>,
    pub added_after_publication_at: Option<String>,
}

pub async fn agenda(db: &Db, meeting: i64) -> sqlx::Result<Vec<AgendaItem>> {
    let rows: Vec<ItemRow> = with_read!(db, pool => {
        sqlx::query_as(
            "SELECT id, meeting_id, position, title_kk, title_ru, title_en, presenter, consultation_id,
                    added_after_publication_at
             FROM agenda_items WHERE meeting_id = $1 ORDER BY position",
        )
        .bind(meeting)
        .fetch_all(pool)
        .await?
    });
    Ok(rows
        .into_iter()
        .map(|r| AgendaItem {
            id: r.id,
            meeting_id: r.meeting_id,
            position: r.position,
            title: Multilingual { kk: r.title_kk, ru: r.title_ru, en: r.title_en },
            presenter: r.presenter,
            consultation_id: r.consultation_id,
            added_after_publication_at: r.added_after_publication_at,
        })
        .collect())
}

/// One agenda item, if it exists.
pub async fn agenda_item(db: &Db, id: i64) -> sqlx::Result<Option<AgendaItem>> {
    let meeting: Option<i64> = with_read!(db, pool => {
        sqlx::query_scalar("SELECT meeting_id FROM agenda_items WHERE id = $1").bind(id).fetch_optional(pool).await?
    });
    let Some(meeting) = meeting else { return Ok(None) };
    Ok(agenda(db, meeting).await?.into_iter().find(|i| i.id == id))
}

/// Adds an item at the end of the agenda; after publication the item says when it was added.
pub async fn add_agenda_item(
    db: &Db,
    actor: Option<i64>,
    meeting: &Meeting,
    input: &AgendaItemInput,
) -> sqlx::Result<i64> {
    let at = now();
    let late = meeting.agenda_published_at.as_ref().map(|_| at.clone());
    let id = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO agenda_items (meeting_id, position, title_kk, title_ru, title_en, presenter, consultation_id,
                 added_after_publication_at, created_at)
             VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM agenda_items WHERE meeting_id = $1),
                 $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(meeting.id).bind(&input.title.kk).bind(&input.title.ru).bind(&input.title.en)
        .bind(&input.presenter).bind(input.consultation_id).bind(&late).bind(&at)
        .fetch_one(&mut *tx)
        .await?;
        // Every change of a meeting raises its calendar SEQUENCE, so that calendar programs take it again.
        sqlx::query("UPDATE meetings SET updated_at = $1, sequence = sequence + 1 WHERE id = $2")
            .bind(&at).bind(meeting.id).execute(&mut *tx).await?;
        audit!(tx, &entry(actor, "create", "agenda_item", id,
            json!({ "meeting": meeting.id, "input": input, "after_publication": late.is_some() }), &at))?;
        tx.emit(&[CHANGED]).await?;
        tx.commit().await?;
        id
    });
    change::committed(&[LIST]);
    Ok(id)
}

/// Publishes the agenda: from now on every added item is marked with its day.
pub async fn publish_agenda(db: &Db, actor: Option<i64>, meeting: &Meeting) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE meetings SET agenda_published_at = $1, updated_at = $1, sequence = sequence + 1 WHERE id = $2")
            .bind(&at).bind(meeting.id).execute(&mut *tx).await?;
        audit!(tx, &entry(actor, "publish_agenda", "meeting", meeting.id, json!({ "published_at": at }), &at))?;
        tx.emit(&[CHANGED, Event::new(super::scope(meeting.id), super::notices::AGENDA_PUBLISHED)]).await?;
        tx.commit().await?;
    });
    change::committed(&[LIST]);
    Ok(())
}

/// Who is registered at a meeting: (person, present, checked in himself).
pub async fn attendance(db: &Db, meeting: i64) -> sqlx::Result<Vec<(i64, bool, bool)>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT person_id, present, by_self FROM attendance WHERE meeting_id = $1 ORDER BY person_id")
            .bind(meeting)
            .fetch_all(pool)
            .await
    })
}

/// Is `person` registered present at `meeting`?
pub async fn is_present(db: &Db, meeting: i64, person: i64) -> sqlx::Result<bool> {
    with_read!(db, pool => {
        sqlx::query_scalar::<_, bool>("SELECT present FROM attendance WHERE meeting_id = $1 AND person_id = $2")
            .bind(meeting).bind(person).fetch_optional(pool).await.map(|p| p.unwrap_or(false))
    })
}

/// Marks a member present or absent (`by_self`: he checked in himself).
pub async fn set_attendance(
    db: &Db,
    actor: Option<i64>,
    meeting: i64,
    person: i64,
    present: bool,
    by_self: bool,
) -> sqlx::Result<()> {
    record_all(db, &[Presence::Attend { actor, meeting, person, present, by_self }]).await.map(|_| ())
}

/// What a member does in a meeting, written by group commit ([`record_all`]).
#[derive(Clone, Copy, Debug)]
pub enum Presence {
    Attend { actor: Option<i64>, meeting: i64, person: i64, present: bool, by_self: bool },
    Vote { actor: Option<i64>, motion: i64, person: i64, choice: Choice },
}

/// Writes attendance marks and votes in one transaction, each with its audit entry, and one event; the outcome of
/// each in its order (an attendance mark is always recorded).
pub async fn record_all(db: &Db, ops: &[Presence]) -> sqlx::Result<Vec<Cast>> {
    let at = now();
    let done = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let mut done = Vec::with_capacity(ops.len());
        for op in ops {
            match *op {
                Presence::Attend { actor, meeting, person, present, by_self } => {
                    sqlx::query(
                        "INSERT INTO attendance (meeting_id, person_id, present, by_self, at) VALUES ($1, $2, $3, $4, $5)
                         ON CONFLICT (meeting_id, person_id) DO UPDATE SET present = $3, by_self = $4, at = $5",
                    )
                    .bind(meeting).bind(person).bind(present).bind(by_self).bind(&at)
                    .execute(&mut *tx).await?;
                    audit!(tx, &entry(actor, "attendance", "meeting", meeting,
                        json!({ "person": person, "present": present, "by_self": by_self }), &at))?;
                    done.push(Cast::Recorded);
                }
                Presence::Vote { actor, motion, person, choice } => {
                    // The open status is read again inside the transaction that records the vote.
                    let open: Option<MotionStatus> = sqlx::query_scalar("SELECT status FROM motions WHERE id = $1")
                        .bind(motion).fetch_optional(&mut *tx).await?;
                    if open != Some(MotionStatus::Open) {
                        done.push(Cast::NotOpen);
                        continue;
                    }
                    let inserted = sqlx::query(
                        "INSERT INTO motion_votes (motion_id, person_id, choice, at) VALUES ($1, $2, $3, $4)
                         ON CONFLICT (motion_id, person_id) DO NOTHING",
                    )
                    .bind(motion).bind(person).bind(choice).bind(&at)
                    .execute(&mut *tx).await?
                    .rows_affected();
                    if inserted == 0 {
                        done.push(Cast::AlreadyVoted);
                        continue;
                    }
                    audit!(tx, &entry(actor, "vote", "motion", motion, json!({ "person": person, "choice": choice }), &at))?;
                    done.push(Cast::Recorded);
                }
            }
        }
        tx.emit(&[CHANGED]).await?;
        tx.commit().await?;
        done
    });
    change::committed(&[LIST]);
    Ok(done)
}

/// The secretariat's register of a meeting: each `(person, present)` written with its audit entry, all in one
/// transaction with one event.
pub async fn set_attendances(db: &Db, actor: Option<i64>, meeting: i64, marks: &[(i64, bool)]) -> sqlx::Result<()> {
    if marks.is_empty() {
        return Ok(());
    }
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        for (person, present) in marks {
            sqlx::query(
                "INSERT INTO attendance (meeting_id, person_id, present, by_self, at) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (meeting_id, person_id) DO UPDATE SET present = $3, by_self = $4, at = $5",
            )
            .bind(meeting).bind(person).bind(present).bind(false).bind(&at)
            .execute(&mut *tx).await?;
            audit!(tx, &entry(actor, "attendance", "meeting", meeting,
                json!({ "person": person, "present": present, "by_self": false }), &at))?;
        }
        tx.emit(&[CHANGED]).await?;
        tx.commit().await?;
    });
    change::committed(&[LIST]);
    Ok(())
}

/// A body's own rules, if it has set any.
pub async fn rules(db: &Db, body: i64) -> sqlx::Result<Option<Rules>> {
    let row: Option<(Quorum, MajorityOf, Majority)> = with_read!(db, pool => {
        sqlx::query_as("SELECT quorum, majority_of, majority FROM meeting_rules WHERE body_id = $1")
            .bind(body)
            .fetch_optional(pool)
            .await?
    });
    Ok(row.map(|(quorum, majority_of, majority)| Rules { quorum, majority_of, majority }))
}

pub async fn set_rules(db: &Db, actor: Option<i64>, body: i64, before: &Rules, rules: &Rules) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO meeting_rules (body_id, quorum, majority_of, majority, updated_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (body_id) DO UPDATE SET quorum = $2, majority_of = $3, majority = $4, updated_at = $5",
        )
        .bind(body).bind(rules.quorum).bind(rules.majority_of).bind(rules.majority).bind(&at)
        .execute(&mut *tx).await?;
        audit!(tx, &Change { actor, action: "rules", entity: "body", entity_id: body.to_string(),
            before: Some(json!(before)), after: Some(json!(rules)), at: &at })?;
        tx.emit(&[CHANGED]).await?;
        tx.commit().await?;
    });
    change::committed(&[LIST]);
    Ok(())
}

#[derive(sqlx::FromRow)]
struct MotionRow {
    id: i64,
    meeting_id: i64,
    agenda_item_id: Option<i64>,
    text_kk: Option<String>,
    text_ru: Option<String>,
    text_en: Option<String>,
    method: Method,
    status: MotionStatus,
    quorum: Quorum,
    majority_of: MajorityOf,
    majority: Majority,
    members: Option<i64>,
    present: Option<i64>,
    votes_for: Option<i64>,
    votes_against: Option<i64>,
    abstentions: Option<i64>,
    outcome: Option<Outcome>,
    opened_at: String,
    closed_at: Option<String>,
}

impl From<MotionRow> for Motion {
    fn from(r: MotionRow) -> Motion {
        let count = match (r.votes_for, r.votes_against, r.abstentions) {
            (Some(votes_for), Some(against), Some(abstentions)) => Some(Count { votes_for, against, abstentions }),
            _ => None,
        };
        Motion {
            id: r.id,
            meeting_id: r.meeting_id,
            agenda_item_id: r.agenda_item_id,
            text: Multilingual { kk: r.text_kk, ru: r.text_ru, en: r.text_en },
            method: r.method,
            status: r.status,
            rules: Rules { quorum: r.quorum, majority_of: r.majority_of, majority: r.majority },
            members: r.members,
            present: r.present,
            count,
            outcome: r.outcome,
            opened_at: r.opened_at,
            closed_at: r.closed_at,
        }
    }
}

const MOTION_SELECT: &str = "SELECT id, meeting_id, agenda_item_id, text_kk, text_ru, text_en, method, status, \
    quorum, majority_of, majority, members, present, votes_for, votes_against, abstentions, outcome, opened_at, \
    closed_at FROM motions";

pub async fn motions(db: &Db, meeting: i64) -> sqlx::Result<Vec<Motion>> {
    let sql = format!("{MOTION_SELECT} WHERE meeting_id = $1 ORDER BY id");
    let rows: Vec<MotionRow> =
        with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).bind(meeting).fetch_all(pool).await?);
    Ok(rows.into_iter().map(Motion::from).collect())
}

pub async fn motion(db: &Db, id: i64) -> sqlx::Result<Option<Motion>> {
    let sql = format!("{MOTION_SELECT} WHERE id = $1");
    let row: Option<MotionRow> =
        with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).bind(id).fetch_optional(pool).await?);
    Ok(row.map(Motion::from))
}

/// What a closed vote found: who was counted, and what it decided.
pub struct Tally {
    pub members: i64,
    pub present: i64,
    pub count: Count,
    pub outcome: Outcome,
}

/// Inserts a motion; a show of hands comes closed with its tally (and its decision when adopted).
macro_rules! insert_motion {
    ($tx:expr, $meeting:expr, $input:expr, $rules:expr, $method:expr, $tally:expr, $at:expr) => {{
        let tally: Option<&Tally> = $tally;
        let status = if tally.is_some() { MotionStatus::Closed } else { MotionStatus::Open };
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO motions (meeting_id, agenda_item_id, text_kk, text_ru, text_en, method, status, quorum,
                 majority_of, majority, members, present, votes_for, votes_against, abstentions, outcome, opened_at,
                 closed_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id",
        )
        .bind($meeting.id)
        .bind($input.agenda_item_id)
        .bind(&$input.text.kk)
        .bind(&$input.text.ru)
        .bind(&$input.text.en)
        .bind($method)
        .bind(status)
        .bind($rules.quorum)
        .bind($rules.majority_of)
        .bind($rules.majority)
        .bind(tally.map(|t| t.members))
        .bind(tally.map(|t| t.present))
        .bind(tally.map(|t| t.count.votes_for))
        .bind(tally.map(|t| t.count.against))
        .bind(tally.map(|t| t.count.abstentions))
        .bind(tally.map(|t| t.outcome))
        .bind($at)
        .bind(tally.map(|_| $at))
        .fetch_one(&mut *$tx)
        .await?
    }};
}

/// Numbers an adopted motion as the meeting's next decision.
macro_rules! insert_decision {
    ($tx:expr, $meeting:expr, $motion:expr, $text:expr, $at:expr) => {{
        let text: &Multilingual = $text;
        sqlx::query_scalar::<_, i64>(
            "INSERT INTO decisions (body_id, meeting_id, motion_id, number, text_kk, text_ru, text_en, execution,
                 created_at, updated_at)
             VALUES ($1, $2, $3, (SELECT COALESCE(MAX(number), 0) + 1 FROM decisions WHERE meeting_id = $2),
                 $4, $5, $6, $7, $8, $8) RETURNING id",
        )
        .bind($meeting.body_id)
        .bind($meeting.id)
        .bind($motion)
        .bind(&text.kk)
        .bind(&text.ru)
        .bind(&text.en)
        .bind(Execution::Pending)
        .bind($at)
        .fetch_one(&mut *$tx)
        .await?
    }};
}

/// Puts a motion to a roll-call vote; `None` when the meeting already has an open vote.
pub async fn open_motion(
    db: &Db,
    actor: Option<i64>,
    meeting: &Meeting,
    input: &MotionInput,
    rules: &Rules,
) -> sqlx::Result<Option<i64>> {
    let at = now();
    let id = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let open: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM motions WHERE meeting_id = $1 AND status = 'open'")
            .bind(meeting.id).fetch_one(&mut *tx).await?;
        if open > 0 {
            return Ok(None);
        }
        let id = insert_motion!(tx, meeting, input, rules, Method::RollCall, None, &at);
        audit!(tx, &entry(actor, "open", "motion", id, json!({ "meeting": meeting.id, "input": input, "rules": rules }), &at))?;
        tx.emit(&[CHANGED]).await?;
        tx.commit().await?;
        id
    });
    change::committed(&[LIST]);
    Ok(Some(id))
}

/// Records a show of hands, closed at once with its tally; an adopted motion becomes the next decision.
pub async fn record_show_of_hands(
    db: &Db,
    actor: Option<i64>,
    meeting: &Meeting,
    input: &MotionInput,
    rules: &Rules,
    tally: &Tally,
) -> sqlx::Result<i64> {
    let at = now();
    let id = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let id = insert_motion!(tx, meeting, input, rules, Method::ShowOfHands, Some(tally), &at);
        audit!(tx, &entry(actor, "show_of_hands", "motion", id,
            json!({ "meeting": meeting.id, "input": input, "rules": rules, "outcome": tally.outcome }), &at))?;
        if tally.outcome == Outcome::Adopted {
            let decision = insert_decision!(tx, meeting, id, &input.text, &at);
            audit!(tx, &entry(actor, "create", "decision", decision, json!({ "motion": id }), &at))?;
        }
        tx.emit(&[CHANGED]).await?;
        tx.commit().await?;
        id
    });
    change::committed(&[LIST]);
    Ok(id)
}

/// How a vote was taken: recorded, or refused because the member voted already or the vote is not open.
#[derive(Debug, PartialEq, Eq)]
pub enum Cast {
    Recorded,
    AlreadyVoted,
    NotOpen,
}

/// Records a member's vote, once, while the motion is open (checked again inside the transaction).
pub async fn cast_vote(db: &Db, actor: Option<i64>, motion: i64, person: i64, choice: Choice) -> sqlx::Result<Cast> {
    let done = record_all(db, &[Presence::Vote { actor, motion, person, choice }]).await?;
    Ok(done.into_iter().next().unwrap_or(Cast::NotOpen))
}

/// The roll call of a motion: (person, choice, when), in the order the votes came.
pub async fn votes(db: &Db, motion: i64) -> sqlx::Result<Vec<(i64, Choice, String)>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT person_id, choice, at FROM motion_votes WHERE motion_id = $1 ORDER BY at, person_id")
            .bind(motion)
            .fetch_all(pool)
            .await
    })
}

/// Closes a roll-call vote with the tally `decide` computes from its votes, read inside the transaction (no vote
/// can be added after them); an adopted motion becomes the next decision. `None` when it was not open.
pub async fn close_motion(
    db: &Db,
    actor: Option<i64>,
    meeting: &Meeting,
    motion: &Motion,
    decide: impl FnOnce(Count) -> Tally + Send,
) -> sqlx::Result<Option<Tally>> {
    let at = now();
    let tally = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let closed = sqlx::query("UPDATE motions SET status = 'closed', closed_at = $1 WHERE id = $2 AND status = 'open'")
            .bind(&at).bind(motion.id).execute(&mut *tx).await?.rows_affected();
        if closed == 0 {
            return Ok(None);
        }
        let choices: Vec<Choice> = sqlx::query_scalar("SELECT choice FROM motion_votes WHERE motion_id = $1")
            .bind(motion.id).fetch_all(&mut *tx).await?;
        let mut count = Count::default();
        for choice in choices {
            match choice {
                Choice::For => count.votes_for += 1,
                Choice::Against => count.against += 1,
                Choice::Abstain => count.abstentions += 1,
            }
        }
        let tally = decide(count);
        sqlx::query(
            "UPDATE motions SET members = $1, present = $2, votes_for = $3, votes_against = $4, abstentions = $5,
                 outcome = $6 WHERE id = $7",
        )
        .bind(tally.members).bind(tally.present).bind(tally.count.votes_for).bind(tally.count.against)
        .bind(tally.count.abstentions).bind(tally.outcome).bind(motion.id)
        .execute(&mut *tx).await?;
        audit!(tx, &entry(actor, "close", "motion", motion.id,
            json!({ "count": tally.count, "members": tally.members, "present": tally.present, "outcome": tally.outcome }), &at))?;
        if tally.outcome == Outcome::Adopted {
            let decision = insert_decision!(tx, meeting, motion.id, &motion.text, &at);
            audit!(tx, &entry(actor, "create", "decision", decision, json!({ "motion": motion.id }), &at))?;
        }
        tx.emit(&[CHANGED]).await?;
        tx.commit().await?;
        tally
    });
    change::committed(&[LIST]);
    Ok(Some(tally))
}

#[derive(sqlx::FromRow)]
struct DecisionRow {
    id: i64,
    body_id: i64,
    meeting_id: i64,
    motion_id: i64,
    number: i64,
    text_kk: Option<String>,
    text_ru: Option<String>,
    text_en: Option<String>,
    execution: Execution,
}

impl From<DecisionRow> for Decision {
    fn from(r: DecisionRow) -> Decision {
        Decision {
            id: r.id,
            body_id: r.body_id,
            meeting_id: r.meeting_id,
            motion_id: r.motion_id,
            number: r.number,
            text: Multilingual { kk: r.text_kk, ru: r.text_ru, en: r.text_en },
            execution: r.execution,
        }
    }
}

const DECISION_SELECT: &str =
    "SELECT id, body_id, meeting_id, motion_id, number, text_kk, text_ru, text_en, execution FROM decisions";

pub async fn decisions(db: &Db, meeting: i64) -> sqlx::Result<Vec<Decision>> {
    let sql = format!("{DECISION_SELECT} WHERE meeting_id = $1 ORDER BY number");
    let rows: Vec<DecisionRow> =
        with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).bind(meeting).fetch_all(pool).await?);
    Ok(rows.into_iter().map(Decision::from).collect())
}

pub async fn decision(db: &Db, id: i64) -> sqlx::Result<Option<Decision>> {
    let sql = format!("{DECISION_SELECT} WHERE id = $1");
    let row: Option<DecisionRow> =
        with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).bind(id).fetch_optional(pool).await?);
    Ok(row.map(Decision::from))
}

pub async fn set_execution(db: &Db, actor: Option<i64>, before: &Decision, execution: Execution) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE decisions SET execution = $1, updated_at = $2 WHERE id = $3")
            .bind(execution).bind(&at).bind(before.id).execute(&mut *tx).await?;
        audit!(tx, &Change { actor, action: "execution", entity: "decision", entity_id: before.id.to_string(),
            before: Some(json!({ "execution": before.execution })), after: Some(json!({ "execution": execution })),
            at: &at })?;
        tx.emit(&[CHANGED]).await?;
        tx.commit().await?;
    });
    change::committed(&[LIST]);
    Ok(())
}

/// The newest meetings (at most 1,000) of these bodies, newest first: the calendar feeds.
pub async fn meetings_of(db: &Db, bodies: &[i64]) -> sqlx::Result<Vec<Meeting>> {
    if bodies.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<MeetingRow> = with_read!(db, pool => {
        let mut q = sqlx::QueryBuilder::new(format!("{MEETING_SELECT} WHERE body_id IN ("));
        let mut list = q.separated(", ");
        for body in bodies {
            list.push_bind(*body);
        }
        q.push(") ORDER BY starts_at DESC, id DESC LIMIT 1000");
        q.build_query_as().fetch_all(pool).await?
    });
    Ok(rows.into_iter().map(Meeting::from).collect())
}

/// Every meeting, oldest first (open data).
pub async fn all_meetings(db: &Db) -> sqlx::Result<Vec<Meeting>> {
    let sql = format!("{MEETING_SELECT} ORDER BY starts_at, id");
    let rows: Vec<MeetingRow> = with_read!(db, pool => { sqlx::query_as(AssertSqlSafe(sql)).fetch_all(pool).await? });
    Ok(rows.into_iter().map(Meeting::from).collect())
}

// ---- minutes --------------------------------------------------------------------------------------------------

/// The secretariat's narrative of a meeting's minutes, as last saved.
pub async fn minutes_draft(db: &Db, meeting: i64) -> sqlx::Result<Multilingual> {
    let row: Option<(Option<String>, Option<String>, Option<String>)> = with_read!(db, pool => {
        sqlx::query_as("SELECT narrative_kk, narrative_ru, narrative_en FROM minutes_drafts WHERE meeting_id = $1")
            .bind(meeting)
            .fetch_optional(pool)
            .await?
    });
    Ok(row.map(|(kk, ru, en)| Multilingual { kk, ru, en }).unwrap_or_default())
}

pub async fn save_minutes_draft(
    db: &Db,
    actor: Option<i64>,
    meeting: i64,
    before: &Multilingual,
    narrative: &Multilingual,
) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO minutes_drafts (meeting_id, narrative_kk, narrative_ru, narrative_en, updated_by, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (meeting_id) DO UPDATE SET narrative_kk = $2, narrative_ru = $3, narrative_en = $4,
                 updated_by = $5, updated_at = $6",
        )
        .bind(meeting).bind(&narrative.kk).bind(&narrative.ru).bind(&narrative.en).bind(actor).bind(&at)
        .execute(&mut *tx).await?;
        audit!(tx, &Change { actor, action: "minutes-narrative", entity: "meeting", entity_id: meeting.to_string(),
            before: Some(json!(before)), after: Some(json!(narrative)), at: &at })?;
        tx.emit(&[CHANGED]).await?;
        tx.commit().await?;
    });
    change::committed(&[LIST]);
    Ok(())
}

/// An approved version of a meeting's minutes, as stored (its record and changes are JSON).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct MinutesRow {
    pub version: i64,
    pub record: String,
    pub narrative_kk: Option<String>,
    pub narrative_ru: Option<String>,
    pub narrative_en: Option<String>,
    pub changes: String,
    pub note: Option<String>,
    pub approved_by: i64,
    pub approved_by_name: String,
    pub approved_at: String,
}

/// Every approved version of a meeting's minutes, the first first.
pub async fn minutes_versions(db: &Db, meeting: i64) -> sqlx::Result<Vec<MinutesRow>> {
    Ok(with_read!(db, pool => {
        sqlx::query_as(
            "SELECT version, record, narrative_kk, narrative_ru, narrative_en, changes, note, approved_by,
                 approved_by_name, approved_at
             FROM minutes_versions WHERE meeting_id = $1 ORDER BY version",
        )
        .bind(meeting)
        .fetch_all(pool)
        .await?
    }))
}

/// A version to approve, prepared by the caller.
pub struct Approval<'a> {
    pub version: i64,
    pub record: &'a str,
    pub narrative: &'a Multilingual,
    pub changes: &'a str,
    pub note: Option<&'a str>,
    pub approver: i64,
    pub approver_name: &'a str,
}

/// Stores an approved version with its audit entry; `false` when that version was approved meanwhile.
pub async fn approve_minutes(db: &Db, meeting: i64, a: &Approval<'_>) -> sqlx::Result<bool> {
    let at = now();
    let stored = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO minutes_versions (meeting_id, version, record, narrative_kk, narrative_ru, narrative_en,
                 changes, note, approved_by, approved_by_name, approved_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (meeting_id, version) DO NOTHING",
        )
        .bind(meeting).bind(a.version).bind(a.record)
        .bind(&a.narrative.kk).bind(&a.narrative.ru).bind(&a.narrative.en)
        .bind(a.changes).bind(a.note).bind(a.approver).bind(a.approver_name).bind(&at)
        .execute(&mut *tx).await?
        .rows_affected();
        if inserted == 1 {
            let changes: serde_json::Value = serde_json::from_str(a.changes).unwrap_or_default();
            audit!(tx, &entry(Some(a.approver), "minutes-approve", "meeting", meeting,
                json!({ "version": a.version, "changes": changes, "note": a.note }), &at))?;
            tx.emit(&[CHANGED, Event::new(super::scope(meeting), super::notices::MINUTES_APPROVED)]).await?;
            tx.commit().await?;
            true
        } else {
            false
        }
    });
    if stored {
        change::committed(&[LIST]);
    }
    Ok(stored)
}

/// Records a correction of a closed vote with its audit entry; the vote itself is left as it was.
pub async fn correct_vote(
    db: &Db,
    actor: Option<i64>,
    motion: &Motion,
    reason: &str,
    count: &Count,
    outcome: Outcome,
) -> sqlx::Result<i64> {
    let at = now();
    let id = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO vote_corrections (motion_id, reason, votes_for, votes_against, abstentions, outcome,
                 amended_by, amended_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(motion.id).bind(reason).bind(count.votes_for).bind(count.against).bind(count.abstentions)
        .bind(outcome).bind(actor).bind(&at)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("UPDATE meetings SET updated_at = $1, sequence = sequence + 1 WHERE id = $2")
            .bind(&at).bind(motion.meeting_id).execute(&mut *tx).await?;
        audit!(tx, &Change { actor, action: "correct_vote", entity: "motion", entity_id: motion.id.to_string(),
            before: Some(json!({ "count": motion.count, "outcome": motion.outcome })),
            after: Some(json!({ "count": count, "outcome": outcome, "reason": reason })), at: &at })?;
        tx.emit(&[CHANGED]).await?;
        tx.commit().await?;
        id
    });
    change::committed(&[LIST]);
    Ok(id)
}

/// The corrections of a meeting's votes, oldest first.
pub async fn vote_corrections(db: &Db, meeting: i64) -> sqlx::Result<Vec<VoteCorrection>> {
    with_read!(db, pool => {
        sqlx::query_as(
            "SELECT a.id, a.motion_id, a.reason, a.votes_for, a.votes_against, a.abstentions, a.outcome, a.amended_at
             FROM vote_corrections a JOIN motions m ON m.id = a.motion_id WHERE m.meeting_id = $1 ORDER BY a.id",
        )
        .bind(meeting)
        .fetch_all(pool)
        .await
    })
}
