//! What the signal form, the intake API and questionnaires submit, and the one check of each. What the registry
//! knows (the district's region) and what today is are checked by the change.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::indicators;
use super::model::{Multilingual, Reporter, SignalStatus};
use crate::platform::multilingual::TextsIn;
use crate::platform::validate::{self, Checks};
use crate::platform::web::FieldError;

/// The longest account of what happened, in characters.
pub const MAX_TEXT: usize = 4000;
/// The most links a signal carries.
pub const MAX_LINKS: usize = 5;
/// The longest verification note, rebuttal or alert response, in characters.
pub const MAX_NOTE: usize = 4000;

/// A signal as reported.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
#[serde(default)]
pub struct SignalIn {
    /// What happened, in the reporter's words.
    pub text: String,
    /// The language it is written in: `kk`, `ru` or `en`.
    pub text_lang: String,
    /// The region (ISO 3166-2, e.g. `KZ-19`).
    pub region_code: String,
    /// The district council of the district, if known.
    pub district_id: Option<i64>,
    /// A settlement (only for named and proxy reports: an anonymous reporter is never asked for a place).
    pub settlement: Option<String>,
    /// The day it happened, `YYYY-MM-DD` (not in the future).
    pub happened_on: String,
    /// Codes of `/api/v1/early-warning/indicators`, at least one.
    pub indicators: Vec<String>,
    /// 1 (minor: words, one person) to 5 (grave: violence, many people).
    pub severity: i64,
    /// Web addresses of what was published about it.
    pub links: Vec<String>,
    /// `anonymous` (the default for readers without an account), `named` or `proxy`.
    pub reporter: Option<Reporter>,
    /// How to reach the reporter: optional for a named report; for a proxy, the name and contact of the person
    /// whose report it is (required). Sealed at rest.
    pub contact: Option<String>,
}

/// A checked signal.
#[derive(Clone, Debug, Serialize)]
pub struct SignalInput {
    pub text: String,
    pub text_lang: String,
    pub region_code: String,
    pub district_id: Option<i64>,
    pub settlement: Option<String>,
    pub happened_on: String,
    pub indicators: Vec<String>,
    pub severity: i64,
    pub links: Vec<String>,
    pub reporter: Reporter,
    #[serde(skip)]
    pub contact: Option<String>,
}

impl SignalIn {
    /// Checks every field; `reporter` is what the request may claim (a reader without an account is anonymous).
    pub fn check(&self, reporter: Reporter) -> Result<SignalInput, Vec<FieldError>> {
        let mut c = Checks::default();
        let text = c.take(validate::text("text", &self.text, MAX_TEXT));
        let text_lang = self.text_lang.trim().to_owned();
        if !matches!(text_lang.as_str(), "kk" | "ru" | "en") {
            c.push(FieldError::new("text_lang", "field-invalid-choice"));
        }
        let region_code = self.region_code.trim().to_owned();
        if region_code.is_empty() {
            c.push(FieldError::new("region_code", "field-required"));
        } else if crate::registry::reference::region(&region_code).is_none() {
            c.push(FieldError::new("region_code", "field-invalid-choice"));
        }
        let happened_on = c.take(validate::date("happened_on", &self.happened_on));
        let mut codes: Vec<String> =
            self.indicators.iter().map(|i| i.trim().to_owned()).filter(|i| !i.is_empty()).collect();
        codes.sort();
        codes.dedup();
        if codes.is_empty() {
            c.push(FieldError::new("indicators", "signal-indicators-required"));
        } else if codes.len() > 8 || codes.iter().any(|i| indicators::get(i).is_none()) {
            c.push(FieldError::new("indicators", "field-invalid-choice"));
        }
        let severity = c.take(validate::in_range("severity", self.severity, 1..=5));
        let mut links = Vec::new();
        for link in self.links.iter().filter(|l| !l.trim().is_empty()) {
            match validate::website("links", link) {
                Ok(Some(l)) => links.push(l),
                Ok(None) => {}
                Err(e) => c.push(e),
            }
        }
        if links.len() > MAX_LINKS {
            c.push(FieldError::new("links", "field-too-many").with("max", MAX_LINKS as i64));
        }
        let anonymous = reporter == Reporter::Anonymous;
        let settlement = if anonymous {
            None
        } else {
            c.take(validate::optional_line("settlement", self.settlement.as_deref().unwrap_or(""), 120))
        };
        let contact = if anonymous {
            None
        } else {
            c.take(validate::optional_line("contact", self.contact.as_deref().unwrap_or(""), 300))
        };
        if reporter == Reporter::Proxy && contact.is_none() {
            c.push(FieldError::new("contact", "signal-proxy-contact-required"));
        }
        c.finish(SignalInput {
            text,
            text_lang,
            region_code,
            district_id: self.district_id,
            settlement,
            happened_on,
            indicators: codes,
            severity,
            links,
            reporter,
            contact,
        })
    }
}

/// A verifier's step.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct VerifyIn {
    /// `verifying`, `confirmed`, `false` or `unverifiable`.
    pub status: SignalStatus,
    /// What was found, and how.
    #[serde(default)]
    pub note: Option<String>,
}

impl VerifyIn {
    pub fn check(&self) -> Result<(SignalStatus, Option<String>), Vec<FieldError>> {
        let mut c = Checks::default();
        let note = c.take(validate::optional_text("note", self.note.as_deref().unwrap_or(""), MAX_NOTE));
        if self.status == SignalStatus::New {
            c.push(FieldError::new("status", "field-invalid-choice"));
        }
        // A finding says what it rests on.
        if matches!(self.status, SignalStatus::Confirmed | SignalStatus::False | SignalStatus::Unverifiable)
            && note.is_none()
        {
            c.push(FieldError::new("note", "signal-finding-note-required"));
        }
        c.finish((self.status, note))
    }
}

/// The rebuttal of a false rumour, in one or more languages.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct RebuttalIn {
    pub text: TextsIn,
}

impl RebuttalIn {
    pub fn check(&self) -> Result<Multilingual, Vec<FieldError>> {
        let mut c = Checks::default();
        let text = self.text.check(&mut c, "rebuttal", MAX_NOTE, true);
        c.finish(text)
    }
}

/// An alert's owners' response.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
pub struct ResponseIn {
    pub response: String,
}

impl ResponseIn {
    pub fn check(&self) -> Result<String, Vec<FieldError>> {
        validate::text("response", &self.response, MAX_NOTE).map_err(|e| vec![e])
    }
}
