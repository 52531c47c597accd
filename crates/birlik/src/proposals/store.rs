//! The only code that touches the proposal tables. Every step commits its rows, its audit entry and its event
//! together; a support commits its row and the proposal's count (and, when it reaches the threshold, the queue
//! entry and its event). Supports are not audited one by one: their table is their record.

use serde_json::json;
use sqlx::AssertSqlSafe;

use super::input::ProposalInput;
use super::model::{Multilingual, OnBehalf, Proposal, ProposalStatus, Rules};
use super::{LIST, scope};
use crate::audit;
use crate::platform::audit::Change;
use crate::platform::change::{self, Event, Outbox};
use crate::platform::db::{Db, now};
use crate::{with_read, with_write};

/// Any change to proposals (search and cached pages follow it).
pub const CHANGED: &str = "proposal.changed";
/// A proposal reached its body's threshold (its secretariat is told).
pub const QUEUED: &str = "proposal.queued";
/// A body took a step on a proposal (its author, supporters and followers are told).
pub const DECIDED: &str = "proposal.decided";

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    body_id: i64,
    author_id: i64,
    on_behalf: OnBehalf,
    association_id: Option<i64>,
    author_body_id: Option<i64>,
    title_kk: Option<String>,
    title_ru: Option<String>,
    title_en: Option<String>,
    text_kk: Option<String>,
    text_ru: Option<String>,
    text_en: Option<String>,
    category: String,
    region_code: Option<String>,
    district_id: Option<i64>,
    status: ProposalStatus,
    opens_on: String,
    closes_on: String,
    supporters: i64,
    queued_at: Option<String>,
    decided_at: Option<String>,
    reason: Option<String>,
    meeting_id: Option<i64>,
    forwarded_from: Option<i64>,
    merged_into: Option<i64>,
    demo: bool,
    hidden_at: Option<String>,
    created_at: String,
    updated_at: String,
}

const SELECT: &str = "SELECT id, body_id, author_id, on_behalf, association_id, author_body_id, title_kk, title_ru, \
    title_en, text_kk, text_ru, text_en, category, region_code, district_id, status, opens_on, closes_on, supporters, \
    queued_at, decided_at, reason, meeting_id, forwarded_from, merged_into, demo, hidden_at, created_at, updated_at FROM proposals";

impl From<Row> for Proposal {
    fn from(r: Row) -> Proposal {
        Proposal {
            id: r.id,
            body_id: r.body_id,
            author_id: r.author_id,
            on_behalf: r.on_behalf,
            association_id: r.association_id,
            author_body_id: r.author_body_id,
            title: Multilingual { kk: r.title_kk, ru: r.title_ru, en: r.title_en },
            text: Multilingual { kk: r.text_kk, ru: r.text_ru, en: r.text_en },
            category: r.category,
            region_code: r.region_code,
            district_id: r.district_id,
            status: r.status,
            opens_on: r.opens_on,
            closes_on: r.closes_on,
            supporters: r.supporters,
            queued_at: r.queued_at,
            decided_at: r.decided_at,
            reason: r.reason,
            meeting_id: r.meeting_id,
            forwarded_from: r.forwarded_from,
            merged_into: r.merged_into,
            demo: r.demo,
            hidden_at: r.hidden_at,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

/// Which proposals a list shows, newest first.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct Filter {
    /// Only those before this body.
    pub body: Option<i64>,
    /// Only those in this status (`open`, `queued`, `accepted`, `forwarded`, `merged`, `rejected`).
    pub status: Option<String>,
    /// Only those concerning this region (ISO 3166-2:KZ).
    pub region: Option<String>,
    /// Only those of this category.
    pub category: Option<String>,
    /// Page number, from 1.
    pub page: Option<i64>,
}

/// A page of proposals and how many match in all.
pub const PER_PAGE: i64 = 50;

pub async fn proposals(db: &Db, f: &Filter) -> sqlx::Result<(Vec<Proposal>, i64)> {
    let status = f.status.as_deref().and_then(ProposalStatus::from_code);
    let blank = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    let (region, category) = (blank(&f.region), blank(&f.category));
    let offset = (f.page.unwrap_or(1).clamp(1, 100_000) - 1) * PER_PAGE;
    // Only the filters given are in the SQL, so that SQLite can use the index of each (`$1 IS NULL OR …` would
    // make it scan the table to count).
    macro_rules! filtered {
        ($q:expr) => {{
            let q = &mut $q;
            // What moderation hid leaves the lists (it is kept, and its author still sees it).
            q.push(" WHERE hidden_at IS NULL");
            if let Some(body) = f.body {
                q.push(" AND body_id = ").push_bind(body);
            }
            if let Some(status) = status {
                q.push(" AND status = ").push_bind(status);
            }
            if let Some(region) = &region {
                q.push(" AND region_code = ").push_bind(region.clone());
            }
            if let Some(category) = &category {
                q.push(" AND category = ").push_bind(category.clone());
            }
        }};
    }
    let (rows, total): (Vec<Row>, i64) = with_read!(db, pool => {
        let mut list = sqlx::QueryBuilder::new(SELECT);
        filtered!(list);
        list.push(format!(" ORDER BY id DESC LIMIT {PER_PAGE} OFFSET {offset}"));
        let rows = list.build_query_as().fetch_all(pool).await?;
        let mut count = sqlx::QueryBuilder::new("SELECT COUNT(*) FROM proposals");
        filtered!(count);
        let total = count.build_query_scalar().fetch_one(pool).await?;
        (rows, total)
    });
    Ok((rows.into_iter().map(Proposal::from).collect(), total))
}

pub async fn proposal(db: &Db, id: i64) -> sqlx::Result<Option<Proposal>> {
    let sql = format!("{SELECT} WHERE id = $1");
    let row: Option<Row> =
        with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).bind(id).fetch_optional(pool).await?);
    Ok(row.map(Proposal::from))
}

/// What a support needs of a proposal, in one read: the proposal, the proposals merged into it (for the answer),
/// and its body's threshold (its secretariat's, else the one of its kind).
pub struct SupportTarget {
    pub proposal: Proposal,
    pub merged_from: Vec<i64>,
    pub threshold: i64,
}

#[derive(sqlx::FromRow)]
struct TargetRow {
    #[sqlx(flatten)]
    row: Row,
    threshold: Option<i64>,
    kind: crate::registry::model::BodyKind,
    /// The ids merged into it, comma-separated.
    merged: Option<String>,
}

/// Each query is a hand-off to a connection's thread, and this path takes thousands of supports a second: one.
pub async fn support_target(db: &Db, id: i64) -> sqlx::Result<Option<SupportTarget>> {
    let list = match db {
        Db::Sqlite { .. } => "group_concat(m.id, ',')",
        Db::Postgres(_) => "string_agg(CAST(m.id AS TEXT), ',')",
    };
    let sql = format!(
        "SELECT p.*, r.threshold, b.kind, (SELECT {list} FROM proposals m WHERE m.merged_into = p.id) AS merged
         FROM ({SELECT} WHERE id = $1) p JOIN bodies b ON b.id = p.body_id
         LEFT JOIN proposal_rules r ON r.body_id = p.body_id"
    );
    let row: Option<TargetRow> =
        with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).bind(id).fetch_optional(pool).await?);
    Ok(row.map(|t| {
        let mut merged_from: Vec<i64> =
            t.merged.iter().flat_map(|m| m.split(',')).filter_map(|id| id.parse().ok()).collect();
        merged_from.sort_unstable();
        let threshold = t.threshold.unwrap_or(Rules::default_for(t.kind).threshold);
        SupportTarget { proposal: Proposal::from(t.row), merged_from, threshold }
    }))
}

/// These proposals, by id order.
pub async fn by_ids(db: &Db, ids: &[i64]) -> sqlx::Result<Vec<Proposal>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let sql = format!("{SELECT} WHERE id IN ({list}) ORDER BY id");
    let rows: Vec<Row> = with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).fetch_all(pool).await?);
    Ok(rows.into_iter().map(Proposal::from).collect())
}

/// Every proposal that flowed into `id` (merged into it or forwarded to it, and so on down), with `id` itself:
/// one recursive query on both backends.
pub async fn lineage_ids(db: &Db, id: i64) -> sqlx::Result<Vec<i64>> {
    with_read!(db, pool => {
        sqlx::query_scalar(
            "WITH RECURSIVE tree(id) AS (
                 SELECT CAST($1 AS BIGINT)
                 UNION
                 SELECT p.id FROM tree t JOIN proposals q ON q.id = t.id
                     JOIN proposals p ON p.merged_into = q.id OR p.id = q.forwarded_from
             ) SELECT id FROM tree ORDER BY id",
        )
        .bind(id)
        .fetch_all(pool)
        .await
    })
}

/// The proposals merged into each of `ids`, by id.
pub async fn merged_from(db: &Db, ids: &[i64]) -> sqlx::Result<std::collections::HashMap<i64, Vec<i64>>> {
    let mut out: std::collections::HashMap<i64, Vec<i64>> = ids.iter().map(|id| (*id, Vec::new())).collect();
    if ids.is_empty() {
        return Ok(out);
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let sql = format!("SELECT merged_into, id FROM proposals WHERE merged_into IN ({list}) ORDER BY id");
    let rows: Vec<(i64, i64)> = with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).fetch_all(pool).await?);
    for (into, id) in rows {
        out.entry(into).or_default().push(id);
    }
    Ok(out)
}

/// The live proposal a forwarded or merged one continues in: where its supporters went.
pub async fn continued_in(db: &Db, id: i64) -> sqlx::Result<Option<i64>> {
    with_read!(db, pool => {
        sqlx::query_scalar("SELECT id FROM proposals WHERE forwarded_from = $1").bind(id).fetch_optional(pool).await
    })
}

/// The body's own rules, if its secretariat set them.
pub async fn rules(db: &Db, body: i64) -> sqlx::Result<Option<Rules>> {
    let row: Option<(i64, i64)> = with_read!(db, pool => {
        sqlx::query_as("SELECT threshold, window_days FROM proposal_rules WHERE body_id = $1")
            .bind(body).fetch_optional(pool).await?
    });
    Ok(row.map(|(threshold, window_days)| Rules { threshold, window_days }))
}

pub async fn set_rules(db: &Db, actor: Option<i64>, body: i64, before: Rules, rules: Rules) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO proposal_rules (body_id, threshold, window_days, updated_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (body_id) DO UPDATE SET threshold = $2, window_days = $3, updated_at = $4",
        )
        .bind(body).bind(rules.threshold).bind(rules.window_days).bind(&at)
        .execute(&mut *tx).await?;
        audit!(tx, &Change { actor, action: "proposal_rules", entity: "body", entity_id: body.to_string(),
            before: Some(json!(before)), after: Some(json!(rules)), at: &at })?;
        tx.commit().await?;
    });
    Ok(())
}

/// Did `user` support `proposal`?
pub async fn supports(db: &Db, proposal: i64, user: i64) -> sqlx::Result<bool> {
    with_read!(db, pool => {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM supports WHERE proposal_id = $1 AND user_id = $2")
            .bind(proposal).bind(user).fetch_one(pool).await.map(|n| n > 0)
    })
}

/// The supporters' logins (for notices).
pub async fn supporters(db: &Db, proposal: i64) -> sqlx::Result<Vec<i64>> {
    with_read!(db, pool => {
        sqlx::query_scalar("SELECT user_id FROM supports WHERE proposal_id = $1").bind(proposal).fetch_all(pool).await
    })
}

/// Files a proposal (its author its first supporter); returns its id.
pub async fn create(
    db: &Db,
    author: i64,
    input: &ProposalInput,
    rules: Rules,
    today: &str,
    closes_on: &str,
    demo: bool,
) -> sqlx::Result<i64> {
    let at = now();
    let status = if rules.threshold <= 1 { ProposalStatus::Queued } else { ProposalStatus::Open };
    let queued_at = (status == ProposalStatus::Queued).then(|| at.clone());
    let id = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO proposals (body_id, author_id, on_behalf, association_id, author_body_id, title_kk, title_ru,
                 title_en, text_kk, text_ru, text_en, category, region_code, district_id, status, opens_on, closes_on,
                 supporters, queued_at, demo, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 1, $18, $19, $20, $20)
             RETURNING id",
        )
        .bind(input.body_id).bind(author).bind(input.on_behalf).bind(input.association_id).bind(input.author_body_id)
        .bind(&input.title.kk).bind(&input.title.ru).bind(&input.title.en)
        .bind(&input.text.kk).bind(&input.text.ru).bind(&input.text.en)
        .bind(&input.category).bind(&input.region_code).bind(input.district_id)
        .bind(status).bind(today).bind(closes_on).bind(&queued_at).bind(demo).bind(&at)
        .fetch_one(&mut *tx).await?;
        sqlx::query("INSERT INTO supports (proposal_id, user_id, supported_at) VALUES ($1, $2, $3)")
            .bind(id).bind(author).bind(&at).execute(&mut *tx).await?;
        audit!(tx, &Change { actor: Some(author), action: "file", entity: "proposal", entity_id: id.to_string(),
            before: None, after: Some(json!({ "input": input, "demo": demo })), at: &at })?;
        let mut events = vec![Event::new(scope(id), CHANGED)];
        if status == ProposalStatus::Queued {
            events.push(Event::new(scope(id), QUEUED));
        }
        tx.emit(&events).await?;
        tx.commit().await?;
        id
    });
    change::committed(&[LIST, scope(id)]);
    Ok(id)
}

/// What a support did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Supported {
    /// Counted; the proposal now has this many supporters and this status (and went to the queue with this one).
    Counted { supporters: i64, status: ProposalStatus, queued: bool },
    /// The person supported it before: nothing changed.
    Already,
}

/// One support to count: `user` for `proposal`, whose body's threshold is `threshold`.
#[derive(Clone, Copy, Debug)]
pub struct Support {
    pub proposal: i64,
    pub user: i64,
    pub threshold: i64,
}

/// Counts `user`'s support of a live proposal, once. Reaching `threshold` puts an open proposal in the queue.
pub async fn support(db: &Db, proposal: i64, user: i64, threshold: i64) -> sqlx::Result<Supported> {
    let done = support_all(db, &[Support { proposal, user, threshold }]).await?;
    Ok(done.into_iter().next().unwrap_or(Supported::Already))
}

/// Counts many supports in one transaction (the group commit of [`super::supports`]), each as [`support`] would;
/// the answers in their order. Two statements carry the whole batch — one insert of the supports, one update of
/// the proposals' counts — since each statement is a hand-off to the database's thread.
pub async fn support_all(db: &Db, supports: &[Support]) -> sqlx::Result<Vec<Supported>> {
    use std::collections::{HashMap, HashSet};
    let at = now();
    let mut touched = vec![LIST];
    let done = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let mut insert = sqlx::QueryBuilder::new("INSERT INTO supports (proposal_id, user_id, supported_at) ");
        insert.push_values(supports, |mut row, s| {
            row.push_bind(s.proposal).push_bind(s.user).push_bind(&at);
        });
        insert.push(" ON CONFLICT (proposal_id, user_id) DO NOTHING RETURNING proposal_id, user_id");
        let added: HashSet<(i64, i64)> = insert.build_query_as().fetch_all(&mut *tx).await?.into_iter().collect();
        // Each added support in its order; the same pair twice in a batch counts once.
        let mut counted: HashSet<(i64, i64)> = HashSet::new();
        let counts: Vec<bool> = supports.iter().map(|s| added.contains(&(s.proposal, s.user)) && counted.insert((s.proposal, s.user))).collect();
        // Per proposal: the supports added and its threshold.
        let mut by: HashMap<i64, (i64, i64)> = HashMap::new();
        for (s, _) in supports.iter().zip(&counts).filter(|(_, c)| **c) {
            by.entry(s.proposal).or_insert((0, s.threshold)).0 += 1;
        }
        let per: Vec<(i64, i64, i64)> = by.into_iter().map(|(id, (added, threshold))| (id, added, threshold)).collect();
        let mut after: HashMap<i64, (i64, ProposalStatus)> = HashMap::new();
        if !per.is_empty() {
            // The counts alone: `supporters` is in no index, so the rows change and their eight indexes of status
            // do not (assigning `status`, even its own value, would rewrite an entry in each).
            let mut update = sqlx::QueryBuilder::new(
                "UPDATE proposals SET supporters = supporters + v.added
                 FROM (SELECT column1 AS id, column2 AS added FROM (",
            );
            update.push_values(&per, |mut row, p| {
                row.push_bind(p.0).push_bind(p.1);
            });
            update.push(") AS x) AS v WHERE proposals.id = v.id RETURNING proposals.id, proposals.supporters, proposals.status");
            let rows: Vec<(i64, i64, ProposalStatus)> = update.build_query_as().fetch_all(&mut *tx).await?;
            after = rows.into_iter().map(|(id, supporters, status)| (id, (supporters, status))).collect();
            // The few that reached their threshold now join the body's queue.
            let reached: Vec<i64> = per
                .iter()
                .filter(|(id, _, threshold)| {
                    after.get(id).is_some_and(|(n, status)| *status == ProposalStatus::Open && n >= threshold)
                })
                .map(|p| p.0)
                .collect();
            if !reached.is_empty() {
                let mut queue = sqlx::QueryBuilder::new("UPDATE proposals SET status = 'queued', queued_at = ");
                queue.push_bind(&at).push(" WHERE status = 'open' AND id IN (");
                let mut ids = queue.separated(", ");
                for id in &reached {
                    ids.push_bind(*id);
                }
                queue.push(")");
                queue.build().execute(&mut *tx).await?;
                for id in reached {
                    if let Some(entry) = after.get_mut(&id) {
                        entry.1 = ProposalStatus::Queued;
                    }
                }
            }
        }
        // The supporters each support made, counting up to the proposal's new total.
        let mut next: HashMap<i64, i64> =
            per.iter().map(|p| (p.0, after.get(&p.0).map_or(0, |a| a.0) - p.1)).collect();
        let mut done = Vec::with_capacity(supports.len());
        let mut events = Vec::new();
        for (s, counts) in supports.iter().zip(counts) {
            let (Some(n), Some((_, status))) = (next.get_mut(&s.proposal).filter(|_| counts), after.get(&s.proposal)) else {
                done.push(Supported::Already);
                continue;
            };
            *n += 1;
            let supporters = *n;
            let queued = *status == ProposalStatus::Queued && supporters == s.threshold;
            if queued {
                events.push(Event::new(scope(s.proposal), QUEUED));
                events.push(Event::new(scope(s.proposal), CHANGED));
                audit!(tx, &Change { actor: None, action: "queue", entity: "proposal", entity_id: s.proposal.to_string(),
                    before: Some(json!({ "status": "open" })),
                    after: Some(json!({ "status": "queued", "supporters": supporters })), at: &at })?;
            }
            done.push(Supported::Counted { supporters, status: *status, queued });
        }
        tx.emit(&events).await?;
        tx.commit().await?;
        done
    });
    touched.extend(supports.iter().map(|s| scope(s.proposal)));
    change::committed(&touched);
    Ok(done)
}

/// Withdraws `user`'s support; false when there was none.
pub async fn withdraw(db: &Db, proposal: i64, user: i64) -> sqlx::Result<bool> {
    let removed = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let removed = sqlx::query("DELETE FROM supports WHERE proposal_id = $1 AND user_id = $2")
            .bind(proposal).bind(user).execute(&mut *tx).await?.rows_affected();
        if removed > 0 {
            sqlx::query("UPDATE proposals SET supporters = supporters - 1 WHERE id = $1")
                .bind(proposal).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        removed > 0
    });
    change::committed(&[LIST, scope(proposal)]);
    Ok(removed)
}

/// A body's step, as the change checked it.
pub struct Decided<'a> {
    /// None for the demo, which no one decides.
    pub actor: Option<i64>,
    pub proposal: &'a Proposal,
    pub status: ProposalStatus,
    pub reason: &'a str,
    pub meeting_id: Option<i64>,
}

/// The common part of every step: the proposal's new status, reason, time and meeting, and its audit entry.
macro_rules! record_step {
    ($tx:expr, $d:expr, $at:expr, $merged_into:expr, $extra:expr) => {{
        sqlx::query(
            "UPDATE proposals SET status = $1, reason = $2, decided_at = $3, decided_by = $4, meeting_id = $5,
                 merged_into = $6, updated_at = $3 WHERE id = $7",
        )
        .bind($d.status).bind($d.reason).bind($at).bind($d.actor).bind($d.meeting_id).bind($merged_into)
        .bind($d.proposal.id)
        .execute(&mut *$tx).await?;
        audit!($tx, &Change { actor: $d.actor, action: "decide", entity: "proposal",
            entity_id: $d.proposal.id.to_string(),
            before: Some(json!({ "status": $d.proposal.status })),
            after: Some(json!({ "status": $d.status, "reason": $d.reason, "meeting_id": $d.meeting_id, "more": $extra })),
            at: $at })
    }};
}

/// Copies the supports of `from` to `to` (a person who supported both counts once), recounts `to`, and queues
/// it when an open `to` reaches `threshold` (inside the open transaction `$tx`, on either backend).
macro_rules! carry_supports {
    ($tx:expr, $from:expr, $to:expr, $threshold:expr, $at:expr) => {{
        sqlx::query(
            "INSERT INTO supports (proposal_id, user_id, via, supported_at)
             SELECT $1, user_id, $2, supported_at FROM supports WHERE proposal_id = $2
             ON CONFLICT (proposal_id, user_id) DO NOTHING",
        )
        .bind($to)
        .bind($from)
        .execute(&mut *$tx)
        .await?;
        sqlx::query(
            "UPDATE proposals SET supporters = (SELECT COUNT(*) FROM supports WHERE proposal_id = $1),
                 queued_at = CASE WHEN status = 'open' AND (SELECT COUNT(*) FROM supports WHERE proposal_id = $1) >= $2
                     THEN $3 ELSE queued_at END,
                 status = CASE WHEN status = 'open' AND (SELECT COUNT(*) FROM supports WHERE proposal_id = $1) >= $2
                     THEN 'queued' ELSE status END
             WHERE id = $1",
        )
        .bind($to)
        .bind($threshold)
        .bind($at)
        .execute(&mut *$tx)
        .await
    }};
}

/// Accepts or rejects.
pub async fn decide(db: &Db, d: &Decided<'_>) -> sqlx::Result<()> {
    let at = now();
    let id = d.proposal.id;
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        record_step!(tx, d, &at, None::<i64>, serde_json::Value::Null)?;
        tx.emit(&[Event::new(scope(id), CHANGED), Event::new(scope(id), DECIDED)]).await?;
        tx.commit().await?;
    });
    change::committed(&[LIST, scope(id)]);
    Ok(())
}

/// Forwards to `to` (the body above), where the proposal lives on as a new one with the same texts, supporters
/// and author, open for support by `rules` from `today`; returns the new proposal's id.
pub async fn forward(
    db: &Db,
    d: &Decided<'_>,
    to: i64,
    rules: Rules,
    today: &str,
    closes_on: &str,
) -> sqlx::Result<i64> {
    let at = now();
    let p = d.proposal;
    let new = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        record_step!(tx, d, &at, None::<i64>, json!({ "to_body": to }))?;
        let new: i64 = sqlx::query_scalar(
            "INSERT INTO proposals (body_id, author_id, on_behalf, association_id, author_body_id, title_kk, title_ru,
                 title_en, text_kk, text_ru, text_en, category, region_code, district_id, status, opens_on, closes_on,
                 supporters, forwarded_from, demo, created_at, updated_at)
             SELECT $1, author_id, on_behalf, association_id, author_body_id, title_kk, title_ru, title_en, text_kk,
                 text_ru, text_en, category, region_code, district_id, 'open', $2, $3, 0, id, demo, $4, $4
             FROM proposals WHERE id = $5 RETURNING id",
        )
        .bind(to).bind(today).bind(closes_on).bind(&at).bind(p.id)
        .fetch_one(&mut *tx).await?;
        carry_supports!(tx, p.id, new, rules.threshold, &at)?;
        audit!(tx, &Change { actor: d.actor, action: "receive", entity: "proposal", entity_id: new.to_string(),
            before: None, after: Some(json!({ "forwarded_from": p.id, "body_id": to })), at: &at })?;
        tx.emit(&[
            Event::new(scope(p.id), CHANGED), Event::new(scope(p.id), DECIDED), Event::new(scope(new), CHANGED),
        ]).await?;
        tx.commit().await?;
        new
    });
    change::committed(&[LIST, scope(p.id), scope(new)]);
    Ok(new)
}

/// Merges the proposal into `into` (a live proposal of the same body), which receives its supporters.
pub async fn merge(db: &Db, d: &Decided<'_>, into: i64, threshold: i64) -> sqlx::Result<()> {
    let at = now();
    let p = d.proposal;
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        record_step!(tx, d, &at, Some(into), json!({ "into": into }))?;
        carry_supports!(tx, p.id, into, threshold, &at)?;
        audit!(tx, &Change { actor: d.actor, action: "absorb", entity: "proposal", entity_id: into.to_string(),
            before: None, after: Some(json!({ "merged_from": p.id })), at: &at })?;
        tx.emit(&[
            Event::new(scope(p.id), CHANGED), Event::new(scope(p.id), DECIDED), Event::new(scope(into), CHANGED),
        ]).await?;
        tx.commit().await?;
    });
    change::committed(&[LIST, scope(p.id), scope(into)]);
    Ok(())
}

/// Sets the times of a demo proposal's filing, queueing and decision (the demo tells a story over months).
pub async fn backdate(db: &Db, id: i64, created_at: &str, decided_at: Option<&str>) -> sqlx::Result<()> {
    with_write!(db, pool => {
        sqlx::query(
            "UPDATE proposals SET created_at = $1, updated_at = COALESCE($2, $1), decided_at = $2,
                 queued_at = CASE WHEN queued_at IS NULL THEN NULL ELSE $1 END WHERE id = $3 AND demo",
        )
        .bind(created_at).bind(decided_at).bind(id).execute(pool).await?;
    });
    change::committed(&[LIST, scope(id)]);
    Ok(())
}

/// Hides a proposal (moderation) or shows it again; audited.
pub async fn set_hidden(db: &Db, actor: Option<i64>, id: i64, hidden: bool, reason: &str) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE proposals SET hidden_at = $1, updated_at = $2 WHERE id = $3")
            .bind(hidden.then_some(&at)).bind(&at).bind(id).execute(&mut *tx).await?;
        audit!(tx, &Change { actor, action: if hidden { "hide" } else { "show" }, entity: "proposal",
            entity_id: id.to_string(), before: None, after: Some(json!({ "hidden": hidden, "reason": reason })), at: &at })?;
        tx.emit(&[Event::new(scope(id), CHANGED)]).await?;
        tx.commit().await?;
    });
    change::committed(&[LIST, scope(id)]);
    Ok(())
}
