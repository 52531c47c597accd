//! The append-only audit log: who changed what, when, with the record before and after.
//! Entries are written in the same transaction as the change they describe (see [`audit!`]).

use serde::Serialize;

use crate::platform::db::Db;
use crate::with_read;

/// One change, as written to the log.
pub struct Change<'a> {
    pub actor: Option<i64>,
    pub action: &'static str,
    pub entity: &'static str,
    pub entity_id: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub at: &'a str,
}

/// Appends `$change` (a [`Change`]) inside the open transaction `$tx`.
#[macro_export]
macro_rules! audit {
    ($tx:expr, $change:expr) => {{
        let change: &$crate::platform::audit::Change = $change;
        sqlx::query(
            "INSERT INTO audit_log (at, actor_user_id, action, entity, entity_id, before_json, after_json)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(change.at)
        .bind(change.actor)
        .bind(change.action)
        .bind(change.entity)
        .bind(&change.entity_id)
        .bind(change.before.as_ref().map(|v| v.to_string()))
        .bind(change.after.as_ref().map(|v| v.to_string()))
        .execute(&mut *$tx)
        .await
    }};
}

/// A change with its records already written as JSON, owning all it holds: what [`audit_many!`] inserts, so that
/// a large import makes its entries before its transaction, on another thread.
#[derive(Clone, Debug)]
pub struct Serialized {
    pub actor: Option<i64>,
    pub action: &'static str,
    pub entity: &'static str,
    pub entity_id: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub at: String,
}

impl Change<'_> {
    pub fn serialized(&self) -> Serialized {
        Serialized {
            actor: self.actor,
            action: self.action,
            entity: self.entity,
            entity_id: self.entity_id.clone(),
            before: self.before.as_ref().map(|v| v.to_string()),
            after: self.after.as_ref().map(|v| v.to_string()),
            at: self.at.to_owned(),
        }
    }
}

/// Appends many changes (a slice of [`Serialized`]) inside the open transaction `$tx`, by multi-row inserts.
#[macro_export]
macro_rules! audit_many {
    ($tx:expr, $changes:expr) => {{
        let changes: &[$crate::platform::audit::Serialized] = $changes;
        let mut result = Ok(());
        // 7 columns: 1,000 rows stay well under every backend's bound on parameters.
        for chunk in changes.chunks(1_000) {
            let mut q = sqlx::QueryBuilder::new(
                "INSERT INTO audit_log (at, actor_user_id, action, entity, entity_id, before_json, after_json) ",
            );
            q.push_values(chunk, |mut b, c| {
                b.push_bind(c.at.as_str())
                    .push_bind(c.actor)
                    .push_bind(c.action)
                    .push_bind(c.entity)
                    .push_bind(c.entity_id.as_str())
                    .push_bind(c.before.as_deref())
                    .push_bind(c.after.as_deref());
            });
            if let Err(e) = q.build().execute(&mut *$tx).await {
                result = Err(e);
                break;
            }
        }
        result
    }};
}

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Entry {
    pub id: i64,
    pub at: String,
    pub actor_user_id: Option<i64>,
    pub actor_email: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
}

#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct Filter {
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    pub actor: Option<String>,
    pub action: Option<String>,
    pub page: Option<i64>,
}

pub const PAGE_SIZE: i64 = 50;

/// Entries matching `filter`, newest first, one page at a time.
pub async fn list(db: &Db, filter: &Filter) -> sqlx::Result<Vec<Entry>> {
    let empty_as_none = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    let page = crate::platform::paging::page(filter.page);
    with_read!(db, pool => {
        sqlx::query_as(
            "SELECT a.id, a.at, a.actor_user_id, u.email AS actor_email, a.action, a.entity, a.entity_id,
                    a.before_json, a.after_json
             FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
             WHERE ($1 IS NULL OR a.entity = $1) AND ($2 IS NULL OR a.entity_id = $2)
               AND ($3 IS NULL OR u.email_normalized = $3) AND ($4 IS NULL OR a.action = $4)
             ORDER BY a.id DESC LIMIT $5 OFFSET $6",
        )
        .bind(empty_as_none(&filter.entity))
        .bind(empty_as_none(&filter.entity_id))
        .bind(empty_as_none(&filter.actor).map(actor_key))
        .bind(empty_as_none(&filter.action))
        .bind(PAGE_SIZE)
        .bind(crate::platform::paging::offset(page, PAGE_SIZE))
        .fetch_all(pool)
        .await
    })
}

/// The stored form of the actor's address typed into the filter; what is not an address matches nobody as typed.
fn actor_key(typed: String) -> String {
    crate::platform::identity::Email::parse(&typed).map_or(typed, |email| email.canonical().to_owned())
}
