//! Capability 4, the voice of local communities: proposals rise from district councils through regional assemblies
//! to the national level. A participant, an association (through a member who represents it) or a body files a
//! proposal to a body; registered participants support it; at the body's threshold within its window it joins the
//! body's queue; the body accepts it (it may then become a recommendation), forwards it up with its supporters,
//! merges it with similar ones (supporters are the union) or rejects it, each step with a stated reason.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

pub mod api;
pub mod categories;
pub mod changes;
pub mod demo;
pub mod forms;
pub mod input;
pub mod lineage;
pub mod model;
pub mod moderated;
pub mod notices;
pub mod pages;
pub mod search;
pub mod store;
pub mod supports;

use axum::Router;
use axum::extract::FromRef;
use axum::routing::{get, post};

use crate::platform::Platform;
use crate::platform::change::Scope;
use crate::platform::identity::SessionUser;
use crate::platform::web::AppError;
use crate::platform::web::sections::{BodyView, Section, Shown};

/// What runs beside the requests: the writer that counts supports by group commit.
#[derive(Clone)]
pub struct Runtime {
    pub supports: supports::SupportWriter,
}

impl Runtime {
    pub fn start(db: &crate::platform::db::Db) -> Runtime {
        Runtime { supports: supports::start(db.clone()) }
    }
}

/// Every proposal: its page shows its lineage and the lists show counts, so one scope for all of them.
pub const LIST: Scope = Scope::all("proposals");

/// One proposal, as an item people follow and events name.
pub fn scope(id: i64) -> Scope {
    Scope::item("proposal", id)
}

pub fn page_routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Platform: FromRef<S>,
    Runtime: FromRef<S>,
{
    Router::new()
        .route("/{lang}/proposals", get(pages::list).post(forms::file))
        .route("/{lang}/proposals/new", get(forms::new_proposal))
        .route("/{lang}/proposals/similar", get(forms::similar))
        .route("/{lang}/proposals/{id}", get(pages::proposal))
        .route("/{lang}/proposals/{id}/support", post(forms::support))
        .route("/{lang}/proposals/{id}/withdraw", post(forms::withdraw))
        .route("/{lang}/proposals/{id}/step", post(forms::take_step))
        .route("/{lang}/bodies/{id}/proposal-rules", get(forms::edit_rules).post(forms::set_rules))
}

pub fn start() {
    crate::platform::change::area(LIST.area);
}

/// What a cached page of proposals reads: proposals (a page shows others of its lineage), and the registry's names.
pub fn page_scopes(path: &str) -> Option<Vec<Scope>> {
    let mut parts = path.split('/').skip(2);
    (parts.next() == Some("proposals")).then(|| vec![LIST, crate::platform::change::REGISTRY])
}

/// The body's page lists the proposals before it, the queue first.
pub fn body_section<'a>(state: &'a Platform, view: &'a BodyView<'a>) -> Shown<'a> {
    use crate::platform::web::Link;
    Box::pin(async move {
        let body = crate::registry::store::body(&state.db, view.id).await?;
        if !body.is_some_and(|b| model::receives_proposals(b.kind)) {
            return Ok(None);
        }
        let ctx = view.ctx;
        let mut items = Vec::new();
        for status in [model::ProposalStatus::Queued, model::ProposalStatus::Open] {
            let filter =
                store::Filter { body: Some(view.id), status: Some(status.code().to_owned()), ..Default::default() };
            for p in store::proposals(&state.db, &filter).await?.0.iter().take(10) {
                let label = format!("{} · {}", p.heading(ctx.lang), ctx.t(status.key()));
                items.push(Link::new(ctx, format!("/proposals/{}", p.id), label));
            }
        }
        let mut actions =
            vec![(Link::new(ctx, format!("/proposals/new?body={}", view.id), ctx.t("proposal-new")), "proposal-new")];
        if view.manages {
            actions.push((
                Link::new(ctx, format!("/bodies/{}/proposal-rules", view.id), ctx.t("proposal-rules-title")),
                "proposal-rules",
            ));
        }
        Ok(Some(Section { title: ctx.t("proposals-title"), items, actions }))
    })
}

/// Documents of a proposal: public; attached by its author while it is live, or by the secretariat of its body.
pub fn document_access() -> crate::platform::files::ItemAccess {
    crate::platform::files::ItemAccess {
        may_read: may_read_documents,
        may_attach: may_attach_documents,
        page: |id| format!("/proposals/{id}"),
    }
}

fn may_read_documents<'a>(
    state: &'a Platform,
    id: i64,
    _user: Option<&'a SessionUser>,
) -> crate::platform::files::Decision<'a> {
    Box::pin(async move { store::proposal(&state.db, id).await?.map(|_| true).ok_or(AppError::NotFound) })
}

fn may_attach_documents<'a>(
    state: &'a Platform,
    id: i64,
    user: Option<&'a SessionUser>,
) -> crate::platform::files::Decision<'a> {
    Box::pin(async move {
        let p = store::proposal(&state.db, id).await?.ok_or(AppError::NotFound)?;
        let Some(user) = user else { return Ok(false) };
        if p.author_id == user.id && p.status.is_live() {
            return Ok(true);
        }
        Ok(crate::platform::identity::authz::manage_body(&state.db, user, p.body_id).await.is_ok())
    })
}
