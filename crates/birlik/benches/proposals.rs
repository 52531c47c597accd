//! Proposals and recommendations at scale, on SQLite: `cargo bench -p birlik --bench proposals`.
//!
//! 100,000 users, 100,000 proposals before the demo's district councils, regional assemblies and national session
//! (most open, some queued or decided), 5,000,000 supports (50 a proposal), one proposal with a lineage of 200
//! merged sources, and 100,000 recommendations to the shipped addressees (most answered, some overdue), inserted
//! by `INSERT … SELECT` over generated series. Then, in process with the page cache off (uncached), each 100 times
//! after 10 to warm up: the filtered proposals list (page and API), the page and API of the proposal with 200
//! sources, and the scorecard of all addressees (API and page). Targets: the list and the lineage page under 10 ms
//! median server time, the scorecard under 20 ms.
//!
//! Then supports over HTTP: 200 logged-in participants (address confirmed) support proposals as fast as the
//! server answers, each support durable (SQLite `synchronous = FULL`) before its answer, for 10 s — first from
//! `wrk` (64 connections, `bench/supports.lua`; skipped, saying so, when wrk is not installed), then from 200 tasks
//! of this process, the earlier measure. Target: at least 3,000 supports a second, p99 under 50 ms.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

mod common;
use common::percentile;

const USERS: i64 = 100_000;
const PROPOSALS: i64 = 100_000;
const PER_PROPOSAL: i64 = 50;
const RECOMMENDATIONS: i64 = 100_000;
const SUPPORTERS: usize = 200;

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let (dir, db, _) = common::demo_database().await?;
    let birlik::platform::db::Db::Sqlite { write, .. } = &db else { anyhow::bail!("SQLite") };
    let started = Instant::now();
    generate(write).await?;
    println!(
        "stored {USERS} users, {PROPOSALS} proposals, {} supports, {RECOMMENDATIONS} recommendations in {:.1?}",
        PROPOSALS * PER_PROPOSAL,
        started.elapsed()
    );

    scorecard_afresh(&db, write).await?;
    let settings = birlik::platform::Settings { data_dir: dir.path().into(), page_cache: false, ..Default::default() };
    let state = birlik::app::state(db.clone(), settings, true)?;
    let router = birlik::app::router(state.clone());
    for path in [
        "/kk/proposals?region=KZ-31&status=open",
        "/kk/proposals?category=education",
        "/api/v1/proposals?region=KZ-31&status=queued",
        "/kk/proposals/1",
        "/api/v1/proposals/1",
        "/api/v1/scorecard",
        "/kk/scorecard",
    ] {
        let (times, bytes) = common::request_times(&router, path, 10, 100).await?;
        println!(
            "{path}: median {:.2?}, p99 {:.2?} ({} KB)",
            percentile(&times, 0.5),
            percentile(&times, 0.99),
            bytes / 1024
        );
    }
    supports(&state, write).await
}

/// Users, proposals, supports, a lineage of 200 and recommendations, each one `INSERT … SELECT`.
async fn generate(write: &sqlx::SqlitePool) -> anyhow::Result<()> {
    let at = birlik::platform::db::now();
    let mut tx = write.begin().await?;
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
         INSERT INTO users (email, email_normalized, display_name, password_hash, created_at, email_confirmed_at)
         SELECT 'p' || i || '@bench.kz', 'p' || i || '@bench.kz', 'P' || i, '!', $2, $2 FROM n",
    )
    .bind(USERS)
    .bind(&at)
    .execute(&mut *tx)
    .await?;
    let first_user: i64 =
        sqlx::query_scalar("SELECT MIN(id) FROM users WHERE email LIKE 'p%@bench.kz'").fetch_one(&mut *tx).await?;
    // Bodies that receive proposals, numbered 0…k-1, to spread proposals over them.
    sqlx::query(
        "CREATE TEMP TABLE receiving AS SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS k, id, region_code FROM bodies
         WHERE kind IN ('public_consent_council', 'regional_assembly', 'national_session')",
    )
    .execute(&mut *tx)
    .await?;
    let bodies: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM receiving").fetch_one(&mut *tx).await?;
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
         INSERT INTO proposals (body_id, author_id, on_behalf, title_kk, title_ru, text_kk, category, region_code,
             status, opens_on, closes_on, supporters, created_at, updated_at)
         SELECT r.id, $2 + (n.i % $3), 'self', 'Ұсыныс ' || n.i, 'Предложение ' || n.i, 'Мәтін', 
             CASE n.i % 4 WHEN 0 THEN 'education' WHEN 1 THEN 'language_culture' WHEN 2 THEN 'youth' ELSE 'local_life' END,
             COALESCE(r.region_code, 'KZ-71'),
             CASE WHEN n.i % 10 < 6 THEN 'open' WHEN n.i % 10 < 8 THEN 'queued' WHEN n.i % 10 = 8 THEN 'accepted' ELSE 'rejected' END,
             '2026-10-01', '2026-12-29', $4, $5, $5
         FROM n JOIN receiving r ON r.k = n.i % $6",
    )
    .bind(PROPOSALS)
    .bind(first_user)
    .bind(USERS)
    .bind(PER_PROPOSAL)
    .bind(&at)
    .bind(bodies)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < $1 - 1)
         INSERT INTO supports (proposal_id, user_id, supported_at)
         SELECT p.id, $2 + ((p.id * 7919 + k.j * 104729) % $3), $4 FROM proposals p, k",
    )
    .bind(PER_PROPOSAL)
    .bind(first_user)
    .bind(USERS)
    .bind(&at)
    .execute(&mut *tx)
    .await?;
    // Proposal 1 (before the national session) has 200 merged sources.
    let nation: i64 =
        sqlx::query_scalar("SELECT id FROM bodies WHERE kind = 'national_session'").fetch_one(&mut *tx).await?;
    sqlx::query("UPDATE proposals SET body_id = $1, status = 'open' WHERE id = 1")
        .bind(nation)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE proposals SET body_id = $1, status = 'merged', merged_into = 1 WHERE id BETWEEN 2 AND 201")
        .bind(nation)
        .execute(&mut *tx)
        .await?;
    sqlx::query("CREATE TEMP TABLE targets AS SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS k, id FROM addressees")
        .execute(&mut *tx)
        .await?;
    let addressees: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM targets").fetch_one(&mut *tx).await?;
    // Received over four years; seven in ten answered (after 5 to 24 working days), one in ten overdue.
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
         INSERT INTO recommendations (body_id, addressee_id, title_kk, received_on, due_on, forward_by,
             latest_extension_on, answered_on, answer_working_days, status, implementation, demo, created_at, updated_at)
         SELECT $2, t.id, 'Ұсыным ' || n.i, d.received, d.due, d.received, d.due,
             CASE WHEN n.i % 10 < 7 THEN d.due END, CASE WHEN n.i % 10 < 7 THEN 5 + n.i % 20 END,
             CASE WHEN n.i % 10 < 7 THEN 'answered' ELSE 'awaiting' END,
             CASE WHEN n.i % 10 < 3 THEN 'implemented' ELSE 'none' END, FALSE,
             d.received || 'T06:00:00Z', COALESCE(CASE WHEN n.i % 10 < 7 THEN d.due END, d.received) || 'T06:00:00Z'
         FROM n JOIN targets t ON t.k = n.i % $3
         JOIN (SELECT n2.i AS i, date('2022-01-01', '+' || (n2.i % 1400) || ' days') AS received,
                      date('2022-01-01', '+' || (n2.i % 1400 + 21) || ' days') AS due FROM n AS n2) d ON d.i = n.i",
    )
    .bind(RECOMMENDATIONS)
    .bind(nation)
    .bind(addressees)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    sqlx::query("ANALYZE").execute(write).await?;
    Ok(())
}

/// The scorecard as after a change of a recommendation, side by side: counted in SQL (two scans and a window
/// function), and counted from the rows kept in memory after re-reading those changed (what the server does);
/// also the first read of every row, once per server start.
async fn scorecard_afresh(db: &birlik::platform::db::Db, write: &sqlx::SqlitePool) -> anyhow::Result<()> {
    use birlik::recommendations::scorecard;
    let today = "2026-12-01";
    let (mut sql, mut kept, mut first) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..10 {
        let t = Instant::now();
        scorecard::scores(db, today).await?;
        scorecard::months(db, None, today).await?;
        sql.push(t.elapsed());
        let memo = scorecard::Memo::default();
        let t = Instant::now();
        memo.get(db, today).await?;
        first.push(t.elapsed());
        // A recommendation is answered; the next read counts afresh.
        sqlx::query(
            "UPDATE recommendations SET status = 'answered', answered_on = $1, answer_working_days = 9,
                     updated_at = $2 WHERE id = $3",
        )
        .bind(today)
        .bind(birlik::platform::db::now())
        .bind(100_000 - round)
        .execute(write)
        .await?;
        birlik::platform::change::committed(&[birlik::recommendations::LIST]);
        let t = Instant::now();
        memo.get(db, today).await?;
        kept.push(t.elapsed());
    }
    for times in [&mut sql, &mut kept, &mut first] {
        times.sort();
    }
    println!(
        "scorecard afresh after a change: in SQL median {:.2?} (worst {:.2?}); from memory after re-reading the changed rows median {:.2?} (worst {:.2?}); first read of all rows median {:.2?}",
        percentile(&sql, 0.5),
        percentile(&sql, 1.0),
        percentile(&kept, 0.5),
        percentile(&kept, 1.0),
        percentile(&first, 0.5)
    );
    Ok(())
}

/// Supports over HTTP for 10 s from logged-in participants: by `wrk` (another process, as the votes are measured)
/// when it is installed, then by a client in this process, whose tasks share the two cores with the server.
async fn supports(state: &birlik::app::AppState, write: &sqlx::SqlitePool) -> anyhow::Result<()> {
    let mut cookies = Vec::new();
    let users: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM users WHERE email LIKE 'p%@bench.kz' ORDER BY id DESC LIMIT $1")
            .bind(SUPPORTERS as i64)
            .fetch_all(write)
            .await?;
    for user in users {
        let cookie = birlik::platform::identity::session::start(&state.platform, user).await?;
        cookies.push(cookie.split(';').next().unwrap_or_default().to_owned());
    }
    let open: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM proposals WHERE status = 'open' AND id > 201 ORDER BY id LIMIT 20000")
            .fetch_all(write)
            .await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    let app = birlik::app::router(state.clone()).into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, app).await });
    if std::process::Command::new("wrk").arg("--version").output().is_ok() {
        supports_by_wrk(write, address, &cookies, &open).await?;
    } else {
        println!("wrk is not installed (apt-get install wrk): supports from another process not measured");
    }
    // The in-process client walks other pairs than wrk's (its own offsets), most of them not yet supported.
    let open: Vec<i64> = open.into_iter().rev().collect();
    supports_in_process(address, cookies, open).await
}

/// 64 connections of one `wrk` thread for 10 s (`bench/supports.lua`); the supports counted are read from the table.
async fn supports_by_wrk(
    write: &sqlx::SqlitePool,
    address: std::net::SocketAddr,
    cookies: &[String],
    open: &[i64],
) -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let (cookie_file, proposal_file) = (dir.path().join("cookies"), dir.path().join("proposals"));
    std::fs::write(&cookie_file, cookies.join("\n"))?;
    std::fs::write(&proposal_file, open.iter().map(i64::to_string).collect::<Vec<_>>().join("\n"))?;
    let count = || sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM supports").fetch_one(write);
    let before = count().await?;
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../bench/supports.lua");
    let started = Instant::now();
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new("wrk")
            .args(["-t1", "-c64", "-d10s", "--latency", "-s", script, &format!("http://{address}")])
            .env("COOKIES", &cookie_file)
            .env("PROPOSALS", &proposal_file)
            .output()
    })
    .await??;
    let took = started.elapsed();
    let counted = count().await? - before;
    println!("\nwrk, supports:\n{}", String::from_utf8_lossy(&output.stdout));
    println!("supports counted during wrk: {counted} ({:.0}/s)", counted as f64 / took.as_secs_f64());
    Ok(())
}

/// The earlier measure, kept beside wrk's to compare with earlier runs: 200 tasks of this process.
async fn supports_in_process(
    address: std::net::SocketAddr,
    cookies: Vec<String>,
    open: Vec<i64>,
) -> anyhow::Result<()> {
    let open = Arc::new(open);
    let client = reqwest::Client::builder().pool_max_idle_per_host(SUPPORTERS).build()?;
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (n, cookie) in cookies.into_iter().enumerate() {
        let (client, stop, open) = (client.clone(), stop.clone(), open.clone());
        tasks.push(tokio::spawn(async move {
            let (mut times, mut errors) = (Vec::new(), 0u64);
            let mut k = n * 97;
            while !stop.load(Ordering::Relaxed) {
                k += 1;
                let id = open[k % open.len()];
                let t = Instant::now();
                let sent = client
                    .post(format!("http://{address}/api/v1/proposals/{id}/support"))
                    .header("cookie", &cookie)
                    .send()
                    .await;
                times.push(t.elapsed());
                // 409 (already supported) is an answer too, but not a counted support.
                if !sent.is_ok_and(|r| r.status().is_success()) {
                    errors += 1;
                }
            }
            (times, errors)
        }));
    }
    tokio::time::sleep(Duration::from_secs(10)).await;
    stop.store(true, Ordering::Relaxed);
    let (mut times, mut errors) = (Vec::new(), 0);
    for task in tasks {
        let (t, e) = task.await?;
        times.extend(t);
        errors += e;
    }
    let took = started.elapsed();
    times.sort();
    let counted = times.len() as u64 - errors;
    println!(
        "{SUPPORTERS} participants for {took:.1?}: {counted} supports counted ({:.0}/s), {errors} refused or failed, median {:.1?}, p99 {:.1?}, worst {:.1?}",
        counted as f64 / took.as_secs_f64(),
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        times.last().copied().unwrap_or_default()
    );
    Ok(())
}
