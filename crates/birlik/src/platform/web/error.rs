//! Errors as typed values with stable keys (the Lemmy way): handlers return [`AppError`]; one middleware,
//! [`localize_errors`], turns it into a localized HTML page or a JSON body `{"error": {key, message, fields}}`.

use axum::Json;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Serialize;

use crate::platform::i18n::{Arg, Lang};
use crate::platform::web::page::PageCtx;

/// A problem with one input field, shown beside it.
#[derive(Clone, Debug)]
pub struct FieldError {
    pub field: &'static str,
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl FieldError {
    pub fn new(field: &'static str, key: &'static str) -> FieldError {
        FieldError { field, key, args: Vec::new() }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> FieldError {
        self.args.push((name, value.into()));
        self
    }

    pub fn message(&self, lang: Lang) -> String {
        lang.t_args(self.key, &self.args)
    }
}

/// The errors of a refused form, looked up by field.
pub struct Errors {
    lang: Lang,
    errors: Vec<FieldError>,
}

impl Errors {
    pub fn none(lang: Lang) -> Errors {
        Errors { lang, errors: Vec::new() }
    }

    pub fn new(lang: Lang, errors: Vec<FieldError>) -> Errors {
        Errors { lang, errors }
    }

    pub fn of(&self, field: &str) -> Option<String> {
        let messages: Vec<String> =
            self.errors.iter().filter(|e| e.field == field).map(|e| e.message(self.lang)).collect();
        if messages.is_empty() { None } else { Some(messages.join(" ")) }
    }

    pub fn any(&self) -> bool {
        !self.errors.is_empty()
    }

    /// Every message, in order (for a page whose forms repeat per item, where errors are shown together).
    pub fn all(&self) -> Vec<String> {
        self.errors.iter().map(|e| e.message(self.lang)).collect()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("invalid input")]
    Validation(Vec<FieldError>),
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("the form is not UTF-8 text")]
    NotUtf8,
    #[error("login required")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    #[error("too many attempts")]
    RateLimited,
    #[error("the record is archived")]
    Archived,
    /// The request conflicts with the state of the record, for a reason a capability names by its message key
    /// (e.g. `error-not-open`: the consultation is not open).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error("payload too large")]
    PayloadTooLarge,
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    /// A refusal as a form shows it: the checks' errors as they are, a conflict with the record's state (or its
    /// archiving) beside `field`, with the status to answer; any other error is the error page's.
    pub fn on_form(self, field: &'static str) -> Result<(axum::http::StatusCode, Vec<FieldError>), AppError> {
        use axum::http::StatusCode;
        match self {
            AppError::Validation(errors) => Ok((StatusCode::UNPROCESSABLE_ENTITY, errors)),
            AppError::Conflict(key) => Ok((StatusCode::CONFLICT, vec![FieldError::new(field, key)])),
            AppError::Archived => Ok((StatusCode::CONFLICT, vec![FieldError::new(field, "error-archived")])),
            e => Err(e),
        }
    }
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> AppError {
        AppError::Internal(e.into())
    }
}

impl AppError {
    pub fn key(&self) -> &'static str {
        match self {
            AppError::NotFound => "error-not-found",
            AppError::Validation(_) => "error-validation",
            AppError::BadRequest(_) => "error-bad-request",
            AppError::NotUtf8 => "error-not-utf8",
            AppError::Unauthenticated => "error-login-required",
            AppError::Forbidden => "error-forbidden",
            AppError::RateLimited => "error-rate-limited",
            AppError::Archived => "error-archived",
            AppError::Conflict(key) => key,
            AppError::PayloadTooLarge => "error-too-large",
            AppError::Internal(_) => "error-internal",
        }
    }

    /// What went wrong, in `lang`: the field messages of a refused input, else the error's own message.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AppError::Validation(fields) => fields.iter().map(|f| f.message(lang)).collect::<Vec<_>>().join(" "),
            e => lang.t(e.key()),
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::BadRequest(_) | AppError::NotUtf8 => StatusCode::BAD_REQUEST,
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            AppError::Archived | AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// What [`localize_errors`] finds in a response's extensions; the error itself stays in the handler's log line.
#[derive(Clone, Debug)]
struct Failure {
    key: &'static str,
    fields: Vec<FieldError>,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(e) = &self {
            tracing::error!(error = %format!("{e:#}"), "internal error");
        }
        let fields = match &self {
            AppError::Validation(fields) => fields.clone(),
            _ => Vec::new(),
        };
        let mut response = self.status().into_response();
        response.extensions_mut().insert(Failure { key: self.key(), fields });
        response
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable key, e.g. `error-not-found`; clients translate it or show `message`.
    pub key: String,
    /// The message in the requested language.
    pub message: String,
    /// Problems per input field.
    pub fields: Vec<FieldProblem>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct FieldProblem {
    pub field: String,
    pub key: String,
    pub message: String,
}

/// Gives every error response a body in the reader's language: JSON under `/api/`, an HTML page elsewhere.
/// It also catches errors raised outside the handlers (413 from the body limit, 403 from CSRF, 404 routing).
pub async fn localize_errors(
    axum::extract::State(state): axum::extract::State<crate::platform::Platform>,
    request: Request,
    next: Next,
) -> Response {
    // Only the cookies are kept, to name the logged-in reader on an error page.
    let mut cookies = axum::http::HeaderMap::new();
    for value in request.headers().get_all(header::COOKIE) {
        cookies.append(header::COOKIE, value.clone());
    }
    let path = request.uri().path().to_owned();
    let query = request.uri().query().unwrap_or("").to_owned();
    let is_api = path.starts_with("/api/");
    let lang = request_lang(&request);
    let ctx_parts = PageCtx::parts_for_error(&request);
    let latin = crate::platform::web::script::wants_latin(request.headers());
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let failure = match response.extensions().get::<Failure>() {
        Some(failure) => failure.clone(),
        // A page or document the handler rendered itself (a form shown again with its errors) stays as it is.
        None if is_own_rendering(&response) => return response,
        None => Failure { key: key_for_status(status, &response), fields: Vec::new() },
    };
    if is_api {
        let body = ErrorBody {
            error: ErrorDetail {
                key: failure.key.to_owned(),
                message: lang.t(failure.key),
                fields: failure
                    .fields
                    .iter()
                    .map(|f| FieldProblem {
                        field: f.field.to_owned(),
                        key: f.key.to_owned(),
                        message: f.message(lang),
                    })
                    .collect(),
            },
        };
        return (status, Json(body)).into_response();
    }
    if status == StatusCode::UNAUTHORIZED {
        let next_url = if query.is_empty() { path } else { format!("{path}?{query}") };
        let target = format!("/{}/login?next={}", lang.code(), crate::platform::web::url_encode(&next_url));
        return Redirect::to(&target).into_response();
    }
    let mut ctx = PageCtx::for_error(lang, ctx_parts, latin);
    // The page keeps the reader's header: his name, his logout. Without a database, it is drawn without him.
    ctx.user = match crate::platform::identity::session::current_user(&state, &cookies).await {
        Ok(user) => user,
        Err(error) => {
            tracing::warn!(%error, "the reader of an error page could not be read");
            None
        }
    };
    // A refused input that no form showed again (an upload's fields) says what was wrong with each field.
    let message = if failure.fields.is_empty() {
        lang.t(failure.key)
    } else {
        failure.fields.iter().map(|f| f.message(lang)).collect::<Vec<_>>().join(" ")
    };
    let page = crate::platform::web::page::ErrorPage::new(ctx, status, message);
    (status, Html(page.render_html())).into_response()
}

fn is_own_rendering(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("text/html") || ct.starts_with("application/json"))
}

fn key_for_status(status: StatusCode, response: &Response) -> &'static str {
    if response.extensions().get::<tower_http::csrf::ProtectionError>().is_some() {
        return "error-csrf";
    }
    match status {
        StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED => "error-not-found",
        StatusCode::PAYLOAD_TOO_LARGE => "error-too-large",
        StatusCode::FORBIDDEN => "error-csrf",
        StatusCode::TOO_MANY_REQUESTS => "error-rate-limited",
        StatusCode::UNSUPPORTED_MEDIA_TYPE | StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY => {
            "error-bad-request"
        }
        _ => "error-internal",
    }
}

/// The language of a request: the path prefix for pages, then `?lang=`, the cookie and `Accept-Language`.
pub fn request_lang<B>(request: &axum::http::Request<B>) -> Lang {
    let path = request.uri().path();
    if let Some(lang) = path.split('/').nth(1).and_then(Lang::from_code) {
        return lang;
    }
    if let Some(lang) = request
        .uri()
        .query()
        .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("lang=")))
        .and_then(Lang::from_code)
    {
        return lang;
    }
    crate::platform::web::preferred_lang(request.headers())
}
