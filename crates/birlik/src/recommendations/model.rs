//! Recommendations in the users' words: a body's secretariat sends a `Recommendation` to an `Addressee` (a
//! ministry, a regional akimat, a party); its `Liaison` acknowledges, may extend the term or forward it to the right
//! addressee, answers, and reports its `Implementation` until it is closed. The clock is [`super::deadlines`].

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use crate::platform::multilingual::Multilingual;

/// What kind of addressee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum AddresseeKind {
    /// A ministry of the Government.
    Ministry,
    /// The akimat of a region or of a city of republican significance.
    Akimat,
    /// A registered political party.
    Party,
    Other,
}

impl AddresseeKind {
    pub const ALL: [AddresseeKind; 4] =
        [AddresseeKind::Ministry, AddresseeKind::Akimat, AddresseeKind::Party, AddresseeKind::Other];

    pub fn key(self) -> &'static str {
        match self {
            AddresseeKind::Ministry => "addressee-kind-ministry",
            AddresseeKind::Akimat => "addressee-kind-akimat",
            AddresseeKind::Party => "addressee-kind-party",
            AddresseeKind::Other => "addressee-kind-other",
        }
    }
}

/// A state body or party recommendations go to.
#[derive(Clone, Debug, Serialize, ToSchema, sqlx::FromRow)]
pub struct Addressee {
    pub id: i64,
    /// A stable code of the reference data, e.g. `akimat-KZ-31`.
    pub code: String,
    pub kind: AddresseeKind,
    pub region_code: Option<String>,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
    pub website: Option<String>,
    /// Where the reference data took it from.
    pub source: Option<String>,
    pub archived_at: Option<String>,
}

impl crate::platform::i18n::Localized for Addressee {
    fn name_kk(&self) -> &str {
        &self.name_kk
    }
    fn name_ru(&self) -> &str {
        &self.name_ru
    }
    fn name_en(&self) -> &str {
        &self.name_en
    }
}

/// Where a recommendation stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
#[schema(as = RecommendationStatus)]
pub enum Status {
    /// Sent; the answer is awaited.
    Awaiting,
    /// Answered; its implementation is reported until it is closed.
    Answered,
    /// Sent on to the right addressee, where a new recommendation continues it.
    Forwarded,
    /// Implemented, declined, or closed by the sender.
    Closed,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Awaiting => "recommendation-status-awaiting",
            Status::Answered => "recommendation-status-answered",
            Status::Forwarded => "recommendation-status-forwarded",
            Status::Closed => "recommendation-status-closed",
        }
    }
}

/// What the addressee reports of its implementation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum Implementation {
    /// Nothing reported yet.
    None,
    Planned,
    InProgress,
    Implemented,
    /// Declined, with a reason.
    Declined,
}

impl Implementation {
    pub fn key(self) -> &'static str {
        match self {
            Implementation::None => "implementation-none",
            Implementation::Planned => "implementation-planned",
            Implementation::InProgress => "implementation-in-progress",
            Implementation::Implemented => "implementation-implemented",
            Implementation::Declined => "implementation-declined",
        }
    }

    /// Implemented or declined: the recommendation is closed.
    pub fn is_final(self) -> bool {
        matches!(self, Implementation::Implemented | Implementation::Declined)
    }
}

/// A recommendation to one addressee.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Recommendation {
    pub id: i64,
    /// The first recommendation of those sent together (the same text to several addressees).
    pub batch_id: i64,
    /// The body that sent it.
    pub body_id: i64,
    pub addressee_id: i64,
    pub proposal_id: Option<i64>,
    pub decision_id: Option<i64>,
    pub title: Multilingual,
    pub text: Multilingual,
    /// Kazakhstan dates: receipt (the day the platform delivered it), and the terms it set.
    pub received_on: String,
    pub due_on: String,
    pub forward_by: String,
    pub latest_extension_on: String,
    pub acknowledged_at: Option<String>,
    pub extended_to: Option<String>,
    pub extended_on: Option<String>,
    pub extension_reason: Option<String>,
    pub answered_on: Option<String>,
    pub answer_text: Option<String>,
    pub answer_lang: Option<String>,
    pub status: Status,
    pub implementation: Implementation,
    /// The recommendation this one continues (sent to the wrong addressee and forwarded).
    pub forwarded_from: Option<i64>,
    pub forward_reason: Option<String>,
    pub escalated_at: Option<String>,
    pub demo: bool,
    pub created_at: String,
    pub updated_at: String,
}

impl Recommendation {
    /// The term that binds: the extended one, else the due date.
    pub fn term(&self) -> &str {
        self.extended_to.as_deref().unwrap_or(&self.due_on)
    }

    /// Awaiting an answer past its term on `today` (`YYYY-MM-DD`).
    pub fn is_overdue(&self, today: &str) -> bool {
        self.status == Status::Awaiting && today > self.term()
    }

    /// Answered by its term.
    pub fn answered_on_time(&self) -> Option<bool> {
        self.answered_on.as_deref().map(|a| a <= self.term())
    }

    pub fn heading(&self, lang: crate::platform::i18n::Lang) -> String {
        self.title.show(lang).map(|s| s.text).unwrap_or_default()
    }
}

/// One report of implementation, as made.
#[derive(Clone, Debug, Serialize, ToSchema, sqlx::FromRow)]
pub struct Report {
    pub id: i64,
    pub implementation: Implementation,
    pub note: Option<String>,
    pub reported_at: String,
}
