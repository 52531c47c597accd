//! The live part of a meeting in progress: the item under discussion, whether quorum holds, and the running tally
//! of the open vote. The meeting page shows it; `GET /{lang}/meetings/{id}/live` returns it alone, which htmx
//! fetches every few seconds (without JavaScript a reload shows the same).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;

use super::model::{Choice, MeetingStatus, MotionStatus, Multilingual};
use super::store;
use super::view::{MeetingDetail, detail};
use crate::platform::Platform;
use crate::platform::i18n::Lang;
use crate::platform::web::link::IdPath;
use crate::platform::web::page::render;
use crate::platform::web::{AppError, PageCtx};

/// What the live part shows; `None` when the meeting is not in progress.
#[derive(Clone, Debug)]
pub struct Live {
    pub meeting: i64,
    /// The agenda item of the open vote, else of the last vote.
    pub item: Option<String>,
    pub present: i64,
    pub members: i64,
    pub quorum_holds: bool,
    /// The open vote, if any.
    pub vote: Option<Tally>,
}

#[derive(Clone, Debug)]
pub struct Tally {
    pub text: String,
    pub votes_for: i64,
    pub against: i64,
    pub abstentions: i64,
}

impl Tally {
    pub fn cast(&self) -> i64 {
        self.votes_for + self.against + self.abstentions
    }
}

fn text(m: &Multilingual, lang: Lang) -> String {
    m.show(lang).map(|s| s.text).unwrap_or_default()
}

/// The live part of `d`, read in `lang`.
pub fn of(d: &MeetingDetail, lang: Lang) -> Option<Live> {
    if d.meeting.status != MeetingStatus::InProgress {
        return None;
    }
    let open = d.motions.iter().find(|m| m.motion.status == MotionStatus::Open);
    let item = open
        .or(d.motions.last())
        .and_then(|m| m.motion.agenda_item_id)
        .and_then(|id| d.agenda.iter().find(|i| i.id == id))
        .map(|i| text(&i.title, lang));
    let vote = open.map(|m| {
        let count = |c: Choice| i64::try_from(m.votes.iter().filter(|v| v.choice == c).count()).unwrap_or(i64::MAX);
        Tally {
            text: text(&m.motion.text, lang),
            votes_for: count(Choice::For),
            against: count(Choice::Against),
            abstentions: count(Choice::Abstain),
        }
    });
    Some(Live {
        meeting: d.meeting.id,
        item,
        present: d.quorum.present,
        members: d.quorum.members,
        quorum_holds: d.quorum.holds,
        vote,
    })
}

#[derive(Template)]
#[template(path = "meetings/templates/live.html")]
struct LivePart {
    ctx: PageCtx,
    live: Option<Live>,
}

/// `GET /{lang}/meetings/{id}/live`: the live part alone (empty once the meeting is no longer in progress).
pub async fn part(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
) -> Result<Html<String>, AppError> {
    let m = store::meeting(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    let d = detail(&state.db, m).await?;
    let live = of(&d, ctx.lang);
    render(&LivePart { ctx, live })
}
