//! Capability 6's confidential side, mediation: an ethnomediation council opens a case from signals of early
//! warning or directly, assigns mediators from among its members, and they keep the case file, the agreement and
//! its follow-ups until the case closes with an outcome. **Confidential**: only the assigned mediators and the
//! council's chair read a case (not admins, not the secretariat); every read is logged and shown to the chair;
//! titles, parties and the file are sealed at rest with the key outside the database (`platform::seal`). The
//! public sees only cases opened and closed per region and quarter, small counts withheld. Documents of a case
//! are sealed whole in the database (files on disk are not sealed), at most 10 MB each.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

pub mod access;
pub mod changes;
pub mod demo;
pub mod forms;
pub mod model;
pub mod notices;
pub mod pages;
pub mod reminders;
pub mod store;

use axum::Router;
use axum::extract::FromRef;
use axum::routing::{get, post};

use crate::platform::Platform;
use crate::platform::change::Scope;

/// Every case: the public figures read them all.
pub const CASES: Scope = Scope::all("cases");

pub fn case_scope(id: i64) -> Scope {
    Scope::item("case", id)
}

pub fn page_routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Platform: FromRef<S>,
{
    Router::new()
        .route("/{lang}/mediation", get(pages::index).post(forms::open))
        .route("/{lang}/mediation/new", get(forms::new_case))
        .route("/{lang}/mediation/{id}", get(pages::case))
        .route("/{lang}/mediation/{id}/entries", post(forms::write))
        .route("/{lang}/mediation/{id}/mediators", post(forms::assign))
        .route("/{lang}/mediation/{id}/documents", post(forms::attach))
        .route("/{lang}/mediation/{id}/documents/{doc}", get(forms::download))
}

pub fn register(jobs: &crate::platform::jobs::Jobs) {
    crate::platform::change::area(CASES.area);
    reminders::register(jobs);
}
