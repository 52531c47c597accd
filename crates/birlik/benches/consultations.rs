//! Consultations under load, on SQLite: `cargo bench -p birlik --bench consultations` (or `bench/consultations.sh`).
//!
//! 1. A 50,000-participant consultation (planted opinion groups, `consensus::synth`) is stored; the first full
//!    analysis is timed.
//! 2. The results page is rendered from the stored analysis, in process, page cache off then on.
//! 3. A burst of votes goes through the vote writer; the time until the stored analysis covers it is measured.
//! 4. Votes over HTTP: when `wrk` is installed, 64 connections post votes of 10,000 device-cookie participants on a
//!    200-statement consultation (`bench/votes.lua`); each response comes after its vote is committed.

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::Request;
use birlik::consultations::store::{self, ImportedVote};
use birlik::consultations::votes::{Ballot, now_ms};
use consensus::synth::{Synth, SynthOptions};
use tower::ServiceExt;

mod common;
use common::{open_input, percentile, statements};

const PARTICIPANTS: usize = 50_000;
const STATEMENTS: usize = 300;
const VOTES_PER_PARTICIPANT: f64 = 30.0;
const BURST: usize = 5_000;

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let (dir, db, body) = common::demo_database().await?;

    // 1. The large consultation.
    let synth = Synth::new(SynthOptions {
        participants: PARTICIPANTS,
        statements: STATEMENTS,
        votes_per_participant: VOTES_PER_PARTICIPANT,
        consistency: 0.85,
        seed: 11,
        ..SynthOptions::default()
    });
    let log = synth.log();
    let start = now_ms() - 86_400_000;
    let votes: Vec<ImportedVote> = (0..log.participant.len())
        .map(|k| ImportedVote {
            voter: log.participant[k].to_string(),
            statement: log.statement[k].to_string(),
            value: i64::from(log.value[k]),
            at: start + k as i64,
        })
        .collect();
    let n_votes = votes.len();
    let started = Instant::now();
    let large = store::import(&db, &open_input(body, "Large"), &statements(STATEMENTS), &votes).await?;
    println!(
        "stored {PARTICIPANTS} participants, {STATEMENTS} statements, {n_votes} votes in {:.1?}",
        started.elapsed()
    );
    drop(votes);

    // All of wrk's participants come from one address: the per-address limit on newcomers is lifted.
    let settings = birlik::platform::Settings {
        data_dir: dir.path().into(),
        page_cache: false,
        newcomers_per_minute: 1e9,
        ..Default::default()
    };
    let state = birlik::app::state(db.clone(), settings, true)?;
    // The analyst finds the consultation stale when it starts and analyses it: the first (cold) analysis.
    let started = Instant::now();
    let first = wait_for_analysis(&db, large, 1).await?;
    println!("first analysis (cold, whole log): {:.2?} after start ({} votes)", started.elapsed(), first.votes);

    // 2. The results page from the stored analysis.
    for page_cache in [false, true] {
        let cache = std::sync::Arc::new(
            birlik::platform::web::cache::PageCache::new(Duration::from_secs(10))
                .scoped_by(birlik::consultations::page_scopes),
        );
        let pages = page_cache.then_some(cache);
        let router = birlik::app::router(birlik::app::AppState::new(birlik::app::Runtimes {
            platform: birlik::platform::Platform::new(birlik::platform::Facilities {
                pages,
                ..(*state.platform).clone()
            }),
            ..(*state).clone()
        }));
        let path = format!("/en/consultations/{large}/results");
        let (times, bytes) = common::request_times(&router, &path, 20, 200).await?;
        println!(
            "results page, page cache {}: median {:.2?}, p99 {:.2?}, {bytes} bytes",
            if page_cache { "on" } else { "off" },
            percentile(&times, 0.5),
            percentile(&times, 0.99)
        );
    }

    // 3. A burst of votes, then the refresh.
    let ids: Vec<i64> = store::statements(&db, large, None).await?.iter().map(|s| s.id).collect();
    let started = Instant::now();
    let mut pending = Vec::new();
    for p in 0..BURST / 10 {
        let participant = state.consultations.votes.join(large, &format!("d:burst-{p}")).await?;
        for k in 0..10 {
            let ballot = Ballot {
                consultation: large,
                participant,
                statement: ids[(p * 7 + k * 31) % ids.len()],
                value: if (p + k) % 3 == 0 { -1 } else { 1 },
                at: now_ms(),
            };
            let writer = state.consultations.votes.clone();
            pending.push(tokio::spawn(async move { writer.cast(ballot).await }));
        }
    }
    for p in pending {
        p.await??;
    }
    let burst_done = Instant::now();
    println!("burst of {BURST} votes stored in {:.2?}", burst_done - started);
    let refreshed = wait_for_analysis(&db, large, first.votes + BURST as i64).await?;
    println!(
        "analysis covering the burst stored {:.2?} after the burst's last vote ({} votes)",
        burst_done.elapsed(),
        refreshed.votes
    );

    // 4. Votes over HTTP with wrk.
    let small = store::import(
        &db,
        &open_input(body, "Votes over HTTP"),
        &statements(200),
        &[ImportedVote { voter: "seed".into(), statement: "0".into(), value: 1, at: now_ms() }],
    )
    .await?;
    let first_statement = store::statements(&db, small, None).await?.iter().map(|s| s.id).min().unwrap_or_default();
    let wrk = std::process::Command::new("wrk").arg("--version").output();
    if wrk.is_err() {
        println!("wrk is not installed (apt-get install wrk): votes over HTTP not measured");
        return Ok(());
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    // The page cache on, as in production: registry pages should stay cached while votes and analysis rounds flow.
    let cache = std::sync::Arc::new(
        birlik::platform::web::cache::PageCache::new(Duration::from_secs(10))
            .scoped_by(birlik::consultations::page_scopes),
    );
    let served = birlik::app::AppState::new(birlik::app::Runtimes {
        platform: birlik::platform::Platform::new(birlik::platform::Facilities {
            pages: Some(cache.clone()),
            ..(*state.platform).clone()
        }),
        ..(*state).clone()
    });
    let app = birlik::app::router(served.clone()).into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, app).await });
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../bench/votes.lua");
    let url = format!("http://{address}/api/v1/consultations/{small}/votes");
    let before = count_votes(&db, small).await?;
    for (label, seconds) in [("warm-up (participants join)", 5), ("measured", 20)] {
        // Readers of registry pages beside the voters, through the same router.
        // BENCH_READERS=0 leaves them out, to compare the vote path alone with an earlier version.
        let readers = std::env::var("BENCH_READERS").map_or(true, |v| v != "0");
        let reading = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(readers));
        let reader = {
            let (router, reading) = (birlik::app::router(served.clone()), reading.clone());
            tokio::spawn(async move {
                let pages = ["/en/associations?region=KZ-75", "/kk/regions", "/ru/bodies"];
                let mut k = 0;
                while reading.load(std::sync::atomic::Ordering::Relaxed) {
                    let request = Request::get(pages[k % pages.len()]).body(Body::empty()).unwrap_or_default();
                    let _ = router.clone().oneshot(request).await;
                    k += 1;
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
            })
        };
        let (hits, misses) = cache.counts();
        let url = url.clone();
        let output = tokio::task::spawn_blocking(move || {
            std::process::Command::new("wrk")
                .args(["-t2", "-c64", &format!("-d{seconds}s"), "--latency", "-s", script, &url])
                .env("FIRST_STATEMENT", first_statement.to_string())
                .env("STATEMENTS", "200")
                .output()
        })
        .await??;
        println!("\nwrk, {label}:\n{}", String::from_utf8_lossy(&output.stdout));
        reading.store(false, std::sync::atomic::Ordering::Relaxed);
        reader.await?;
        let (hits, misses) = (cache.counts().0 - hits, cache.counts().1 - misses);
        println!(
            "registry pages read meanwhile: {} requests, {:.1} % from the page cache",
            hits + misses,
            100.0 * hits as f64 / (hits + misses).max(1) as f64
        );
    }
    let stored = count_votes(&db, small).await? - before;
    println!("votes stored in the log during both wrk runs: {stored}");
    Ok(())
}

async fn count_votes(db: &birlik::platform::db::Db, consultation: i64) -> anyhow::Result<usize> {
    Ok(store::votes_after(db, consultation, 0, i64::MAX).await?.len())
}

async fn wait_for_analysis(
    db: &birlik::platform::db::Db,
    consultation: i64,
    votes: i64,
) -> anyhow::Result<store::StoredAnalysis> {
    loop {
        if let Some(a) = store::analysis(db, consultation).await?
            && a.votes >= votes
        {
            return Ok(a);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
