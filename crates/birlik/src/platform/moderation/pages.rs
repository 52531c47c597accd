//! The pages of moderation: the published policy, the public log, the monthly transparency report (a chart and
//! its table), a body's queue with its appeals and moderators, the author's statement of reasons with the appeal
//! form, and the report form every moderated item links to.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

use super::changes::{self, Action};
use super::policy;
use super::store::Queued;
use super::store::{self, Decision};
use crate::platform::Platform;
use crate::platform::i18n::Lang;
use crate::platform::web::link::IdPath;
use crate::platform::web::page::render;
use crate::platform::web::{AppError, DoneQuery, Errors, FieldError, Form, PageCtx};

pub const DONE: [(&str, &str); 7] = [
    ("edited", "done-moderation-edited"),
    ("lexicon", "done-moderation-lexicon"),
    ("reported", "done-moderation-reported"),
    ("decided", "done-moderation-decided"),
    ("appealed", "done-moderation-appealed"),
    ("appeal-decided", "done-moderation-appeal-decided"),
    ("moderator", "done-moderator-assigned"),
];

pub fn routes<S>() -> axum::Router<S>
where
    S: Clone + Send + Sync + 'static,
    Platform: axum::extract::FromRef<S>,
{
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/{lang}/moderation/policy", get(policy_page))
        .route("/{lang}/moderation/log", get(log_page))
        .route("/{lang}/moderation/report", get(report_page))
        .route("/{lang}/moderation/reports", post(file_report))
        .route("/{lang}/moderation/queue", get(queue_page))
        .route("/{lang}/moderation/decisions", post(decide))
        .route("/{lang}/moderation/decisions/{id}", get(decision_page))
        .route("/{lang}/moderation/decisions/{id}/appeal", post(appeal))
        .route("/{lang}/moderation/decisions/{id}/edit", post(resubmit))
        .route("/{lang}/moderation/decisions/{id}/outcome", post(decide_appeal))
        .route("/{lang}/moderation/moderators", post(assign))
        .route("/{lang}/moderation/lexicons", post(set_lexicon))
}

/// The clauses in force as (code, "n. title") choices.
pub fn clause_choices(lang: Lang) -> Vec<(String, String)> {
    policy::clauses().iter().map(|c| (c.code.clone(), format!("{}. {}", c.number, c.title(lang)))).collect()
}

#[derive(Template)]
#[template(path = "platform/moderation/templates/policy.html")]
struct PolicyPage {
    ctx: PageCtx,
    version: String,
    clauses: Vec<(i64, String, String, String, String)>,
}

async fn policy_page(ctx: PageCtx) -> Result<Html<String>, AppError> {
    let lang = ctx.lang;
    let clauses = policy::clauses()
        .iter()
        .map(|c| (c.number, c.code.clone(), c.title(lang).to_owned(), c.text(lang).to_owned(), c.basis.clone()))
        .collect();
    render(&PolicyPage { ctx, version: policy::version().to_owned(), clauses })
}

/// A decision as the public log shows it: never the hidden text nor its author.
pub struct LogLine {
    pub id: i64,
    pub kind: String,
    pub body: String,
    pub action: String,
    pub clause: String,
    pub when: String,
    pub automatic: bool,
    pub appealed: bool,
    pub outcome: String,
}

async fn log_lines(state: &Platform, ctx: &PageCtx, found: &[Decision]) -> Result<Vec<LogLine>, AppError> {
    let ids: Vec<i64> = found.iter().map(|d| d.id).collect();
    let appeals = store::appeals_of(&state.db, &ids).await?;
    let mut lines = Vec::new();
    for d in found {
        let body = crate::platform::identity::authz::body_name(&state.db, d.body_id, ctx.lang).await?;
        let appeal = appeals.iter().find(|(id, _)| *id == d.id);
        let outcome = match appeal.and_then(|(_, o)| *o) {
            Some(o) => store::decision(&state.db, o)
                .await?
                .map(|o| ctx.t(&format!("moderation-action-{}", o.action)))
                .unwrap_or_default(),
            None if appeal.is_some() => ctx.t("moderation-appeal-pending"),
            None => String::new(),
        };
        lines.push(LogLine {
            id: d.id,
            kind: ctx.t(&format!("moderation-kind-{}", d.item_kind)),
            body,
            action: ctx.t(&format!("moderation-action-{}", d.action)),
            clause: d.clause.as_deref().map(|c| policy::label(c, ctx.lang)).unwrap_or_default(),
            when: crate::platform::days::local_time(ctx.lang, &d.decided_at),
            automatic: d.automatic,
            appealed: appeal.is_some(),
            outcome,
        });
    }
    Ok(lines)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LogQuery {
    pub body: Option<i64>,
    pub page: Option<i64>,
}

#[derive(Template)]
#[template(path = "platform/moderation/templates/log.html")]
struct LogPage {
    ctx: PageCtx,
    lines: Vec<LogLine>,
    total: i64,
}

async fn log_page(
    State(state): State<Platform>,
    ctx: PageCtx,
    Query(q): Query<LogQuery>,
) -> Result<Html<String>, AppError> {
    let (found, total) = store::log(&state.db, q.body, q.page.unwrap_or(1)).await?;
    let lines = log_lines(&state, &ctx, &found).await?;
    render(&LogPage { ctx, lines, total })
}

#[derive(Template)]
#[template(path = "platform/moderation/templates/report.html")]
struct ReportPage {
    ctx: PageCtx,
    month: String,
    report: super::api::Report,
    chart: String,
    clauses: Vec<(String, i64)>,
}

async fn report_page(
    State(state): State<Platform>,
    ctx: PageCtx,
    Query(q): Query<super::api::ReportQuery>,
) -> Result<Html<String>, AppError> {
    let report = super::api::report(&state, &q).await?;
    let clauses: Vec<(String, i64)> =
        report.per_clause.iter().map(|c| (policy::label(&c.key, ctx.lang), c.count)).collect();
    let chart = bars(&ctx.t("moderation-report-chart"), &clauses);
    render(&ReportPage { ctx, month: report.month.clone(), report, chart, clauses })
}

/// Horizontal bars, one per clause (a table beside it carries the same figures).
fn bars(title: &str, rows: &[(String, i64)]) -> String {
    use std::fmt::Write;
    let escape = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let max = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1);
    let height = rows.len() * 26 + 10;
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 {height}" role="img" aria-labelledby="bars-title" class="chart"><title id="bars-title">{}</title>"#,
        escape(title)
    );
    for (i, (label, n)) in rows.iter().enumerate() {
        let y = 5 + i * 26;
        let w = (*n as f64 / max as f64 * 360.0).round() as i64;
        let _ = write!(
            out,
            r#"<g class="bar"><text x="250" y="{}" class="tick">{}</text><rect x="260" y="{y}" width="{w}" height="18"/><text x="{}" y="{}" class="tick-value">{n}</text></g>"#,
            y + 14,
            escape(label),
            265 + w,
            y + 14
        );
    }
    out.push_str("</svg>");
    out
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReportFields {
    pub item_kind: String,
    pub item_id: String,
    pub clause: String,
    pub note: String,
    /// Where the reader was, to go back to.
    pub back: String,
}

/// A reader's report of an item; he goes back where he was with a confirmation.
async fn file_report(
    State(state): State<Platform>,
    ctx: PageCtx,
    Form(f): Form<ReportFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let id = f
        .item_id
        .trim()
        .parse()
        .map_err(|_| AppError::Validation(vec![FieldError::new("item_id", "field-invalid-choice")]))?;
    changes::report(&state, user, &f.item_kind, id, &f.clause, &f.note).await?;
    let back = crate::platform::web::local_path(&f.back).unwrap_or_else(|| ctx.url("/moderation/policy"));
    let separator = if back.contains('?') { '&' } else { '?' };
    Ok(axum::response::Redirect::to(&format!("{back}{separator}done=reported")).into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct QueueQuery {
    pub body: Option<i64>,
    pub done: String,
}

/// An appeal waiting for another moderator.
pub struct AppealLine {
    pub decision: i64,
    pub kind: String,
    pub action: String,
    pub clause: String,
    pub text: String,
    pub own: bool,
}

#[derive(Template)]
#[template(path = "platform/moderation/templates/queue.html")]
struct QueuePage {
    ctx: PageCtx,
    notice: Option<String>,
    body: i64,
    body_name: String,
    /// Each item, its kind's name, what readers reported, and whether its author can be asked to edit it.
    items: Vec<(Queued, String, String, bool)>,
    appeals: Vec<AppealLine>,
    clauses: Vec<(String, String)>,
    moderators_form: bool,
    lexicons: Vec<(String, String, String)>,
    errors: Errors,
}

async fn queue_page(
    State(state): State<Platform>,
    ctx: PageCtx,
    Query(q): Query<QueueQuery>,
) -> Result<Html<String>, AppError> {
    let notice = DoneQuery { done: q.done.clone() }.notice(&ctx, &DONE);
    let body = q.body.ok_or(AppError::NotFound)?;
    queue(&state, ctx, body, notice, Vec::new()).await
}

/// The queue of `body` and every body under it.
async fn queue(
    state: &Platform,
    ctx: PageCtx,
    body: i64,
    notice: Option<String>,
    errors: Vec<FieldError>,
) -> Result<Html<String>, AppError> {
    let user = ctx.require_user()?;
    changes::role_in(state, user, body).await?;
    let bodies = crate::platform::identity::authz::body_and_descendants(&state.db, body).await?;
    let mut items = Vec::new();
    for q in store::queue(&state.db, &bodies, 200).await? {
        let clauses = store::reported_clauses(&state.db, &q.item_kind, q.item_id).await?;
        let reported =
            clauses.iter().map(|(c, n)| format!("{} ×{n}", policy::label(c, ctx.lang))).collect::<Vec<_>>().join("; ");
        let kind = ctx.t(&format!("moderation-kind-{}", q.item_kind));
        let editable =
            q.author_id.is_some() && state.moderation.get(&q.item_kind).is_some_and(|(_, k)| k.edit.is_some());
        items.push((q, kind, reported, editable));
    }
    let mut appeals = Vec::new();
    for (a, d) in store::open_appeals(&state.db, &bodies).await? {
        appeals.push(AppealLine {
            decision: d.id,
            kind: ctx.t(&format!("moderation-kind-{}", d.item_kind)),
            action: ctx.t(&format!("moderation-action-{}", d.action)),
            clause: d.clause.as_deref().map(|c| policy::label(c, ctx.lang)).unwrap_or_default(),
            text: a.text,
            own: d.decided_by == Some(user.id),
        });
    }
    let moderators_form = crate::platform::identity::authz::manage_body(&state.db, user, body).await.is_ok();
    let body_name = crate::platform::identity::authz::body_name(&state.db, body, ctx.lang).await?;
    let clauses = clause_choices(ctx.lang);
    let mut lexicons = Vec::new();
    for (code, _) in changes::LEXICON_LANGS {
        let terms = store::lexicon(&state.db, body, code).await?.map(|(t, _)| t).unwrap_or_default();
        lexicons.push((code.to_owned(), ctx.t(&format!("moderation-lexicon-{code}")), terms));
    }
    let errors = Errors::new(ctx.lang, errors);
    render(&QueuePage { ctx, notice, body, body_name, items, appeals, clauses, moderators_form, lexicons, errors })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DecideFields {
    pub body: i64,
    pub item_kind: String,
    pub item_id: i64,
    pub action: String,
    pub clause: String,
    pub note: String,
    pub days: String,
}

async fn decide(
    State(state): State<Platform>,
    ctx: PageCtx,
    Form(f): Form<DecideFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let result = match Action::parse(&f.action) {
        Some(action) => {
            let days = f.days.trim().parse().unwrap_or(0);
            let input = changes::DecisionIn {
                kind: &f.item_kind,
                item_id: f.item_id,
                action,
                clause: &f.clause,
                note: &f.note,
                days,
            };
            changes::decide(&state, user, &input).await
        }
        None => Err(AppError::Validation(vec![FieldError::new("action", "field-invalid-choice")])),
    };
    match result {
        Ok(_) => Ok(ctx.see_other(&format!("/moderation/queue?body={}&done=decided", f.body))),
        Err(e) => {
            let (status, errors) = e.on_form("action")?;
            Ok((status, queue(&state, ctx, f.body, None, errors).await?).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "platform/moderation/templates/decision.html")]
struct DecisionPage {
    ctx: PageCtx,
    notice: Option<String>,
    d: Decision,
    action: String,
    clause: Option<(String, String)>,
    role: String,
    when: String,
    until: String,
    may_appeal: bool,
    appeal: Option<(String, String)>,
    /// Asked to edit: the item's text to start from, while he may still edit it.
    edit: Option<String>,
    /// When he resubmitted it, if he did.
    edited: Option<String>,
    errors: Errors,
}

async fn decision_page(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Query(done): Query<DoneQuery>,
) -> Result<Html<String>, AppError> {
    let notice = done.notice(&ctx, &DONE);
    decision_view(&state, ctx, p.id, notice, Vec::new()).await
}

/// The statement of reasons, for the author only: what, which clause, by whom (role), how to appeal.
async fn decision_view(
    state: &Platform,
    ctx: PageCtx,
    id: i64,
    notice: Option<String>,
    errors: Vec<FieldError>,
) -> Result<Html<String>, AppError> {
    let user = ctx.require_user()?;
    let d = changes::of_author(state, user, id).await?;
    let lang = ctx.lang;
    let clause = d
        .clause
        .as_deref()
        .and_then(|c| policy::clause(c).or_else(|| policy::clauses().into_iter().find(|x| x.code == c)))
        .map(|c| (format!("{}. {}", c.number, c.title(lang)), c.text(lang).to_owned()));
    // "You may appeal until 15 December 2026." (the sentence is the language's: a Russian date ends in "г.").
    let until = changes::appeal_until(&d)
        .map(|day| {
            lang.t_args("moderation-appeal-until", &[("day", lang.date(&crate::platform::days::iso(day)).into())])
        })
        .unwrap_or_default();
    let appeal = match store::appeal_of(&state.db, id).await? {
        Some(a) => {
            let status = match a.outcome_id {
                Some(o) => store::decision(&state.db, o)
                    .await?
                    .map(|o| ctx.t(&format!("moderation-action-{}", o.action)))
                    .unwrap_or_default(),
                None => ctx.t("moderation-appeal-pending"),
            };
            Some((a.text, status))
        }
        None => None,
    };
    let edit = match changes::may_edit(state, &d).await? {
        true => match state.moderation.get(&d.item_kind) {
            Some((_, kind)) => (kind.find)(state, d.item_id).await?.map(|item| item.text),
            None => None,
        },
        false => None,
    };
    let edited = store::edited_at(&state.db, d.id).await?.map(|at| crate::platform::days::local_time(lang, &at));
    let may_appeal = appeal.is_none()
        && matches!(d.action.as_str(), "hide" | "ask_edit" | "suspend")
        && changes::appeal_until(&d).is_some_and(|last| crate::platform::days::date_at(state.jobs.now_ms()) <= last);
    render(&DecisionPage {
        action: ctx.t(&format!("moderation-action-{}", d.action)),
        role: ctx.t(&format!("moderation-role-{}", d.decided_role)),
        when: crate::platform::days::local_time(lang, &d.decided_at),
        errors: Errors::new(lang, errors),
        ctx,
        notice,
        d,
        clause,
        until,
        may_appeal,
        appeal,
        edit,
        edited,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EditFields {
    pub edit: String,
}

async fn resubmit(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(f): Form<EditFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    match changes::resubmit(&state, user, p.id, &f.edit).await {
        Ok(()) => Ok(ctx.see_other(&format!("/moderation/decisions/{}?done=edited", p.id))),
        Err(e) => {
            // Whatever field the kind checked, the error shows beside the one edit box.
            let (status, errors) = e.on_form("edit")?;
            let errors = errors.into_iter().map(|e| FieldError { field: "edit", ..e }).collect();
            Ok((status, decision_view(&state, ctx, p.id, None, errors).await?).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AppealFields {
    pub text: String,
}

async fn appeal(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(f): Form<AppealFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    match changes::appeal(&state, user, p.id, &f.text).await {
        Ok(()) => Ok(ctx.see_other(&format!("/moderation/decisions/{}?done=appealed", p.id))),
        Err(e) => {
            let (status, errors) = e.on_form("text")?;
            Ok((status, decision_view(&state, ctx, p.id, None, errors).await?).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OutcomeFields {
    pub body: i64,
    pub outcome: String,
    pub note: String,
}

async fn decide_appeal(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(f): Form<OutcomeFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let result = match f.outcome.as_str() {
        "uphold" | "reverse" => changes::decide_appeal(&state, user, p.id, f.outcome == "reverse", &f.note).await,
        _ => Err(AppError::Validation(vec![FieldError::new("outcome", "field-invalid-choice")])),
    };
    match result {
        Ok(_) => Ok(ctx.see_other(&format!("/moderation/queue?body={}&done=appeal-decided", f.body))),
        Err(e) => {
            let (status, errors) = e.on_form("outcome")?;
            Ok((status, queue(&state, ctx, f.body, None, errors).await?).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AssignFields {
    pub body: i64,
    pub email: String,
}

async fn assign(
    State(state): State<Platform>,
    ctx: PageCtx,
    Form(f): Form<AssignFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    match changes::assign(&state, user, f.body, &f.email).await {
        Ok(()) => Ok(ctx.see_other(&format!("/moderation/queue?body={}&done=moderator", f.body))),
        Err(e) => {
            let (status, errors) = e.on_form("email")?;
            Ok((status, queue(&state, ctx, f.body, None, errors).await?).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LexiconFields {
    pub body: i64,
    pub lang: String,
    pub terms: String,
}

async fn set_lexicon(
    State(state): State<Platform>,
    ctx: PageCtx,
    Form(f): Form<LexiconFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    match changes::set_lexicon(&state, user, f.body, &f.lang, &f.terms).await {
        Ok(()) => Ok(ctx.see_other(&format!("/moderation/queue?body={}&done=lexicon", f.body))),
        Err(e) => {
            let (status, errors) = e.on_form("terms")?;
            Ok((status, queue(&state, ctx, f.body, None, errors).await?).into_response())
        }
    }
}
