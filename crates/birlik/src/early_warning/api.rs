//! Early warning in the JSON API: the public weekly index per region (JSON and CSV: the open data), the taxonomy
//! of indicators, the intake of signals for authenticated councils and the list their verifiers read, and the
//! alerts of the regions one owns. Every write goes through [`super::changes`].

use axum::Json;
use axum::extract::{FromRef, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::changes::{self, today};
use super::index::Week;
use super::indicators::Indicator;
use super::input::{SignalIn, VerifyIn};
use super::model::{Alert, Channel, Signal};
use super::store::{self, Filter, Regions};
use super::{Runtime, access};
use crate::platform::Platform;
use crate::platform::identity::session::api_user;
use crate::platform::web::error::ErrorBody;
use crate::platform::web::{ApiJson, AppError};

pub fn routes<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Platform: FromRef<S>,
    Runtime: FromRef<S>,
{
    OpenApiRouter::new()
        .routes(routes!(index_json))
        .routes(routes!(indicator_list))
        .routes(routes!(signal_list, intake))
        .routes(routes!(verify))
        .routes(routes!(alert_list))
}

#[derive(Serialize, ToSchema)]
pub struct WeeklyIndex {
    /// The day the index was computed for (Kazakhstan).
    pub computed_on: String,
    /// Every region's weeks, oldest first; signal counts from 1 to 4 are withheld.
    pub items: Vec<Week>,
}

/// The public weekly tension index of every region: the index on each week's last day and the week's confirmed
/// signals (withheld when fewer than 5).
#[utoipa::path(get, path = "/early-warning/index.json", tag = "early warning",
    responses((status = 200, body = WeeklyIndex)))]
async fn index_json(
    State(state): State<Platform>,
    State(runtime): State<Runtime>,
) -> Result<Json<WeeklyIndex>, AppError> {
    let today = today(&state);
    let computed = runtime.index.get(&state.db, today).await?;
    Ok(Json(WeeklyIndex { computed_on: crate::platform::days::iso(today), items: computed.weeks.clone() }))
}

/// `/api/v1/early-warning/index.csv`: the same, one region and week a row (`signals` is `<5` when withheld).
pub async fn index_csv(State(state): State<Platform>, State(runtime): State<Runtime>) -> Result<Response, AppError> {
    let computed = runtime.index.get(&state.db, today(&state)).await?;
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(["region_code", "week", "starts_on", "index", "signals"]).map_err(anyhow::Error::from)?;
    for w in &computed.weeks {
        let signals = w.signals.map_or_else(|| "<5".to_owned(), |n| n.to_string());
        out.write_record([w.region_code.as_str(), &w.week, &w.starts_on, &format!("{:.1}", w.index), &signals])
            .map_err(anyhow::Error::from)?;
    }
    let body = out.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"tension-index.csv\""),
        ],
        body,
    )
        .into_response())
}

#[derive(Serialize, ToSchema)]
pub struct Indicators {
    pub items: Vec<Indicator>,
}

/// The taxonomy of indicators: conflict indicators weigh positive, peace indicators negative.
#[utoipa::path(get, path = "/early-warning/indicators", tag = "early warning",
    responses((status = 200, body = Indicators)))]
async fn indicator_list() -> Json<Indicators> {
    Json(Indicators { items: super::indicators::all().to_vec() })
}

#[derive(Serialize, ToSchema)]
pub struct SignalList {
    pub items: Vec<Signal>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// The signals of the regions the caller verifies (a verifier's or secretariat's), newest first, 50 a page.
#[utoipa::path(get, path = "/signals", tag = "early warning", params(Filter),
    responses((status = 200, body = SignalList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn signal_list(
    State(state): State<Platform>,
    headers: HeaderMap,
    Query(filter): Query<Filter>,
) -> Result<Json<SignalList>, AppError> {
    let user = api_user(&state, &headers).await?;
    let regions = access::verifiable(&state.db, &user).await?;
    if regions == Regions::Only(Vec::new()) {
        return Err(AppError::Forbidden);
    }
    let (items, total) = store::list(&state.db, &regions, &filter).await?;
    Ok(Json(SignalList { items, total, page: filter.page.unwrap_or(1).max(1), per_page: store::PER_PAGE }))
}

#[derive(Serialize, ToSchema)]
pub struct Received {
    pub id: i64,
}

/// Intake for councils: a named (or, for a walk-in or telephone report, proxy) signal from an authenticated
/// secretariat, member, verifier or ethnomediator. Anonymous reports go through the public form only.
#[utoipa::path(post, path = "/signals", tag = "early warning", request_body = SignalIn,
    responses((status = 201, body = Received), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn intake(
    State(state): State<Platform>,
    headers: HeaderMap,
    ApiJson(fields): ApiJson<SignalIn>,
) -> Result<(StatusCode, Json<Received>), AppError> {
    let user = api_user(&state, &headers).await?;
    if !access::may_proxy(&state.db, &user).await? {
        return Err(AppError::Forbidden);
    }
    let id = changes::report(&state, Some(&user), &fields, Channel::Api).await?;
    Ok((StatusCode::CREATED, Json(Received { id })))
}

/// A verifier's step on a signal of his region: `verifying`, then `confirmed`, `false` or `unverifiable` with
/// a note. Only confirmed signals count in the index.
#[utoipa::path(post, path = "/signals/{id}/verification", tag = "early warning", request_body = VerifyIn,
    params(("id" = i64, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn verify(
    State(state): State<Platform>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ApiJson(fields): ApiJson<VerifyIn>,
) -> Result<StatusCode, AppError> {
    let user = api_user(&state, &headers).await?;
    changes::verify(&state, &user, id, &fields).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct AlertList {
    pub items: Vec<Alert>,
}

/// The alerts of the regions the caller owns (verifiers, secretariats, ethnomediators), newest first.
#[utoipa::path(get, path = "/alerts", tag = "early warning",
    responses((status = 200, body = AlertList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn alert_list(State(state): State<Platform>, headers: HeaderMap) -> Result<Json<AlertList>, AppError> {
    let user = api_user(&state, &headers).await?;
    let regions = access::alert_regions(&state.db, &user).await?;
    if regions == Regions::Only(Vec::new()) {
        return Err(AppError::Forbidden);
    }
    Ok(Json(AlertList { items: store::alerts(&state.db, &regions).await? }))
}
