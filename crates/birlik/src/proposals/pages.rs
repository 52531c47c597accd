//! The public pages of proposals: the list (by body, status, region and category) with each proposal's progress
//! towards its body's threshold, and one proposal with its text, support, the body's steps and their reasons, its
//! lineage (how it rose, what merged into it, where it was raised, on a map with a table beside it) and documents.
//! Its author supports and withdraws, the secretariat takes the body's steps, on the same page.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Html;

use super::model::{Proposal, ProposalStatus, Step};
use super::{categories, changes, lineage, store};
use crate::platform::Platform;
use crate::platform::db::Db;
use crate::platform::files::Attached;
use crate::platform::i18n::{Lang, Localized};
use crate::platform::web::link::IdPath;
use crate::platform::web::page::render;
use crate::platform::web::{AppError, DoneQuery, Errors, FieldError, PageCtx};

/// What the forms of proposals confirm, by the redirect's `done`.
pub const DONE: [(&str, &str); 7] = [
    ("reported", "done-moderation-reported"),
    ("filed", "done-proposal-filed"),
    ("supported", "done-proposal-supported"),
    ("withdrawn", "done-proposal-withdrawn"),
    ("step", "done-proposal-step"),
    ("rules", "done-proposal-rules"),
    ("queued", "done-proposal-queued"),
];

/// A proposal's progress towards its body's threshold.
pub struct Progress {
    pub supporters: i64,
    pub threshold: i64,
    /// 0 to 100.
    pub percent: i64,
}

impl Progress {
    /// The bar's value: the supporters, at most the threshold.
    pub fn shown(&self) -> i64 {
        self.supporters.min(self.threshold)
    }

    pub fn new(supporters: i64, threshold: i64) -> Progress {
        let percent = if threshold <= 0 { 100 } else { (supporters.saturating_mul(100) / threshold).clamp(0, 100) };
        Progress { supporters, threshold, percent }
    }
}

/// Bodies' names and thresholds, read once per page.
#[derive(Default)]
pub struct Bodies(HashMap<i64, (String, i64)>);

impl Bodies {
    pub async fn get(&mut self, db: &Db, id: i64, lang: Lang) -> Result<(String, i64), AppError> {
        if let Some(known) = self.0.get(&id) {
            return Ok(known.clone());
        }
        let name = crate::registry::store::body(db, id).await?.map(|b| b.name(lang).to_owned()).unwrap_or_default();
        let threshold = changes::rules_of(db, id).await?.threshold;
        self.0.insert(id, (name.clone(), threshold));
        Ok((name, threshold))
    }
}

pub struct Row {
    pub id: i64,
    pub title: String,
    /// The title's language, when not the reader's.
    pub lang: Option<String>,
    pub body: String,
    pub status: &'static str,
    pub progress: Progress,
    pub category: String,
    pub region: String,
    pub demo: bool,
}

fn region_name(code: Option<&str>, lang: Lang) -> String {
    code.and_then(crate::registry::reference::region).map(|r| r.name(lang).to_owned()).unwrap_or_default()
}

async fn row(db: &Db, bodies: &mut Bodies, p: &Proposal, lang: Lang) -> Result<Row, AppError> {
    let (body, threshold) = bodies.get(db, p.body_id, lang).await?;
    let shown = p.title.show(lang);
    Ok(Row {
        id: p.id,
        title: shown.as_ref().map(|s| s.text.clone()).unwrap_or_default(),
        lang: shown.filter(|s| s.fallback).map(|s| s.lang.code().to_owned()),
        body,
        status: p.status.key(),
        progress: Progress::new(p.supporters, threshold),
        category: categories::name(&p.category, lang),
        region: region_name(p.region_code.as_deref(), lang),
        demo: p.demo,
    })
}

#[derive(Template)]
#[template(path = "proposals/templates/list.html")]
struct ListPage {
    ctx: PageCtx,
    rows: Vec<Row>,
    filter: store::Filter,
    statuses: Vec<(String, String)>,
    regions: Vec<(String, String)>,
    categories: Vec<(String, String)>,
    total: i64,
    page: i64,
    pages: i64,
    /// The query of this list without its page number, for the pager.
    query: String,
}

impl ListPage {
    fn chosen(&self, value: &Option<String>) -> String {
        value.clone().unwrap_or_default()
    }
}

pub async fn list(
    State(state): State<Platform>,
    ctx: PageCtx,
    Query(filter): Query<store::Filter>,
) -> Result<Html<String>, AppError> {
    let lang = ctx.lang;
    let (found, total) = store::proposals(&state.db, &filter).await?;
    let mut bodies = Bodies::default();
    let mut rows = Vec::new();
    for p in &found {
        rows.push(row(&state.db, &mut bodies, p, lang).await?);
    }
    let statuses = ProposalStatus::ALL.iter().map(|s| (s.code().to_owned(), ctx.t(s.key()))).collect();
    let mut regions: Vec<(String, String)> =
        crate::registry::reference::regions().iter().map(|r| (r.code.clone(), r.name(lang).to_owned())).collect();
    regions.sort_by(|a, b| lang.compare(&a.1, &b.1));
    let categories = categories::all().iter().map(|c| (c.code.clone(), c.name(lang).to_owned())).collect();
    let page = filter.page.unwrap_or(1).max(1);
    let pages = ((total + store::PER_PAGE - 1) / store::PER_PAGE).max(1);
    let mut query = Vec::new();
    for (key, value) in [("status", &filter.status), ("region", &filter.region), ("category", &filter.category)] {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            query.push(format!("{key}={}", crate::platform::web::url_encode(v)));
        }
    }
    if let Some(body) = filter.body {
        query.push(format!("body={body}"));
    }
    let query = query.join("&");
    render(&ListPage { ctx, rows, filter, statuses, regions, categories, total, page, pages, query })
}

/// One line of the lineage as the page shows it.
pub struct LineView {
    pub depth: usize,
    pub id: i64,
    pub title: String,
    pub body: String,
    pub status: &'static str,
    /// How it joined its parent: `proposal-joined-merged` or `proposal-joined-forwarded`.
    pub joined: Option<&'static str>,
    pub supporters: i64,
}

/// A step of the rise: "raised in … on …", "forwarded by … on …".
pub struct RiseStep {
    pub text: String,
    pub id: i64,
}

#[derive(Template)]
#[template(path = "proposals/templates/proposal.html")]
pub struct ProposalPage {
    ctx: PageCtx,
    notice: Option<String>,
    p: Proposal,
    title: String,
    text: Vec<String>,
    /// The text's language, when not the reader's.
    text_lang: Option<String>,
    body: String,
    category: String,
    region: String,
    district: String,
    author: String,
    progress: Progress,
    closes_on: String,
    window_passed: bool,
    /// The reader supports it (None: not logged in).
    supported: Option<bool>,
    /// The live proposal its supporters went to (after a forward or merge).
    continued: Option<(i64, String)>,
    lines: Vec<LineView>,
    rise: Vec<RiseStep>,
    map: String,
    regions: Vec<(String, usize)>,
    origins: i64,
    districts: i64,
    region_count: i64,
    documents: Attached,
    following: bool,
    /// The reader takes the body's steps; the choices of his form, and its errors.
    manages: bool,
    steps: Vec<(String, String)>,
    meetings: Vec<(String, String)>,
    targets: Vec<(String, String)>,
    step_fields: StepFields,
    errors: Errors,
    /// May a recommendation be made of it (accepted, and the reader runs the body).
    recommend: bool,
}

impl ProposalPage {
    fn hidden(&self) -> bool {
        self.p.hidden_at.is_some()
    }

    /// The clauses of the moderation policy, for the report form.
    fn clauses(&self) -> Vec<(String, String)> {
        crate::platform::moderation::pages::clause_choices(self.ctx.lang)
    }

    fn is_live(&self) -> bool {
        self.p.status.is_live()
    }

    fn indent(&self, depth: &usize) -> usize {
        (*depth).min(8)
    }
}

/// The fields of the body's step form.
#[derive(serde::Deserialize, Default, Clone)]
#[serde(default)]
pub struct StepFields {
    pub step: String,
    pub reason: String,
    pub meeting_id: String,
    pub into: String,
}

pub async fn proposal(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Query(done): Query<DoneQuery>,
) -> Result<Html<String>, AppError> {
    let notice = done.notice(&ctx, &DONE);
    page(&state, ctx, p.id, notice, StepFields::default(), Vec::new()).await
}

/// The page of a proposal, with the step form as submitted and its errors (after a refusal).
pub async fn page(
    state: &Platform,
    ctx: PageCtx,
    id: i64,
    notice: Option<String>,
    step_fields: StepFields,
    errors: Vec<FieldError>,
) -> Result<Html<String>, AppError> {
    let lang = ctx.lang;
    let db = &state.db;
    let p = store::proposal(db, id).await?.ok_or(AppError::NotFound)?;
    // Hidden by moderation: kept, opened only by its author and those who moderate its body.
    if p.hidden_at.is_some() {
        let allowed = match &ctx.user {
            Some(user) if user.id == p.author_id => true,
            Some(user) => crate::platform::moderation::changes::role_in(state, user, p.body_id).await.is_ok(),
            None => false,
        };
        if !allowed {
            return Err(AppError::NotFound);
        }
    }
    let mut bodies = Bodies::default();
    let (body, threshold) = bodies.get(db, p.body_id, lang).await?;
    let title = p.heading(lang);
    let shown = p.text.show(lang);
    let text_lang = shown.as_ref().filter(|s| s.fallback).map(|s| s.lang.code().to_owned());
    let text = shown.map(|s| s.text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect());
    let district = match p.district_id {
        Some(d) => bodies.get(db, d, lang).await?.0,
        None => String::new(),
    };
    let author = author_line(state, &p, &mut bodies, lang).await?;
    let supported = match &ctx.user {
        Some(user) => Some(store::supports(db, id, user.id).await?),
        None => None,
    };
    let continued = match p.status {
        ProposalStatus::Merged => p.merged_into,
        ProposalStatus::Forwarded => store::continued_in(db, id).await?,
        _ => None,
    };
    let continued = match continued {
        Some(c) => store::proposal(db, c).await?.map(|n| (n.id, n.heading(lang))),
        None => None,
    };
    let lineage = lineage::of(db, id).await?;
    let mut lines = Vec::new();
    for l in &lineage.lines {
        lines.push(LineView {
            depth: l.depth,
            id: l.proposal.id,
            title: l.proposal.heading(lang),
            body: bodies.get(db, l.proposal.body_id, lang).await?.0,
            status: l.proposal.status.key(),
            joined: l.joined.map(|j| {
                if j == ProposalStatus::Merged { "proposal-joined-merged" } else { "proposal-joined-forwarded" }
            }),
            supporters: l.proposal.supporters,
        });
    }
    let rise = rise(db, &mut bodies, &lineage.rise, lang).await?;
    let map = lineage.map(&ctx.t("proposal-map-title"), lang);
    let mut regions: Vec<(String, usize)> =
        lineage.regions.iter().map(|(code, n)| (region_name(Some(code), lang), *n)).collect();
    regions.sort_by(|a, b| b.1.cmp(&a.1).then(lang.compare(&a.0, &b.0)));
    let documents = crate::platform::files::attached(
        state,
        crate::platform::files::ItemKind::Proposal,
        id,
        ctx.user.as_ref(),
        lang,
    )
    .await?;
    let following = crate::platform::notify::pages::following(state, &ctx, super::scope(id)).await?;
    let manages = match &ctx.user {
        Some(user) => crate::platform::identity::authz::manage_body(db, user, p.body_id).await.is_ok(),
        None => false,
    };
    let (steps, meetings, targets) =
        if manages && p.status.is_live() { step_choices(state, &ctx, &p).await? } else { Default::default() };
    let recommend = manages && p.status == ProposalStatus::Accepted;
    let progress = Progress::new(p.supporters, threshold);
    let closes_on = lang.date(&p.closes_on);
    let window_passed = changes::window_passed(state, &p);
    let category = categories::name(&p.category, lang);
    let region = region_name(p.region_code.as_deref(), lang);
    let errors = Errors::new(lang, errors);
    render(&ProposalPage {
        ctx,
        notice,
        title,
        text: text.unwrap_or_default(),
        text_lang,
        body,
        category,
        region,
        district,
        author,
        progress,
        closes_on,
        window_passed,
        supported,
        continued,
        lines,
        rise,
        map,
        regions,
        origins: i64::try_from(lineage.origins).unwrap_or(i64::MAX),
        districts: i64::try_from(lineage.districts).unwrap_or(i64::MAX),
        region_count: i64::try_from(lineage.regions.len()).unwrap_or(i64::MAX),
        documents,
        following,
        manages,
        steps,
        meetings,
        targets,
        step_fields,
        errors,
        recommend,
        p,
    })
}

/// "Filed by a participant", "on behalf of …" (an association or a body); never the participant's name, which is
/// his own business.
async fn author_line(state: &Platform, p: &Proposal, bodies: &mut Bodies, lang: Lang) -> Result<String, AppError> {
    use super::model::OnBehalf;
    Ok(match p.on_behalf {
        OnBehalf::Myself => lang.t("proposal-by-participant"),
        OnBehalf::Association => {
            let name = match p.association_id {
                Some(a) => crate::registry::store::association(&state.db, a).await?.map(|a| a.name(lang).to_owned()),
                None => None,
            };
            lang.t_args("proposal-by-association", &[("name", name.unwrap_or_default().into())])
        }
        OnBehalf::Body => {
            let name = match p.author_body_id {
                Some(b) => bodies.get(&state.db, b, lang).await?.0,
                None => String::new(),
            };
            lang.t_args("proposal-by-body", &[("name", name.into())])
        }
    })
}

/// The rise as sentences: raised in the first body on its day, then forwarded by each body on the day it did.
async fn rise(db: &Db, bodies: &mut Bodies, chain: &[Proposal], lang: Lang) -> Result<Vec<RiseStep>, AppError> {
    let mut out = Vec::new();
    let day = |at: &str| lang.date(&crate::platform::days::day_of_stored(at));
    if let Some(first) = chain.first().filter(|_| chain.len() > 1) {
        let body = bodies.get(db, first.body_id, lang).await?.0;
        out.push(RiseStep {
            text: lang.t_args("proposal-raised-in", &[("body", body.into()), ("day", day(&first.created_at).into())]),
            id: first.id,
        });
        for p in chain.iter().take(chain.len() - 1) {
            let body = bodies.get(db, p.body_id, lang).await?.0;
            let when = p.decided_at.as_deref().map(day).unwrap_or_default();
            out.push(RiseStep {
                text: lang.t_args("proposal-forwarded-by", &[("body", body.into()), ("day", when.into())]),
                id: p.id,
            });
        }
    }
    Ok(out)
}

type Choices = Vec<(String, String)>;

/// The steps, the body's meetings and the live proposals it may merge into, for the secretariat's form.
async fn step_choices(state: &Platform, ctx: &PageCtx, p: &Proposal) -> Result<(Choices, Choices, Choices), AppError> {
    let steps = [Step::Accept, Step::Forward, Step::Merge, Step::Reject]
        .into_iter()
        .map(|s| (step_code(s).to_owned(), ctx.t(&format!("proposal-step-{}", step_code(s)))))
        .collect();
    let meetings = crate::meetings::store::meetings(&state.db, Some(p.body_id), None, None)
        .await?
        .iter()
        .take(30)
        .map(|m| (m.id.to_string(), crate::meetings::pages::heading(m, ctx.lang)))
        .collect();
    let mut targets = Vec::new();
    for status in [ProposalStatus::Queued, ProposalStatus::Open] {
        let filter =
            store::Filter { body: Some(p.body_id), status: Some(status.code().to_owned()), ..Default::default() };
        for other in store::proposals(&state.db, &filter).await?.0 {
            if other.id != p.id {
                targets.push((other.id.to_string(), format!("№{} · {}", other.id, other.heading(ctx.lang))));
            }
        }
    }
    Ok((steps, meetings, targets))
}

pub fn step_code(step: Step) -> &'static str {
    match step {
        Step::Accept => "accept",
        Step::Forward => "forward",
        Step::Merge => "merge",
        Step::Reject => "reject",
    }
}
