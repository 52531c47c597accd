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
fn sorted_once<T: Localized>(items: Vec<&'static T>, key: fn(&str) -> &str) -> [Vec<&'static T>; 3] {
    Lang::ALL.map(|lang| {
        let mut sorted = items.clone();
        sorted.sort_by(|a, b| lang.compare(key(a.name(lang)), key(b.name(lang))));
        sorted
    })
}

/// A region's own name, for sorting: the official Russian names of the regions made in 2022 put the generic word
/// first («область Жетісу»), which would file them all under «о».
fn region_sort_name(name: &str) -> &str {
    name.strip_prefix("область ").unwrap_or(name)
}

static SORTED_REGIONS: LazyLock<[Vec<&'static Region>; 3]> =
    LazyLock::new(|| sorted_once(reference::regions().iter().collect(), region_sort_name));
static SORTED_GROUPS: LazyLock<[Vec<&'static EthnicGroup>; 3]> =
    LazyLock::new(|| sorted_once(reference::ethnic_groups().collect(), |name| name));

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

fn region_doc(r: &Region) -> SearchDoc {
    SearchDoc { kind: "region", id: r.code.clone(), names: names(r), path: format!("/regions/{}", r.code) }
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

/// Rebuilds the whole search index from the database: the registry's documents and those of every other
/// capability that registered a source.
pub async fn reindex(state: &Platform) -> anyhow::Result<usize> {
    state.search.rebuild_from(&state.db).await
}

/// What an import writes through the command line (or any change made without a session, which indexes nothing
/// itself): every server rebuilds its search index when it reads the event.
pub const IMPORTED: &str = "registry.imported";

/// A record changed (its event's area is its search kind: `body`, `association`, `person`).
pub const RECORD: &str = "registry.record";

/// The registry's event handlers. Every server keeps its own search index, so each refreshes a changed record's
/// document, and rebuilds the index after an import, whichever server (or command) made the change.
pub fn register(changes: &crate::platform::change::Worker, db: Db, search: std::sync::Arc<SearchIndex>) {
    search.add_source(documents);
    let (db_, search_) = (db.clone(), search.clone());
    changes.on_each_server(RECORD, move |event| {
        let (db, search) = (db_.clone(), search_.clone());
        async move { refresh_document(&db, &search, &event.area, event.item_id).await }
    });
    changes.on_each_server(IMPORTED, move |_event| {
        let (db, search) = (db.clone(), search.clone());
        async move {
            let documents = search.rebuild_from(&db).await?;
            tracing::info!(documents, "search index rebuilt after an import");
            Ok(())
        }
    });
}

/// Brings one record's search document in line with the database: the live record's names, or nothing for an
/// archived record (or a person with no seat left).
async fn refresh_document(
    db: &Db,
    search: &std::sync::Arc<SearchIndex>,
    kind: &str,
    id: Option<i64>,
) -> anyhow::Result<()> {
    let Some(id) = id else { return Ok(()) };
    let (kind, doc) = match kind {
        "body" => ("body", store::body(db, id).await?.filter(|b| b.archived_at.is_none()).map(|b| body_doc(&b))),
        "association" => (
            "association",
            store::association(db, id).await?.filter(|a| a.archived_at.is_none()).map(|a| association_doc(&a)),
        ),
        "person" => {
            let filter = store::MembershipFilter { person: Some(id), per_page: Some(1), ..Default::default() };
            ("person", store::memberships(db, &filter).await?.0.first().map(membership_person_doc))
        }
        _ => return Ok(()),
    };
    let search = search.clone();
    tokio::task::spawn_blocking(move || match doc {
        Some(doc) => search.upsert(&[doc]),
        None => search.remove(kind, &id.to_string()),
    })
    .await?
}

/// The registry's search documents: regions, groups, live bodies, associations and people with a seat.
fn documents(db: Db) -> crate::platform::search::Documents {
    Box::pin(async move {
        let mut docs: Vec<SearchDoc> = reference::regions().iter().map(region_doc).collect();
        docs.extend(reference::ethnic_groups().map(group_doc));
        docs.extend(store::bodies(&db, false).await?.iter().map(body_doc));
        let associations = store::all_associations(&db).await?;
        docs.extend(associations.iter().filter(|a| a.archived_at.is_none()).map(association_doc));
        let memberships = store::all_memberships(&db).await?;
        docs.extend(memberships.iter().filter(|m| m.archived_at.is_none()).map(membership_person_doc));
        Ok(docs)
    })
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

/// One body, as an item people follow (the scope of its record events).
pub fn body_scope(id: i64) -> crate::platform::change::Scope {
    crate::platform::change::Scope::item("body", id)
}

/// Bodies can be followed: their meetings' agendas (and what other capabilities tell of a body) reach followers.
pub fn register_notices(notify: &crate::platform::notify::Notifier) {
    notify.followable(body_scope(0).area, |db, id| async move {
        Ok(store::body(&db, id).await?.filter(|b| b.archived_at.is_none()).map(|b| crate::platform::notify::Followed {
            title: crate::platform::multilingual::Multilingual {
                kk: Some(b.name_kk),
                ru: Some(b.name_ru),
                en: Some(b.name_en),
            },
            link: format!("/bodies/{id}"),
        }))
    });
}
