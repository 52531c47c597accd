//! Moderation in the JSON API: the public log (paginated; never the hidden text nor its author) and the monthly
//! transparency report as JSON and CSV.

use axum::Json;
use axum::extract::{FromRef, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::store;
use crate::platform::Platform;
use crate::platform::web::AppError;

pub fn routes<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Platform: FromRef<S>,
{
    OpenApiRouter::new().routes(routes!(log)).routes(routes!(report_json))
}

/// A decision as the public log gives it.
#[derive(Serialize, ToSchema)]
pub struct Logged {
    pub id: i64,
    /// What kind of item: `statement`, …
    pub item_kind: String,
    pub body_id: i64,
    /// `approve`, `hide`, `ask_edit`, `suspend`, and on appeal `uphold` or `reverse`.
    pub action: String,
    /// The clause of the policy it names.
    pub clause: Option<String>,
    pub policy_version: String,
    pub decided_at: String,
    pub automatic: bool,
    /// Was it appealed?
    pub appealed: bool,
    /// The appeal's outcome (`uphold`, `reverse`), or `pending`, or none when not appealed.
    pub outcome: Option<String>,
    /// For an appeal's outcome: the decision appealed.
    pub appeal_of: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct LogPage {
    pub items: Vec<Logged>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

#[derive(Deserialize, Default, IntoParams)]
#[serde(default)]
pub struct LogQuery {
    /// Only this body's decisions.
    pub body: Option<i64>,
    /// Page number, from 1 (50 a page).
    pub page: Option<i64>,
}

/// The public moderation log, newest first.
#[utoipa::path(get, path = "/moderation/log", tag = "moderation", params(LogQuery), responses((status = 200, body = LogPage)))]
async fn log(State(state): State<Platform>, Query(q): Query<LogQuery>) -> Result<Json<LogPage>, AppError> {
    let page = q.page.unwrap_or(1).max(1);
    let (found, total) = store::log(&state.db, q.body, page).await?;
    let ids: Vec<i64> = found.iter().map(|d| d.id).collect();
    let appeals = store::appeals_of(&state.db, &ids).await?;
    let mut items = Vec::new();
    for d in found {
        let appeal = appeals.iter().find(|(id, _)| *id == d.id);
        let outcome = match appeal {
            Some((_, Some(o))) => store::decision(&state.db, *o).await?.map(|o| o.action),
            Some((_, None)) => Some("pending".to_owned()),
            None => None,
        };
        items.push(Logged {
            id: d.id,
            item_kind: d.item_kind,
            body_id: d.body_id,
            action: d.action,
            clause: d.clause,
            policy_version: d.policy_version,
            decided_at: d.decided_at,
            automatic: d.automatic,
            appealed: appeal.is_some(),
            outcome,
            appeal_of: d.appeal_of,
        });
    }
    Ok(Json(LogPage { items, total, page, per_page: 50 }))
}

#[derive(Deserialize, Default, IntoParams)]
#[serde(default)]
pub struct ReportQuery {
    /// Only this body's decisions (default: every body).
    pub body: Option<i64>,
    /// `YYYY-MM` (default: this month).
    pub month: Option<String>,
}

/// How many decisions have a key (a clause, an action).
#[derive(Serialize, ToSchema, Clone, Debug, PartialEq, Eq)]
pub struct Count {
    pub key: String,
    pub count: i64,
}

/// A month's transparency figures.
#[derive(Serialize, ToSchema, Clone)]
pub struct Report {
    pub month: String,
    pub body_id: Option<i64>,
    pub decisions: i64,
    /// Decisions by action.
    pub per_action: Vec<Count>,
    /// Decisions naming each clause (appeal outcomes left out).
    pub per_clause: Vec<Count>,
    /// Median hours from the first report to the first decision, for reported items decided this month.
    pub median_hours_to_decision: Option<f64>,
    /// Share of the month's appealable decisions that were appealed, %.
    pub appeal_rate: Option<f64>,
    /// Share of the decided appeals that reversed the decision, %.
    pub reversal_rate: Option<f64>,
}

fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| ((part as f64 / whole as f64) * 1000.0).round() / 10.0)
}

/// The figures of a month, from the log.
pub async fn report(state: &Platform, q: &ReportQuery) -> Result<Report, AppError> {
    let month = match &q.month {
        Some(m)
            if m.len() == 7
                && m.as_bytes().get(4) == Some(&b'-')
                && m.chars().all(|c| c.is_ascii_digit() || c == '-') =>
        {
            m.clone()
        }
        Some(_) => {
            return Err(AppError::Validation(vec![crate::platform::web::FieldError::new(
                "month",
                "field-invalid-date",
            )]));
        }
        None => crate::platform::db::now().get(..7).unwrap_or_default().to_owned(),
    };
    let decisions = store::month(&state.db, q.body, &month).await?;
    let mut per_action: Vec<Count> = Vec::new();
    let mut per_clause: Vec<Count> = Vec::new();
    for d in &decisions {
        bump(&mut per_action, &d.action);
        if let Some(c) = &d.clause
            && d.appeal_of.is_none()
        {
            bump(&mut per_clause, c);
        }
    }
    per_clause.sort_by(|a, b| b.count.cmp(&a.count).then(a.key.cmp(&b.key)));
    let first: Vec<&store::Decision> = decisions.iter().filter(|d| d.appeal_of.is_none()).collect();
    let items: Vec<(String, i64)> = first.iter().map(|d| (d.item_kind.clone(), d.item_id)).collect();
    let reported = store::first_reports(&state.db, &items).await?;
    let mut hours: Vec<f64> = first
        .iter()
        .filter_map(|d| {
            let (_, _, at) = reported.iter().find(|(k, i, _)| *k == d.item_kind && *i == d.item_id)?;
            let from = time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339).ok()?;
            let to = time::OffsetDateTime::parse(&d.decided_at, &time::format_description::well_known::Rfc3339).ok()?;
            Some((to - from).as_seconds_f64() / 3600.0)
        })
        .collect();
    hours.sort_by(f64::total_cmp);
    let median = match hours.len() {
        0 => None,
        n if n % 2 == 1 => hours.get(n / 2).copied(),
        n => Some((hours.get(n / 2 - 1).copied().unwrap_or(0.0) + hours.get(n / 2).copied().unwrap_or(0.0)) / 2.0),
    }
    .map(|h| (h * 10.0).round() / 10.0);
    let appealable: Vec<i64> =
        first.iter().filter(|d| matches!(d.action.as_str(), "hide" | "ask_edit" | "suspend")).map(|d| d.id).collect();
    let appeals = store::appeals_of(&state.db, &appealable).await?;
    let outcomes: Vec<&store::Decision> = decisions.iter().filter(|d| d.appeal_of.is_some()).collect();
    let reversed = outcomes.iter().filter(|d| d.action == "reverse").count();
    Ok(Report {
        month,
        body_id: q.body,
        decisions: i64::try_from(decisions.len()).unwrap_or(i64::MAX),
        per_action,
        per_clause,
        median_hours_to_decision: median,
        appeal_rate: percent(appeals.len(), appealable.len()),
        reversal_rate: percent(reversed, outcomes.len()),
    })
}

fn bump(counts: &mut Vec<Count>, key: &str) {
    match counts.iter_mut().find(|c| c.key == key) {
        Some(c) => c.count += 1,
        None => counts.push(Count { key: key.to_owned(), count: 1 }),
    }
}

/// The transparency report of a month: counts per clause and action, median time to decision, appeal and reversal
/// rates.
#[utoipa::path(get, path = "/moderation/report", tag = "moderation", params(ReportQuery),
    responses((status = 200, body = Report)))]
async fn report_json(State(state): State<Platform>, Query(q): Query<ReportQuery>) -> Result<Json<Report>, AppError> {
    Ok(Json(report(&state, &q).await?))
}

/// `/api/v1/moderation/report.csv`: the same, one row per clause and per action.
pub async fn report_csv(State(state): State<Platform>, Query(q): Query<ReportQuery>) -> Result<Response, AppError> {
    let r = report(&state, &q).await?;
    let mut out = csv::Writer::from_writer(Vec::new());
    let write = |out: &mut csv::Writer<Vec<u8>>, row: [&str; 4]| out.write_record(row).map_err(anyhow::Error::from);
    write(&mut out, ["month", "measure", "key", "value"])?;
    let body = r.body_id.map(|b| b.to_string()).unwrap_or_default();
    write(&mut out, [&r.month, "decisions", &body, &r.decisions.to_string()])?;
    for c in &r.per_clause {
        write(&mut out, [&r.month, "clause", &c.key, &c.count.to_string()])?;
    }
    for c in &r.per_action {
        write(&mut out, [&r.month, "action", &c.key, &c.count.to_string()])?;
    }
    let opt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    write(&mut out, [&r.month, "median_hours_to_decision", "", &opt(r.median_hours_to_decision)])?;
    write(&mut out, [&r.month, "appeal_rate_percent", "", &opt(r.appeal_rate)])?;
    write(&mut out, [&r.month, "reversal_rate_percent", "", &opt(r.reversal_rate)])?;
    let bytes = out.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], bytes).into_response())
}
