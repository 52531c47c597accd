//! Meetings in the JSON API: the list (newest first, by body and days) and one meeting with its agenda,
//! attendance, motions and votes; every write goes through [`super::changes`], as the forms do.

use axum::Json;
use axum::extract::{FromRef, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::changes;
use super::input::{
    AgendaItemIn, ApprovalIn, AttendanceIn, CorrectionIn, ExecutionIn, MeetingIn, MotionIn, NarrativeIn, RulesIn,
    StatusIn, VoteIn,
};
use super::minutes::{Record, Version};
use super::model::{Meeting, Motion, Rules, VoteCorrection};
use super::store::{self, MeetingFilter};
use super::view::{MeetingDetail, detail};
use crate::platform::Platform;
use crate::platform::identity::session::api_user;
use crate::platform::validate;
use crate::platform::web::error::ErrorBody;
use crate::platform::web::{ApiJson, AppError};

pub fn routes<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Platform: FromRef<S>,
    super::Runtime: FromRef<S>,
{
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get_one))
        .routes(routes!(set_status))
        .routes(routes!(add_agenda_item))
        .routes(routes!(publish_agenda))
        .routes(routes!(register_attendance))
        .routes(routes!(check_in))
        .routes(routes!(put_motion))
        .routes(routes!(vote))
        .routes(routes!(close_motion))
        .routes(routes!(correct_vote))
        .routes(routes!(get_rules, set_rules))
        .routes(routes!(set_execution))
        .routes(routes!(get_minutes))
        .routes(routes!(save_narrative))
        .routes(routes!(approve_minutes))
}

#[derive(Serialize, ToSchema)]
pub struct MeetingList {
    pub items: Vec<Meeting>,
}

/// The start of a Kazakhstan day (`YYYY-MM-DD`) in UTC, `days` later.
fn day_start_utc(field: &'static str, day: &str, days: i64) -> Result<String, AppError> {
    let day = validate::date(field, day).map_err(|e| AppError::Validation(vec![e]))?;
    let start =
        super::input::time_in_kazakhstan(field, &format!("{day}T00:00")).map_err(|e| AppError::Validation(vec![e]))?;
    Ok(super::input::stored(start + time::Duration::days(days)))
}

/// Meetings, newest first; `from` and `to` are Kazakhstan days, both included.
#[utoipa::path(get, path = "/meetings", tag = "meetings", params(MeetingFilter),
    responses((status = 200, body = MeetingList), (status = 422, body = ErrorBody)))]
async fn list(
    State(state): State<Platform>,
    Query(filter): Query<MeetingFilter>,
) -> Result<Json<MeetingList>, AppError> {
    let nonempty = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    let from = nonempty(&filter.from).map(|d| day_start_utc("from", &d, 0)).transpose()?;
    let to = nonempty(&filter.to).map(|d| day_start_utc("to", &d, 1)).transpose()?;
    let items = store::meetings(&state.db, filter.body, from.as_deref(), to.as_deref()).await?;
    Ok(Json(MeetingList { items }))
}

/// Plans a meeting of a body (its secretariat, one above it, or an admin).
#[utoipa::path(post, path = "/meetings", tag = "meetings", request_body = MeetingIn,
    responses((status = 201, body = Meeting), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn create(
    State(state): State<Platform>,
    headers: HeaderMap,
    ApiJson(fields): ApiJson<MeetingIn>,
) -> Result<(StatusCode, Json<Meeting>), AppError> {
    let user = api_user(&state, &headers).await?;
    let id = changes::create(&state, &user, &fields).await?;
    let meeting = store::meeting(&state.db, id).await?.ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(meeting)))
}

/// One meeting: agenda, attendance and quorum, motions with their roll calls, decisions.
#[utoipa::path(get, path = "/meetings/{id}", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = MeetingDetail), (status = 404, body = ErrorBody)))]
async fn get_one(State(state): State<Platform>, Path(id): Path<i64>) -> Result<Json<MeetingDetail>, AppError> {
    let meeting = store::meeting(&state.db, id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(detail(&state.db, meeting).await?))
}

/// The meeting as it stands after a change.
async fn current(state: &Platform, id: i64) -> Result<Json<MeetingDetail>, AppError> {
    let meeting = store::meeting(&state.db, id).await?.ok_or(AppError::NotFound)?;
    Ok(Json(detail(&state.db, meeting).await?))
}

/// Convenes, opens or closes a meeting, or postpones or cancels it with a reason.
#[utoipa::path(post, path = "/meetings/{id}/status", tag = "meetings", params(("id" = i64, Path)), request_body = StatusIn,
    responses((status = 200, body = MeetingDetail), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn set_status(
    State(state): State<Platform>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ApiJson(fields): ApiJson<StatusIn>,
) -> Result<Json<MeetingDetail>, AppError> {
    let user = api_user(&state, &headers).await?;
    changes::set_status(&state, &user, id, &fields).await?;
    current(&state, id).await
}

/// Adds an item at the end of the agenda.
#[utoipa::path(post, path = "/meetings/{id}/agenda", tag = "meetings", params(("id" = i64, Path)), request_body = AgendaItemIn,
    responses((status = 201, body = MeetingDetail), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn add_agenda_item(
    State(state): State<Platform>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ApiJson(fields): ApiJson<AgendaItemIn>,
) -> Result<(StatusCode, Json<MeetingDetail>), AppError> {
    let user = api_user(&state, &headers).await?;
    changes::add_agenda_item(&state, &user, id, &fields).await?;
    Ok((StatusCode::CREATED, current(&state, id).await?))
}

/// Publishes the agenda; items added later are marked with their day.
#[utoipa::path(post, path = "/meetings/{id}/agenda/publish", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = MeetingDetail), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn publish_agenda(
    State(state): State<Platform>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Result<Json<MeetingDetail>, AppError> {
    let user = api_user(&state, &headers).await?;
    changes::publish_agenda(&state, &user, id).await?;
    current(&state, id).await
}

/// The secretariat registers a member present or absent.
#[utoipa::path(put, path = "/meetings/{id}/attendance", tag = "meetings", params(("id" = i64, Path)), request_body = AttendanceIn,
    responses((status = 200, body = MeetingDetail), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn register_attendance(
    State(state): State<Platform>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ApiJson(fields): ApiJson<AttendanceIn>,
) -> Result<Json<MeetingDetail>, AppError> {
    let user = api_user(&state, &headers).await?;
    changes::register_attendance(&state, &user, id, &fields).await?;
    current(&state, id).await
}

/// A member checks in himself while the meeting is in progress.
#[utoipa::path(post, path = "/meetings/{id}/check-in", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = CheckedIn), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
async fn check_in(
    State(state): State<Platform>,
    State(runtime): State<super::Runtime>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Result<Json<CheckedIn>, AppError> {
    let user = api_user(&state, &headers).await?;
    changes::check_in(&state, &runtime, &user, id).await?;
    let meeting = store::meeting(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let quorum = super::view::quorum_now(&state.db, &meeting).await?;
    Ok(Json(CheckedIn { meeting_id: id, present: true, quorum }))
}

/// A member's check-in, answered: he is present, and whether the meeting may decide now (the whole meeting is at
/// `GET /meetings/{id}`).
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct CheckedIn {
    pub meeting_id: i64,
    pub present: bool,
    pub quorum: super::view::QuorumNow,
}

/// Puts a motion to a roll-call vote, or records a show of hands with its count (closed at once).
#[utoipa::path(post, path = "/meetings/{id}/motions", tag = "meetings", params(("id" = i64, Path)), request_body = MotionIn,
    responses((status = 201, body = Motion), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn put_motion(
    State(state): State<Platform>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ApiJson(fields): ApiJson<MotionIn>,
) -> Result<(StatusCode, Json<Motion>), AppError> {
    let user = api_user(&state, &headers).await?;
    let motion = changes::put_motion(&state, &user, id, &fields).await?;
    let motion = store::motion(&state.db, motion).await?.ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(motion)))
}

/// A present member's vote: for, against or abstain, once, while the vote is open.
#[utoipa::path(post, path = "/motions/{id}/votes", tag = "meetings", params(("id" = i64, Path)), request_body = VoteIn,
    responses((status = 201, body = Motion), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
async fn vote(
    State(state): State<Platform>,
    State(runtime): State<super::Runtime>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ApiJson(fields): ApiJson<VoteIn>,
) -> Result<(StatusCode, Json<Motion>), AppError> {
    let user = api_user(&state, &headers).await?;
    changes::vote(&state, &runtime, &user, id, &fields).await?;
    let motion = store::motion(&state.db, id).await?.ok_or(AppError::NotFound)?;
    Ok((StatusCode::CREATED, Json(motion)))
}

/// Closes a roll-call vote; the server counts it and computes the result by the body's rules.
#[utoipa::path(post, path = "/motions/{id}/close", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = Motion), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn close_motion(
    State(state): State<Platform>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Result<Json<Motion>, AppError> {
    let user = api_user(&state, &headers).await?;
    Ok(Json(changes::close_motion(&state, &user, id).await?))
}

/// Corrects a closed vote (the body's secretariat): the vote stays as recorded; the correction is kept beside it with
/// its reason, its count and the result by the motion's rules, and shown with the vote.
#[utoipa::path(post, path = "/motions/{id}/corrections", tag = "meetings", params(("id" = i64, Path)),
    request_body = CorrectionIn,
    responses((status = 201, body = VoteCorrection), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn correct_vote(
    State(state): State<Platform>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ApiJson(fields): ApiJson<CorrectionIn>,
) -> Result<(StatusCode, Json<VoteCorrection>), AppError> {
    let user = api_user(&state, &headers).await?;
    Ok((StatusCode::CREATED, Json(changes::correct_vote(&state, &user, id, &fields).await?)))
}

/// A body's rules for its meetings (its own, else the defaults of its kind).
#[utoipa::path(get, path = "/bodies/{id}/meeting-rules", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = Rules), (status = 404, body = ErrorBody)))]
async fn get_rules(State(state): State<Platform>, Path(id): Path<i64>) -> Result<Json<Rules>, AppError> {
    Ok(Json(changes::rules_of(&state.db, id).await?))
}

/// Sets a body's quorum and majority (its secretariat), audited.
#[utoipa::path(put, path = "/bodies/{id}/meeting-rules", tag = "meetings", params(("id" = i64, Path)), request_body = RulesIn,
    responses((status = 200, body = Rules), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn set_rules(
    State(state): State<Platform>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ApiJson(fields): ApiJson<RulesIn>,
) -> Result<Json<Rules>, AppError> {
    let user = api_user(&state, &headers).await?;
    Ok(Json(changes::set_rules(&state, &user, id, &fields).await?))
}

/// Where carrying out a decision stands.
#[utoipa::path(put, path = "/decisions/{id}/execution", tag = "meetings", params(("id" = i64, Path)), request_body = ExecutionIn,
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn set_execution(
    State(state): State<Platform>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ApiJson(fields): ApiJson<ExecutionIn>,
) -> Result<StatusCode, AppError> {
    let user = api_user(&state, &headers).await?;
    changes::set_execution(&state, &user, id, &fields).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A meeting's minutes: the record as the server drafts them now, and every approved version.
#[derive(Serialize, ToSchema)]
pub struct Minutes {
    pub meeting_id: i64,
    /// The record now (the secretariat's narrative is published with an approved version only).
    pub draft: Record,
    /// Every approved version, the first first.
    pub versions: Vec<Version>,
}

async fn minutes_of(state: &Platform, id: i64) -> Result<Minutes, AppError> {
    let meeting = store::meeting(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let (draft, _) = changes::draft_minutes(&state.db, meeting).await?;
    let versions = store::minutes_versions(&state.db, id)
        .await?
        .iter()
        .map(Version::of)
        .collect::<serde_json::Result<Vec<Version>>>()
        .map_err(|e| AppError::Internal(e.into()))?;
    Ok(Minutes { meeting_id: id, draft, versions })
}

/// The minutes of a meeting: the server's draft of the record and the approved versions.
#[utoipa::path(get, path = "/meetings/{id}/minutes", tag = "meetings", params(("id" = i64, Path)),
    responses((status = 200, body = Minutes), (status = 404, body = ErrorBody)))]
async fn get_minutes(State(state): State<Platform>, Path(id): Path<i64>) -> Result<Json<Minutes>, AppError> {
    Ok(Json(minutes_of(&state, id).await?))
}

/// The secretariat's narrative of the minutes (published with the next approved version).
#[utoipa::path(put, path = "/meetings/{id}/minutes/narrative", tag = "meetings", params(("id" = i64, Path)),
    request_body = NarrativeIn,
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn save_narrative(
    State(state): State<Platform>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ApiJson(fields): ApiJson<NarrativeIn>,
) -> Result<StatusCode, AppError> {
    let user = api_user(&state, &headers).await?;
    changes::save_narrative(&state, &user, id, &fields).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Approves the minutes of a closed meeting as they stand: the next version, with what changed and why.
#[utoipa::path(post, path = "/meetings/{id}/minutes/approve", tag = "meetings", params(("id" = i64, Path)),
    request_body = ApprovalIn,
    responses((status = 201, body = Minutes), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn approve_minutes(
    State(state): State<Platform>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ApiJson(fields): ApiJson<ApprovalIn>,
) -> Result<(StatusCode, Json<Minutes>), AppError> {
    let user = api_user(&state, &headers).await?;
    changes::approve_minutes(&state, &user, id, &fields).await?;
    Ok((StatusCode::CREATED, Json(minutes_of(&state, id).await?)))
}
