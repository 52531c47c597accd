//! The pages of recommendations: the list, one recommendation with its clock (every date beside the rule that
//! produced it), its answer and reports, and the liaison's forms; the scorecard of all addressees with its chart;
//! an addressee's page; and a liaison's inbox of what is addressed to his body.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Html;

use super::api::{Scorecard, lines};
use super::changes::today;
use super::deadlines::Rule;
use super::model::{Addressee, Recommendation, Report, Status};
use super::scorecard::{self, Month, Score};
use super::{addressees, store};
use crate::platform::Platform;
use crate::platform::days::iso;
use crate::platform::files::Attached;
use crate::platform::i18n::{Lang, Localized};
use crate::platform::web::link::IdPath;
use crate::platform::web::page::render;
use crate::platform::web::{AppError, DoneQuery, Errors, FieldError, PageCtx};

/// What the forms of recommendations confirm, by the redirect's `done`.
pub const DONE: [(&str, &str); 8] = [
    ("sent", "done-recommendation-sent"),
    ("acknowledged", "done-recommendation-acknowledged"),
    ("extended", "done-recommendation-extended"),
    ("forwarded", "done-recommendation-forwarded"),
    ("answered", "done-recommendation-answered"),
    ("reported", "done-recommendation-reported"),
    ("liaison", "done-liaison-assigned"),
    ("edited", "done-addressee-edited"),
];

/// A recommendation as a list shows it.
pub struct Row {
    pub id: i64,
    pub title: String,
    pub addressee: String,
    pub addressee_id: i64,
    pub status: &'static str,
    pub term: String,
    pub overdue: bool,
    pub demo: bool,
}

async fn rows(state: &Platform, found: &[Recommendation], lang: Lang) -> Result<Vec<Row>, AppError> {
    let today = iso(today(state));
    let all = addressees::all(&state.db, true).await?;
    Ok(found
        .iter()
        .map(|r| Row {
            id: r.id,
            title: r.heading(lang),
            addressee: all.iter().find(|a| a.id == r.addressee_id).map(|a| a.name(lang).to_owned()).unwrap_or_default(),
            addressee_id: r.addressee_id,
            status: r.status.key(),
            term: lang.date(r.term()),
            overdue: r.is_overdue(&today),
            demo: r.demo,
        })
        .collect())
}

#[derive(Template)]
#[template(path = "recommendations/templates/list.html")]
struct ListPage {
    ctx: PageCtx,
    rows: Vec<Row>,
    total: i64,
    sends: bool,
    overdue_only: bool,
}

pub async fn list(
    State(state): State<Platform>,
    ctx: PageCtx,
    Query(filter): Query<store::Filter>,
) -> Result<Html<String>, AppError> {
    let (found, total) = store::list(&state.db, &filter, &iso(today(&state))).await?;
    let rows = rows(&state, &found, ctx.lang).await?;
    let sends = super::forms::sends_any(&state, &ctx).await?;
    let overdue_only = filter.overdue.unwrap_or(false);
    render(&ListPage { ctx, rows, total, sends, overdue_only })
}

/// A dated term with its rule, as the page shows it.
pub struct Term {
    pub label: &'static str,
    pub date: String,
    pub rule: &'static str,
    pub binding: bool,
}

#[derive(Template)]
#[template(path = "recommendations/templates/recommendation.html")]
struct RecommendationPage {
    ctx: PageCtx,
    notice: Option<String>,
    r: Recommendation,
    title: String,
    text: Vec<String>,
    text_lang: Option<String>,
    body: String,
    addressee: String,
    received: String,
    terms: Vec<Term>,
    overdue: bool,
    answered_on: Option<String>,
    answer: Vec<String>,
    reports: Vec<(String, &'static str, String)>,
    batch: Vec<(i64, String, &'static str)>,
    forwarded_from: Option<i64>,
    continued_in: Option<i64>,
    proposal: Option<(i64, String)>,
    documents: Attached,
    following: bool,
    /// The reader is a liaison of the addressee: his forms, with their choices and errors.
    liaison: bool,
    others: Vec<(String, String)>,
    implementations: Vec<(String, String)>,
    errors: Errors,
    failed_form: &'static str,
}

impl RecommendationPage {
    fn awaiting(&self) -> bool {
        self.r.status == Status::Awaiting
    }

    fn answered(&self) -> bool {
        self.r.status == Status::Answered
    }

    fn error_in(&self, form: &str, field: &str) -> Option<String> {
        if self.failed_form == form { self.errors.of(field) } else { None }
    }
}

pub async fn recommendation(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Query(done): Query<DoneQuery>,
) -> Result<Html<String>, AppError> {
    let notice = done.notice(&ctx, &DONE);
    page(&state, ctx, p.id, notice, "", Vec::new()).await
}

/// The page of a recommendation; after a refused liaison form, that form (`failed_form`) shows its errors.
pub async fn page(
    state: &Platform,
    ctx: PageCtx,
    id: i64,
    notice: Option<String>,
    failed_form: &'static str,
    errors: Vec<FieldError>,
) -> Result<Html<String>, AppError> {
    let lang = ctx.lang;
    let db = &state.db;
    let r = store::get(db, id).await?.ok_or(AppError::NotFound)?;
    let body = crate::registry::store::body(db, r.body_id).await?.map(|b| b.name(lang).to_owned()).unwrap_or_default();
    let all = addressees::all(db, true).await?;
    let name_of = |id: i64| all.iter().find(|a| a.id == id).map(|a| a.name(lang).to_owned()).unwrap_or_default();
    let addressee = name_of(r.addressee_id);
    let shown = r.text.show(lang);
    let text_lang = shown.as_ref().filter(|s| s.fallback).map(|s| s.lang.code().to_owned());
    let paragraphs = |t: &str| t.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
    let text = shown.map(|s| paragraphs(&s.text)).unwrap_or_default();
    let mut terms = vec![
        Term {
            label: "recommendation-due-on",
            date: lang.date(&r.due_on),
            rule: Rule::Answer.key(),
            binding: r.extended_to.is_none(),
        },
        Term {
            label: "recommendation-forward-by",
            date: lang.date(&r.forward_by),
            rule: Rule::Forward.key(),
            binding: false,
        },
        Term {
            label: "recommendation-latest-extension",
            date: lang.date(&r.latest_extension_on),
            rule: Rule::LatestExtension.key(),
            binding: false,
        },
    ];
    if let Some(to) = &r.extended_to {
        terms.push(Term {
            label: "recommendation-extended-to",
            date: lang.date(to),
            rule: Rule::Extended.key(),
            binding: true,
        });
    }
    let overdue = r.is_overdue(&iso(today(state)));
    let reports = store::reports(db, id)
        .await?
        .into_iter()
        .map(|rep: Report| {
            (
                crate::platform::days::local_time(lang, &rep.reported_at),
                rep.implementation.key(),
                rep.note.unwrap_or_default(),
            )
        })
        .collect();
    let batch = store::batch(db, r.batch_id)
        .await?
        .into_iter()
        .filter(|b| b.id != r.id)
        .map(|b| (b.id, name_of(b.addressee_id), b.status.key()))
        .collect();
    let continued_in = store::continued_in(db, id).await?;
    let proposal = match r.proposal_id {
        Some(p) => crate::proposals::store::proposal(db, p).await?.map(|p| (p.id, p.heading(lang))),
        None => None,
    };
    let documents = crate::platform::files::attached(
        state,
        crate::platform::files::ItemKind::Recommendation,
        id,
        ctx.user.as_ref(),
        lang,
    )
    .await?;
    let following = crate::platform::notify::pages::following(state, &ctx, super::scope(id)).await?;
    let liaison = match &ctx.user {
        Some(user) => addressees::liaison_of(db, user.id).await? == Some(r.addressee_id),
        None => false,
    };
    let mut others: Vec<(String, String)> = all
        .iter()
        .filter(|a| a.id != r.addressee_id && a.archived_at.is_none())
        .map(|a| (a.id.to_string(), a.name(lang).to_owned()))
        .collect();
    others.sort_by(|a, b| lang.compare(&a.1, &b.1));
    use super::model::Implementation;
    let implementations =
        [Implementation::Planned, Implementation::InProgress, Implementation::Implemented, Implementation::Declined]
            .iter()
            .map(|i| (crate::platform::validate::code_of(i), ctx.t(i.key())))
            .collect();
    render(&RecommendationPage {
        title: r.heading(lang),
        received: lang.date(&r.received_on),
        answered_on: r.answered_on.as_deref().map(|d| lang.date(d)),
        answer: r.answer_text.as_deref().map(paragraphs).unwrap_or_default(),
        forwarded_from: r.forwarded_from,
        errors: Errors::new(lang, errors),
        ctx,
        notice,
        text,
        text_lang,
        body,
        addressee,
        terms,
        overdue,
        reports,
        batch,
        continued_in,
        proposal,
        documents,
        following,
        liaison,
        others,
        implementations,
        failed_form,
        r,
    })
}

/// A line of the scorecard as the page shows it.
pub struct Line {
    pub rank: Option<usize>,
    pub id: i64,
    pub name: String,
    pub kind: &'static str,
    pub s: Score,
}

fn per_cent(lang: Lang, v: Option<f64>) -> String {
    match v {
        Some(v) => {
            format!("{}%", if lang == Lang::En { format!("{v:.1}") } else { format!("{v:.1}").replace('.', ",") })
        }
        None => "—".to_owned(),
    }
}

fn days(lang: Lang, v: Option<f64>) -> String {
    match v {
        Some(v) if v.fract() == 0.0 => format!("{v:.0}"),
        Some(v) => {
            if lang == Lang::En {
                format!("{v:.1}")
            } else {
                format!("{v:.1}").replace('.', ",")
            }
        }
        None => "—".to_owned(),
    }
}

#[derive(Template)]
#[template(path = "recommendations/templates/scorecard.html")]
struct ScorecardPage {
    ctx: PageCtx,
    on: String,
    /// Those that received something, ranked; then those that received nothing yet.
    lines: Vec<Line>,
    idle: Vec<Line>,
    idle_count: i64,
    chart: String,
    months: Vec<Month>,
}

impl ScorecardPage {
    fn pc(&self, v: &Option<f64>) -> String {
        per_cent(self.ctx.lang, *v)
    }

    fn days(&self, v: &Option<f64>) -> String {
        days(self.ctx.lang, *v)
    }
}

pub async fn scorecard(
    State(state): State<Platform>,
    State(runtime): State<super::Runtime>,
    ctx: PageCtx,
) -> Result<Html<String>, AppError> {
    let lang = ctx.lang;
    let Scorecard { on, items } = lines(&state, &runtime).await?;
    let all = addressees::all(&state.db, true).await?;
    let (lines, idle): (Vec<Line>, Vec<Line>) = items
        .into_iter()
        .map(|l| {
            let kind =
                all.iter().find(|a| a.id == l.score.addressee_id).map_or("addressee-kind-other", |a| a.kind.key());
            let name = match lang {
                Lang::Kk => l.name_kk,
                Lang::Ru => l.name_ru,
                Lang::En => l.name_en,
            };
            Line { rank: l.rank, id: l.score.addressee_id, name, kind, s: l.score }
        })
        .partition(|l| l.rank.is_some());
    let months = runtime.scorecard.get(&state.db, &on).await?.1.as_ref().clone();
    let chart = scorecard::chart(&ctx.t("scorecard-chart-title"), &months);
    let on = lang.date(&on);
    let idle_count = i64::try_from(idle.len()).unwrap_or(i64::MAX);
    render(&ScorecardPage { ctx, on, lines, idle, idle_count, chart, months })
}

#[derive(Template)]
#[template(path = "recommendations/templates/addressee.html")]
struct AddresseePage {
    ctx: PageCtx,
    notice: Option<String>,
    a: Addressee,
    name: String,
    s: Score,
    chart: String,
    months: Vec<Month>,
    rows: Vec<Row>,
    admin: bool,
    liaisons: i64,
    errors: Errors,
}

impl AddresseePage {
    fn pc(&self, v: &Option<f64>) -> String {
        per_cent(self.ctx.lang, *v)
    }

    fn days(&self, v: &Option<f64>) -> String {
        days(self.ctx.lang, *v)
    }
}

pub async fn addressee(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    State(runtime): State<super::Runtime>,
    Query(done): Query<DoneQuery>,
) -> Result<Html<String>, AppError> {
    let notice = done.notice(&ctx, &DONE);
    addressee_page(&state, &runtime, ctx, p.id, notice, Vec::new()).await
}

pub async fn addressee_page(
    state: &Platform,
    runtime: &super::Runtime,
    ctx: PageCtx,
    id: i64,
    notice: Option<String>,
    errors: Vec<FieldError>,
) -> Result<Html<String>, AppError> {
    let lang = ctx.lang;
    let a = addressees::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let on = iso(today(state));
    let s = runtime.scorecard.score(&state.db, &on, id).await?;
    let months = scorecard::months(&state.db, Some(id), &on).await?;
    let chart = scorecard::chart(&ctx.t("scorecard-chart-title"), &months);
    let filter = store::Filter { addressee: Some(id), ..Default::default() };
    let (found, _) = store::list(&state.db, &filter, &on).await?;
    let rows = rows(state, &found, lang).await?;
    let admin = ctx.user.as_ref().is_some_and(|u| u.roles.is_admin());
    let liaisons = if admin { i64::try_from(addressees::liaisons(&state.db, id).await?.len()).unwrap_or(0) } else { 0 };
    let name = a.name(lang).to_owned();
    let errors = Errors::new(lang, errors);
    render(&AddresseePage { ctx, notice, a, name, s, chart, months, rows, admin, liaisons, errors })
}

#[derive(Template)]
#[template(path = "recommendations/templates/inbox.html")]
struct InboxPage {
    ctx: PageCtx,
    addressee: Option<(i64, String)>,
    rows: Vec<Row>,
}

/// What is addressed to the liaison's body and awaits it: overdue first, then by term.
pub async fn liaison_inbox(State(state): State<Platform>, ctx: PageCtx) -> Result<Html<String>, AppError> {
    let user = ctx.require_user()?;
    let lang = ctx.lang;
    let Some(addressee) = addressees::liaison_of(&state.db, user.id).await? else {
        return render(&InboxPage { ctx, addressee: None, rows: Vec::new() });
    };
    let name = addressees::get(&state.db, addressee).await?.map(|a| a.name(lang).to_owned()).unwrap_or_default();
    let on = iso(today(&state));
    let mut open = Vec::new();
    for status in [Status::Awaiting, Status::Answered] {
        let mut page = 1;
        loop {
            let filter = store::Filter {
                addressee: Some(addressee),
                status: Some(status),
                page: Some(page),
                ..Default::default()
            };
            let (found, total) = store::list(&state.db, &filter, &on).await?;
            open.extend(found);
            if page * store::PER_PAGE >= total || page >= 20 {
                break;
            }
            page += 1;
        }
    }
    open.sort_by(|a, b| {
        (b.is_overdue(&on), b.status == Status::Awaiting)
            .cmp(&(a.is_overdue(&on), a.status == Status::Awaiting))
            .then(a.term().cmp(b.term()))
    });
    let rows = rows(&state, &open, lang).await?;
    render(&InboxPage { ctx, addressee: Some((addressee, name)), rows })
}
