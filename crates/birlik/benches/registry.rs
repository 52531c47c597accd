//! Server time of the registry pages, in process (no network): `cargo bench -p birlik --bench registry -- DATA_DIR`.
//! DATA_DIR is a data directory prepared by `bench/registry.sh` (1,000 associations, 10,000 members).

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::Request;
use tower::ServiceExt;

const WARMUP: usize = 200;
const RUNS: usize = 3000;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() -> anyhow::Result<()> {
    let data_dir = std::env::args().skip(1).find(|a| !a.starts_with('-')).unwrap_or_else(|| "bench-data".into());
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let db = birlik::platform::db::Db::connect(None, std::path::Path::new(&data_dir)).await?;
        let associations = birlik::registry::store::association_ids(&db).await?.len();
        let members = birlik::registry::store::all_memberships(&db).await?.len();
        println!("data: {associations} associations, {members} memberships ({data_dir})");
        for page_cache in [false, true] {
            let settings =
                birlik::platform::Settings { data_dir: data_dir.clone().into(), page_cache, ..Default::default() };
            let state = birlik::app::state(db.clone(), settings, true)?;
            birlik::registry::reindex(&state.platform).await?;
            let router = birlik::app::router(state);
            println!("\npage cache {}", if page_cache { "on (anonymous readers)" } else { "off: every page rendered" });
            measure(&router).await?;
        }
        Ok(())
    })
}

async fn measure(router: &axum::Router) -> anyhow::Result<()> {
    {
        println!("{:<40} {:>10} {:>10} {:>10}", "page", "median", "p99", "bytes");
        for path in [
            "/en/associations",
            "/kk/associations?region=KZ-75&page=2",
            "/en/regions/KZ-75",
            "/kk/regions/KZ-11",
            "/ru/ethnic-groups",
        ] {
            let mut times = Vec::with_capacity(RUNS);
            let mut bytes = 0;
            for i in 0..WARMUP + RUNS {
                let started = Instant::now();
                let response = router.clone().oneshot(Request::get(path).body(Body::empty())?).await?;
                anyhow::ensure!(response.status().is_success(), "{path}: {}", response.status());
                let body = axum::body::to_bytes(response.into_body(), usize::MAX).await?;
                if i >= WARMUP {
                    times.push(started.elapsed());
                    bytes = body.len();
                }
            }
            times.sort();
            println!("{path:<40} {:>10.3?} {:>10.3?} {bytes:>10}", percentile(&times, 0.5), percentile(&times, 0.99));
        }
        Ok(())
    }
}
