//! The pages of mediation: the public figures (cases per region and quarter) with, for a mediator or a chair,
//! the list of his cases by number; and one case, for its mediators and its council's chair only.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Html;

use super::changes::{self, Quarter};
use super::model::{Case, CaseHead, CaseStatus, EntryKind, Outcome};
use super::{access, store};
use crate::early_warning::pages::region_name;
use crate::platform::Platform;
use crate::platform::web::link::IdPath;
use crate::platform::web::page::render;
use crate::platform::web::{AppError, DoneQuery, Errors, FieldError, PageCtx};

pub const DONE: [(&str, &str); 4] = [
    ("opened", "done-case-opened"),
    ("written", "done-case-written"),
    ("assigned", "done-case-assigned"),
    ("attached", "done-case-attached"),
];

/// A case by number, region and status: what a list may show without opening it.
pub struct CaseLine {
    pub id: i64,
    pub region: String,
    pub opened_on: String,
    pub status: &'static str,
    pub demo: bool,
}

fn case_line(h: &CaseHead, ctx: &PageCtx) -> CaseLine {
    CaseLine {
        id: h.id,
        region: region_name(&h.region_code, ctx.lang),
        opened_on: ctx.lang.date(&h.opened_on),
        status: h.status.key(),
        demo: h.demo,
    }
}

#[derive(Template)]
#[template(path = "mediation/templates/index.html")]
struct IndexPage {
    ctx: PageCtx,
    quarters: Vec<(String, String, String, String)>,
    mine: Vec<CaseLine>,
    may_open: bool,
}

fn count(ctx: &PageCtx, n: Option<u32>) -> String {
    n.map_or_else(|| ctx.t("early-warning-fewer-than-5"), |n| ctx.num(&i64::from(n)))
}

pub async fn index(State(state): State<Platform>, ctx: PageCtx) -> Result<Html<String>, AppError> {
    let quarters: Vec<Quarter> = changes::quarters(&state).await?;
    let mut rows: Vec<(String, String, String, String)> = quarters
        .iter()
        .rev()
        .map(|q| {
            (q.quarter.clone(), region_name(&q.region_code, ctx.lang), count(&ctx, q.opened), count(&ctx, q.closed))
        })
        .collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(ctx.lang.compare(&a.1, &b.1)));
    let (mut mine, mut may_open) = (Vec::new(), false);
    if let Some(user) = &ctx.user {
        let person = access::person(&state.db, user).await?;
        let chaired = access::chaired(&state.db, person).await?;
        mine = store::cases_of(&state.db, person, &chaired).await?.iter().map(|h| case_line(h, &ctx)).collect();
        may_open = !access::councils_to_open(&state.db, user).await?.is_empty();
    }
    render(&IndexPage { ctx, quarters: rows, mine, may_open })
}

#[derive(Template)]
#[template(path = "mediation/templates/case.html")]
struct CasePage {
    ctx: PageCtx,
    notice: Option<String>,
    case: Case,
    line: CaseLine,
    kinds: Vec<(String, String)>,
    outcomes: Vec<(String, String)>,
    members: Vec<(String, String)>,
    reads: Option<Vec<(String, String)>>,
    errors: Errors,
    today: String,
}

impl CasePage {
    fn is_closed(&self) -> bool {
        self.case.head.status == CaseStatus::Closed
    }

    fn outcome_key(&self) -> &'static str {
        self.case.head.outcome.map_or("", Outcome::key)
    }
}

pub async fn case(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Query(done): Query<DoneQuery>,
) -> Result<Html<String>, AppError> {
    let notice = done.notice(&ctx, &DONE);
    case_page(&state, ctx, p.id, notice, Vec::new()).await
}

pub(super) async fn case_page(
    state: &Platform,
    ctx: PageCtx,
    id: i64,
    notice: Option<String>,
    errors: Vec<FieldError>,
) -> Result<Html<String>, AppError> {
    let user = ctx.require_user()?.clone();
    let case = changes::read_case(state, &user, id).await?;
    let reads = changes::reads(state, &user, &case.head).await?.map(|list| {
        list.into_iter().map(|(who, at)| (who, crate::platform::days::local_time(ctx.lang, &at))).collect()
    });
    let kinds = [EntryKind::Note, EntryKind::Meeting, EntryKind::Agreement, EntryKind::FollowUp, EntryKind::Outcome]
        .iter()
        .filter(|k| **k != EntryKind::Agreement || case.head.status == CaseStatus::Open)
        .map(|k| (crate::platform::validate::code_of(k), ctx.t(k.key())))
        .collect();
    let outcomes = Outcome::ALL.iter().map(|o| (o.code().to_owned(), ctx.t(o.key()))).collect();
    let members = access::council_members(&state.db, case.head.council_id)
        .await?
        .into_iter()
        .filter(|(p, _)| !case.mediators.iter().any(|(m, _)| m == p))
        .map(|(p, name)| (p.to_string(), name))
        .collect();
    let today = crate::platform::days::iso(crate::platform::days::date_at(state.jobs.now_ms()));
    render(&CasePage {
        line: case_line(&case.head, &ctx),
        errors: Errors::new(ctx.lang, errors),
        ctx,
        notice,
        case,
        kinds,
        outcomes,
        members,
        reads,
        today,
    })
}
