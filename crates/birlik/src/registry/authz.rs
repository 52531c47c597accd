//! Who may change what in the registry. A secretariat's powers cover its body and the bodies under it; for
//! associations, a national body's secretariat covers all of them and a regional assembly's those of its region.
//! Admins may do everything. Members and participants change nothing in the registry.

use crate::accounts::SessionUser;
use crate::platform::db::Db;
use crate::platform::web::AppError;
use crate::registry::model::{BodyKind, Level};
use crate::registry::store;

fn allow(allowed: bool) -> Result<(), AppError> {
    if allowed { Ok(()) } else { Err(AppError::Forbidden) }
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

/// May `user` edit `body`, its memberships, or the bodies under it?
pub async fn manage_body(db: &Db, user: &SessionUser, body: i64) -> Result<(), AppError> {
    if user.roles.is_admin() {
        return Ok(());
    }
    let secretariats: Vec<i64> = user.roles.secretariat_bodies().collect();
    if secretariats.is_empty() {
        return Err(AppError::Forbidden);
    }
    let line = store::body_and_ancestors(db, body).await?;
    allow(line.iter().any(|id| secretariats.contains(id)))
}

/// May `user` create, edit or archive an association of this level and region?
pub async fn manage_association(
    db: &Db,
    user: &SessionUser,
    level: Level,
    region: Option<&str>,
) -> Result<(), AppError> {
    if user.roles.is_admin() {
        return Ok(());
    }
    for body_id in user.roles.secretariat_bodies() {
        let Some(body) = store::body(db, body_id).await? else { continue };
        if body.archived_at.is_some() {
            continue;
        }
        let national =
            body.region_code.is_none() && matches!(body.kind(), Some(BodyKind::NationalSession | BodyKind::Council));
        let regional = body.kind() == Some(BodyKind::RegionalAssembly)
            && level == Level::Regional
            && body.region_code.as_deref() == region;
        if national || regional {
            return Ok(());
        }
    }
    Err(AppError::Forbidden)
}

/// May `user` register associations at all (somewhere)? Decides whether the directory offers the form.
pub async fn may_register_associations(db: &Db, user: &SessionUser) -> Result<bool, AppError> {
    if user.roles.is_admin() {
        return Ok(true);
    }
    for body_id in user.roles.secretariat_bodies() {
        if let Some(body) = store::body(db, body_id).await?
            && body.archived_at.is_none()
            && matches!(body.kind(), Some(BodyKind::NationalSession | BodyKind::Council | BodyKind::RegionalAssembly))
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// May `user` read the audit log?
pub fn read_audit(user: &SessionUser) -> Result<(), AppError> {
    allow(user.roles.is_admin())
}
