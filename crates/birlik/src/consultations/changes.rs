//! Every change a body's secretariat makes to its consultations, one function each (check, authorize, store with
//! its audit entry and events): the forms call them, and so would an API or the command line. What follows a
//! change (the analyst dropping a moderated statement) is an event handler, registered in [`register`].

use super::input::{ConsultationFields, ModerationFields, TranslationFields};
use super::model::{Phase, Statement, today};
use super::store;
use crate::platform::Platform;
use crate::platform::change::Worker;
use crate::platform::db::now;
use crate::platform::i18n::Lang;
use crate::platform::identity::SessionUser;
use crate::platform::identity::authz;
use crate::platform::validate;
use crate::platform::web::{AppError, FieldError};
use crate::registry::store as registry;

/// Opens a consultation of a body whose secretariat `user` is; returns its id. A refused input is
/// `AppError::Validation`, which the form shows beside its fields.
pub async fn open(state: &Platform, user: &SessionUser, fields: &ConsultationFields) -> Result<i64, AppError> {
    let (input, seeds) = fields.check().map_err(AppError::Validation)?;
    let body = registry::body(&state.db, input.body_id).await?.filter(|b| b.archived_at.is_none());
    if body.is_none() {
        return Err(AppError::Validation(vec![FieldError::new("body_id", "field-invalid-choice")]));
    }
    authz::manage_body(&state.db, user, input.body_id).await?;
    let at = now();
    let seeds: Vec<store::NewStatement> = seeds.iter().map(|text| store::NewStatement::seed(text, &at)).collect();
    Ok(store::create(&state.db, Some(user.id), &input, &seeds).await?)
}

/// Edits a consultation's question, description, dates and settings. Its body and its statements are not part of
/// an edit: the body comes from the stored consultation, seed statements are ignored.
pub async fn edit(state: &Platform, user: &SessionUser, id: i64, fields: &ConsultationFields) -> Result<(), AppError> {
    let before = store::consultation(&state.db, id).await?.ok_or(AppError::NotFound)?;
    authz::manage_body(&state.db, user, before.body_id).await?;
    let fields = ConsultationFields { body_id: before.body_id.to_string(), seeds: String::new(), ..fields.clone() };
    let (input, _) = fields.check().map_err(AppError::Validation)?;
    store::edit(&state.db, user.id, &before, &input).await?;
    Ok(())
}

/// Closes an open consultation now, with the reason shown on its page.
pub async fn close_early(state: &Platform, user: &SessionUser, id: i64, reason: &str) -> Result<(), AppError> {
    let c = store::consultation(&state.db, id).await?.ok_or(AppError::NotFound)?;
    authz::manage_body(&state.db, user, c.body_id).await?;
    if c.phase() != Phase::Open {
        return Err(AppError::Conflict("error-not-open"));
    }
    let reason = validate::line("reason", reason, 2, validate::MAX_LINE).map_err(|e| AppError::Validation(vec![e]))?;
    if !store::close_early(&state.db, user.id, id, &reason, &today()).await? {
        return Err(AppError::Conflict("error-not-open"));
    }
    Ok(())
}

/// A statement, and whether `user` moderates its consultation's body (else `Forbidden`).
pub async fn statement_to_moderate(state: &Platform, user: &SessionUser, id: i64) -> Result<Statement, AppError> {
    let s = store::statement(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let c = store::consultation(&state.db, s.consultation_id).await?.ok_or(AppError::NotFound)?;
    authz::manage_body(&state.db, user, c.body_id).await?;
    Ok(s)
}

/// Publishes or moderates out a statement; the reason is required and logged.
pub async fn moderate(
    state: &Platform,
    user: &SessionUser,
    statement: i64,
    fields: &ModerationFields,
) -> Result<Statement, AppError> {
    use crate::platform::moderation::changes::{Action, DecisionIn, decide};
    let statement = statement_to_moderate(state, user, statement).await?;
    let action = match fields.decision.as_str() {
        "publish" => Action::Approve,
        "reject" => Action::Hide,
        _ => return Err(AppError::Validation(vec![FieldError::new("decision", "field-invalid-choice")])),
    };
    let reason =
        validate::line("reason", &fields.reason, 2, validate::MAX_LINE).map_err(|e| AppError::Validation(vec![e]))?;
    // The one moderation facility decides, logs and tells the author (a rejection names a clause of the policy).
    let input =
        DecisionIn { kind: "statement", item_id: statement.id, action, clause: &fields.clause, note: &reason, days: 0 };
    decide(state, user, &input).await?;
    Ok(statement)
}

/// Adds or replaces a moderator's translation of a statement.
pub async fn translate(
    state: &Platform,
    user: &SessionUser,
    statement: i64,
    fields: &TranslationFields,
) -> Result<Statement, AppError> {
    let statement = statement_to_moderate(state, user, statement).await?;
    let (lang, text): (Lang, String) = fields.check().map_err(AppError::Validation)?;
    store::translate(&state.db, Some(user.id), &statement, lang.code(), &text).await?;
    Ok(statement)
}

/// What follows consultation changes, applied once by the change worker: a moderated statement leaves (or rejoins)
/// the analysis at its next refresh.
pub fn register(worker: &Worker, analyst: std::sync::Arc<super::analysis::Analyst>) {
    worker.on("statement.moderated", move |event| {
        let analyst = analyst.clone();
        async move {
            analyst.touch(event.item_id);
            Ok(())
        }
    });
}
