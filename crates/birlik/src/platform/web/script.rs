//! The reader's choice of script for Kazakh: Cyrillic (default) or the 2021 Latin alphabet. The choice is kept in
//! a cookie and applied to whole Kazakh pages on their way out, interface and content alike, so no template or
//! handler needs to know about it. Text marked as another language (`lang="ru"`, `lang="en"`), code and the values
//! of form fields are left as they are: transliterating Russian or what a person typed would change its meaning.

use axum::body::Body;
use axum::extract::{Path, Query, Request};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::platform::i18n::Lang;
use crate::platform::web::{AppError, cookie, local_path};

pub const SCRIPT_COOKIE: &str = "birlik_script";

/// True when the reader chose the Latin alphabet.
pub fn wants_latin(headers: &HeaderMap) -> bool {
    cookie(headers, SCRIPT_COOKIE).as_deref() == Some("latn")
}

/// Elements whose content is never transliterated.
const VERBATIM: [&str; 5] = ["script", "style", "code", "textarea", "pre"];
/// Elements without content (no end tag).
const VOID: [&str; 9] = ["meta", "link", "input", "br", "img", "hr", "source", "wbr", "area"];
/// Attributes that hold text for people.
const TEXT_ATTRIBUTES: [&str; 4] = ["placeholder", "aria-label", "title", "alt"];

/// The page with its Kazakh text in the Latin alphabet.
pub fn latinize_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    // Open elements and whether their content is left as it is.
    let mut open: Vec<(String, bool)> = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let verbatim = open.last().is_some_and(|(_, v)| *v);
        push_text(&mut out, &rest[..start], verbatim);
        let Some(length) = rest[start..].find('>') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let tag = &rest[start..=start + length];
        rest = &rest[start + length + 1..];
        if let Some(name) = tag.strip_prefix("</") {
            let name = name.trim_end_matches('>').trim().to_ascii_lowercase();
            if let Some(at) = open.iter().rposition(|(n, _)| *n == name) {
                open.truncate(at);
            }
            out.push_str(tag);
        } else if tag.starts_with("<!") {
            out.push_str(tag);
        } else {
            let name: String =
                tag[1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
            let lang = attribute(tag, "lang");
            let other_language = lang.is_some_and(|l| l != "kk" && !l.starts_with("kk-"));
            let verbatim = verbatim || other_language || VERBATIM.contains(&name.as_str());
            if verbatim {
                out.push_str(tag);
            } else if name == "html" {
                out.push_str(&tag.replace("lang=\"kk\"", "lang=\"kk-Latn\""));
            } else {
                out.push_str(&latinize_attributes(tag));
            }
            if !VOID.contains(&name.as_str()) && !tag.ends_with("/>") {
                open.push((name, verbatim));
            }
        }
    }
    let verbatim = open.last().is_some_and(|(_, v)| *v);
    push_text(&mut out, rest, verbatim);
    out
}

fn push_text(out: &mut String, text: &str, verbatim: bool) {
    if verbatim { out.push_str(text) } else { out.push_str(&kazakh::to_latin(text)) }
}

/// The value of `name="…"` in a start tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let marker = format!(" {name}=\"");
    let start = tag.find(&marker)? + marker.len();
    let end = tag[start..].find('"')?;
    Some(&tag[start..start + end])
}

fn latinize_attributes(tag: &str) -> String {
    let mut tag = tag.to_owned();
    for name in TEXT_ATTRIBUTES {
        if let Some(value) = attribute(&tag, name) {
            let latin = kazakh::to_latin(value);
            if latin != value {
                tag = tag.replace(&format!(" {name}=\"{value}\""), &format!(" {name}=\"{latin}\""));
            }
        }
    }
    tag
}

/// Rewrites Kazakh pages for readers who chose the Latin alphabet.
pub async fn apply_script(request: Request, next: Next) -> Response {
    let latin = request.uri().path().starts_with("/kk") && wants_latin(request.headers());
    let response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("text/html"));
    if !latin || !is_html {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 4 * 1024 * 1024).await else {
        return AppError::Internal(anyhow::anyhow!("page too large to transliterate")).into_response();
    };
    let html = latinize_html(&String::from_utf8_lossy(&bytes));
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(html))
}

#[derive(Deserialize)]
pub struct ScriptPath {
    script: String,
}

#[derive(Deserialize)]
pub struct Back {
    back: Option<String>,
}

/// `/{lang}/script/{cyrl|latn}?back=PATH`: keeps the choice and returns to the page.
pub async fn choose_script(Path(p): Path<ScriptPath>, Query(q): Query<Back>) -> Result<Response, AppError> {
    if p.script != "latn" && p.script != "cyrl" {
        return Err(AppError::NotFound);
    }
    let back = q.back.as_deref().and_then(local_path).unwrap_or_else(|| format!("/{}/", Lang::Kk.code()));
    let value = format!("{SCRIPT_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax", p.script);
    let value = HeaderValue::from_str(&value).map_err(|e| AppError::Internal(e.into()))?;
    Ok(([(header::SET_COOKIE, value)], Redirect::to(&back)).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_text_becomes_latin_and_other_languages_stay() {
        let page = r#"<!doctype html><html lang="kk"><head><title>Өңірлер</title></head><body>
<input name="q" placeholder="Іздеу" value="Қазақ"><p>Алматы облысы</p>
<span lang="ru">Русский</span><code>{"name":"Қазақ"}</code><textarea>Қала</textarea><p>Бірлік</p></body></html>"#;
        let latin = latinize_html(page);
        assert!(latin.contains(r#"<html lang="kk-Latn">"#));
        assert!(latin.contains(&format!("<title>{}</title>", kazakh::to_latin("Өңірлер"))));
        assert!(latin.contains(&format!("<p>{}</p>", kazakh::to_latin("Алматы облысы"))));
        assert!(latin.contains(&format!("placeholder=\"{}\"", kazakh::to_latin("Іздеу"))));
        assert!(latin.contains("value=\"Қазақ\""), "what a field holds is not changed");
        assert!(latin.contains(r#"<span lang="ru">Русский</span>"#));
        assert!(latin.contains(r#"<code>{"name":"Қазақ"}</code>"#));
        assert!(latin.contains("<textarea>Қала</textarea>"));
        assert!(
            latin.contains(&format!("<p>{}</p>", kazakh::to_latin("Бірлік"))),
            "after the skipped elements, text is Latin again"
        );
    }
}
