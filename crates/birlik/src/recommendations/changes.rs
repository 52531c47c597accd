//! Every change to recommendations, one function each (check, authorize, store with its audit entry, events and
//! timers): the API calls them, and so do the forms and the demo. The secretariat of a body (or of one above it, or
//! an admin) sends; only a liaison of the addressee acts for it: acknowledges, extends the term, forwards to the
//! right addressee, answers and reports implementation.

use time::Date;

use super::addressees;
use super::deadlines::{Clock, working_days_between};
use super::input::{AnswerIn, ExtendIn, ForwardIn, ReportIn, SendIn};
use super::model::{Recommendation, Status};
use super::reminders::{all_keys, timers};
use super::store::{self, Dates, Sending};
use crate::platform::Platform;
use crate::platform::days::{date_at, iso, parse_iso};
use crate::platform::identity::{SessionUser, authz};
use crate::platform::web::{AppError, FieldError};

fn invalid(field: &'static str, key: &'static str) -> AppError {
    AppError::Validation(vec![FieldError::new(field, key)])
}

/// Today in Kazakhstan, by the timers' clock (tests move it).
pub fn today(state: &Platform) -> Date {
    date_at(state.jobs.now_ms())
}

fn dates(clock: &Clock) -> Dates {
    Dates {
        received_on: iso(clock.received_on),
        due_on: iso(clock.due_on),
        forward_by: iso(clock.forward_by),
        latest_extension_on: iso(clock.latest_extension_on),
    }
}

/// Sends a recommendation to each addressee; returns their ids.
pub async fn send(state: &Platform, user: &SessionUser, fields: &SendIn) -> Result<Vec<i64>, AppError> {
    send_as(state, user, fields, false).await
}

/// [`send`], marking demo content.
pub async fn send_as(state: &Platform, user: &SessionUser, fields: &SendIn, demo: bool) -> Result<Vec<i64>, AppError> {
    let (title, text, addressee_ids) = fields.check().map_err(AppError::Validation)?;
    let body = crate::registry::store::body(&state.db, fields.body_id).await?.filter(|b| b.archived_at.is_none());
    if body.is_none() {
        return Err(invalid("body_id", "field-invalid-choice"));
    }
    authz::manage_body(&state.db, user, fields.body_id).await?;
    for id in &addressee_ids {
        if addressees::get(&state.db, *id).await?.is_none_or(|a| a.archived_at.is_some()) {
            return Err(invalid("addressee_ids", "field-invalid-choice"));
        }
    }
    if let Some(p) = fields.proposal_id {
        let proposal = crate::proposals::store::proposal(&state.db, p).await?;
        let fits = proposal.is_some_and(|p| {
            p.status == crate::proposals::model::ProposalStatus::Accepted && p.body_id == fields.body_id
        });
        if !fits {
            return Err(invalid("proposal_id", "recommendation-proposal-not-accepted"));
        }
    }
    if let Some(d) = fields.decision_id {
        let decision = crate::meetings::store::decision(&state.db, d).await?;
        if decision.is_none_or(|d| d.body_id != fields.body_id) {
            return Err(invalid("decision_id", "field-invalid-choice"));
        }
    }
    let clock = Clock::from_receipt(today(state));
    let sending = Sending {
        body_id: fields.body_id,
        addressees: addressee_ids,
        proposal_id: fields.proposal_id,
        decision_id: fields.decision_id,
        title,
        text,
    };
    let ids = store::send(
        &state.db,
        Some(user.id),
        &sending,
        &dates(&clock),
        |id| timers(state.jobs.now_ms(), id, clock.due_on),
        demo,
    )
    .await?;
    state.jobs.wake();
    Ok(ids)
}

/// The recommendation, if `user` is a liaison of its addressee (else `Forbidden`).
async fn as_liaison(state: &Platform, user: &SessionUser, id: i64) -> Result<Recommendation, AppError> {
    let r = store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if addressees::liaison_of(&state.db, user.id).await? != Some(r.addressee_id) {
        return Err(AppError::Forbidden);
    }
    Ok(r)
}

/// Awaiting an answer, else the conflict of its status.
fn awaiting(r: &Recommendation) -> Result<(), AppError> {
    match r.status {
        Status::Awaiting => Ok(()),
        Status::Answered => Err(AppError::Conflict("error-recommendation-answered")),
        Status::Forwarded | Status::Closed => Err(AppError::Conflict("error-recommendation-closed")),
    }
}

pub async fn acknowledge(state: &Platform, user: &SessionUser, id: i64) -> Result<(), AppError> {
    let r = as_liaison(state, user, id).await?;
    if r.status == Status::Forwarded || r.status == Status::Closed {
        return Err(AppError::Conflict("error-recommendation-closed"));
    }
    if r.acknowledged_at.is_some() {
        return Err(AppError::Conflict("error-recommendation-acknowledged"));
    }
    Ok(store::acknowledge(&state.db, Some(user.id), &r).await?)
}

/// Extends the term, once, before it passes: after the due date and at most two months from receipt.
pub async fn extend(state: &Platform, user: &SessionUser, id: i64, fields: &ExtendIn) -> Result<(), AppError> {
    let (to, reason) = fields.check().map_err(AppError::Validation)?;
    let r = as_liaison(state, user, id).await?;
    awaiting(&r)?;
    if r.extended_to.is_some() {
        return Err(AppError::Conflict("error-recommendation-extended"));
    }
    let today = iso(today(state));
    if today > r.due_on {
        return Err(AppError::Conflict("error-recommendation-overdue"));
    }
    let to_text = iso(to);
    if to_text <= r.due_on || to_text > r.latest_extension_on {
        return Err(invalid("to", "recommendation-extension-out-of-range"));
    }
    store::extend(&state.db, Some(user.id), &r, &to_text, &today, &reason, &timers(state.jobs.now_ms(), r.id, to))
        .await?;
    state.jobs.wake();
    Ok(())
}

/// Forwards to the addressee that can act on it; the new one is received today, with its own clock. Returns its id.
pub async fn forward(state: &Platform, user: &SessionUser, id: i64, fields: &ForwardIn) -> Result<i64, AppError> {
    let reason = crate::platform::validate::text("reason", &fields.reason, super::input::MAX_REASON)
        .map_err(|e| AppError::Validation(vec![e]))?;
    let r = as_liaison(state, user, id).await?;
    awaiting(&r)?;
    let target = addressees::get(&state.db, fields.addressee_id).await?;
    if fields.addressee_id == r.addressee_id || target.is_none_or(|a| a.archived_at.is_some()) {
        return Err(invalid("addressee_id", "field-invalid-choice"));
    }
    let clock = Clock::from_receipt(today(state));
    let new = store::forward(
        &state.db,
        Some(user.id),
        &r,
        (fields.addressee_id, &reason),
        &dates(&clock),
        |new| timers(state.jobs.now_ms(), new, clock.due_on),
        &all_keys(r.id),
    )
    .await?;
    state.jobs.wake();
    Ok(new)
}

pub async fn answer(state: &Platform, user: &SessionUser, id: i64, fields: &AnswerIn) -> Result<(), AppError> {
    let (text, lang) = fields.check().map_err(AppError::Validation)?;
    let r = as_liaison(state, user, id).await?;
    awaiting(&r)?;
    let today = today(state);
    let received = parse_iso(&r.received_on).unwrap_or(today);
    let days = working_days_between(received, today);
    let on = iso(today);
    let answer = store::Answer { text: &text, lang: &lang, on: &on, working_days: days };
    store::answer(&state.db, Some(user.id), &r, &answer, &all_keys(r.id)).await?;
    Ok(())
}

/// Reports implementation of an answered recommendation; implemented or declined closes it.
pub async fn report(state: &Platform, user: &SessionUser, id: i64, fields: &ReportIn) -> Result<(), AppError> {
    let note = fields.check().map_err(AppError::Validation)?;
    let r = as_liaison(state, user, id).await?;
    match r.status {
        Status::Answered => {}
        Status::Awaiting => return Err(AppError::Conflict("error-recommendation-not-answered")),
        Status::Forwarded | Status::Closed => return Err(AppError::Conflict("error-recommendation-closed")),
    }
    Ok(store::report(&state.db, Some(user.id), &r, fields.implementation, note.as_deref()).await?)
}
