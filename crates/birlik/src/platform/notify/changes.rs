//! Every change a person makes to what he is told, one function per action (check, authorize, store), used by the
//! pages (and any later API): follow or stop following an item, open a notice (read), read all, choose how each
//! kind comes by e-mail, unsubscribe from a mail's link. These are a person's own preferences, not records of the
//! Assembly: they leave no audit entry and no event.

use crate::platform::Platform;
use crate::platform::change::Scope;
use crate::platform::i18n::Lang;
use crate::platform::identity::SessionUser;
use crate::platform::notify::mail::{self, DIGEST_KIND};
use crate::platform::notify::store::{self, Stored};
use crate::platform::notify::{Delivery, Followed};
use crate::platform::web::AppError;

/// How a person reads, kept for what is sent to him when he is not reading.
#[derive(Clone, Copy, Debug)]
pub struct Reading {
    pub lang: Lang,
    pub latin: bool,
}

/// Follows a public item (`area`, `item`); an area nobody made followable, or a missing item, is not found.
pub async fn follow(
    state: &Platform,
    user: &SessionUser,
    area: &str,
    item: i64,
    reading: Reading,
) -> Result<Followed, AppError> {
    let (area, followed) = state.notify.followed(area, item).await?.ok_or(AppError::NotFound)?;
    store::follow(&state.db, user.id, Scope::item(area, item)).await?;
    store::remember_language(&state.db, user.id, reading.lang.code(), reading.latin).await?;
    Ok(followed)
}

/// Stops following an item.
pub async fn unfollow(state: &Platform, user: &SessionUser, area: &str, item: i64) -> Result<Followed, AppError> {
    let (area, followed) = state.notify.followed(area, item).await?.ok_or(AppError::NotFound)?;
    store::unfollow(&state.db, user.id, area, item).await?;
    Ok(followed)
}

/// Opens one of the person's own notices, which is then read; another person's is not found.
pub async fn open(state: &Platform, user: &SessionUser, id: i64) -> Result<Stored, AppError> {
    let notice = store::notice(&state.db, id).await?.filter(|n| n.user_id == user.id).ok_or(AppError::NotFound)?;
    store::mark_read(&state.db, user.id, Some(notice.id)).await?;
    Ok(notice)
}

/// Marks every notice of the person read.
pub async fn read_all(state: &Platform, user: &SessionUser) -> Result<(), AppError> {
    store::mark_read(&state.db, user.id, None).await?;
    Ok(())
}

/// Sets how each named kind comes by e-mail; fields that name no kind are ignored, an unknown delivery refuses the
/// whole form (nothing is stored).
pub async fn set_deliveries(
    state: &Platform,
    user: &SessionUser,
    fields: &[(String, String)],
    reading: Reading,
) -> Result<(), AppError> {
    let kinds = state.notify.kinds();
    let mut chosen = Vec::new();
    for (name, value) in fields {
        let Some(kind) = kinds.iter().find(|k| **k == name) else { continue };
        let delivery = Delivery::from_code(value).ok_or_else(|| AppError::BadRequest(name.clone()))?;
        chosen.push((*kind, delivery));
    }
    for (kind, delivery) in chosen {
        store::set_delivery(&state.db, user.id, kind, delivery).await?;
    }
    store::remember_language(&state.db, user.id, reading.lang.code(), reading.latin).await?;
    Ok(())
}

/// What an unsubscribe link stops, once its token is checked: its own kind, or for the digest every kind the
/// person gets in it; with the name of what it stops (a kind, or [`DIGEST_KIND`]). A wrong token is not found.
pub async fn unsubscribing(
    state: &Platform,
    user: i64,
    kind: &str,
    token: &str,
) -> Result<(Vec<&'static str>, String), AppError> {
    let to = store::addressee(&state.db, user).await?.ok_or(AppError::NotFound)?;
    let key = to.mail_key.ok_or(AppError::NotFound)?;
    if !mail::same_token(token, &mail::unsubscribe_token(&key, user, kind)) {
        return Err(AppError::NotFound);
    }
    let kinds = state.notify.kinds();
    if kind == DIGEST_KIND {
        let daily = store::settings(&state.db, user).await?;
        let kinds = kinds.into_iter().filter(|k| daily.iter().any(|(d, v)| d == k && *v == Delivery::Daily)).collect();
        return Ok((kinds, DIGEST_KIND.to_owned()));
    }
    let kind = kinds.into_iter().find(|k| *k == kind).ok_or(AppError::NotFound)?;
    Ok((vec![kind], kind.to_owned()))
}

/// Stops the e-mails an unsubscribe link names (no login: the token is the person's own); returns what it stopped.
pub async fn unsubscribe(state: &Platform, user: i64, kind: &str, token: &str) -> Result<String, AppError> {
    let (kinds, name) = unsubscribing(state, user, kind, token).await?;
    for k in kinds {
        store::set_delivery(&state.db, user, k, Delivery::Never).await?;
    }
    Ok(name)
}
