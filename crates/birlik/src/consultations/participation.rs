//! Taking part, whatever the door (page, htmx or API): casting a vote, adding a statement, answering the optional
//! questions, and where a participant stands. Every refusal is a typed error that the interface translates.

use super::known::Current;
use super::model::{
    Answers, Choice, Consultation, Moderation, Phase, Statement, Status, initial_priority, language_of,
};
use super::votes::{Ballot, now_ms};
use super::{Runtime, STATEMENTS_PER_HOUR, Who, input, routing, store};
use crate::platform::Platform;
use crate::platform::db::now;
use crate::platform::validate;
use crate::platform::web::{AppError, FieldError};

fn require_open(c: &Consultation) -> Result<(), AppError> {
    if c.phase() == Phase::Open { Ok(()) } else { Err(AppError::Conflict("error-not-open")) }
}

/// The participant behind `who`, created on his first action (newcomers are limited per address).
async fn join(state: &Platform, runtime: &Runtime, consultation: i64, who: &Who) -> Result<i64, AppError> {
    if let Some(id) = runtime.known.participant(consultation, &who.identity) {
        return Ok(id);
    }
    let id = match store::participant(&state.db, consultation, &who.identity).await? {
        Some(id) => id,
        None if !runtime.limits.joins.allow(who.address.clone()) => return Err(AppError::RateLimited),
        None => runtime.votes.join(consultation, &who.identity).await?,
    };
    runtime.known.remember(consultation, &who.identity, id);
    Ok(id)
}

pub fn unknown_statement() -> AppError {
    AppError::Validation(vec![FieldError::new("statement", "vote-unknown-statement")])
}

/// Stores a vote (the last one on a statement counts) and returns the participant's id once it is committed.
/// Reads nothing from the database on the way (see [`super::known`]).
pub async fn vote(
    state: &Platform,
    runtime: &Runtime,
    current: &Current,
    who: &Who,
    statement: i64,
    choice: Choice,
) -> Result<i64, AppError> {
    let c = &current.consultation;
    require_open(c)?;
    if !current.published.contains(&statement) {
        return Err(unknown_statement());
    }
    let participant = join(state, runtime, c.id, who).await?;
    if !runtime.limits.votes.allow(participant) {
        return Err(AppError::RateLimited);
    }
    let ballot = Ballot { consultation: c.id, participant, statement, value: choice.value(), at: now_ms() };
    runtime.votes.cast(ballot).await?;
    Ok(participant)
}

/// What became of a statement a participant submitted.
pub enum Added {
    /// Stored; published at once or waiting for a moderator.
    Stored(Status),
    /// Not stored: it resembles this statement; the participant may confirm it.
    NearDuplicate(Statement),
}

/// Adds a participant's statement: checked, limited per hour, compared with the statements already there.
pub async fn add_statement(
    state: &Platform,
    runtime: &Runtime,
    c: &Consultation,
    who: &Who,
    fields: &input::StatementFields,
) -> Result<Added, AppError> {
    require_open(c)?;
    // A participant suspended by the moderators of the body (or of one above it) writes nothing there meanwhile.
    if let Some(user) = who.identity.strip_prefix("u:").and_then(|id| id.parse::<i64>().ok())
        && !crate::platform::moderation::changes::may_write(state, user, c.body_id).await?
    {
        return Err(AppError::Conflict("error-suspended"));
    }
    let text = validate::text("text", &fields.text, input::MAX_STATEMENT).map_err(|e| AppError::Validation(vec![e]))?;
    let confirmed = fields.confirm.as_deref().is_some_and(|v| !v.is_empty());
    if !confirmed {
        // Only published statements: pending ones are not for other participants' eyes.
        let existing = store::statements(&state.db, c.id, Some(Status::Published)).await?;
        if let Some(id) = routing::near_duplicate(&text, existing.iter().map(|s| (s.id, s.text.as_str()))) {
            let similar = existing.into_iter().find(|s| s.id == id).ok_or(AppError::NotFound)?;
            return Ok(Added::NearDuplicate(similar));
        }
    }
    let participant = join(state, runtime, c.id, who).await?;
    let hour_ago = (time::OffsetDateTime::now_utc() - time::Duration::hours(1))
        .format(&time::format_description::well_known::Rfc3339)
        .map_err(|e| AppError::Internal(e.into()))?;
    if store::statements_by_author_since(&state.db, participant, &hour_ago).await? >= STATEMENTS_PER_HOUR
        || !runtime.limits.statements.allow(who.address.clone())
    {
        return Err(AppError::RateLimited);
    }
    let status = match c.moderation {
        Moderation::Publish => Status::Published,
        Moderation::Approve => Status::Pending,
    };
    let at = now();
    let new = store::NewStatement {
        text: &text,
        lang: language_of(&text),
        author: Some(participant),
        seed: false,
        is_meta: false,
        status,
        priority: initial_priority(false),
        external_id: None,
        created_at: &at,
    };
    let id = store::add_statement(&state.db, c.id, &new).await?;
    if status == Status::Pending {
        // Pre-moderation: it waits in the body's queue of the moderation facility.
        crate::platform::moderation::changes::hold(state, "statement", id).await?;
    }
    // The body's lexicons flag it for the moderators (a flag never hides it by itself).
    crate::platform::moderation::changes::screen(state, "statement", id, &text).await?;
    Ok(Added::Stored(status))
}

/// Stores the optional answers (each may be left out).
pub async fn answer(
    state: &Platform,
    runtime: &Runtime,
    c: &Consultation,
    who: &Who,
    answers: &Answers,
) -> Result<(), AppError> {
    require_open(c)?;
    let answers = Answers {
        region_code: answers.region_code.clone().filter(|_| c.ask_region),
        ethnic_group: answers.ethnic_group.clone().filter(|_| c.ask_ethnic_group),
        language: answers.language.clone().filter(|_| c.ask_language),
    };
    let participant = join(state, runtime, c.id, who).await?;
    store::set_answers(&state.db, participant, &answers).await?;
    // The unity table reads the answers at the next refresh.
    runtime.analyst.touch([c.id]);
    Ok(())
}

/// Where a participant stands: the published statements, his current votes, the next statement.
pub struct Standing {
    pub statements: Vec<Statement>,
    /// (statement, current vote) in the order cast.
    pub votes: Vec<(i64, Choice)>,
    pub next: Option<i64>,
    pub participant: Option<i64>,
}

impl Standing {
    pub fn voted(&self) -> i64 {
        self.votes.iter().filter(|(s, _)| self.statements.iter().any(|x| x.id == *s)).count() as i64
    }

    pub fn total(&self) -> i64 {
        self.statements.len() as i64
    }

    pub fn statement(&self, id: i64) -> Option<&Statement> {
        self.statements.iter().find(|s| s.id == id)
    }
}

pub async fn standing(state: &Platform, c: &Consultation, who: &Who) -> Result<Standing, AppError> {
    let statements = store::statements(&state.db, c.id, Some(Status::Published)).await?;
    let participant = store::participant(&state.db, c.id, &who.identity).await?;
    let votes: Vec<(i64, Choice)> = match participant {
        Some(p) => store::votes_of(&state.db, p).await?.into_iter().map(|(s, v)| (s, Choice::from_value(v))).collect(),
        None => Vec::new(),
    };
    let candidates: Vec<(i64, f64)> =
        statements.iter().filter(|s| !votes.iter().any(|(v, _)| *v == s.id)).map(|s| (s.id, s.priority)).collect();
    let next = routing::next(&candidates, &mut rand::rng());
    Ok(Standing { statements, votes, next, participant })
}
