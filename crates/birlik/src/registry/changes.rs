//! Every change to the registry, one function each, called alike by the secretariat's forms and by the JSON API:
//! check the input, authorize, store with its audit entry and events (every server's search index follows the
//! events, `registry::register`). A refused input is `AppError::Validation`, which a form shows beside its fields
//! and the API returns as JSON.

use crate::platform::Platform;
use crate::platform::identity::SessionUser;
use crate::platform::web::AppError;
use crate::registry::input::{self, AssociationFields, BodyFields, MembershipFields, Refs};
use crate::registry::model::{Association, Body, Membership};
use crate::registry::{authz, store};

pub async fn create_association(
    state: &Platform,
    user: &SessionUser,
    fields: &AssociationFields,
) -> Result<Association, AppError> {
    let refs = Refs::load(&state.db).await?;
    let input = input::check_association(fields, &refs).map_err(AppError::Validation)?;
    authz::manage_association(&state.db, user, input.level, input.region_code.as_deref()).await?;
    let mut created = store::create_associations(&state.db, Some(user.id), std::slice::from_ref(&input)).await?;
    let association = created.remove(0);
    Ok(association)
}

pub async fn update_association(
    state: &Platform,
    user: &SessionUser,
    before: &Association,
    fields: &AssociationFields,
) -> Result<Association, AppError> {
    authz::edit_association(&state.db, user, before).await?;
    let refs = Refs::load(&state.db).await?;
    let input = input::check_association(fields, &refs).map_err(AppError::Validation)?;
    authz::change_association(&state.db, user, before, &input).await?;
    let after = store::update_association(&state.db, Some(user.id), before, &input).await?;
    Ok(after)
}

/// Archives an association; archiving an archived one changes nothing.
pub async fn archive_association(state: &Platform, user: &SessionUser, before: &Association) -> Result<(), AppError> {
    authz::manage_association(&state.db, user, before.level(), before.region_code.as_deref()).await?;
    if before.archived_at.is_none() {
        store::archive_association(&state.db, Some(user.id), before).await?;
    }
    Ok(())
}

pub async fn create_body(state: &Platform, user: &SessionUser, fields: &BodyFields) -> Result<Body, AppError> {
    let refs = Refs::load(&state.db).await?;
    let input = input::check_body(fields, &refs, None).map_err(AppError::Validation)?;
    authz::manage_body_under(&state.db, user, input.parent_id).await?;
    let body = store::create_body(&state.db, Some(user.id), &input).await?;
    Ok(body)
}

pub async fn update_body(
    state: &Platform,
    user: &SessionUser,
    before: &Body,
    fields: &BodyFields,
) -> Result<Body, AppError> {
    authz::edit_body(&state.db, user, before).await?;
    let refs = Refs::load(&state.db).await?;
    let input = input::check_body(fields, &refs, Some(before.id)).map_err(AppError::Validation)?;
    authz::change_body(&state.db, user, before, &input).await?;
    let after = store::update_body(&state.db, Some(user.id), before, &input).await?;
    Ok(after)
}

pub async fn archive_body(state: &Platform, user: &SessionUser, before: &Body) -> Result<(), AppError> {
    authz::manage_body(&state.db, user, before.id).await?;
    if before.archived_at.is_none() {
        store::archive_body(&state.db, Some(user.id), before).await?;
    }
    Ok(())
}

/// Seats a person in a body: a new person by name, or (through the API) an existing one by `person_id`.
pub async fn create_membership(
    state: &Platform,
    user: &SessionUser,
    fields: &MembershipFields,
) -> Result<Membership, AppError> {
    let refs = Refs::load(&state.db).await?;
    let persons = store::person_ids(&state.db).await?;
    let input = input::check_membership(fields, &refs, &persons).map_err(AppError::Validation)?;
    authz::create_membership(&state.db, user, &input).await?;
    let mut created = store::create_memberships(&state.db, Some(user.id), std::slice::from_ref(&input)).await?;
    let membership = created.remove(0);
    Ok(membership)
}

/// Changes a seat (body, position, term, association) and the name of its person; the seat stays his.
pub async fn update_membership(
    state: &Platform,
    user: &SessionUser,
    before: &Membership,
    fields: &MembershipFields,
) -> Result<Membership, AppError> {
    authz::edit_membership(&state.db, user, before).await?;
    let fields = MembershipFields { person_id: before.person_id.to_string(), ..fields.clone() };
    let refs = Refs::load(&state.db).await?;
    let persons = store::person_ids(&state.db).await?;
    let input = input::check_membership(&fields, &refs, &persons).map_err(AppError::Validation)?;
    authz::change_membership(&state.db, user, before, &input).await?;
    let after = store::update_membership(&state.db, Some(user.id), before, &input).await?;
    Ok(after)
}

pub async fn archive_membership(state: &Platform, user: &SessionUser, before: &Membership) -> Result<(), AppError> {
    authz::manage_body(&state.db, user, before.body_id).await?;
    if before.archived_at.is_none() {
        store::archive_membership(&state.db, Some(user.id), before).await?;
    }
    Ok(())
}
