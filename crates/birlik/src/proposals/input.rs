//! What the proposal forms and the API submit, and the one check of each.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::model::{Multilingual, OnBehalf, Rules, Step};
use crate::platform::multilingual::TextsIn;
use crate::platform::validate::{self, Checks};
use crate::platform::web::FieldError;

/// The longest proposal text, in characters.
pub const MAX_TEXT: usize = 8000;
/// The longest stated reason, in characters.
pub const MAX_REASON: usize = 2000;

/// A proposal as its author files it.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct ProposalIn {
    /// The body it is filed to: a district council, a regional assembly or the national session.
    pub body_id: i64,
    pub title: TextsIn,
    pub text: TextsIn,
    /// A code of `/api/v1/proposals/categories`.
    pub category: String,
    /// The region it concerns; a district council's or regional assembly's own region when filed there.
    #[serde(default)]
    pub region_code: Option<String>,
    /// The district council of the district it concerns.
    #[serde(default)]
    pub district_id: Option<i64>,
    /// `self` (the default), `association` or `body`.
    #[serde(default)]
    pub on_behalf: Option<OnBehalf>,
    #[serde(default)]
    pub association_id: Option<i64>,
    #[serde(default)]
    pub author_body_id: Option<i64>,
}

/// A checked proposal (the registry's facts are checked by the change).
#[derive(Clone, Debug, Serialize)]
pub struct ProposalInput {
    pub body_id: i64,
    pub title: Multilingual,
    pub text: Multilingual,
    pub category: String,
    pub region_code: Option<String>,
    pub district_id: Option<i64>,
    pub on_behalf: OnBehalf,
    pub association_id: Option<i64>,
    pub author_body_id: Option<i64>,
}

impl ProposalIn {
    pub fn check(&self) -> Result<ProposalInput, Vec<FieldError>> {
        let mut c = Checks::default();
        let title = self.title.check(&mut c, "title", validate::MAX_LINE, true);
        let text = self.text.check(&mut c, "text", MAX_TEXT, true);
        if super::categories::get(self.category.trim()).is_none() {
            c.push(FieldError::new("category", "field-invalid-choice"));
        }
        let region_code = self.region_code.as_deref().map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned);
        if region_code.as_deref().is_some_and(|r| crate::registry::reference::region(r).is_none()) {
            c.push(FieldError::new("region_code", "field-invalid-choice"));
        }
        let on_behalf = self.on_behalf.unwrap_or(OnBehalf::Myself);
        let association_id = self.association_id.filter(|_| on_behalf == OnBehalf::Association);
        let author_body_id = self.author_body_id.filter(|_| on_behalf == OnBehalf::Body);
        if on_behalf == OnBehalf::Association && association_id.is_none() {
            c.push(FieldError::new("association_id", "field-required"));
        }
        if on_behalf == OnBehalf::Body && author_body_id.is_none() {
            c.push(FieldError::new("author_body_id", "field-required"));
        }
        c.finish(ProposalInput {
            body_id: self.body_id,
            title,
            text,
            category: self.category.trim().to_owned(),
            region_code,
            district_id: self.district_id,
            on_behalf,
            association_id,
            author_body_id,
        })
    }
}

/// What a body does with a proposal, and why.
#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct StepIn {
    pub step: Step,
    /// The stated reason, told to the author, supporters and followers.
    pub reason: String,
    /// The meeting of the body where it decided.
    #[serde(default)]
    pub meeting_id: Option<i64>,
    /// For `merge`: the live proposal of the same body this one joins.
    #[serde(default)]
    pub into: Option<i64>,
}

impl StepIn {
    pub fn check(&self) -> Result<String, Vec<FieldError>> {
        let mut c = Checks::default();
        let reason = c.take(validate::text("reason", &self.reason, MAX_REASON));
        if self.step == Step::Merge && self.into.is_none() {
            c.push(FieldError::new("into", "field-required"));
        }
        c.finish(reason)
    }
}

/// A body's threshold and window, as its secretariat sets them.
#[derive(Clone, Copy, Debug, Deserialize, ToSchema)]
#[schema(as = ProposalRulesIn)]
pub struct RulesIn {
    pub threshold: i64,
    pub window_days: i64,
}

impl RulesIn {
    pub fn check(&self) -> Result<Rules, Vec<FieldError>> {
        let mut c = Checks::default();
        let threshold = c.take(validate::in_range("threshold", self.threshold, 1..=10_000_000));
        let window_days = c.take(validate::in_range("window_days", self.window_days, 1..=730));
        c.finish(Rules { threshold, window_days })
    }
}
