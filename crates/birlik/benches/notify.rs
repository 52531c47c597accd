//! Notifications fanned out on SQLite while votes flow: `cargo bench -p birlik --bench notify`.
//!
//! 100,000 people follow a consultation. Votes are cast by 32 concurrent participants (each waits 5 ms between
//! votes) for a few seconds alone, then again while a new statement is published and its notice goes to every
//! follower (inbox rows and their mail timers, in one transaction applied by the change worker). Printed: the
//! fan-out's time (from the commit of the statement to the last inbox row) and the votes' count and latency in
//! both runs, side by side. Targets: fan-out under 10 s, votes slowed by under 20 %.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use birlik::consultations::store::{self, NewStatement};

mod common;
use common::open_input;
use common::votes::{describe, vote_loop};

const FOLLOWERS: usize = 100_000;
const VOTERS: usize = 32;
const ROWS_PER_INSERT: usize = 4_000; // 7 parameters a row: under SQLite's 32,766.

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let (dir, db, body) = common::demo_database().await?;
    let at = birlik::platform::db::now();
    let seeds: Vec<String> = (0..50).map(|i| format!("Тұжырым нөмірі {i} туралы")).collect();
    let seeds: Vec<NewStatement> = seeds.iter().map(|t| NewStatement::seed(t, &at)).collect();
    let consultation = store::create(&db, None, &open_input(body, "Fan-out"), &seeds).await?;
    let statements: Vec<i64> = store::statements(&db, consultation, None).await?.iter().map(|s| s.id).collect();
    followers(&db, consultation).await?;

    let settings = birlik::platform::Settings {
        data_dir: dir.path().into(),
        page_cache: false,
        newcomers_per_minute: 1e9,
        ..Default::default()
    };
    let state = birlik::app::state(db.clone(), settings, true)?;
    state.platform.changes.settled().await?;

    let alone = votes_for(&state, consultation, &statements, Duration::from_secs(5)).await?;
    describe("votes alone      ", &alone.0, alone.1);

    let stop = Arc::new(AtomicBool::new(false));
    let voting = tokio::spawn(vote_loop(state.clone(), consultation, statements.clone(), VOTERS, stop.clone()));
    tokio::time::sleep(Duration::from_millis(500)).await;
    let started = Instant::now();
    let text = "Барлық ізбасарларға хабар жететін жаңа тұжырым";
    store::add_statement(&db, consultation, &NewStatement::seed(text, &birlik::platform::db::now())).await?;
    state.platform.changes.settled().await?;
    let took = started.elapsed();
    let written = count(&db, "SELECT COUNT(*) FROM notifications").await?;
    let timers = count(&db, "SELECT COUNT(*) FROM jobs WHERE kind = 'notify.mail'").await?;
    // The votes keep flowing as long as the alone run did, for a fair count.
    tokio::time::sleep(Duration::from_secs(5).saturating_sub(took + Duration::from_millis(500))).await;
    stop.store(true, Ordering::Relaxed);
    let during = voting.await??;
    println!("fan-out: {written} inbox rows and {timers} mail timers in {took:.2?} (target: 100,000 in under 10 s)");
    describe("votes during it  ", &during.0, during.1);
    Ok(())
}

async fn votes_for(
    state: &birlik::app::AppState,
    consultation: i64,
    statements: &[i64],
    time: Duration,
) -> anyhow::Result<(Vec<Duration>, u64)> {
    let stop = Arc::new(AtomicBool::new(false));
    let voting = tokio::spawn(vote_loop(state.clone(), consultation, statements.to_vec(), VOTERS, stop.clone()));
    tokio::time::sleep(time).await;
    stop.store(true, Ordering::Relaxed);
    voting.await?
}

/// 100,000 accounts that follow the consultation, inserted many rows at a time.
async fn followers(db: &birlik::platform::db::Db, consultation: i64) -> anyhow::Result<()> {
    let birlik::platform::db::Db::Sqlite { write, .. } = db else { anyhow::bail!("this benchmark runs on SQLite") };
    let at = birlik::platform::db::now();
    let first: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM users").fetch_one(write).await?;
    let ids: Vec<i64> = (first..first + FOLLOWERS as i64).collect();
    let mut tx = write.begin().await?;
    for chunk in ids.chunks(ROWS_PER_INSERT) {
        let mut q = sqlx::QueryBuilder::new(
            "INSERT INTO users (id, email, email_normalized, display_name, password_hash, created_at, email_confirmed_at) ",
        );
        q.push_values(chunk, |mut b, id| {
            let email = format!("follower{id}@bench.kz");
            b.push_bind(*id)
                .push_bind(email.clone())
                .push_bind(email)
                .push_bind("Follower")
                .push_bind("-")
                .push_bind(&at)
                .push_bind(&at);
        });
        q.build().execute(&mut *tx).await?;
        let mut q = sqlx::QueryBuilder::new("INSERT INTO follows (area, item_id, user_id, created_at) ");
        q.push_values(chunk, |mut b, id| {
            b.push_bind("consultation").push_bind(consultation).push_bind(*id).push_bind(&at);
        });
        q.build().execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn count(db: &birlik::platform::db::Db, sql: &'static str) -> anyhow::Result<i64> {
    let birlik::platform::db::Db::Sqlite { read, .. } = db else { anyhow::bail!("SQLite") };
    Ok(sqlx::query_scalar(sql).fetch_one(read).await?)
}
