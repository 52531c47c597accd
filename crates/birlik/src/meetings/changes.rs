//! Every change to meetings, one function each (check, authorize, store with its audit entry and event): the
//! API calls them, and so do the page forms. The secretariat of the meeting's body (or of a body above it, or an
//! admin) runs a meeting; a member takes part from his own login, which names his person of the registry
//! (`users.person_id`): he checks in and votes while he holds a live seat in the body.

use super::input::{
    AgendaItemIn, ApprovalIn, AttendanceIn, CorrectionIn, ExecutionIn, MeetingIn, MotionIn, NarrativeIn, RulesIn,
    StatusIn, VoteIn,
};
use super::members::{present_members, seated};
use super::minutes::{Amendment, Record, amendments};
use super::model::{Meeting, MeetingStatus, Motion, MotionStatus, Rules, VoteCorrection, outcome};
use super::store::{self, Cast, Tally};
use crate::platform::Platform;
use crate::platform::db::Db;
use crate::platform::identity::{SessionUser, authz, store as identity};
use crate::platform::web::{AppError, FieldError};
use crate::registry::store as registry;

fn invalid(field: &'static str, key: &'static str) -> AppError {
    AppError::Validation(vec![FieldError::new(field, key)])
}

/// A meeting, and whether `user` runs it (else `Forbidden`).
async fn meeting_to_run(state: &Platform, user: &SessionUser, id: i64) -> Result<Meeting, AppError> {
    let meeting = store::meeting(&state.db, id).await?.ok_or(AppError::NotFound)?;
    authz::manage_body(&state.db, user, meeting.body_id).await?;
    Ok(meeting)
}

/// A meeting's items and votes change only while it is not over.
fn not_over(meeting: &Meeting) -> Result<(), AppError> {
    match meeting.status {
        MeetingStatus::Closed | MeetingStatus::Cancelled => Err(AppError::Conflict("error-meeting-over")),
        _ => Ok(()),
    }
}

/// The body's rules: its own, else the defaults of its kind.
pub async fn rules_of(db: &Db, body: i64) -> Result<Rules, AppError> {
    if let Some(rules) = store::rules(db, body).await? {
        return Ok(rules);
    }
    let body = registry::body(db, body).await?.ok_or(AppError::NotFound)?;
    Ok(Rules::default_for(body.kind))
}

/// Plans a meeting of a body; returns its id.
pub async fn create(state: &Platform, user: &SessionUser, fields: &MeetingIn) -> Result<i64, AppError> {
    let input = fields.check().map_err(AppError::Validation)?;
    let body = registry::body(&state.db, input.body_id).await?.filter(|b| b.archived_at.is_none());
    if body.is_none() {
        return Err(invalid("body_id", "field-invalid-choice"));
    }
    authz::manage_body(&state.db, user, input.body_id).await?;
    Ok(store::create_meeting(&state.db, Some(user.id), &input, false).await?)
}

/// Moves a meeting on (convene, open, close), or postpones or cancels it with a reason. A meeting with an open
/// vote does not close.
pub async fn set_status(state: &Platform, user: &SessionUser, id: i64, fields: &StatusIn) -> Result<(), AppError> {
    let (status, reason) = fields.check().map_err(AppError::Validation)?;
    let meeting = meeting_to_run(state, user, id).await?;
    if !meeting.status.may_become(status) {
        return Err(AppError::Conflict("error-meeting-status"));
    }
    if status == MeetingStatus::Closed
        && store::motions(&state.db, id).await?.iter().any(|m| m.status == MotionStatus::Open)
    {
        return Err(AppError::Conflict("error-open-vote"));
    }
    store::set_status(&state.db, Some(user.id), &meeting, status, reason.as_deref()).await?;
    Ok(())
}

/// Adds an item at the end of the agenda (after publication, marked with its day).
pub async fn add_agenda_item(
    state: &Platform,
    user: &SessionUser,
    id: i64,
    fields: &AgendaItemIn,
) -> Result<i64, AppError> {
    let input = fields.check().map_err(AppError::Validation)?;
    let meeting = meeting_to_run(state, user, id).await?;
    not_over(&meeting)?;
    if let Some(c) = input.consultation_id
        && crate::consultations::store::consultation(&state.db, c).await?.is_none()
    {
        return Err(invalid("consultation_id", "field-invalid-choice"));
    }
    Ok(store::add_agenda_item(&state.db, Some(user.id), &meeting, &input).await?)
}

/// Publishes the agenda; later changes are kept and shown.
pub async fn publish_agenda(state: &Platform, user: &SessionUser, id: i64) -> Result<(), AppError> {
    let meeting = meeting_to_run(state, user, id).await?;
    not_over(&meeting)?;
    if meeting.agenda_published_at.is_some() {
        return Err(AppError::Conflict("error-agenda-published"));
    }
    store::publish_agenda(&state.db, Some(user.id), &meeting).await?;
    Ok(())
}

/// Attendance is taken while the meeting is convened or in progress.
fn taking_attendance(meeting: &Meeting) -> Result<(), AppError> {
    match meeting.status {
        MeetingStatus::Convened | MeetingStatus::InProgress => Ok(()),
        _ => Err(AppError::Conflict("error-meeting-not-running")),
    }
}

/// The secretariat registers a member of the body present or absent.
pub async fn register_attendance(
    state: &Platform,
    user: &SessionUser,
    id: i64,
    fields: &AttendanceIn,
) -> Result<(), AppError> {
    let meeting = meeting_to_run(state, user, id).await?;
    if !seated(&state.db, meeting.body_id).await?.contains_key(&fields.person_id) {
        return Err(invalid("person_id", "meeting-not-a-member"));
    }
    taking_attendance(&meeting)?;
    store::set_attendance(&state.db, Some(user.id), id, fields.person_id, fields.present, false).await?;
    Ok(())
}

/// The secretariat registers the whole attendance at once: the members in `present` are present, every other
/// member of the body absent. Only those whose mark changes are written, in one transaction; someone who is not
/// a member of the body refuses the whole register.
pub async fn register_attendance_list(
    state: &Platform,
    user: &SessionUser,
    id: i64,
    present: &[i64],
) -> Result<(), AppError> {
    let meeting = meeting_to_run(state, user, id).await?;
    let seated = seated(&state.db, meeting.body_id).await?;
    if present.iter().any(|p| !seated.contains_key(p)) {
        return Err(invalid("present", "meeting-not-a-member"));
    }
    taking_attendance(&meeting)?;
    let now = store::attendance(&state.db, id).await?;
    let was_present = |person: &i64| now.iter().any(|(p, here, _)| p == person && *here);
    let mut marks: Vec<(i64, bool)> = seated
        .keys()
        .map(|person| (*person, present.contains(person)))
        .filter(|(person, here)| was_present(person) != *here)
        .collect();
    marks.sort_unstable();
    store::set_attendances(&state.db, Some(user.id), id, &marks).await?;
    Ok(())
}

/// The person a member's login names, if he holds a live seat in the body.
async fn member_of(db: &Db, user: &SessionUser, body: i64) -> Result<i64, AppError> {
    let person = identity::person_of(db, user.id).await?.ok_or(AppError::Conflict("error-not-a-member"))?;
    if super::members::is_seated(db, body, person).await? {
        Ok(person)
    } else {
        Err(AppError::Conflict("error-not-a-member"))
    }
}

/// A member checks in himself while the meeting is in progress.
pub async fn check_in(state: &Platform, runtime: &super::Runtime, user: &SessionUser, id: i64) -> Result<(), AppError> {
    let meeting = store::meeting(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let person = member_of(&state.db, user, meeting.body_id).await?;
    if meeting.status != MeetingStatus::InProgress {
        return Err(AppError::Conflict("error-meeting-not-running"));
    }
    let mark = store::Presence::Attend { actor: Some(user.id), meeting: id, person, present: true, by_self: true };
    runtime.presence.submit(mark).await?;
    Ok(())
}

/// The secretariat sets its body's rules (quorum and majority).
pub async fn set_rules(state: &Platform, user: &SessionUser, body: i64, fields: &RulesIn) -> Result<Rules, AppError> {
    let live = registry::body(&state.db, body).await?.ok_or(AppError::NotFound)?;
    if live.archived_at.is_some() {
        return Err(AppError::Archived);
    }
    authz::manage_body(&state.db, user, body).await?;
    let before = rules_of(&state.db, body).await?;
    let rules = Rules { quorum: fields.quorum, majority_of: fields.majority_of, majority: fields.majority };
    store::set_rules(&state.db, Some(user.id), body, &before, &rules).await?;
    Ok(rules)
}

/// Members and those of them present now.
async fn counted(db: &Db, meeting: &Meeting) -> Result<(i64, i64), AppError> {
    let seated = seated(db, meeting.body_id).await?;
    let attendance = store::attendance(db, meeting.id).await?;
    let members = i64::try_from(seated.len()).unwrap_or(i64::MAX);
    Ok((members, present_members(&seated, &attendance)))
}

/// Puts a motion to a roll-call vote, or records a show of hands (closed at once, its result computed by the
/// body's rules). Only while the meeting is in progress, one open vote at a time.
pub async fn put_motion(state: &Platform, user: &SessionUser, id: i64, fields: &MotionIn) -> Result<i64, AppError> {
    let input = fields.check().map_err(AppError::Validation)?;
    let meeting = meeting_to_run(state, user, id).await?;
    if let Some(item) = input.agenda_item_id
        && !store::agenda(&state.db, id).await?.iter().any(|i| i.id == item)
    {
        return Err(invalid("agenda_item_id", "field-invalid-choice"));
    }
    if meeting.status != MeetingStatus::InProgress {
        return Err(AppError::Conflict("error-meeting-not-running"));
    }
    let rules = rules_of(&state.db, meeting.body_id).await?;
    match input.show_of_hands {
        None => store::open_motion(&state.db, Some(user.id), &meeting, &input, &rules)
            .await?
            .ok_or(AppError::Conflict("error-vote-open")),
        Some(count) => {
            let (members, present) = counted(&state.db, &meeting).await?;
            if count.total() > present {
                return Err(invalid("votes_for", "meeting-count-exceeds-present"));
            }
            let tally = Tally { members, present, count, outcome: outcome(&rules, members, present, &count) };
            Ok(store::record_show_of_hands(&state.db, Some(user.id), &meeting, &input, &rules, &tally).await?)
        }
    }
}

/// A present member votes for, against or abstains, once, while the vote is open.
pub async fn vote(
    state: &Platform,
    runtime: &super::Runtime,
    user: &SessionUser,
    motion: i64,
    fields: &VoteIn,
) -> Result<(), AppError> {
    let motion = store::motion(&state.db, motion).await?.ok_or(AppError::NotFound)?;
    let meeting = store::meeting(&state.db, motion.meeting_id).await?.ok_or(AppError::NotFound)?;
    let person = member_of(&state.db, user, meeting.body_id).await?;
    if motion.status != MotionStatus::Open {
        return Err(AppError::Conflict("error-vote-not-open"));
    }
    if !store::is_present(&state.db, meeting.id, person).await? {
        return Err(AppError::Conflict("error-not-present"));
    }
    let vote = store::Presence::Vote { actor: Some(user.id), motion: motion.id, person, choice: fields.choice };
    match runtime.presence.submit(vote).await? {
        Cast::Recorded => Ok(()),
        Cast::AlreadyVoted => Err(AppError::Conflict("error-already-voted")),
        Cast::NotOpen => Err(AppError::Conflict("error-vote-not-open")),
    }
}

/// Closes a roll-call vote: the server counts it and computes its result by the rules it was opened under; an
/// adopted motion becomes the meeting's next decision. A closed vote never changes.
pub async fn close_motion(state: &Platform, user: &SessionUser, motion: i64) -> Result<Motion, AppError> {
    let motion = store::motion(&state.db, motion).await?.ok_or(AppError::NotFound)?;
    let meeting = meeting_to_run(state, user, motion.meeting_id).await?;
    if motion.status != MotionStatus::Open {
        return Err(AppError::Conflict("error-vote-not-open"));
    }
    let (members, present) = counted(&state.db, &meeting).await?;
    let rules = motion.rules;
    let decide = move |count| Tally { members, present, count, outcome: outcome(&rules, members, present, &count) };
    store::close_motion(&state.db, Some(user.id), &meeting, &motion, decide)
        .await?
        .ok_or(AppError::Conflict("error-vote-not-open"))?;
    store::motion(&state.db, motion.id).await?.ok_or(AppError::NotFound)
}

/// Corrects a closed vote (the body's secretariat): the vote stays as recorded, the correction is kept beside it
/// with its reason and the result by the motion's own rules. A decision the vote made is not undone by it: the
/// body acts on it at a meeting.
pub async fn correct_vote(
    state: &Platform,
    user: &SessionUser,
    motion: i64,
    fields: &CorrectionIn,
) -> Result<VoteCorrection, AppError> {
    let motion = store::motion(&state.db, motion).await?.ok_or(AppError::NotFound)?;
    let meeting = meeting_to_run(state, user, motion.meeting_id).await?;
    if motion.status != MotionStatus::Closed {
        return Err(AppError::Conflict("error-vote-open"));
    }
    let (members, present) = match (motion.members, motion.present) {
        (Some(members), Some(present)) => (members, present),
        _ => counted(&state.db, &meeting).await?,
    };
    let (reason, count) = fields.check(present).map_err(AppError::Validation)?;
    let result = outcome(&motion.rules, members, present, &count);
    let id = store::correct_vote(&state.db, Some(user.id), &motion, &reason, &count, result).await?;
    store::vote_corrections(&state.db, meeting.id).await?.into_iter().find(|a| a.id == id).ok_or(AppError::NotFound)
}

/// Where carrying out a decision stands.
pub async fn set_execution(
    state: &Platform,
    user: &SessionUser,
    id: i64,
    fields: &ExecutionIn,
) -> Result<(), AppError> {
    let decision = store::decision(&state.db, id).await?.ok_or(AppError::NotFound)?;
    authz::manage_body(&state.db, user, decision.body_id).await?;
    store::set_execution(&state.db, Some(user.id), &decision, fields.execution).await?;
    Ok(())
}

/// The secretariat writes (or rewrites) the narrative of a meeting's minutes; a cancelled meeting has none.
pub async fn save_narrative(
    state: &Platform,
    user: &SessionUser,
    id: i64,
    fields: &NarrativeIn,
) -> Result<(), AppError> {
    let narrative = fields.check().map_err(AppError::Validation)?;
    let meeting = meeting_to_run(state, user, id).await?;
    if meeting.status == MeetingStatus::Cancelled {
        return Err(AppError::Conflict("error-minutes-cancelled"));
    }
    let before = store::minutes_draft(&state.db, id).await?;
    store::save_minutes_draft(&state.db, Some(user.id), id, &before, &narrative).await?;
    Ok(())
}

/// The minutes as the server drafts them now: the record of the meeting and the secretariat's narrative.
pub async fn draft_minutes(db: &Db, meeting: Meeting) -> Result<(Record, super::model::Multilingual), AppError> {
    let body = registry::body(db, meeting.body_id).await?.ok_or(AppError::NotFound)?;
    let narrative = store::minutes_draft(db, meeting.id).await?;
    let detail = super::view::detail(db, meeting).await?;
    Ok((Record::of(&detail, &body), narrative))
}

/// Approves the minutes of a closed meeting as they are drafted now: stores them as the next version, with the
/// approver, the time and what changed since the version before; a correction (every version after the first)
/// must change something and say why. Returns the version.
pub async fn approve_minutes(
    state: &Platform,
    user: &SessionUser,
    id: i64,
    fields: &ApprovalIn,
) -> Result<i64, AppError> {
    let note = fields.check().map_err(AppError::Validation)?;
    let meeting = meeting_to_run(state, user, id).await?;
    if meeting.status != MeetingStatus::Closed {
        return Err(AppError::Conflict("error-minutes-not-closed"));
    }
    let (record, narrative) = draft_minutes(&state.db, meeting).await?;
    let versions = store::minutes_versions(&state.db, id).await?;
    let changes: Vec<Amendment> = match versions.last() {
        None => Vec::new(),
        Some(last) => {
            let before: Record = serde_json::from_str(&last.record).map_err(|e| AppError::Internal(e.into()))?;
            let said = super::model::Multilingual {
                kk: last.narrative_kk.clone(),
                ru: last.narrative_ru.clone(),
                en: last.narrative_en.clone(),
            };
            let changes = amendments((&before, &said), (&record, &narrative));
            if changes.is_empty() {
                return Err(AppError::Conflict("error-minutes-unchanged"));
            }
            if note.is_none() {
                return Err(invalid("note", "minutes-note-required"));
            }
            changes
        }
    };
    let version = versions.last().map_or(1, |v| v.version.saturating_add(1));
    let json = |v: serde_json::Result<String>| v.map_err(|e| AppError::Internal(e.into()));
    let (record, changes) = (json(serde_json::to_string(&record))?, json(serde_json::to_string(&changes))?);
    let approval = store::Approval {
        version,
        record: &record,
        narrative: &narrative,
        changes: &changes,
        note: note.as_deref(),
        approver: user.id,
        approver_name: &user.display_name,
    };
    if !store::approve_minutes(&state.db, id, &approval).await? {
        return Err(AppError::Conflict("error-minutes-approved-meanwhile"));
    }
    Ok(version)
}
