//! The SQL of timers: the only code that touches the `jobs` table. Scheduling and cancelling take the caller's
//! connection (a transaction, usually); claiming is per backend, side by side.

use crate::platform::audit::Change;
use crate::platform::db::Db;
use crate::platform::jobs::{JobState, NewJob, OnConflict};
use crate::{audit, with_read, with_write};

/// Scheduling and cancelling inside the caller's transaction, on either backend:
/// `tx.schedule(&job).await?` where `tx` is a `Transaction` of the pool `with_write!` binds (`&mut *tx` derefs to
/// the connection). The worker learns of a job scheduled this way at its next look (at most `Config::poll`), or at
/// once if the caller calls `Jobs::wake` after the commit.
pub trait Schedule {
    /// Inserts `job`; an existing job of the same (kind, key) is replaced or kept, as `job.on_conflict` says.
    fn schedule(&mut self, job: &NewJob) -> impl std::future::Future<Output = sqlx::Result<()>> + Send;

    /// Removes the job (kind, key) whatever its state; true when there was one. A run in progress finishes, but
    /// its outcome is not recorded.
    fn cancel(&mut self, kind: &str, key: &str) -> impl std::future::Future<Output = sqlx::Result<bool>> + Send;
}

const INSERT: &str = "INSERT INTO jobs (kind, key, payload, due_at, attempts, state, created_at)
     VALUES ($1, $2, $3, $4, 0, 'pending', $5)
     ON CONFLICT (kind, key) DO UPDATE SET payload = excluded.payload, due_at = excluded.due_at, attempts = 0,
         last_error = NULL, state = 'pending', locked_by = NULL, locked_until = NULL,
         created_at = excluded.created_at, done_at = NULL";

macro_rules! impl_schedule {
    ($connection:ty) => {
        impl Schedule for $connection {
            async fn schedule(&mut self, job: &NewJob) -> sqlx::Result<()> {
                let sql = match job.on_conflict {
                    OnConflict::Replace => sqlx::AssertSqlSafe(INSERT.to_owned()),
                    OnConflict::Keep => sqlx::AssertSqlSafe(format!("{INSERT} WHERE jobs.state = 'done'")),
                };
                sqlx::query(sql)
                    .bind(&job.kind)
                    .bind(&job.key)
                    .bind(job.payload.to_string())
                    .bind(job.due_at)
                    .bind(job.created_at)
                    .execute(&mut *self)
                    .await
                    .map(|_| ())
            }

            async fn cancel(&mut self, kind: &str, key: &str) -> sqlx::Result<bool> {
                let done = sqlx::query("DELETE FROM jobs WHERE kind = $1 AND key = $2")
                    .bind(kind)
                    .bind(key)
                    .execute(&mut *self)
                    .await?;
                Ok(done.rows_affected() > 0)
            }
        }
    };
}

impl_schedule!(sqlx::SqliteConnection);
impl_schedule!(sqlx::PgConnection);

/// A job this worker has taken.
#[derive(Debug, sqlx::FromRow)]
pub struct Claimed {
    pub id: i64,
    pub kind: String,
    pub key: String,
    pub payload: String,
    pub attempts: i64,
}

/// Takes up to `limit` jobs due at `now` (pending ones, and running ones whose lease ended: their worker died),
/// marks them running under `worker` until `lease_end`, and counts the attempt. Exactly one worker takes each:
/// SQLite has one writer and this is one statement; PostgreSQL skips the rows another worker has locked.
pub async fn claim(db: &Db, worker: &str, now: i64, lease_end: i64, limit: i64) -> sqlx::Result<Vec<Claimed>> {
    match db {
        Db::Sqlite { write, .. } => {
            sqlx::query_as(
                "UPDATE jobs SET state = 'running', locked_by = $1, locked_until = $2, due_at = $2,
                        attempts = attempts + 1
                 WHERE id IN (SELECT id FROM jobs WHERE state IN ('pending', 'running') AND due_at <= $3
                              ORDER BY due_at LIMIT $4)
                 RETURNING id, kind, key, payload, attempts",
            )
            .bind(worker)
            .bind(lease_end)
            .bind(now)
            .bind(limit)
            .fetch_all(write)
            .await
        }
        Db::Postgres(pool) => {
            sqlx::query_as(
                "WITH due AS (
                     SELECT id FROM jobs WHERE state IN ('pending', 'running') AND due_at <= $3
                     ORDER BY due_at LIMIT $4 FOR UPDATE SKIP LOCKED)
                 UPDATE jobs SET state = 'running', locked_by = $1, locked_until = $2, due_at = $2,
                        attempts = jobs.attempts + 1
                 FROM due WHERE jobs.id = due.id
                 RETURNING jobs.id, jobs.kind, jobs.key, jobs.payload, jobs.attempts",
            )
            .bind(worker)
            .bind(lease_end)
            .bind(now)
            .bind(limit)
            .fetch_all(pool)
            .await
        }
    }
}

/// What became of a job this worker ran.
#[derive(Debug)]
pub enum Finish {
    Done {
        id: i64,
        at: i64,
    },
    /// A recurring job, due again.
    Again {
        id: i64,
        due_at: i64,
    },
    /// Failed; tried again at `due_at`.
    Retry {
        id: i64,
        due_at: i64,
        error: String,
    },
    /// Failed too often at `at`; waits for an operator.
    Park {
        id: i64,
        at: i64,
        error: String,
    },
}

/// Records the outcomes of one batch in one transaction (one commit for many jobs). A job scheduled again or
/// cancelled while it ran (no longer locked by `worker`) keeps what was done to it.
pub async fn finish(db: &Db, worker: &str, outcomes: &[Finish]) -> sqlx::Result<()> {
    const GUARD: &str = "AND locked_by = $2 AND state = 'running'";
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        for outcome in outcomes {
            let (sql, id, time, error) = match outcome {
                Finish::Done { id, at } => (
                    "UPDATE jobs SET state = 'done', done_at = $3, last_error = $4, locked_by = NULL,
                            locked_until = NULL WHERE id = $1",
                    id, *at, None,
                ),
                Finish::Again { id, due_at } => (
                    "UPDATE jobs SET state = 'pending', due_at = $3, attempts = 0, last_error = $4,
                            locked_by = NULL, locked_until = NULL WHERE id = $1",
                    id, *due_at, None,
                ),
                Finish::Retry { id, due_at, error } => (
                    "UPDATE jobs SET state = 'pending', due_at = $3, last_error = $4, locked_by = NULL,
                            locked_until = NULL WHERE id = $1",
                    id, *due_at, Some(error.as_str()),
                ),
                Finish::Park { id, at, error } => (
                    "UPDATE jobs SET state = 'parked', due_at = $3, last_error = $4, locked_by = NULL,
                            locked_until = NULL WHERE id = $1",
                    id, *at, Some(error.as_str()),
                ),
            };
            sqlx::query(sqlx::AssertSqlSafe(format!("{sql} {GUARD}")))
                .bind(id)
                .bind(worker)
                .bind(time)
                .bind(error)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await
    })
}

/// When the worker must next look: the earliest `due_at` of a waiting or running job (by the partial index).
pub async fn next_due(db: &Db) -> sqlx::Result<Option<i64>> {
    with_read!(db, pool => {
        sqlx::query_scalar("SELECT due_at FROM jobs WHERE state IN ('pending', 'running') ORDER BY due_at LIMIT 1")
            .fetch_optional(pool)
            .await
    })
}

/// Forgets done jobs finished before `before`.
pub async fn forget_done(db: &Db, before: i64) -> sqlx::Result<u64> {
    with_write!(db, pool => {
        sqlx::query("DELETE FROM jobs WHERE state = 'done' AND done_at < $1")
            .bind(before)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })
}

/// A job as stored.
#[derive(Clone, Debug, serde::Serialize, sqlx::FromRow)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    pub key: String,
    pub payload: String,
    pub due_at: i64,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub state: JobState,
    pub created_at: i64,
    pub done_at: Option<i64>,
}

const JOB_COLUMNS: &str = "id, kind, key, payload, due_at, attempts, last_error, state, created_at, done_at";

/// The job (kind, key), if any.
pub async fn get(db: &Db, kind: &str, key: &str) -> sqlx::Result<Option<Job>> {
    with_read!(db, pool => {
        sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT {JOB_COLUMNS} FROM jobs WHERE kind = $1 AND key = $2")))
            .bind(kind)
            .bind(key)
            .fetch_optional(pool)
            .await
    })
}

/// Parked jobs, oldest first (at most `limit`).
pub async fn parked(db: &Db, limit: i64) -> sqlx::Result<Vec<Job>> {
    with_read!(db, pool => {
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {JOB_COLUMNS} FROM jobs WHERE state = 'parked' ORDER BY id LIMIT $1"
        )))
        .bind(limit)
        .fetch_all(pool)
        .await
    })
}

/// Jobs of these kinds that failed at least once and are not done: retrying or parked, newest first.
pub async fn failing(db: &Db, kinds: &[&str], limit: i64) -> sqlx::Result<Vec<Job>> {
    with_read!(db, pool => {
        let mut q = sqlx::QueryBuilder::new(format!(
            "SELECT {JOB_COLUMNS} FROM jobs WHERE last_error IS NOT NULL AND state <> 'done' AND kind IN ("
        ));
        let mut list = q.separated(", ");
        for kind in kinds {
            list.push_bind(*kind);
        }
        q.push(") ORDER BY id DESC LIMIT ").push_bind(limit);
        q.build_query_as().fetch_all(pool).await
    })
}

/// An operator sends a parked job back to the queue, due at `now`, with its attempts counted afresh; the audit
/// log records who did. False when the job is not parked (retried already, or gone).
pub async fn retry(db: &Db, id: i64, now: i64, actor: i64, at: &str) -> sqlx::Result<bool> {
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let retried: Option<(String, String)> = sqlx::query_as(
            "UPDATE jobs SET state = 'pending', due_at = $2, attempts = 0 WHERE id = $1 AND state = 'parked'
             RETURNING kind, key",
        )
        .bind(id)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((kind, key)) = retried else { return Ok(false) };
        let change = Change {
            actor: Some(actor),
            action: "retry",
            entity: "job",
            entity_id: id.to_string(),
            before: Some(serde_json::json!({ "kind": kind, "key": key, "state": "parked" })),
            after: Some(serde_json::json!({ "kind": kind, "key": key, "state": "pending" })),
            at,
        };
        audit!(tx, &change)?;
        tx.commit().await?;
        Ok(true)
    })
}
