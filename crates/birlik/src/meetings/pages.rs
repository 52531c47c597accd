//! The public pages of meetings: the list (upcoming first, then past) and one meeting with its agenda, attendance
//! and quorum, votes with their roll calls, and decisions. A member sees his check-in and vote buttons.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Html;

use super::model::{Meeting, MeetingStatus, MotionStatus};
use super::store;
use super::view::{MeetingDetail, detail};
use crate::platform::Platform;
use crate::platform::days::local_time;
use crate::platform::i18n::Lang;
use crate::platform::web::link::IdPath;
use crate::platform::web::page::render;
use crate::platform::web::{AppError, PageCtx};

/// "XXXII session: title", in the reader's language (or another one).
pub fn heading(m: &Meeting, lang: Lang) -> String {
    let title = m.title.show(lang).map(|s| s.text).unwrap_or_default();
    match &m.number_roman {
        Some(n) => lang.t_args(
            "meeting-numbered",
            &[
                ("number", crate::platform::i18n::Arg::Str(n.clone())),
                ("title", crate::platform::i18n::Arg::Str(title)),
            ],
        ),
        None => title,
    }
}

pub struct Row {
    pub id: i64,
    pub heading: String,
    pub when: String,
    pub status: &'static str,
    pub body: String,
    pub demo: bool,
}

#[derive(Template)]
#[template(path = "meetings/templates/list.html")]
struct ListPage {
    ctx: PageCtx,
    rows: Vec<Row>,
    /// The reader runs the meetings of some body: he may plan one.
    plans: bool,
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    pub body: Option<i64>,
}

pub async fn list(
    State(state): State<Platform>,
    ctx: PageCtx,
    Query(q): Query<ListQuery>,
) -> Result<Html<String>, AppError> {
    let mut rows = Vec::new();
    for m in store::meetings(&state.db, q.body, None, None).await? {
        let body = crate::registry::store::body(&state.db, m.body_id).await?;
        rows.push(Row {
            id: m.id,
            heading: heading(&m, ctx.lang),
            when: local_time(ctx.lang, &m.starts_at),
            status: m.status.key(),
            body: body.map(|b| crate::platform::i18n::Localized::name(&b, ctx.lang).to_owned()).unwrap_or_default(),
            demo: m.demo,
        });
    }
    let plans = !super::forms::bodies_run_by(&state, &ctx).await?.is_empty();
    render(&ListPage { ctx, rows, plans })
}

#[derive(Template)]
#[template(path = "meetings/templates/meeting.html")]
struct MeetingPage {
    ctx: PageCtx,
    heading: String,
    body: String,
    starts: String,
    ends: String,
    d: MeetingDetail,
    /// The reader's login is a member of the body (he may check in and vote).
    member: bool,
    in_progress: bool,
    added_on: Vec<(i64, String)>,
    /// The reader follows the meeting.
    following: bool,
    /// The reader runs the meeting (its body's secretariat, one above it, or an admin).
    runs: bool,
}

impl MeetingPage {
    fn text(&self, m: &super::model::Multilingual) -> String {
        m.show(self.ctx.lang).map(|s| s.text).unwrap_or_default()
    }

    fn is_open(&self, status: &MotionStatus) -> bool {
        *status == MotionStatus::Open
    }

    fn votes_cast(&self, m: &super::view::MotionWithVotes) -> String {
        self.ctx.count("motion-votes-cast", &i64::try_from(m.votes.len()).unwrap_or(i64::MAX))
    }

    fn added(&self, item: &i64) -> Option<String> {
        self.added_on.iter().find(|(id, _)| id == item).map(|(_, day)| day.clone())
    }
}

pub async fn meeting(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
) -> Result<Html<String>, AppError> {
    let m = store::meeting(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    let body = crate::registry::store::body(&state.db, m.body_id).await?;
    let member = match &ctx.user {
        Some(user) => match crate::platform::identity::store::person_of(&state.db, user.id).await? {
            Some(person) => super::members::seated(&state.db, m.body_id).await?.contains_key(&person),
            None => false,
        },
        None => false,
    };
    let runs = match &ctx.user {
        Some(user) => super::forms::runs(&state, user, m.body_id).await?,
        None => false,
    };
    let following = crate::platform::notify::pages::following(&state, &ctx, super::scope(m.id)).await?;
    let d = detail(&state.db, m).await?;
    let added_on = d
        .agenda
        .iter()
        .filter_map(|i| i.added_after_publication_at.as_ref().map(|at| (i.id, local_time(ctx.lang, at))))
        .collect();
    let page = MeetingPage {
        heading: heading(&d.meeting, ctx.lang),
        body: body.map(|b| crate::platform::i18n::Localized::name(&b, ctx.lang).to_owned()).unwrap_or_default(),
        starts: local_time(ctx.lang, &d.meeting.starts_at),
        ends: local_time(ctx.lang, &d.meeting.ends_at),
        in_progress: d.meeting.status == MeetingStatus::InProgress,
        member,
        added_on,
        following,
        runs,
        d,
        ctx,
    };
    render(&page)
}
