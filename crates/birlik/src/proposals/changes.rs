//! Every change to proposals, one function each (check, authorize, store with its audit entry and event): the API
//! calls them, and so do the forms and the demo. A registered participant with a confirmed address files and
//! supports; the secretariat of the proposal's body (or of a body above it, or an admin) takes its steps and sets
//! its body's threshold and window.

use super::input::{ProposalIn, RulesIn, StepIn};
use super::model::{OnBehalf, Proposal, Rules, Step, receives_proposals};
use super::store::{self, Decided, Supported};
use crate::platform::Platform;
use crate::platform::days::{date_at, iso};
use crate::platform::db::Db;
use crate::platform::identity::{SessionUser, authz, store as identity};
use crate::platform::web::{AppError, FieldError};
use crate::registry::model::BodyKind;
use crate::registry::store as registry;

fn invalid(field: &'static str, key: &'static str) -> AppError {
    AppError::Validation(vec![FieldError::new(field, key)])
}

/// Today in Kazakhstan, by the timers' clock (tests move it).
pub fn today(state: &Platform) -> time::Date {
    date_at(state.jobs.now_ms())
}

/// The last day of a window of `rules` opening on `opens`.
fn closes_on(opens: time::Date, rules: Rules) -> String {
    iso(opens.saturating_add(time::Duration::days(rules.window_days.saturating_sub(1))))
}

/// The body's rules: its own, else the defaults of its kind.
pub async fn rules_of(db: &Db, body: i64) -> Result<Rules, AppError> {
    match store::rules(db, body).await? {
        Some(rules) => Ok(rules),
        None => default_rules(db, body).await,
    }
}

/// The rules of a body whose secretariat set none, by its kind.
async fn default_rules(db: &Db, body: i64) -> Result<Rules, AppError> {
    let body = registry::body(db, body).await?.ok_or(AppError::NotFound)?;
    Ok(Rules::default_for(body.kind))
}

/// Only registered people whose address is confirmed file and support: an account costs an attacker a mailbox.
fn participant(user: &SessionUser) -> Result<(), AppError> {
    if user.confirmed { Ok(()) } else { Err(AppError::Conflict("error-address-unconfirmed")) }
}

/// Files a proposal; returns its id.
pub async fn file(state: &Platform, user: &SessionUser, fields: &ProposalIn) -> Result<i64, AppError> {
    file_as(state, user, fields, false).await
}

/// [`file`], marking demo content.
pub async fn file_as(state: &Platform, user: &SessionUser, fields: &ProposalIn, demo: bool) -> Result<i64, AppError> {
    let mut input = fields.check().map_err(AppError::Validation)?;
    let body = registry::body(&state.db, input.body_id).await?.filter(|b| b.archived_at.is_none());
    let Some(body) = body.filter(|b| receives_proposals(b.kind)) else {
        return Err(invalid("body_id", "field-invalid-choice"));
    };
    participant(user)?;
    // A district council or regional assembly hears its own region.
    if body.region_code.is_some() {
        input.region_code = body.region_code.clone();
    }
    if body.kind == BodyKind::PublicConsentCouncil {
        input.district_id = Some(body.id);
    }
    if let Some(district) = input.district_id {
        let d = registry::body(&state.db, district).await?;
        let fits = d.is_some_and(|d| {
            d.kind == BodyKind::PublicConsentCouncil
                && (input.region_code.is_none() || d.region_code == input.region_code)
        });
        if !fits {
            return Err(invalid("district_id", "field-invalid-choice"));
        }
        if input.region_code.is_none() {
            input.region_code = registry::body(&state.db, district).await?.and_then(|d| d.region_code);
        }
    }
    match input.on_behalf {
        OnBehalf::Myself => {}
        OnBehalf::Association => {
            let association = input.association_id.unwrap_or_default();
            if !represents(&state.db, user.id, association).await? {
                return Err(invalid("association_id", "proposal-not-representative"));
            }
        }
        OnBehalf::Body => authz::manage_body(&state.db, user, input.author_body_id.unwrap_or_default()).await?,
    }
    let rules = rules_of(&state.db, body.id).await?;
    let opens = today(state);
    Ok(store::create(&state.db, user.id, &input, rules, &iso(opens), &closes_on(opens, rules), demo).await?)
}

/// Does the login's person hold a live seat for `association` in some body?
async fn represents(db: &Db, user: i64, association: i64) -> Result<bool, AppError> {
    let Some(person) = identity::person_of(db, user).await? else { return Ok(false) };
    let filter =
        crate::registry::store::MembershipFilter { person: Some(person), per_page: Some(500), ..Default::default() };
    let (seats, _) = registry::memberships(db, &filter).await?;
    let today = crate::platform::days::today();
    Ok(seats
        .iter()
        .any(|m| m.association_id == Some(association) && m.term_end.as_deref().is_none_or(|e| *e >= *today)))
}

/// A live proposal, else the conflict of its status.
fn live(status: super::model::ProposalStatus) -> Result<(), AppError> {
    if status.is_live() { Ok(()) } else { Err(AppError::Conflict("error-proposal-not-live")) }
}

/// A counted support: the proposal as it stands with it, and the proposals merged into it.
pub struct Counted {
    pub proposal: Proposal,
    pub merged_from: Vec<i64>,
    /// This support reached the body's threshold and put the proposal in its queue.
    pub queued: bool,
}

/// Supports a live proposal within its window, once per person (counted by the group-commit `writer`).
pub async fn support(
    state: &Platform,
    writer: &super::supports::SupportWriter,
    user: &SessionUser,
    id: i64,
) -> Result<Counted, AppError> {
    // One read before the writer, which also gives the answer: this path takes thousands of supports a second.
    let store::SupportTarget { mut proposal, merged_from, threshold } =
        store::support_target(&state.db, id).await?.ok_or(AppError::NotFound)?;
    live(proposal.status)?;
    if iso(today(state)) > proposal.closes_on {
        return Err(AppError::Conflict("error-proposal-window-closed"));
    }
    participant(user)?;
    match writer.submit(store::Support { proposal: id, user: user.id, threshold }).await? {
        Supported::Already => Err(AppError::Conflict("error-proposal-supported-already")),
        Supported::Counted { supporters, status, queued: false } if status == proposal.status => {
            proposal.supporters = supporters;
            Ok(Counted { proposal, merged_from, queued: false })
        }
        // It entered the queue with this support or another since the read (once per proposal): read it again for
        // its status and time in the queue.
        Supported::Counted { queued, .. } => {
            let proposal = store::proposal(&state.db, id).await?.ok_or(AppError::NotFound)?;
            Ok(Counted { proposal, merged_from, queued })
        }
    }
}

/// Withdraws one's support while the proposal is live.
pub async fn withdraw(state: &Platform, user: &SessionUser, id: i64) -> Result<(), AppError> {
    let p = store::proposal(&state.db, id).await?.ok_or(AppError::NotFound)?;
    live(p.status)?;
    if store::withdraw(&state.db, id, user.id).await? {
        Ok(())
    } else {
        Err(AppError::Conflict("error-proposal-not-supported"))
    }
}

/// The body's step on a live proposal, with its reason; returns the proposal the supporters are now with (the new
/// one above for a forward, the target of a merge, else the same).
pub async fn take_step(state: &Platform, user: &SessionUser, id: i64, fields: &StepIn) -> Result<i64, AppError> {
    let reason = fields.check().map_err(AppError::Validation)?;
    let p = store::proposal(&state.db, id).await?.ok_or(AppError::NotFound)?;
    authz::manage_body(&state.db, user, p.body_id).await?;
    live(p.status)?;
    if let Some(meeting) = fields.meeting_id {
        let held = crate::meetings::store::meeting(&state.db, meeting).await?;
        if held.is_none_or(|m| m.body_id != p.body_id) {
            return Err(invalid("meeting_id", "field-invalid-choice"));
        }
    }
    let decided = Decided {
        actor: Some(user.id),
        proposal: &p,
        status: fields.step.status(),
        reason: &reason,
        meeting_id: fields.meeting_id,
    };
    match fields.step {
        Step::Accept | Step::Reject => {
            store::decide(&state.db, &decided).await?;
            Ok(id)
        }
        Step::Forward => forward(state, &decided).await,
        Step::Merge => {
            let into = fields.into.unwrap_or_default();
            merge(state, &decided, into).await?;
            Ok(into)
        }
    }
}

/// Forwards to the body above. The chain only goes up (district → region → nation), so it cannot return to a body
/// the proposal came through; that is still checked, against the lineage, in case the registry is ever reshaped.
async fn forward(state: &Platform, d: &Decided<'_>) -> Result<i64, AppError> {
    let body = registry::body(&state.db, d.proposal.body_id).await?.ok_or(AppError::NotFound)?;
    let above = match body.parent_id {
        Some(parent) => registry::body(&state.db, parent).await?.filter(|b| b.archived_at.is_none()),
        None => None,
    };
    let Some(above) = above.filter(|b| receives_proposals(b.kind)) else {
        return Err(AppError::Conflict("error-proposal-nowhere-above"));
    };
    let lineage = store::by_ids(&state.db, &store::lineage_ids(&state.db, d.proposal.id).await?).await?;
    if lineage.iter().any(|p| p.body_id == above.id) {
        return Err(AppError::Conflict("error-proposal-forward-circle"));
    }
    let rules = rules_of(&state.db, above.id).await?;
    let opens = today(state);
    Ok(store::forward(&state.db, d, above.id, rules, &iso(opens), &closes_on(opens, rules)).await?)
}

/// Merges into another live proposal of the same body; never into itself or into one that flowed into it.
async fn merge(state: &Platform, d: &Decided<'_>, into: i64) -> Result<(), AppError> {
    if into == d.proposal.id {
        return Err(invalid("into", "error-proposal-merge-itself"));
    }
    let target = store::proposal(&state.db, into).await?.ok_or_else(|| invalid("into", "field-invalid-choice"))?;
    if target.body_id != d.proposal.body_id || !target.status.is_live() {
        return Err(invalid("into", "error-proposal-merge-target"));
    }
    if store::lineage_ids(&state.db, d.proposal.id).await?.contains(&into) {
        return Err(invalid("into", "error-proposal-merge-itself"));
    }
    let rules = rules_of(&state.db, target.body_id).await?;
    Ok(store::merge(&state.db, d, into, rules.threshold).await?)
}

/// Sets a body's threshold and window (for proposals filed from now on).
pub async fn set_rules(state: &Platform, user: &SessionUser, body: i64, fields: &RulesIn) -> Result<Rules, AppError> {
    let rules = fields.check().map_err(AppError::Validation)?;
    let b = registry::body(&state.db, body).await?.ok_or(AppError::NotFound)?;
    authz::manage_body(&state.db, user, body).await?;
    if !receives_proposals(b.kind) {
        return Err(AppError::Conflict("error-proposal-body-kind"));
    }
    let before = rules_of(&state.db, body).await?;
    store::set_rules(&state.db, Some(user.id), body, before, rules).await?;
    Ok(rules)
}

/// Has a live proposal's window for support passed? It stays before its body all the same.
pub fn window_passed(state: &Platform, p: &Proposal) -> bool {
    p.status.is_live() && iso(today(state)) > p.closes_on
}
