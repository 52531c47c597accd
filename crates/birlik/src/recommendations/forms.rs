//! The forms of recommendations, without JavaScript: the secretariat sends; the liaison acknowledges, extends,
//! forwards, answers and reports; an admin names an addressee's liaisons. Every form goes through
//! [`super::changes`], like the API.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

use super::changes;
use super::input::{AnswerIn, ExtendIn, ForwardIn, ReportIn, SendIn};
use super::model::{AddresseeKind, Implementation};
use super::{addressees, pages};
use crate::platform::Platform;
use crate::platform::i18n::Localized;
use crate::platform::identity::{Email, authz};
use crate::platform::multilingual::TextsIn;
use crate::platform::web::link::IdPath;
use crate::platform::web::page::render;
use crate::platform::web::{AppError, Errors, FieldError, Form, PageCtx};

/// Does the reader send recommendations for some body (a live secretariat, or an admin)?
pub async fn sends_any(state: &Platform, ctx: &PageCtx) -> Result<bool, AppError> {
    match &ctx.user {
        None => Ok(false),
        Some(user) if user.roles.is_admin() => Ok(true),
        Some(user) => Ok(!authz::live_secretariats(&state.db, user).await?.is_empty()),
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct SendFields {
    pub body_id: String,
    /// Ticked addressees (repeated field).
    pub addressee_ids: Vec<String>,
    pub proposal_id: String,
    pub title_kk: String,
    pub title_ru: String,
    pub title_en: String,
    pub text_kk: String,
    pub text_ru: String,
    pub text_en: String,
}

/// The addressees of one kind, for the send form's checkboxes.
pub struct Group {
    pub label: String,
    pub items: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "recommendations/templates/new.html")]
struct NewPage {
    ctx: PageCtx,
    fields: SendFields,
    errors: Errors,
    bodies: Vec<(String, String)>,
    groups: Vec<Group>,
    proposal: Option<String>,
}

impl NewPage {
    fn no_error(&self) -> Option<String> {
        None
    }

    fn ticked(&self, id: &str) -> bool {
        self.fields.addressee_ids.iter().any(|a| a == id)
    }
}

async fn new_page(
    state: &Platform,
    ctx: PageCtx,
    fields: SendFields,
    errors: Vec<FieldError>,
) -> Result<Html<String>, AppError> {
    let lang = ctx.lang;
    let bodies = crate::meetings::forms::bodies_run_by(state, &ctx).await?;
    if bodies.is_empty() {
        return Err(AppError::Forbidden);
    }
    let all = addressees::all(&state.db, false).await?;
    let groups = AddresseeKind::ALL
        .iter()
        .map(|kind| Group {
            label: ctx.t(kind.key()),
            items: all
                .iter()
                .filter(|a| a.kind == *kind)
                .map(|a| (a.id.to_string(), a.name(lang).to_owned()))
                .collect(),
        })
        .filter(|g| !g.items.is_empty())
        .collect();
    let proposal = match fields.proposal_id.trim().parse::<i64>() {
        Ok(p) => {
            crate::proposals::store::proposal(&state.db, p).await?.map(|p| format!("№{} · {}", p.id, p.heading(lang)))
        }
        Err(_) => None,
    };
    let errors = Errors::new(lang, errors);
    render(&NewPage { ctx, fields, errors, bodies, groups, proposal })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewQuery {
    body: String,
    proposal: String,
}

/// The send form; from an accepted proposal, its body, title and text come filled in.
pub async fn new_recommendation(
    State(state): State<Platform>,
    ctx: PageCtx,
    Query(q): Query<NewQuery>,
) -> Result<Html<String>, AppError> {
    ctx.require_user()?;
    let mut fields = SendFields { body_id: q.body, ..Default::default() };
    if let Ok(id) = q.proposal.trim().parse::<i64>()
        && let Some(p) = crate::proposals::store::proposal(&state.db, id).await?
    {
        fields.proposal_id = id.to_string();
        fields.body_id = p.body_id.to_string();
        fields.title_kk = p.title.kk.unwrap_or_default();
        fields.title_ru = p.title.ru.unwrap_or_default();
        fields.title_en = p.title.en.unwrap_or_default();
        fields.text_kk = p.text.kk.unwrap_or_default();
        fields.text_ru = p.text.ru.unwrap_or_default();
        fields.text_en = p.text.en.unwrap_or_default();
    }
    new_page(&state, ctx, fields, Vec::new()).await
}

pub async fn send(
    State(state): State<Platform>,
    ctx: PageCtx,
    Form(fields): Form<SendFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let mut errors = Vec::new();
    let body_id = fields.body_id.trim().parse().unwrap_or_else(|_| {
        errors.push(FieldError::new("body_id", "field-required"));
        0
    });
    let addressee_ids: Vec<i64> = fields.addressee_ids.iter().filter_map(|a| a.trim().parse().ok()).collect();
    let some = |v: &str| Some(v.to_owned());
    let input = SendIn {
        body_id,
        addressee_ids,
        proposal_id: fields.proposal_id.trim().parse().ok(),
        decision_id: None,
        title: TextsIn { kk: some(&fields.title_kk), ru: some(&fields.title_ru), en: some(&fields.title_en) },
        text: TextsIn { kk: some(&fields.text_kk), ru: some(&fields.text_ru), en: some(&fields.text_en) },
    };
    let result = if errors.is_empty() {
        changes::send(&state, user, &input).await
    } else {
        errors.extend(input.check().err().unwrap_or_default());
        Err(AppError::Validation(errors))
    };
    match result {
        Ok(ids) => {
            let first = ids.first().copied().unwrap_or_default();
            Ok(ctx.see_other(&format!("/recommendations/{first}?done=sent")))
        }
        Err(e) => {
            let (status, errors) = e.on_form("body_id")?;
            Ok((status, new_page(&state, ctx, fields, errors).await?).into_response())
        }
    }
}

/// Runs one liaison step; a refusal shows the recommendation's page with the errors beside `form`'s fields.
async fn liaison_step<F, Fut>(
    state: &Platform,
    ctx: PageCtx,
    id: i64,
    form: &'static str,
    done: &str,
    step: F,
) -> Result<Response, AppError>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<i64, AppError>>,
{
    match step().await {
        Ok(now_at) => Ok(ctx.see_other(&format!("/recommendations/{now_at}?done={done}"))),
        Err(e) => {
            let (status, errors) = e.on_form(form_field(form))?;
            Ok((status, pages::page(state, ctx, id, None, form, errors).await?).into_response())
        }
    }
}

/// Where a form's conflict is shown.
fn form_field(form: &str) -> &'static str {
    match form {
        "extend" => "to",
        "forward" => "addressee_id",
        "answer" => "text",
        "report" => "implementation",
        _ => "acknowledge",
    }
}

pub async fn acknowledge(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let s = state.clone();
    liaison_step(&state, ctx, p.id, "acknowledge", "acknowledged", || async move {
        changes::acknowledge(&s, &user, p.id).await.map(|_| p.id)
    })
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ExtendFields {
    to: String,
    reason: String,
}

pub async fn extend(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(f): Form<ExtendFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let s = state.clone();
    liaison_step(&state, ctx, p.id, "extend", "extended", || async move {
        changes::extend(&s, &user, p.id, &ExtendIn { to: f.to, reason: f.reason }).await.map(|_| p.id)
    })
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ForwardFields {
    addressee_id: String,
    reason: String,
}

pub async fn forward(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(f): Form<ForwardFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let s = state.clone();
    liaison_step(&state, ctx, p.id, "forward", "forwarded", || async move {
        let Ok(addressee_id) = f.addressee_id.trim().parse() else {
            return Err(AppError::Validation(vec![FieldError::new("addressee_id", "field-required")]));
        };
        changes::forward(&s, &user, p.id, &ForwardIn { addressee_id, reason: f.reason }).await
    })
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AnswerFields {
    text: String,
    lang: String,
}

pub async fn answer(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(f): Form<AnswerFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let s = state.clone();
    liaison_step(&state, ctx, p.id, "answer", "answered", || async move {
        changes::answer(&s, &user, p.id, &AnswerIn { text: f.text, lang: f.lang }).await.map(|_| p.id)
    })
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReportFields {
    implementation: String,
    note: String,
}

pub async fn report(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(f): Form<ReportFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let s = state.clone();
    liaison_step(&state, ctx, p.id, "report", "reported", || async move {
        let implementation: Implementation = serde_json::from_value(serde_json::Value::String(f.implementation))
            .map_err(|_| AppError::Validation(vec![FieldError::new("implementation", "field-invalid-choice")]))?;
        changes::report(&s, &user, p.id, &ReportIn { implementation, note: Some(f.note) }).await.map(|_| p.id)
    })
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LiaisonFields {
    email: String,
}

/// An admin makes the account with this address a liaison of the addressee.
pub async fn assign_liaison(
    State(state): State<Platform>,
    State(runtime): State<super::Runtime>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(f): Form<LiaisonFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    authz::operate(user)?;
    let user_id = match Email::parse(&f.email) {
        Some(email) => crate::platform::identity::store::find_by_email(&state.db, &email).await?.map(|u| u.id),
        None => None,
    };
    let Some(user_id) = user_id else {
        let errors = vec![FieldError::new("email", "liaison-no-such-account")];
        let page = pages::addressee_page(&state, &runtime, ctx, p.id, None, errors).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    addressees::get(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    addressees::set_liaison(&state.db, Some(user.id), user_id, Some(p.id)).await?;
    Ok(ctx.see_other(&format!("/addressees/{}?done=liaison", p.id)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AddresseeFields {
    name_kk: String,
    name_ru: String,
    name_en: String,
    website: String,
    /// `on` when ticked: it no longer receives recommendations.
    archived: String,
}

/// An admin corrects an addressee's names and site, or archives it (a body renamed or abolished).
pub async fn edit_addressee(
    State(state): State<Platform>,
    State(runtime): State<super::Runtime>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(f): Form<AddresseeFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    authz::operate(user)?;
    let before = addressees::get(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    let mut c = crate::platform::validate::Checks::default();
    let line = |field, v: &str| crate::platform::validate::line(field, v, 2, crate::platform::validate::MAX_LINE);
    let edit = addressees::Edit {
        name_kk: c.take(line("name_kk", &f.name_kk)),
        name_ru: c.take(line("name_ru", &f.name_ru)),
        name_en: c.take(line("name_en", &f.name_en)),
        website: c.take(crate::platform::validate::website("website", &f.website)),
        archived: f.archived == "on",
    };
    if let Err(errors) = c.finish(()) {
        let page = pages::addressee_page(&state, &runtime, ctx, p.id, None, errors).await?;
        return Ok((axum::http::StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    addressees::update(&state.db, user.id, &before, &edit).await?;
    Ok(ctx.see_other(&format!("/addressees/{}?done=edited", p.id)))
}
