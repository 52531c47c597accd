//! The registry's JSON API under `/api/v1`, described in the OpenAPI document. Reads are public; writes need the
//! session of a user with the same powers as in the forms.

use axum::Json;
use axum::extract::FromRef;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::platform::i18n::Lang;
use crate::platform::identity::session::api_user;
use crate::platform::search::Hit;
use crate::platform::web::error::ErrorBody;
use crate::platform::web::{ApiJson, AppError};
use crate::platform::{Platform, paging};
use crate::registry::input::{AssociationDraft, BodyDraft, MembershipDraft};
use crate::registry::model::{Association, Body, EthnicGroup, Membership, Region};
use crate::registry::pages::SearchQuery;
use crate::registry::store::{self, AssociationFilter, MembershipFilter};
use crate::registry::{changes, export, reference};

type ApiResult<T> = Result<Json<T>, AppError>;

/// One page of a list and the number of all matching rows.
#[derive(Serialize, ToSchema)]
pub struct AssociationList {
    pub items: Vec<Association>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

#[derive(Serialize, ToSchema)]
pub struct BodyList {
    pub items: Vec<Body>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// Filters of the bodies list; every one is optional.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::IntoParams)]
pub struct BodyFilter {
    /// ISO 3166-2 code of a region; `national` for the bodies without a region.
    pub region: Option<String>,
    /// A body kind, e.g. `public_consent_council`.
    pub kind: Option<String>,
    /// Only the bodies directly under this one.
    pub parent: Option<i64>,
    /// Page number, from 1.
    pub page: Option<i64>,
    /// Rows per page, 1 to 500 (default 100).
    pub per_page: Option<i64>,
}

impl BodyFilter {
    fn matches(&self, b: &Body) -> bool {
        let region = match self.region.as_deref().filter(|r| !r.is_empty()) {
            None => true,
            Some("national") => b.region_code.is_none(),
            Some(code) => b.region_code.as_deref() == Some(code),
        };
        let kind = self.kind.as_deref().filter(|k| !k.is_empty()).is_none_or(|k| b.kind.code() == k);
        region && kind && self.parent.is_none_or(|p| b.parent_id == Some(p))
    }
}

#[derive(Serialize, ToSchema)]
pub struct MemberList {
    pub items: Vec<Membership>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

pub fn routes<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Platform: FromRef<S>,
{
    OpenApiRouter::new()
        .routes(routes!(list_regions))
        .routes(routes!(get_region))
        .routes(routes!(list_groups))
        .routes(routes!(get_group))
        .routes(routes!(list_associations, create_association))
        .routes(routes!(get_association, update_association))
        .routes(routes!(list_bodies, create_body))
        .routes(routes!(get_body, update_body))
        .routes(routes!(list_members, create_member))
        .routes(routes!(get_member, update_member))
        .routes(routes!(search))
        .routes(routes!(export::download))
}

/// The regions (ISO 3166-2:KZ).
#[utoipa::path(get, path = "/regions", tag = "registry", responses((status = 200, body = Vec<Region>)))]
async fn list_regions() -> ApiResult<Vec<Region>> {
    Ok(Json(reference::regions().to_vec()))
}

/// One region.
#[utoipa::path(get, path = "/regions/{code}", tag = "registry", params(("code" = String, Path, description = "ISO 3166-2 code")),
    responses((status = 200, body = Region), (status = 404, body = ErrorBody)))]
async fn get_region(Path(code): Path<String>) -> ApiResult<Region> {
    Ok(Json(reference::region(&code).cloned().ok_or(AppError::NotFound)?))
}

/// The ethnic groups with census figures where known.
#[utoipa::path(get, path = "/ethnic-groups", tag = "registry", responses((status = 200, body = Vec<EthnicGroup>)))]
async fn list_groups() -> ApiResult<Vec<EthnicGroup>> {
    Ok(Json(reference::ethnic_groups().cloned().collect()))
}

/// One ethnic group.
#[utoipa::path(get, path = "/ethnic-groups/{slug}", tag = "registry", params(("slug" = String, Path)),
    responses((status = 200, body = EthnicGroup), (status = 404, body = ErrorBody)))]
async fn get_group(Path(slug): Path<String>) -> ApiResult<EthnicGroup> {
    Ok(Json(reference::ethnic_group(&slug).cloned().ok_or(AppError::NotFound)?))
}

/// Ethnocultural associations, filtered and paginated, in Kazakh alphabetical order.
#[utoipa::path(get, path = "/associations", tag = "registry", params(AssociationFilter),
    responses((status = 200, body = AssociationList), (status = 400, body = ErrorBody)))]
async fn list_associations(
    State(state): State<Platform>,
    Query(filter): Query<AssociationFilter>,
) -> ApiResult<AssociationList> {
    let (items, total) = store::associations(&state.db, &filter, Lang::Kk).await?;
    Ok(Json(AssociationList { items, total, page: filter.page(), per_page: filter.per_page() }))
}

/// One association.
#[utoipa::path(get, path = "/associations/{id}", tag = "registry", params(("id" = i64, Path)),
    responses((status = 200, body = Association), (status = 404, body = ErrorBody)))]
async fn get_association(State(state): State<Platform>, Path(id): Path<i64>) -> ApiResult<Association> {
    Ok(Json(store::association(&state.db, id).await?.ok_or(AppError::NotFound)?))
}

/// Registers an association (secretariat of a national body, or of the regional assembly of its region).
#[utoipa::path(post, path = "/associations", tag = "registry", request_body = AssociationDraft,
    responses((status = 201, body = Association), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn create_association(
    State(state): State<Platform>,
    headers: HeaderMap,
    ApiJson(draft): ApiJson<AssociationDraft>,
) -> Result<(StatusCode, Json<Association>), AppError> {
    let user = api_user(&state, &headers).await?;
    let association = changes::create_association(&state, &user, &draft.into()).await?;
    Ok((StatusCode::CREATED, Json(association)))
}

/// Changes an association.
#[utoipa::path(put, path = "/associations/{id}", tag = "registry", params(("id" = i64, Path)), request_body = AssociationDraft,
    responses((status = 200, body = Association), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_association(
    State(state): State<Platform>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ApiJson(draft): ApiJson<AssociationDraft>,
) -> ApiResult<Association> {
    let user = api_user(&state, &headers).await?;
    let before = store::association(&state.db, id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(changes::update_association(&state, &user, &before, &draft.into()).await?))
}

/// The bodies of the Assembly (each with its parent), filtered and paginated, in the order they were created.
#[utoipa::path(get, path = "/bodies", tag = "registry", params(BodyFilter),
    responses((status = 200, body = BodyList), (status = 400, body = ErrorBody)))]
async fn list_bodies(State(state): State<Platform>, Query(filter): Query<BodyFilter>) -> ApiResult<BodyList> {
    // A few hundred bodies at national scale: filtering in memory is simpler than SQL and as fast.
    let matching: Vec<Body> =
        store::bodies(&state.db, false).await?.into_iter().filter(|b| filter.matches(b)).collect();
    let page = paging::page(filter.page);
    let per_page = paging::per_page(filter.per_page, 100, 500);
    let total = matching.len() as i64;
    let items = matching.into_iter().skip(paging::offset(page, per_page) as usize).take(per_page as usize).collect();
    Ok(Json(BodyList { items, total, page, per_page }))
}

/// One body.
#[utoipa::path(get, path = "/bodies/{id}", tag = "registry", params(("id" = i64, Path)),
    responses((status = 200, body = Body), (status = 404, body = ErrorBody)))]
async fn get_body(State(state): State<Platform>, Path(id): Path<i64>) -> ApiResult<Body> {
    Ok(Json(store::body(&state.db, id).await?.ok_or(AppError::NotFound)?))
}

/// Creates a body under a body the caller's secretariat covers (national bodies: admins).
#[utoipa::path(post, path = "/bodies", tag = "registry", request_body = BodyDraft,
    responses((status = 201, body = Body), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn create_body(
    State(state): State<Platform>,
    headers: HeaderMap,
    ApiJson(draft): ApiJson<BodyDraft>,
) -> Result<(StatusCode, Json<Body>), AppError> {
    let user = api_user(&state, &headers).await?;
    let body = changes::create_body(&state, &user, &draft.into()).await?;
    Ok((StatusCode::CREATED, Json(body)))
}

/// Changes a body.
#[utoipa::path(put, path = "/bodies/{id}", tag = "registry", params(("id" = i64, Path)), request_body = BodyDraft,
    responses((status = 200, body = Body), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_body(
    State(state): State<Platform>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ApiJson(draft): ApiJson<BodyDraft>,
) -> ApiResult<Body> {
    let user = api_user(&state, &headers).await?;
    let before = store::body(&state.db, id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(changes::update_body(&state, &user, &before, &draft.into()).await?))
}

/// Members of bodies: position, term and the association represented.
#[utoipa::path(get, path = "/members", tag = "registry", params(MembershipFilter),
    responses((status = 200, body = MemberList), (status = 400, body = ErrorBody)))]
async fn list_members(State(state): State<Platform>, Query(filter): Query<MembershipFilter>) -> ApiResult<MemberList> {
    let (items, total) = store::memberships(&state.db, &filter).await?;
    Ok(Json(MemberList { items, total, page: filter.page(), per_page: filter.per_page() }))
}

/// One membership.
#[utoipa::path(get, path = "/members/{id}", tag = "registry", params(("id" = i64, Path)),
    responses((status = 200, body = Membership), (status = 404, body = ErrorBody)))]
async fn get_member(State(state): State<Platform>, Path(id): Path<i64>) -> ApiResult<Membership> {
    Ok(Json(store::membership(&state.db, id).await?.ok_or(AppError::NotFound)?))
}

/// Seats a person in a body.
#[utoipa::path(post, path = "/members", tag = "registry", request_body = MembershipDraft,
    responses((status = 201, body = Membership), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn create_member(
    State(state): State<Platform>,
    headers: HeaderMap,
    ApiJson(draft): ApiJson<MembershipDraft>,
) -> Result<(StatusCode, Json<Membership>), AppError> {
    let user = api_user(&state, &headers).await?;
    let membership = changes::create_membership(&state, &user, &draft.into()).await?;
    Ok((StatusCode::CREATED, Json(membership)))
}

/// Changes a membership (position, term, association; the person's name).
#[utoipa::path(put, path = "/members/{id}", tag = "registry", params(("id" = i64, Path)), request_body = MembershipDraft,
    responses((status = 200, body = Membership), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_member(
    State(state): State<Platform>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ApiJson(draft): ApiJson<MembershipDraft>,
) -> ApiResult<Membership> {
    let user = api_user(&state, &headers).await?;
    let before = store::membership(&state.db, id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(changes::update_membership(&state, &user, &before, &draft.into()).await?))
}

/// Finds regions, groups, bodies, associations, people, consultations, statements and meetings by their words in
/// kk, ru or en; each result has its `type` and its page's `url`.
#[utoipa::path(get, path = "/search", tag = "registry", params(SearchQuery, ("lang" = Option<String>, Query, description = "kk, ru or en: the language of the names returned")),
    responses((status = 200, body = Vec<Hit>)))]
async fn search(
    State(state): State<Platform>,
    Query(query): Query<SearchQuery>,
    Query(lang): Query<LangQuery>,
) -> ApiResult<Vec<Hit>> {
    let lang = lang.lang.as_deref().and_then(Lang::from_code).unwrap_or(Lang::Kk);
    Ok(Json(crate::registry::pages::run_search(&state, &query.q, lang, query.kind())?))
}

#[derive(serde::Deserialize)]
struct LangQuery {
    lang: Option<String>,
}
