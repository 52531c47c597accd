//! What a member does on a meeting's page without JavaScript: check in, and vote. Both go through
//! [`super::changes`], like the API; a refusal is a localized error page.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::changes;
use super::input::VoteIn;
use super::model::Choice;
use super::store;
use crate::platform::Platform;
use crate::platform::web::link::IdPath;
use crate::platform::web::{AppError, FieldError, Form, PageCtx};

pub async fn check_in(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    changes::check_in(&state, user, p.id).await?;
    Ok(Redirect::to(&ctx.url(&format!("/meetings/{}", p.id))).into_response())
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct VoteFields {
    pub choice: String,
}

pub async fn vote(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(p): Path<IdPath>,
    Form(fields): Form<VoteFields>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    let choice = match fields.choice.as_str() {
        "for" => Choice::For,
        "against" => Choice::Against,
        "abstain" => Choice::Abstain,
        _ => return Err(AppError::Validation(vec![FieldError::new("choice", "field-invalid-choice")])),
    };
    changes::vote(&state, user, p.id, &VoteIn { choice }).await?;
    let motion = store::motion(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    Ok(Redirect::to(&ctx.url(&format!("/meetings/{}", motion.meeting_id))).into_response())
}
