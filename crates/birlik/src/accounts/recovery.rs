//! The way back into an account by e-mail: asking for a password reset link (`/{lang}/password/reset`, an
//! interface scripts outside the project use: keep it), setting a new password with the link, confirming an
//! address with the link of its letter, and sending that link again from the account page. The writes are
//! `changes.rs`'s; these pages parse and render.

use askama::Template;
use axum::Router;
use axum::extract::{FromRef, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use crate::accounts::changes::{self, Reader};
use crate::platform::Platform;
use crate::platform::identity::tokens::{self, Purpose};
use crate::platform::web::cache::keep_private;
use crate::platform::web::page::render;
use crate::platform::web::{AppError, ClientIp, Errors, Form, PageCtx};

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Platform: FromRef<S>,
{
    Router::new()
        .route("/{lang}/password/reset", get(request_page).post(request))
        .route("/{lang}/password/reset/{token}", get(reset_page).post(reset))
        .route("/{lang}/email/confirm/{token}", get(confirm_page).post(confirm))
        .route("/{lang}/account/confirm", post(resend))
}

/// Where the reader stands on the page.
#[derive(PartialEq, Eq)]
enum Step {
    /// The form asking for an address.
    Ask,
    /// The same answer whether or not the address has an account.
    Sent,
    /// The form of a new password (a live reset link).
    NewPassword,
    /// The password was changed.
    Changed,
    /// The button confirming an address (a live confirmation link).
    Confirm,
    Confirmed,
    /// A link used, expired or replaced (`reset-invalid` or `confirm-invalid`).
    Invalid(&'static str),
}

#[derive(Template)]
#[template(path = "accounts/templates/recovery.html")]
struct RecoveryPage {
    ctx: PageCtx,
    step: Step,
    email: String,
    /// The path the form posts to.
    action: String,
    errors: Errors,
}

fn page(ctx: PageCtx, step: Step, action: String, email: String, errors: Errors) -> Result<Response, AppError> {
    let status = match step {
        Step::Invalid(_) => StatusCode::GONE,
        _ if errors.any() => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::OK,
    };
    let mut response = (status, render(&RecoveryPage { ctx, step, email, action, errors })?).into_response();
    // Links with tokens, and answers to one reader: never in the page cache.
    keep_private(&mut response);
    Ok(response)
}

#[derive(Deserialize, Default)]
pub struct EmailForm {
    #[serde(default)]
    email: String,
}

async fn request_page(ctx: PageCtx) -> Result<Response, AppError> {
    let (action, errors) = (ctx.url("/password/reset"), Errors::none(ctx.lang));
    page(ctx, Step::Ask, action, String::new(), errors)
}

async fn request(
    State(state): State<Platform>,
    ctx: PageCtx,
    ClientIp(ip): ClientIp,
    Form(form): Form<EmailForm>,
) -> Result<Response, AppError> {
    let action = ctx.url("/password/reset");
    let reader = Reader { lang: ctx.lang, latin: ctx.latin };
    let email: String = form.email.chars().take(254).collect();
    match changes::request_reset(&state, &ip, reader, &form.email).await {
        Ok(()) => {
            let errors = Errors::none(ctx.lang);
            page(ctx, Step::Sent, action, email, errors)
        }
        Err(AppError::Validation(errors)) => {
            let errors = Errors::new(ctx.lang, errors);
            page(ctx, Step::Ask, action, email, errors)
        }
        Err(e) => Err(e),
    }
}

#[derive(Deserialize)]
pub struct TokenPath {
    token: String,
}

async fn reset_page(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(path): Path<TokenPath>,
) -> Result<Response, AppError> {
    let live = tokens::peek(&state.db, &path.token, Purpose::Reset, state.jobs.now_ms()).await?.is_some();
    let step = if live { Step::NewPassword } else { Step::Invalid("reset-invalid") };
    let (action, errors) = (ctx.url(&format!("/password/reset/{}", path.token)), Errors::none(ctx.lang));
    page(ctx, step, action, String::new(), errors)
}

#[derive(Deserialize, Default)]
pub struct NewPasswordForm {
    #[serde(default)]
    new_password: String,
}

async fn reset(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(path): Path<TokenPath>,
    Form(form): Form<NewPasswordForm>,
) -> Result<Response, AppError> {
    let action = ctx.url(&format!("/password/reset/{}", path.token));
    match changes::reset_password(&state, &path.token, &form.new_password).await {
        Ok(_) => {
            let errors = Errors::none(ctx.lang);
            page(ctx, Step::Changed, action, String::new(), errors)
        }
        Err(AppError::Validation(errors)) => {
            let errors = Errors::new(ctx.lang, errors);
            page(ctx, Step::NewPassword, action, String::new(), errors)
        }
        Err(AppError::Conflict(key)) => {
            let errors = Errors::none(ctx.lang);
            page(ctx, Step::Invalid(key), action, String::new(), errors)
        }
        Err(e) => Err(e),
    }
}

/// The link of a confirmation letter shows a button: the address is confirmed by the reader's click, not by a
/// mail scanner fetching the link.
async fn confirm_page(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(path): Path<TokenPath>,
) -> Result<Response, AppError> {
    let live = tokens::peek(&state.db, &path.token, Purpose::Confirm, state.jobs.now_ms()).await?.is_some();
    let step = if live { Step::Confirm } else { Step::Invalid("confirm-invalid") };
    let (action, errors) = (ctx.url(&format!("/email/confirm/{}", path.token)), Errors::none(ctx.lang));
    page(ctx, step, action, String::new(), errors)
}

async fn confirm(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(path): Path<TokenPath>,
) -> Result<Response, AppError> {
    let action = ctx.url(&format!("/email/confirm/{}", path.token));
    let errors = Errors::none(ctx.lang);
    match changes::confirm_email(&state, &path.token).await {
        Ok(_) => page(ctx, Step::Confirmed, action, String::new(), errors),
        Err(AppError::Conflict(key)) => page(ctx, Step::Invalid(key), action, String::new(), errors),
        Err(e) => Err(e),
    }
}

/// Sends the confirmation link again, then back to the account page, which says it is on its way.
async fn resend(State(state): State<Platform>, ctx: PageCtx) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    changes::resend_confirmation(&state, user.id, Reader { lang: ctx.lang, latin: ctx.latin }).await?;
    Ok(Redirect::to(&ctx.url("/account?sent=1")).into_response())
}
