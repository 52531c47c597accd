//! Participants' display names as a kind of the moderation facility (`platform::moderation`). A name is seen by
//! those a participant works with (mediators, secretariats, letters), so it is screened like anything written; the
//! national body's moderators own names. Hiding one shows a neutral name (`#` and the account's number) in its
//! place everywhere and keeps the chosen one; an owner asked to edit chooses another, which is shown once a
//! moderator approves it.

use crate::platform::Platform;
use crate::platform::audit::Change;
use crate::platform::db::now;
use crate::platform::moderation::{Applied, Found, Item, Kind, Visibility};
use crate::platform::web::AppError;
use crate::{audit, with_read, with_write};
use serde_json::json;

/// The kind's name.
pub const KIND: &str = "display_name";

pub fn display_name() -> Kind {
    Kind { find, apply, edit: Some(edit) }
}

/// The name shown in place of a hidden one.
pub fn neutral(user: i64) -> String {
    format!("#{user}")
}

/// (name shown, name held while hidden).
async fn names(state: &Platform, user: i64) -> Result<Option<(String, Option<String>)>, AppError> {
    Ok(with_read!(&state.db, pool => {
        sqlx::query_as("SELECT display_name, display_name_held FROM users WHERE id = $1").bind(user).fetch_optional(pool).await?
    }))
}

fn find(state: &Platform, id: i64) -> Found<'_> {
    Box::pin(async move {
        let Some((shown, held)) = names(state, id).await? else { return Ok(None) };
        let Some(body) = crate::platform::identity::authz::national_body(&state.db).await? else { return Ok(None) };
        let text = held.unwrap_or(shown);
        Ok(Some(Item {
            body_id: body,
            author_id: Some(id),
            excerpt: text.clone(),
            text,
            link: String::new(),
            audience: 0,
        }))
    })
}

/// Sets (shown, held) and audits the change.
pub(super) async fn set(
    state: &Platform,
    user: i64,
    actor: Option<i64>,
    shown: &str,
    held: Option<&str>,
    why: &'static str,
) -> Result<(), AppError> {
    let at = now();
    with_write!(&state.db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE users SET display_name = $1, display_name_held = $2 WHERE id = $3")
            .bind(shown).bind(held).bind(user).execute(&mut *tx).await?;
        audit!(tx, &Change { actor, action: why, entity: "user", entity_id: user.to_string(), before: None,
            after: Some(json!({ "display_name": shown, "held": held.is_some() })), at: &at })?;
        tx.commit().await?;
    });
    Ok(())
}

fn apply<'a>(
    state: &'a Platform,
    id: i64,
    visibility: Visibility,
    actor: Option<i64>,
    _reason: &'a str,
) -> Applied<'a> {
    Box::pin(async move {
        let (shown, held) = names(state, id).await?.ok_or(AppError::NotFound)?;
        match (visibility, held) {
            (Visibility::Hidden, None) => set(state, id, actor, &neutral(id), Some(&shown), "hide_name").await,
            (Visibility::Shown, Some(held)) => set(state, id, actor, &held, None, "show_name").await,
            // Already as asked.
            _ => Ok(()),
        }
    })
}

fn edit<'a>(state: &'a Platform, id: i64, actor: i64, text: &'a str) -> Applied<'a> {
    Box::pin(async move {
        let name =
            crate::platform::validate::line("display_name", text, 2, 100).map_err(|e| AppError::Validation(vec![e]))?;
        set(state, id, Some(actor), &neutral(id), Some(&name), "edit_name").await
    })
}

/// Is the participant's name hidden by moderation now?
pub async fn hidden(state: &Platform, user: i64) -> Result<bool, AppError> {
    Ok(names(state, user).await?.is_some_and(|(_, held)| held.is_some()))
}
