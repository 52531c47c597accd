//! The forms of early warning, without JavaScript. The report form is open to anonymous readers (limited per
//! address in memory; the address is never stored); verifiers verify and rebut; a secretariat uploads a council's
//! questionnaire and names verifiers; an alert's owners acknowledge it and record their response. Every form goes
//! through [`super::changes`], like the API.

use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

use super::input::{RebuttalIn, ResponseIn, SignalIn, VerifyIn};
use super::model::{Channel, Reporter, SignalStatus};
use super::pages::{self, region_name};
use super::{Runtime, access, changes, indicators};
use crate::platform::Platform;
use crate::platform::multilingual::TextsIn;
use crate::platform::web::extract::ClientIp;
use crate::platform::web::link::IdPath;
use crate::platform::web::page::render;
use crate::platform::web::{AppError, Errors, FieldError, Form, PageCtx};
use crate::registry::model::BodyKind;

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct SignalFields {
    pub text: String,
    pub text_lang: String,
    pub region_code: String,
    pub district_id: String,
    pub settlement: String,
    pub happened_on: String,
    pub indicators: Vec<String>,
    pub severity: String,
    pub links: String,
    pub reporter: String,
    pub contact: String,
}

impl SignalFields {
    fn parse(&self) -> (SignalIn, Vec<FieldError>) {
        let mut errors = Vec::new();
        let severity = match self.severity.trim() {
            "" => 0,
            s => s.parse().unwrap_or_else(|_| {
                errors.push(FieldError::new("severity", "field-not-a-number"));
                0
            }),
        };
        let district_id = match self.district_id.trim() {
            "" => None,
            d => d.parse().map_err(|_| errors.push(FieldError::new("district_id", "field-invalid-choice"))).ok(),
        };
        let reporter = match self.reporter.as_str() {
            "named" => Some(Reporter::Named),
            "proxy" => Some(Reporter::Proxy),
            _ => Some(Reporter::Anonymous),
        };
        let input = SignalIn {
            text: self.text.clone(),
            text_lang: self.text_lang.clone(),
            region_code: self.region_code.clone(),
            district_id,
            settlement: Some(self.settlement.clone()),
            happened_on: self.happened_on.clone(),
            indicators: self.indicators.clone(),
            severity,
            links: self.links.lines().map(str::to_owned).collect(),
            reporter,
            contact: Some(self.contact.clone()),
        };
        (input, errors)
    }
}

#[derive(Template)]
#[template(path = "early_warning/templates/new.html")]
struct NewPage {
    ctx: PageCtx,
    notice: Option<String>,
    fields: SignalFields,
    errors: Errors,
    regions: Vec<(String, String)>,
    districts: Vec<(String, String)>,
    conflict: Vec<(String, String, String)>,
    peace: Vec<(String, String, String)>,
    severities: Vec<(String, String)>,
    langs: Vec<(String, String)>,
    reporters: Vec<(String, String)>,
}

impl NewPage {
    fn checked(&self, code: &str) -> bool {
        self.fields.indicators.iter().any(|i| i == code)
    }

    fn anonymous(&self) -> bool {
        self.ctx.user.is_none()
    }
}

async fn new_page(
    state: &Platform,
    ctx: PageCtx,
    notice: Option<String>,
    fields: SignalFields,
    errors: Vec<FieldError>,
) -> Result<Html<String>, AppError> {
    let lang = ctx.lang;
    let mut regions: Vec<(String, String)> =
        crate::registry::reference::regions().iter().map(|r| (r.code.clone(), region_name(&r.code, lang))).collect();
    regions.sort_by(|a, b| lang.compare(&a.1, &b.1));
    let mut districts: Vec<(String, String)> = crate::registry::store::bodies(&state.db, false)
        .await?
        .into_iter()
        .filter(|b| b.kind == BodyKind::PublicConsentCouncil)
        .map(|b| {
            use crate::platform::i18n::Localized;
            let region = b.region_code.as_deref().map(|r| region_name(r, lang)).unwrap_or_default();
            (b.id.to_string(), format!("{} ({region})", b.name(lang)))
        })
        .collect();
    districts.sort_by(|a, b| lang.compare(&a.1, &b.1));
    let choice = |i: &indicators::Indicator| (i.code.clone(), i.name(lang).to_owned(), i.description(lang).to_owned());
    let conflict = indicators::all().iter().filter(|i| i.kind == indicators::Kind::Conflict).map(choice).collect();
    let peace = indicators::all().iter().filter(|i| i.kind == indicators::Kind::Peace).map(choice).collect();
    let severities = (1..=5).map(|n| (n.to_string(), ctx.t(&format!("signal-severity-{n}")))).collect();
    let langs = ctx.langs().iter().map(|l| (l.code().to_owned(), l.native_name().to_owned())).collect();
    let mut reporters = vec![("anonymous".to_owned(), ctx.t("signal-reporter-anonymous"))];
    if let Some(user) = &ctx.user {
        reporters.insert(0, ("named".to_owned(), ctx.t("signal-reporter-named")));
        if access::may_proxy(&state.db, user).await? {
            reporters.push(("proxy".to_owned(), ctx.t("signal-reporter-proxy")));
        }
    }
    let errors = Errors::new(lang, errors);
    render(&NewPage { ctx, notice, fields, errors, regions, districts, conflict, peace, severities, langs, reporters })
}

/// The report form, open to everyone.
pub async fn new_signal(
    State(state): State<Platform>,
    ctx: PageCtx,
    Query(done): Query<crate::platform::web::DoneQuery>,
) -> Result<Html<String>, AppError> {
    let notice = done.notice(&ctx, &pages::DONE);
    let fields = SignalFields {
        text_lang: ctx.lang.code().to_owned(),
        reporter: if ctx.user.is_some() { "named".into() } else { "anonymous".into() },
        ..Default::default()
    };
    new_page(&state, ctx, notice, fields, Vec::new()).await
}

pub async fn report(
    State(state): State<Platform>,
    State(runtime): State<Runtime>,
    ctx: PageCtx,
    ClientIp(address): ClientIp,
    Form(fields): Form<SignalFields>,
) -> Result<Response, AppError> {
    let user = ctx.user.clone();
    // Only anonymous reports are limited by address: a named reporter answers for his reports.
    if (user.is_none() || fields.reporter == "anonymous") && !runtime.intake.allow(address) {
        return Err(AppError::RateLimited);
    }
    let (input, mut errors) = fields.parse();
    let result = if errors.is_empty() {
        changes::report(&state, user.as_ref(), &input, Channel::Form).await
    } else {
        let reporter = input.reporter.filter(|_| user.is_some()).unwrap_or(Reporter::Anonymous);
        errors.extend(input.check(reporter).err().unwrap_or_default());
        Err(AppError::Validation(errors))
    };
    match result {
        // An anonymous reporter cannot open his signal: he is thanked on the form's page.
        Ok(_) if user.is_none() || fields.reporter == "anonymous" => Ok(ctx.see_other("/signals/new?done=reported")),
        Ok(id) => Ok(ctx.see_other(&format!("/signals/new?done=reported&signal={id}"))),
        Err(e) => {
            let (status, errors) = e.on_form("text")?;
            Ok((status, new_page(&state, ctx, None, fields, errors).await?).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct VerifyFields {
    pub status: String,
    pub note: String,
}

pub async fn verify(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<VerifyFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let status: Option<SignalStatus> = crate::platform::validate::parse_code(&fields.status);
    let result = match status {
        Some(status) => {
            let note = Some(fields.note.clone()).filter(|n| !n.trim().is_empty());
            changes::verify(&state, user, p.id, &VerifyIn { status, note }).await
        }
        None => Err(AppError::Validation(vec![FieldError::new("status", "field-invalid-choice")])),
    };
    match result {
        Ok(()) => Ok(ctx.see_other(&format!("/signals/{}?done=verified", p.id))),
        Err(e) => {
            let (status, errors) = e.on_form("status")?;
            Ok((status, pages::signal_page(&state, ctx, p.id, None, errors, fields.note).await?).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RebuttalFields {
    pub rebuttal_kk: String,
    pub rebuttal_ru: String,
    pub rebuttal_en: String,
}

pub async fn rebut(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<RebuttalFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let some = |s: &str| Some(s.to_owned());
    let input = RebuttalIn {
        text: TextsIn { kk: some(&fields.rebuttal_kk), ru: some(&fields.rebuttal_ru), en: some(&fields.rebuttal_en) },
    };
    match changes::rebut(&state, user, p.id, &input).await {
        Ok(()) => Ok(ctx.see_other(&format!("/signals/{}?done=rebutted", p.id))),
        Err(e) => {
            let (status, errors) = e.on_form("rebuttal")?;
            Ok((status, pages::signal_page(&state, ctx, p.id, None, errors, String::new()).await?).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct VerifierFields {
    pub body_id: String,
    pub email: String,
}

pub async fn assign_verifier(
    State(state): State<Platform>,
    ctx: PageCtx,
    Form(fields): Form<VerifierFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let body_id = fields.body_id.trim().parse().unwrap_or(0);
    match changes::assign_verifier(&state, user, body_id, &fields.email).await {
        Ok(()) => Ok(ctx.see_other("/signals?done=verifier")),
        Err(e) => {
            let (status, errors) = e.on_form("email")?;
            let page = pages::signals_page(&state, ctx, Default::default(), None, errors).await?;
            Ok((status, page).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "early_warning/templates/questionnaire.html")]
struct QuestionnairePage {
    ctx: PageCtx,
    bodies: Vec<(String, String)>,
    errors: Vec<String>,
    columns: String,
}

async fn questionnaire_form(state: &Platform, ctx: PageCtx, errors: Vec<FieldError>) -> Result<Html<String>, AppError> {
    let user = ctx.require_user()?;
    let lang = ctx.lang;
    let mut bodies = Vec::new();
    for id in crate::platform::identity::authz::live_secretariats(&state.db, user).await? {
        if let Some(b) = crate::registry::store::body(&state.db, id).await? {
            use crate::platform::i18n::Localized;
            bodies.push((b.id.to_string(), b.name(lang).to_owned()));
        }
    }
    if bodies.is_empty() && !user.roles.is_admin() {
        return Err(AppError::Forbidden);
    }
    let errors = errors.iter().map(|e| e.message(lang)).collect();
    let columns = changes::QUESTIONNAIRE_COLUMNS.join(",");
    render(&QuestionnairePage { ctx, bodies, errors, columns })
}

pub async fn questionnaire_page(State(state): State<Platform>, ctx: PageCtx) -> Result<Html<String>, AppError> {
    questionnaire_form(&state, ctx, Vec::new()).await
}

/// A council's questionnaire, uploaded as a CSV file: all rows or none.
pub async fn questionnaire(
    State(state): State<Platform>,
    ctx: PageCtx,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let (mut body_id, mut file) = (0i64, Vec::new());
    while let Some(field) = multipart.next_field().await.map_err(|e| AppError::BadRequest(e.body_text()))? {
        match field.name() {
            Some("body_id") => {
                body_id =
                    field.text().await.map_err(|e| AppError::BadRequest(e.body_text()))?.trim().parse().unwrap_or(0)
            }
            Some("file") => file = field.bytes().await.map_err(|e| AppError::BadRequest(e.body_text()))?.to_vec(),
            _ => {}
        }
    }
    match changes::questionnaire(&state, &user, body_id, &file).await {
        Ok(ids) => Ok(ctx.see_other(&format!("/signals?done=uploaded&count={}", ids.len()))),
        Err(e) => {
            let (status, errors) = e.on_form("file")?;
            let status = if status == StatusCode::CONFLICT { StatusCode::UNPROCESSABLE_ENTITY } else { status };
            Ok((status, questionnaire_form(&state, ctx, errors).await?).into_response())
        }
    }
}

pub async fn acknowledge(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    match changes::acknowledge_alert(&state, user, p.id).await {
        Ok(()) => Ok(ctx.see_other(&format!("/alerts/{}?done=acknowledged", p.id))),
        Err(e) => {
            let (status, errors) = e.on_form("acknowledge")?;
            Ok((status, pages::alert_page(&state, ctx, p.id, None, errors, String::new()).await?).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ResponseFields {
    pub response: String,
}

pub async fn respond(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<ResponseFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    match changes::respond_alert(&state, user, p.id, &ResponseIn { response: fields.response.clone() }).await {
        Ok(()) => Ok(ctx.see_other(&format!("/alerts/{}?done=responded", p.id))),
        Err(e) => {
            let (status, errors) = e.on_form("response")?;
            Ok((status, pages::alert_page(&state, ctx, p.id, None, errors, fields.response).await?).into_response())
        }
    }
}
