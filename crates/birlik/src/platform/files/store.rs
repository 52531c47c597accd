//! The only code that touches the `documents` table.

use serde_json::json;

use crate::platform::audit::Change;
use crate::platform::change::{self, Event, Outbox, REGISTRY};
use crate::platform::db::{Db, now};
use crate::platform::files::storage::{Received, Storage};
use crate::platform::files::{Document, ItemKind, NewDocument};
use crate::{audit, with_read, with_write};

const COLUMNS: &str = "id, item_kind, item_id, title, lang, version_of, sha256, size, content_type, original_name, \
                       uploaded_by, uploaded_at, archived_at";

/// Why a document was not stored.
#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    /// Its group already has a (live) version in this language.
    #[error("a version in this language exists")]
    LanguageTaken,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}

/// Stores a document: its row and audit entry in one transaction, and its file moved to its content address
/// before the commit, so that a committed row always has its file. If anything fails, the transaction rolls back
/// and the temporary file goes (a file that reached its address stays: the same content may be another row's).
pub async fn create(
    db: &Db,
    storage: &Storage,
    actor: Option<i64>,
    input: &NewDocument,
    file: Received,
) -> Result<Document, CreateError> {
    let at = now();
    let size = i64::try_from(file.size).map_err(|e| std::io::Error::other(e.to_string()))?;
    let sha256 = file.sha256.clone();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let inserted = sqlx::query_as::<_, Document>(sqlx::AssertSqlSafe(format!(
            "INSERT INTO documents (item_kind, item_id, title, lang, version_of, sha256, size, content_type,
                                    original_name, uploaded_by, uploaded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING {COLUMNS}"
        )))
        .bind(input.item_kind).bind(input.item_id).bind(&input.title).bind(input.lang.code()).bind(input.version_of)
        .bind(&sha256).bind(size).bind(input.content_type).bind(&input.original_name).bind(actor).bind(&at)
        .fetch_one(&mut *tx)
        .await;
        let document = match inserted {
            Ok(document) => document,
            Err(e) if is_unique_violation(&e) => return Err(CreateError::LanguageTaken),
            Err(e) => return Err(e.into()),
        };
        audit!(tx, &Change { actor, action: "create", entity: "document", entity_id: document.id.to_string(),
            before: None, after: Some(json!(document)), at: &at })?;
        file.keep(storage).await?;
        // Documents show on their item's pages, which all read the registry.
        tx.emit(&[Event::new(REGISTRY, "document.changed")]).await?;
        tx.commit().await?;
        change::committed(&[REGISTRY]);
        Ok(document)
    })
}

pub async fn document(db: &Db, id: i64) -> sqlx::Result<Option<Document>> {
    with_read!(db, pool => {
        sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM documents WHERE id = $1")))
            .bind(id)
            .fetch_optional(pool)
            .await
    })
}

/// The live (not archived) documents of an item, oldest first.
pub async fn for_item(db: &Db, kind: ItemKind, id: i64) -> sqlx::Result<Vec<Document>> {
    with_read!(db, pool => {
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM documents WHERE item_kind = $1 AND item_id = $2 AND archived_at IS NULL ORDER BY id"
        )))
        .bind(kind)
        .bind(id)
        .fetch_all(pool)
        .await
    })
}

/// How many rows hold this content (live or archived).
pub async fn count_with_content(db: &Db, sha256: &str) -> sqlx::Result<i64> {
    with_read!(db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM documents WHERE sha256 = $1").bind(sha256).fetch_one(pool).await
    })
}

/// Archives a document, and with an original its versions, each with its audit entry, in one transaction.
/// Archived documents are neither listed nor served; their rows and files stay.
pub async fn archive(db: &Db, actor: Option<i64>, document: &Document) -> sqlx::Result<Vec<Document>> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let archived: Vec<Document> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "UPDATE documents SET archived_at = $1 WHERE archived_at IS NULL AND (id = $2 OR version_of = $2)
             RETURNING {COLUMNS}"
        )))
        .bind(&at)
        .bind(document.id)
        .fetch_all(&mut *tx)
        .await?;
        for after in &archived {
            let before = Document { archived_at: None, ..after.clone() };
            audit!(tx, &Change { actor, action: "archive", entity: "document", entity_id: after.id.to_string(),
                before: Some(json!(before)), after: Some(json!(after)), at: &at })?;
        }
        // Documents show on their item's pages, which all read the registry.
        tx.emit(&[Event::new(REGISTRY, "document.changed")]).await?;
        tx.commit().await?;
        change::committed(&[REGISTRY]);
        Ok(archived)
    })
}
