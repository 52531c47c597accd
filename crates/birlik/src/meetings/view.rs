//! A meeting with everything recorded at it, as the API returns it and the page shows it: agenda, attendance
//! with quorum, motions with their roll calls, decisions.

use serde::Serialize;
use utoipa::ToSchema;

use super::changes::rules_of;
use super::members::{names, present_members, seated};
use super::model::{AgendaItem, Attendance, Decision, Meeting, Motion, Rules, Vote, quorum_holds};
use super::store;
use crate::platform::db::Db;
use crate::platform::web::AppError;

/// Whether the meeting may decide now.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct QuorumNow {
    pub members: i64,
    pub present: i64,
    pub holds: bool,
    pub rules: Rules,
}

/// A motion and its public roll call.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct MotionWithVotes {
    #[serde(flatten)]
    pub motion: Motion,
    pub votes: Vec<Vote>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct MeetingDetail {
    #[serde(flatten)]
    pub meeting: Meeting,
    pub agenda: Vec<AgendaItem>,
    /// Every member of the body, present or not.
    pub attendance: Vec<Attendance>,
    pub quorum: QuorumNow,
    pub motions: Vec<MotionWithVotes>,
    pub decisions: Vec<Decision>,
    /// Corrections of closed votes, oldest first (each vote stays as recorded).
    pub corrections: Vec<super::model::VoteCorrection>,
}

/// Whether the meeting may decide now (what a member's check-in answers: not the whole meeting, which a session of
/// 700 members would send 700 times).
pub async fn quorum_now(db: &Db, meeting: &Meeting) -> Result<QuorumNow, AppError> {
    let seated = seated(db, meeting.body_id).await?;
    let registered = store::attendance(db, meeting.id).await?;
    quorum_of(db, meeting.body_id, &seated, &registered).await
}

async fn quorum_of(
    db: &Db,
    body: i64,
    seated: &std::collections::HashMap<i64, String>,
    registered: &[(i64, bool, bool)],
) -> Result<QuorumNow, AppError> {
    let rules = rules_of(db, body).await?;
    let members = i64::try_from(seated.len()).unwrap_or(i64::MAX);
    let present = present_members(seated, registered);
    Ok(QuorumNow { members, present, holds: quorum_holds(rules.quorum, members, present), rules })
}

pub async fn detail(db: &Db, meeting: Meeting) -> Result<MeetingDetail, AppError> {
    let seated = seated(db, meeting.body_id).await?;
    let names = names(db, meeting.body_id).await?;
    let name = |p: &i64| names.get(p).cloned().unwrap_or_default();
    let registered = store::attendance(db, meeting.id).await?;
    let mut attendance: Vec<Attendance> = seated
        .iter()
        .map(|(person, person_name)| {
            let found = registered.iter().find(|(p, _, _)| p == person);
            Attendance {
                person_id: *person,
                person_name: person_name.clone(),
                present: found.is_some_and(|(_, present, _)| *present),
                by_self: found.is_some_and(|(_, _, by_self)| *by_self),
            }
        })
        .collect();
    attendance.sort_by(|a, b| a.person_name.cmp(&b.person_name).then(a.person_id.cmp(&b.person_id)));
    let quorum = quorum_of(db, meeting.body_id, &seated, &registered).await?;
    let mut motions = Vec::new();
    for motion in store::motions(db, meeting.id).await? {
        let votes = store::votes(db, motion.id)
            .await?
            .into_iter()
            .map(|(person_id, choice, at)| Vote {
                motion_id: motion.id,
                person_id,
                person_name: name(&person_id),
                choice,
                at,
            })
            .collect();
        motions.push(MotionWithVotes { motion, votes });
    }
    let corrections = store::vote_corrections(db, meeting.id).await?;
    Ok(MeetingDetail {
        corrections,
        agenda: store::agenda(db, meeting.id).await?,
        decisions: store::decisions(db, meeting.id).await?,
        attendance,
        quorum,
        motions,
        meeting,
    })
}
