//! Early warning in the users' words: anyone reports a `Signal` (anonymously, under his name, or through a proxy
//! who enters a walk-in or telephone report); a `Verifier` of the regional assembly confirms it, finds it false or
//! cannot verify it; confirmed signals feed the region's tension index, and an abnormal rise raises an `Alert`
//! whose owners (the regional assembly's secretariat, the ethnomediation council) acknowledge it and record their
//! response.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use crate::platform::multilingual::Multilingual;

/// Who stands behind a signal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum Reporter {
    /// Nobody known: no account, no address, no time beyond the day is kept.
    Anonymous,
    /// A logged-in person, under his own name.
    Named,
    /// A logged-in person entering a walk-in or telephone report for someone else.
    Proxy,
}

impl Reporter {
    pub fn key(self) -> &'static str {
        match self {
            Reporter::Anonymous => "signal-reporter-anonymous",
            Reporter::Named => "signal-reporter-named",
            Reporter::Proxy => "signal-reporter-proxy",
        }
    }
}

/// How a signal arrived.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum Channel {
    Form,
    Api,
    Questionnaire,
    Demo,
}

/// Where a signal stands in verification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum SignalStatus {
    New,
    Verifying,
    /// Counted by the index.
    Confirmed,
    False,
    Unverifiable,
}

impl SignalStatus {
    pub const ALL: [SignalStatus; 5] = [
        SignalStatus::New,
        SignalStatus::Verifying,
        SignalStatus::Confirmed,
        SignalStatus::False,
        SignalStatus::Unverifiable,
    ];

    pub fn key(self) -> &'static str {
        match self {
            SignalStatus::New => "signal-status-new",
            SignalStatus::Verifying => "signal-status-verifying",
            SignalStatus::Confirmed => "signal-status-confirmed",
            SignalStatus::False => "signal-status-false",
            SignalStatus::Unverifiable => "signal-status-unverifiable",
        }
    }

    /// The steps a verifier may take from here: new → verifying → confirmed / false / unverifiable, and a
    /// finding may be revisited while new facts come in.
    pub fn may_become(self, to: SignalStatus) -> bool {
        use SignalStatus::*;
        matches!(
            (self, to),
            (New, Verifying | Confirmed | False | Unverifiable)
                | (Verifying, Confirmed | False | Unverifiable)
                | (Confirmed | False | Unverifiable, Verifying)
        )
    }
}

/// A signal as its region's verifiers see it (the public never sees one signal: only weekly counts).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Signal {
    pub id: i64,
    pub reporter: Reporter,
    /// The account that reported or entered it (none for an anonymous signal).
    pub reported_by: Option<i64>,
    pub region_code: String,
    /// The district council of the district.
    pub district_id: Option<i64>,
    pub settlement: Option<String>,
    pub happened_on: String,
    /// What happened; none once redacted by the retention rule.
    pub text: Option<String>,
    pub text_lang: String,
    pub severity: i64,
    pub indicators: Vec<String>,
    pub links: Vec<String>,
    pub channel: Channel,
    pub status: SignalStatus,
    /// The sum of its indicators' weights: positive when conflict outweighs peace.
    pub weight: f64,
    pub verification_note: Option<String>,
    /// A rebuttal of a false rumour, published with it.
    pub rebuttal: Multilingual,
    pub rebutted_at: Option<String>,
    pub redacted_on: Option<String>,
    pub received_on: String,
    pub demo: bool,
}

/// Where an alert stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum AlertStatus {
    /// Raised, not yet acknowledged.
    Open,
    Acknowledged,
    /// Its owners recorded their response.
    Responded,
}

impl AlertStatus {
    pub fn key(self) -> &'static str {
        match self {
            AlertStatus::Open => "alert-status-open",
            AlertStatus::Acknowledged => "alert-status-acknowledged",
            AlertStatus::Responded => "alert-status-responded",
        }
    }
}

/// An abnormal rise of a region's tension index.
#[derive(Clone, Debug, Serialize, ToSchema, sqlx::FromRow)]
pub struct Alert {
    pub id: i64,
    pub region_code: String,
    /// The day the rule fired on.
    pub raised_on: String,
    pub index_value: f64,
    /// The CUSUM score that crossed the threshold.
    pub score: f64,
    /// The mean daily input of the baseline window.
    pub baseline: f64,
    pub status: AlertStatus,
    /// Its owners must acknowledge it by then, or it escalates to the national level.
    pub ack_due_at: String,
    pub acknowledged_at: Option<String>,
    pub response: Option<String>,
    pub responded_at: Option<String>,
    pub escalated_at: Option<String>,
    pub demo: bool,
    pub created_at: String,
}
