//! The page context every template receives: the reader's language, who is logged in, where the page is.

use askama::Template;
use axum::extract::FromRef;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::platform::Platform;
use crate::platform::i18n::{Arg, Lang};
use crate::platform::identity::SessionUser;
use crate::platform::web::AppError;

#[derive(Clone, Debug)]
pub struct PageCtx {
    pub lang: Lang,
    pub user: Option<SessionUser>,
    /// The path after the language prefix, e.g. `/regions/KZ-75`.
    pub path: String,
    pub query: String,
    /// The reader chose the Latin alphabet for Kazakh.
    pub latin: bool,
    /// A one-time message left by the redirect that brought the reader here (a welcome), in his language.
    pub flash: Option<String>,
}

impl PageCtx {
    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    /// A message with one numeric argument `count` (plural forms).
    pub fn count(&self, key: &str, count: &i64) -> String {
        self.lang.t_args(key, &[("count", Arg::Num(*count))])
    }

    pub fn num(&self, n: &i64) -> String {
        self.lang.number(*n)
    }

    /// A link inside the site in the reader's language.
    pub fn url(&self, path: &str) -> String {
        format!("/{}{}", self.lang.code(), path)
    }

    /// The redirect after a form that did its work: to `path` in the reader's language (303, the browser GETs it).
    pub fn see_other(&self, path: &str) -> axum::response::Response {
        axum::response::IntoResponse::into_response(axum::response::Redirect::to(&self.url(path)))
    }

    /// The same page in another language, with the same query.
    pub fn switch_url(&self, lang: &Lang) -> String {
        if self.query.is_empty() {
            format!("/{}{}", lang.code(), self.path)
        } else {
            format!("/{}{}?{}", lang.code(), self.path, self.query)
        }
    }

    pub fn langs(&self) -> [Lang; 3] {
        Lang::ALL
    }

    pub fn is_kazakh(&self) -> bool {
        self.lang == Lang::Kk
    }

    /// The link that switches Kazakh text to `script` (`cyrl` or `latn`) and comes back here.
    pub fn script_url(&self, script: &str) -> String {
        format!("{}?back={}", self.url(&format!("/script/{script}")), crate::platform::web::url_encode(&self.here()))
    }

    pub fn is_current(&self, lang: &Lang) -> bool {
        *lang == self.lang
    }

    /// The `aria-current` attribute of a link of the main menu: `page` on the section's own page, `true` on a
    /// page under it, nothing elsewhere. Markup of our own, never of the reader's input.
    pub fn nav_current(&self, section: &str) -> &'static str {
        if self.path == section {
            " aria-current=\"page\""
        } else if self.path.strip_prefix(section).is_some_and(|rest| rest.starts_with('/')) {
            " aria-current=\"true\""
        } else {
            ""
        }
    }

    /// The language to mark a person's name with on this page (a `lang` attribute), or empty: a name written in
    /// Cyrillic is Kazakh or Russian (as the `kazakh` crate identifies it), not the English of the page around it.
    /// Kazakh pages mark nothing, so that the reader's choice of script applies to the names too.
    pub fn name_lang(&self, name: &str) -> &'static str {
        let cyrillic = name.chars().any(|c| matches!(c, '\u{0400}'..='\u{04FF}'));
        if self.lang == Lang::Kk || !cyrillic {
            return "";
        }
        let lang = if kazakh::detect(name) == kazakh::Lang::Kk { Lang::Kk } else { Lang::Ru };
        if lang == self.lang { "" } else { lang.code() }
    }

    /// This page's own address (path and query), to come back to after a login.
    pub fn here(&self) -> String {
        if self.query.is_empty() { self.url(&self.path) } else { format!("{}?{}", self.url(&self.path), self.query) }
    }

    /// The login page, coming back here afterwards (from the login or registration page itself, to where the
    /// reader was going).
    pub fn login_url(&self) -> String {
        format!("{}{}", self.url("/login"), self.next_query())
    }

    /// The registration page, coming back here afterwards.
    pub fn register_url(&self) -> String {
        format!("{}{}", self.url("/register"), self.next_query())
    }

    fn next_query(&self) -> String {
        if self.path == "/login" || self.path == "/register" {
            // Keep the destination the reader already had.
            let next = self.query.split('&').find_map(|kv| kv.strip_prefix("next="));
            return next.map(|n| format!("?next={n}")).unwrap_or_default();
        }
        if self.path == "/" || self.path == "/logout" {
            return String::new();
        }
        format!("?next={}", crate::platform::web::url_encode(&self.here()))
    }

    pub fn is_admin(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.roles.is_admin())
    }

    /// The user, or a 401 that the error layer turns into a redirect to the login page.
    pub fn require_user(&self) -> Result<&SessionUser, AppError> {
        self.user.as_ref().ok_or(AppError::Unauthenticated)
    }

    pub(crate) fn parts_for_error<B>(request: &axum::http::Request<B>) -> (String, String) {
        let (_, rest) = split_lang(request.uri().path());
        (rest.to_owned(), request.uri().query().unwrap_or("").to_owned())
    }

    /// The context of an error page, drawn without the database: it cannot name the logged-in reader.
    pub(crate) fn for_error(lang: Lang, (path, query): (String, String), latin: bool) -> PageCtx {
        PageCtx { lang, user: None, path, query, latin, flash: None }
    }
}

/// `/kk/regions` → (Some(kk), "/regions"); paths without a language prefix keep their whole path.
fn split_lang(path: &str) -> (Option<Lang>, &str) {
    let after = path.strip_prefix('/').unwrap_or(path);
    let head_len = after.find('/').unwrap_or(after.len());
    match Lang::from_code(&after[..head_len]) {
        Some(lang) => {
            let rest = &after[head_len..];
            (Some(lang), if rest.is_empty() { "/" } else { rest })
        }
        None => (None, path),
    }
}

impl<S> FromRequestParts<S> for PageCtx
where
    S: Send + Sync,
    Platform: FromRef<S>,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let state = Platform::from_ref(state);
        let (lang, path) = split_lang(parts.uri.path());
        let lang = lang.ok_or(AppError::NotFound)?;
        let user = crate::platform::identity::session::current_user(&state, &parts.headers).await?;
        let latin = crate::platform::web::script::wants_latin(&parts.headers);
        let flash = crate::platform::web::flash_key(&parts.headers).map(|key| lang.t(key));
        let query = parts.uri.query().unwrap_or("").to_owned();
        Ok(PageCtx { lang, user, path: path.to_owned(), query, latin, flash })
    }
}

/// The reader behind a request of any path (the API has no language prefix): `None` without a session.
pub struct Viewer(pub Option<SessionUser>);

impl<S> FromRequestParts<S> for Viewer
where
    S: Send + Sync,
    Platform: FromRef<S>,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let state = Platform::from_ref(state);
        Ok(Viewer(crate::platform::identity::session::current_user(&state, &parts.headers).await?))
    }
}

#[derive(Template)]
#[template(path = "platform/web/templates/error.html")]
pub struct ErrorPage {
    pub ctx: PageCtx,
    pub status: u16,
    /// What happened, in a few words (the heading).
    pub title: String,
    /// What happened, precisely (the error's own message).
    pub message: String,
    /// What the reader can do now.
    pub help: String,
    /// Offer the login (a refusal to a reader who is not logged in).
    pub offer_login: bool,
    /// Offer the search (a page not found).
    pub offer_search: bool,
}

/// Renders a template into a page; a template error is an internal error.
pub fn render(template: &impl Template) -> Result<axum::response::Html<String>, AppError> {
    template.render().map(axum::response::Html).map_err(|e| AppError::Internal(e.into()))
}

impl ErrorPage {
    pub fn new(ctx: PageCtx, status: axum::http::StatusCode, message: String) -> ErrorPage {
        use axum::http::StatusCode as S;
        let kind = match status {
            S::NOT_FOUND | S::METHOD_NOT_ALLOWED => "not-found",
            S::FORBIDDEN if ctx.user.is_some() => "forbidden",
            S::FORBIDDEN => "forbidden-anonymous",
            S::UNPROCESSABLE_ENTITY | S::BAD_REQUEST | S::UNSUPPORTED_MEDIA_TYPE => "invalid",
            S::CONFLICT => "conflict",
            S::TOO_MANY_REQUESTS => "rate-limited",
            S::PAYLOAD_TOO_LARGE => "too-large",
            _ => "internal",
        };
        ErrorPage {
            status: status.as_u16(),
            title: ctx.t(&format!("error-title-{kind}")),
            message,
            help: ctx.t(&format!("error-help-{kind}")),
            offer_login: kind == "forbidden-anonymous",
            offer_search: kind == "not-found",
            ctx,
        }
    }

    pub fn render_html(&self) -> String {
        self.render().unwrap_or_else(|_| self.message.clone())
    }
}

#[derive(Template)]
#[template(path = "platform/web/templates/accessibility.html")]
struct AccessibilityPage {
    ctx: PageCtx,
}

/// The accessibility statement, linked from every page's footer.
pub async fn accessibility(ctx: PageCtx) -> Result<axum::response::Html<String>, AppError> {
    render(&AccessibilityPage { ctx })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_names_are_marked_kazakh_or_russian_except_on_kazakh_pages() {
        let ctx =
            |lang| PageCtx { lang, user: None, path: "/".into(), query: String::new(), latin: false, flash: None };
        assert_eq!(ctx(Lang::En).name_lang("Сәуле Жұмабекқызы Омарова"), "kk");
        assert_eq!(ctx(Lang::En).name_lang("Сергей Иванович Петров"), "ru");
        assert_eq!(ctx(Lang::Ru).name_lang("Сергей Иванович Петров"), "");
        assert_eq!(ctx(Lang::Ru).name_lang("Сәуле Жұмабекқызы Омарова"), "kk");
        assert_eq!(ctx(Lang::Kk).name_lang("Сергей Иванович Петров"), "", "Kazakh pages leave names to the script");
        assert_eq!(ctx(Lang::En).name_lang("John Smith"), "");
    }

    #[test]
    fn the_menu_marks_the_section_and_the_page_the_reader_is_on() {
        let ctx = |path: &str| PageCtx {
            lang: Lang::En,
            user: None,
            path: path.into(),
            query: String::new(),
            latin: false,
            flash: None,
        };
        assert_eq!(ctx("/regions").nav_current("/regions"), " aria-current=\"page\"");
        assert_eq!(ctx("/regions/KZ-75").nav_current("/regions"), " aria-current=\"true\"");
        assert_eq!(ctx("/regions-other").nav_current("/regions"), "");
        assert_eq!(ctx("/bodies").login_url(), "/en/login?next=/en/bodies");
        assert_eq!(ctx("/").login_url(), "/en/login");
    }

    #[test]
    fn language_prefix_is_split_from_the_path() {
        assert_eq!(split_lang("/kk/regions/KZ-75"), (Some(Lang::Kk), "/regions/KZ-75"));
        assert_eq!(split_lang("/ru"), (Some(Lang::Ru), "/"));
        assert_eq!(split_lang("/en/"), (Some(Lang::En), "/"));
        assert_eq!(split_lang("/api/v1/regions"), (None, "/api/v1/regions"));
    }
}
