//! The secretariat's side: opening a consultation, the moderation queue of a body, moderating and translating
//! statements. Only the secretariat of the consultation's body (or of a body above it) and admins may act.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::input::{ConsultationFields, ModerationFields, TranslationFields};
use super::model::{Consultation, Phase, Statement, Status};
use super::pages::Heading;
use super::{changes, moderates, store};
use crate::platform::Platform;
use crate::platform::i18n::Localized;
use crate::platform::identity::authz;
use crate::platform::web::IdPath;
use crate::platform::web::page::render;
use crate::platform::web::{AppError, DoneQuery, Errors, Form, PageCtx, local_path};
use crate::registry::store as registry;

async fn require_moderator(state: &Platform, ctx: &PageCtx, body: i64) -> Result<i64, AppError> {
    let user = ctx.require_user()?;
    authz::manage_body(&state.db, user, body).await?;
    Ok(user.id)
}

/// The bodies whose secretariat the user is (all bodies for an admin): where he may open a consultation.
async fn bodies_for(state: &Platform, ctx: &PageCtx) -> Result<Vec<(String, String)>, AppError> {
    let user = ctx.require_user()?;
    let mut out = Vec::new();
    for body in registry::bodies(&state.db, false).await? {
        if moderates(&state.db, Some(user), body.id).await? {
            out.push((body.id.to_string(), body.name(ctx.lang).to_owned()));
        }
    }
    out.sort_by(|a, b| ctx.lang.compare(&a.1, &b.1));
    Ok(out)
}

#[derive(Template)]
#[template(path = "consultations/templates/form.html")]
struct ConsultationForm {
    ctx: PageCtx,
    heading: String,
    fields: ConsultationFields,
    errors: Errors,
    bodies: Vec<(String, String)>,
    /// The consultation edited; `None` for a new one.
    editing: Option<i64>,
    close: CloseForm,
}

/// The "close now" form under an open consultation's edit form.
struct CloseForm {
    /// Shown: the consultation is open (set by the edit page).
    open: bool,
    reason: String,
    errors: Errors,
}

impl CloseForm {
    fn empty(lang: crate::platform::i18n::Lang) -> CloseForm {
        CloseForm { open: false, reason: String::new(), errors: Errors::none(lang) }
    }
}

async fn form(
    state: &Platform,
    ctx: PageCtx,
    fields: ConsultationFields,
    errors: Errors,
) -> Result<Html<String>, AppError> {
    let bodies = bodies_for(state, &ctx).await?;
    if bodies.is_empty() {
        return Err(AppError::Forbidden);
    }
    let close = CloseForm::empty(ctx.lang);
    render(&ConsultationForm { heading: ctx.t("consultation-new"), ctx, fields, errors, bodies, editing: None, close })
}

/// A consultation as its form shows it, to edit.
fn fields_of(c: &Consultation) -> ConsultationFields {
    use crate::platform::validate::code_of;
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let on = |v: bool| v.then(|| "1".to_owned());
    ConsultationFields {
        body_id: c.body_id.to_string(),
        question_kk: text(&c.question.kk),
        question_ru: text(&c.question.ru),
        question_en: text(&c.question.en),
        description_kk: text(&c.description.kk),
        description_ru: text(&c.description.ru),
        description_en: text(&c.description.en),
        opens_on: c.opens_on.clone(),
        closes_on: c.closes_on.clone(),
        moderation: code_of(&c.moderation),
        participation: code_of(&c.participation),
        ask_region: on(c.ask_region),
        ask_ethnic_group: on(c.ask_ethnic_group),
        ask_language: on(c.ask_language),
        results: code_of(&c.results),
        seeds: String::new(),
    }
}

/// The edit page of a consultation: its form with `fields` and `errors`, and the close form.
async fn edit_page(
    state: &Platform,
    ctx: PageCtx,
    c: &Consultation,
    fields: ConsultationFields,
    errors: Errors,
    close: CloseForm,
) -> Result<Html<String>, AppError> {
    require_moderator(state, &ctx, c.body_id).await?;
    let heading = format!("{} · {}", ctx.t("consultation-edit"), Heading::of(c, ctx.lang).question);
    let close = CloseForm { open: c.phase() == Phase::Open, ..close };
    render(&ConsultationForm { ctx, heading, fields, errors, bodies: Vec::new(), editing: Some(c.id), close })
}

async fn consultation(state: &Platform, id: i64) -> Result<Consultation, AppError> {
    store::consultation(&state.db, id).await?.ok_or(AppError::NotFound)
}

/// `GET /{lang}/consultations/{id}/edit`.
pub async fn edit_form(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
) -> Result<Html<String>, AppError> {
    let c = consultation(&state, p.id).await?;
    let (errors, close) = (Errors::none(ctx.lang), CloseForm::empty(ctx.lang));
    edit_page(&state, ctx, &c, fields_of(&c), errors, close).await
}

/// `POST /{lang}/consultations/{id}/edit`.
pub async fn edit(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<ConsultationFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    match changes::edit(&state, user, p.id, &fields).await {
        Ok(()) => Ok(Redirect::to(&ctx.url(&format!("/consultations/{}/manage?done=edited", p.id))).into_response()),
        Err(AppError::Validation(errors)) => {
            let c = consultation(&state, p.id).await?;
            let (errors, close) = (Errors::new(ctx.lang, errors), CloseForm::empty(ctx.lang));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, edit_page(&state, ctx, &c, fields, errors, close).await?)
                .into_response())
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CloseFields {
    reason: String,
}

/// `POST /{lang}/consultations/{id}/close`: closes an open consultation now.
pub async fn close(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(form): Form<CloseFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    match changes::close_early(&state, user, p.id, &form.reason).await {
        Ok(()) => Ok(Redirect::to(&ctx.url(&format!("/consultations/{}/manage?done=closed", p.id))).into_response()),
        Err(AppError::Validation(errors)) => {
            let c = consultation(&state, p.id).await?;
            let close = CloseForm { open: true, reason: form.reason, errors: Errors::new(ctx.lang, errors) };
            let errors = Errors::none(ctx.lang);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, edit_page(&state, ctx, &c, fields_of(&c), errors, close).await?)
                .into_response())
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewQuery {
    body: String,
}

pub async fn new(
    State(state): State<Platform>,
    ctx: PageCtx,
    Query(q): Query<NewQuery>,
) -> Result<Html<String>, AppError> {
    let fields = ConsultationFields {
        body_id: q.body,
        opens_on: super::model::today(),
        moderation: "publish".into(),
        participation: "anyone".into(),
        results: "running".into(),
        ..Default::default()
    };
    let errors = Errors::none(ctx.lang);
    form(&state, ctx, fields, errors).await
}

pub async fn create(
    State(state): State<Platform>,
    ctx: PageCtx,
    Form(fields): Form<ConsultationFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    match changes::open(&state, user, &fields).await {
        Ok(id) => Ok(Redirect::to(&ctx.url(&format!("/consultations/{id}/manage?done=opened"))).into_response()),
        Err(AppError::Validation(errors)) => {
            let errors = Errors::new(ctx.lang, errors);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, form(&state, ctx, fields, errors).await?).into_response())
        }
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "consultations/templates/manage.html")]
struct ManagePage {
    ctx: PageCtx,
    title: String,
    consultation: Option<Consultation>,
    statements: Vec<Statement>,
    back: String,
    /// What was just done (after a moderation or a translation), shown at the top where the page opens.
    notice: Option<String>,
    /// A refused form, shown again with its errors beside its fields: (statement, `moderate` or `translate`).
    refused: Option<(i64, &'static str)>,
    errors: Errors,
    /// The refused form's values, shown again.
    refused_reason: String,
    refused_text: String,
    /// In a body's queue, each statement's consultation (its question, linked to its management page).
    questions: std::collections::HashMap<i64, crate::platform::web::Link>,
    /// Who wrote each statement, in the reader's words ("by Aigerim", "by participant No. 12").
    authors: std::collections::HashMap<i64, String>,
}

impl ManagePage {
    /// The clauses of the moderation policy, one of which a rejection names.
    fn clauses(&self) -> Vec<(String, String)> {
        crate::platform::moderation::pages::clause_choices(self.ctx.lang)
    }

    /// The consultation a statement of the queue belongs to.
    fn question_of(&self, m: &Statement) -> Option<&crate::platform::web::Link> {
        self.questions.get(&m.consultation_id)
    }

    fn author_of(&self, m: &Statement) -> Option<&String> {
        self.authors.get(&m.id)
    }

    /// The day a statement was added, in the reader's words.
    fn added_on(&self, m: &Statement) -> String {
        self.ctx.lang.date(m.created_at.get(..10).unwrap_or_default())
    }

    fn is_refused(&self, statement: &i64, form: &str) -> bool {
        self.refused == Some((*statement, form))
    }
}

/// What the secretariat's forms confirm, by the redirect's `done`.
const DONE: [(&str, &str); 6] = [
    ("opened", "done-opened"),
    ("edited", "done-consultation-edited"),
    ("closed", "done-consultation-closed"),
    ("moderated-publish", "done-moderated-publish"),
    ("moderated-reject", "done-moderated-reject"),
    ("translated", "done-translated"),
];

/// All statements of one consultation, with moderation and translation forms.
pub async fn manage(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Query(q): Query<DoneQuery>,
) -> Result<Html<String>, AppError> {
    let notice = q.notice(&ctx, &DONE);
    manage_page(&state, ctx, p.id, notice, None).await
}

/// A refused moderation or translation form: its values and errors, at its statement.
struct Refused {
    statement: i64,
    form: &'static str,
    errors: Vec<crate::platform::web::FieldError>,
    reason: String,
    text: String,
    back: String,
}

async fn manage_page(
    state: &Platform,
    ctx: PageCtx,
    id: i64,
    notice: Option<String>,
    refused: Option<Refused>,
) -> Result<Html<String>, AppError> {
    let c = store::consultation(&state.db, id).await?.ok_or(AppError::NotFound)?;
    require_moderator(state, &ctx, c.body_id).await?;
    let statements = store::statements(&state.db, c.id, None).await?;
    let authors = authors(state, &ctx, &statements).await?;
    let heading = Heading::of(&c, ctx.lang);
    let own = ctx.url(&format!("/consultations/{}/manage", c.id));
    let (back, refused, errors, refused_reason, refused_text) = match refused {
        // The refused form returns where it was sent from (the body's queue, say) once it is right.
        Some(r) => (
            local_path(&r.back).unwrap_or(own),
            Some((r.statement, r.form)),
            Errors::new(ctx.lang, r.errors),
            r.reason,
            r.text,
        ),
        None => (own, None, Errors::none(ctx.lang), String::new(), String::new()),
    };
    render(&ManagePage {
        title: heading.question,
        consultation: Some(c),
        statements,
        back,
        notice,
        refused,
        errors,
        refused_reason,
        refused_text,
        questions: std::collections::HashMap::new(),
        authors,
        ctx,
    })
}

/// The moderation queue of a body: statements waiting for approval in its consultations.
pub async fn queue(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Query(q): Query<DoneQuery>,
) -> Result<Html<String>, AppError> {
    let body = registry::body(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    require_moderator(&state, &ctx, body.id).await?;
    let statements = store::pending(&state.db, body.id).await?;
    let authors = authors(&state, &ctx, &statements).await?;
    let title = format!("{} · {}", ctx.t("moderation-queue"), body.name(ctx.lang));
    let back = ctx.url(&format!("/bodies/{}/moderation", body.id));
    let notice = q.notice(&ctx, &DONE);
    let errors = Errors::none(ctx.lang);
    let mut questions = std::collections::HashMap::new();
    for m in &statements {
        if !questions.contains_key(&m.consultation_id)
            && let Some(c) = store::consultation(&state.db, m.consultation_id).await?
        {
            let link = crate::platform::web::Link::new(
                &ctx,
                format!("/consultations/{}/manage", c.id),
                Heading::of(&c, ctx.lang).question,
            );
            questions.insert(c.id, link);
        }
    }
    render(&ManagePage {
        ctx,
        title,
        consultation: None,
        statements,
        back,
        notice,
        refused: None,
        errors,
        refused_reason: String::new(),
        refused_text: String::new(),
        questions,
        authors,
    })
}

/// Who wrote each of these statements, in the reader's words.
async fn authors(
    state: &Platform,
    ctx: &PageCtx,
    statements: &[Statement],
) -> Result<std::collections::HashMap<i64, String>, AppError> {
    use crate::platform::i18n::Arg;
    let ids: Vec<i64> = statements.iter().map(|s| s.id).collect();
    let by = store::authors(&state.db, &ids).await?;
    Ok(by
        .into_iter()
        .map(|(id, author)| {
            let words = match author {
                store::Author::Account(name) => ctx.lang.t_args("statement-by-account", &[("name", Arg::Str(name))]),
                store::Author::Participant(n) => {
                    ctx.lang.t_args("statement-by-participant", &[("number", Arg::Str(n.to_string()))])
                }
            };
            (id, words)
        })
        .collect())
}

/// Back to the page the form was sent from, which confirms what was done (`done`) at its top.
fn back_to(ctx: &PageCtx, back: &str, consultation: i64, done: &str) -> Response {
    let to = local_path(back)
        .filter(|path| !path.contains('?') && !path.contains('#'))
        .unwrap_or_else(|| ctx.url(&format!("/consultations/{consultation}/manage")));
    Redirect::to(&format!("{to}?done={done}")).into_response()
}

/// A refused form of a statement: the consultation's management page again, with the errors beside the fields.
async fn refuse(state: &Platform, ctx: PageCtx, refused: Refused) -> Result<Response, AppError> {
    let statement = store::statement(&state.db, refused.statement).await?.ok_or(AppError::NotFound)?;
    let page = manage_page(state, ctx, statement.consultation_id, None, Some(refused)).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// Publishes or moderates out a statement; the reason is required and logged.
pub async fn moderate(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<ModerationFields>,
) -> Result<Response, AppError> {
    match changes::moderate(&state, ctx.require_user()?, p.id, &fields).await {
        Ok(statement) => {
            let done = if fields.decision == "publish" { "moderated-publish" } else { "moderated-reject" };
            Ok(back_to(&ctx, &fields.back, statement.consultation_id, done))
        }
        Err(AppError::Validation(errors)) => {
            let form = "moderate";
            let refused = Refused {
                statement: p.id,
                form,
                errors,
                reason: fields.reason,
                text: String::new(),
                back: fields.back,
            };
            refuse(&state, ctx, refused).await
        }
        Err(e) => Err(e),
    }
}

pub async fn translate(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<TranslationFields>,
) -> Result<Response, AppError> {
    match changes::translate(&state, ctx.require_user()?, p.id, &fields).await {
        Ok(statement) => Ok(back_to(&ctx, &fields.back, statement.consultation_id, "translated")),
        Err(AppError::Validation(errors)) => {
            let form = "translate";
            let refused =
                Refused { statement: p.id, form, errors, reason: String::new(), text: fields.text, back: fields.back };
            refuse(&state, ctx, refused).await
        }
        Err(e) => Err(e),
    }
}
