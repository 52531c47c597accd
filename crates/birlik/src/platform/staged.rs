//! Staged imports: a large import written in short transactions and shown all at once.
//!
//! One transaction of 200,000 rows holds SQLite's only write lock for seconds (the collation-key indexes are
//! random B-tree inserts), and votes wait behind it. So an import is written in chunks, each a short transaction
//! of its own, into rows marked with the import's id; every read of such a table hides the rows of an import that
//! has not finished ([`shown!`]). The import's last transaction sets `finished_at`: one row, one flip, and
//! readers see all of it or none of it. A chunk also beats the import's heartbeat; an import whose process died
//! stops beating, and [`abandoned`] names it for its capability to remove.

use std::time::Duration;

use crate::platform::db::{Db, now};
use crate::with_write;

/// The SQL condition that a row of a staged table (one with an `import_id` column) is shown: it was not imported,
/// or its import has finished. A literal, so that static queries can `concat!` it.
#[macro_export]
macro_rules! shown {
    () => {
        "import_id NOT IN (SELECT id FROM imports WHERE finished_at IS NULL)"
    };
}

/// An import that has not beaten its heartbeat for this long is taken for dead. Chunks come well under a
/// second apart, so a live import is never mistaken for one.
pub const STALE_AFTER: Duration = Duration::from_secs(120);

/// Starts an import: its rows are hidden until [`staged_finish!`].
pub async fn begin(db: &Db) -> sqlx::Result<i64> {
    let at = now();
    with_write!(db, pool => {
        sqlx::query_scalar("INSERT INTO imports (started_at, heartbeat_at) VALUES ($1, $1) RETURNING id")
            .bind(&at)
            .fetch_one(pool)
            .await
    })
}

/// Beats the import's heartbeat inside a chunk's open transaction `$tx`; returns [`Abandoned`] when the import
/// was given up for dead meanwhile (its rows were removed: the chunk must not add more).
#[macro_export]
macro_rules! staged_beat {
    ($tx:expr, $import:expr) => {
        $crate::staged_stamp!($tx, $import, "heartbeat_at")
    };
}

/// Shows every row of the import, inside the open transaction `$tx` that carries its audit entry and events;
/// returns [`Abandoned`] when the import was given up for dead meanwhile.
#[macro_export]
macro_rules! staged_finish {
    ($tx:expr, $import:expr) => {
        $crate::staged_stamp!($tx, $import, "finished_at")
    };
}

/// Sets a time column of an unfinished import (the two macros above), or returns [`Abandoned`].
#[doc(hidden)]
#[macro_export]
macro_rules! staged_stamp {
    ($tx:expr, $import:expr, $column:literal) => {{
        let done = sqlx::query(concat!("UPDATE imports SET ", $column, " = $1 WHERE id = $2 AND finished_at IS NULL"))
            .bind($crate::platform::db::now())
            .bind($import)
            .execute(&mut *$tx)
            .await?;
        if done.rows_affected() != 1 {
            return Err($crate::platform::staged::Abandoned.into());
        }
    }};
}

/// Forgets an unfinished import inside the open transaction `$tx`, after its capability removed its rows.
#[macro_export]
macro_rules! staged_forget {
    ($tx:expr, $import:expr) => {{
        sqlx::query("DELETE FROM imports WHERE id = $1 AND finished_at IS NULL")
            .bind($import)
            .execute(&mut *$tx)
            .await?;
    }};
}

/// An import was given up for dead while it still ran (it stood still longer than [`STALE_AFTER`]), and its rows
/// were removed: it must be run again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Abandoned;

impl std::fmt::Display for Abandoned {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the import stood still too long and was given up; run it again")
    }
}

impl std::error::Error for Abandoned {}

/// Unfinished imports whose heartbeat is `stale` old or older (their process died or gave up).
pub async fn abandoned(db: &Db, stale: Duration) -> sqlx::Result<Vec<i64>> {
    let cutoff = time::OffsetDateTime::now_utc() - stale;
    let cutoff = cutoff
        .replace_nanosecond(0)
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_default();
    with_write!(db, pool => {
        sqlx::query_scalar("SELECT id FROM imports WHERE finished_at IS NULL AND heartbeat_at <= $1 ORDER BY id")
            .bind(cutoff)
            .fetch_all(pool)
            .await
    })
}
