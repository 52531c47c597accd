//! What the benchmarks share: a consultation to open, its statements, and percentiles.

// Each benchmark uses part of what is here.
#![allow(dead_code)]

pub mod votes;

use std::time::Duration;

use birlik::consultations::input::ConsultationInput;
use birlik::consultations::model::{Moderation, Multilingual, Participation, ResultsShown, Status};
use birlik::consultations::store::ImportedStatement;

/// A SQLite database in a temporary directory with the reference data and the demo registry, and the id of a
/// body to open consultations in.
pub async fn demo_database() -> anyhow::Result<(tempfile::TempDir, birlik::platform::db::Db, i64)> {
    let dir = tempfile::tempdir()?;
    let db = birlik::platform::db::Db::connect(None, dir.path()).await?;
    db.migrate().await?;
    birlik::app::load_reference(&db).await?;
    birlik::registry::seed::load_demo(&db).await?;
    let body = birlik::registry::store::bodies(&db, false).await?.first().map(|b| b.id).unwrap_or(1);
    Ok((dir, db, body))
}

/// `path` requested `runs` times of `router` in process after `warmup` more: the sorted times and the body size.
pub async fn request_times(
    router: &axum::Router,
    path: &str,
    warmup: usize,
    runs: usize,
) -> anyhow::Result<(Vec<Duration>, usize)> {
    use tower::ServiceExt;
    let (mut times, mut bytes) = (Vec::with_capacity(runs), 0);
    for i in 0..warmup + runs {
        let started = std::time::Instant::now();
        let request = axum::http::Request::get(path).body(axum::body::Body::empty())?;
        let response = router.clone().oneshot(request).await?;
        anyhow::ensure!(response.status().is_success(), "{path}: {}", response.status());
        let body = axum::body::to_bytes(response.into_body(), usize::MAX).await?;
        if i >= warmup {
            times.push(started.elapsed());
            bytes = body.len();
        }
    }
    times.sort();
    Ok((times, bytes))
}

/// The `p` quantile of sorted durations.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted.get(((sorted.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or_default()
}

/// An open consultation of `body`, asking for the region.
pub fn open_input(body: i64, question: &str) -> ConsultationInput {
    ConsultationInput {
        body_id: body,
        question: Multilingual { en: Some(question.into()), ..Default::default() },
        description: Multilingual::default(),
        opens_on: birlik::consultations::model::today(),
        closes_on: "2099-12-31".into(),
        moderation: Moderation::Publish,
        participation: Participation::Anyone,
        ask_region: true,
        ask_ethnic_group: false,
        ask_language: false,
        results: ResultsShown::Running,
        source: None,
    }
}

/// `n` published statements, named by their index.
pub fn statements(n: usize) -> Vec<ImportedStatement> {
    (0..n)
        .map(|j| ImportedStatement {
            external_id: j.to_string(),
            text: format!("Statement number {j} about the life of the region"),
            lang: "en".into(),
            author: None,
            status: Status::Published,
            is_meta: false,
            created_at: birlik::platform::db::now(),
        })
        .collect()
}
