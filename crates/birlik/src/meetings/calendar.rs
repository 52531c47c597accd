//! iCalendar feeds (RFC 5545) of meetings: all of them, one body's, one region's. Each meeting is a `VEVENT` with
//! a stable `UID`, a `SEQUENCE` raised at every change (`meetings.sequence`), `STATUS:CANCELLED` when cancelled,
//! and its times in UTC (stored so; Kazakhstan's UTC+5 is only how pages show them), so calendar programs convert
//! them right. The `icalendar` crate writes the text (escaping, line folding).

use axum::extract::{FromRef, Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};
use serde::Deserialize;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::model::{Meeting, MeetingStatus};
use super::store;
use crate::platform::Platform;
use crate::platform::i18n::{Lang, Localized};
use crate::platform::web::AppError;

#[derive(Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

impl LangQuery {
    fn lang(&self) -> Lang {
        self.lang.as_deref().and_then(Lang::from_code).unwrap_or(Lang::Kk)
    }
}

/// `/api/v1/calendar.ics`: the meetings of every body from a year ago on (what a calendar program shows; a body's
/// or a region's feed goes further back).
pub async fn all<S>(State(state): State<S>, Query(q): Query<LangQuery>) -> Result<Response, AppError>
where
    Platform: FromRef<S>,
{
    let state = Platform::from_ref(&state);
    let name = q.lang().t("calendar-all");
    let year_ago =
        (OffsetDateTime::now_utc() - time::Duration::days(366)).format(&Rfc3339).map_err(anyhow::Error::from)?;
    let meetings = store::meetings(&state.db, None, Some(&year_ago), None).await?;
    feed(&state, q.lang(), &name, &meetings).await
}

#[derive(Deserialize)]
pub struct BodyPath {
    id: i64,
}

/// `/api/v1/bodies/{id}/calendar.ics`: one body's meetings.
pub async fn of_body<S>(
    State(state): State<S>,
    Path(p): Path<BodyPath>,
    Query(q): Query<LangQuery>,
) -> Result<Response, AppError>
where
    Platform: FromRef<S>,
{
    let state = Platform::from_ref(&state);
    let body = crate::registry::store::body(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    let name = body.name(q.lang()).to_owned();
    let meetings = store::meetings(&state.db, Some(body.id), None, None).await?;
    feed(&state, q.lang(), &name, &meetings).await
}

#[derive(Deserialize)]
pub struct RegionPath {
    code: String,
}

/// `/api/v1/regions/{code}/calendar.ics`: the meetings of the bodies of one region.
pub async fn of_region<S>(
    State(state): State<S>,
    Path(p): Path<RegionPath>,
    Query(q): Query<LangQuery>,
) -> Result<Response, AppError>
where
    Platform: FromRef<S>,
{
    let state = Platform::from_ref(&state);
    let region = crate::registry::reference::region(&p.code).ok_or(AppError::NotFound)?;
    let bodies: Vec<i64> = crate::registry::store::bodies(&state.db, true)
        .await?
        .into_iter()
        .filter(|b| b.region_code.as_deref() == Some(p.code.as_str()))
        .map(|b| b.id)
        .collect();
    let name = region.name(q.lang()).to_owned();
    let meetings = store::meetings_of(&state.db, &bodies).await?;
    feed(&state, q.lang(), &name, &meetings).await
}

/// The feed `name` of `meetings`.
async fn feed(state: &Platform, lang: Lang, name: &str, meetings: &[Meeting]) -> Result<Response, AppError> {
    let bodies = crate::registry::store::bodies(&state.db, true).await?;
    let origin = state.settings.link_origin();
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//Birlik//Meetings//KK"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .name(name);
    let names: std::collections::HashMap<i64, &str> = bodies.iter().map(|b| (b.id, b.name(lang))).collect();
    for m in meetings {
        calendar.push(event(m, lang, names.get(&m.body_id).copied().unwrap_or_default(), &origin)?);
    }
    // Written from the calendar as built: `done()` would copy all of it first.
    let mut text = String::with_capacity(meetings.len() * 400);
    std::fmt::Write::write_fmt(&mut text, format_args!("{calendar}"))
        .map_err(|e| AppError::Internal(anyhow::anyhow!("the calendar could not be written: {e}")))?;
    Ok(([(header::CONTENT_TYPE, "text/calendar; charset=utf-8")], text).into_response())
}

/// One meeting as an event.
fn event(m: &Meeting, lang: Lang, body: &str, origin: &str) -> Result<Event, AppError> {
    let moment = |s: &str| OffsetDateTime::parse(s, &Rfc3339).map_err(|e| AppError::Internal(e.into()));
    let mut description = vec![body.to_owned()];
    if let Some(text) = m.description.show(lang) {
        description.push(text.text);
    }
    if let Some(reason) = &m.status_reason {
        description.push(format!("{}: {reason}", lang.t(m.status.key())));
    }
    let mut event = Event::new();
    event
        .uid(&format!("meeting-{}@birlik", m.id))
        .sequence(u32::try_from(m.sequence).unwrap_or(u32::MAX))
        .add_property("DTSTAMP", utc_basic(moment(&m.updated_at)?))
        .summary(&super::pages::heading(m, lang))
        .description(&description.join("\n\n"))
        .starts(moment(&m.starts_at)?)
        .ends(moment(&m.ends_at)?)
        .url(&format!("{origin}/{}/meetings/{}", lang.code(), m.id))
        .status(match m.status {
            MeetingStatus::Planned | MeetingStatus::Postponed => EventStatus::Tentative,
            MeetingStatus::Convened | MeetingStatus::InProgress | MeetingStatus::Closed => EventStatus::Confirmed,
            MeetingStatus::Cancelled => EventStatus::Cancelled,
        });
    let place: Vec<&str> = [m.place.as_deref(), m.online_url.as_deref()].into_iter().flatten().collect();
    if !place.is_empty() {
        event.location(&place.join(", "));
    }
    Ok(event)
}

/// A moment in iCalendar's UTC form, `20261231T183000Z`.
fn utc_basic(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_are_written_in_utc() -> Result<(), time::error::Parse> {
        let t = OffsetDateTime::parse("2027-01-01T04:30:00+05:00", &Rfc3339)?;
        assert_eq!(utc_basic(t), "20261231T233000Z");
        Ok(())
    }
}
