//! Votes cast while something else runs, and how to describe their latency.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use birlik::consultations::votes::{Ballot, now_ms};

use super::percentile;

/// Casts votes from `voters` concurrent participants until `stop`; returns each vote's latency and the failures.
pub async fn vote_loop(
    state: birlik::app::AppState,
    consultation: i64,
    statements: Vec<i64>,
    voters: usize,
    stop: Arc<AtomicBool>,
) -> anyhow::Result<(Vec<Duration>, u64)> {
    let failures = Arc::new(AtomicU64::new(0));
    let mut tasks = Vec::new();
    for v in 0..voters {
        let participant = state.consultations.votes.join(consultation, &format!("d:bench-{v}-{}", now_ms())).await?;
        let (state, statements, stop, failures) = (state.clone(), statements.clone(), stop.clone(), failures.clone());
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::new();
            let mut k = v;
            while !stop.load(Ordering::Relaxed) {
                k += 7;
                let statement = statements[k % statements.len()];
                let ballot = Ballot { consultation, participant, statement, value: (k % 3) as i64 - 1, at: now_ms() };
                let started = Instant::now();
                if state.consultations.votes.cast(ballot).await.is_err() {
                    failures.fetch_add(1, Ordering::Relaxed);
                }
                times.push(started.elapsed());
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            times
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await?);
    }
    all.sort();
    Ok((all, failures.load(Ordering::Relaxed)))
}

pub fn describe(label: &str, times: &[Duration], failures: u64) {
    println!(
        "{label}: {} votes, median {:.1?}, p99 {:.1?}, worst {:.1?}, {failures} failed",
        times.len(),
        percentile(times, 0.5),
        percentile(times, 0.99),
        times.last().copied().unwrap_or_default()
    );
}
