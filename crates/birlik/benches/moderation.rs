//! Moderation at scale, on SQLite: `cargo bench -p birlik --bench moderation`.
//!
//! A regional assembly's queue with 100,000 open items (consultation statements of its bodies, with reports and
//! flags) and a year of decisions (120,000: 10,000 a month across the demo's bodies, a tenth appealed), inserted
//! by `INSERT … SELECT` over generated series. Then, in process with the page cache off, each 100 times after 10 to
//! warm up: the body's queue page and the store's read of it, and the transparency report of a month (JSON, CSV
//! and page) for every body. Targets: the queue under 10 ms median server time; the report under 50 ms.

use std::time::Instant;

mod common;
use common::percentile;

const OPEN: i64 = 100_000;
const DECISIONS: i64 = 120_000;

fn main() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let (dir, db, _) = common::demo_database().await?;
    let birlik::platform::db::Db::Sqlite { write, .. } = &db else { anyhow::bail!("SQLite") };
    let body: i64 =
        sqlx::query_scalar("SELECT id FROM bodies WHERE kind = 'regional_assembly' AND region_code = 'KZ-75'")
            .fetch_one(write)
            .await?;
    let started = Instant::now();
    generate(write, body).await?;
    println!("stored {OPEN} open items and {DECISIONS} decisions in {:.1?}", started.elapsed());
    let settings = birlik::platform::Settings { data_dir: dir.path().into(), page_cache: false, ..Default::default() };
    let state = birlik::app::state(db.clone(), settings, true)?;
    let bodies = birlik::platform::identity::authz::body_and_descendants(&db, body).await?;
    let mut times = Vec::new();
    for i in 0..110 {
        let t = Instant::now();
        let q = birlik::platform::moderation::store::queue(&db, &bodies, 200).await?;
        if i >= 10 {
            times.push(t.elapsed());
        }
        assert_eq!(q.len(), 200);
    }
    times.sort();
    println!(
        "queue of {} bodies, 200 first by priority (store): median {:.2?}, p99 {:.2?}",
        bodies.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99)
    );
    let month = birlik::platform::db::now()[..7].to_owned();
    let router = birlik::app::router(state.clone());
    for path in [
        format!("/api/v1/moderation/report?month={month}"),
        format!("/api/v1/moderation/report.csv?month={month}"),
        format!("/kk/moderation/report?month={month}"),
        "/api/v1/moderation/log".to_owned(),
        "/kk/moderation/log".to_owned(),
    ] {
        let (times, bytes) = common::request_times(&router, &path, 10, 100).await?;
        println!(
            "{path}: median {:.2?}, p99 {:.2?} ({} KB)",
            percentile(&times, 0.5),
            percentile(&times, 0.99),
            bytes / 1024
        );
    }
    Ok(())
}

async fn generate(write: &sqlx::SqlitePool, body: i64) -> anyhow::Result<()> {
    let at = birlik::platform::db::now();
    let mut tx = write.begin().await?;
    sqlx::query(
        "CREATE TEMP TABLE under AS WITH RECURSIVE down (id) AS (SELECT id FROM bodies WHERE id = $1
             UNION ALL SELECT b.id FROM bodies b JOIN down ON b.parent_id = down.id)
         SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS k, id FROM down",
    )
    .bind(body)
    .execute(&mut *tx)
    .await?;
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM under").fetch_one(&mut *tx).await?;
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
         INSERT INTO moderation_queue (item_kind, item_id, body_id, excerpt, reports, flags, audience, first_at, priority, open)
         SELECT 'statement', n.i, u.id, 'Тұжырым ' || n.i, n.i % 7, n.i % 3, n.i % 500, $2,
             (n.i % 7) * 10 + (n.i % 3) * 5 + (n.i % 30) + (n.i % 500) / 100.0, TRUE
         FROM n JOIN under u ON u.k = n.i % $3",
    )
    .bind(OPEN)
    .bind(&at)
    .bind(n)
    .execute(&mut *tx)
    .await?;
    sqlx::query("CREATE TEMP TABLE all_bodies AS SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS k, id FROM bodies")
        .execute(&mut *tx)
        .await?;
    let all: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM all_bodies").fetch_one(&mut *tx).await?;
    // A year back from now, 10,000 a month: the month now holds about 10,000 of them.
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
         INSERT INTO moderation_decisions (item_kind, item_id, body_id, action, clause, policy_version, automatic,
             decided_role, decided_at)
         SELECT 'statement', 1000000 + n.i, b.id,
             CASE n.i % 5 WHEN 0 THEN 'approve' WHEN 1 THEN 'hide' WHEN 2 THEN 'hide' WHEN 3 THEN 'ask_edit' ELSE 'suspend' END,
             CASE n.i % 7 WHEN 0 THEN 'incitement' WHEN 1 THEN 'violence' WHEN 2 THEN 'extremism' WHEN 3 THEN 'insult'
                 WHEN 4 THEN 'personal-data' WHEN 5 THEN 'spam' ELSE 'off-topic' END,
             '2026-12', FALSE, 'moderator',
             strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-' || (n.i * 263 % 31536000) || ' seconds')
         FROM n JOIN all_bodies b ON b.k = n.i % $2",
    )
    .bind(DECISIONS)
    .bind(all)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO users (email, email_normalized, display_name, password_hash, created_at)
         VALUES ('author@bench.kz', 'author@bench.kz', 'Author', '!', $1)",
    )
    .bind(&at)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO moderation_appeals (decision_id, author_id, text, filed_at)
         SELECT d.id, (SELECT MIN(id) FROM users), 'Appeal', d.decided_at FROM moderation_decisions d WHERE d.id % 10 = 0",
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
