//! What the meeting forms and the API submit, and the one check of each. Times are typed in Kazakhstan time
//! (`2023-04-27T10:00`, UTC+5) or as RFC 3339 with an offset; they are stored in UTC.

use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, PrimitiveDateTime};
use utoipa::ToSchema;

use super::model::{Choice, Count, Execution, Kind, Majority, MajorityOf, MeetingStatus, Multilingual, Quorum};
pub use crate::platform::multilingual::TextsIn;
use crate::platform::validate::{self, Checks};
use crate::platform::web::FieldError;

/// The longest title, motion or description, in characters.
pub const MAX_TEXT: usize = 4000;

/// A time typed in Kazakhstan time, or RFC 3339 with its offset, in UTC.
pub fn time_in_kazakhstan(field: &'static str, value: &str) -> Result<OffsetDateTime, FieldError> {
    let value = value.trim();
    let local = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]");
    PrimitiveDateTime::parse(value, &local)
        .map(|t| t.assume_offset(time::macros::offset!(+5)))
        .or_else(|_| OffsetDateTime::parse(value, &Rfc3339))
        .map(|t| t.to_offset(time::UtcOffset::UTC))
        .map_err(|_| FieldError::new(field, "field-invalid-time"))
}

/// A UTC time as stored.
pub fn stored(t: OffsetDateTime) -> String {
    t.replace_nanosecond(0).ok().and_then(|t| t.format(&Rfc3339).ok()).unwrap_or_default()
}

/// A meeting as the secretariat describes it.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct MeetingIn {
    pub body_id: i64,
    pub kind: Kind,
    /// The session's number, 1 to 3999 (shown in Roman numerals).
    #[serde(default)]
    pub number: Option<i64>,
    pub title: TextsIn,
    #[serde(default)]
    pub description: TextsIn,
    /// Kazakhstan time, `2023-04-27T10:00`, or RFC 3339 with an offset.
    pub starts_at: String,
    pub ends_at: String,
    #[serde(default)]
    pub place: Option<String>,
    /// An `https://` link for those who join online.
    #[serde(default)]
    pub online_url: Option<String>,
}

/// A checked meeting.
#[derive(Clone, Debug, Serialize)]
pub struct MeetingInput {
    pub body_id: i64,
    pub kind: Kind,
    pub number: Option<i64>,
    pub title: Multilingual,
    pub description: Multilingual,
    pub starts_at: String,
    pub ends_at: String,
    pub place: Option<String>,
    pub online_url: Option<String>,
}

impl MeetingIn {
    pub fn check(&self) -> Result<MeetingInput, Vec<FieldError>> {
        let mut c = Checks::default();
        let number = self.number.map(|n| c.take(validate::in_range("number", n, 1..=3999)));
        let title = self.title.check(&mut c, "title", validate::MAX_LINE, true);
        let description = self.description.check(&mut c, "description", MAX_TEXT, false);
        let starts = time_in_kazakhstan("starts_at", &self.starts_at);
        let ends = time_in_kazakhstan("ends_at", &self.ends_at);
        let (starts_at, ends_at) = match (starts, ends) {
            (Ok(s), Ok(e)) if e < s => {
                c.push(FieldError::new("ends_at", "meeting-ends-before-start"));
                (String::new(), String::new())
            }
            (s, e) => (c.take(s.map(stored)), c.take(e.map(stored))),
        };
        let place = c.take(validate::optional_line("place", self.place.as_deref().unwrap_or(""), validate::MAX_LINE));
        let online_url = c.take(validate::website("online_url", self.online_url.as_deref().unwrap_or("")));
        c.finish(MeetingInput {
            body_id: self.body_id,
            kind: self.kind,
            number,
            title,
            description,
            starts_at,
            ends_at,
            place,
            online_url,
        })
    }
}

/// A change of a meeting's status; postponing and cancelling need a reason.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct StatusIn {
    pub status: MeetingStatus,
    #[serde(default)]
    pub reason: Option<String>,
}

impl StatusIn {
    pub fn check(&self) -> Result<(MeetingStatus, Option<String>), Vec<FieldError>> {
        let mut c = Checks::default();
        let reason = self.reason.as_deref().unwrap_or("");
        let reason = if self.status.needs_reason() {
            Some(c.take(validate::line("reason", reason, 2, validate::MAX_LINE)))
        } else {
            c.take(validate::optional_line("reason", reason, validate::MAX_LINE))
        };
        c.finish((self.status, reason))
    }
}

/// An item of the agenda.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct AgendaItemIn {
    pub title: TextsIn,
    /// A member or an invited person.
    #[serde(default)]
    pub presenter: Option<String>,
    /// A consultation whose results are shown beside the item.
    #[serde(default)]
    pub consultation_id: Option<i64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AgendaItemInput {
    pub title: Multilingual,
    pub presenter: Option<String>,
    pub consultation_id: Option<i64>,
}

impl AgendaItemIn {
    pub fn check(&self) -> Result<AgendaItemInput, Vec<FieldError>> {
        let mut c = Checks::default();
        let title = self.title.check(&mut c, "title", validate::MAX_LINE, true);
        let presenter =
            c.take(validate::optional_line("presenter", self.presenter.as_deref().unwrap_or(""), validate::MAX_LINE));
        c.finish(AgendaItemInput { title, presenter, consultation_id: self.consultation_id })
    }
}

/// The secretariat registers a member present or absent.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct AttendanceIn {
    pub person_id: i64,
    pub present: bool,
}

/// A motion put to the vote (roll call), or the count of a show of hands the secretariat records.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct MotionIn {
    pub text: TextsIn,
    #[serde(default)]
    pub agenda_item_id: Option<i64>,
    /// Only for a show of hands: its count, recorded at once (the motion is closed with it).
    #[serde(default)]
    pub show_of_hands: Option<Count>,
}

#[derive(Clone, Debug, Serialize)]
pub struct MotionInput {
    pub text: Multilingual,
    pub agenda_item_id: Option<i64>,
    pub show_of_hands: Option<Count>,
}

impl MotionIn {
    pub fn check(&self) -> Result<MotionInput, Vec<FieldError>> {
        let mut c = Checks::default();
        let text = self.text.check(&mut c, "text", MAX_TEXT, true);
        if let Some(count) = &self.show_of_hands {
            for (field, n) in
                [("votes_for", count.votes_for), ("against", count.against), ("abstentions", count.abstentions)]
            {
                c.take(validate::in_range(field, n, 0..=100_000));
            }
        }
        c.finish(MotionInput { text, agenda_item_id: self.agenda_item_id, show_of_hands: self.show_of_hands })
    }
}

/// A member's vote.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct VoteIn {
    pub choice: Choice,
}

/// A body's rules for its meetings.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct RulesIn {
    pub quorum: Quorum,
    pub majority_of: MajorityOf,
    pub majority: Majority,
}

/// Where carrying out a decision stands.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct ExecutionIn {
    pub execution: Execution,
}

/// The longest narrative of minutes, in characters per language.
pub const MAX_NARRATIVE: usize = 50_000;

/// The secretariat's narrative of the minutes, in kk, ru and/or en (paragraphs separated by lines).
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct NarrativeIn {
    pub narrative: TextsIn,
}

impl NarrativeIn {
    pub fn check(&self) -> Result<Multilingual, Vec<FieldError>> {
        let mut c = Checks::default();
        let narrative = self.narrative.check(&mut c, "narrative", MAX_NARRATIVE, false);
        c.finish(narrative)
    }
}

/// An approval of the minutes; a correction (any version after the first) says why.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct ApprovalIn {
    /// Why the minutes are corrected: required for every version after the first.
    #[serde(default)]
    pub note: Option<String>,
}

impl ApprovalIn {
    /// The note as given (checked as a line), without deciding yet whether one is needed.
    pub fn check(&self) -> Result<Option<String>, Vec<FieldError>> {
        let mut c = Checks::default();
        let note = c.take(validate::optional_line("note", self.note.as_deref().unwrap_or(""), validate::MAX_LINE));
        c.finish(note)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakhstan_times_cross_midnight_and_year_ends_in_utc() {
        let t = |s| time_in_kazakhstan("t", s).map(stored);
        assert_eq!(t("2023-04-27T10:00").ok().as_deref(), Some("2023-04-27T05:00:00Z"));
        assert_eq!(t("2024-01-01T03:30").ok().as_deref(), Some("2023-12-31T22:30:00Z"));
        assert_eq!(t("2023-04-27T10:00:00+06:00").ok().as_deref(), Some("2023-04-27T04:00:00Z"));
        assert_eq!(t("27.04.2023 10:00").map_err(|e| e.key), Err("field-invalid-time"));
    }
}

/// A correction of a closed vote: the count it should have had, and why.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct CorrectionIn {
    pub reason: String,
    pub votes_for: i64,
    pub against: i64,
    pub abstentions: i64,
}

impl CorrectionIn {
    /// The reason (a line) and the count, each within 0 and `present`, their sum too.
    pub fn check(&self, present: i64) -> Result<(String, Count), Vec<FieldError>> {
        let mut c = Checks::default();
        let reason = c.take(validate::line("reason", &self.reason, 2, validate::MAX_LINE));
        for (field, n) in [("votes_for", self.votes_for), ("against", self.against), ("abstentions", self.abstentions)]
        {
            c.take(validate::in_range(field, n, 0..=present.max(0)));
        }
        let count = Count { votes_for: self.votes_for, against: self.against, abstentions: self.abstentions };
        if count.total() > present {
            c.push(FieldError::new("votes_for", "field-out-of-range"));
        }
        c.finish((reason, count))
    }
}
