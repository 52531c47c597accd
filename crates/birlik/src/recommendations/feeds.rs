//! Atom feeds of recommendations: one per addressee (what it received and how it answered) and one per sending
//! body, newest change first, for journalists and watchdogs who follow an addressee without an account. Written
//! with `atom_syndication`.

use atom_syndication::{Entry, Feed, FixedDateTime, Link, Text};
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::model::Recommendation;
use super::{addressees, store};
use crate::platform::Platform;
use crate::platform::i18n::{Lang, Localized};
use crate::platform::web::AppError;
use crate::platform::web::link::IdPath;

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct LangQuery {
    /// `kk` (default), `ru` or `en`.
    lang: Option<String>,
}

fn when(stored: &str) -> FixedDateTime {
    FixedDateTime::parse_from_rfc3339(stored).unwrap_or_default()
}

fn entry(r: &Recommendation, lang: Lang, origin: &str) -> Entry {
    let link = format!("{origin}/{}/recommendations/{}", lang.code(), r.id);
    let status = lang.t(r.status.key());
    let summary = lang.t_args(
        "recommendation-feed-summary",
        &[
            ("status", status.into()),
            ("received", lang.date(&r.received_on).into()),
            ("term", lang.date(r.term()).into()),
        ],
    );
    Entry {
        id: link.clone(),
        title: Text::plain(r.heading(lang)),
        updated: when(&r.updated_at),
        published: Some(when(&r.created_at)),
        links: vec![Link { href: link, rel: "alternate".into(), ..Default::default() }],
        summary: Some(Text::plain(summary)),
        ..Default::default()
    }
}

fn feed(title: String, self_url: String, items: &[Recommendation], lang: Lang, origin: &str) -> Response {
    let updated = items.iter().map(|r| r.updated_at.as_str()).max().map(when).unwrap_or_default();
    let feed = Feed {
        title: Text::plain(title),
        id: self_url.clone(),
        updated,
        links: vec![Link { href: self_url, rel: "self".into(), ..Default::default() }],
        lang: Some(lang.code().to_owned()),
        entries: items.iter().map(|r| entry(r, lang, origin)).collect(),
        ..Default::default()
    };
    ([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], feed.to_string()).into_response()
}

fn lang_of(q: &LangQuery) -> Lang {
    q.lang.as_deref().and_then(Lang::from_code).unwrap_or(Lang::Kk)
}

/// `/api/v1/addressees/{id}/recommendations.atom`
pub async fn of_addressee(
    State(state): State<Platform>,
    Path(p): Path<IdPath>,
    Query(q): Query<LangQuery>,
) -> Result<Response, AppError> {
    let lang = lang_of(&q);
    let a = addressees::get(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    let today = crate::platform::days::iso(super::changes::today(&state));
    let filter = store::Filter { addressee: Some(p.id), ..Default::default() };
    let (items, _) = store::list(&state.db, &filter, &today).await?;
    let origin = state.settings.link_origin();
    let title = lang.t_args("recommendation-feed-addressee", &[("name", a.name(lang).to_owned().into())]);
    Ok(feed(title, format!("{origin}/api/v1/addressees/{}/recommendations.atom", p.id), &items, lang, &origin))
}

/// `/api/v1/bodies/{id}/recommendations.atom`
pub async fn of_body(
    State(state): State<Platform>,
    Path(p): Path<IdPath>,
    Query(q): Query<LangQuery>,
) -> Result<Response, AppError> {
    let lang = lang_of(&q);
    let b = crate::registry::store::body(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    let today = crate::platform::days::iso(super::changes::today(&state));
    let filter = store::Filter { body: Some(p.id), ..Default::default() };
    let (items, _) = store::list(&state.db, &filter, &today).await?;
    let origin = state.settings.link_origin();
    let title = lang.t_args("recommendation-feed-body", &[("name", b.name(lang).to_owned().into())]);
    Ok(feed(title, format!("{origin}/api/v1/bodies/{}/recommendations.atom", p.id), &items, lang, &origin))
}
