//! Mediation in the users' words: an ethnomediation council opens a `Case` (from signals, or directly) between
//! `Party`s (communities, associations, persons); its assigned mediators keep the case file (`Entry`: notes and
//! meetings), record the agreement and follow-up dates, and close it with an `Outcome`. Only the assigned
//! mediators and the council's chair read a case, every read is logged, and what it says is sealed at rest.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum CaseStatus {
    Open,
    /// An agreement was reached; its follow-up runs.
    Agreement,
    Closed,
}

impl CaseStatus {
    pub fn key(self) -> &'static str {
        match self {
            CaseStatus::Open => "case-status-open",
            CaseStatus::Agreement => "case-status-agreement",
            CaseStatus::Closed => "case-status-closed",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum Outcome {
    AgreementHeld,
    AgreementBroken,
    NoAgreement,
    Withdrawn,
}

impl Outcome {
    pub const ALL: [Outcome; 4] =
        [Outcome::AgreementHeld, Outcome::AgreementBroken, Outcome::NoAgreement, Outcome::Withdrawn];

    pub fn key(self) -> &'static str {
        match self {
            Outcome::AgreementHeld => "case-outcome-agreement-held",
            Outcome::AgreementBroken => "case-outcome-agreement-broken",
            Outcome::NoAgreement => "case-outcome-no-agreement",
            Outcome::Withdrawn => "case-outcome-withdrawn",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Outcome::AgreementHeld => "agreement_held",
            Outcome::AgreementBroken => "agreement_broken",
            Outcome::NoAgreement => "no_agreement",
            Outcome::Withdrawn => "withdrawn",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum PartyKind {
    Community,
    Association,
    Person,
}

impl PartyKind {
    pub fn key(self) -> &'static str {
        match self {
            PartyKind::Community => "party-community",
            PartyKind::Association => "party-association",
            PartyKind::Person => "party-person",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum EntryKind {
    Note,
    Meeting,
    Agreement,
    FollowUp,
    Outcome,
}

impl EntryKind {
    pub fn key(self) -> &'static str {
        match self {
            EntryKind::Note => "case-entry-note",
            EntryKind::Meeting => "case-entry-meeting",
            EntryKind::Agreement => "case-entry-agreement",
            EntryKind::FollowUp => "case-entry-follow-up",
            EntryKind::Outcome => "case-entry-outcome",
        }
    }
}

/// What may be said of a case without opening it: never its title, parties or file.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CaseHead {
    pub id: i64,
    pub council_id: i64,
    pub region_code: String,
    pub status: CaseStatus,
    pub outcome: Option<Outcome>,
    pub opened_on: String,
    pub closed_on: Option<String>,
    pub agreement_on: Option<String>,
    pub follow_up_on: Option<String>,
    pub demo: bool,
}

/// A case opened for one who may read it.
#[derive(Clone, Debug)]
pub struct Case {
    pub head: CaseHead,
    pub title: String,
    pub agreement: Option<String>,
    pub parties: Vec<Party>,
    /// Assigned mediators: (person id, name).
    pub mediators: Vec<(i64, String)>,
    pub signals: Vec<i64>,
    pub entries: Vec<Entry>,
    pub documents: Vec<Document>,
}

/// A document of the case file, its title opened (its content is opened only when downloaded, and logged).
#[derive(Clone, Debug)]
pub struct Document {
    pub id: i64,
    pub title: String,
    pub content_type: String,
    pub size: i64,
    pub added_at: String,
}

#[derive(Clone, Debug)]
pub struct Party {
    pub kind: PartyKind,
    pub name: String,
}

#[derive(Clone, Debug)]
pub struct Entry {
    pub kind: EntryKind,
    pub on_day: String,
    pub text: String,
    pub written_by: Option<String>,
    pub written_at: String,
}
