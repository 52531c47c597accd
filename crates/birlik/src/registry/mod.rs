//! Capability 1, the registry: ethnic groups, regions, bodies in their hierarchy, ethnocultural associations and
//! members. Public pages, secretariat forms, the JSON API, open-data exports, CSV imports and search documents.

pub mod api;
pub mod authz;
pub mod changes;
pub mod demo;
pub mod export;
pub mod forms;
pub mod input;
pub mod model;
pub mod pages;
pub mod reference;
pub mod seed;
pub mod store;

use axum::extract::FromRef;
use std::sync::LazyLock;

use axum::Router;
use axum::routing::{get, post};

use crate::platform::Platform;
use crate::platform::db::Db;
use crate::platform::i18n::{Lang, Localized};
use crate::platform::search::{SearchDoc, SearchIndex};
use model::{Association, Body, EthnicGroup, Region};

/// The registry's pages and forms, under `/{lang}`.
pub fn page_routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Platform: FromRef<S>,
{
    Router::new()
        .route("/{lang}", get(pages::home))
        .route("/{lang}/", get(pages::home))
        .route("/{lang}/regions", get(pages::regions))
        .route("/{lang}/regions/{code}", get(pages::region))
        .route("/{lang}/ethnic-groups", get(pages::groups))
        .route("/{lang}/ethnic-groups/{slug}", get(pages::group))
        .route("/{lang}/associations", get(pages::associations).post(forms::create_association))
        .route("/{lang}/associations/new", get(forms::new_association))
        .route("/{lang}/associations/{id}", get(pages::association))
        .route("/{lang}/associations/{id}/edit", get(forms::edit_association).post(forms::update_association))
        .route("/{lang}/associations/{id}/archive", post(forms::archive_association))
        .route("/{lang}/bodies", get(pages::bodies).post(forms::create_body))
        .route("/{lang}/bodies/new", get(forms::new_body))
        .route("/{lang}/bodies/{id}", get(pages::body))
        .route("/{lang}/bodies/{id}/edit", get(forms::edit_body).post(forms::update_body))
        .route("/{lang}/bodies/{id}/archive", post(forms::archive_body))
        .route("/{lang}/bodies/{id}/members/new", get(forms::new_membership).post(forms::create_membership))
        .route("/{lang}/memberships/{id}/edit", get(forms::edit_membership).post(forms::update_membership))
        .route("/{lang}/memberships/{id}/archive", post(forms::archive_membership))
        .route("/{lang}/persons/{id}", get(pages::person))
        .route("/{lang}/search", get(pages::search))
        .route("/{lang}/open-data", get(pages::open_data))
}

/// Sorts `items` by name in each language once: the reference data does not change while the server runs.
fn sorted_once<T: Localized>(items: Vec<&'static T>) -> [Vec<&'static T>; 3] {
    Lang::ALL.map(|lang| {
        let mut sorted = items.clone();
        sorted.sort_by(|a, b| lang.compare(a.name(lang), b.name(lang)));
        sorted
    })
}

static SORTED_REGIONS: LazyLock<[Vec<&'static Region>; 3]> =
    LazyLock::new(|| sorted_once(reference::regions().iter().collect()));
static SORTED_GROUPS: LazyLock<[Vec<&'static EthnicGroup>; 3]> =
    LazyLock::new(|| sorted_once(reference::ethnic_groups().collect()));

fn lang_slot(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).expect("every language is in Lang::ALL")
}

/// Regions in the reader's alphabetical order.
pub fn sorted_regions(lang: Lang) -> Vec<&'static Region> {
    SORTED_REGIONS[lang_slot(lang)].clone()
}

/// Ethnic groups in the reader's alphabetical order.
pub fn sorted_groups(lang: Lang) -> Vec<&'static EthnicGroup> {
    SORTED_GROUPS[lang_slot(lang)].clone()
}

/// Options of a `<select>`: value and label.
pub type Choices = Vec<(String, String)>;

/// The regions as `<select>` options, in the reader's alphabetical order.
pub fn region_choices(lang: Lang) -> Choices {
    sorted_regions(lang).into_iter().map(|r| (r.code.clone(), r.name(lang).to_owned())).collect()
}

/// The ethnic groups as `<select>` options, in the reader's alphabetical order.
pub fn group_choices(lang: Lang) -> Choices {
    sorted_groups(lang).into_iter().map(|g| (g.slug.clone(), g.name(lang).to_owned())).collect()
}

fn names(x: &impl Localized) -> [String; 3] {
    [x.name_kk().to_owned(), x.name_ru().to_owned(), x.name_en().to_owned()]
}

pub fn association_doc(a: &Association) -> SearchDoc {
    SearchDoc { kind: "association", id: a.id.to_string(), names: names(a), path: format!("/associations/{}", a.id) }
}

pub fn body_doc(b: &Body) -> SearchDoc {
    SearchDoc { kind: "body", id: b.id.to_string(), names: names(b), path: format!("/bodies/{}", b.id) }
}

fn group_doc(g: &EthnicGroup) -> SearchDoc {
    SearchDoc { kind: "group", id: g.slug.clone(), names: names(g), path: format!("/ethnic-groups/{}", g.slug) }
}

/// A person is found by name, the same in every language.
pub fn membership_person_doc(m: &model::Membership) -> SearchDoc {
    let name = &m.person_name;
    SearchDoc {
        kind: "person",
        id: m.person_id.to_string(),
        names: [name.clone(), name.clone(), name.clone()],
        path: format!("/persons/{}", m.person_id),
    }
}

/// Adds or refreshes search documents after a committed write. The index is derived and `birlik reindex`
/// repairs it, so a failure here is logged rather than turned into an error for a write that succeeded.
pub async fn index(state: &Platform, docs: Vec<SearchDoc>) {
    let search = state.search.clone();
    match tokio::task::spawn_blocking(move || search.upsert(&docs)).await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => tracing::error!(error = %e, "search index not updated; run `birlik reindex`"),
        Err(e) => tracing::error!(error = %e, "search index update panicked"),
    }
}

/// Removes a search document after an archive (logged on failure, like [`index`]).
pub async fn unindex(state: &Platform, kind: &'static str, id: i64) {
    let search = state.search.clone();
    match tokio::task::spawn_blocking(move || search.remove(kind, &id.to_string())).await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => tracing::error!(error = %e, "search index not updated; run `birlik reindex`"),
        Err(e) => tracing::error!(error = %e, "search index update panicked"),
    }
}

/// After a seat is archived: a person with no seat left is no longer found.
pub async fn reindex_person(state: &Platform, person: i64) -> Result<(), crate::platform::web::AppError> {
    let filter = store::MembershipFilter { person: Some(person), per_page: Some(1), ..Default::default() };
    if store::memberships(&state.db, &filter).await?.1 == 0 {
        unindex(state, "person", person).await;
    }
    Ok(())
}

/// Rebuilds the search index from the database.
pub async fn reindex(state: &Platform) -> anyhow::Result<usize> {
    rebuild_index(&state.db, &state.search).await
}

/// What an import writes through the command line (or any change made without a session, which indexes nothing
/// itself): every server rebuilds its search index when it reads the event.
pub const IMPORTED: &str = "registry.imported";

/// The registry's event handlers: every server keeps its own search index, so each rebuilds it after an import.
pub fn register(changes: &crate::platform::change::Worker, db: Db, search: std::sync::Arc<SearchIndex>) {
    changes.on_each_server(IMPORTED, move |_event| {
        let (db, search) = (db.clone(), search.clone());
        async move {
            let documents = rebuild_index(&db, &search).await?;
            tracing::info!(documents, "search index rebuilt after an import");
            Ok(())
        }
    });
}

async fn rebuild_index(db: &Db, search: &std::sync::Arc<SearchIndex>) -> anyhow::Result<usize> {
    let mut docs: Vec<SearchDoc> = reference::ethnic_groups().map(group_doc).collect();
    docs.extend(store::bodies(db, false).await?.iter().map(body_doc));
    let associations = store::all_associations(db).await?;
    docs.extend(associations.iter().filter(|a| a.archived_at.is_none()).map(association_doc));
    let memberships = store::all_memberships(db).await?;
    docs.extend(memberships.iter().filter(|m| m.archived_at.is_none()).map(membership_person_doc));
    // A person with several seats appears once.
    let mut seen = std::collections::HashSet::new();
    docs.retain(|d| seen.insert((d.kind, d.id.clone())));
    let (search, count) = (search.clone(), docs.len());
    tokio::task::spawn_blocking(move || search.rebuild(&docs)).await??;
    Ok(count)
}

/// Who may read and attach the documents of a body: anyone reads them (like the body's page); its secretariat,
/// whoever covers the body, and admins attach them, while the body is not archived.
pub fn document_access() -> crate::platform::files::ItemAccess {
    crate::platform::files::ItemAccess {
        may_read: may_read_body_documents,
        may_attach: may_attach_body_documents,
        page: |id| format!("/bodies/{id}"),
    }
}

fn may_read_body_documents<'a>(
    state: &'a Platform,
    id: i64,
    _user: Option<&'a crate::platform::identity::SessionUser>,
) -> crate::platform::files::Decision<'a> {
    Box::pin(
        async move { store::body(&state.db, id).await?.map(|_| true).ok_or(crate::platform::web::AppError::NotFound) },
    )
}

fn may_attach_body_documents<'a>(
    state: &'a Platform,
    id: i64,
    user: Option<&'a crate::platform::identity::SessionUser>,
) -> crate::platform::files::Decision<'a> {
    use crate::platform::web::AppError;
    Box::pin(async move {
        let body = store::body(&state.db, id).await?.ok_or(AppError::NotFound)?;
        let Some(user) = user else { return Ok(false) };
        if body.archived_at.is_some() {
            return Ok(false);
        }
        match authz::manage_body(&state.db, user, id).await {
            Ok(()) => Ok(true),
            Err(AppError::Forbidden) => Ok(false),
            Err(e) => Err(e),
        }
    })
}
