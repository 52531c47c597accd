//! Timers on SQLite: `nice cargo bench -p birlik --bench jobs`.
//!
//! 1. 1,000,000 pending timers inserted by multi-row inserts (spread over the coming year, in random order).
//! 2. The next due timer found (`ORDER BY due_at LIMIT 1` on the partial index): one lookup, median over 1,000.
//!    Must be under 1 ms.
//! 3. 10,000 due timers fired through the worker's passes (claim a batch, run a no-op handler, commit the
//!    outcomes), beside the million waiting. Must be under 5 s.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use birlik::platform::db::Db;
use birlik::platform::jobs::{self, Clock, Jobs, ManualClock};
use rand::Rng;

const PENDING: usize = 1_000_000;
const LOOKUPS: usize = 1_000;
const DUE: usize = 10_000;
const ROWS_PER_INSERT: usize = 4_000; // 6 parameters a row: under SQLite's 32,766.

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

async fn insert(db: &Db, kind: &str, due: &[i64], now: i64) -> anyhow::Result<()> {
    let Db::Sqlite { write, .. } = db else { anyhow::bail!("this benchmark runs on SQLite") };
    let mut tx = write.begin().await?;
    for (c, chunk) in due.chunks(ROWS_PER_INSERT).enumerate() {
        let mut q = sqlx::QueryBuilder::new("INSERT INTO jobs (kind, key, payload, due_at, state, created_at) ");
        q.push_values(chunk.iter().enumerate(), |mut b, (i, due_at)| {
            b.push_bind(kind)
                .push_bind(format!("{}", c * ROWS_PER_INSERT + i))
                .push_bind("null")
                .push_bind(*due_at)
                .push_bind("pending")
                .push_bind(now);
        });
        q.build().execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let dir = tempfile::tempdir()?;
        let db = Db::connect(None, dir.path()).await?;
        db.migrate().await?;
        let clock = ManualClock::starting_now();
        let now = clock.now_ms();
        let year = 365 * 24 * 3_600_000_i64;

        let mut rng = rand::rng();
        let due: Vec<i64> = (0..PENDING).map(|_| now + rng.random_range(3_600_000..year)).collect();
        let started = Instant::now();
        insert(&db, "bench.later", &due, now).await?;
        let took = started.elapsed();
        println!(
            "insert {PENDING} pending timers: {:.2} s ({:.0} rows/s)",
            took.as_secs_f64(),
            PENDING as f64 / took.as_secs_f64()
        );

        let earliest = due.iter().min().copied();
        let mut times = Vec::with_capacity(LOOKUPS);
        for _ in 0..LOOKUPS {
            let started = Instant::now();
            let next = jobs::store::next_due(&db).await?;
            times.push(started.elapsed());
            anyhow::ensure!(next == earliest, "the next due timer is the earliest");
        }
        let lookup = median(times);
        println!("next due timer among {PENDING}: median {:.3} ms over {LOOKUPS} lookups", lookup.as_secs_f64() * 1e3);

        let due_now: Vec<i64> = (0..DUE).map(|_| now - rng.random_range(0..3_600_000)).collect();
        insert(&db, "bench.noop", &due_now, now).await?;
        let jobs = Jobs::new(db.clone(), Arc::new(clock.clone()), jobs::Config::default());
        let fired = Arc::new(AtomicUsize::new(0));
        let counter = fired.clone();
        jobs.register("bench.noop", move |_, _| {
            let counter = counter.clone();
            async move {
                counter.fetch_add(1, Ordering::Relaxed);
                Ok(())
            }
        });
        let started = Instant::now();
        let report = jobs.run_due_now().await?;
        let took = started.elapsed();
        anyhow::ensure!(report.fired == DUE && fired.load(Ordering::Relaxed) == DUE, "every due timer fired once");
        println!(
            "fire {DUE} due timers (no-op handler, batches of {}): {:.2} s ({:.0} jobs/s)",
            jobs::Config::default().batch,
            took.as_secs_f64(),
            DUE as f64 / took.as_secs_f64()
        );
        let lookup_ok = lookup < Duration::from_millis(1);
        let fire_ok = took < Duration::from_secs(5);
        println!(
            "targets: lookup < 1 ms {}, firing < 5 s {}",
            if lookup_ok { "met" } else { "MISSED" },
            if fire_ok { "met" } else { "MISSED" }
        );
        db.close().await;
        Ok(())
    })
}
