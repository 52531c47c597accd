//! The one database handle, over SQLite (default) or PostgreSQL (chosen by URL).
//!
//! Only this module knows which backend runs. Stores write their SQL once with `$1` placeholders (both backends
//! accept them) and run it through [`with_read!`] / [`with_write!`], which expand the same code for each pool.
//! SQLite has a single writer, so writes go through a one-connection pool and never meet `SQLITE_BUSY`.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

#[derive(Clone, Debug)]
pub enum Db {
    Sqlite { read: SqlitePool, write: SqlitePool },
    Postgres(PgPool),
}

/// Runs `$body` with `$pool` bound to a pool that may read.
#[macro_export]
macro_rules! with_read {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::platform::db::Db::Sqlite { read: $pool, .. } => $body,
            $crate::platform::db::Db::Postgres($pool) => $body,
        }
    };
}

/// Runs `$body` with `$pool` bound to the pool that writes.
#[macro_export]
macro_rules! with_write {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::platform::db::Db::Sqlite { write: $pool, .. } => $body,
            $crate::platform::db::Db::Postgres($pool) => $body,
        }
    };
}

/// Ids reserved for rows a transaction is about to insert together with multi-row inserts (which do not say which
/// row got which id). Per backend: the only place outside the stores that knows how ids are drawn.
pub trait ReserveIds {
    /// Reserves `n` consecutive ids of `table` (a constant name) and returns the first. On SQLite it also takes
    /// the write lock at once, so that the transaction never fails for a write that committed after its first read.
    fn reserve_ids(
        &mut self,
        table: &'static str,
        n: usize,
    ) -> impl std::future::Future<Output = sqlx::Result<i64>> + Send;
}

/// Ids reserved for good: the block stays drawn after the transaction, whatever else is inserted meanwhile, so that a
/// staged import (`platform::staged`) knows every row's id before it writes and writes in many transactions.
pub trait ReserveBlock {
    /// Reserves `n` consecutive ids of `table` (a constant name, with AUTOINCREMENT on SQLite) and returns the first.
    fn reserve_block(
        &mut self,
        table: &'static str,
        n: usize,
    ) -> impl std::future::Future<Output = sqlx::Result<i64>> + Send;
}

impl ReserveBlock for sqlx::SqliteConnection {
    async fn reserve_block(&mut self, table: &'static str, n: usize) -> sqlx::Result<i64> {
        // AUTOINCREMENT draws above `seq`, and every `reserve_ids` above it too: raising it reserves the block.
        // (The table's row in sqlite_sequence exists once it ever had a row; made here otherwise.)
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO sqlite_sequence (name, seq) SELECT '{table}', COALESCE(MAX(id), 0) FROM {table}
             WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '{table}')"
        )))
        .execute(&mut *self)
        .await?;
        let n = i64::try_from(n).unwrap_or(i64::MAX);
        sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "UPDATE sqlite_sequence SET seq = MAX(seq, COALESCE((SELECT MAX(id) FROM {table}), 0)) + $1
             WHERE name = '{table}' RETURNING seq - $1 + 1"
        )))
        .bind(n)
        .fetch_one(&mut *self)
        .await
    }
}

impl ReserveBlock for sqlx::PgConnection {
    async fn reserve_block(&mut self, table: &'static str, n: usize) -> sqlx::Result<i64> {
        // The sequence is never rolled back: the block drawn by `reserve_ids` stays drawn.
        self.reserve_ids(table, n).await
    }
}

impl ReserveIds for sqlx::SqliteConnection {
    async fn reserve_ids(&mut self, table: &'static str, _n: usize) -> sqlx::Result<i64> {
        // A write first: it waits for the lock (busy_timeout) instead of failing later. Under the lock the largest
        // id drawn so far, in the table or by AUTOINCREMENT, is final.
        sqlx::query("UPDATE sqlite_sequence SET seq = seq WHERE name = $1").bind(table).execute(&mut *self).await?;
        let last: (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0),
                        COALESCE((SELECT MAX(id) FROM {table}), 0))"
        )))
        .fetch_one(&mut *self)
        .await?;
        Ok(last.0 + 1)
    }
}

impl ReserveIds for sqlx::PgConnection {
    async fn reserve_ids(&mut self, table: &'static str, n: usize) -> sqlx::Result<i64> {
        // Inserts into the table wait while the block is drawn, so that it is consecutive.
        sqlx::query(sqlx::AssertSqlSafe(format!("LOCK TABLE {table} IN EXCLUSIVE MODE"))).execute(&mut *self).await?;
        let first: (i64,) = sqlx::query_as(
            "SELECT setval(pg_get_serial_sequence($1, 'id'), nextval(pg_get_serial_sequence($1, 'id')) + $2 - 1) - $2 + 1",
        )
        .bind(table)
        .bind(i64::try_from(n.max(1)).unwrap_or(i64::MAX))
        .fetch_one(&mut *self)
        .await?;
        Ok(first.0)
    }
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

impl Db {
    /// Opens the database named by `url`, or the SQLite file `birlik.sqlite3` in `data_dir` when there is none.
    pub async fn connect(url: Option<&str>, data_dir: &Path) -> anyhow::Result<Db> {
        match url {
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                let pool = PgPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect(url)
                    .await?;
                Ok(Db::Postgres(pool))
            }
            Some(url) if url.starts_with("sqlite:") => Self::open_sqlite(SqliteConnectOptions::from_str(url)?).await,
            Some(url) => anyhow::bail!("unsupported database URL (use sqlite:… or postgres://…): {url}"),
            None => {
                std::fs::create_dir_all(data_dir)?;
                let file = data_dir.join("birlik.sqlite3");
                Self::open_sqlite(SqliteConnectOptions::new().filename(file)).await
            }
        }
    }

    async fn open_sqlite(options: SqliteConnectOptions) -> anyhow::Result<Db> {
        let options = options
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a commit is on disk before it is acknowledged, even across a power loss. Votes come in group
            // commits (consultations::votes), so one fsync carries many of them.
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(BUSY_WAIT)
            .foreign_keys(true);
        // No ping before each acquire (sqlx's default): a file cannot lose its connection, and the ping is one more
        // hand-off to the connection's thread for every query.
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .test_before_acquire(false)
            // Statement journals in memory: a multi-row statement inside a transaction (a group commit's insert of
            // many supports, say) keeps the pages it changes there until it ends, and past 64 KiB SQLite would
            // write them to a temporary file, thrown away at the commit.
            .connect_with(
                options
                    .clone()
                    .pragma("temp_store", "MEMORY")
                    // The log is copied into the database beside the writer (`checkpoint_beside_writer`); the
                    // writer's own copy, inside a commit, is only the backstop when nothing else copies it.
                    .pragma("wal_autocheckpoint", LOG_AT_MOST.to_string()),
            )
            .await?;
        let read = SqlitePoolOptions::new()
            .max_connections(8)
            .test_before_acquire(false)
            .connect_with(options.read_only(true))
            .await?;
        checkpoint_beside_writer(&write);
        Ok(Db::Sqlite { read, write })
    }

    pub async fn migrate(&self) -> anyhow::Result<()> {
        match self {
            Db::Sqlite { write, .. } => SQLITE_MIGRATIONS.run(write).await?,
            Db::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        Ok(())
    }

    pub fn backend(&self) -> &'static str {
        match self {
            Db::Sqlite { .. } => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }

    /// True when the database answers a trivial query.
    pub async fn is_healthy(&self) -> bool {
        with_read!(self, pool => sqlx::query("SELECT 1").execute(pool).await.is_ok())
    }

    /// A consistent online copy of the SQLite database (`VACUUM INTO`), safe while the server runs.
    pub async fn backup_to(&self, target: &Path) -> anyhow::Result<()> {
        match self {
            Db::Sqlite { write, .. } => {
                anyhow::ensure!(!target.exists(), "backup target already exists: {}", target.display());
                let target = target.to_str().ok_or_else(|| anyhow::anyhow!("backup path is not UTF-8"))?;
                sqlx::query("VACUUM INTO $1").bind(target).execute(write).await?;
                Ok(())
            }
            Db::Postgres(_) => anyhow::bail!("for PostgreSQL use pg_dump; `birlik backup` copies the SQLite database"),
        }
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite { read, write } => {
                read.close().await;
                write.close().await;
            }
            Db::Postgres(pool) => pool.close().await,
        }
    }
}

/// How long a connection waits for a lock another holds before it gives up with `SQLITE_BUSY`.
const BUSY_WAIT: Duration = Duration::from_secs(10);
/// The writer copies the log itself only past this many pages (4 KiB each): a backstop, see `checkpoint_beside_writer`.
const LOG_AT_MOST: u32 = 10_000;
/// Past this many pages in the log, the writer starts it over once everything in it has been copied.
const START_OVER_AT: i64 = 2_000;
/// How long the writer waits for readers still in the log before it gives up starting it over, this time.
const START_OVER_WAITS: Duration = Duration::from_millis(20);
/// How often the log is copied while writes come. Every copy ends with an `fsync` of the database file: looking 50
/// times a second cost the votes a tenth of their rate, looking 10 times kept it (BENCHMARKS.md, stop 27).
const BUSY_LOOKS: Duration = Duration::from_millis(100);
/// How often it is looked at when no write came since the last look.
const RESTING_LOOKS: Duration = Duration::from_millis(500);

/// What the copier knows of the log between two looks.
#[derive(Default)]
struct Log {
    pages: i64,
    resting: bool,
    /// Looks to let pass before the next try to start the log over: more after each try that readers held up.
    skip: u32,
    failed: u32,
}

impl Log {
    fn next_look(&self) -> Duration {
        if self.resting { RESTING_LOOKS } else { BUSY_LOOKS }
    }

    /// Records a look that found `pages` in the log, `copied` of them into the database; true when the log should
    /// be started over now. Only once all is copied: what is left to copy would be copied on the writer's path.
    fn seen(&mut self, pages: i64, copied: i64) -> bool {
        self.resting = pages == self.pages;
        self.pages = pages;
        if pages < START_OVER_AT || copied < pages {
            return false;
        }
        if self.skip > 0 {
            self.skip -= 1;
            return false;
        }
        true
    }

    fn tried_starting_over(&mut self, started_over: bool) {
        if started_over {
            self.failed = 0;
            self.pages = 0;
        } else {
            // A reader that stays (a long export, say) is waited for less often: 0, 2, 6, 14, … looks.
            self.failed = (self.failed + 1).min(6);
            self.skip = (1 << self.failed) - 2;
        }
    }
}

/// Copies the SQLite log into the database file on a connection of its own, so that the copying and its
/// `fsync` of the database file leave the writer's path (SQLite would otherwise do them inside the commit that
/// fills the log past 1,000 pages). Without readers SQLite starts the log over by itself; readers that never
/// stop keep it growing, so past [`START_OVER_AT`] pages the writer starts it over, waiting at most
/// [`START_OVER_WAITS`] for readers. Started when the database is opened, since the writer's own copy waits for
/// [`LOG_AT_MOST`] pages on that promise; the task ends when the database is closed.
fn checkpoint_beside_writer(write: &SqlitePool) {
    let write = write.clone();
    let copier = SqlitePoolOptions::new()
        .max_connections(1)
        .test_before_acquire(false)
        .connect_lazy_with(write.connect_options().as_ref().clone());
    tokio::spawn(async move {
        let mut log = Log::default();
        loop {
            tokio::time::sleep(log.next_look()).await;
            if write.is_closed() {
                break;
            }
            let copied =
                sqlx::query_as::<_, (i64, i64, i64)>("PRAGMA wal_checkpoint(PASSIVE)").fetch_one(&copier).await;
            let Ok((_, pages, copied)) = copied else { continue };
            if log.seen(pages, copied) {
                let started_over = start_log_over(&write).await.unwrap_or(false);
                log.tried_starting_over(started_over);
            }
        }
        copier.close().await;
    });
}

/// Starts the log over on the writer's own connection, so the writer never meets `SQLITE_BUSY` for it: it waits
/// only for this connection, at most [`START_OVER_WAITS`] plus the copying of what is left. True when it did.
async fn start_log_over(write: &SqlitePool) -> sqlx::Result<bool> {
    let mut writer = write.acquire().await?;
    let waits = START_OVER_WAITS.as_millis();
    sqlx::query(sqlx::AssertSqlSafe(format!("PRAGMA busy_timeout = {waits}"))).execute(&mut *writer).await?;
    let restarted =
        sqlx::query_as::<_, (i64, i64, i64)>("PRAGMA wal_checkpoint(RESTART)").fetch_one(&mut *writer).await;
    // The writer's patience is restored whatever happened: its other transactions wait as long as ever.
    let restored = sqlx::query(sqlx::AssertSqlSafe(format!("PRAGMA busy_timeout = {}", BUSY_WAIT.as_millis())))
        .execute(&mut *writer)
        .await;
    if restored.is_err() {
        // A writer that waits 20 ms for locks would fail other writes: it is dropped, and the pool opens another.
        writer.detach();
    }
    Ok(restarted?.0 == 0)
}

/// The current time as stored everywhere: RFC 3339 in UTC, which sorts as text on both backends.
pub fn now() -> String {
    time::OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .expect("zero nanoseconds is valid")
        .format(&time::format_description::well_known::Rfc3339)
        .expect("RFC 3339 formatting of a UTC time cannot fail")
}
