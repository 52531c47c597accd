//! What the recommendation forms and the API submit, and the one check of each.

use serde::Deserialize;
use utoipa::ToSchema;

use super::model::{Implementation, Multilingual};
use crate::platform::multilingual::TextsIn;
use crate::platform::validate::{self, Checks};
use crate::platform::web::FieldError;

/// The longest recommendation or answer, in characters.
pub const MAX_TEXT: usize = 16_000;
/// The longest reason or note.
pub const MAX_REASON: usize = 2_000;
/// The most addressees one sending reaches.
pub const MAX_ADDRESSEES: usize = 60;

/// A recommendation as its secretariat sends it.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct SendIn {
    /// The sending body.
    pub body_id: i64,
    /// One recommendation goes to each.
    pub addressee_ids: Vec<i64>,
    /// The accepted proposal it comes from.
    #[serde(default)]
    pub proposal_id: Option<i64>,
    /// The decision it comes from.
    #[serde(default)]
    pub decision_id: Option<i64>,
    pub title: TextsIn,
    pub text: TextsIn,
}

impl SendIn {
    pub fn check(&self) -> Result<(Multilingual, Multilingual, Vec<i64>), Vec<FieldError>> {
        let mut c = Checks::default();
        let title = self.title.check(&mut c, "title", validate::MAX_LINE, true);
        let text = self.text.check(&mut c, "text", MAX_TEXT, true);
        let mut addressees = self.addressee_ids.clone();
        addressees.sort_unstable();
        addressees.dedup();
        if addressees.is_empty() {
            c.push(FieldError::new("addressee_ids", "field-required"));
        } else if addressees.len() > MAX_ADDRESSEES {
            c.push(FieldError::new("addressee_ids", "field-too-many").with("max", MAX_ADDRESSEES as i64));
        }
        c.finish((title, text, addressees))
    }
}

/// An extension of the term by the addressee's reasoned decision.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct ExtendIn {
    /// The new term, `YYYY-MM-DD`: after the due date, at most two months from receipt.
    pub to: String,
    pub reason: String,
}

impl ExtendIn {
    pub fn check(&self) -> Result<(time::Date, String), Vec<FieldError>> {
        let mut c = Checks::default();
        let to = c.take(validate::date("to", &self.to));
        let reason = c.take(validate::text("reason", &self.reason, MAX_REASON));
        let to = crate::platform::days::parse_iso(&to);
        match (to, c.finish(reason)) {
            (Some(to), Ok(reason)) => Ok((to, reason)),
            (None, Ok(_)) => Err(vec![FieldError::new("to", "field-invalid-date")]),
            (_, Err(errors)) => Err(errors),
        }
    }
}

/// Forwarding to the addressee that can act on it.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct ForwardIn {
    pub addressee_id: i64,
    pub reason: String,
}

/// The addressee's answer.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct AnswerIn {
    pub text: String,
    /// `kk`, `ru` or `en`: the language the answer is written in.
    pub lang: String,
}

impl AnswerIn {
    pub fn check(&self) -> Result<(String, String), Vec<FieldError>> {
        let mut c = Checks::default();
        let text = c.take(validate::text("text", &self.text, MAX_TEXT));
        let lang = crate::platform::i18n::Lang::from_code(self.lang.trim()).map(|l| l.code().to_owned());
        if lang.is_none() {
            c.push(FieldError::new("lang", "field-invalid-choice"));
        }
        c.finish((text, lang.unwrap_or_default()))
    }
}

/// A report of implementation.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct ReportIn {
    /// `planned`, `in_progress`, `implemented` or `declined` (with a note saying why).
    pub implementation: Implementation,
    #[serde(default)]
    pub note: Option<String>,
}

impl ReportIn {
    pub fn check(&self) -> Result<Option<String>, Vec<FieldError>> {
        let mut c = Checks::default();
        let note = c.take(validate::optional_text("note", self.note.as_deref().unwrap_or(""), MAX_REASON));
        if self.implementation == Implementation::None {
            c.push(FieldError::new("implementation", "field-invalid-choice"));
        }
        if self.implementation == Implementation::Declined && note.is_none() {
            c.push(FieldError::new("note", "recommendation-decline-needs-reason"));
        }
        c.finish(note)
    }
}
