//! The web kit every capability uses: errors, the page context and layout, extractors, static files.

pub mod cache;
pub mod error;
pub mod extract;
pub mod link;
pub mod origin;
pub mod page;
pub mod script;
pub mod sections;
pub mod tilemap;

use axum::http::HeaderMap;
use axum::http::header;

/// The person behind a request's session, as the page context and [`Viewer`] know him.
pub use crate::platform::identity::SessionUser;
pub use error::{AppError, Errors, FieldError};
pub use extract::{ApiJson, ClientIp, Form};
pub use link::{IdPath, Link};
pub use page::{PageCtx, Viewer};

use crate::platform::i18n::Lang;

/// The cookie that keeps the reader's language choice.
pub const LANG_COOKIE: &str = "birlik_lang";

/// The cookie that carries a one-time message (a welcome) to the next page after a redirect.
pub const FLASH_COOKIE: &str = "birlik_flash";

/// The one-time messages a redirect may leave for the next page, by their message key.
const FLASHES: [&str; 2] = ["flash-welcome-back", "flash-welcome-new"];

/// The `Set-Cookie` value that leaves `key` (one of [`FLASHES`]) for the next page the reader sees.
pub fn flash_cookie(key: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{FLASH_COOKIE}={key}; Path=/; HttpOnly; SameSite=Lax; Max-Age=120{secure}")
}

/// The message key of the request's one-time message, if it carries a known one.
pub fn flash_key(headers: &HeaderMap) -> Option<&'static str> {
    let value = cookie(headers, FLASH_COOKIE)?;
    FLASHES.into_iter().find(|k| *k == value)
}

/// Clears the one-time message once a page has shown it: a successful HTML page answering a request that
/// carried it (a redirect passes it on; an htmx fragment, which has no header, leaves it for the next page).
pub async fn clear_flash(request: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    let carried = cookie(request.headers(), FLASH_COOKIE).is_some();
    let htmx = request.headers().contains_key("hx-request");
    let mut response = next.run(request).await;
    let page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("text/html"));
    if carried && !htmx && page && response.status().is_success() {
        let clear = axum::http::HeaderValue::from_static("birlik_flash=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
        response.headers_mut().append(header::SET_COOKIE, clear);
    }
    response
}

/// The reader's language when the URL does not say it: the cookie, then `Accept-Language`, then Kazakh.
pub fn preferred_lang(headers: &HeaderMap) -> Lang {
    if let Some(lang) = cookie(headers, LANG_COOKIE).and_then(|v| Lang::from_code(&v)) {
        return lang;
    }
    headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map_or(Lang::Kk, Lang::negotiate)
}

/// The value of the cookie `name`, if the request carries it.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// `candidate` when it is a path of this site (to return to after a login or a choice), never another site:
/// it starts with one `/`, has no backslash, whitespace or control character (browsers drop tabs and newlines,
/// so `/\t/evil.example` would become `//evil.example`), and parses as a URI path.
pub fn local_path(candidate: &str) -> Option<String> {
    let plain = candidate.starts_with('/')
        && !candidate.starts_with("//")
        && !candidate.chars().any(|c| c == '\\' || c.is_whitespace() || c.is_control());
    (plain && candidate.parse::<axum::http::uri::PathAndQuery>().is_ok()).then(|| candidate.to_owned())
}

/// What a form just did, named by the redirect after it (`?done=…`), so that the page it returns to confirms it.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct DoneQuery {
    pub done: String,
}

impl DoneQuery {
    /// The confirmation in the reader's language: the message key `known` pairs with the code, if any (a made-up
    /// code shows nothing).
    pub fn notice(&self, ctx: &PageCtx, known: &[(&str, &str)]) -> Option<String> {
        known.iter().find(|(code, _)| *code == self.done).map(|(_, key)| ctx.t(key))
    }
}

/// Percent-encodes a query-string value.
pub fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_language_wins_over_accept_language() {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_LANGUAGE, "en".parse().unwrap());
        assert_eq!(preferred_lang(&headers), Lang::En);
        headers.insert(header::COOKIE, "a=b; birlik_lang=ru".parse().unwrap());
        assert_eq!(preferred_lang(&headers), Lang::Ru);
    }

    #[test]
    fn only_paths_of_this_site_are_followed() {
        assert_eq!(local_path("/kk/regions?x=1").as_deref(), Some("/kk/regions?x=1"));
        for other in
            ["https://evil.example/", "//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/x", "kk/x", ""]
        {
            assert_eq!(local_path(other), None, "{other:?}");
        }
    }

    #[test]
    fn url_encoding_keeps_paths_and_escapes_the_rest() {
        assert_eq!(url_encode("/kk/search?q=a b&c"), "/kk/search%3Fq%3Da%20b%26c");
        assert_eq!(url_encode("қ"), "%D2%9B");
    }
}
