//! Capability 5, the answers owed by state bodies: a body's secretariat turns a decision or an accepted proposal
//! into recommendations to addressees (the ministries of the Government, the akimats of the 20 regions, the
//! registered parties). The legal clock runs in Kazakhstan working days from receipt ([`deadlines`]); the
//! addressee's liaison acknowledges, may extend or forward, answers and reports implementation; reminders and
//! escalation are platform timers ([`reminders`]); the public scorecard ranks the addressees ([`scorecard`]).
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

pub mod addressees;
pub mod api;
pub mod changes;
pub mod deadlines;
pub mod demo;
pub mod feeds;
pub mod forms;
pub mod input;
pub mod model;
pub mod notices;
pub mod pages;
pub mod reminders;
pub mod scorecard;
pub mod store;

use axum::Router;
use axum::extract::FromRef;
use axum::routing::{get, post};

use crate::platform::Platform;
use crate::platform::change::Scope;
use crate::platform::identity::SessionUser;
use crate::platform::web::AppError;
use crate::platform::web::sections::{BodyView, Section, Shown};

/// What runs beside the requests: the scorecard kept between changes.
#[derive(Clone, Default)]
pub struct Runtime {
    pub scorecard: std::sync::Arc<scorecard::Memo>,
}

/// Every recommendation: the scorecard and the addressees' pages read them all.
pub const LIST: Scope = Scope::all("recommendations");

pub fn scope(id: i64) -> Scope {
    Scope::item("recommendation", id)
}

pub fn page_routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Platform: FromRef<S>,
    Runtime: FromRef<S>,
{
    Router::new()
        .route("/{lang}/recommendations", get(pages::list).post(forms::send))
        .route("/{lang}/recommendations/new", get(forms::new_recommendation))
        .route("/{lang}/recommendations/{id}", get(pages::recommendation))
        .route("/{lang}/recommendations/{id}/acknowledge", post(forms::acknowledge))
        .route("/{lang}/recommendations/{id}/extension", post(forms::extend))
        .route("/{lang}/recommendations/{id}/forward", post(forms::forward))
        .route("/{lang}/recommendations/{id}/answer", post(forms::answer))
        .route("/{lang}/recommendations/{id}/reports", post(forms::report))
        .route("/{lang}/scorecard", get(pages::scorecard))
        .route("/{lang}/addressees/{id}", get(pages::addressee))
        .route("/{lang}/addressees/{id}/liaisons", post(forms::assign_liaison))
        .route("/{lang}/addressees/{id}/edit", post(forms::edit_addressee))
        .route("/{lang}/liaison", get(pages::liaison_inbox))
        .route("/api/v1/scorecard.csv", get(api::scorecard_csv))
        .route("/api/v1/addressees/{id}/recommendations.atom", get(feeds::of_addressee))
        .route("/api/v1/bodies/{id}/recommendations.atom", get(feeds::of_body))
}

pub fn start() {
    crate::platform::change::area(LIST.area);
}

/// What a cached page of recommendations reads: recommendations (the scorecard all of them) and the registry.
pub fn page_scopes(path: &str) -> Option<Vec<Scope>> {
    let mut parts = path.split('/').skip(2);
    matches!(parts.next(), Some("recommendations" | "scorecard" | "addressees"))
        .then(|| vec![LIST, crate::platform::change::REGISTRY])
}

/// A body's page lists the recommendations it sent, newest first.
pub fn body_section<'a>(state: &'a Platform, view: &'a BodyView<'a>) -> Shown<'a> {
    use crate::platform::web::Link;
    Box::pin(async move {
        let ctx = view.ctx;
        let today = crate::platform::days::iso(changes::today(state));
        let filter = store::Filter { body: Some(view.id), ..Default::default() };
        let (sent, _) = store::list(&state.db, &filter, &today).await?;
        if sent.is_empty() && !view.manages {
            return Ok(None);
        }
        let items = sent
            .iter()
            .take(10)
            .map(|r| {
                let label = format!("{} · {}", r.heading(ctx.lang), ctx.t(r.status.key()));
                Link::new(ctx, format!("/recommendations/{}", r.id), label)
            })
            .collect();
        let mut actions = vec![(
            Link::new(ctx, format!("/recommendations?body={}", view.id), ctx.t("recommendations-all")),
            "recommendations-of-body",
        )];
        if view.manages {
            actions.push((
                Link::new(ctx, format!("/recommendations/new?body={}", view.id), ctx.t("recommendation-new")),
                "recommendation-new",
            ));
        }
        Ok(Some(Section { title: ctx.t("recommendations-title"), items, actions }))
    })
}

/// Documents of a recommendation (its text's annexes, the answer's): public; attached by the sending secretariat or
/// by a liaison of the addressee.
pub fn document_access() -> crate::platform::files::ItemAccess {
    crate::platform::files::ItemAccess {
        may_read: may_read_documents,
        may_attach: may_attach_documents,
        page: |id| format!("/recommendations/{id}"),
    }
}

fn may_read_documents<'a>(
    state: &'a Platform,
    id: i64,
    _user: Option<&'a SessionUser>,
) -> crate::platform::files::Decision<'a> {
    Box::pin(async move { store::get(&state.db, id).await?.map(|_| true).ok_or(AppError::NotFound) })
}

fn may_attach_documents<'a>(
    state: &'a Platform,
    id: i64,
    user: Option<&'a SessionUser>,
) -> crate::platform::files::Decision<'a> {
    Box::pin(async move {
        let r = store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
        let Some(user) = user else { return Ok(false) };
        if r.status == model::Status::Closed || r.status == model::Status::Forwarded {
            return Ok(false);
        }
        if addressees::liaison_of(&state.db, user.id).await? == Some(r.addressee_id) {
            return Ok(true);
        }
        Ok(crate::platform::identity::authz::manage_body(&state.db, user, r.body_id).await.is_ok())
    })
}
