//! Registration, login (rate-limited), logout, password change, and the admin's audit log page.

use askama::Template;
use axum::Router;
use axum::extract::FromRef;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use time::format_description::well_known::Rfc3339;

use crate::accounts::{changes, password, store};
use crate::platform::Platform;
use crate::platform::audit;
use crate::platform::identity::{Email, session, store as users, tokens};
use crate::platform::web::page::render;
use crate::platform::web::{AppError, ClientIp, Errors, FieldError, Form, PageCtx};

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Platform: FromRef<S>,
{
    Router::new()
        .route("/{lang}/login", get(login_page).post(login))
        .route("/{lang}/logout", post(logout))
        .route("/{lang}/register", get(register_page).post(register))
        .route("/{lang}/account", get(account_page).post(change_password))
        .route("/{lang}/account/name", post(rename))
        .route("/{lang}/admin/audit", get(audit_page))
        .route("/{lang}/admin/jobs", get(jobs_page))
        .route("/{lang}/admin/jobs/{id}/retry", post(retry_job))
}

#[derive(Template)]
#[template(path = "accounts/templates/login.html")]
struct LoginPage {
    ctx: PageCtx,
    email: String,
    next: String,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// Only local paths are followed after login, never another site.
fn safe_next(next: &str, ctx: &PageCtx) -> String {
    crate::platform::web::local_path(next).unwrap_or_else(|| ctx.url("/"))
}

async fn login_page(ctx: PageCtx, Query(q): Query<NextQuery>) -> Result<Response, AppError> {
    let next = q.next.unwrap_or_default();
    Ok(render(&LoginPage { ctx, email: String::new(), next, error: None })?.into_response())
}

async fn login(
    State(state): State<Platform>,
    ctx: PageCtx,
    ClientIp(ip): ClientIp,
    Form(form): Form<LoginForm>,
) -> Result<Response, AppError> {
    // A malformed address names no account: a failed login, never a counter of its own.
    let email = Email::parse(&form.email);
    let attempts = check_login_limits(&state, &ip, email.as_ref()).await?;
    let user = match &email {
        Some(email) => users::find_by_email(&state.db, email).await?,
        None => None,
    };
    let valid = match &user {
        Some(u) if password::within_limits(&form.password) => {
            password::verify(form.password.clone(), u.password_hash.clone()).await?
        }
        _ => password::verify_decoy(form.password.clone()).await?,
    };
    let Some(user) = user.filter(|_| valid) else {
        let error = Some(ctx.t("login-failed"));
        let page = LoginPage { email: form.email.chars().take(200).collect(), next: form.next, error, ctx };
        return Ok((StatusCode::UNAUTHORIZED, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], render(&page)?)
            .into_response());
    };
    store::forget_attempts(&state.db, &attempts).await?;
    let cookie = session::start(&state, user.id).await?;
    let target = safe_next(&form.next, &ctx);
    Ok(welcome(cookie, "flash-welcome-back", &state, &target))
}

/// The redirect after a login or a registration: the session's cookie, and a welcome the next page shows.
fn welcome(session: String, flash: &str, state: &Platform, target: &str) -> Response {
    let flash = crate::platform::web::flash_cookie(flash, state.settings.secure_cookies);
    let mut response = Redirect::to(target).into_response();
    for cookie in [session, flash] {
        if let Ok(value) = header::HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// Records a login attempt and refuses it when its address, or its address for this account, has failed too
/// often in the last quarter of an hour. Guesses at an account from everywhere only slow its checks down: a
/// lockout per account would let anyone lock its owner out. Returns the recorded rows, forgotten on success.
async fn check_login_limits(state: &Platform, ip: &str, email: Option<&Email>) -> Result<Vec<i64>, AppError> {
    let limit = state.settings.login_attempts;
    // (key, attempts allowed): the client address, and with an address that names an account, the pair of both
    // and the account from everywhere (never refused, only slowed).
    let mut limits = vec![(format!("ip:{ip}"), limit.saturating_mul(10))];
    if let Some(email) = email {
        limits.push((format!("pair:{ip}:{}", email.canonical()), limit));
        limits.push((format!("account:{}", email.canonical()), i64::MAX));
    }
    let keys: Vec<&str> = limits.iter().map(|(key, _)| key.as_str()).collect();
    let attempts = store::record_attempt(&state.db, &keys).await?;
    let since = quarter_hour_ago()?;
    for (key, allowed) in &limits {
        let made = store::attempts_since(&state.db, key, &since).await?;
        if made > *allowed {
            return Err(AppError::RateLimited);
        }
        if key.starts_with("account:") {
            tokio::time::sleep(account_delay(made, limit)).await;
        }
    }
    Ok(attempts)
}

/// How long a check of an account waits after `attempts` at it from everywhere in a quarter of an hour: nothing
/// up to twice the per-address limit, then a tenth of a second more per attempt, at most two seconds. Enough to
/// slow guessers spread over many addresses, little enough for the owner.
fn account_delay(attempts: i64, limit: i64) -> std::time::Duration {
    let over = attempts.saturating_sub(limit.saturating_mul(2)).clamp(0, 20);
    std::time::Duration::from_millis(100 * over.unsigned_abs())
}

fn quarter_hour_ago() -> Result<String, AppError> {
    Ok((time::OffsetDateTime::now_utc() - time::Duration::minutes(15)).format(&Rfc3339).map_err(anyhow::Error::from)?)
}

async fn logout(State(state): State<Platform>, ctx: PageCtx, headers: HeaderMap) -> Result<Response, AppError> {
    let cookie = session::end(&state, &headers).await?;
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to(&ctx.url("/"))).into_response())
}

#[derive(Template)]
#[template(path = "accounts/templates/register.html")]
struct RegisterPage {
    ctx: PageCtx,
    form: RegisterForm,
    errors: Errors,
}

#[derive(Deserialize, Default, Clone)]
pub struct RegisterForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    password: String,
    /// Where the reader was before: followed after the registration if it is a path of this site.
    #[serde(default)]
    next: String,
}

async fn register_page(ctx: PageCtx, Query(q): Query<NextQuery>) -> Result<Response, AppError> {
    let errors = Errors::none(ctx.lang);
    let form = RegisterForm { next: q.next.unwrap_or_default(), ..RegisterForm::default() };
    Ok(render(&RegisterPage { ctx, form, errors })?.into_response())
}

async fn register(
    State(state): State<Platform>,
    ctx: PageCtx,
    ClientIp(ip): ClientIp,
    Form(form): Form<RegisterForm>,
) -> Result<Response, AppError> {
    let reader = changes::Reader { lang: ctx.lang, latin: ctx.latin };
    let done = changes::register(&state, &ip, reader, &form.email, &form.display_name, &form.password).await;
    let target = crate::platform::web::local_path(&form.next).unwrap_or_else(|| ctx.url("/account"));
    match done {
        Ok(changes::Registered::New(user_id)) => {
            let cookie = session::start(&state, user_id).await?;
            Ok(welcome(cookie, "flash-welcome-new", &state, &target))
        }
        // The same answer as a new account's, with a cookie of no session: the address's owner gets a letter.
        Ok(changes::Registered::Taken) => Ok(welcome(session::decoy(&state), "flash-welcome-new", &state, &target)),
        Err(AppError::Validation(errors)) => {
            let errors = Errors::new(ctx.lang, errors);
            let form = RegisterForm { password: String::new(), ..form };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&RegisterPage { ctx, form, errors })?).into_response())
        }
        Err(e) => Err(e),
    }
}

#[derive(Template)]
#[template(path = "accounts/templates/account.html")]
struct AccountPage {
    ctx: PageCtx,
    errors: Errors,
    /// What was just done (password changed, name changed), as a notice.
    notice: Option<String>,
    /// His address is confirmed.
    confirmed: bool,
    /// A confirmation link was sent again just now.
    sent: bool,
    /// Each role in the reader's language, with the body it belongs to.
    roles: Vec<(String, Option<crate::platform::web::Link>)>,
    /// While moderation hides his name: the statement of reasons to open.
    name_hidden: Option<i64>,
}

/// The account page, after `notice` or with the errors of one of its forms.
async fn account_view(
    state: &Platform,
    ctx: PageCtx,
    notice: Option<&str>,
    sent: bool,
    errors: Vec<FieldError>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.id;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let name_hidden = if super::moderated::hidden(state, user).await? {
        crate::platform::moderation::store::latest(&state.db, super::moderated::KIND, user).await?.map(|d| d.id)
    } else {
        None
    };
    let page = AccountPage {
        roles: role_rows(state, &ctx).await?,
        confirmed: tokens::is_confirmed(&state.db, user).await?,
        notice: notice.map(|key| ctx.t(key)),
        errors: Errors::new(ctx.lang, errors),
        ctx,
        sent,
        name_hidden,
    };
    Ok((status, render(&page)?).into_response())
}

/// The user's roles as the account page shows them: the role's name and its body's name.
async fn role_rows(
    state: &Platform,
    ctx: &PageCtx,
) -> Result<Vec<(String, Option<crate::platform::web::Link>)>, AppError> {
    let Some(user) = &ctx.user else { return Ok(Vec::new()) };
    let mut rows = Vec::new();
    for role in &user.roles.0 {
        let body = match role.body_id() {
            Some(id) => crate::registry::store::body(&state.db, id).await?.map(|b| crate::platform::web::Link {
                href: ctx.url(&format!("/bodies/{id}")),
                label: crate::platform::i18n::Localized::name(&b, ctx.lang).to_owned(),
            }),
            None => None,
        };
        rows.push((ctx.t(&format!("role-{}", role.name())), body));
    }
    Ok(rows)
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new_password: String,
}

#[derive(Deserialize)]
pub struct AccountQuery {
    sent: Option<String>,
    done: Option<String>,
}

async fn account_page(
    State(state): State<Platform>,
    ctx: PageCtx,
    Query(q): Query<AccountQuery>,
) -> Result<Response, AppError> {
    let notice = (q.done.as_deref() == Some("renamed")).then_some("name-changed");
    account_view(&state, ctx, notice, q.sent.is_some(), Vec::new()).await
}

async fn change_password(
    State(state): State<Platform>,
    ctx: PageCtx,
    headers: HeaderMap,
    Form(form): Form<PasswordForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let stored = users::find_by_id(&state.db, user.id).await?.ok_or(AppError::Unauthenticated)?;
    let mut errors = Vec::new();
    if !password::within_limits(&form.current) || !password::verify(form.current.clone(), stored.password_hash).await? {
        errors.push(FieldError::new("current", "field-wrong-password"));
    }
    if let Err(e) = changes::check_password("new_password", &form.new_password) {
        errors.push(e);
    }
    if !errors.is_empty() {
        return account_view(&state, ctx, None, false, errors).await;
    }
    users::set_password(&state.db, user.id, &password::hash(form.new_password).await?).await?;
    // Whoever else held a session (a stolen one, say) is logged out.
    session::end_others(&state.db, user.id, &headers).await?;
    account_view(&state, ctx, Some("password-changed"), false, Vec::new()).await
}

#[derive(Deserialize)]
pub struct NameForm {
    #[serde(default)]
    display_name: String,
}

async fn rename(State(state): State<Platform>, ctx: PageCtx, Form(form): Form<NameForm>) -> Result<Response, AppError> {
    let user = ctx.require_user()?.id;
    match changes::rename(&state, user, &form.display_name).await {
        Ok(()) => Ok(ctx.see_other("/account?done=renamed")),
        Err(e) => {
            let (status, errors) = e.on_form("display_name")?;
            let mut page = account_view(&state, ctx, None, false, errors).await?;
            *page.status_mut() = status;
            Ok(page)
        }
    }
}

#[derive(Template)]
#[template(path = "accounts/templates/audit.html")]
struct AuditPage {
    ctx: PageCtx,
    entries: Vec<audit::Entry>,
    filter: audit::Filter,
}

async fn audit_page(
    State(state): State<Platform>,
    ctx: PageCtx,
    Query(filter): Query<audit::Filter>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    crate::platform::identity::authz::operate(user)?;
    let entries = audit::list(&state.db, &filter).await?;
    Ok(render(&AuditPage { ctx, entries, filter })?.into_response())
}

/// A parked job as the operators' page shows it.
struct ParkedRow {
    id: i64,
    kind: String,
    key: String,
    attempts: i64,
    error: String,
    parked_at: String,
}

#[derive(Template)]
#[template(path = "accounts/templates/jobs.html")]
struct JobsPage {
    ctx: PageCtx,
    jobs: Vec<ParkedRow>,
}

/// Unix milliseconds as `YYYY-MM-DD HH:MM UTC`.
fn utc_minute(ms: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(ms.div_euclid(1000))
        .ok()
        .and_then(|t| t.format(time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC")).ok())
        .unwrap_or_default()
}

/// The timers that failed every attempt, with their error, for an administrator to retry.
async fn jobs_page(State(state): State<Platform>, ctx: PageCtx) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    if !user.roles.is_admin() {
        return Err(AppError::Forbidden);
    }
    let jobs = crate::platform::jobs::store::parked(&state.db, 500)
        .await?
        .into_iter()
        .map(|j| ParkedRow {
            id: j.id,
            kind: j.kind,
            key: j.key,
            attempts: j.attempts,
            error: j.last_error.unwrap_or_default(),
            parked_at: utc_minute(j.due_at),
        })
        .collect();
    Ok(render(&JobsPage { ctx, jobs })?.into_response())
}

#[derive(Deserialize)]
pub struct JobPath {
    id: i64,
}

/// Sends a parked job back to the queue, due now (audited).
async fn retry_job(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(path): Path<JobPath>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?;
    if !user.roles.is_admin() {
        return Err(AppError::Forbidden);
    }
    let now = state.jobs.now_ms();
    if crate::platform::jobs::store::retry(&state.db, path.id, now, user.id, &crate::platform::db::now()).await? {
        state.jobs.wake();
    }
    Ok(Redirect::to(&ctx.url("/admin/jobs")).into_response())
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    #[test]
    fn attempts_at_an_account_slow_its_checks_a_little() {
        assert_eq!(super::account_delay(10, 5), Duration::ZERO);
        assert_eq!(super::account_delay(13, 5), Duration::from_millis(300));
        assert_eq!(super::account_delay(10_000, 5), Duration::from_secs(2));
    }
}
