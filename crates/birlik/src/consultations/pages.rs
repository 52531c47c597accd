//! The public pages: the list of consultations, taking part (one statement at a time, agree / disagree / pass as
//! plain forms that htmx makes instant), and the results.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::input::{AnswersFields, StatementFields};
use super::model::{Answers, Choice, Consultation, Phase, ShownStatement};
use super::participation::{self, Added, Standing};
use super::results::ResultsView;
use super::{Runtime, Who, moderates, store, who};
use crate::platform::Platform;
use crate::platform::i18n::{Arg, Lang, Localized};
use crate::platform::web::IdPath;
use crate::platform::web::cache::keep_private;
use crate::platform::web::page::render;
use crate::platform::web::{AppError, ClientIp, Errors, FieldError, Form, PageCtx};
use crate::registry::{Choices, group_choices, region_choices};

/// A consultation's question and description as the reader sees them (another language, labelled, when his is
/// missing).
pub struct Heading {
    pub question: String,
    pub question_lang: String,
    pub question_fallback: bool,
    pub description: String,
    pub description_lang: String,
    pub description_fallback: bool,
}

impl Heading {
    pub fn of(c: &Consultation, lang: Lang) -> Heading {
        let q = c.question.show(lang);
        let d = c.description.show(lang);
        Heading {
            question: q.as_ref().map(|s| s.text.clone()).unwrap_or_default(),
            question_lang: q.as_ref().map_or(lang, |s| s.lang).code().to_owned(),
            question_fallback: q.as_ref().is_some_and(|s| s.fallback),
            description: d.as_ref().map(|s| s.text.clone()).unwrap_or_default(),
            description_lang: d.as_ref().map_or(lang, |s| s.lang).code().to_owned(),
            description_fallback: d.as_ref().is_some_and(|s| s.fallback),
        }
    }

    /// "Shown in Russian" and the like, for a question not in the reader's language.
    pub fn fallback_label(&self, ctx: &PageCtx) -> String {
        ctx.t(&format!("shown-in-{}", self.question_lang))
    }

    /// The same for the description.
    pub fn description_label(&self, ctx: &PageCtx) -> String {
        ctx.t(&format!("shown-in-{}", self.description_lang))
    }
}

pub struct ListRow {
    pub id: i64,
    pub heading: Heading,
    pub phase: Phase,
    pub opens_on: String,
    pub closes_on: String,
    pub body: String,
}

#[derive(Template)]
#[template(path = "consultations/templates/list.html")]
struct ListPage {
    ctx: PageCtx,
    rows: Vec<ListRow>,
    may_open: bool,
}

pub async fn list(State(state): State<Platform>, ctx: PageCtx) -> Result<Html<String>, AppError> {
    let mut rows = Vec::new();
    for c in store::consultations(&state.db, None).await? {
        let body = crate::registry::store::body(&state.db, c.body_id).await?;
        rows.push(ListRow {
            id: c.id,
            heading: Heading::of(&c, ctx.lang),
            phase: c.phase(),
            opens_on: ctx.lang.date(&c.opens_on),
            closes_on: ctx.lang.date(&c.closes_on),
            body: body.map(|b| b.name(ctx.lang).to_owned()).unwrap_or_default(),
        });
    }
    let may_open =
        ctx.user.as_ref().is_some_and(|u| u.roles.is_admin() || u.roles.secretariat_bodies().next().is_some());
    render(&ListPage { ctx, rows, may_open })
}

/// The statement card: progress, the statement, the three buttons.
#[derive(Template)]
#[template(path = "consultations/templates/card.html")]
pub struct Card {
    pub ctx: PageCtx,
    pub consultation: i64,
    pub voted: i64,
    pub total: i64,
    pub statement: Option<ShownStatement>,
    pub open: bool,
    /// Why the last vote was refused (htmx only: the form posts back into the card).
    pub error: Option<String>,
}

impl Card {
    fn new(ctx: &PageCtx, c: &Consultation, standing: &Standing) -> Card {
        Card {
            ctx: ctx.clone(),
            consultation: c.id,
            voted: standing.voted(),
            total: standing.total(),
            statement: standing.next.and_then(|id| standing.statement(id)).map(|s| s.shown(ctx.lang)),
            open: c.phase() == Phase::Open,
            error: None,
        }
    }

    /// The clauses of the moderation policy, for the report form under a statement.
    pub fn clauses(&self) -> Vec<(String, String)> {
        crate::platform::moderation::pages::clause_choices(self.ctx.lang)
    }

    pub fn progress(&self) -> String {
        self.ctx.lang.t_args("progress", &[("voted", Arg::Num(self.voted)), ("total", Arg::Num(self.total))])
    }
}

/// One of the participant's earlier votes, which he may change.
pub struct EarlierVote {
    pub statement: ShownStatement,
    pub choice: Choice,
}

#[derive(Template)]
#[template(path = "consultations/templates/participate.html")]
struct ParticipatePage {
    ctx: PageCtx,
    /// The reader follows the consultation.
    following: bool,
    c: Consultation,
    heading: Heading,
    phase: Phase,
    opens_on: String,
    closes_on: String,
    card: String,
    earlier: Vec<EarlierVote>,
    answers: Answers,
    regions: Choices,
    groups: Choices,
    statement_text: String,
    statement_errors: Errors,
    similar: Option<ShownStatement>,
    notice: Option<String>,
    /// The section the notice confirms (`add`, `about`): it is shown there, where the redirect's anchor scrolls.
    notice_at: &'static str,
    results_visible: bool,
    moderator: bool,
    needs_login: bool,
}

impl ParticipatePage {
    /// "Closed early on 2 December 2026: …" when its secretariat closed it before its last day.
    fn closed_early(&self) -> Option<String> {
        let early = self.c.closed_early.as_ref()?;
        let day = crate::platform::days::day_of_stored(&early.at);
        Some(self.ctx.lang.t_args(
            "consultation-closed-early",
            &[("date", Arg::Str(self.ctx.lang.date(&day))), ("reason", Arg::Str(early.reason.clone()))],
        ))
    }

    fn answered(&self, field: &str, value: &str) -> bool {
        let a = match field {
            "region_code" => &self.answers.region_code,
            "ethnic_group" => &self.answers.ethnic_group,
            _ => &self.answers.language,
        };
        a.as_deref() == Some(value)
    }
}

/// What the participation page shows besides the card.
#[derive(Default)]
struct Extras {
    statement_text: String,
    statement_errors: Vec<FieldError>,
    similar: Option<ShownStatement>,
    notice: Option<String>,
    notice_at: &'static str,
}

fn private(mut response: Response, who: Option<&Who>) -> Response {
    keep_private(&mut response);
    if let Some(value) = who.and_then(|w| w.new_cookie.as_deref()).and_then(|c| HeaderValue::from_str(c).ok()) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

async fn consultation(state: &Platform, id: i64) -> Result<Consultation, AppError> {
    store::consultation(&state.db, id).await?.ok_or(AppError::NotFound)
}

async fn participation_page(
    state: &Platform,
    ctx: PageCtx,
    (headers, address): (&HeaderMap, &ClientIp),
    c: Consultation,
    extras: Extras,
) -> Result<(Html<String>, Option<Who>), AppError> {
    let who = who(state, headers, address, ctx.user.as_ref(), &c);
    let needs_login = matches!(who, Err(AppError::Unauthenticated));
    let who = who.ok();
    let standing = match &who {
        Some(w) => participation::standing(state, &c, w).await?,
        None => Standing { statements: Vec::new(), votes: Vec::new(), next: None, participant: None },
    };
    let card = render(&Card::new(&ctx, &c, &standing))?.0;
    let earlier = standing
        .votes
        .iter()
        .filter_map(|(id, choice)| {
            standing.statement(*id).map(|s| EarlierVote { statement: s.shown(ctx.lang), choice: *choice })
        })
        .collect();
    let answers = match standing.participant {
        Some(p) => store::answers(&state.db, p).await?,
        None => Answers::default(),
    };
    let moderator = moderates(&state.db, ctx.user.as_ref(), c.body_id).await?;
    let following = crate::platform::notify::pages::following(state, &ctx, super::scope(c.id)).await?;
    let page = ParticipatePage {
        following,
        heading: Heading::of(&c, ctx.lang),
        phase: c.phase(),
        opens_on: ctx.lang.date(&c.opens_on),
        closes_on: ctx.lang.date(&c.closes_on),
        card,
        earlier,
        answers,
        regions: region_choices(ctx.lang),
        groups: group_choices(ctx.lang),
        statement_text: extras.statement_text,
        statement_errors: Errors::new(ctx.lang, extras.statement_errors),
        similar: extras.similar,
        notice: extras.notice,
        notice_at: extras.notice_at,
        results_visible: c.results_public() || moderator,
        moderator,
        needs_login,
        c,
        ctx,
    };
    Ok((render(&page)?, who))
}

#[derive(Deserialize)]
pub struct ParticipateQuery {
    #[serde(default)]
    done: String,
}

pub async fn participate(
    State(state): State<Platform>,
    ctx: PageCtx,
    headers: HeaderMap,
    address: ClientIp,
    Path(p): Path<IdPath>,
    axum::extract::Query(q): axum::extract::Query<ParticipateQuery>,
) -> Result<Response, AppError> {
    let c = consultation(&state, p.id).await?;
    // After a form without JavaScript, a short confirmation of what was done.
    // Shown in the section of the form that was sent, where the redirect's anchor brings the reader.
    let (notice, notice_at) = match q.done.as_str() {
        "statement-published" | "statement-pending" => (Some(ctx.t(&q.done)), "add"),
        "answers-saved" => (Some(ctx.t(&q.done)), "about"),
        "reported" => (Some(ctx.t("done-moderation-reported")), "card"),
        _ => (None, ""),
    };
    let extras = Extras { notice, notice_at, ..Extras::default() };
    let (page, who) = participation_page(&state, ctx, (&headers, &address), c, extras).await?;
    Ok(private(page.into_response(), who.as_ref()))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct VoteFields {
    pub statement: String,
    pub vote: String,
}

fn is_htmx(headers: &HeaderMap) -> bool {
    headers.get("hx-request").is_some_and(|v| v == "true")
}

/// A vote from the page: without JavaScript the page comes back with the next statement; with htmx, only the card.
pub async fn vote(
    State(state): State<Platform>,
    State(runtime): State<Runtime>,
    ctx: PageCtx,
    headers: HeaderMap,
    address: ClientIp,
    Path(p): Path<IdPath>,
    Form(fields): Form<VoteFields>,
) -> Result<Response, AppError> {
    let current = runtime.known.consultation(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    let c = &current.consultation;
    let who = who(&state, &headers, &address, ctx.user.as_ref(), c)?;
    let statement: i64 = fields.statement.trim().parse().map_err(|_| participation::unknown_statement())?;
    let choice = Choice::parse(fields.vote.trim())
        .ok_or(AppError::Validation(vec![FieldError::new("vote", "field-invalid-choice")]))?;
    let voted = participation::vote(&state, &runtime, &current, &who, statement, choice).await;
    let response = if is_htmx(&headers) {
        // htmx swaps only successful responses: a refusal comes back as the card with the reason in it.
        let error = match voted {
            Ok(_) => None,
            Err(e @ (AppError::Conflict(_) | AppError::RateLimited | AppError::Validation(_))) => {
                Some(e.message(ctx.lang))
            }
            Err(e) => return Err(e),
        };
        let standing = participation::standing(&state, c, &who).await?;
        render(&Card { error, ..Card::new(&ctx, c, &standing) })?.into_response()
    } else {
        voted?;
        Redirect::to(&ctx.url(&format!("/consultations/{}", c.id))).into_response()
    };
    Ok(private(response, Some(&who)))
}

pub async fn add_statement(
    State(state): State<Platform>,
    State(runtime): State<Runtime>,
    ctx: PageCtx,
    headers: HeaderMap,
    address: ClientIp,
    Path(p): Path<IdPath>,
    Form(fields): Form<StatementFields>,
) -> Result<Response, AppError> {
    let c = consultation(&state, p.id).await?;
    let who = who(&state, &headers, &address, ctx.user.as_ref(), &c)?;
    let extras = match participation::add_statement(&state, &runtime, &c, &who, &fields).await {
        Ok(Added::Stored(status)) => {
            let done =
                if status == super::model::Status::Published { "statement-published" } else { "statement-pending" };
            let to = ctx.url(&format!("/consultations/{}?done={done}#add", c.id));
            return Ok(private(Redirect::to(&to).into_response(), Some(&who)));
        }
        Ok(Added::NearDuplicate(similar)) => {
            Extras { statement_text: fields.text, similar: Some(similar.shown(ctx.lang)), ..Extras::default() }
        }
        Err(AppError::Validation(errors)) => {
            Extras { statement_text: fields.text, statement_errors: errors, ..Extras::default() }
        }
        Err(e) => return Err(e),
    };
    let (page, _) = participation_page(&state, ctx, (&headers, &address), c, extras).await?;
    Ok(private((StatusCode::UNPROCESSABLE_ENTITY, page).into_response(), Some(&who)))
}

pub async fn answer(
    State(state): State<Platform>,
    State(runtime): State<Runtime>,
    ctx: PageCtx,
    headers: HeaderMap,
    address: ClientIp,
    Path(p): Path<IdPath>,
    Form(fields): Form<AnswersFields>,
) -> Result<Response, AppError> {
    let c = consultation(&state, p.id).await?;
    let who = who(&state, &headers, &address, ctx.user.as_ref(), &c)?;
    let answers = fields.check().map_err(AppError::Validation)?;
    participation::answer(&state, &runtime, &c, &who, &answers).await?;
    let to = ctx.url(&format!("/consultations/{}?done=answers-saved#about", c.id));
    Ok(private(Redirect::to(&to).into_response(), Some(&who)))
}

#[derive(Template)]
#[template(path = "consultations/templates/results.html")]
struct ResultsPage {
    ctx: PageCtx,
    c: Consultation,
    heading: Heading,
    view: Option<ResultsView>,
}

pub async fn results(State(state): State<Platform>, ctx: PageCtx, Path(p): Path<IdPath>) -> Result<Response, AppError> {
    let c = consultation(&state, p.id).await?;
    let moderator = moderates(&state.db, ctx.user.as_ref(), c.body_id).await?;
    if !c.results_public() && !moderator {
        return Err(AppError::Forbidden);
    }
    let view = match store::analysis(&state.db, c.id).await? {
        Some(stored) => Some(ResultsView::build(&state, &ctx, c.id, &stored).await?),
        None => None,
    };
    let heading = Heading::of(&c, ctx.lang);
    let page = render(&ResultsPage { ctx, c, heading, view })?;
    let mut response = page.into_response();
    if moderator {
        keep_private(&mut response);
    }
    Ok(response)
}

/// One of the reader's statements as "my statements" lists it.
pub struct MyStatement {
    pub statement: ShownStatement,
    pub status: super::model::Status,
    pub consultation: crate::platform::web::Link,
    pub consultation_lang: String,
    pub added_on: String,
}

#[derive(Template)]
#[template(path = "consultations/templates/mine.html")]
struct MinePage {
    ctx: PageCtx,
    statements: Vec<MyStatement>,
}

/// The statements the reader wrote (from his account, or from this browser without one) with what became of
/// each: published, waiting for moderation, or moderated out.
pub async fn mine(State(state): State<Platform>, ctx: PageCtx, headers: HeaderMap) -> Result<Response, AppError> {
    let account = ctx.user.as_ref().map(|u| format!("u:{}", u.id));
    let device = super::device_identity(&headers);
    let written = if account.is_none() && device.is_none() {
        Vec::new()
    } else {
        store::statements_by(&state.db, account.as_deref(), device.as_deref()).await?
    };
    let mut questions: std::collections::HashMap<i64, Heading> = std::collections::HashMap::new();
    let mut statements = Vec::new();
    for s in written {
        if !questions.contains_key(&s.consultation_id) {
            let Some(c) = store::consultation(&state.db, s.consultation_id).await? else { continue };
            questions.insert(c.id, Heading::of(&c, ctx.lang));
        }
        let Some(heading) = questions.get(&s.consultation_id) else { continue };
        statements.push(MyStatement {
            consultation: crate::platform::web::Link::new(
                &ctx,
                format!("/consultations/{}", s.consultation_id),
                heading.question.clone(),
            ),
            consultation_lang: heading.question_lang.clone(),
            statement: s.shown(ctx.lang),
            status: s.status,
            added_on: ctx.lang.date(s.created_at.get(..10).unwrap_or_default()),
        });
    }
    let mut response = render(&MinePage { ctx, statements })?.into_response();
    keep_private(&mut response);
    Ok(response)
}
