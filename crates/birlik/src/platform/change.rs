//! The change kernel's outbox. A write leaves its events in the `events` table inside its own transaction
//! ([`Outbox::emit`]), beside its rows and its audit entry; after the commit it tells this process which
//! [`Scope`]s changed ([`committed`]), so that pages cached from them are never served again here.
//!
//! The [`Worker`] then reads the committed events, on every server:
//! - every server drops what it cached of each event's scope, its own writes and other servers' alike (PostgreSQL
//!   wakes every server with `NOTIFY` at each commit; a one-second look at the table covers a lost notification);
//! - one server applies each event's lasting effects once (the handlers capabilities register by kind), and marks
//!   it applied: events survive a crash and are applied at the next start. PostgreSQL takes events with
//!   `FOR UPDATE SKIP LOCKED`, so that two servers never take the same one.
//!
//! Votes leave no event: their log is already their outbox (the analyst reads it by id, and finds at start every
//! consultation whose votes are newer than its analysis), and an event row per group commit would add a write to
//! the busiest path for nothing.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, RwLock};
use std::time::Duration;

use tokio::sync::{Notify, watch};

use crate::platform::db::{Db, now};
use crate::with_read;

/// What a change touched: an area as a whole (`item` = None) or one item of it. Pages are cached by the scopes
/// they read, and dropped when one of them changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Scope {
    pub area: &'static str,
    pub item: Option<i64>,
}

impl Scope {
    pub const fn all(area: &'static str) -> Scope {
        Scope { area, item: None }
    }

    pub const fn item(area: &'static str, id: i64) -> Scope {
        Scope { area, item: Some(id) }
    }
}

/// The registry: regions, groups, bodies, associations, members, and the search index made of them.
pub const REGISTRY: Scope = Scope::all("registry");

/// One event of a change, as a write emits it.
#[derive(Clone, Copy, Debug)]
pub struct Event {
    pub scope: Scope,
    /// What happened, e.g. `registry.changed`, `consultation.analysed`; handlers are registered by kind.
    pub kind: &'static str,
    /// The one thing inside the scope the event is about, when there is one (a statement of a consultation).
    pub subject: Option<i64>,
}

impl Event {
    pub const fn new(scope: Scope, kind: &'static str) -> Event {
        Event { scope, kind, subject: None }
    }

    /// The event about `subject`, one thing inside its scope.
    pub const fn about(self, subject: i64) -> Event {
        Event { subject: Some(subject), ..self }
    }
}

/// An event as stored, read back by the worker.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StoredEvent {
    pub id: i64,
    pub area: String,
    pub item_id: Option<i64>,
    pub kind: String,
    pub subject_id: Option<i64>,
    pub at: String,
}

/// Writes events inside the caller's transaction, on either backend.
pub trait Outbox {
    fn emit(&mut self, events: &[Event]) -> impl Future<Output = sqlx::Result<()>> + Send;
}

macro_rules! insert_events {
    ($conn:expr, $events:expr) => {{
        let at = now();
        let mut q = sqlx::QueryBuilder::new("INSERT INTO events (area, item_id, kind, subject_id, at) ");
        q.push_values($events, |mut b, e| {
            b.push_bind(e.scope.area)
                .push_bind(e.scope.item)
                .push_bind(e.kind)
                .push_bind(e.subject)
                .push_bind(at.clone());
        });
        q.build().execute(&mut *$conn).await
    }};
}

impl Outbox for sqlx::SqliteConnection {
    async fn emit(&mut self, events: &[Event]) -> sqlx::Result<()> {
        if !events.is_empty() {
            insert_events!(self, events)?;
        }
        Ok(())
    }
}

/// The channel every server listens on.
const CHANNEL: &str = "birlik_events";

impl Outbox for sqlx::PgConnection {
    async fn emit(&mut self, events: &[Event]) -> sqlx::Result<()> {
        if !events.is_empty() {
            insert_events!(self, events)?;
            // Delivered to every listening server when (and only if) the transaction commits.
            sqlx::query("SELECT pg_notify($1, '')").bind(CHANNEL).execute(&mut *self).await?;
        }
        Ok(())
    }
}

/// Generations of the scopes this process has seen change; a cached page remembers the sum of its scopes'.
static GENERATIONS: LazyLock<RwLock<HashMap<Scope, u64>>> = LazyLock::new(Default::default);
static WAKE: LazyLock<Notify> = LazyLock::new(Notify::new);

/// After a commit: the scopes changed, so what was cached of them is stale at once in this process; the worker
/// is woken to apply the events' effects.
pub fn committed(scopes: &[Scope]) {
    bump(scopes);
    WAKE.notify_one();
}

fn bump(scopes: &[Scope]) {
    if let Ok(mut generations) = GENERATIONS.write() {
        for scope in scopes {
            *generations.entry(*scope).or_default() += 1;
        }
    }
}

/// The generation of a set of scopes: it changes whenever one of them changes.
pub fn generation(scopes: &[Scope]) -> u64 {
    let Ok(generations) = GENERATIONS.read() else { return u64::MAX };
    scopes.iter().map(|s| generations.get(s).copied().unwrap_or(0)).fold(0, u64::wrapping_add)
}

/// Marks events applied, on whichever backend's executor.
macro_rules! mark_applied {
    ($executor:expr, $ids:expr) => {{
        let ids: &[i64] = $ids;
        if !ids.is_empty() {
            let mut q = sqlx::QueryBuilder::new("UPDATE events SET applied_at = ");
            q.push_bind(now()).push(" WHERE id IN (");
            let mut list = q.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            q.push(")");
            q.build().execute($executor).await?;
        }
    }};
}

type Handler = Arc<dyn Fn(StoredEvent) -> Pin<Box<dyn Future<Output = anyhow::Result<()>> + Send>> + Send + Sync>;

/// Events taken per round.
const BATCH: i64 = 500;

/// Applies committed events: drops what this server cached of them, and applies each event's lasting effects
/// once (with several servers, on one of them).
pub struct Worker {
    db: Db,
    handlers: RwLock<HashMap<&'static str, Vec<Handler>>>,
    /// What every server does for an event of a kind (keep what it alone holds, e.g. its search index, current).
    local: RwLock<HashMap<&'static str, Vec<Handler>>>,
    /// The last event id whose scopes this server has dropped from its caches.
    seen: AtomicU64,
    /// The last event id this server has seen, published after a round left nothing pending (tests wait on it).
    settled: watch::Sender<i64>,
}

impl Worker {
    /// A worker for `db`, to which capabilities register their handlers before it [`runs`](Worker::run).
    pub fn new(db: Db) -> Arc<Worker> {
        Arc::new(Worker {
            db,
            handlers: Default::default(),
            local: Default::default(),
            seen: AtomicU64::new(u64::MAX),
            settled: watch::channel(0).0,
        })
    }

    /// Starts applying events, once every handler is registered (an event with no handler is marked applied).
    /// Events committed before the start have no cached pages here (caches start empty), but their lasting effects
    /// are applied if no server applied them yet.
    pub fn run(self: &Arc<Worker>) {
        let runner = self.clone();
        tokio::spawn(async move {
            runner.begin().await;
            loop {
                if let Err(e) = runner.round().await {
                    tracing::error!(error = %e, "events not applied; tried again shortly");
                }
                let _ = tokio::time::timeout(Duration::from_secs(1), WAKE.notified()).await;
            }
        });
    }

    /// Starts from the newest event, and on PostgreSQL listens for other servers' commits.
    async fn begin(&self) {
        let last: sqlx::Result<(Option<i64>,)> = with_read!(&self.db, pool => {
            sqlx::query_as("SELECT MAX(id) FROM events").fetch_one(pool).await
        });
        let last = last.map_or(0, |l| l.0.unwrap_or(0));
        self.seen.store(u64::try_from(last).unwrap_or(0), Ordering::Release);
        if let Db::Postgres(pool) = &self.db {
            match sqlx::postgres::PgListener::connect_with(pool).await {
                Ok(mut listener) => match listener.listen(CHANNEL).await {
                    Ok(()) => {
                        tokio::spawn(async move {
                            // Each notification wakes the worker; sqlx reconnects a dropped connection, and the
                            // periodic look at the table covers what was missed meanwhile.
                            while listener.recv().await.is_ok() {
                                WAKE.notify_one();
                            }
                        });
                    }
                    Err(e) => tracing::error!(error = %e, "not listening for other servers' changes"),
                },
                Err(e) => tracing::error!(error = %e, "not listening for other servers' changes"),
            }
        }
    }

    /// Registers what to do, once, for each committed event of `kind` (e.g. notify followers, start a timer).
    /// A handler that fails leaves the event pending: it is tried again at the next round.
    pub fn on<F, Fut>(&self, kind: &'static str, handler: F)
    where
        F: Fn(StoredEvent) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = anyhow::Result<()>> + Send + 'static,
    {
        let handler: Handler = Arc::new(move |event| Box::pin(handler(event)));
        if let Ok(mut handlers) = self.handlers.write() {
            handlers.entry(kind).or_default().push(handler);
        }
        WAKE.notify_one();
    }

    /// Registers what every server does for each committed event of `kind`, whichever server wrote it: keep what
    /// it alone holds (its search index) current. Runs after the server has dropped the event's cached pages; a
    /// failure is logged, not retried (what such a handler keeps is derived and can be rebuilt).
    pub fn on_each_server<F, Fut>(&self, kind: &'static str, handler: F)
    where
        F: Fn(StoredEvent) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = anyhow::Result<()>> + Send + 'static,
    {
        let handler: Handler = Arc::new(move |event| Box::pin(handler(event)));
        if let Ok(mut local) = self.local.write() {
            local.entry(kind).or_default().push(handler);
        }
    }

    /// Waits until every event committed so far has been seen and applied (tests, instead of polling).
    pub async fn settled(&self) -> anyhow::Result<()> {
        let last: (Option<i64>,) = with_read!(&self.db, pool => {
            sqlx::query_as("SELECT MAX(id) FROM events").fetch_one(pool).await
        })?;
        let target = last.0.unwrap_or(0);
        WAKE.notify_one();
        let mut settled = self.settled.subscribe();
        tokio::time::timeout(Duration::from_secs(30), settled.wait_for(|id| *id >= target)).await??;
        Ok(())
    }

    async fn round(&self) -> anyhow::Result<()> {
        self.drop_cached().await?;
        // Settled only when nothing is left pending here: a failed handler keeps its event (and waiters) back.
        if self.apply_pending().await? {
            let seen = i64::try_from(self.seen.load(Ordering::Acquire)).unwrap_or(i64::MAX);
            self.settled.send_replace(seen);
        }
        Ok(())
    }

    /// Drops what this server cached of every event committed since the last round, by any server.
    async fn drop_cached(&self) -> anyhow::Result<()> {
        loop {
            let after = i64::try_from(self.seen.load(Ordering::Acquire)).unwrap_or(i64::MAX);
            if after == i64::MAX {
                return Ok(()); // not begun
            }
            let events: Vec<StoredEvent> = with_read!(&self.db, pool => {
                sqlx::query_as("SELECT id, area, item_id, kind, subject_id, at FROM events WHERE id > $1 ORDER BY id LIMIT $2")
                    .bind(after)
                    .bind(BATCH)
                    .fetch_all(pool)
                    .await
            })?;
            let Some(last) = events.last().map(|e| e.id) else { return Ok(()) };
            let scopes: Vec<Scope> = events.iter().filter_map(|e| known_scope(&e.area, e.item_id)).collect();
            bump(&scopes);
            self.apply_locally(&events).await;
            self.seen.store(u64::try_from(last).unwrap_or(0), Ordering::Release);
            if (events.len() as i64) < BATCH {
                return Ok(());
            }
        }
    }

    async fn apply_locally(&self, events: &[StoredEvent]) {
        for event in events {
            let handlers: Vec<Handler> =
                self.local.read().map(|h| h.get(event.kind.as_str()).cloned().unwrap_or_default()).unwrap_or_default();
            for handler in handlers {
                if let Err(e) = handler(event.clone()).await {
                    tracing::error!(event = event.id, kind = %event.kind, error = %e, "event not applied on this server");
                }
            }
        }
    }

    /// Applies the lasting effects of pending events once; true when every pending event it took was applied.
    async fn apply_pending(&self) -> anyhow::Result<bool> {
        const PENDING: &str =
            "SELECT id, area, item_id, kind, subject_id, at FROM events WHERE applied_at IS NULL ORDER BY id LIMIT $1";
        loop {
            let (read, applied) = match &self.db {
                // The handlers may write: on SQLite (one server, one writer) the events are read, applied, then
                // marked, so that no transaction holds the one write connection meanwhile.
                Db::Sqlite { read, write } => {
                    let events: Vec<StoredEvent> = sqlx::query_as(PENDING).bind(BATCH).fetch_all(read).await?;
                    let applied = self.apply_all(&events).await;
                    mark_applied!(write, &applied);
                    (events.len(), applied)
                }
                // With several servers, each pending event is taken by one (SKIP LOCKED) and held until marked.
                Db::Postgres(pool) => {
                    let mut tx = pool.begin().await?;
                    let events: Vec<StoredEvent> =
                        sqlx::query_as(sqlx::AssertSqlSafe(format!("{PENDING} FOR UPDATE SKIP LOCKED")))
                            .bind(BATCH)
                            .fetch_all(&mut *tx)
                            .await?;
                    let applied = self.apply_all(&events).await;
                    mark_applied!(&mut *tx, &applied);
                    tx.commit().await?;
                    (events.len(), applied)
                }
            };
            if applied.len() < read {
                return Ok(false);
            }
            if (read as i64) < BATCH {
                return Ok(true);
            }
        }
    }

    /// Applies events in order, stopping at the first failure so that effects keep the order of their events.
    async fn apply_all(&self, events: &[StoredEvent]) -> Vec<i64> {
        let mut applied = Vec::new();
        for event in events {
            if let Err(e) = self.apply(event).await {
                tracing::error!(event = event.id, kind = %event.kind, error = %e, "event not applied; tried again");
                break;
            }
            applied.push(event.id);
        }
        applied
    }

    async fn apply(&self, event: &StoredEvent) -> anyhow::Result<()> {
        let handlers: Vec<Handler> =
            self.handlers.read().map(|h| h.get(event.kind.as_str()).cloned().unwrap_or_default()).unwrap_or_default();
        for handler in handlers {
            handler(event.clone()).await?;
        }
        Ok(())
    }
}

/// The scope of a stored event, among the areas this binary knows (their names are `&'static str`).
fn known_scope(area: &str, item: Option<i64>) -> Option<Scope> {
    let areas = AREAS.read().ok()?;
    let area = areas.iter().copied().find(|a| *a == area)?;
    Some(Scope { area, item })
}

static AREAS: LazyLock<RwLock<Vec<&'static str>>> = LazyLock::new(|| RwLock::new(vec![REGISTRY.area]));

/// Makes an area known, so that events of other servers in it drop what this server cached (capabilities call it
/// for their areas at start).
pub fn area(name: &'static str) {
    if let Ok(mut areas) = AREAS.write()
        && !areas.contains(&name)
    {
        areas.push(name);
    }
}
