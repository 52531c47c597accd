//! Timers (`platform::jobs`): a job fires once at its time and not before, fires at the next start when its time
//! passed while the server was down, is taken again when its worker died, is retried with back-off and then parked
//! for an operator; two workers on one database never both fire a job; expired sessions are purged daily.
//! The clock is a `ManualClock` moved by the tests; nothing sleeps to wait for a timer.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use birlik::platform::identity::Role;
use birlik::platform::jobs::{self, Clock, Config, JobState, Jobs, ManualClock, Schedule, store};
use reqwest::StatusCode;
use serde_json::json;

use crate::support::{Backend, TestApp, postgres_available};

macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test]
            async fn $name() {
                super::$name(crate::support::TestApp::start(super::Backend::Sqlite, false).await).await
            })*
        }
        mod postgres {
            $(#[tokio::test]
            async fn $name() {
                if super::postgres_available().await {
                    super::$name(crate::support::TestApp::start(super::Backend::Postgres, false).await).await
                }
            })*
        }
    };
}

on_both_backends!(
    fires_once_at_its_time_and_not_before,
    fires_at_the_next_start_when_due_while_down_and_when_its_worker_died,
    failing_job_is_retried_with_backoff_then_parked_and_retried_by_an_admin,
    two_workers_on_one_database_never_both_fire_a_job,
    expired_sessions_are_purged_daily,
    unknown_state_is_an_error,
);

const MINUTE: Duration = Duration::from_secs(60);
const HOUR: Duration = Duration::from_secs(3600);
const DAY: Duration = Duration::from_secs(24 * 3600);

/// A handler that counts its runs per key.
fn counting(jobs: &Jobs, kind: &'static str) -> Arc<Mutex<HashMap<String, usize>>> {
    let runs: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    let seen = runs.clone();
    jobs.register(kind, move |ctx, _payload| {
        let seen = seen.clone();
        async move {
            *seen.lock().unwrap().entry(ctx.key).or_default() += 1;
            Ok(())
        }
    });
    runs
}

fn runs_of(runs: &Mutex<HashMap<String, usize>>, key: &str) -> usize {
    runs.lock().unwrap().get(key).copied().unwrap_or(0)
}

async fn state_of(app: &TestApp, kind: &str, key: &str) -> Option<JobState> {
    store::get(&app.state.platform.db, kind, key).await.unwrap().map(|j| j.state)
}

async fn fires_once_at_its_time_and_not_before(app: TestApp) {
    let jobs = &app.state.platform.jobs;
    let runs = counting(jobs, "test.remind");
    jobs.schedule_now(&jobs.after("test.remind", "a", json!({ "n": 1 }), HOUR)).await.unwrap();
    assert_eq!(state_of(&app, "test.remind", "a").await, Some(JobState::Pending));

    jobs.run_due_now().await.unwrap();
    app.clock.advance(HOUR - Duration::from_millis(1));
    jobs.run_due_now().await.unwrap();
    assert_eq!(runs_of(&runs, "a"), 0, "not a millisecond early");
    app.clock.advance(Duration::from_millis(1));
    jobs.run_due_now().await.unwrap();
    assert_eq!(runs_of(&runs, "a"), 1, "fires at its time");
    jobs.run_due_now().await.unwrap();
    app.clock.advance(DAY);
    jobs.run_due_now().await.unwrap();
    assert_eq!(runs_of(&runs, "a"), 1, "and only once");
    let done = store::get(&app.state.platform.db, "test.remind", "a").await.unwrap().unwrap();
    assert_eq!((done.state, done.attempts, done.last_error), (JobState::Done, 1, None));

    // Scheduling the same (kind, key) again replaces it: the later time wins, with its payload.
    jobs.schedule_now(&jobs.after("test.remind", "b", json!({ "n": 1 }), HOUR)).await.unwrap();
    jobs.schedule_now(&jobs.after("test.remind", "b", json!({ "n": 2 }), 2 * HOUR)).await.unwrap();
    // `keep` leaves a waiting job alone.
    jobs.schedule_now(&jobs.after("test.remind", "b", json!({ "n": 3 }), MINUTE).keep()).await.unwrap();
    app.clock.advance(HOUR);
    jobs.run_due_now().await.unwrap();
    assert_eq!(runs_of(&runs, "b"), 0, "the replaced time no longer holds");
    app.clock.advance(HOUR);
    jobs.run_due_now().await.unwrap();
    assert_eq!(runs_of(&runs, "b"), 1);
    let b = store::get(&app.state.platform.db, "test.remind", "b").await.unwrap().unwrap();
    assert_eq!(b.payload, r#"{"n":2}"#);

    // Cancelled by (kind, key): never fires.
    jobs.schedule_now(&jobs.after("test.remind", "c", json!(null), MINUTE)).await.unwrap();
    assert!(jobs.cancel_now("test.remind", "c").await.unwrap());
    assert!(!jobs.cancel_now("test.remind", "c").await.unwrap());

    // Inside a caller's transaction: a rolled-back schedule never fires, a committed one does.
    let rolled_back = jobs.after("test.remind", "d", json!(null), MINUTE);
    let committed = jobs.after("test.remind", "e", json!(null), MINUTE);
    birlik::with_write!(&app.state.platform.db, pool => {
        let mut tx = pool.begin().await.unwrap();
        tx.schedule(&rolled_back).await.unwrap();
        tx.rollback().await.unwrap();
        let mut tx = pool.begin().await.unwrap();
        tx.schedule(&committed).await.unwrap();
        tx.commit().await.unwrap();
    });
    jobs.wake();
    app.clock.advance(MINUTE);
    jobs.run_due_now().await.unwrap();
    assert_eq!((runs_of(&runs, "c"), runs_of(&runs, "d"), runs_of(&runs, "e")), (0, 0, 1));
}

async fn fires_at_the_next_start_when_due_while_down_and_when_its_worker_died(app: TestApp) {
    let runs = counting(&app.state.platform.jobs, "test.later");
    let jobs = &app.state.platform.jobs;
    jobs.schedule_now(&jobs.after("test.later", "while-down", json!(null), HOUR)).await.unwrap();
    jobs.run_due_now().await.unwrap();
    assert_eq!(runs_of(&runs, "while-down"), 0);

    // The server stops; its time passes; it starts again on the same database.
    let stopped = app.stop().await;
    stopped.clock.advance(2 * HOUR);
    let runs = Arc::new(Mutex::new(HashMap::new()));
    let seen = runs.clone();
    let app = stopped
        .start(move |jobs| {
            jobs.register("test.later", move |ctx, _| {
                let seen = seen.clone();
                async move {
                    *seen.lock().unwrap().entry(ctx.key).or_insert(0) += 1;
                    Ok(())
                }
            })
        })
        .await;
    app.state.platform.jobs.settled().await.unwrap();
    assert_eq!(runs_of(&runs, "while-down"), 1, "fires at the next start");
    assert_eq!(state_of(&app, "test.later", "while-down").await, Some(JobState::Done));

    // A job claimed by a worker that died: taken again when its lease ends, not before.
    let jobs = &app.state.platform.jobs;
    // (Scheduled for later, so that this app's worker does not take it before it is marked as another's.)
    jobs.schedule_now(&jobs.after("test.later", "orphan", json!(null), HOUR)).await.unwrap();
    let lease_end = app.clock.now_ms() + 10 * 60 * 1000;
    birlik::with_write!(&app.state.platform.db, pool => {
        sqlx::query(
            "UPDATE jobs SET state = 'running', locked_by = 'crashed', locked_until = $1, due_at = $1, attempts = 1
             WHERE kind = 'test.later' AND key = 'orphan'",
        )
        .bind(lease_end)
        .execute(pool)
        .await
        .map(|_| ())
        .unwrap()
    });
    jobs.run_due_now().await.unwrap();
    assert_eq!(runs_of(&runs, "orphan"), 0, "its lease still holds");
    app.clock.advance(10 * MINUTE);
    jobs.run_due_now().await.unwrap();
    assert_eq!(runs_of(&runs, "orphan"), 1, "taken again after its lease");
    let orphan = store::get(&app.state.platform.db, "test.later", "orphan").await.unwrap().unwrap();
    assert_eq!((orphan.state, orphan.attempts), (JobState::Done, 2));
}

async fn failing_job_is_retried_with_backoff_then_parked_and_retried_by_an_admin(app: TestApp) {
    let jobs = &app.state.platform.jobs;
    let broken = Arc::new(AtomicBool::new(true));
    let attempts = Arc::new(AtomicUsize::new(0));
    let (b, a) = (broken.clone(), attempts.clone());
    jobs.register("test.flaky", move |_, _| {
        let (broken, attempts) = (b.clone(), a.clone());
        async move {
            attempts.fetch_add(1, Ordering::SeqCst);
            anyhow::ensure!(!broken.load(Ordering::SeqCst), "the printer is on fire <b>");
            Ok(())
        }
    });
    jobs.schedule_now(&jobs.after("test.flaky", "report-7", json!({ "report": 7 }), Duration::ZERO)).await.unwrap();
    jobs.run_due_now().await.unwrap();
    assert_eq!(attempts.load(Ordering::SeqCst), 1);
    let job = store::get(&app.state.platform.db, "test.flaky", "report-7").await.unwrap().unwrap();
    assert_eq!(job.state, JobState::Pending);
    assert_eq!(job.last_error.as_deref(), Some("the printer is on fire <b>"));
    assert_eq!(job.due_at, app.clock.now_ms() + 30_000, "the first back-off is 30 s");

    // Back-off: 30 s, 60 s, 120 s, 240 s; each retry comes at its time, not before; the fifth failure parks.
    let config = Config::default();
    for attempt in 1..5 {
        let wait = jobs::backoff(&config, attempt);
        assert_eq!(wait, 30_000 << (attempt - 1));
        app.clock.advance(Duration::from_millis(wait as u64 - 1));
        jobs.run_due_now().await.unwrap();
        assert_eq!(attempts.load(Ordering::SeqCst), attempt as usize, "no retry before the back-off");
        app.clock.advance(Duration::from_millis(1));
        jobs.run_due_now().await.unwrap();
        assert_eq!(attempts.load(Ordering::SeqCst), attempt as usize + 1);
    }
    let parked = store::get(&app.state.platform.db, "test.flaky", "report-7").await.unwrap().unwrap();
    assert_eq!((parked.state, parked.attempts), (JobState::Parked, 5));
    app.clock.advance(30 * DAY);
    jobs.run_due_now().await.unwrap();
    assert_eq!(attempts.load(Ordering::SeqCst), 5, "a parked job waits for an operator");

    let (_, metrics) = app.get_text("/metrics").await;
    for counter in ["jobs_failed_total", "jobs_parked_total"] {
        assert!(metrics.contains(&format!("{counter}{{kind=\"test.flaky\"}}")), "{counter} in {metrics}");
    }

    // The operators' page: admins only, with the error (escaped) and a retry button, in every language.
    let member = app.participant().await;
    assert_eq!(member.get_text("/en/admin/jobs").await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.get("/en/admin/jobs").await.status(), StatusCode::SEE_OTHER, "anonymous: to the login page");
    assert_eq!(
        member.post_form(&format!("/en/admin/jobs/{}/retry", parked.id), &[]).await.status(),
        StatusCode::FORBIDDEN
    );
    let admin = app.admin().await;
    for (lang, title) in [("kk", "Тоқтатылған тапсырмалар"), ("ru", "Остановленные задания"), ("en", "Parked jobs")]
    {
        let (status, page) = admin.get_text(&format!("/{lang}/admin/jobs")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains(title), "{lang} title");
        assert!(page.contains("test.flaky") && page.contains("report-7"));
        assert!(
            page.contains("the printer is on fire &#60;b&#62;") || page.contains("the printer is on fire &lt;b&gt;")
        );
        assert!(page.contains(&format!("/{lang}/admin/jobs/{}/retry", parked.id)));
    }

    // Fixed, then retried: it runs once more and is done; the retry is in the audit log.
    broken.store(false, Ordering::SeqCst);
    let response = admin.post_form(&format!("/en/admin/jobs/{}/retry", parked.id), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    jobs.run_due_now().await.unwrap();
    assert_eq!(attempts.load(Ordering::SeqCst), 6);
    assert_eq!(state_of(&app, "test.flaky", "report-7").await, Some(JobState::Done));
    let (_, page) = admin.get_text("/en/admin/jobs").await;
    assert!(page.contains("jobs-empty") && !page.contains("report-7"));
    let audit = birlik::platform::audit::list(
        &app.state.platform.db,
        &birlik::platform::audit::Filter { entity: Some("job".into()), ..Default::default() },
    )
    .await
    .unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!((audit[0].action.as_str(), audit[0].entity_id.clone()), ("retry", parked.id.to_string()));
    // Retrying a job that is not parked changes nothing.
    assert_eq!(
        admin.post_form(&format!("/en/admin/jobs/{}/retry", parked.id), &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    jobs.run_due_now().await.unwrap();
    assert_eq!(attempts.load(Ordering::SeqCst), 6);
}

async fn two_workers_on_one_database_never_both_fire_a_job(app: TestApp) {
    // This app's own worker stands aside: two other "servers" share its database.
    app.state.platform.jobs.stop().await;
    let clock = ManualClock::at(app.clock.now_ms());
    let runs: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
    let mut workers = Vec::new();
    for _ in 0..2 {
        let config = Config { batch: 7, ..Config::default() };
        let jobs = Jobs::new(app.connect_again().await, Arc::new(clock.clone()), config);
        let fired = Arc::new(AtomicUsize::new(0));
        let (seen, count) = (runs.clone(), fired.clone());
        jobs.register("test.once", move |ctx, _| {
            let (seen, count) = (seen.clone(), count.clone());
            async move {
                *seen.lock().unwrap().entry(ctx.key).or_insert(0) += 1;
                count.fetch_add(1, Ordering::SeqCst);
                // Yield, so that the other worker claims while this one runs.
                tokio::task::yield_now().await;
                Ok(())
            }
        });
        workers.push((jobs, fired));
    }
    let first = &workers[0].0;
    birlik::with_write!(&app.state.platform.db, pool => {
        let mut tx = pool.begin().await.unwrap();
        for i in 0..200 {
            tx.schedule(&first.after("test.once", &format!("job-{i}"), json!({ "i": i }), MINUTE)).await.unwrap();
        }
        tx.commit().await.unwrap();
    });
    clock.advance(MINUTE);
    // Both background workers and both test passes race for the same 200 jobs.
    for (jobs, _) in &workers {
        jobs.start();
    }
    let (a, b) = tokio::join!(workers[0].0.run_due_now(), workers[1].0.run_due_now());
    a.unwrap();
    b.unwrap();
    for (jobs, _) in &workers {
        jobs.stop().await;
    }
    let runs = runs.lock().unwrap().clone();
    assert_eq!(runs.len(), 200, "every job fired");
    assert!(runs.values().all(|&n| n == 1), "no job fired twice: {runs:?}");
    let (a, b) = (workers[0].1.load(Ordering::SeqCst), workers[1].1.load(Ordering::SeqCst));
    assert_eq!(a + b, 200);
    eprintln!("jobs fired by each worker: {a} and {b}");
    let done: i64 = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE kind = 'test.once' AND state = 'done'")
            .fetch_one(pool)
            .await
            .unwrap()
    });
    assert_eq!(done, 200);
}

async fn expired_sessions_are_purged_daily(app: TestApp) {
    // The purge is ensured and run at start-up (the worker may not have got there yet: ensuring again keeps it),
    // then due a day later.
    app.state.platform.jobs.ensure_recurring().await.unwrap();
    app.state.platform.jobs.settled().await.unwrap();
    let purge =
        store::get(&app.state.platform.db, birlik::platform::identity::PURGE_SESSIONS, "every").await.unwrap().unwrap();
    assert_eq!(purge.state, JobState::Pending);
    assert!(purge.due_at > app.clock.now_ms() + DAY.as_millis() as i64 - 60_000, "due again a day later");

    let user = app.user("someone@example.kz", &[Role::Participant]).await;
    app.login_as("someone@example.kz").await; // expires in 30 days
    for (token, expires) in [("expired", "2000-01-01T00:00:00Z"), ("far", "2999-01-01T00:00:00Z")] {
        birlik::with_write!(&app.state.platform.db, pool => {
            sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
                .bind(token)
                .bind(user)
                .bind("2000-01-01T00:00:00Z")
                .bind(expires)
                .execute(pool)
                .await
                .map(|_| ())
                .unwrap()
        });
    }
    assert_eq!(app.count("sessions").await, 3);
    app.clock.advance(DAY - MINUTE);
    app.state.platform.jobs.run_due_now().await.unwrap();
    assert_eq!(app.count("sessions").await, 3, "not before the day is over");
    app.clock.advance(MINUTE);
    app.state.platform.jobs.run_due_now().await.unwrap();
    assert_eq!(app.count("sessions").await, 2, "the expired session is purged");
    // Thirty days later the login's session has expired too; missed days make one run, not thirty.
    app.clock.advance(30 * DAY);
    app.state.platform.jobs.run_due_now().await.unwrap();
    assert_eq!(app.count("sessions").await, 1);
    let purge =
        store::get(&app.state.platform.db, birlik::platform::identity::PURGE_SESSIONS, "every").await.unwrap().unwrap();
    assert_eq!((purge.state, purge.due_at), (JobState::Pending, app.clock.now_ms() + DAY.as_millis() as i64));
}

async fn unknown_state_is_an_error(app: TestApp) {
    birlik::with_read!(&app.state.platform.db, pool => {
        let parked: JobState = sqlx::query_scalar("SELECT 'parked'").fetch_one(pool).await.unwrap();
        assert_eq!(parked, JobState::Parked);
        let unknown = sqlx::query_scalar::<_, JobState>("SELECT 'exploded'").fetch_one(pool).await;
        assert!(unknown.is_err(), "an unknown state is an error, not pending");
    });
    // And the database refuses to store one.
    let refused = birlik::with_write!(&app.state.platform.db, pool => {
        sqlx::query("INSERT INTO jobs (kind, key, payload, due_at, state, created_at) VALUES ('k', 'k', 'null', 0, 'exploded', 0)")
            .execute(pool)
            .await
            .map(|_| ())
    });
    assert!(refused.is_err());
}
