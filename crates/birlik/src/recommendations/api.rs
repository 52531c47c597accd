//! Recommendations in the JSON API: the list and one recommendation with the rules behind its dates, sending, the
//! liaison's steps, the addressees, and the scorecard (JSON and CSV). Every write goes through [`super::changes`].

use axum::Json;
use axum::extract::{FromRef, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::addressees;
use super::changes::{self, today};
use super::deadlines::Rule;
use super::input::{AnswerIn, ExtendIn, ForwardIn, ReportIn, SendIn};
use super::model::{Addressee, Recommendation, Report};
use super::scorecard::{self, Score};
use super::store::{self, Filter};
use crate::platform::Platform;
use crate::platform::days::iso;
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
        .routes(routes!(list, send))
        .routes(routes!(get_one))
        .routes(routes!(acknowledge))
        .routes(routes!(extend))
        .routes(routes!(forward))
        .routes(routes!(answer))
        .routes(routes!(report))
        .routes(routes!(addressee_list))
        .routes(routes!(addressee_one))
        .routes(routes!(scorecard_json))
}

/// A recommendation as listed: with whether it is overdue today.
#[derive(Serialize, ToSchema)]
pub struct Listed {
    #[serde(flatten)]
    pub recommendation: Recommendation,
    pub overdue: bool,
}

#[derive(Serialize, ToSchema)]
pub struct RecommendationList {
    pub items: Vec<Listed>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// Recommendations, newest first, 50 a page.
#[utoipa::path(get, path = "/recommendations", tag = "recommendations", params(Filter),
    responses((status = 200, body = RecommendationList)))]
async fn list(
    State(state): State<Platform>,
    Query(filter): Query<Filter>,
) -> Result<Json<RecommendationList>, AppError> {
    let today = iso(today(&state));
    let (found, total) = store::list(&state.db, &filter, &today).await?;
    let items = found.into_iter().map(|r| Listed { overdue: r.is_overdue(&today), recommendation: r }).collect();
    Ok(Json(RecommendationList { items, total, page: filter.page.unwrap_or(1).max(1), per_page: store::PER_PAGE }))
}

/// A date with the rule that produced it.
#[derive(Serialize, ToSchema)]
pub struct Dated {
    pub date: String,
    pub rule: Rule,
}

#[derive(Serialize, ToSchema)]
pub struct RecommendationDetail {
    #[serde(flatten)]
    pub recommendation: Recommendation,
    pub overdue: bool,
    /// The dates of its clock, each with its rule.
    pub terms: Vec<Dated>,
    pub reports: Vec<Report>,
    /// The recommendation continuing it after a forward.
    pub continued_in: Option<i64>,
}

async fn detail(state: &Platform, id: i64) -> Result<RecommendationDetail, AppError> {
    let r = store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let mut terms = vec![
        Dated { date: r.due_on.clone(), rule: Rule::Answer },
        Dated { date: r.forward_by.clone(), rule: Rule::Forward },
        Dated { date: r.latest_extension_on.clone(), rule: Rule::LatestExtension },
    ];
    if let Some(to) = &r.extended_to {
        terms.push(Dated { date: to.clone(), rule: Rule::Extended });
    }
    Ok(RecommendationDetail {
        overdue: r.is_overdue(&iso(today(state))),
        terms,
        reports: store::reports(&state.db, id).await?,
        continued_in: store::continued_in(&state.db, id).await?,
        recommendation: r,
    })
}

#[utoipa::path(get, path = "/recommendations/{id}", tag = "recommendations", params(("id" = i64, Path)),
    responses((status = 200, body = RecommendationDetail), (status = 404, body = ErrorBody)))]
async fn get_one(State(state): State<Platform>, Path(id): Path<i64>) -> Result<Json<RecommendationDetail>, AppError> {
    Ok(Json(detail(&state, id).await?))
}

#[derive(Serialize, ToSchema)]
pub struct Sent {
    /// One per addressee.
    pub items: Vec<Recommendation>,
}

/// Sends a recommendation to one or more addressees (the secretariat of the body, one above it, or an admin);
/// each is received today and answered in 15 working days.
#[utoipa::path(post, path = "/recommendations", tag = "recommendations", request_body = SendIn,
    responses((status = 201, body = Sent), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn send(
    State(state): State<Platform>,
    headers: HeaderMap,
    ApiJson(fields): ApiJson<SendIn>,
) -> Result<(StatusCode, Json<Sent>), AppError> {
    let user = api_user(&state, &headers).await?;
    let mut items = Vec::new();
    for id in changes::send(&state, &user, &fields).await? {
        items.extend(store::get(&state.db, id).await?);
    }
    Ok((StatusCode::CREATED, Json(Sent { items })))
}

macro_rules! liaison_step {
    ($name:ident, $path:literal, $doc:literal, $input:ty, $change:path) => {
        #[doc = $doc]
        #[utoipa::path(post, path = $path, tag = "recommendations", params(("id" = i64, Path)), request_body = $input,
            responses((status = 200, body = RecommendationDetail), (status = 401, body = ErrorBody),
                (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
                (status = 422, body = ErrorBody)))]
        async fn $name(
            State(state): State<Platform>,
            headers: HeaderMap,
            Path(id): Path<i64>,
            ApiJson(fields): ApiJson<$input>,
        ) -> Result<Json<RecommendationDetail>, AppError> {
            let user = api_user(&state, &headers).await?;
            $change(&state, &user, id, &fields).await?;
            Ok(Json(detail(&state, id).await?))
        }
    };
}

liaison_step!(
    extend,
    "/recommendations/{id}/extension",
    "The addressee extends the term by a reasoned decision.",
    ExtendIn,
    changes::extend
);
liaison_step!(answer, "/recommendations/{id}/answer", "The addressee's answer.", AnswerIn, changes::answer);
liaison_step!(
    report,
    "/recommendations/{id}/reports",
    "A report of implementation; implemented or declined closes it.",
    ReportIn,
    changes::report
);

/// The addressee acknowledges receipt (its liaison).
#[utoipa::path(post, path = "/recommendations/{id}/acknowledge", tag = "recommendations", params(("id" = i64, Path)),
    responses((status = 200, body = RecommendationDetail), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn acknowledge(
    State(state): State<Platform>,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Result<Json<RecommendationDetail>, AppError> {
    let user = api_user(&state, &headers).await?;
    changes::acknowledge(&state, &user, id).await?;
    Ok(Json(detail(&state, id).await?))
}

/// The addressee forwards it to the one that can act on it; answers the new recommendation.
#[utoipa::path(post, path = "/recommendations/{id}/forward", tag = "recommendations", params(("id" = i64, Path)),
    request_body = ForwardIn,
    responses((status = 200, body = RecommendationDetail), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn forward(
    State(state): State<Platform>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    ApiJson(fields): ApiJson<ForwardIn>,
) -> Result<Json<RecommendationDetail>, AppError> {
    let user = api_user(&state, &headers).await?;
    let new = changes::forward(&state, &user, id, &fields).await?;
    Ok(Json(detail(&state, new).await?))
}

#[derive(Serialize, ToSchema)]
pub struct AddresseeList {
    pub items: Vec<Addressee>,
}

/// The state bodies and parties recommendations go to.
#[utoipa::path(get, path = "/addressees", tag = "recommendations", responses((status = 200, body = AddresseeList)))]
async fn addressee_list(State(state): State<Platform>) -> Result<Json<AddresseeList>, AppError> {
    Ok(Json(AddresseeList { items: addressees::all(&state.db, false).await? }))
}

#[derive(Serialize, ToSchema)]
pub struct AddresseeDetail {
    #[serde(flatten)]
    pub addressee: Addressee,
    pub score: Score,
}

#[utoipa::path(get, path = "/addressees/{id}", tag = "recommendations", params(("id" = i64, Path)),
    responses((status = 200, body = AddresseeDetail), (status = 404, body = ErrorBody)))]
async fn addressee_one(
    State(state): State<Platform>,
    State(runtime): State<super::Runtime>,
    Path(id): Path<i64>,
) -> Result<Json<AddresseeDetail>, AppError> {
    let addressee = addressees::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let score = runtime.scorecard.score(&state.db, &iso(today(&state)), id).await?;
    Ok(Json(AddresseeDetail { addressee, score }))
}

/// One line of the scorecard.
#[derive(Serialize, ToSchema)]
pub struct ScoreLine {
    #[serde(flatten)]
    pub score: Score,
    /// Its place among the addressees that received something; `null` for those that received nothing yet.
    pub rank: Option<usize>,
    pub code: String,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
}

#[derive(Serialize, ToSchema)]
pub struct Scorecard {
    /// The day the figures are for (Kazakhstan).
    pub on: String,
    pub items: Vec<ScoreLine>,
}

/// Every addressee's scorecard, ranked (addressees that received nothing last).
pub async fn lines(state: &Platform, runtime: &super::Runtime) -> Result<Scorecard, AppError> {
    let on = iso(today(state));
    let mut scores = runtime.scorecard.get(&state.db, &on).await?.0.as_ref().clone();
    let all = addressees::all(&state.db, true).await?;
    for a in &all {
        if !scores.iter().any(|s| s.addressee_id == a.id) && a.archived_at.is_none() {
            scores.push(Score { addressee_id: a.id, ..Default::default() });
        }
    }
    scorecard::rank(&mut scores);
    let items = scores
        .into_iter()
        .enumerate()
        .filter_map(|(i, score)| {
            let a = all.iter().find(|a| a.id == score.addressee_id)?;
            Some(ScoreLine {
                rank: (score.received > 0).then_some(i + 1),
                code: a.code.clone(),
                name_kk: a.name_kk.clone(),
                name_ru: a.name_ru.clone(),
                name_en: a.name_en.clone(),
                score,
            })
        })
        .collect();
    Ok(Scorecard { on, items })
}

/// The scorecard of all addressees: received, answered on time (%), median working days, overdue now,
/// implemented (%).
#[utoipa::path(get, path = "/scorecard", tag = "recommendations", responses((status = 200, body = Scorecard)))]
async fn scorecard_json(
    State(state): State<Platform>,
    State(runtime): State<super::Runtime>,
) -> Result<Json<Scorecard>, AppError> {
    Ok(Json(lines(&state, &runtime).await?))
}

/// `/api/v1/scorecard.csv`: the same, one addressee a row.
pub async fn scorecard_csv(
    State(state): State<Platform>,
    State(runtime): State<super::Runtime>,
) -> Result<Response, AppError> {
    let card = lines(&state, &runtime).await?;
    let mut out = csv::Writer::from_writer(Vec::new());
    let header = [
        "rank",
        "addressee_id",
        "code",
        "name_kk",
        "name_ru",
        "name_en",
        "received",
        "answered",
        "answered_on_time",
        "median_working_days",
        "overdue",
        "implemented",
    ];
    let write = |out: &mut csv::Writer<Vec<u8>>, row: Vec<String>| {
        out.write_record(row.iter().map(|c| crate::platform::csv::defuse(c.as_bytes()))).map_err(anyhow::Error::from)
    };
    write(&mut out, header.iter().map(|h| (*h).to_owned()).collect())?;
    let opt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    for l in &card.items {
        let s = &l.score;
        write(
            &mut out,
            vec![
                l.rank.map(|r| r.to_string()).unwrap_or_default(),
                s.addressee_id.to_string(),
                l.code.clone(),
                l.name_kk.clone(),
                l.name_ru.clone(),
                l.name_en.clone(),
                s.received.to_string(),
                s.answered.to_string(),
                opt(s.answered_on_time),
                opt(s.median_working_days),
                s.overdue.to_string(),
                opt(s.implemented),
            ],
        )?;
    }
    let bytes = out.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], bytes).into_response())
}
