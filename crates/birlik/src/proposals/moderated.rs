//! Proposals as a kind of the moderation facility (`platform::moderation`): their body is the one they are before,
//! their author the account that filed them; hiding one takes it out of every list (it is kept, and its author and
//! the body's moderators still open it, marked).

use crate::platform::Platform;
use crate::platform::moderation::{Item, Kind, Visibility};
use crate::platform::web::AppError;

use super::store;

pub fn proposal() -> Kind {
    Kind { find, apply, edit: None }
}

fn find(state: &Platform, id: i64) -> crate::platform::moderation::Found<'_> {
    Box::pin(async move {
        let Some(p) = store::proposal(&state.db, id).await? else { return Ok(None) };
        Ok(Some(Item {
            body_id: p.body_id,
            author_id: Some(p.author_id),
            excerpt: p.heading(crate::platform::i18n::Lang::Kk).chars().take(300).collect(),
            text: {
                let lang = crate::platform::i18n::Lang::Kk;
                format!("{}\n{}", p.heading(lang), p.text.show(lang).map(|s| s.text).unwrap_or_default())
            },
            link: format!("/proposals/{id}"),
            audience: p.supporters,
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
        store::proposal(&state.db, id).await?.ok_or(AppError::NotFound)?;
        Ok(store::set_hidden(&state.db, actor, id, visibility == Visibility::Hidden, reason).await?)
    })
}
