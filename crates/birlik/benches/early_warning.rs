//! Early warning at scale, on SQLite: `cargo bench -p birlik --bench early_warning`.
//!
//! 1,000,000 confirmed signals over ten years in the 20 regions and the demo's district councils (about 100 a day,
//! one or two indicators each, severities 1–5), inserted by `INSERT … SELECT` over a generated series. Then:
//! the first computation after a start (which reads every confirmed signal from the table), then the whole index
//! (20 regions, every district with enough data, daily, and the weekly figures) recomputed after a finding from the
//! signals kept in memory, 7 times; and, from the index kept, the public dashboard with its tile map,
//! a region's page and the weekly index as JSON and CSV, each 100 times after 10 to warm up, page cache off.
//! Targets: the recomputation under 2 s; the dashboard and the tile map under 20 ms.

use std::time::{Duration, Instant};

mod common;
use common::percentile;

const SIGNALS: i64 = 1_000_000;
const DAYS: i64 = 3650;

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let (dir, db, _) = common::demo_database().await?;
    let birlik::platform::db::Db::Sqlite { write, .. } = &db else { anyhow::bail!("SQLite") };
    let started = Instant::now();
    generate(write).await?;
    println!("stored {SIGNALS} confirmed signals over {DAYS} days in {:.1?}", started.elapsed());

    let settings = birlik::platform::Settings { data_dir: dir.path().into(), page_cache: false, ..Default::default() };
    let state = birlik::app::state(db.clone(), settings, true)?;
    let today = birlik::early_warning::changes::today(&state.platform);
    let memo = &state.early_warning.index;
    let t = Instant::now();
    let first = memo.refresh(&db, today).await?;
    assert_eq!(first.index.regions.len(), 20);
    println!("first computation after a start (reads every confirmed signal from the table): {:.2?}", t.elapsed());
    // A finding changes one signal: the signals kept in memory follow it, and the whole index is computed again.
    let some: i64 = sqlx::query_scalar("SELECT MAX(id) FROM signals").fetch_one(write).await?;
    let mut times: Vec<Duration> = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        memo.changed(&db, Some(some)).await?;
        memo.refresh(&db, today).await?;
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "whole index recomputed after a finding (20 regions, districts, daily, weeks): median {:.2?}, worst {:.2?}",
        percentile(&times, 0.5),
        percentile(&times, 1.0)
    );
    let router = birlik::app::router(state.clone());
    for path in [
        "/kk/early-warning",
        "/ru/early-warning/regions/KZ-55",
        "/api/v1/early-warning/index.json",
        "/api/v1/early-warning/index.csv",
    ] {
        let (times, bytes) = common::request_times(&router, path, 10, 100).await?;
        println!(
            "{path}: median {:.2?}, p99 {:.2?} ({} KB)",
            percentile(&times, 0.5),
            percentile(&times, 0.99),
            bytes / 1024
        );
    }
    Ok(())
}

/// A million confirmed signals: region by number, district for two in three (a council of that region), a day
/// spread over ten years ending yesterday, weights of one or two indicators.
async fn generate(write: &sqlx::SqlitePool) -> anyhow::Result<()> {
    let at = birlik::platform::db::now();
    let mut tx = write.begin().await?;
    sqlx::query(
        "CREATE TEMP TABLE region_numbers AS SELECT ROW_NUMBER() OVER (ORDER BY code) - 1 AS k, code FROM regions",
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "CREATE TEMP TABLE districts AS SELECT ROW_NUMBER() OVER (PARTITION BY region_code ORDER BY id) - 1 AS k, id, region_code
         FROM bodies WHERE kind = 'public_consent_council'",
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
         INSERT INTO signals (reporter, region_code, district_id, happened_on, text, text_lang, severity, channel,
             status, weight, received_on, demo, created_at, updated_at)
         SELECT 'anonymous', r.code, d.id, date('now', '-' || (1 + (n.i * 7919) % $2) || ' days'), 'Bench', 'kk',
             1 + (n.i * 31) % 5, 'api', 'confirmed',
             CASE (n.i * 13) % 6 WHEN 0 THEN -1.0 WHEN 1 THEN 2.5 WHEN 2 THEN 1.5 ELSE 1.0 END,
             date('now'), TRUE, $3, $3
         FROM n JOIN region_numbers r ON r.k = n.i % 20
         LEFT JOIN districts d ON d.region_code = r.code AND d.k = (n.i / 20) % 3 AND n.i % 3 <> 0",
    )
    .bind(SIGNALS)
    .bind(DAYS)
    .bind(&at)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
