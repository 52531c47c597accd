//! The secretariat's forms: create, edit and archive associations, bodies and memberships. A refused form is
//! shown again with each error beside its field, in the reader's language, and nothing is stored.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::platform::Platform;
use crate::platform::i18n::Localized;
use crate::platform::identity::SessionUser;
use crate::platform::web::IdPath;
use crate::platform::web::page::render;
use crate::platform::web::{AppError, Errors, FieldError, Form, PageCtx};
use crate::registry::input::{AssociationFields, BodyFields, MembershipFields};
use crate::registry::model::{BodyKind, Position};
use crate::registry::{Choices, authz, changes, group_choices, region_choices, store};

fn require_secretariat(ctx: &PageCtx) -> Result<&SessionUser, AppError> {
    let user = ctx.require_user()?;
    if user.roles.is_admin() || user.roles.secretariat_bodies().next().is_some() {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

fn refused(page: Result<axum::response::Html<String>, AppError>) -> Result<Response, AppError> {
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page?).into_response())
}

// ---- associations ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "registry/templates/association_form.html")]
struct AssociationForm {
    ctx: PageCtx,
    action: String,
    fields: AssociationFields,
    errors: Errors,
    regions: Choices,
    groups: Choices,
}

impl AssociationForm {
    fn has_group(&self, slug: &str) -> bool {
        self.fields.groups.iter().any(|g| g == slug)
    }
}

fn association_form(
    ctx: PageCtx,
    path: &str,
    fields: AssociationFields,
    errors: Vec<FieldError>,
) -> Result<axum::response::Html<String>, AppError> {
    let (action, errors) = (ctx.url(path), Errors::new(ctx.lang, errors));
    let regions = region_choices(ctx.lang);
    let groups = group_choices(ctx.lang);
    render(&AssociationForm { ctx, action, fields, errors, regions, groups })
}

pub async fn new_association(ctx: PageCtx) -> Result<Response, AppError> {
    require_secretariat(&ctx)?;
    let fields = AssociationFields { level: "regional".into(), ..Default::default() };
    Ok(association_form(ctx, "/associations", fields, Vec::new())?.into_response())
}

pub async fn create_association(
    State(state): State<Platform>,
    ctx: PageCtx,
    Form(fields): Form<AssociationFields>,
) -> Result<Response, AppError> {
    let user = require_secretariat(&ctx)?.clone();
    match changes::create_association(&state, &user, &fields).await {
        Ok(created) => Ok(ctx.see_other(&format!("/associations/{}", created.id))),
        Err(AppError::Validation(errors)) => refused(association_form(ctx, "/associations", fields, errors)),
        Err(e) => Err(e),
    }
}

pub async fn edit_association(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let a = store::association(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    authz::edit_association(&state.db, user, &a).await?;
    let fields = AssociationFields {
        level: a.level.code().to_owned(),
        region_code: a.region_code.clone().unwrap_or_default(),
        name_kk: a.name_kk.clone(),
        name_ru: a.name_ru.clone(),
        name_en: a.name_en.clone(),
        founded_year: a.founded_year.map(|y| y.to_string()).unwrap_or_default(),
        website: a.website.clone().unwrap_or_default(),
        groups: a.groups.clone(),
    };
    Ok(association_form(ctx, &format!("/associations/{}/edit", a.id), fields, Vec::new())?.into_response())
}

pub async fn update_association(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<AssociationFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let before = store::association(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    match changes::update_association(&state, &user, &before, &fields).await {
        Ok(after) => Ok(ctx.see_other(&format!("/associations/{}", after.id))),
        Err(AppError::Validation(errors)) => {
            refused(association_form(ctx, &format!("/associations/{}/edit", before.id), fields, errors))
        }
        Err(e) => Err(e),
    }
}

pub async fn archive_association(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let before = store::association(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    changes::archive_association(&state, &user, &before).await?;
    Ok(ctx.see_other(&format!("/associations/{}", before.id)))
}

// ---- bodies ---------------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "registry/templates/body_form.html")]
struct BodyForm {
    ctx: PageCtx,
    action: String,
    fields: BodyFields,
    errors: Errors,
    regions: Choices,
    parents: Choices,
    kinds: Choices,
}

async fn body_form(
    state: &Platform,
    ctx: PageCtx,
    path: &str,
    fields: BodyFields,
    errors: Vec<FieldError>,
) -> Result<axum::response::Html<String>, AppError> {
    let (action, errors) = (ctx.url(path), Errors::new(ctx.lang, errors));
    let regions = region_choices(ctx.lang);
    let all = store::bodies(&state.db, false).await?;
    let parents = crate::registry::pages::tree_order(&all)
        .into_iter()
        .map(|(depth, b)| (b.id.to_string(), format!("{}{}", "· ".repeat(depth), b.name(ctx.lang))))
        .collect();
    let kinds = BodyKind::ALL.iter().map(|k| (k.code().to_owned(), ctx.t(&k.label_key()))).collect();
    render(&BodyForm { ctx, action, fields, errors, regions, parents, kinds })
}

#[derive(Deserialize)]
pub struct NewBodyQuery {
    parent: Option<i64>,
}

pub async fn new_body(
    State(state): State<Platform>,
    ctx: PageCtx,
    Query(q): Query<NewBodyQuery>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    authz::manage_body_under(&state.db, user, q.parent).await?;
    let parent = match q.parent {
        Some(id) => Some(store::body(&state.db, id).await?.ok_or(AppError::NotFound)?),
        None => None,
    };
    let fields = BodyFields {
        parent_id: q.parent.map(|p| p.to_string()).unwrap_or_default(),
        region_code: parent.and_then(|p| p.region_code).unwrap_or_default(),
        kind: BodyKind::PublicConsentCouncil.code().into(),
        ..Default::default()
    };
    Ok(body_form(&state, ctx, "/bodies", fields, Vec::new()).await?.into_response())
}

pub async fn create_body(
    State(state): State<Platform>,
    ctx: PageCtx,
    Form(fields): Form<BodyFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    match changes::create_body(&state, &user, &fields).await {
        Ok(body) => Ok(ctx.see_other(&format!("/bodies/{}", body.id))),
        Err(AppError::Validation(errors)) => refused(body_form(&state, ctx, "/bodies", fields, errors).await),
        Err(e) => Err(e),
    }
}

pub async fn edit_body(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let b = store::body(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    authz::edit_body(&state.db, user, &b).await?;
    let fields = BodyFields {
        parent_id: b.parent_id.map(|p| p.to_string()).unwrap_or_default(),
        kind: b.kind.code().to_owned(),
        region_code: b.region_code.clone().unwrap_or_default(),
        name_kk: b.name_kk.clone(),
        name_ru: b.name_ru.clone(),
        name_en: b.name_en.clone(),
    };
    Ok(body_form(&state, ctx, &format!("/bodies/{}/edit", b.id), fields, Vec::new()).await?.into_response())
}

pub async fn update_body(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<BodyFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let before = store::body(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    match changes::update_body(&state, &user, &before, &fields).await {
        Ok(after) => Ok(ctx.see_other(&format!("/bodies/{}", after.id))),
        Err(AppError::Validation(errors)) => {
            refused(body_form(&state, ctx, &format!("/bodies/{}/edit", before.id), fields, errors).await)
        }
        Err(e) => Err(e),
    }
}

pub async fn archive_body(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let before = store::body(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    changes::archive_body(&state, &user, &before).await?;
    Ok(ctx.see_other(&format!("/bodies/{}", before.id)))
}

// ---- memberships ----------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "registry/templates/membership_form.html")]
struct MembershipForm {
    ctx: PageCtx,
    action: String,
    body_name: String,
    fields: MembershipFields,
    errors: Errors,
    positions: Choices,
    associations: Choices,
}

async fn membership_form(
    state: &Platform,
    ctx: PageCtx,
    path: &str,
    fields: MembershipFields,
    errors: Vec<FieldError>,
) -> Result<axum::response::Html<String>, AppError> {
    let (action, errors) = (ctx.url(path), Errors::new(ctx.lang, errors));
    let body_id: i64 = fields.body_id.parse().unwrap_or_default();
    let body = store::body(&state.db, body_id).await?.ok_or(AppError::NotFound)?;
    let positions = Position::ALL.iter().map(|p| (p.code().to_owned(), ctx.t(&p.label_key()))).collect();
    // Members of a regional body usually represent an association of the region, those of a national body any
    // association; the one already chosen is always offered, so saving never drops it unseen.
    let mut associations: Vec<_> = store::all_associations(&state.db)
        .await?
        .into_iter()
        .filter(|a| {
            let current = fields.association_id == a.id.to_string();
            current || (a.archived_at.is_none() && (body.region_code.is_none() || a.region_code == body.region_code))
        })
        .collect();
    associations.sort_by(|a, b| ctx.lang.compare(a.name(ctx.lang), b.name(ctx.lang)));
    let associations = associations.iter().map(|a| (a.id.to_string(), a.name(ctx.lang).to_owned())).collect();
    let body_name = body.name(ctx.lang).to_owned();
    render(&MembershipForm { ctx, action, body_name, fields, errors, positions, associations })
}

pub async fn new_membership(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    authz::manage_body(&state.db, user, p.id).await?;
    let fields = MembershipFields { body_id: p.id.to_string(), position: "member".into(), ..Default::default() };
    Ok(membership_form(&state, ctx, &format!("/bodies/{}/members/new", p.id), fields, Vec::new())
        .await?
        .into_response())
}

pub async fn create_membership(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(mut fields): Form<MembershipFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    authz::manage_body(&state.db, &user, p.id).await?;
    // The body is the one in the address, and the form seats a new person, whatever the request says.
    fields.body_id = p.id.to_string();
    fields.person_id.clear();
    match changes::create_membership(&state, &user, &fields).await {
        Ok(_) => Ok(ctx.see_other(&format!("/bodies/{}", p.id))),
        Err(AppError::Validation(errors)) => {
            refused(membership_form(&state, ctx, &format!("/bodies/{}/members/new", p.id), fields, errors).await)
        }
        Err(e) => Err(e),
    }
}

pub async fn edit_membership(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let m = store::membership(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    authz::edit_membership(&state.db, user, &m).await?;
    let fields = MembershipFields {
        body_id: m.body_id.to_string(),
        person_id: m.person_id.to_string(),
        person_name: m.person_name.clone(),
        association_id: m.association_id.map(|a| a.to_string()).unwrap_or_default(),
        position: m.position.code().to_owned(),
        term_start: m.term_start.clone(),
        term_end: m.term_end.clone().unwrap_or_default(),
    };
    Ok(membership_form(&state, ctx, &format!("/memberships/{}/edit", m.id), fields, Vec::new()).await?.into_response())
}

pub async fn update_membership(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(mut fields): Form<MembershipFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let before = store::membership(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    // The form changes a seat in place: it has no body field.
    fields.body_id = before.body_id.to_string();
    match changes::update_membership(&state, &user, &before, &fields).await {
        Ok(after) => Ok(ctx.see_other(&format!("/bodies/{}", after.body_id))),
        Err(AppError::Validation(errors)) => {
            refused(membership_form(&state, ctx, &format!("/memberships/{}/edit", before.id), fields, errors).await)
        }
        Err(e) => Err(e),
    }
}

pub async fn archive_membership(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let before = store::membership(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    changes::archive_membership(&state, &user, &before).await?;
    Ok(ctx.see_other(&format!("/bodies/{}", before.body_id)))
}
