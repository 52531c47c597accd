//! Who may change what in the registry, on the platform's body-scoped rules (`platform::identity::authz`). A secretariat's powers cover its body and the bodies under it; for
//! associations, a national body's secretariat covers all of them and a regional assembly's those of its region.
//! Admins may do everything. Members and participants change nothing in the registry.

use crate::platform::db::Db;
use crate::platform::identity::SessionUser;
pub(in crate::registry) use crate::platform::identity::authz::{manage_body, manage_body_under};
use crate::platform::web::AppError;
use crate::registry::input::{AssociationInput, BodyInput, MembershipInput};
use crate::registry::model::{Association, Body, BodyKind, Level, Membership};
use crate::registry::store;

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
        let national = body.region_code.is_none() && matches!(body.kind, BodyKind::NationalSession | BodyKind::Council);
        let regional = body.kind == BodyKind::RegionalAssembly
            && level == Level::Regional
            && body.region_code.as_deref() == region;
        if national || regional {
            return Ok(());
        }
    }
    Err(AppError::Forbidden)
}

fn not_archived(archived_at: &Option<String>) -> Result<(), AppError> {
    if archived_at.is_some() { Err(AppError::Archived) } else { Ok(()) }
}

/// May `user` open `before` for editing? Archived records are not changed.
pub async fn edit_association(db: &Db, user: &SessionUser, before: &Association) -> Result<(), AppError> {
    manage_association(db, user, before.level(), before.region_code.as_deref()).await?;
    not_archived(&before.archived_at)
}

/// May `user` change `before` into `input`? Moving it needs power over its new place too.
pub async fn change_association(
    db: &Db,
    user: &SessionUser,
    before: &Association,
    input: &AssociationInput,
) -> Result<(), AppError> {
    edit_association(db, user, before).await?;
    manage_association(db, user, input.level, input.region_code.as_deref()).await
}

pub async fn edit_body(db: &Db, user: &SessionUser, before: &Body) -> Result<(), AppError> {
    manage_body(db, user, before.id).await?;
    not_archived(&before.archived_at)
}

/// May `user` change `before` into `input`? A body's place, kind and region decide what its secretariat may do,
/// so only whoever covers its parent (before and after) may change them: a secretariat cannot widen its own
/// powers by editing its own body.
pub async fn change_body(db: &Db, user: &SessionUser, before: &Body, input: &BodyInput) -> Result<(), AppError> {
    edit_body(db, user, before).await?;
    let placement_changes =
        input.parent_id != before.parent_id || input.kind != before.kind || input.region_code != before.region_code;
    if placement_changes {
        manage_body_under(db, user, before.parent_id).await?;
        manage_body_under(db, user, input.parent_id).await?;
    }
    Ok(())
}

pub async fn edit_membership(db: &Db, user: &SessionUser, before: &Membership) -> Result<(), AppError> {
    manage_body(db, user, before.body_id).await?;
    not_archived(&before.archived_at)
}

/// May `user` change `before` into `input`? Moving the seat needs power over the new body; renaming the person
/// needs power over every body he sits in, because the name is his, not the seat's.
pub async fn change_membership(
    db: &Db,
    user: &SessionUser,
    before: &Membership,
    input: &MembershipInput,
) -> Result<(), AppError> {
    edit_membership(db, user, before).await?;
    if input.body_id != before.body_id {
        manage_body(db, user, input.body_id).await?;
    }
    if input.person_name != before.person_name {
        cover_person(db, user, before.person_id).await?;
    }
    Ok(())
}

/// May `user` seat a person in `input.body_id`? A new person needs power over the body; an existing one also
/// needs power over every body he already sits in: once seated here, his name (his, not the seat's) would be
/// this secretariat's to change, and his own region's would lose it.
pub async fn create_membership(db: &Db, user: &SessionUser, input: &MembershipInput) -> Result<(), AppError> {
    manage_body(db, user, input.body_id).await?;
    match input.person_id {
        Some(person) => cover_person(db, user, person).await,
        None => Ok(()),
    }
}

/// Does `user` cover every body `person` sits in? Whoever changes what is the person's own (his name) must.
async fn cover_person(db: &Db, user: &SessionUser, person: i64) -> Result<(), AppError> {
    let filter = store::MembershipFilter { person: Some(person), per_page: Some(500), ..Default::default() };
    for seat in store::memberships(db, &filter).await?.0 {
        manage_body(db, user, seat.body_id).await?;
    }
    Ok(())
}

/// May `user` register associations at all (somewhere)? Decides whether the directory offers the form.
pub async fn may_register_associations(db: &Db, user: &SessionUser) -> Result<bool, AppError> {
    if user.roles.is_admin() {
        return Ok(true);
    }
    for body_id in user.roles.secretariat_bodies() {
        if let Some(body) = store::body(db, body_id).await?
            && body.archived_at.is_none()
            && matches!(body.kind, BodyKind::NationalSession | BodyKind::Council | BodyKind::RegionalAssembly)
        {
            return Ok(true);
        }
    }
    Ok(false)
}
