//! The registry's storage: the only place that reads or writes its tables. Every write records its change in the
//! audit log in the same transaction, and its event (the outbox of `platform::change`), and after commit marks cached public pages stale (`change::committed`); the
//! handlers then refresh the search index.

use rayon::prelude::*;
use serde_json::json;
use sqlx::{AssertSqlSafe, FromRow, QueryBuilder, Row};

use crate::platform::audit::{Change, Serialized};
use crate::platform::change::{self, Event, Outbox, REGISTRY, Scope};
use crate::platform::db::{Db, ReserveBlock, ReserveIds, now};
use crate::platform::i18n::Lang;
use crate::platform::paging;
use crate::platform::staged;
use crate::registry::input::{AssociationInput, BodyInput, MembershipInput};
use crate::registry::model::{Association, Body, EthnicGroup, Membership, Region};
use crate::{audit, audit_many, shown, staged_beat, staged_finish, staged_forget};
use crate::{with_read, with_write};

// ---- reference data -------------------------------------------------------------------------------------------

pub async fn regions(db: &Db) -> sqlx::Result<Vec<Region>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT code, kind, name_kk, name_ru, name_en, centre_kk, centre_ru, centre_en FROM regions ORDER BY code")
            .fetch_all(pool)
            .await
    })
}

pub async fn ethnic_groups(db: &Db) -> sqlx::Result<Vec<EthnicGroup>> {
    with_read!(db, pool => {
        sqlx::query_as("SELECT slug, name_kk, name_ru, name_en, census_2021, estimate_2025 FROM ethnic_groups ORDER BY slug")
            .fetch_all(pool)
            .await
    })
}

/// Inserts or refreshes reference rows (regions and groups ship with the binary and may be corrected).
pub async fn upsert_reference(db: &Db, regions: &[Region], groups: &[(EthnicGroup, String)]) -> sqlx::Result<()> {
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        for r in regions {
            sqlx::query(
                "INSERT INTO regions (code, kind, name_kk, name_ru, name_en, centre_kk, centre_ru, centre_en)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                 ON CONFLICT (code) DO UPDATE SET kind = $2, name_kk = $3, name_ru = $4, name_en = $5,
                     centre_kk = $6, centre_ru = $7, centre_en = $8",
            )
            .bind(&r.code).bind(&r.kind).bind(&r.name_kk).bind(&r.name_ru).bind(&r.name_en)
            .bind(&r.centre_kk).bind(&r.centre_ru).bind(&r.centre_en)
            .execute(&mut *tx)
            .await?;
        }
        for (g, note) in groups {
            sqlx::query(
                "INSERT INTO ethnic_groups (slug, name_kk, name_ru, name_en, census_2021, estimate_2025, source_note)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)
                 ON CONFLICT (slug) DO UPDATE SET name_kk = $2, name_ru = $3, name_en = $4, census_2021 = $5,
                     estimate_2025 = $6, source_note = $7",
            )
            .bind(&g.slug).bind(&g.name_kk).bind(&g.name_ru).bind(&g.name_en)
            .bind(g.census_2021).bind(g.estimate_2025).bind(note)
            .execute(&mut *tx)
            .await?;
        }
        tx.emit(&[Event::new(REGISTRY, "registry.changed")]).await?;
        tx.commit().await?;
        change::committed(&[REGISTRY]);
        Ok(())
    })
}

// ---- bodies ---------------------------------------------------------------------------------------------------

const BODY_COLUMNS: &str = "id, parent_id, kind, region_code, name_kk, name_ru, name_en, archived_at";

pub async fn bodies(db: &Db, include_archived: bool) -> sqlx::Result<Vec<Body>> {
    let sql = format!(
        "SELECT {BODY_COLUMNS} FROM bodies {} ORDER BY id",
        if include_archived { "" } else { "WHERE archived_at IS NULL" }
    );
    with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).fetch_all(pool).await)
}

pub async fn body(db: &Db, id: i64) -> sqlx::Result<Option<Body>> {
    with_read!(db, pool => {
        sqlx::query_as(AssertSqlSafe(format!("SELECT {BODY_COLUMNS} FROM bodies WHERE id = $1")))
            .bind(id)
            .fetch_optional(pool)
            .await
    })
}

/// The body and every body above it, nearest first.
pub async fn body_and_ancestors(db: &Db, id: i64) -> sqlx::Result<Vec<i64>> {
    with_read!(db, pool => {
        sqlx::query_scalar(
            "WITH RECURSIVE up (id, parent_id, depth) AS (
                 SELECT id, parent_id, 0 FROM bodies WHERE id = $1
                 UNION ALL
                 SELECT b.id, b.parent_id, up.depth + 1 FROM bodies b JOIN up ON b.id = up.parent_id WHERE up.depth < 64
             )
             SELECT id FROM up ORDER BY depth",
        )
        .bind(id)
        .fetch_all(pool)
        .await
    })
}

pub async fn create_body(db: &Db, actor: Option<i64>, input: &BodyInput) -> sqlx::Result<Body> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let body: Body = sqlx::query_as(AssertSqlSafe(format!(
            "INSERT INTO bodies (parent_id, kind, region_code, name_kk, name_ru, name_en, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING {BODY_COLUMNS}"
        )))
        .bind(input.parent_id).bind(input.kind.code()).bind(&input.region_code)
        .bind(&input.name_kk).bind(&input.name_ru).bind(&input.name_en).bind(&at)
        .fetch_one(&mut *tx)
        .await?;
        audit!(tx, &Change { actor, action: "create", entity: "body", entity_id: body.id.to_string(),
            before: None, after: Some(json!(body)), at: &at })?;
        tx.emit(&changed("body", body.id)).await?;
        tx.commit().await?;
        change::committed(&[REGISTRY]);
        Ok(body)
    })
}

pub async fn update_body(db: &Db, actor: Option<i64>, before: &Body, input: &BodyInput) -> sqlx::Result<Body> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let body: Body = sqlx::query_as(AssertSqlSafe(format!(
            "UPDATE bodies SET parent_id = $1, kind = $2, region_code = $3, name_kk = $4, name_ru = $5, name_en = $6,
                 updated_at = $7 WHERE id = $8 RETURNING {BODY_COLUMNS}"
        )))
        .bind(input.parent_id).bind(input.kind.code()).bind(&input.region_code)
        .bind(&input.name_kk).bind(&input.name_ru).bind(&input.name_en).bind(&at).bind(before.id)
        .fetch_one(&mut *tx)
        .await?;
        audit!(tx, &Change { actor, action: "update", entity: "body", entity_id: body.id.to_string(),
            before: Some(json!(before)), after: Some(json!(body)), at: &at })?;
        tx.emit(&changed("body", body.id)).await?;
        tx.commit().await?;
        change::committed(&[REGISTRY]);
        Ok(body)
    })
}

pub async fn archive_body(db: &Db, actor: Option<i64>, before: &Body) -> sqlx::Result<Body> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let body: Body = sqlx::query_as(AssertSqlSafe(format!(
            "UPDATE bodies SET archived_at = $1, updated_at = $1 WHERE id = $2 RETURNING {BODY_COLUMNS}"
        )))
        .bind(&at).bind(before.id)
        .fetch_one(&mut *tx)
        .await?;
        audit!(tx, &Change { actor, action: "archive", entity: "body", entity_id: body.id.to_string(),
            before: Some(json!(before)), after: Some(json!(body)), at: &at })?;
        tx.emit(&changed("body", body.id)).await?;
        tx.commit().await?;
        change::committed(&[REGISTRY]);
        Ok(body)
    })
}

// ---- associations ---------------------------------------------------------------------------------------------

const ASSOCIATION_COLUMNS: &str =
    "id, level, region_code, name_kk, name_ru, name_en, founded_year, website, archived_at";

/// Filters of the associations directory; every one is optional.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::IntoParams)]
pub struct AssociationFilter {
    /// ISO 3166-2 code of a region.
    pub region: Option<String>,
    /// Slug of an ethnic group.
    pub group: Option<String>,
    /// `republican` or `regional`.
    pub level: Option<String>,
    /// Page number, from 1.
    pub page: Option<i64>,
    /// Rows per page, 1 to 200 (default 25).
    pub per_page: Option<i64>,
    #[serde(default)]
    pub include_archived: bool,
}

impl AssociationFilter {
    pub fn page(&self) -> i64 {
        paging::page(self.page)
    }

    pub fn per_page(&self) -> i64 {
        paging::per_page(self.per_page, 25, 200)
    }

    fn nonempty(v: &Option<String>) -> Option<&str> {
        v.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
}

/// One page of associations in the reader's alphabetical order, and the number of all that match.
pub async fn associations(db: &Db, filter: &AssociationFilter, lang: Lang) -> sqlx::Result<(Vec<Association>, i64)> {
    let sort = match lang {
        Lang::Kk => "sort_kk",
        Lang::Ru => "sort_ru",
        Lang::En => "sort_en",
    };
    let archived = if filter.include_archived { "" } else { "AND archived_at IS NULL" };
    let filters = format!(
        "($1 IS NULL OR region_code = $1) AND ($2 IS NULL OR level = $2)
         AND ($3 IS NULL OR id IN (SELECT association_id FROM association_groups WHERE group_slug = $3)) {archived}
         AND {shown}",
        shown = shown!()
    );
    // Two queries: the page walks the index in alphabetical order and stops at LIMIT; counting apart is
    // cheaper than a window count, which would visit and sort every matching row.
    let page_sql = format!(
        "SELECT {ASSOCIATION_COLUMNS} FROM associations WHERE {filters} ORDER BY {sort}, id LIMIT $4 OFFSET $5"
    );
    let count_sql = format!("SELECT COUNT(*) FROM associations WHERE {filters}");
    let region = AssociationFilter::nonempty(&filter.region);
    let level = AssociationFilter::nonempty(&filter.level);
    let group = AssociationFilter::nonempty(&filter.group);
    let (mut rows, total): (Vec<Association>, i64) = with_read!(db, pool => {
        let rows = sqlx::query_as(AssertSqlSafe(page_sql))
            .bind(region).bind(level).bind(group)
            .bind(filter.per_page()).bind(paging::offset(filter.page(), filter.per_page()))
            .fetch_all(pool)
            .await?;
        let total = sqlx::query_scalar(AssertSqlSafe(count_sql)).bind(region).bind(level).bind(group).fetch_one(pool).await?;
        (rows, total)
    });
    attach_groups(db, &mut rows).await?;
    Ok((rows, total))
}

pub async fn association(db: &Db, id: i64) -> sqlx::Result<Option<Association>> {
    let row: Option<Association> = with_read!(db, pool => {
        sqlx::query_as(AssertSqlSafe(format!("SELECT {ASSOCIATION_COLUMNS} FROM associations WHERE id = $1 AND {}", shown!())))
            .bind(id)
            .fetch_optional(pool)
            .await?
    });
    let Some(row) = row else { return Ok(None) };
    let mut rows = vec![row];
    attach_groups(db, &mut rows).await?;
    Ok(rows.pop())
}

async fn attach_groups(db: &Db, rows: &mut [Association]) -> sqlx::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let ids: Vec<String> = rows.iter().map(|a| a.id.to_string()).collect();
    // The ids are integers we formatted ourselves, so they are safe to inline.
    let sql = format!(
        "SELECT association_id, group_slug FROM association_groups WHERE association_id IN ({}) ORDER BY group_slug",
        ids.join(",")
    );
    let pairs: Vec<(i64, String)> = with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).fetch_all(pool).await?);
    for (id, slug) in pairs {
        if let Some(a) = rows.iter_mut().find(|a| a.id == id) {
            a.groups.push(slug);
        }
    }
    Ok(())
}

/// The associations with these ids (names only; their groups are not loaded).
pub async fn associations_by_ids(db: &Db, ids: &[i64]) -> sqlx::Result<Vec<Association>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    // The ids are integers formatted here, so they are safe to inline.
    let sql =
        format!("SELECT {ASSOCIATION_COLUMNS} FROM associations WHERE id IN ({}) AND {}", list.join(","), shown!());
    with_read!(db, pool => sqlx::query_as(AssertSqlSafe(sql)).fetch_all(pool).await)
}

/// Links association `$id` to the groups `$groups` inside the open transaction `$tx` (a macro: the transaction's
/// type differs per backend).
macro_rules! insert_groups {
    ($tx:expr, $id:expr, $groups:expr) => {{
        let id: i64 = $id;
        for slug in $groups {
            sqlx::query("INSERT INTO association_groups (association_id, group_slug) VALUES ($1, $2)")
                .bind(id)
                .bind(slug)
                .execute(&mut *$tx)
                .await?;
        }
    }};
}

/// Rows per multi-row `INSERT`: well under SQLite's 32,766 bound parameters with 13 columns.
const ROWS_PER_INSERT: usize = 1_000;

/// The events of a change to one record: the registry's pages are stale, and every server refreshes the record's
/// search document (`registry::RECORD`, in the area of its search kind: `body`, `association`, `person`).
fn changed(area: &'static str, id: i64) -> [Event; 2] {
    [Event::new(REGISTRY, "registry.changed"), Event::new(Scope::item(area, id), super::RECORD)]
}

/// The events of records created: by a person through the server, one per record; by the command line or the demo
/// seed (no actor), one for the whole import, on which every server rebuilds its index (`registry::IMPORTED`).
fn creation_events(actor: Option<i64>, area: &'static str, ids: impl Iterator<Item = i64>) -> Vec<Event> {
    match actor {
        Some(_) => std::iter::once(Event::new(REGISTRY, "registry.changed"))
            .chain(ids.map(|id| Event::new(Scope::item(area, id), super::RECORD)))
            .collect(),
        None => vec![Event::new(REGISTRY, super::IMPORTED)],
    }
}

/// New associations as records, their ids drawn from `first` on, with the collation keys of their names and their
/// audit entries: the work done before any transaction, on every core.
struct Prepared {
    at: String,
    rows: Vec<Association>,
    keys: Vec<[Vec<u8>; 3]>,
    audit: Vec<Serialized>,
}

fn prepare_associations(inputs: &[AssociationInput], first: i64, actor: Option<i64>, at: &str) -> Prepared {
    Prepared { keys: sort_keys(inputs), ..records(inputs, first, actor, at) }
}

fn sort_keys(inputs: &[AssociationInput]) -> Vec<[Vec<u8>; 3]> {
    inputs
        .par_iter()
        .map(|i| [Lang::Kk.sort_key(&i.name_kk), Lang::Ru.sort_key(&i.name_ru), Lang::En.sort_key(&i.name_en)])
        .collect()
}

/// The records and audit entries of new associations, their ids drawn from `first` on (no collation keys yet).
fn records(inputs: &[AssociationInput], first: i64, actor: Option<i64>, at: &str) -> Prepared {
    let rows: Vec<Association> = inputs
        .iter()
        .zip(first..)
        .map(|(i, id)| Association {
            id,
            level: i.level,
            region_code: i.region_code.clone(),
            name_kk: i.name_kk.clone(),
            name_ru: i.name_ru.clone(),
            name_en: i.name_en.clone(),
            founded_year: i.founded_year,
            website: i.website.clone(),
            archived_at: None,
            groups: i.groups.clone(),
        })
        .collect();
    let audit = rows
        .par_iter()
        .map(|row| {
            Change {
                actor,
                action: "create",
                entity: "association",
                entity_id: row.id.to_string(),
                before: None,
                after: Some(json!(row)),
                at,
            }
            .serialized()
        })
        .collect();
    Prepared { at: at.to_owned(), rows, keys: Vec::new(), audit }
}

/// Inserts prepared associations with their group links and audit entries inside the open transaction `$tx`, by
/// multi-row inserts, marked with import `$import` (0 when not staged, see `platform::staged`). A macro: the
/// transaction's type differs per backend.
macro_rules! insert_associations {
    ($tx:expr, $prepared:expr, $import:expr) => {{
        let prepared: &Prepared = $prepared;
        let import: i64 = $import;
        for (rows, keys) in prepared.rows.chunks(ROWS_PER_INSERT).zip(prepared.keys.chunks(ROWS_PER_INSERT)) {
            let mut q = QueryBuilder::new(
                "INSERT INTO associations (id, level, region_code, name_kk, name_ru, name_en, founded_year, website,
                     sort_kk, sort_ru, sort_en, created_at, updated_at, import_id) ",
            );
            q.push_values(rows.iter().zip(keys), |mut b, (r, [kk, ru, en])| {
                b.push_bind(r.id)
                    .push_bind(r.level)
                    .push_bind(&r.region_code)
                    .push_bind(&r.name_kk)
                    .push_bind(&r.name_ru)
                    .push_bind(&r.name_en)
                    .push_bind(r.founded_year)
                    .push_bind(&r.website)
                    .push_bind(kk)
                    .push_bind(ru)
                    .push_bind(en)
                    .push_bind(&prepared.at)
                    .push_bind(&prepared.at)
                    .push_bind(import);
            });
            q.build().execute(&mut *$tx).await?;
        }
        let groups: Vec<(i64, &String)> =
            prepared.rows.iter().flat_map(|r| r.groups.iter().map(move |g| (r.id, g))).collect();
        for chunk in groups.chunks(ROWS_PER_INSERT) {
            let mut q = QueryBuilder::new("INSERT INTO association_groups (association_id, group_slug) ");
            q.push_values(chunk, |mut b, (id, slug)| {
                b.push_bind(*id).push_bind(*slug);
            });
            q.build().execute(&mut *$tx).await?;
        }
        audit_many!($tx, &prepared.audit)?;
    }};
}

/// Creates a few associations in one transaction: all or none (the forms, the API and the demo seed). Large
/// imports go through [`import_associations`], which does not hold the write lock for long.
pub async fn create_associations(
    db: &Db,
    actor: Option<i64>,
    inputs: &[AssociationInput],
) -> sqlx::Result<Vec<Association>> {
    let at = now();
    let keys = sort_keys(inputs);
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        // The ids are drawn under the lock; records and entries of a few rows are cheap to make here.
        let first = tx.reserve_ids("associations", inputs.len()).await?;
        let prepared = Prepared { keys, ..records(inputs, first, actor, &at) };
        insert_associations!(tx, &prepared, 0);
        tx.emit(&creation_events(actor, "association", prepared.rows.iter().map(|a| a.id))).await?;
        tx.commit().await?;
        change::committed(&[REGISTRY]);
        Ok(prepared.rows)
    })
}

/// Rows per transaction of a staged import: about a sixth of a second of the write lock each on the project's
/// machine (three collation-key indexes take a random B-tree insert per row, and each row has its audit entry).
pub const ROWS_PER_CHUNK: usize = 10_000;

/// The pause after each chunk of a staged import, in which the server's writer, waiting for the lock, must try
/// again: SQLite's busy handler spaces its tries by a quarter to a half of the time waited so far, 50 ms after a
/// sixth of a second.
const BREATH: std::time::Duration = std::time::Duration::from_millis(50);

/// Imports associations all or nothing, without holding the write lock for long (`platform::staged`): the rows go
/// in by chunks of `rows_per_chunk` ([`ROWS_PER_CHUNK`] from the command line), each a short transaction of its own, hidden from every read until the last
/// transaction shows them all at once. Their ids are reserved first, so that the next chunk's records, collation
/// keys and audit entries are made while a chunk is written. On any failure the rows written so far are removed.
/// `progress` is told how many rows are written.
pub async fn import_associations(
    db: &Db,
    inputs: Vec<AssociationInput>,
    rows_per_chunk: usize,
    progress: impl Fn(usize),
) -> anyhow::Result<usize> {
    remove_abandoned_imports(db, staged::STALE_AFTER).await?;
    let import = staged::begin(db).await?;
    match write_staged_associations(db, import, inputs, rows_per_chunk.max(1), &progress).await {
        Ok(count) => Ok(count),
        Err(e) => {
            if let Err(cleanup) = remove_import(db, import).await {
                tracing::error!(import, error = %cleanup, "could not remove the rows of a failed import; the next import or server start will");
            }
            Err(e)
        }
    }
}

async fn write_staged_associations(
    db: &Db,
    import: i64,
    inputs: Vec<AssociationInput>,
    rows_per_chunk: usize,
    progress: &impl Fn(usize),
) -> anyhow::Result<usize> {
    let at = now();
    let total = inputs.len();
    let first: i64 = with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let first = tx.reserve_block("associations", total).await?;
        tx.commit().await?;
        first
    });
    let inputs = std::sync::Arc::new(inputs);
    let prepare = |from: usize| {
        let (inputs, at) = (inputs.clone(), at.clone());
        tokio::task::spawn_blocking(move || {
            let chunk = inputs.get(from..inputs.len().min(from + rows_per_chunk)).filter(|c| !c.is_empty())?;
            Some(prepare_associations(chunk, first + from as i64, None, &at))
        })
    };
    let mut next = prepare(0);
    let mut written = 0;
    while let Some(prepared) = next.await? {
        next = prepare(written + prepared.rows.len());
        let held = std::time::Instant::now();
        with_write!(db, pool => {
            let mut tx = pool.begin().await?;
            staged_beat!(tx, import);
            insert_associations!(tx, &prepared, import);
            tx.commit().await?;
        });
        tracing::debug!(import, rows = prepared.rows.len(), held = ?held.elapsed(), "chunk written");
        written += prepared.rows.len();
        progress(written);
        tokio::time::sleep(BREATH).await;
    }
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        staged_finish!(tx, import);
        audit!(tx, &Change { actor: None, action: "finish", entity: "import", entity_id: import.to_string(),
            before: None, after: Some(json!({ "associations": total })), at: &now() })?;
        tx.emit(&creation_events(None, "association", std::iter::empty())).await?;
        tx.commit().await?;
    });
    change::committed(&[REGISTRY]);
    Ok(total)
}

/// Removes the rows of unfinished imports whose process died (see `platform::staged`): at the start of an import
/// and of the server.
pub async fn remove_abandoned_imports(db: &Db, stale: std::time::Duration) -> sqlx::Result<()> {
    for import in staged::abandoned(db, stale).await? {
        remove_import(db, import).await?;
    }
    Ok(())
}

/// Removes an unfinished import's rows, a chunk per transaction (as they were written), then the import, with an
/// audit entry that says how many rows it had: the audit log keeps their creation, and this says they are gone.
async fn remove_import(db: &Db, import: i64) -> sqlx::Result<()> {
    let mut removed: u64 = 0;
    loop {
        let n = with_write!(db, pool => {
            let mut tx = pool.begin().await?;
            let chunk = format!("SELECT id FROM associations WHERE import_id = $1 LIMIT {ROWS_PER_CHUNK}");
            sqlx::query(AssertSqlSafe(format!("DELETE FROM association_groups WHERE association_id IN ({chunk})")))
                .bind(import).execute(&mut *tx).await?;
            let n = sqlx::query(AssertSqlSafe(format!("DELETE FROM associations WHERE id IN ({chunk})")))
                .bind(import).execute(&mut *tx).await?.rows_affected();
            tx.commit().await?;
            n
        });
        if n == 0 {
            break;
        }
        removed += n;
    }
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        staged_forget!(tx, import);
        audit!(tx, &Change { actor: None, action: "abandon", entity: "import", entity_id: import.to_string(),
            before: Some(json!({ "associations": removed })), after: None, at: &now() })?;
        tx.commit().await?;
    });
    Ok(())
}

pub async fn update_association(
    db: &Db,
    actor: Option<i64>,
    before: &Association,
    input: &AssociationInput,
) -> sqlx::Result<Association> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let mut row: Association = sqlx::query_as(AssertSqlSafe(format!(
            "UPDATE associations SET level = $1, region_code = $2, name_kk = $3, name_ru = $4, name_en = $5,
                 founded_year = $6, website = $7, sort_kk = $8, sort_ru = $9, sort_en = $10, updated_at = $11
             WHERE id = $12 RETURNING {ASSOCIATION_COLUMNS}"
        )))
        .bind(input.level).bind(&input.region_code)
        .bind(&input.name_kk).bind(&input.name_ru).bind(&input.name_en)
        .bind(input.founded_year).bind(&input.website)
        .bind(Lang::Kk.sort_key(&input.name_kk)).bind(Lang::Ru.sort_key(&input.name_ru))
        .bind(Lang::En.sort_key(&input.name_en)).bind(&at).bind(before.id)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM association_groups WHERE association_id = $1").bind(row.id).execute(&mut *tx).await?;
        insert_groups!(tx, row.id, &input.groups);
        row.groups = input.groups.clone();
        audit!(tx, &Change { actor, action: "update", entity: "association", entity_id: row.id.to_string(),
            before: Some(json!(before)), after: Some(json!(row)), at: &at })?;
        tx.emit(&changed("association", row.id)).await?;
        tx.commit().await?;
        change::committed(&[REGISTRY]);
        Ok(row)
    })
}

pub async fn archive_association(db: &Db, actor: Option<i64>, before: &Association) -> sqlx::Result<Association> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let mut row: Association = sqlx::query_as(AssertSqlSafe(format!(
            "UPDATE associations SET archived_at = $1, updated_at = $1 WHERE id = $2 RETURNING {ASSOCIATION_COLUMNS}"
        )))
        .bind(&at).bind(before.id)
        .fetch_one(&mut *tx)
        .await?;
        row.groups = before.groups.clone();
        audit!(tx, &Change { actor, action: "archive", entity: "association", entity_id: row.id.to_string(),
            before: Some(json!(before)), after: Some(json!(row)), at: &at })?;
        tx.emit(&changed("association", row.id)).await?;
        tx.commit().await?;
        change::committed(&[REGISTRY]);
        Ok(row)
    })
}

// ---- memberships ----------------------------------------------------------------------------------------------

const MEMBERSHIP_SELECT: &str = "SELECT m.id, m.body_id, m.person_id, p.full_name AS person_name, m.association_id,
        m.position, m.term_start, m.term_end, m.archived_at
    FROM memberships m JOIN persons p ON p.id = m.person_id";

#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::IntoParams)]
pub struct MembershipFilter {
    /// Only seats in this body.
    pub body: Option<i64>,
    /// Only seats of bodies in this region (ISO 3166-2 code).
    pub region: Option<String>,
    /// Only members representing this association.
    pub association: Option<i64>,
    pub person: Option<i64>,
    /// Page number, from 1.
    pub page: Option<i64>,
    /// Rows per page, 1 to 500 (default 50).
    pub per_page: Option<i64>,
    #[serde(default)]
    pub include_archived: bool,
}

impl MembershipFilter {
    pub fn page(&self) -> i64 {
        paging::page(self.page)
    }

    pub fn per_page(&self) -> i64 {
        paging::per_page(self.per_page, 50, 500)
    }
}

pub async fn memberships(db: &Db, filter: &MembershipFilter) -> sqlx::Result<(Vec<Membership>, i64)> {
    let archived = if filter.include_archived { "" } else { "AND m.archived_at IS NULL" };
    let filters = format!(
        "($1 IS NULL OR m.body_id = $1) AND ($2 IS NULL OR m.association_id = $2) AND ($3 IS NULL OR m.person_id = $3)
         AND ($4 IS NULL OR m.body_id IN (SELECT id FROM bodies WHERE region_code = $4)) {archived}"
    );
    // Chairs first, then deputies, secretaries and members, each by name.
    let order = "CASE m.position WHEN 'chair' THEN 0 WHEN 'deputy_chair' THEN 1 WHEN 'secretary' THEN 2 ELSE 3 END,
        p.full_name, m.id";
    let page_sql = format!(
        "{} WHERE {filters} ORDER BY {order} LIMIT $5 OFFSET $6",
        MEMBERSHIP_SELECT.replacen("SELECT ", "SELECT COUNT(*) OVER () AS total, ", 1)
    );
    let count_sql = format!("SELECT COUNT(*) FROM memberships m WHERE {filters}");
    let region = filter.region.as_deref().filter(|s| !s.is_empty());
    with_read!(db, pool => {
        let raw = sqlx::query(AssertSqlSafe(page_sql))
            .bind(filter.body).bind(filter.association).bind(filter.person).bind(region)
            .bind(filter.per_page()).bind(paging::offset(filter.page(), filter.per_page()))
            .fetch_all(pool)
            .await?;
        let total = match raw.first() {
            Some(row) => row.try_get("total")?,
            None => sqlx::query_scalar(AssertSqlSafe(count_sql))
                .bind(filter.body).bind(filter.association).bind(filter.person).bind(region)
                .fetch_one(pool)
                .await?,
        };
        let rows = raw.iter().map(Membership::from_row).collect::<sqlx::Result<Vec<_>>>()?;
        Ok((rows, total))
    })
}

pub async fn membership(db: &Db, id: i64) -> sqlx::Result<Option<Membership>> {
    with_read!(db, pool => {
        sqlx::query_as(AssertSqlSafe(format!("{MEMBERSHIP_SELECT} WHERE m.id = $1")))
            .bind(id)
            .fetch_optional(pool)
            .await
    })
}

/// Creates memberships, and their persons where no `person_id` is given, in one transaction: all or none.
pub async fn create_memberships(
    db: &Db,
    actor: Option<i64>,
    inputs: &[MembershipInput],
) -> sqlx::Result<Vec<Membership>> {
    let at = now();
    // As for associations: records and audit entries are made before the transaction, rows go in many at a time.
    let seated: Vec<i64> = inputs.iter().filter_map(|i| i.person_id).collect();
    let names: std::collections::HashMap<i64, String> =
        if seated.is_empty() { Default::default() } else { persons(db).await?.into_iter().collect() };
    let mut created: Vec<Membership> = inputs
        .iter()
        .map(|i| Membership {
            id: 0,
            body_id: i.body_id,
            person_id: i.person_id.unwrap_or(0),
            person_name: i.person_id.and_then(|p| names.get(&p).cloned()).unwrap_or_else(|| i.person_name.clone()),
            association_id: i.association_id,
            position: i.position,
            term_start: i.term_start.clone(),
            term_end: i.term_end.clone(),
            archived_at: None,
        })
        .collect();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let new_persons = inputs.iter().filter(|i| i.person_id.is_none()).count();
        let mut next_person = tx.reserve_ids("persons", new_persons).await?;
        let mut persons_made = Vec::with_capacity(new_persons);
        for (row, input) in created.iter_mut().zip(inputs) {
            if input.person_id.is_none() {
                row.person_id = next_person;
                next_person += 1;
                persons_made.push((row.person_id, row.person_name.clone()));
            }
        }
        for chunk in persons_made.chunks(ROWS_PER_INSERT) {
            let mut q = QueryBuilder::new("INSERT INTO persons (id, full_name, created_at) ");
            q.push_values(chunk, |mut b, (id, name)| {
                b.push_bind(*id).push_bind(name).push_bind(&at);
            });
            q.build().execute(&mut *tx).await?;
        }
        let first = tx.reserve_ids("memberships", created.len()).await?;
        for (n, row) in created.iter_mut().enumerate() {
            row.id = first + n as i64;
        }
        for chunk in created.chunks(ROWS_PER_INSERT) {
            let mut q = QueryBuilder::new(
                "INSERT INTO memberships (id, body_id, person_id, association_id, position, term_start, term_end,
                     created_at, updated_at) ",
            );
            q.push_values(chunk, |mut b, m| {
                b.push_bind(m.id).push_bind(m.body_id).push_bind(m.person_id).push_bind(m.association_id)
                    .push_bind(m.position).push_bind(&m.term_start).push_bind(&m.term_end).push_bind(&at)
                    .push_bind(&at);
            });
            q.build().execute(&mut *tx).await?;
        }
        let person_changes = persons_made.iter().map(|(id, name)| Change {
            actor, action: "create", entity: "person", entity_id: id.to_string(), before: None,
            after: Some(json!({ "id": id, "full_name": name })), at: &at,
        });
        let membership_changes = created.iter().map(|row| Change {
            actor, action: "create", entity: "membership", entity_id: row.id.to_string(), before: None,
            after: Some(json!(row)), at: &at,
        });
        let changes: Vec<Serialized> = person_changes.chain(membership_changes).map(|c| c.serialized()).collect();
        audit_many!(tx, &changes)?;
        tx.emit(&creation_events(actor, "person", created.iter().map(|m| m.person_id))).await?;
        tx.commit().await?;
        change::committed(&[REGISTRY]);
        Ok(created)
    })
}

pub async fn update_membership(
    db: &Db,
    actor: Option<i64>,
    before: &Membership,
    input: &MembershipInput,
) -> sqlx::Result<Membership> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "UPDATE memberships SET body_id = $1, association_id = $2, position = $3, term_start = $4, term_end = $5,
                 updated_at = $6 WHERE id = $7",
        )
        .bind(input.body_id).bind(input.association_id).bind(input.position.code())
        .bind(&input.term_start).bind(&input.term_end).bind(&at).bind(before.id)
        .execute(&mut *tx)
        .await?;
        if input.person_name != before.person_name {
            sqlx::query("UPDATE persons SET full_name = $1 WHERE id = $2")
                .bind(&input.person_name).bind(before.person_id)
                .execute(&mut *tx)
                .await?;
        }
        let row: Membership = sqlx::query_as(AssertSqlSafe(format!("{MEMBERSHIP_SELECT} WHERE m.id = $1")))
            .bind(before.id)
            .fetch_one(&mut *tx)
            .await?;
        audit!(tx, &Change { actor, action: "update", entity: "membership", entity_id: row.id.to_string(),
            before: Some(json!(before)), after: Some(json!(row)), at: &at })?;
        tx.emit(&changed("person", row.person_id)).await?;
        tx.commit().await?;
        change::committed(&[REGISTRY]);
        Ok(row)
    })
}

pub async fn archive_membership(db: &Db, actor: Option<i64>, before: &Membership) -> sqlx::Result<Membership> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE memberships SET archived_at = $1, updated_at = $1 WHERE id = $2")
            .bind(&at).bind(before.id)
            .execute(&mut *tx)
            .await?;
        let row: Membership = sqlx::query_as(AssertSqlSafe(format!("{MEMBERSHIP_SELECT} WHERE m.id = $1")))
            .bind(before.id)
            .fetch_one(&mut *tx)
            .await?;
        audit!(tx, &Change { actor, action: "archive", entity: "membership", entity_id: row.id.to_string(),
            before: Some(json!(before)), after: Some(json!(row)), at: &at })?;
        tx.emit(&changed("person", row.person_id)).await?;
        tx.commit().await?;
        change::committed(&[REGISTRY]);
        Ok(row)
    })
}

/// Key figures for the home page.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    pub groups: i64,
    pub regions: i64,
    pub bodies: i64,
    pub associations: i64,
    pub members: i64,
}

pub async fn figures(db: &Db) -> sqlx::Result<Figures> {
    with_read!(db, pool => {
        let count = |sql: &'static str| sqlx::query_scalar::<_, i64>(sql).fetch_one(pool);
        Ok(Figures {
            groups: count("SELECT COUNT(*) FROM ethnic_groups").await?,
            regions: count("SELECT COUNT(*) FROM regions").await?,
            bodies: count("SELECT COUNT(*) FROM bodies WHERE archived_at IS NULL").await?,
            associations: count(concat!("SELECT COUNT(*) FROM associations WHERE archived_at IS NULL AND ", shown!())).await?,
            members: count("SELECT COUNT(DISTINCT person_id) FROM memberships WHERE archived_at IS NULL").await?,
        })
    })
}

/// The ids of all associations that are not archived.
pub async fn association_ids(db: &Db) -> sqlx::Result<Vec<i64>> {
    with_read!(db, pool => {
        sqlx::query_scalar(concat!("SELECT id FROM associations WHERE archived_at IS NULL AND ", shown!())).fetch_all(pool).await
    })
}

/// The groups represented by the associations of a region.
pub async fn groups_in_region(db: &Db, region: &str) -> sqlx::Result<Vec<String>> {
    with_read!(db, pool => {
        sqlx::query_scalar(concat!(
            "SELECT DISTINCT ag.group_slug FROM association_groups ag JOIN associations a ON a.id = ag.association_id
             WHERE a.region_code = $1 AND a.archived_at IS NULL AND a.",
            shown!()
        ))
        .bind(region)
        .fetch_all(pool)
        .await
    })
}

pub async fn person_name(db: &Db, id: i64) -> sqlx::Result<Option<String>> {
    with_read!(db, pool => {
        sqlx::query_scalar("SELECT full_name FROM persons WHERE id = $1").bind(id).fetch_optional(pool).await
    })
}

/// The ids of all persons (to check a membership's `person_id`).
pub async fn person_ids(db: &Db) -> sqlx::Result<std::collections::HashSet<i64>> {
    with_read!(db, pool => {
        let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM persons").fetch_all(pool).await?;
        Ok(ids.into_iter().collect())
    })
}

/// Persons with their id and name (Popolo export, search index).
pub async fn persons(db: &Db) -> sqlx::Result<Vec<(i64, String)>> {
    with_read!(db, pool => sqlx::query_as("SELECT id, full_name FROM persons ORDER BY id").fetch_all(pool).await)
}

/// Every association, archived ones included, in Kazakh order (exports, forms, the search index).
pub async fn all_associations(db: &Db) -> sqlx::Result<Vec<Association>> {
    every_page(200, |page, per_page| async move {
        let filter = AssociationFilter {
            page: Some(page),
            per_page: Some(per_page),
            include_archived: true,
            ..Default::default()
        };
        associations(db, &filter, Lang::Kk).await
    })
    .await
}

/// Every membership, archived ones included.
pub async fn all_memberships(db: &Db) -> sqlx::Result<Vec<Membership>> {
    every_page(500, |page, per_page| async move {
        let filter = MembershipFilter {
            page: Some(page),
            per_page: Some(per_page),
            include_archived: true,
            ..Default::default()
        };
        memberships(db, &filter).await
    })
    .await
}

/// Every row of a paged listing: pages of `per_page` until `total` is reached.
async fn every_page<T, F>(per_page: i64, mut fetch: impl FnMut(i64, i64) -> F) -> sqlx::Result<Vec<T>>
where
    F: Future<Output = sqlx::Result<(Vec<T>, i64)>>,
{
    let mut out = Vec::new();
    for page in 1.. {
        let (rows, total) = fetch(page, per_page).await?;
        let done = rows.is_empty() || page * per_page >= total;
        out.extend(rows);
        if done {
            break;
        }
    }
    Ok(out)
}
