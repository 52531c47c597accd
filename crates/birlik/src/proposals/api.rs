//! Proposals in the JSON API: the list (filtered, newest first), one proposal with its lineage, filing, support
//! and its withdrawal, the body's steps, and a body's threshold and window. Every write goes through
//! [`super::changes`], as the forms do.

use axum::Json;
use axum::extract::{FromRef, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::categories::{self, Category};
use super::changes;
use super::input::{ProposalIn, RulesIn, StepIn};
use super::model::{Proposal, Rules};
use super::store::{self, Filter};
use crate::platform::Platform;
use crate::platform::identity::session::api_user;
use crate::platform::web::error::ErrorBody;
use crate::platform::web::{ApiJson, AppError};

pub fn routes<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Platform: FromRef<S>,
    super::Runtime: FromRef<S>,
{
    OpenApiRouter::new()
        .routes(routes!(list, file))
        .routes(routes!(categories_list))
        .routes(routes!(get_one))
        .routes(routes!(support, withdraw))
        .routes(routes!(take_step))
        .routes(routes!(get_rules, set_rules))
}

/// A proposal with where it came from.
#[derive(Serialize, ToSchema)]
pub struct ProposalOut {
    #[serde(flatten)]
    pub proposal: Proposal,
    /// The proposals merged into this one.
    pub merged_from: Vec<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct ProposalList {
    pub items: Vec<ProposalOut>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// Proposals, newest first, 50 a page.
#[utoipa::path(get, path = "/proposals", tag = "proposals", params(Filter),
    responses((status = 200, body = ProposalList)))]
async fn list(State(state): State<Platform>, Query(filter): Query<Filter>) -> Result<Json<ProposalList>, AppError> {
    let (found, total) = store::proposals(&state.db, &filter).await?;
    let ids: Vec<i64> = found.iter().map(|p| p.id).collect();
    let mut merged = store::merged_from(&state.db, &ids).await?;
    let items = found
        .into_iter()
        .map(|p| ProposalOut { merged_from: merged.remove(&p.id).unwrap_or_default(), proposal: p })
        .collect();
    Ok(Json(ProposalList { items, total, page: filter.page.unwrap_or(1).max(1), per_page: store::PER_PAGE }))
}

async fn out(state: &Platform, id: i64) -> Result<ProposalOut, AppError> {
    let proposal = store::proposal(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let merged_from = store::merged_from(&state.db, &[id]).await?.remove(&id).unwrap_or_default();
    Ok(ProposalOut { proposal, merged_from })
}

/// A proposal with its lineage: where its sources were raised.
#[derive(Serialize, ToSchema)]
pub struct ProposalDetail {
    #[serde(flatten)]
    pub proposal: ProposalOut,
    /// Proposals with no source of their own that flowed into this one (itself when it has none).
    pub origins: usize,
    pub districts: usize,
    /// Origins per region (ISO 3166-2:KZ).
    pub regions: std::collections::BTreeMap<String, usize>,
    /// Every proposal of the lineage, this one first.
    pub lineage: Vec<i64>,
}

#[utoipa::path(get, path = "/proposals/{id}", tag = "proposals", params(("id" = i64, Path)),
    responses((status = 200, body = ProposalDetail), (status = 404, body = ErrorBody)))]
async fn get_one(State(state): State<Platform>, Path(id): Path<i64>) -> Result<Json<ProposalDetail>, AppError> {
    // What moderation hid is not public.
    if store::proposal(&state.db, id).await?.is_none_or(|p| p.hidden_at.is_some()) {
        return Err(AppError::NotFound);
    }
    let proposal = out(&state, id).await?;
    let lineage = super::lineage::of(&state.db, id).await?;
    Ok(Json(ProposalDetail {
        proposal,
        origins: lineage.origins,
        districts: lineage.districts,
        regions: lineage.regions,
        lineage: lineage.lines.iter().map(|l| l.proposal.id).collect(),
    }))
}

/// Files a proposal to a district council, a regional assembly or the national session (a participant with a
/// confirmed address; on behalf of an association he represents, or of a body whose secretariat he is).
#[utoipa::path(post, path = "/proposals", tag = "proposals", request_body = ProposalIn,
    responses((status = 201, body = ProposalOut), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn file(
    State(state): State<Platform>,
    headers: HeaderMap,
    ApiJson(fields): ApiJson<ProposalIn>,
) -> Result<(StatusCode, Json<ProposalOut>), AppError> {
    let user = api_user(&state, &headers).await?;
    let id = changes::file(&state, &user, &fields).await?;
    Ok((StatusCode::CREATED, Json(out(&state, id).await?)))
}

#[derive(Serialize, ToSchema)]
pub struct CategoryList {
    pub items: Vec<Category>,
}

/// The taxonomy of proposals.
#[utoipa::path(get, path = "/proposals/categories", tag = "proposals", responses((status = 200, body = CategoryList)))]
async fn categories_list() -> Json<CategoryList> {
    Json(CategoryList { items: categories::all().to_vec() })
}

/// Supports a live proposal within its window, once.
#[utoipa::path(post, path = "/proposals/{id}/support", tag = "proposals", params(("id" = i64, Path)),
    responses((status = 200, body = ProposalOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
async fn support(
    State(state): State<Platform>,
    State(runtime): State<super::Runtime>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Result<Json<ProposalOut>, AppError> {
    let user = api_user(&state, &headers).await?;
    let changes::Counted { proposal, merged_from, .. } = changes::support(&state, &runtime.supports, &user, id).await?;
    Ok(Json(ProposalOut { proposal, merged_from }))
}

/// Withdraws one's support while the proposal is live.
#[utoipa::path(delete, path = "/proposals/{id}/support", tag = "proposals", params(("id" = i64, Path)),
    responses((status = 200, body = ProposalOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
async fn withdraw(
    State(state): State<Platform>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Result<Json<ProposalOut>, AppError> {
    let user = api_user(&state, &headers).await?;
    changes::withdraw(&state, &user, id).await?;
    Ok(Json(out(&state, id).await?))
}

/// The body's step: accept, forward to the body above, merge into another live proposal of the body, or reject;
/// with a reason. Answers the proposal the supporters are now with (the new one above after a forward).
#[utoipa::path(post, path = "/proposals/{id}/steps", tag = "proposals", params(("id" = i64, Path)), request_body = StepIn,
    responses((status = 200, body = ProposalOut), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn take_step(
    State(state): State<Platform>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ApiJson(fields): ApiJson<StepIn>,
) -> Result<Json<ProposalOut>, AppError> {
    let user = api_user(&state, &headers).await?;
    let now_with = changes::take_step(&state, &user, id, &fields).await?;
    Ok(Json(out(&state, now_with).await?))
}

/// A body's threshold and window for proposals (its own, or the defaults of its kind).
#[utoipa::path(get, path = "/bodies/{id}/proposal-rules", tag = "proposals", params(("id" = i64, Path)),
    responses((status = 200, body = Rules), (status = 404, body = ErrorBody)))]
async fn get_rules(State(state): State<Platform>, Path(id): Path<i64>) -> Result<Json<Rules>, AppError> {
    Ok(Json(changes::rules_of(&state.db, id).await?))
}

/// Sets a body's threshold and window (its secretariat, one above it, or an admin).
#[utoipa::path(put, path = "/bodies/{id}/proposal-rules", tag = "proposals", params(("id" = i64, Path)), request_body = RulesIn,
    responses((status = 200, body = Rules), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn set_rules(
    State(state): State<Platform>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ApiJson(fields): ApiJson<RulesIn>,
) -> Result<Json<Rules>, AppError> {
    let user = api_user(&state, &headers).await?;
    Ok(Json(changes::set_rules(&state, &user, id, &fields).await?))
}
