//! Meetings in the open data: Popolo `events` (meetings, with their agenda items as sub-events), `motions` and
//! `vote_events` (with `counts` and each member's `votes`), and the same as tables (`meetings`, `agenda-items`,
//! `motions`, `votes`, `decisions`) in CSV and JSON. Everything here is public: members of the Assembly's bodies
//! act in public.

use serde::Serialize;
use serde_json::{Map, Value, json};

use super::model::Meeting;
use super::store;
use crate::platform::db::Db;
use crate::platform::i18n::Lang;
use crate::platform::open_data::{OpenData, Table};
use crate::with_read;

/// Registers the meetings' part of the open data.
pub fn open_data(open: OpenData) -> OpenData {
    open.popolo(|db| async move { popolo(&db).await })
        .table("meetings", |db| async move { meetings_table(&db).await })
        .table("agenda-items", |db| async move { rows_table::<store::ItemRow>(&db, AGENDA_SQL).await })
        .table("motions", |db| async move { rows_table::<MotionRow>(&db, MOTIONS_SQL).await })
        .table("votes", |db| async move { rows_table::<VoteRow>(&db, VOTES_SQL).await })
        .table("decisions", |db| async move { rows_table::<DecisionRow>(&db, DECISIONS_SQL).await })
}

const AGENDA_SQL: &str = "SELECT id, meeting_id, position, title_kk, title_ru, title_en, presenter, consultation_id, \
    added_after_publication_at FROM agenda_items ORDER BY meeting_id, position";

#[derive(Serialize, sqlx::FromRow)]
struct MotionRow {
    id: i64,
    meeting_id: i64,
    agenda_item_id: Option<i64>,
    text_kk: Option<String>,
    text_ru: Option<String>,
    text_en: Option<String>,
    method: String,
    status: String,
    quorum: String,
    majority_of: String,
    majority: String,
    members: Option<i64>,
    present: Option<i64>,
    votes_for: Option<i64>,
    votes_against: Option<i64>,
    abstentions: Option<i64>,
    outcome: Option<String>,
    opened_at: String,
    closed_at: Option<String>,
}
const MOTIONS_SQL: &str = "SELECT id, meeting_id, agenda_item_id, text_kk, text_ru, text_en, method, status, quorum, \
    majority_of, majority, members, present, votes_for, votes_against, abstentions, outcome, opened_at, closed_at \
    FROM motions ORDER BY id";

#[derive(Serialize, sqlx::FromRow)]
struct VoteRow {
    motion_id: i64,
    person_id: i64,
    choice: String,
    at: String,
}
const VOTES_SQL: &str = "SELECT motion_id, person_id, choice, at FROM motion_votes ORDER BY motion_id, person_id";

#[derive(Serialize, sqlx::FromRow)]
struct DecisionRow {
    id: i64,
    body_id: i64,
    meeting_id: i64,
    motion_id: i64,
    number: i64,
    text_kk: Option<String>,
    text_ru: Option<String>,
    text_en: Option<String>,
    execution: String,
}
const DECISIONS_SQL: &str = "SELECT id, body_id, meeting_id, motion_id, number, text_kk, text_ru, text_en, execution \
    FROM decisions ORDER BY id";

async fn rows<T>(db: &Db, sql: &'static str) -> anyhow::Result<Vec<T>>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow> + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>,
    T: Send + Unpin,
{
    Ok(with_read!(db, pool => { sqlx::query_as(sql).fetch_all(pool).await? }))
}

/// A table of the rows `sql` selects: its columns are the names in its `SELECT` list, in their order.
async fn rows_table<T>(db: &Db, sql: &'static str) -> anyhow::Result<Table>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow> + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>,
    T: Serialize + Send + Unpin,
{
    let columns = selected(sql);
    let mut out = Vec::new();
    for row in rows::<T>(db, sql).await? {
        let Value::Object(mut map) = serde_json::to_value(&row)? else { anyhow::bail!("a row is not an object") };
        out.push(columns.iter().map(|c| map.remove(*c).unwrap_or(Value::Null)).collect());
    }
    Ok(Table { columns, rows: out })
}

/// The column names of a `SELECT a, b, c FROM …` written in this module.
fn selected(sql: &'static str) -> Vec<&'static str> {
    let list = sql.strip_prefix("SELECT ").and_then(|rest| rest.split(" FROM ").next()).unwrap_or_default();
    list.split(',').map(str::trim).filter(|c| !c.is_empty()).collect()
}

#[derive(Serialize, sqlx::FromRow)]
struct MeetingRow {
    id: i64,
    body_id: i64,
    kind: String,
    number: Option<i64>,
    title_kk: Option<String>,
    title_ru: Option<String>,
    title_en: Option<String>,
    starts_at: String,
    ends_at: String,
    place: Option<String>,
    online_url: Option<String>,
    status: String,
    status_reason: Option<String>,
    agenda_published_at: Option<String>,
    demo: bool,
}
const MEETINGS_SQL: &str = "SELECT id, body_id, kind, number, title_kk, title_ru, title_en, starts_at, ends_at, place, \
    online_url, status, status_reason, agenda_published_at, demo FROM meetings ORDER BY starts_at, id";

async fn meetings_table(db: &Db) -> anyhow::Result<Table> {
    rows_table::<MeetingRow>(db, MEETINGS_SQL).await
}

/// A name in Popolo's form: the Kazakh one, and the others as `other_names`.
fn names(kk: Option<&str>, ru: Option<&str>, en: Option<&str>) -> (Value, Value) {
    let main = kk.or(ru).or(en).unwrap_or_default();
    let others: Vec<Value> = [(kk, "kk"), (ru, "ru"), (en, "en")]
        .into_iter()
        .filter_map(|(name, lang)| name.map(|n| json!({ "name": n, "note": lang })))
        .collect();
    (json!(main), json!(others))
}

/// Popolo's word for an outcome.
fn result(outcome: Option<&str>) -> Value {
    match outcome {
        Some("adopted") => json!("pass"),
        Some("rejected" | "no_quorum") => json!("fail"),
        _ => Value::Null,
    }
}

fn option(choice: &str) -> &'static str {
    match choice {
        "for" => "yes",
        "against" => "no",
        _ => "abstain",
    }
}

async fn popolo(db: &Db) -> anyhow::Result<Map<String, Value>> {
    let meetings: Vec<Meeting> = store::all_meetings(db).await?;
    let mut events: Vec<Value> = meetings
        .iter()
        .map(|m| {
            let heading = |lang| super::pages::heading(m, lang);
            let (name, other_names) =
                names(Some(&heading(Lang::Kk)), Some(&heading(Lang::Ru)), Some(&heading(Lang::En)));
            json!({
                "id": format!("meeting/{}", m.id),
                "name": name,
                "other_names": other_names,
                "classification": m.kind,
                "start_date": m.starts_at,
                "end_date": m.ends_at,
                "location": m.place,
                "status": m.status,
                "organization_id": format!("body/{}", m.body_id),
            })
        })
        .collect();
    for item in rows::<store::ItemRow>(db, AGENDA_SQL).await? {
        let (name, other_names) = names(item.title_kk.as_deref(), item.title_ru.as_deref(), item.title_en.as_deref());
        events.push(json!({
            "id": format!("agenda_item/{}", item.id),
            "name": name,
            "other_names": other_names,
            "classification": "agenda_item",
            "parent_id": format!("meeting/{}", item.meeting_id),
            "position": item.position,
        }));
    }
    let bodies: std::collections::HashMap<i64, i64> = meetings.iter().map(|m| (m.id, m.body_id)).collect();
    let body_of = |meeting: i64| bodies.get(&meeting).map(|b| format!("body/{b}"));
    let motion_rows = rows::<MotionRow>(db, MOTIONS_SQL).await?;
    let mut votes: std::collections::HashMap<i64, Vec<VoteRow>> = std::collections::HashMap::new();
    for vote in rows::<VoteRow>(db, VOTES_SQL).await? {
        votes.entry(vote.motion_id).or_default().push(vote);
    }
    let mut motions = Vec::with_capacity(motion_rows.len());
    let mut vote_events = Vec::new();
    for m in &motion_rows {
        let (text, other_texts) = names(m.text_kk.as_deref(), m.text_ru.as_deref(), m.text_en.as_deref());
        motions.push(json!({
            "id": format!("motion/{}", m.id),
            "organization_id": body_of(m.meeting_id),
            "legislative_session_id": format!("meeting/{}", m.meeting_id),
            "text": text,
            "other_texts": other_texts,
            "classification": m.method,
            "date": m.opened_at,
            "requirement": format!("{} of {}", m.majority, m.majority_of),
            "result": result(m.outcome.as_deref()),
        }));
        if m.status != "closed" {
            continue;
        }
        let counts = [("yes", m.votes_for), ("no", m.votes_against), ("abstain", m.abstentions)]
            .into_iter()
            .map(|(option, value)| json!({ "option": option, "value": value.unwrap_or(0) }))
            .collect::<Vec<_>>();
        let roll: Vec<Value> = votes
            .get(&m.id)
            .into_iter()
            .flatten()
            .map(|v| json!({ "voter_id": format!("person/{}", v.person_id), "option": option(&v.choice) }))
            .collect();
        vote_events.push(json!({
            "id": format!("vote_event/{}", m.id),
            "motion_id": format!("motion/{}", m.id),
            "organization_id": body_of(m.meeting_id),
            "legislative_session_id": format!("meeting/{}", m.meeting_id),
            "start_date": m.opened_at,
            "end_date": m.closed_at,
            "result": result(m.outcome.as_deref()),
            "counts": counts,
            "votes": roll,
        }));
    }
    let mut part = Map::new();
    part.insert("events".into(), Value::Array(events));
    part.insert("motions".into(), Value::Array(motions));
    part.insert("vote_events".into(), Value::Array(vote_events));
    Ok(part)
}
