//! Consultation statements as a kind of the moderation facility (`platform::moderation`): their body is the
//! consultation's, their author the account behind the participant (none for a device participant), and hiding
//! one is what the consultation's own queue does — moderated out, kept with its votes, out of voting and of the
//! analysis — so a reversal on appeal brings it back everywhere, the analysis included. Its author, asked to edit,
//! rewrites it under the same rules as a new statement; it stays out of voting until a moderator approves it.

use crate::platform::Platform;
use crate::platform::moderation::{Item, Kind, Visibility};
use crate::platform::web::AppError;

use super::model::Status;
use super::store;

pub fn statement() -> Kind {
    Kind { find, apply, edit: Some(edit) }
}

fn find(state: &Platform, id: i64) -> crate::platform::moderation::Found<'_> {
    Box::pin(async move {
        let Some(s) = store::statement(&state.db, id).await? else { return Ok(None) };
        let Some(c) = store::consultation(&state.db, s.consultation_id).await? else { return Ok(None) };
        let author = store::statement_author_account(&state.db, id).await?;
        Ok(Some(Item {
            body_id: c.body_id,
            author_id: author,
            excerpt: s.text.chars().take(300).collect(),
            text: s.text,
            link: format!("/consultations/{}", c.id),
            audience: store::participant_count(&state.db, c.id).await?,
        }))
    })
}

fn apply<'a>(
    state: &'a Platform,
    id: i64,
    visibility: Visibility,
    actor: Option<i64>,
    reason: &'a str,
) -> crate::platform::moderation::Applied<'a> {
    Box::pin(async move {
        let s = store::statement(&state.db, id).await?.ok_or(AppError::NotFound)?;
        let status = match visibility {
            Visibility::Shown => Status::Published,
            Visibility::Hidden => Status::Rejected,
        };
        if s.status != status {
            store::moderate(&state.db, actor, &s, status, reason).await?;
        }
        Ok(())
    })
}

fn edit<'a>(state: &'a Platform, id: i64, actor: i64, text: &'a str) -> crate::platform::moderation::Applied<'a> {
    Box::pin(async move {
        let text = crate::platform::validate::text("text", text, super::input::MAX_STATEMENT)
            .map_err(|e| AppError::Validation(vec![e]))?;
        let s = store::statement(&state.db, id).await?.ok_or(AppError::NotFound)?;
        store::edit_statement(&state.db, actor, &s, &text, super::model::language_of(&text)).await?;
        Ok(())
    })
}
