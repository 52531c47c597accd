//! The only code that touches the consultation tables. Votes are written by [`super::votes`] in batches; this
//! module reads them.

use serde_json::json;
use sqlx::AssertSqlSafe;

use super::input::ConsultationInput;
use super::model::{
    Answers, Consultation, Moderation, Multilingual, Participation, ResultsShown, Statement, Status, initial_priority,
    language_of,
};
use super::votes::Ballot;
use super::{LIST, analysis_scope, scope};
use crate::audit;
use crate::platform::audit::Change;
use crate::platform::change::{self, Event, Outbox};
use crate::platform::db::{Db, now};
use crate::{with_read, with_write};

#[derive(sqlx::FromRow)]
struct ConsultationRow {
    id: i64,
    body_id: i64,
    question_kk: Option<String>,
    question_ru: Option<String>,
    question_en: Option<String>,
    description_kk: Option<String>,
    description_ru: Option<String>,
    description_en: Option<String>,
    opens_on: String,
    closes_on: String,
    moderation: Moderation,
    participation: Participation,
    ask_region: bool,
    ask_ethnic_group: bool,
    ask_language: bool,
    results: ResultsShown,
    source: Option<String>,
    created_at: String,
    closed_at: Option<String>,
    closed_reason: Option<String>,
}

const CONSULTATION_COLUMNS: &str = "id, body_id, question_kk, question_ru, question_en, description_kk, \
    description_ru, description_en, opens_on, closes_on, moderation, participation, ask_region, ask_ethnic_group, \
    ask_language, results, source, created_at, closed_at, closed_reason";

impl From<ConsultationRow> for Consultation {
    fn from(r: ConsultationRow) -> Consultation {
        Consultation {
            id: r.id,
            body_id: r.body_id,
            question: Multilingual { kk: r.question_kk, ru: r.question_ru, en: r.question_en },
            description: Multilingual { kk: r.description_kk, ru: r.description_ru, en: r.description_en },
            opens_on: r.opens_on,
            closes_on: r.closes_on,
            moderation: r.moderation,
            participation: r.participation,
            ask_region: r.ask_region,
            ask_ethnic_group: r.ask_ethnic_group,
            ask_language: r.ask_language,
            results: r.results,
            source: r.source,
            created_at: r.created_at,
            closed_early: r
                .closed_at
                .map(|at| super::model::ClosedEarly { at, reason: r.closed_reason.unwrap_or_default() }),
        }
    }
}

#[derive(sqlx::FromRow)]
struct StatementRow {
    id: i64,
    consultation_id: i64,
    text: String,
    lang: String,
    seed: bool,
    is_meta: bool,
    status: Status,
    priority: f64,
    external_id: Option<String>,
    created_at: String,
    tr_kk: Option<String>,
    tr_ru: Option<String>,
    tr_en: Option<String>,
}

const STATEMENT_SELECT: &str = "SELECT s.id, s.consultation_id, s.text, s.lang, s.seed, s.is_meta, s.status, \
    s.priority, s.external_id, s.created_at,
    (SELECT text FROM statement_translations t WHERE t.statement_id = s.id AND t.lang = 'kk') AS tr_kk,
    (SELECT text FROM statement_translations t WHERE t.statement_id = s.id AND t.lang = 'ru') AS tr_ru,
    (SELECT text FROM statement_translations t WHERE t.statement_id = s.id AND t.lang = 'en') AS tr_en
    FROM consultation_statements s";

impl From<StatementRow> for Statement {
    fn from(r: StatementRow) -> Statement {
        Statement {
            id: r.id,
            consultation_id: r.consultation_id,
            text: r.text,
            lang: r.lang,
            seed: r.seed,
            is_meta: r.is_meta,
            status: r.status,
            priority: r.priority,
            external_id: r.external_id,
            created_at: r.created_at,
            translations: Multilingual { kk: r.tr_kk, ru: r.tr_ru, en: r.tr_en },
        }
    }
}

/// A statement to store: its text, detected language, and where it stands.
pub struct NewStatement<'a> {
    pub text: &'a str,
    pub lang: &'a str,
    pub author: Option<i64>,
    pub seed: bool,
    pub is_meta: bool,
    pub status: Status,
    pub priority: f64,
    pub external_id: Option<&'a str>,
    pub created_at: &'a str,
}

impl<'a> NewStatement<'a> {
    /// A seed statement of the secretariat: published, in the language it is written in.
    pub fn seed(text: &'a str, created_at: &'a str) -> NewStatement<'a> {
        NewStatement {
            text,
            lang: language_of(text),
            author: None,
            seed: true,
            is_meta: false,
            status: Status::Published,
            priority: initial_priority(false),
            external_id: None,
            created_at,
        }
    }
}

/// Inserts a [`NewStatement`] of `$consultation` through `$executor` and gives its id.
macro_rules! insert_statement {
    ($executor:expr, $consultation:expr, $statement:expr) => {{
        let s: &NewStatement = $statement;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO consultation_statements
                (consultation_id, text, lang, author_id, seed, is_meta, status, priority, external_id, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind($consultation)
        .bind(s.text)
        .bind(s.lang)
        .bind(s.author)
        .bind(s.seed)
        .bind(s.is_meta)
        .bind(s.status)
        .bind(s.priority)
        .bind(s.external_id)
        .bind(s.created_at)
        .fetch_one($executor)
        .await?;
        id
    }};
}

/// The events of a new consultation: the list of consultations changed, and the consultation itself.
fn opened(id: i64) -> [Event; 2] {
    [Event::new(LIST, "consultation.opened"), Event::new(scope(id), "consultation.opened")]
}

/// Inserts a consultation inside the open transaction `$tx` and gives its id (one statement for both backends).
macro_rules! insert_consultation {
    ($tx:expr, $input:expr, $actor:expr, $at:expr) => {{
        let (input, q, d) = ($input, &$input.question, &$input.description);
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO consultations (body_id, question_kk, question_ru, question_en, description_kk,
                description_ru, description_en, opens_on, closes_on, moderation, participation, ask_region,
                ask_ethnic_group, ask_language, results, source, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id",
        )
        .bind(input.body_id)
        .bind(&q.kk)
        .bind(&q.ru)
        .bind(&q.en)
        .bind(&d.kk)
        .bind(&d.ru)
        .bind(&d.en)
        .bind(&input.opens_on)
        .bind(&input.closes_on)
        .bind(input.moderation)
        .bind(input.participation)
        .bind(input.ask_region)
        .bind(input.ask_ethnic_group)
        .bind(input.ask_language)
        .bind(input.results)
        .bind(&input.source)
        .bind($actor)
        .bind($at)
        .fetch_one(&mut *$tx)
        .await?;
        id
    }};
}

/// Rows per multi-row insert of votes (5 parameters each; SQLite allows 32,766).
const VOTE_ROWS: usize = 1000;

/// Inserts votes into the log inside the open transaction `$tx`, many rows per statement.
macro_rules! insert_votes {
    ($tx:expr, $rows:expr) => {{
        for chunk in $rows.chunks(VOTE_ROWS) {
            let mut insert = sqlx::QueryBuilder::new(
                "INSERT INTO consultation_votes (consultation_id, participant_id, statement_id, value, voted_at) ",
            );
            insert.push_values(chunk, |mut row, b: &Ballot| {
                row.push_bind(b.consultation)
                    .push_bind(b.participant)
                    .push_bind(b.statement)
                    .push_bind(b.value)
                    .push_bind(b.at);
            });
            insert.build().execute(&mut *$tx).await?;
        }
    }};
}

/// Opens a consultation with its seed statements, in one transaction with its audit entry.
pub async fn create(
    db: &Db,
    actor: Option<i64>,
    input: &ConsultationInput,
    seeds: &[NewStatement<'_>],
) -> sqlx::Result<i64> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let id = insert_consultation!(tx, input, actor, &at);
        for s in seeds {
            insert_statement!(&mut *tx, id, s);
        }
        audit!(tx, &Change { actor, action: "create", entity: "consultation", entity_id: id.to_string(),
            before: None, after: Some(json!({ "input": input, "seeds": seeds.len() })), at: &at })?;
        tx.emit(&opened(id)).await?;
        tx.commit().await?;
        change::committed(&[LIST, scope(id)]);
        Ok(id)
    })
}

/// Stores a consultation's edited question, description, dates and settings (its body and statements stay), with
/// what they were in the audit entry.
pub async fn edit(db: &Db, actor: i64, before: &Consultation, input: &ConsultationInput) -> sqlx::Result<()> {
    let at = now();
    let (id, q, d) = (before.id, &input.question, &input.description);
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "UPDATE consultations SET question_kk = $1, question_ru = $2, question_en = $3, description_kk = $4,
                description_ru = $5, description_en = $6, opens_on = $7, closes_on = $8, moderation = $9,
                participation = $10, ask_region = $11, ask_ethnic_group = $12, ask_language = $13, results = $14
             WHERE id = $15",
        )
        .bind(&q.kk).bind(&q.ru).bind(&q.en).bind(&d.kk).bind(&d.ru).bind(&d.en)
        .bind(&input.opens_on).bind(&input.closes_on).bind(input.moderation).bind(input.participation)
        .bind(input.ask_region).bind(input.ask_ethnic_group).bind(input.ask_language).bind(input.results)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        audit!(tx, &Change { actor: Some(actor), action: "edit", entity: "consultation", entity_id: id.to_string(),
            before: Some(json!(before)), after: Some(json!(input)), at: &at })?;
        tx.emit(&[Event::new(LIST, "consultation.edited"), Event::new(scope(id), "consultation.edited")]).await?;
        tx.commit().await?;
        change::committed(&[LIST, scope(id)]);
        Ok(())
    })
}

/// Closes a consultation now, before its last day: votes and statements stop, the results become public. Its
/// last day becomes today when that was later. False when it was already closed early.
pub async fn close_early(db: &Db, actor: i64, id: i64, reason: &str, today: &str) -> sqlx::Result<bool> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let closed = sqlx::query(
            "UPDATE consultations SET closed_at = $1, closed_reason = $2,
                closes_on = CASE WHEN closes_on > $3 THEN $3 ELSE closes_on END
             WHERE id = $4 AND closed_at IS NULL",
        )
        .bind(&at).bind(reason).bind(today).bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected() == 1;
        if closed {
            audit!(tx, &Change { actor: Some(actor), action: "close", entity: "consultation",
                entity_id: id.to_string(), before: None, after: Some(json!({ "reason": reason })), at: &at })?;
            tx.emit(&[Event::new(LIST, "consultation.closed"), Event::new(scope(id), "consultation.closed")]).await?;
        }
        tx.commit().await?;
        change::committed(&[LIST, scope(id)]);
        Ok(closed)
    })
}

/// Who wrote a statement, as its moderators see it.
#[derive(Clone, Debug, PartialEq)]
pub enum Author {
    /// A registered participant, by his public display name.
    Account(String),
    /// A participant known by a device or an import, by his number in the consultation.
    Participant(i64),
}

/// The authors of these statements (seed statements have none).
pub async fn authors(db: &Db, statements: &[i64]) -> sqlx::Result<std::collections::HashMap<i64, Author>> {
    if statements.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    let rows: Vec<(i64, i64, Option<String>)> = with_read!(db, pool => {
        // The account of a `u:<id>` participant is looked up by its primary key.
        let mut q = sqlx::QueryBuilder::new(
            "SELECT s.id, p.id, u.display_name FROM consultation_statements s
             JOIN consultation_participants p ON p.id = s.author_id
             LEFT JOIN users u ON u.id = CASE WHEN p.identity LIKE 'u:%' THEN CAST(SUBSTR(p.identity, 3) AS BIGINT) END
             WHERE s.id IN (",
        );
        let mut list = q.separated(", ");
        for id in statements {
            list.push_bind(*id);
        }
        q.push(")");
        q.build_query_as().fetch_all(pool).await?
    });
    Ok(rows
        .into_iter()
        .map(|(statement, participant, name)| {
            (statement, name.map_or(Author::Participant(participant), Author::Account))
        })
        .collect())
}

/// A statement of an imported conversation.
pub struct ImportedStatement {
    pub external_id: String,
    pub text: String,
    pub lang: String,
    /// The author's id in the export.
    pub author: Option<String>,
    pub status: Status,
    pub is_meta: bool,
    pub created_at: String,
}

/// A vote of an imported conversation, by the export's ids.
pub struct ImportedVote {
    pub voter: String,
    pub statement: String,
    pub value: i64,
    /// Unix milliseconds.
    pub at: i64,
}

/// Stores an imported conversation (participants known as `x:` + their id in the export), all or nothing.
pub async fn import(
    db: &Db,
    input: &ConsultationInput,
    statements: &[ImportedStatement],
    votes: &[ImportedVote],
) -> anyhow::Result<i64> {
    use std::collections::HashMap;
    let at = now();
    let id = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let id = insert_consultation!(tx, input, None::<i64>, &at);
        audit!(tx, &Change { actor: None, action: "import", entity: "consultation", entity_id: id.to_string(),
            before: None, after: Some(json!({ "input": input, "statements": statements.len(), "votes": votes.len() })),
            at: &at })?;
        let mut participants: HashMap<&str, i64> = HashMap::new();
        let voters = votes.iter().map(|v| v.voter.as_str()).chain(statements.iter().filter_map(|s| s.author.as_deref()));
        for voter in voters {
            if participants.contains_key(voter) {
                continue;
            }
            let (pid,): (i64,) = sqlx::query_as(
                "INSERT INTO consultation_participants (consultation_id, identity, created_at) VALUES ($1, $2, $3)
                 RETURNING id",
            )
            .bind(id).bind(format!("x:{voter}")).bind(&at)
            .fetch_one(&mut *tx)
            .await?;
            participants.insert(voter, pid);
        }
        let mut ids: HashMap<&str, i64> = HashMap::new();
        for s in statements {
            let author = s.author.as_deref().and_then(|a| participants.get(a)).copied();
            let new = NewStatement {
                text: &s.text,
                lang: &s.lang,
                author,
                seed: false,
                is_meta: s.is_meta,
                status: s.status,
                priority: initial_priority(s.is_meta),
                external_id: Some(&s.external_id),
                created_at: &s.created_at,
            };
            let sid = insert_statement!(&mut *tx, id, &new);
            ids.insert(&s.external_id, sid);
        }
        let mut ballots = Vec::with_capacity(votes.len());
        for v in votes {
            let statement = *ids.get(v.statement.as_str())
                .ok_or_else(|| anyhow::anyhow!("votes.csv names comment {} that comments.csv lacks", v.statement))?;
            let participant = participants[v.voter.as_str()];
            ballots.push(Ballot { consultation: id, participant, statement, value: v.value, at: v.at });
        }
        // The log keeps time order, as the engine's warm start and the Pol.is export read it.
        ballots.sort_by_key(|b| b.at);
        insert_votes!(tx, ballots);
        tx.emit(&opened(id)).await?;
        tx.commit().await?;
        anyhow::Ok(id)
    })?;
    change::committed(&[LIST, scope(id)]);
    Ok(id)
}

pub async fn consultation(db: &Db, id: i64) -> sqlx::Result<Option<Consultation>> {
    let row: Option<ConsultationRow> = with_read!(db, pool => {
        sqlx::query_as(AssertSqlSafe(format!("SELECT {CONSULTATION_COLUMNS} FROM consultations WHERE id = $1")))
            .bind(id)
            .fetch_optional(pool)
            .await
    })?;
    Ok(row.map(Consultation::from))
}

/// Consultations, newest first; of one body when `body` is given.
pub async fn consultations(db: &Db, body: Option<i64>) -> sqlx::Result<Vec<Consultation>> {
    let rows: Vec<ConsultationRow> = with_read!(db, pool => {
        sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {CONSULTATION_COLUMNS} FROM consultations WHERE ($1 IS NULL OR body_id = $1) ORDER BY id DESC"
        )))
        .bind(body)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows.into_iter().map(Consultation::from).collect())
}

/// The statements of a consultation in the order they were added; only those in `status` when given.
/// The ids of a consultation's published statements (what a vote may name).
pub async fn published_ids(db: &Db, consultation: i64) -> sqlx::Result<Vec<i64>> {
    with_read!(db, pool => {
        sqlx::query_scalar("SELECT id FROM consultation_statements WHERE consultation_id = $1 AND status = $2")
            .bind(consultation)
            .bind(Status::Published)
            .fetch_all(pool)
            .await
    })
}

pub async fn statements(db: &Db, consultation: i64, status: Option<Status>) -> sqlx::Result<Vec<Statement>> {
    let rows: Vec<StatementRow> = with_read!(db, pool => {
        sqlx::query_as(AssertSqlSafe(format!(
            "{STATEMENT_SELECT} WHERE s.consultation_id = $1 AND ($2 IS NULL OR s.status = $2) ORDER BY s.id"
        )))
        .bind(consultation)
        .bind(status.map(Status::code))
        .fetch_all(pool)
        .await
    })?;
    Ok(rows.into_iter().map(Statement::from).collect())
}

/// The statements written by an account or a device (their participants' identities, `u:…`, `d:…`) in any
/// consultation, newest first, at most 500.
pub async fn statements_by(db: &Db, account: Option<&str>, device: Option<&str>) -> sqlx::Result<Vec<Statement>> {
    let rows: Vec<StatementRow> = with_read!(db, pool => {
        sqlx::query_as(AssertSqlSafe(format!(
            "{STATEMENT_SELECT} JOIN consultation_participants p ON p.id = s.author_id \
             WHERE p.identity = $1 OR p.identity = $2 ORDER BY s.id DESC LIMIT 500"
        )))
        .bind(account)
        .bind(device)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows.into_iter().map(Statement::from).collect())
}

pub async fn statement(db: &Db, id: i64) -> sqlx::Result<Option<Statement>> {
    let row: Option<StatementRow> = with_read!(db, pool => {
        sqlx::query_as(AssertSqlSafe(format!("{STATEMENT_SELECT} WHERE s.id = $1"))).bind(id).fetch_optional(pool).await
    })?;
    Ok(row.map(Statement::from))
}

/// Statements waiting for a moderator in the consultations of `body`.
pub async fn pending(db: &Db, body: i64) -> sqlx::Result<Vec<Statement>> {
    let rows: Vec<StatementRow> = with_read!(db, pool => {
        sqlx::query_as(AssertSqlSafe(format!(
            "{STATEMENT_SELECT} JOIN consultations c ON c.id = s.consultation_id
             WHERE c.body_id = $1 AND s.status = 'pending' ORDER BY s.id"
        )))
        .bind(body)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows.into_iter().map(Statement::from).collect())
}

/// Adds a participant's statement.
pub async fn add_statement(db: &Db, consultation: i64, s: &NewStatement<'_>) -> sqlx::Result<i64> {
    let id = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let id = insert_statement!(&mut *tx, consultation, s);
        tx.emit(&[Event::new(scope(consultation), "statement.added").about(id)]).await?;
        tx.commit().await?;
        id
    });
    change::committed(&[scope(consultation)]);
    Ok(id)
}

/// Statements a participant added since `since`: for the per-participant limit.
pub async fn statements_by_author_since(db: &Db, author: i64, since: &str) -> sqlx::Result<i64> {
    with_read!(db, pool => {
        sqlx::query_as::<_, (i64,)>(
            "SELECT COUNT(*) FROM consultation_statements WHERE author_id = $1 AND created_at >= $2",
        )
        .bind(author)
        .bind(since)
        .fetch_one(pool)
        .await
    })
    .map(|r| r.0)
}

/// The author (participant) of each statement participants added.
pub async fn statement_authors(db: &Db, consultation: i64) -> sqlx::Result<std::collections::HashMap<i64, i64>> {
    let rows: Vec<(i64, i64)> = with_read!(db, pool => {
        sqlx::query_as(
            "SELECT id, author_id FROM consultation_statements WHERE consultation_id = $1 AND author_id IS NOT NULL",
        )
        .bind(consultation)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows.into_iter().collect())
}

/// A moderator's decision on a statement, logged with its reason.
pub async fn moderate(
    db: &Db,
    actor: Option<i64>,
    before: &Statement,
    status: Status,
    reason: &str,
) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE consultation_statements SET status = $1 WHERE id = $2")
            .bind(status)
            .bind(before.id)
            .execute(&mut *tx)
            .await?;
        audit!(tx, &Change { actor, action: "moderate", entity: "statement",
            entity_id: before.id.to_string(), before: Some(json!({ "status": before.status })),
            after: Some(json!({ "status": status, "reason": reason })), at: &at })?;
        tx.emit(&[Event::new(scope(before.consultation_id), "statement.moderated").about(before.id)]).await?;
        tx.commit().await
    })?;
    change::committed(&[scope(before.consultation_id)]);
    Ok(())
}

/// Replaces a statement's text with its author's edit, asked for by a moderator (its status is left to him).
pub async fn edit_statement(db: &Db, actor: i64, before: &Statement, text: &str, lang: &str) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE consultation_statements SET text = $1, lang = $2 WHERE id = $3")
            .bind(text).bind(lang).bind(before.id).execute(&mut *tx).await?;
        audit!(tx, &Change { actor: Some(actor), action: "edit", entity: "statement",
            entity_id: before.id.to_string(), before: Some(json!({ "text": before.text })),
            after: Some(json!({ "text": text })), at: &at })?;
        tx.emit(&[Event::new(scope(before.consultation_id), "statement.edited").about(before.id)]).await?;
        tx.commit().await
    })?;
    change::committed(&[scope(before.consultation_id)]);
    Ok(())
}

/// Adds or replaces a moderator's translation of a statement.
pub async fn translate(db: &Db, actor: Option<i64>, statement: &Statement, lang: &str, text: &str) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO statement_translations (statement_id, lang, text) VALUES ($1, $2, $3)
             ON CONFLICT (statement_id, lang) DO UPDATE SET text = excluded.text",
        )
        .bind(statement.id)
        .bind(lang)
        .bind(text)
        .execute(&mut *tx)
        .await?;
        audit!(tx, &Change { actor, action: "translate", entity: "statement",
            entity_id: statement.id.to_string(), before: None, after: Some(json!({ "lang": lang, "text": text })),
            at: &at })?;
        tx.emit(&[Event::new(scope(statement.consultation_id), "statement.translated")]).await?;
        tx.commit().await
    })?;
    change::committed(&[scope(statement.consultation_id)]);
    Ok(())
}

// ---- participants ----------------------------------------------------------------------------------------------

pub async fn participant(db: &Db, consultation: i64, identity: &str) -> sqlx::Result<Option<i64>> {
    with_read!(db, pool => {
        sqlx::query_as::<_, (i64,)>(
            "SELECT id FROM consultation_participants WHERE consultation_id = $1 AND identity = $2",
        )
        .bind(consultation)
        .bind(identity)
        .fetch_optional(pool)
        .await
    })
    .map(|r| r.map(|r| r.0))
}

pub async fn answers(db: &Db, participant: i64) -> sqlx::Result<Answers> {
    let row: Option<(Option<String>, Option<String>, Option<String>)> = with_read!(db, pool => {
        sqlx::query_as("SELECT region_code, ethnic_group, language FROM consultation_participants WHERE id = $1")
            .bind(participant)
            .fetch_optional(pool)
            .await
    })?;
    Ok(row
        .map(|(region_code, ethnic_group, language)| Answers { region_code, ethnic_group, language })
        .unwrap_or_default())
}

pub async fn set_answers(db: &Db, participant: i64, a: &Answers) -> sqlx::Result<()> {
    with_write!(db, pool => {
        sqlx::query(
            "UPDATE consultation_participants SET region_code = $1, ethnic_group = $2, language = $3 WHERE id = $4",
        )
        .bind(&a.region_code)
        .bind(&a.ethnic_group)
        .bind(&a.language)
        .bind(participant)
        .execute(pool)
        .await
        .map(|_| ())
    })
}

/// A participant's current votes (the last on each statement), by statement.
pub async fn votes_of(db: &Db, participant: i64) -> sqlx::Result<Vec<(i64, i64)>> {
    with_read!(db, pool => {
        sqlx::query_as(
            "SELECT v.statement_id, v.value FROM consultation_votes v
             WHERE v.participant_id = $1
               AND v.id = (SELECT MAX(w.id) FROM consultation_votes w
                           WHERE w.participant_id = v.participant_id AND w.statement_id = v.statement_id)
             ORDER BY v.id",
        )
        .bind(participant)
        .fetch_all(pool)
        .await
    })
}

/// One group commit: participants joining (created or found; their ids are returned in order), then votes.
pub async fn write_batch(db: &Db, joins: &[(i64, &str)], ballots: &[Ballot]) -> Result<Vec<i64>, sqlx::Error> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let mut ids = Vec::with_capacity(joins.len());
        for (consultation, identity) in joins {
            // The no-op update makes RETURNING give the id of a row that already exists.
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO consultation_participants (consultation_id, identity, created_at) VALUES ($1, $2, $3)
                 ON CONFLICT (consultation_id, identity) DO UPDATE SET identity = excluded.identity RETURNING id",
            )
            .bind(consultation)
            .bind(identity)
            .bind(&at)
            .fetch_one(&mut *tx)
            .await?;
            ids.push(id);
        }
        insert_votes!(tx, ballots);
        tx.commit().await?;
        Ok(ids)
    })
}

// ---- the analysis' inputs and output -----------------------------------------------------------------------------

/// A vote of the log: id, participant, statement, value, time (Unix ms).
pub type LoggedVote = (i64, i64, i64, i64, i64);

/// The last vote id of a consultation's log (0 when nobody voted).
pub async fn last_vote_id(db: &Db, consultation: i64) -> sqlx::Result<i64> {
    with_read!(db, pool => {
        sqlx::query_as::<_, (Option<i64>,)>("SELECT MAX(id) FROM consultation_votes WHERE consultation_id = $1")
            .bind(consultation)
            .fetch_one(pool)
            .await
    })
    .map(|r| r.0.unwrap_or(0))
}

/// The votes (participant, statement, value) up to vote `upto` of the participants with ids in `from..=to`, by
/// participant then in the order cast, so that the last one of a pair is the current one.
pub async fn votes_of_participants(
    db: &Db,
    consultation: i64,
    from: i64,
    to: i64,
    upto: i64,
) -> sqlx::Result<Vec<(i64, i64, i64)>> {
    with_read!(db, pool => {
        sqlx::query_as(
            "SELECT participant_id, statement_id, value FROM consultation_votes
             WHERE participant_id >= $1 AND participant_id <= $2 AND consultation_id = $3 AND id <= $4
             ORDER BY participant_id, id",
        )
        .bind(from)
        .bind(to)
        .bind(consultation)
        .bind(upto)
        .fetch_all(pool)
        .await
    })
}

/// Votes of the log after `after` (by id), at most `limit`.
pub async fn votes_after(db: &Db, consultation: i64, after: i64, limit: i64) -> sqlx::Result<Vec<LoggedVote>> {
    with_read!(db, pool => {
        sqlx::query_as(
            "SELECT id, participant_id, statement_id, value, voted_at FROM consultation_votes
             WHERE consultation_id = $1 AND id > $2 ORDER BY id LIMIT $3",
        )
        .bind(consultation)
        .bind(after)
        .bind(limit)
        .fetch_all(pool)
        .await
    })
}

/// A participant as the analysis sees him: id and optional answers (never shown per person).
pub type ParticipantRow = (i64, Option<String>, Option<String>, Option<String>);

pub async fn participants(db: &Db, consultation: i64) -> sqlx::Result<Vec<ParticipantRow>> {
    with_read!(db, pool => {
        sqlx::query_as(
            "SELECT id, region_code, ethnic_group, language FROM consultation_participants
             WHERE consultation_id = $1 ORDER BY id",
        )
        .bind(consultation)
        .fetch_all(pool)
        .await
    })
}

/// The stored analysis of a consultation.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StoredAnalysis {
    pub computed_at: String,
    pub votes: i64,
    pub last_vote_id: i64,
    pub participants: i64,
    pub report_json: String,
    pub opinion_map_svg: String,
    pub groups_json: String,
}

pub async fn analysis(db: &Db, consultation: i64) -> sqlx::Result<Option<StoredAnalysis>> {
    with_read!(db, pool => {
        sqlx::query_as(
            "SELECT computed_at, votes, last_vote_id, participants, report_json, opinion_map_svg, groups_json
             FROM consultation_analyses WHERE consultation_id = $1",
        )
        .bind(consultation)
        .fetch_optional(pool)
        .await
    })
}

/// Stores an analysis and the routing priorities it gave, in one transaction.
pub async fn save_analysis(
    db: &Db,
    consultation: i64,
    a: &StoredAnalysis,
    priorities: &[(i64, f64)],
) -> sqlx::Result<()> {
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO consultation_analyses (consultation_id, computed_at, votes, last_vote_id, participants,
                report_json, opinion_map_svg, groups_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (consultation_id) DO UPDATE SET computed_at = excluded.computed_at, votes = excluded.votes,
                last_vote_id = excluded.last_vote_id, participants = excluded.participants,
                report_json = excluded.report_json, opinion_map_svg = excluded.opinion_map_svg,
                groups_json = excluded.groups_json
             WHERE excluded.last_vote_id >= consultation_analyses.last_vote_id",
        )
        .bind(consultation).bind(&a.computed_at).bind(a.votes).bind(a.last_vote_id).bind(a.participants)
        .bind(&a.report_json).bind(&a.opinion_map_svg).bind(&a.groups_json)
        .execute(&mut *tx)
        .await?;
        for (id, priority) in priorities {
            sqlx::query("UPDATE consultation_statements SET priority = $1 WHERE id = $2")
                .bind(priority)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        // An analysis round touches this consultation's results only: registry pages stay cached while people
        // vote, and what the vote path knows of the consultation (its published statements) stays valid.
        tx.emit(&[Event::new(analysis_scope(consultation), "consultation.analysed")]).await?;
        tx.commit().await
    })?;
    change::committed(&[analysis_scope(consultation)]);
    Ok(())
}

/// Consultations with votes or moderations newer than their stored analysis: refreshed when the server starts.
pub async fn stale(db: &Db) -> sqlx::Result<Vec<i64>> {
    with_read!(db, pool => {
        sqlx::query_as::<_, (i64,)>(
            "SELECT c.id FROM consultations c LEFT JOIN consultation_analyses a ON a.consultation_id = c.id
             WHERE EXISTS (SELECT 1 FROM consultation_votes v WHERE v.consultation_id = c.id
                           AND v.id > COALESCE(a.last_vote_id, 0))
                OR EXISTS (SELECT 1 FROM audit_log l JOIN consultation_statements s
                             ON l.entity = 'statement' AND l.action = 'moderate' AND l.entity_id = CAST(s.id AS TEXT)
                           WHERE s.consultation_id = c.id AND l.at > a.computed_at)",
        )
        .fetch_all(pool)
        .await
    })
    .map(|rows| rows.into_iter().map(|r| r.0).collect())
}

/// The login that wrote a statement, when its author took part logged in (identity `u:<user id>`).
pub async fn author_login(db: &Db, statement: i64) -> sqlx::Result<Option<i64>> {
    let identity: Option<String> = with_read!(db, pool => {
        sqlx::query_scalar(
            "SELECT p.identity FROM consultation_statements s
             JOIN consultation_participants p ON p.id = s.author_id WHERE s.id = $1",
        )
        .bind(statement)
        .fetch_optional(pool)
        .await
    })?;
    Ok(identity.and_then(|i| i.strip_prefix("u:").and_then(|id| id.parse().ok())))
}

/// The account behind a statement's author, when the participant took part with one (`u:` identity).
pub async fn statement_author_account(db: &Db, statement: i64) -> sqlx::Result<Option<i64>> {
    let identity: Option<String> = with_read!(db, pool => {
        sqlx::query_scalar(
            "SELECT p.identity FROM consultation_statements s JOIN consultation_participants p ON p.id = s.author_id
             WHERE s.id = $1",
        )
        .bind(statement)
        .fetch_optional(pool)
        .await?
    });
    Ok(identity.and_then(|i| i.strip_prefix("u:").and_then(|id| id.parse().ok())))
}

/// How many take part in a consultation.
pub async fn participant_count(db: &Db, consultation: i64) -> sqlx::Result<i64> {
    with_read!(db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM consultation_participants WHERE consultation_id = $1")
            .bind(consultation)
            .fetch_one(pool)
            .await
    })
}
