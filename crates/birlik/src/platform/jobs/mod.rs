//! Timers: "at this time, do this", stored in the database (reminders, deadlines, escalations, retention, purging
//! expired sessions).
//!
//! A capability registers a handler per kind at start-up ([`Jobs::register`], [`Jobs::register_every`]) and
//! schedules jobs, inside its own transaction ([`Schedule`]) or alone ([`Jobs::schedule_now`]). One worker task
//! per server sleeps until the earliest due job (or until woken by an earlier one), claims the due jobs — exactly
//! one worker takes each, however many servers share a PostgreSQL — runs their handlers and records the outcome:
//! done; due again (recurring kinds); failed, tried again after an exponential back-off; or, after
//! `Config::max_attempts`, parked with its error until an operator retries it (`/{lang}/admin/jobs`).
//!
//! A job whose time passed while no server ran fires at the next start; a job whose worker died is taken again
//! when its lease ends. A job whose handler succeeded is never run again; a crash between the handler's end and
//! the commit of its outcome (or a handler that outlives its lease) runs it again, so handlers are idempotent.
//!
//! The worker reads the time only from its [`Clock`]: tests move a [`ManualClock`] and call
//! [`Jobs::run_due_now`] instead of sleeping.

pub mod clock;
pub mod store;

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::Duration;

use base64::Engine;
use rand::RngCore;
use tokio::sync::{Notify, watch};

pub use clock::{Clock, ManualClock, SystemClock};
pub use store::Schedule;

use crate::platform::db::Db;
use crate::with_write;

/// A job's state, stored as text. A value that is none of these is a decoding error, never taken for pending.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, sqlx::Type)]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    Pending,
    Running,
    Done,
    Parked,
}

/// What scheduling a (kind, key) that already exists does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnConflict {
    /// The new time and payload replace the old, whatever its state (a run in progress finishes, unrecorded; a
    /// done or parked job waits again). The usual choice: "remind at" moved to a new date.
    Replace,
    /// A pending, running or parked job is kept as it is; only a done one is scheduled again. For timers ensured
    /// at every start.
    Keep,
}

/// A job to schedule. Build it with [`Jobs::at`] or [`Jobs::after`], which read the clock.
#[derive(Clone, Debug)]
pub struct NewJob {
    pub kind: String,
    pub key: String,
    pub payload: serde_json::Value,
    /// Unix milliseconds.
    pub due_at: i64,
    pub created_at: i64,
    pub on_conflict: OnConflict,
}

impl NewJob {
    /// Keeps an existing job of the same (kind, key) instead of replacing it.
    pub fn keep(self) -> NewJob {
        NewJob { on_conflict: OnConflict::Keep, ..self }
    }
}

/// What a handler receives besides the payload: no `Platform`, so that the platform stays below the capabilities.
#[derive(Clone)]
pub struct JobContext {
    pub db: Db,
    /// The clock's time when the job was claimed, in Unix milliseconds.
    pub now_ms: i64,
    pub kind: &'static str,
    pub key: String,
    /// 1 on the first run.
    pub attempt: i64,
    /// To schedule further jobs.
    pub jobs: Jobs,
}

type BoxFuture = Pin<Box<dyn Future<Output = anyhow::Result<()>> + Send>>;
type Handler = Arc<dyn Fn(JobContext, serde_json::Value) -> BoxFuture + Send + Sync>;

struct Kind {
    name: &'static str,
    handler: Handler,
    /// A recurring kind: due again this long after each success.
    every: Option<Duration>,
}

/// How the worker behaves.
#[derive(Clone, Debug)]
pub struct Config {
    /// Runs before a failing job is parked.
    pub max_attempts: i64,
    /// The wait before the second run; it doubles with each failure…
    pub backoff: Duration,
    /// …up to this.
    pub max_backoff: Duration,
    /// How long a claimed job belongs to its worker (clock time); after that another worker takes it again.
    pub lease: Duration,
    /// A handler running longer (real time) fails. Shorter than the lease, so no second worker meets it.
    pub timeout: Duration,
    /// Jobs claimed at once; their outcomes are committed together.
    pub batch: i64,
    /// The longest sleep (real time): jobs scheduled by other servers, or without [`Jobs::wake`], are seen by then.
    pub poll: Duration,
    /// Done jobs are forgotten after this long.
    pub keep_done: Duration,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_attempts: 5,
            backoff: Duration::from_secs(30),
            max_backoff: Duration::from_secs(6 * 3600),
            lease: Duration::from_secs(10 * 60),
            timeout: Duration::from_secs(5 * 60),
            batch: 100,
            poll: Duration::from_secs(30),
            keep_done: Duration::from_secs(7 * 24 * 3600),
        }
    }
}

/// What one call of [`Jobs::run_due_now`] ran.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Handlers that succeeded.
    pub fired: usize,
    /// Handlers that failed (retried later or parked).
    pub failed: usize,
}

/// The timers of one server: its handlers, its worker, its clock. Clones share them.
#[derive(Clone)]
pub struct Jobs {
    inner: Arc<Inner>,
}

struct Inner {
    db: Db,
    clock: Arc<dyn Clock>,
    config: Config,
    /// This worker's name in `locked_by`.
    worker: String,
    kinds: RwLock<HashMap<&'static str, Arc<Kind>>>,
    wake: Notify,
    /// Passes (claim, run, record) under way in this process, and their end.
    busy: AtomicUsize,
    idle: Notify,
    stop: watch::Sender<bool>,
    task: Mutex<Option<tokio::task::JoinHandle<()>>>,
}

/// The label of a kind in metrics: registered kinds only (a closed set), anything else `unregistered`.
const UNREGISTERED: &str = "unregistered";

impl Jobs {
    pub fn new(db: Db, clock: Arc<dyn Clock>, config: Config) -> Jobs {
        let mut id = [0u8; 6];
        rand::rng().fill_bytes(&mut id);
        let worker = format!("{}-{}", std::process::id(), base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(id));
        Jobs {
            inner: Arc::new(Inner {
                db,
                clock,
                config,
                worker,
                kinds: RwLock::default(),
                wake: Notify::new(),
                busy: AtomicUsize::new(0),
                idle: Notify::new(),
                stop: watch::channel(false).0,
                task: Mutex::new(None),
            }),
        }
    }

    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.inner.clock
    }

    pub fn now_ms(&self) -> i64 {
        self.inner.clock.now_ms()
    }

    /// Registers the handler of `kind` (before [`Jobs::start`]). A job of a kind nobody registered fails, and is
    /// parked in the end, for an operator to see.
    pub fn register<F, Fut>(&self, kind: &'static str, handler: F)
    where
        F: Fn(JobContext, serde_json::Value) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = anyhow::Result<()>> + Send + 'static,
    {
        self.add(kind, handler, None);
    }

    /// Registers a recurring kind: one job (key `every`) due at the start if none is waiting, then `period`
    /// after each success.
    pub fn register_every<F, Fut>(&self, kind: &'static str, period: Duration, handler: F)
    where
        F: Fn(JobContext, serde_json::Value) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = anyhow::Result<()>> + Send + 'static,
    {
        self.add(kind, handler, Some(period));
    }

    fn add<F, Fut>(&self, kind: &'static str, handler: F, every: Option<Duration>)
    where
        F: Fn(JobContext, serde_json::Value) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = anyhow::Result<()>> + Send + 'static,
    {
        let handler: Handler = Arc::new(move |ctx, payload| Box::pin(handler(ctx, payload)));
        let mut kinds = self.inner.kinds.write().unwrap_or_else(PoisonError::into_inner);
        kinds.insert(kind, Arc::new(Kind { name: kind, handler, every }));
    }

    fn kind(&self, name: &str) -> Option<Arc<Kind>> {
        self.inner.kinds.read().unwrap_or_else(PoisonError::into_inner).get(name).cloned()
    }

    /// The registered kinds, sorted.
    pub fn kinds(&self) -> Vec<&'static str> {
        let mut kinds: Vec<_> =
            self.inner.kinds.read().unwrap_or_else(PoisonError::into_inner).keys().copied().collect();
        kinds.sort_unstable();
        kinds
    }

    /// A job due at `due_at` (Unix milliseconds) that replaces any job of the same (kind, key).
    pub fn at(&self, kind: &str, key: &str, payload: serde_json::Value, due_at: i64) -> NewJob {
        NewJob {
            kind: kind.to_owned(),
            key: key.to_owned(),
            payload,
            due_at,
            created_at: self.now_ms(),
            on_conflict: OnConflict::Replace,
        }
    }

    /// A job due `delay` from the clock's now.
    pub fn after(&self, kind: &str, key: &str, payload: serde_json::Value, delay: Duration) -> NewJob {
        let due_at = self.now_ms().saturating_add(clock::millis(delay));
        self.at(kind, key, payload, due_at)
    }

    /// Schedules `job` in a transaction of its own, and wakes the worker.
    pub async fn schedule_now(&self, job: &NewJob) -> sqlx::Result<()> {
        with_write!(&self.inner.db, pool => {
            let mut connection = pool.acquire().await?;
            connection.schedule(job).await
        })?;
        self.wake();
        Ok(())
    }

    /// Cancels the job (kind, key) in a transaction of its own; true when there was one.
    pub async fn cancel_now(&self, kind: &str, key: &str) -> sqlx::Result<bool> {
        with_write!(&self.inner.db, pool => {
            let mut connection = pool.acquire().await?;
            connection.cancel(kind, key).await
        })
    }

    /// Tells the worker to look again for the earliest job: call it after committing a transaction that
    /// scheduled one.
    pub fn wake(&self) {
        self.inner.wake.notify_one();
    }

    /// Starts the worker task (once; later calls do nothing). It first ensures the recurring kinds' jobs.
    pub fn start(&self) {
        let mut task = self.inner.task.lock().unwrap_or_else(PoisonError::into_inner);
        if task.is_none() {
            let jobs = self.clone();
            *task = Some(tokio::spawn(async move { jobs.work().await }));
        }
    }

    /// Stops the worker after the pass under way, and waits for it.
    pub async fn stop(&self) {
        self.inner.stop.send_replace(true);
        let task = self.inner.task.lock().unwrap_or_else(PoisonError::into_inner).take();
        if let Some(task) = task {
            let _ = task.await;
        }
    }

    /// Schedules each recurring kind's job, due now, unless one is waiting.
    pub async fn ensure_recurring(&self) -> sqlx::Result<()> {
        let recurring: Vec<_> = self
            .inner
            .kinds
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .values()
            .filter(|k| k.every.is_some())
            .map(|k| k.name)
            .collect();
        for kind in recurring {
            let job = self.at(kind, "every", serde_json::Value::Null, self.now_ms()).keep();
            self.schedule_now(&job).await?;
        }
        Ok(())
    }

    async fn work(self) {
        let mut stop = self.inner.stop.subscribe();
        if let Err(e) = self.ensure_recurring().await {
            tracing::error!(error = %e, "jobs: the recurring jobs could not be scheduled");
        }
        let mut last_cleanup = i64::MIN;
        loop {
            if *stop.borrow() {
                break;
            }
            // Registered before the pass, so that a job scheduled during it is not missed.
            let woken = self.inner.wake.notified();
            tokio::pin!(woken);
            woken.as_mut().enable();
            let mut wait = self.inner.config.poll;
            match self.pass().await {
                Ok(_) => match store::next_due(&self.inner.db).await {
                    Ok(Some(due)) => {
                        let until = due.saturating_sub(self.now_ms()).max(0);
                        wait = wait.min(Duration::from_millis(u64::try_from(until).unwrap_or(0)));
                    }
                    Ok(None) => {}
                    Err(e) => tracing::error!(error = %e, "jobs: the next due job could not be read"),
                },
                Err(e) => {
                    tracing::error!(error = %e, "jobs: a pass failed");
                    wait = Duration::from_secs(1);
                }
            }
            let now = self.now_ms();
            if now.saturating_sub(last_cleanup) > 3_600_000 {
                last_cleanup = now;
                let before = now.saturating_sub(clock::millis(self.inner.config.keep_done));
                if let Err(e) = store::forget_done(&self.inner.db, before).await {
                    tracing::error!(error = %e, "jobs: done jobs could not be forgotten");
                }
            }
            if wait.is_zero() {
                continue;
            }
            tokio::select! {
                () = &mut woken => {}
                () = tokio::time::sleep(wait) => {}
                _ = stop.changed() => {}
            }
        }
    }

    /// Runs every job due at the clock's now, including those the background worker of this process is running,
    /// and returns when none is left: what tests call after moving the clock, instead of sleeping.
    pub async fn run_due_now(&self) -> sqlx::Result<Report> {
        let mut total = Report::default();
        loop {
            let report = self.pass().await?;
            total.fired += report.fired;
            total.failed += report.failed;
            self.idle().await;
            let due = store::next_due(&self.inner.db).await?.is_some_and(|due| due <= self.now_ms());
            if report == Report::default() && !due {
                return Ok(total);
            }
        }
    }

    /// [`Jobs::run_due_now`], for tests that only need the queue settled.
    pub async fn settled(&self) -> sqlx::Result<()> {
        self.run_due_now().await.map(|_| ())
    }

    /// Waits until no pass of this process is under way.
    async fn idle(&self) {
        loop {
            let idle = self.inner.idle.notified();
            tokio::pin!(idle);
            idle.as_mut().enable();
            if self.inner.busy.load(Ordering::SeqCst) == 0 {
                return;
            }
            idle.await;
        }
    }

    /// Claims and runs due jobs, one batch after another, until none is due.
    async fn pass(&self) -> sqlx::Result<Report> {
        let _busy = Busy::enter(&self.inner);
        let config = &self.inner.config;
        let mut report = Report::default();
        loop {
            let now = self.now_ms();
            let lease_end = now.saturating_add(clock::millis(config.lease));
            let claimed = store::claim(&self.inner.db, &self.inner.worker, now, lease_end, config.batch).await?;
            if claimed.is_empty() {
                return Ok(report);
            }
            let mut running = Vec::with_capacity(claimed.len());
            for job in claimed {
                let kind = self.kind(&job.kind);
                let context = JobContext {
                    db: self.inner.db.clone(),
                    now_ms: now,
                    kind: kind.as_ref().map_or(UNREGISTERED, |k| k.name),
                    key: job.key.clone(),
                    attempt: job.attempts,
                    jobs: self.clone(),
                };
                let timeout = config.timeout;
                let task = match (&kind, serde_json::from_str::<serde_json::Value>(&job.payload)) {
                    (None, _) => Err(format!("no handler is registered for the kind {:?}", job.kind)),
                    (Some(_), Err(e)) => Err(format!("the payload is not JSON: {e}")),
                    (Some(kind), Ok(payload)) => {
                        let handler = kind.handler.clone();
                        Ok(tokio::spawn(async move { tokio::time::timeout(timeout, handler(context, payload)).await }))
                    }
                };
                running.push((job, kind, task));
            }
            let mut outcomes = Vec::with_capacity(running.len());
            for (job, kind, task) in running {
                let result = match task {
                    Err(e) => Err(e),
                    Ok(task) => match task.await {
                        Ok(Ok(Ok(()))) => Ok(()),
                        Ok(Ok(Err(e))) => Err(format!("{e:#}")),
                        Ok(Err(_)) => Err(format!("the handler ran longer than {:?}", config.timeout)),
                        Err(e) => Err(format!("the handler panicked: {e}")),
                    },
                };
                let label = kind.as_ref().map_or(UNREGISTERED, |k| k.name);
                let now = self.now_ms();
                let outcome = match result {
                    Ok(()) => {
                        report.fired += 1;
                        metrics::counter!("jobs_fired_total", "kind" => label).increment(1);
                        match kind.as_ref().and_then(|k| k.every) {
                            Some(every) => {
                                store::Finish::Again { id: job.id, due_at: now.saturating_add(clock::millis(every)) }
                            }
                            None => store::Finish::Done { id: job.id, at: now },
                        }
                    }
                    Err(error) => {
                        report.failed += 1;
                        metrics::counter!("jobs_failed_total", "kind" => label).increment(1);
                        tracing::warn!(kind = %job.kind, key = %job.key, attempt = job.attempts, %error, "job failed");
                        if job.attempts >= config.max_attempts {
                            metrics::counter!("jobs_parked_total", "kind" => label).increment(1);
                            store::Finish::Park { id: job.id, at: now, error }
                        } else {
                            let delay = backoff(config, job.attempts);
                            store::Finish::Retry { id: job.id, due_at: now.saturating_add(delay), error }
                        }
                    }
                };
                outcomes.push(outcome);
            }
            store::finish(&self.inner.db, &self.inner.worker, &outcomes).await?;
        }
    }
}

/// The wait, in milliseconds, after the `attempts`-th failed run: `backoff`, doubled each time, at most
/// `max_backoff`.
pub fn backoff(config: &Config, attempts: i64) -> i64 {
    let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 30)).unwrap_or(30);
    clock::millis(config.backoff).saturating_mul(1_i64 << doublings).min(clock::millis(config.max_backoff))
}

/// Counts a pass under way; its end wakes whoever waits for the worker to be idle.
struct Busy<'a>(&'a Inner);

impl<'a> Busy<'a> {
    fn enter(inner: &'a Inner) -> Busy<'a> {
        inner.busy.fetch_add(1, Ordering::SeqCst);
        Busy(inner)
    }
}

impl Drop for Busy<'_> {
    fn drop(&mut self) {
        self.0.busy.fetch_sub(1, Ordering::SeqCst);
        self.0.idle.notify_waiters();
    }
}
