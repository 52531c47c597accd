//! The forms of proposals, without JavaScript (htmx only points out similar proposals while the author types). A
//! participant files a proposal, supports it and withdraws his support; the secretariat takes the body's steps and
//! sets the body's threshold and window. Every form goes through [`super::changes`], like the API.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::input::{ProposalIn, RulesIn, StepIn};
use super::model::{OnBehalf, Step, receives_proposals};
use super::pages::{self, StepFields};
use super::{categories, changes, search};
use crate::platform::Platform;
use crate::platform::i18n::Localized;
use crate::platform::multilingual::TextsIn;
use crate::platform::validate;
use crate::platform::web::link::IdPath;
use crate::platform::web::page::render;
use crate::platform::web::{AppError, DoneQuery, Errors, FieldError, Form, PageCtx};
use crate::registry::model::BodyKind;

fn some(value: &str) -> Option<String> {
    Some(value.to_owned())
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ProposalFields {
    pub body_id: String,
    pub title_kk: String,
    pub title_ru: String,
    pub title_en: String,
    pub text_kk: String,
    pub text_ru: String,
    pub text_en: String,
    pub category: String,
    pub region_code: String,
    /// `self`, or `association:{id}`, or `body:{id}`.
    pub on_behalf: String,
}

impl ProposalFields {
    fn parse(&self) -> (ProposalIn, Vec<FieldError>) {
        let mut errors = Vec::new();
        let body_id = self.body_id.trim().parse().unwrap_or_else(|_| {
            errors.push(FieldError::new("body_id", "field-required"));
            0
        });
        let (on_behalf, association_id, author_body_id) = match self.on_behalf.split_once(':') {
            Some(("association", id)) => (OnBehalf::Association, id.parse().ok(), None),
            Some(("body", id)) => (OnBehalf::Body, None, id.parse().ok()),
            _ => (OnBehalf::Myself, None, None),
        };
        let input = ProposalIn {
            body_id,
            title: TextsIn { kk: some(&self.title_kk), ru: some(&self.title_ru), en: some(&self.title_en) },
            text: TextsIn { kk: some(&self.text_kk), ru: some(&self.text_ru), en: some(&self.text_en) },
            category: self.category.clone(),
            region_code: some(&self.region_code),
            district_id: None,
            on_behalf: Some(on_behalf),
            association_id,
            author_body_id,
        };
        (input, errors)
    }

    /// The title typed, in whichever language came first.
    fn any_title(&self) -> &str {
        [&self.title_kk, &self.title_ru, &self.title_en].into_iter().find(|t| !t.trim().is_empty()).map_or("", |t| t)
    }
}

#[derive(Template)]
#[template(path = "proposals/templates/new.html")]
struct NewPage {
    ctx: PageCtx,
    fields: ProposalFields,
    errors: Errors,
    bodies: Vec<(String, String)>,
    categories: Vec<(String, String)>,
    regions: Vec<(String, String)>,
    behalf: Vec<(String, String)>,
    similar: Vec<(i64, String, String)>,
}

impl NewPage {
    fn no_error(&self) -> Option<String> {
        None
    }
}

/// The bodies that receive proposals, the national session first, then regional assemblies and district councils,
/// each by name.
async fn receiving_bodies(state: &Platform, ctx: &PageCtx) -> Result<Vec<(String, String)>, AppError> {
    let lang = ctx.lang;
    let mut bodies: Vec<_> = crate::registry::store::bodies(&state.db, false)
        .await?
        .into_iter()
        .filter(|b| receives_proposals(b.kind))
        .collect();
    let rank = |k: BodyKind| match k {
        BodyKind::NationalSession => 0,
        BodyKind::RegionalAssembly => 1,
        _ => 2,
    };
    bodies.sort_by(|a, b| rank(a.kind).cmp(&rank(b.kind)).then(lang.compare(a.name(lang), b.name(lang))));
    Ok(bodies.into_iter().map(|b| (b.id.to_string(), b.name(lang).to_owned())).collect())
}

/// On whose behalf the reader may file: himself, the associations he represents, the bodies he runs.
async fn behalf_choices(state: &Platform, ctx: &PageCtx) -> Result<Vec<(String, String)>, AppError> {
    let lang = ctx.lang;
    let mut out = vec![("self".to_owned(), ctx.t("proposal-on-behalf-self"))];
    let Some(user) = &ctx.user else { return Ok(out) };
    if let Some(person) = crate::platform::identity::store::person_of(&state.db, user.id).await? {
        let filter = crate::registry::store::MembershipFilter {
            person: Some(person),
            per_page: Some(500),
            ..Default::default()
        };
        let today = crate::platform::days::today();
        let mut seen = Vec::new();
        for m in crate::registry::store::memberships(&state.db, &filter).await?.0 {
            if let Some(a) = m.association_id.filter(|_| m.term_end.as_deref().is_none_or(|e| *e >= *today))
                && !seen.contains(&a)
                && let Some(association) = crate::registry::store::association(&state.db, a).await?
            {
                seen.push(a);
                out.push((format!("association:{a}"), association.name(lang).to_owned()));
            }
        }
    }
    for body in crate::platform::identity::authz::live_secretariats(&state.db, user).await? {
        if let Some(b) = crate::registry::store::body(&state.db, body).await? {
            out.push((format!("body:{body}"), b.name(lang).to_owned()));
        }
    }
    Ok(out)
}

async fn new_page(
    state: &Platform,
    ctx: PageCtx,
    fields: ProposalFields,
    errors: Vec<FieldError>,
) -> Result<Html<String>, AppError> {
    ctx.require_user()?;
    let lang = ctx.lang;
    let bodies = receiving_bodies(state, &ctx).await?;
    let categories = categories::all().iter().map(|c| (c.code.clone(), c.name(lang).to_owned())).collect();
    let mut regions: Vec<(String, String)> =
        crate::registry::reference::regions().iter().map(|r| (r.code.clone(), r.name(lang).to_owned())).collect();
    regions.sort_by(|a, b| lang.compare(&a.1, &b.1));
    let behalf = behalf_choices(state, &ctx).await?;
    let similar = similar_to(state, lang, fields.any_title()).await?;
    let errors = Errors::new(lang, errors);
    render(&NewPage { ctx, fields, errors, bodies, categories, regions, behalf, similar })
}

/// Live proposals like `title`: (id, title, body).
async fn similar_to(
    state: &Platform,
    lang: crate::platform::i18n::Lang,
    title: &str,
) -> Result<Vec<(i64, String, String)>, AppError> {
    if title.trim().chars().count() < 8 {
        return Ok(Vec::new());
    }
    let mut bodies = pages::Bodies::default();
    let mut out = Vec::new();
    for (p, _) in search::similar(&state.db, &state.search, title, 5).await? {
        let body = bodies.get(&state.db, p.body_id, lang).await?.0;
        out.push((p.id, p.heading(lang), body));
    }
    Ok(out)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewQuery {
    body: String,
}

pub async fn new_proposal(
    State(state): State<Platform>,
    ctx: PageCtx,
    Query(q): Query<NewQuery>,
) -> Result<Response, AppError> {
    if ctx.user.is_none() {
        let next = crate::platform::web::url_encode(&ctx.url("/proposals/new"));
        return Ok(Redirect::to(&format!("{}?next={next}", ctx.url("/login"))).into_response());
    }
    let fields = ProposalFields { body_id: q.body, on_behalf: "self".into(), ..Default::default() };
    Ok(new_page(&state, ctx, fields, Vec::new()).await?.into_response())
}

pub async fn file(
    State(state): State<Platform>,
    ctx: PageCtx,
    Form(fields): Form<ProposalFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let (input, mut errors) = fields.parse();
    let result = if errors.is_empty() {
        changes::file(&state, user, &input).await
    } else {
        errors.extend(input.check().err().unwrap_or_default());
        Err(AppError::Validation(errors))
    };
    match result {
        Ok(id) => Ok(ctx.see_other(&format!("/proposals/{id}?done=filed"))),
        Err(e) => {
            let (status, errors) = e.on_form("body_id")?;
            Ok((status, new_page(&state, ctx, fields, errors).await?).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "proposals/templates/similar.html")]
struct SimilarPart {
    ctx: PageCtx,
    similar: Vec<(i64, String, String)>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SimilarQuery {
    title_kk: String,
    title_ru: String,
    title_en: String,
}

/// The similar proposals for what the author typed so far (htmx swaps it into the form).
pub async fn similar(
    State(state): State<Platform>,
    ctx: PageCtx,
    Query(q): Query<SimilarQuery>,
) -> Result<Html<String>, AppError> {
    let title = [&q.title_kk, &q.title_ru, &q.title_en].into_iter().find(|t| !t.trim().is_empty()).cloned();
    let title: String = title.unwrap_or_default().chars().take(validate::MAX_LINE).collect();
    let similar = similar_to(&state, ctx.lang, &title).await?;
    render(&SimilarPart { ctx, similar })
}

pub async fn support(
    State(state): State<Platform>,
    State(runtime): State<super::Runtime>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let done =
        if changes::support(&state, &runtime.supports, user, p.id).await?.queued { "queued" } else { "supported" };
    Ok(ctx.see_other(&format!("/proposals/{}?done={done}", p.id)))
}

pub async fn withdraw(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    changes::withdraw(&state, user, p.id).await?;
    Ok(ctx.see_other(&format!("/proposals/{}?done=withdrawn", p.id)))
}

pub async fn take_step(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<StepFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let mut errors = Vec::new();
    let step = match fields.step.as_str() {
        "accept" => Some(Step::Accept),
        "forward" => Some(Step::Forward),
        "merge" => Some(Step::Merge),
        "reject" => Some(Step::Reject),
        _ => {
            errors.push(FieldError::new("step", "field-invalid-choice"));
            None
        }
    };
    let id_of = |field: &'static str, v: &str, errors: &mut Vec<FieldError>| -> Option<i64> {
        let v = v.trim();
        if v.is_empty() {
            return None;
        }
        v.parse().map_err(|_| errors.push(FieldError::new(field, "field-invalid-choice"))).ok()
    };
    let meeting_id = id_of("meeting_id", &fields.meeting_id, &mut errors);
    let into = id_of("into", &fields.into, &mut errors);
    let result = match step {
        Some(step) if errors.is_empty() => {
            let input = StepIn { step, reason: fields.reason.clone(), meeting_id, into };
            changes::take_step(&state, user, p.id, &input).await
        }
        _ => Err(AppError::Validation(errors)),
    };
    match result {
        Ok(now_with) => Ok(ctx.see_other(&format!("/proposals/{now_with}?done=step"))),
        Err(e) => {
            let (status, errors) = e.on_form("step")?;
            Ok((status, pages::page(&state, ctx, p.id, None, fields, errors).await?).into_response())
        }
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct RulesFields {
    pub threshold: String,
    pub window_days: String,
}

#[derive(Template)]
#[template(path = "proposals/templates/rules.html")]
struct RulesPage {
    ctx: PageCtx,
    notice: Option<String>,
    body_id: i64,
    body: String,
    fields: RulesFields,
    errors: Errors,
}

async fn rules_page(
    state: &Platform,
    ctx: PageCtx,
    notice: Option<String>,
    body_id: i64,
    fields: Option<RulesFields>,
    errors: Vec<FieldError>,
) -> Result<Html<String>, AppError> {
    let user = ctx.require_user()?;
    let body = crate::registry::store::body(&state.db, body_id).await?.ok_or(AppError::NotFound)?;
    crate::platform::identity::authz::manage_body(&state.db, user, body_id).await?;
    let rules = changes::rules_of(&state.db, body_id).await?;
    let fields = fields.unwrap_or_else(|| RulesFields {
        threshold: rules.threshold.to_string(),
        window_days: rules.window_days.to_string(),
    });
    let name = body.name(ctx.lang).to_owned();
    let errors = Errors::new(ctx.lang, errors);
    render(&RulesPage { ctx, notice, body_id, body: name, fields, errors })
}

pub async fn edit_rules(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Query(q): Query<DoneQuery>,
) -> Result<Html<String>, AppError> {
    let notice = q.notice(&ctx, &pages::DONE);
    rules_page(&state, ctx, notice, p.id, None, Vec::new()).await
}

pub async fn set_rules(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<RulesFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let mut c = validate::Checks::default();
    let threshold = c.take(validate::integer("threshold", &fields.threshold, 1..=10_000_000));
    let window_days = c.take(validate::integer("window_days", &fields.window_days, 1..=730));
    let result = match c.finish(()) {
        Ok(()) => changes::set_rules(&state, user, p.id, &RulesIn { threshold, window_days }).await.map(|_| ()),
        Err(errors) => Err(AppError::Validation(errors)),
    };
    match result {
        Ok(()) => Ok(ctx.see_other(&format!("/bodies/{}/proposal-rules?done=rules", p.id))),
        Err(e) => {
            let (status, errors) = e.on_form("threshold")?;
            Ok((status, rules_page(&state, ctx, None, p.id, Some(fields), errors).await?).into_response())
        }
    }
}
