//! Consultation statements as a kind of the moderation facility (`platform::moderation`): their body is the
//! consultation's, their author the account behind the participant (none for a device participant), and hiding
//! one is what the consultation's own queue does — moderated out, kept with its votes, out of voting and of the
//! analysis — so a reversal on appeal brings it back everywhere, the analysis included.

use crate::platform::Platform;
use crate::platform::moderation::{Item, Kind, Visibility};
use crate::platform::web::AppError;

use super::model::Status;
use super::store;

pub fn statement() -> Kind {
    Kind { find, apply }
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
            link: format!("/consultations/{}", c.id),
            audience: store::participant_count(&state.db, c.id).await?,
        }))
    })
}

fn apply<'a>(
    state: &'a Platform,
    id: i64,
    visibility: Visibility,
    actor: i64,
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
