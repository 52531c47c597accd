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
    heading_of(m.number, &m.title, lang)
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
    let plans = super::forms::runs_any(&state, &ctx).await?;
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
    /// The item, quorum and running tally while the meeting is in progress.
    live: Option<super::live::Live>,
    /// The documents of each agenda item: (item, [(title, link to the reader's version)]).
    item_documents: Vec<(i64, Vec<(String, String)>)>,
}

impl MeetingPage {
    fn documents_of(&self, item: &i64) -> &[(String, String)] {
        self.item_documents.iter().find(|(id, _)| id == item).map_or(&[], |(_, docs)| docs.as_slice())
    }

    fn text(&self, m: &super::model::Multilingual) -> String {
        m.show(self.ctx.lang).map(|s| s.text).unwrap_or_default()
    }

    fn is_open(&self, status: &MotionStatus) -> bool {
        *status == MotionStatus::Open
    }

    fn votes_cast(&self, m: &super::view::MotionWithVotes) -> String {
        self.ctx.count("motion-votes-cast", &i64::try_from(m.votes.len()).unwrap_or(i64::MAX))
    }

    fn at(&self, stored: &str) -> String {
        local_time(self.ctx.lang, stored)
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
    let live = super::live::of(&d, ctx.lang);
    let added_on = d
        .agenda
        .iter()
        .filter_map(|i| i.added_after_publication_at.as_ref().map(|at| (i.id, local_time(ctx.lang, at))))
        .collect();
    let mut item_documents = Vec::new();
    for item in &d.agenda {
        let found =
            crate::platform::files::store::for_item(&state.db, crate::platform::files::ItemKind::AgendaItem, item.id)
                .await?;
        let groups = crate::platform::files::group(&found, ctx.lang)
            .into_iter()
            .filter_map(|g| g.versions.first().map(|v| (g.title.clone(), v.href.clone())))
            .collect();
        item_documents.push((item.id, groups));
    }
    let page = MeetingPage {
        item_documents,
        heading: heading(&d.meeting, ctx.lang),
        body: body.map(|b| crate::platform::i18n::Localized::name(&b, ctx.lang).to_owned()).unwrap_or_default(),
        starts: local_time(ctx.lang, &d.meeting.starts_at),
        ends: local_time(ctx.lang, &d.meeting.ends_at),
        in_progress: d.meeting.status == MeetingStatus::InProgress,
        member,
        added_on,
        following,
        runs,
        live,
        d,
        ctx,
    };
    render(&page)
}

// ---- minutes --------------------------------------------------------------------------------------------------

/// An approved version as its readers see it.
pub struct Approved {
    pub version: i64,
    pub at: String,
    pub by: String,
    pub note: Option<String>,
    /// What changed since the version before, in the reader's words.
    pub changes: Vec<String>,
}

/// The secretariat's forms under the draft: the narrative and the approval.
pub struct Editing {
    pub kk: String,
    pub ru: String,
    pub en: String,
    pub narrative_errors: crate::platform::web::Errors,
    pub note: String,
    pub approve_errors: crate::platform::web::Errors,
    /// The meeting is closed: its minutes may be approved.
    pub closed: bool,
    /// A version was approved before: the next one is a correction.
    pub correction: bool,
}

#[derive(Template)]
#[template(path = "meetings/templates/minutes.html")]
pub struct MinutesPage {
    pub ctx: PageCtx,
    /// What was just done.
    pub notice: Option<String>,
    pub meeting_id: i64,
    pub heading: String,
    pub r: super::minutes::Record,
    pub narrative: Vec<String>,
    /// `None`: the server's draft, not approved.
    pub approved: Option<Approved>,
    /// Every approved version: its number and day.
    pub versions: Vec<(i64, String)>,
    pub runs: bool,
    pub editing: Option<Editing>,
}

impl MinutesPage {
    fn text(&self, m: &super::model::Multilingual) -> String {
        m.show(self.ctx.lang).map(|s| s.text).unwrap_or_default()
    }

    fn when(&self, at: &str) -> String {
        local_time(self.ctx.lang, at)
    }

    fn names(&self, present: bool) -> String {
        let names: Vec<&str> =
            self.r.attendance.iter().filter(|a| a.present == present).map(|a| a.name.as_str()).collect();
        names.join(", ")
    }

    fn quorum_rule(&self) -> String {
        self.ctx.t(match self.r.rules.quorum {
            super::model::Quorum::MoreThanHalf => "rules-quorum-more-than-half",
            super::model::Quorum::TwoThirds => "rules-quorum-two-thirds",
        })
    }

    fn majority_rule(&self, rules: &super::model::Rules) -> String {
        use super::model::{Majority, MajorityOf};
        self.ctx.t(match (rules.majority, rules.majority_of) {
            (Majority::Simple, MajorityOf::Present) => "minutes-majority-simple-present",
            (Majority::Simple, MajorityOf::AllMembers) => "minutes-majority-simple-all",
            (Majority::TwoThirds, MajorityOf::Present) => "minutes-majority-two-thirds-present",
            (Majority::TwoThirds, MajorityOf::AllMembers) => "minutes-majority-two-thirds-all",
        })
    }

    fn is_shown(&self, version: &i64) -> bool {
        self.approved.as_ref().is_some_and(|a| a.version == *version)
    }

    fn is_hands(&self, m: &super::minutes::MotionRecord) -> bool {
        m.method == super::model::Method::ShowOfHands
    }
}

/// "XIV session: title" from a meeting's number and title.
fn heading_of(number: Option<i64>, title: &super::model::Multilingual, lang: Lang) -> String {
    let title = title.show(lang).map(|s| s.text).unwrap_or_default();
    match number.and_then(super::model::roman) {
        Some(n) => lang.t_args(
            "meeting-numbered",
            &[("number", crate::platform::i18n::Arg::Str(n)), ("title", crate::platform::i18n::Arg::Str(title))],
        ),
        None => title,
    }
}

fn paragraphs(text: &super::model::Multilingual, lang: Lang) -> Vec<String> {
    let text = text.show(lang).map(|s| s.text).unwrap_or_default();
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

/// The minutes of a meeting as one version stored them.
fn approved_view(
    row: &store::MinutesRow,
    lang: Lang,
) -> Result<(super::minutes::Record, super::model::Multilingual, Approved), AppError> {
    let record: super::minutes::Record = serde_json::from_str(&row.record).map_err(|e| AppError::Internal(e.into()))?;
    let changes: Vec<super::minutes::Amendment> =
        serde_json::from_str(&row.changes).map_err(|e| AppError::Internal(e.into()))?;
    let narrative = super::model::Multilingual {
        kk: row.narrative_kk.clone(),
        ru: row.narrative_ru.clone(),
        en: row.narrative_en.clone(),
    };
    let approved = Approved {
        version: row.version,
        at: local_time(lang, &row.approved_at),
        by: row.approved_by_name.clone(),
        note: row.note.clone(),
        changes: changes.iter().map(|c| c.describe(lang)).collect(),
    };
    Ok((record, narrative, approved))
}

/// Does the reader run this meeting's body?
async fn reader_runs(state: &Platform, ctx: &PageCtx, body: i64) -> Result<bool, AppError> {
    match &ctx.user {
        Some(user) => super::forms::runs(state, user, body).await,
        None => Ok(false),
    }
}

/// The minutes page: a version (the latest approved unless `version` is given), else the server's draft of the
/// record (the narrative stays the secretariat's until it approves). `editing` adds the secretariat's forms.
pub async fn minutes_page(
    state: &Platform,
    ctx: PageCtx,
    id: i64,
    version: Option<i64>,
    notice: Option<String>,
    editing: Option<Editing>,
) -> Result<Html<String>, AppError> {
    let m = store::meeting(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let runs = reader_runs(state, &ctx, m.body_id).await?;
    let lang = ctx.lang;
    let rows = store::minutes_versions(&state.db, id).await?;
    let versions = rows.iter().map(|r| (r.version, local_time(lang, &r.approved_at))).collect();
    let shown = match version {
        Some(v) => Some(rows.iter().find(|r| r.version == v).ok_or(AppError::NotFound)?),
        None if editing.is_none() => rows.last(),
        None => None,
    };
    let heading = heading_of(m.number, &m.title, lang);
    let (r, narrative, approved) = match shown {
        Some(row) => {
            let (r, narrative, approved) = approved_view(row, lang)?;
            (r, narrative, Some(approved))
        }
        None => {
            let (r, narrative) = super::changes::draft_minutes(&state.db, m).await?;
            // The public draft is the record alone; the secretariat sees its narrative too.
            let narrative = if editing.is_some() { narrative } else { Default::default() };
            (r, narrative, None)
        }
    };
    render(&MinutesPage {
        notice,
        meeting_id: id,
        heading,
        narrative: paragraphs(&narrative, lang),
        r,
        approved,
        versions,
        runs,
        editing,
        ctx,
    })
}

#[derive(serde::Deserialize)]
pub struct VersionPath {
    pub id: i64,
    pub version: i64,
}

pub async fn minutes(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
) -> Result<Html<String>, AppError> {
    minutes_page(&state, ctx, p.id, None, None, None).await
}

pub async fn minutes_version(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<VersionPath>,
    Query(q): Query<crate::platform::web::DoneQuery>,
) -> Result<Html<String>, AppError> {
    let notice = q.notice(&ctx, &super::forms::DONE);
    minutes_page(&state, ctx, p.id, Some(p.version), notice, None).await
}
