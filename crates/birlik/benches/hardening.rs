//! What the outside attack found, measured on SQLite: `cargo bench -p birlik --bench hardening`.
//!
//! 1. Votes while `birlik import associations` loads 200,000 rows from another process: the import's time, and the
//!    votes' latency (median, p99, worst) and failures while it runs.
//! 2. Exports of a 1.5-million-vote consultation: the memory they take above idle (resident set, sampled every
//!    5 ms), the first (written) and second (streamed from disk) download, then 16 concurrent downloads of every
//!    file while votes flow, with the votes' latency beside the same votes without downloads.
//!
//! `BENCH_ONLY=import` stops after the first; `BENCH_IMPORT_BIN=path` imports with another build of birlik.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use birlik::consultations::store::{self, ImportedVote};
use birlik::consultations::votes::now_ms;
use consensus::synth::{Synth, SynthOptions};

mod common;
use common::votes::{describe, vote_loop};
use common::{open_input, statements};

const IMPORT_ROWS: usize = 200_000;

fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

/// Samples the resident set every 5 ms until stopped; returns the highest seen.
fn sample_peak(stop: Arc<AtomicBool>) -> std::thread::JoinHandle<f64> {
    std::thread::spawn(move || {
        let mut peak = 0.0f64;
        while !stop.load(Ordering::Relaxed) {
            peak = peak.max(rss_mb());
            std::thread::sleep(Duration::from_millis(5));
        }
        peak
    })
}

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let (dir, db, body) = common::demo_database().await?;
    let settings = birlik::platform::Settings {
        data_dir: dir.path().into(),
        page_cache: false,
        newcomers_per_minute: 1e9,
        ..Default::default()
    };
    let state = birlik::app::state(db.clone(), settings, true)?;
    let small = store::import(
        &db,
        &open_input(body, "Votes beside the import"),
        &statements(50),
        &[ImportedVote { voter: "seed".into(), statement: "0".into(), value: 1, at: now_ms() }],
    )
    .await?;
    let small_statements: Vec<i64> = store::statements(&db, small, None).await?.iter().map(|s| s.id).collect();

    // 1. Votes during a 200,000-row import from another process.
    let csv = dir.path().join("associations.csv");
    let mut text = String::from("level,region_code,name_kk,name_ru,name_en,founded_year,website,groups\n");
    for i in 0..IMPORT_ROWS {
        text.push_str(&format!(
            "regional,KZ-75,Қауымдастық {i},Ассоциация {i},Association {i},{},,uzbeks;koreans\n",
            1991 + i % 30
        ));
    }
    std::fs::write(&csv, text)?;
    let stop = Arc::new(AtomicBool::new(false));
    let voting = tokio::spawn(vote_loop(state.clone(), small, small_statements.clone(), 8, stop.clone()));
    tokio::time::sleep(Duration::from_millis(500)).await;
    let started = Instant::now();
    let data_dir = dir.path().to_path_buf();
    let import = tokio::task::spawn_blocking(move || {
        // BENCH_IMPORT_BIN: another build of birlik (say, before a change), to compare side by side.
        let bin = std::env::var("BENCH_IMPORT_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_birlik").to_owned());
        std::process::Command::new(bin)
            .arg("--data-dir")
            .arg(&data_dir)
            .args(["import", "associations"])
            .arg(data_dir.join("associations.csv"))
            .env_remove("BIRLIK_DATABASE_URL")
            .output()
    })
    .await??;
    let took = started.elapsed();
    tokio::time::sleep(Duration::from_millis(500)).await;
    stop.store(true, Ordering::Relaxed);
    let (times, failures) = voting.await??;
    anyhow::ensure!(import.status.success(), "import failed: {}", String::from_utf8_lossy(&import.stderr));
    println!("import of {IMPORT_ROWS} associations from another process: {took:.2?}");
    describe("votes during the import (8 voters, 5 ms apart)", &times, failures);
    if std::env::var("BENCH_ONLY").as_deref() == Ok("import") {
        return Ok(());
    }

    // 2. Exports of a 1.5-million-vote consultation.
    let synth = Synth::new(SynthOptions {
        participants: 50_000,
        statements: 300,
        votes_per_participant: 30.0,
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
    let large = store::import(&db, &open_input(body, "Large"), &statements(300), &votes).await?;
    drop((votes, log, synth));
    state.consultations.analyst.touch([large]);
    while store::analysis(&db, large).await?.is_none_or(|a| (a.votes as usize) < n_votes) {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    let app = birlik::app::router(state.clone()).into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, app).await });
    let client = reqwest::Client::new();
    let files = ["votes.csv", "participants-votes.csv", "comments.csv", "summary.csv", "consultation.json"];
    tokio::time::sleep(Duration::from_secs(1)).await;
    let idle = rss_mb();
    println!("\nexports of {n_votes} votes; resident set at idle {idle:.0} MB");
    for file in files {
        for round in ["first (written)", "again (from disk)"] {
            let stop = Arc::new(AtomicBool::new(false));
            let sampler = sample_peak(stop.clone());
            let started = Instant::now();
            let mut response =
                client.get(format!("http://{address}/api/v1/consultations/{large}/export/{file}")).send().await?;
            anyhow::ensure!(response.status().is_success(), "{file}: {}", response.status());
            let mut bytes = 0usize;
            while let Some(chunk) = response.chunk().await? {
                bytes += chunk.len();
            }
            let took = started.elapsed();
            stop.store(true, Ordering::Relaxed);
            let peak = sampler.join().unwrap_or(0.0);
            println!(
                "{file} {round}: {:.1} MB in {took:.2?}, peak {:+.0} MB above idle",
                bytes as f64 / 1e6,
                peak - idle
            );
        }
    }

    // 16 concurrent downloads of each file while votes flow, beside the same votes alone.
    let stop = Arc::new(AtomicBool::new(false));
    let voting = tokio::spawn(vote_loop(state.clone(), small, small_statements.clone(), 8, stop.clone()));
    tokio::time::sleep(Duration::from_secs(5)).await;
    stop.store(true, Ordering::Relaxed);
    let (alone, failures) = voting.await??;
    describe("votes alone (5 s)", &alone, failures);
    // A new analysis makes new files: the downloads below write them once, then stream them.
    state.consultations.analyst.touch([large]);
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = sample_peak(stop.clone());
    let voting = tokio::spawn(vote_loop(state.clone(), small, small_statements, 8, stop.clone()));
    let started = Instant::now();
    let mut downloads = Vec::new();
    for k in 0..16 {
        let (client, file) = (client.clone(), files[k % files.len()]);
        let url = format!("http://{address}/api/v1/consultations/{large}/export/{file}");
        downloads.push(tokio::spawn(async move {
            let mut response = client.get(url).send().await?;
            let mut bytes = 0usize;
            while let Some(chunk) = response.chunk().await? {
                bytes += chunk.len();
            }
            anyhow::Ok(bytes)
        }));
    }
    let mut total = 0;
    for d in downloads {
        total += d.await??;
    }
    let took = started.elapsed();
    stop.store(true, Ordering::Relaxed);
    let (during, failures) = voting.await??;
    let peak = sampler.join().unwrap_or(0.0);
    println!(
        "16 concurrent downloads: {:.0} MB in {took:.2?}, peak {:+.0} MB above idle",
        total as f64 / 1e6,
        peak - idle
    );
    describe("votes during the downloads", &during, failures);
    Ok(())
}
