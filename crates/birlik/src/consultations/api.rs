//! Consultations in the JSON API: the list, one consultation with its published statements, its analysis, and
//! voting (the same rules as the page: device cookie or session, open consultations only, per-participant limit).

use axum::Json;
use axum::extract::FromRef;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::analysis::StoredReport;
use super::model::{Choice, Consultation, Phase, Statement, Status};
use super::{Runtime, export, moderates, participation, store, who};
use crate::platform::Platform;
use crate::platform::identity::session;
use crate::platform::web::cache::keep_private;
use crate::platform::web::error::ErrorBody;
use crate::platform::web::{ApiJson, AppError, ClientIp};

pub fn routes<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Platform: FromRef<S>,
    super::Runtime: FromRef<S>,
{
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(get_one))
        .routes(routes!(analysis))
        .routes(routes!(cast_vote))
        .routes(routes!(export::download))
}

/// A consultation with where it stands today.
#[derive(Serialize, ToSchema)]
pub struct ConsultationOut {
    #[serde(flatten)]
    pub consultation: Consultation,
    pub phase: Phase,
    /// Results are public now.
    pub results_public: bool,
}

impl From<Consultation> for ConsultationOut {
    fn from(c: Consultation) -> ConsultationOut {
        ConsultationOut { phase: c.phase(), results_public: c.results_public(), consultation: c }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ConsultationList {
    pub items: Vec<ConsultationOut>,
}

/// Every consultation, newest first.
#[utoipa::path(get, path = "/consultations", tag = "consultations", responses((status = 200, body = ConsultationList)))]
async fn list(State(state): State<Platform>) -> Result<Json<ConsultationList>, AppError> {
    let items = store::consultations(&state.db, None).await?.into_iter().map(ConsultationOut::from).collect();
    Ok(Json(ConsultationList { items }))
}

#[derive(Serialize, ToSchema)]
pub struct ConsultationDetail {
    #[serde(flatten)]
    pub consultation: ConsultationOut,
    /// The published statements.
    pub statements: Vec<Statement>,
}

/// One consultation and its published statements.
#[utoipa::path(get, path = "/consultations/{id}", tag = "consultations", params(("id" = i64, Path)),
    responses((status = 200, body = ConsultationDetail), (status = 404, body = ErrorBody)))]
async fn get_one(State(state): State<Platform>, Path(id): Path<i64>) -> Result<Json<ConsultationDetail>, AppError> {
    let c = store::consultation(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let statements = store::statements(&state.db, id, Some(Status::Published)).await?;
    Ok(Json(ConsultationDetail { consultation: c.into(), statements }))
}

#[derive(Serialize, ToSchema)]
pub struct AnalysisOut {
    /// When it was computed (RFC 3339, UTC).
    pub computed_at: String,
    /// Votes in the log when it was computed.
    pub votes: i64,
    pub participants: i64,
    #[serde(flatten)]
    pub report: StoredReport,
}

/// The latest analysis: opinion groups with representative statements, consensus, group-informed consensus,
/// bridging and cross-group unity (declared groups under k participants are never listed). 404 before the first
/// vote has been analysed; 403 while results are kept until closing.
#[utoipa::path(get, path = "/consultations/{id}/analysis", tag = "consultations", params(("id" = i64, Path)),
    responses((status = 200, body = AnalysisOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn analysis(
    State(state): State<Platform>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let c = store::consultation(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let user = session::current_user(&state, &headers).await?;
    if !c.results_public() && !moderates(&state.db, user.as_ref(), c.body_id).await? {
        return Err(AppError::Forbidden);
    }
    let stored = store::analysis(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let report: StoredReport = serde_json::from_str(&stored.report_json).map_err(|e| AppError::Internal(e.into()))?;
    let out =
        AnalysisOut { computed_at: stored.computed_at, votes: stored.votes, participants: stored.participants, report };
    Ok(Json(out).into_response())
}

/// Results shown before they are public (to moderators) must not enter a shared cache.
pub fn hidden_stays_private(c: &Consultation, mut response: Response) -> Response {
    if !c.results_public() {
        keep_private(&mut response);
    }
    response
}

#[derive(Deserialize, ToSchema)]
pub struct VoteIn {
    pub statement: i64,
    pub vote: Choice,
}

#[derive(Serialize, ToSchema)]
pub struct VoteOut {
    pub statement: i64,
    pub vote: Choice,
}

/// Casts a vote; the last vote on a statement counts. Without a session the participant is his device: the
/// response sets the `birlik_device` cookie the first time. The vote is committed before the response.
#[utoipa::path(post, path = "/consultations/{id}/votes", tag = "consultations", params(("id" = i64, Path)),
    request_body = VoteIn,
    responses((status = 201, body = VoteOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
async fn cast_vote(
    State(state): State<Platform>,
    State(runtime): State<Runtime>,
    headers: HeaderMap,
    address: ClientIp,
    Path(id): Path<i64>,
    ApiJson(vote): ApiJson<VoteIn>,
) -> Result<Response, AppError> {
    let current = runtime.known.consultation(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let user = session::current_user(&state, &headers).await?;
    let who = who(&state, &headers, &address, user.as_ref(), &current.consultation)?;
    participation::vote(&state, &runtime, &current, &who, vote.statement, vote.vote).await?;
    let mut response =
        (StatusCode::CREATED, Json(VoteOut { statement: vote.statement, vote: vote.vote })).into_response();
    if let Some(value) = who.new_cookie.as_deref().and_then(|c| HeaderValue::from_str(c).ok()) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    Ok(response)
}
