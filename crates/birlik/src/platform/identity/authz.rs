//! Who may act for a body. Bodies are the platform's unit of authority: a secretariat's powers cover its body and
//! every body under it, admins' cover everything, and the secretariat of an archived body has none left. The
//! registry owns the `bodies` table and every write to it; this module only reads the line of a body and its
//! ancestors, so that every capability (consultations, sessions, proposals…) asks the same question the same way.

use crate::platform::db::Db;
use crate::platform::identity::SessionUser;
use crate::platform::web::AppError;
use crate::with_read;

fn allow(allowed: bool) -> Result<(), AppError> {
    if allowed { Ok(()) } else { Err(AppError::Forbidden) }
}

/// A body and its ancestors, nearest first, each with whether it is archived.
async fn line(db: &Db, body: i64) -> sqlx::Result<Vec<(i64, bool)>> {
    with_read!(db, pool => {
        sqlx::query_as(
            "WITH RECURSIVE up (id, parent_id, archived, depth) AS (
                 SELECT id, parent_id, archived_at IS NOT NULL, 0 FROM bodies WHERE id = $1
                 UNION ALL
                 SELECT b.id, b.parent_id, b.archived_at IS NOT NULL, up.depth + 1
                 FROM bodies b JOIN up ON b.id = up.parent_id WHERE up.depth < 64
             )
             SELECT id, archived FROM up ORDER BY depth",
        )
        .bind(body)
        .fetch_all(pool)
        .await
    })
}

/// The ids of a body and its ancestors, nearest first (empty when there is no such body).
pub async fn body_and_ancestors(db: &Db, body: i64) -> sqlx::Result<Vec<i64>> {
    Ok(line(db, body).await?.into_iter().map(|(id, _)| id).collect())
}

/// The ids of a body and every body under it (for a queue that covers them).
pub async fn body_and_descendants(db: &Db, body: i64) -> sqlx::Result<Vec<i64>> {
    with_read!(db, pool => {
        sqlx::query_scalar(
            "WITH RECURSIVE down (id, depth) AS (
                 SELECT id, 0 FROM bodies WHERE id = $1
                 UNION ALL
                 SELECT b.id, down.depth + 1 FROM bodies b JOIN down ON b.parent_id = down.id WHERE down.depth < 64
             )
             SELECT id FROM down",
        )
        .bind(body)
        .fetch_all(pool)
        .await
    })
}

/// The national body at the top of the tree (the Assembly), if the registry has one: it owns what belongs to no
/// body in particular, such as participants' display names.
pub async fn national_body(db: &Db) -> sqlx::Result<Option<i64>> {
    with_read!(db, pool => {
        sqlx::query_scalar("SELECT id FROM bodies WHERE parent_id IS NULL AND archived_at IS NULL ORDER BY id LIMIT 1")
            .fetch_optional(pool).await
    })
}

/// A body's name in `lang` (empty when there is no such body): for facilities that show whose an item is.
pub async fn body_name(db: &Db, body: i64, lang: crate::platform::i18n::Lang) -> sqlx::Result<String> {
    let names: Option<(String, String, String)> = with_read!(db, pool => {
        sqlx::query_as("SELECT name_kk, name_ru, name_en FROM bodies WHERE id = $1").bind(body).fetch_optional(pool).await?
    });
    Ok(names
        .map(|(kk, ru, en)| match lang {
            crate::platform::i18n::Lang::Kk => kk,
            crate::platform::i18n::Lang::Ru => ru,
            crate::platform::i18n::Lang::En => en,
        })
        .unwrap_or_default())
}

/// Is `body` a body that exists and is not archived?
pub async fn live_body(db: &Db, body: i64) -> sqlx::Result<bool> {
    Ok(line(db, body).await?.first().is_some_and(|(_, archived)| !archived))
}

/// The bodies whose live secretariat `user` is.
pub async fn live_secretariats(db: &Db, user: &SessionUser) -> sqlx::Result<Vec<i64>> {
    let mut live = Vec::new();
    for id in user.roles.secretariat_bodies() {
        if live_body(db, id).await? {
            live.push(id);
        }
    }
    Ok(live)
}

/// May `user` act for `body` as its secretariat (edit it, its memberships, the bodies and items under it)?
pub async fn manage_body(db: &Db, user: &SessionUser, body: i64) -> Result<(), AppError> {
    if user.roles.is_admin() {
        return Ok(());
    }
    let secretariats = live_secretariats(db, user).await?;
    if secretariats.is_empty() {
        return Err(AppError::Forbidden);
    }
    let line = body_and_ancestors(db, body).await?;
    allow(line.iter().any(|id| secretariats.contains(id)))
}

/// May `user` create, edit or archive a body under `parent` (or, with `None`, a national root body)?
pub async fn manage_body_under(db: &Db, user: &SessionUser, parent: Option<i64>) -> Result<(), AppError> {
    if user.roles.is_admin() {
        return Ok(());
    }
    match parent {
        None => Err(AppError::Forbidden),
        Some(parent) => manage_body(db, user, parent).await,
    }
}

/// May `user` act as an operator (the audit log, parked jobs, failed deliveries)?
pub fn operate(user: &SessionUser) -> Result<(), AppError> {
    allow(user.roles.is_admin())
}
