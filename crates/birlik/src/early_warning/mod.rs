//! Capability 6, early warning of ethno-social tension: anyone reports a signal (anonymously if he wishes), a
//! verifier of the regional assembly confirms it or finds it false (a false rumour is published with its
//! rebuttal), confirmed signals make the daily tension index of each region ([`index`], by the `tension` crate),
//! and an abnormal rise raises an alert whose owners must acknowledge it ([`alerts`]). The public sees weekly
//! figures per region on a tile map; verifiers and secretariats see the signals of their regions. Confidential
//! mediation of the conflicts behind signals is its own capability (`mediation`).
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

pub mod access;
pub mod alerts;
pub mod api;
pub mod changes;
pub mod demo;
pub mod forms;
pub mod index;
pub mod indicators;
pub mod input;
pub mod model;
pub mod moderated;
pub mod notices;
pub mod pages;
pub mod store;

use std::sync::Arc;

use axum::Router;
use axum::extract::FromRef;
use axum::routing::{get, post};

use crate::platform::Platform;
use crate::platform::change::{Scope, Worker};
use crate::platform::jobs::Jobs;
use crate::platform::limit::RateLimit;

/// What runs beside the requests: the index kept between findings, and the per-address limit of anonymous
/// reports (in memory only: the address is never stored).
#[derive(Clone)]
pub struct Runtime {
    pub index: index::Memo,
    pub intake: Arc<RateLimit<String>>,
}

/// Anonymous reports one address may send at once, then per hour.
pub const INTAKE_BURST: f64 = 5.0;
pub const INTAKE_PER_HOUR: f64 = 10.0;

impl Default for Runtime {
    fn default() -> Runtime {
        Runtime {
            index: index::Memo::default(),
            intake: Arc::new(RateLimit::new(INTAKE_BURST, INTAKE_PER_HOUR / 3600.0)),
        }
    }
}

/// Every signal: the index and the verifiers' lists read them all.
pub const SIGNALS: Scope = Scope::all("signals");
/// Every alert.
pub const ALERTS: Scope = Scope::all("alerts");
/// Any change to one signal.
pub const CHANGED: &str = "signal.changed";

pub fn signal_scope(id: i64) -> Scope {
    Scope::item("signal", id)
}

pub fn alert_scope(id: i64) -> Scope {
    Scope::item("alert", id)
}

pub fn page_routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Platform: FromRef<S>,
    Runtime: FromRef<S>,
{
    Router::new()
        .route("/{lang}/early-warning", get(pages::dashboard))
        .route("/{lang}/early-warning/regions/{code}", get(pages::region))
        .route("/{lang}/early-warning/rebuttals", get(pages::rebuttals))
        .route("/{lang}/signals", get(pages::signals).post(forms::report))
        .route("/{lang}/signals/new", get(forms::new_signal))
        .route("/{lang}/signals/questionnaire", get(forms::questionnaire_page).post(forms::questionnaire))
        .route("/{lang}/signals/verifiers", post(forms::assign_verifier))
        .route("/{lang}/signals/{id}", get(pages::signal))
        .route("/{lang}/signals/{id}/verify", post(forms::verify))
        .route("/{lang}/signals/{id}/rebuttal", post(forms::rebut))
        .route("/{lang}/alerts", get(pages::alerts))
        .route("/{lang}/alerts/{id}", get(pages::alert))
        .route("/{lang}/alerts/{id}/acknowledge", post(forms::acknowledge))
        .route("/{lang}/alerts/{id}/response", post(forms::respond))
        .route("/api/v1/early-warning/index.csv", get(api::index_csv))
}

/// The job that applies the retention rule, once a day.
pub const RETENTION_JOB: &str = "signals.retention";

/// Registers what early warning does beside requests: each server recomputes its index when a finding changes
/// (and stores the alerts it raised), the escalation timer, and the daily retention rule.
pub fn register(platform: &Platform, worker: &Worker, jobs: &Jobs, runtime: &Runtime) {
    crate::platform::change::area(SIGNALS.area);
    crate::platform::change::area(ALERTS.area);
    // Every server updates the signals it keeps and forgets its index (the next reader recomputes it); one server
    // stores the alerts it raises (having applied the finding too: the order of the two handlers is not fixed, and
    // applying a finding twice changes nothing).
    let (db, memo) = (platform.db.clone(), runtime.index.clone());
    worker.on_each_server(store::VERIFIED, move |event| {
        let (db, memo) = (db.clone(), memo.clone());
        async move { memo.changed(&db, event.subject_id).await }
    });
    let (state, kept) = (platform.clone(), runtime.clone());
    worker.on(store::VERIFIED, move |event| {
        let (state, kept) = (state.clone(), kept.clone());
        async move {
            kept.index.changed(&state.db, event.subject_id).await?;
            changes::recompute(&state, &kept).await?;
            Ok(())
        }
    });
    alerts::register(jobs);
    let retention_days = platform.settings.signal_retention_days;
    jobs.register_every(RETENTION_JOB, std::time::Duration::from_secs(24 * 3600), move |ctx, _payload| async move {
        let redacted = changes::apply_retention(&ctx.db, ctx.now_ms, retention_days).await?;
        tracing::info!(redacted, "anonymous signals past retention redacted");
        Ok(())
    });
}

/// What a cached page of early warning reads: signals and alerts (the dashboard the index of all of them).
pub fn page_scopes(path: &str) -> Option<Vec<Scope>> {
    let mut parts = path.split('/').skip(2);
    matches!(parts.next(), Some("early-warning" | "signals" | "alerts"))
        .then(|| vec![SIGNALS, ALERTS, crate::platform::change::REGISTRY])
}

/// The home page invites readers to report what they saw, and leads to the public dashboard.
pub fn home_section<'a>(
    _state: &'a Platform,
    ctx: &'a crate::platform::web::PageCtx,
) -> crate::platform::web::sections::FeaturedNow<'a> {
    use crate::platform::web::Link;
    use crate::platform::web::sections::{Feature, Featured};
    Box::pin(async move {
        Ok(Some(Featured {
            id: "early-warning",
            title: ctx.t("early-warning-title"),
            items: vec![Feature {
                link: Link::new(ctx, "/signals/new".to_owned(), ctx.t("signal-new")),
                lang: ctx.lang.code().to_owned(),
                meta: ctx.t("early-warning-home-lead"),
                action: ctx.t("signal-report"),
            }],
            all: Link::new(ctx, "/early-warning".to_owned(), ctx.t("early-warning-dashboard")),
            none: String::new(),
        }))
    })
}

/// Documents of a signal (a photo, a leaflet): seen by those who verify its region, attached by them or by the
/// named reporter.
pub fn document_access() -> crate::platform::files::ItemAccess {
    crate::platform::files::ItemAccess {
        may_read: may_read_documents,
        may_attach: may_attach_documents,
        page: |id| format!("/signals/{id}"),
    }
}

fn may_read_documents<'a>(
    state: &'a Platform,
    id: i64,
    user: Option<&'a crate::platform::identity::SessionUser>,
) -> crate::platform::files::Decision<'a> {
    Box::pin(async move {
        let signal = store::get(&state.db, id).await?.ok_or(crate::platform::web::AppError::NotFound)?;
        let Some(user) = user else { return Ok(false) };
        Ok(access::verifiable(&state.db, user).await?.contains(&signal.region_code))
    })
}

fn may_attach_documents<'a>(
    state: &'a Platform,
    id: i64,
    user: Option<&'a crate::platform::identity::SessionUser>,
) -> crate::platform::files::Decision<'a> {
    Box::pin(async move {
        let signal = store::get(&state.db, id).await?.ok_or(crate::platform::web::AppError::NotFound)?;
        let Some(user) = user else { return Ok(false) };
        if signal.reported_by == Some(user.id) {
            return Ok(true);
        }
        Ok(access::verifiable(&state.db, user).await?.contains(&signal.region_code))
    })
}
