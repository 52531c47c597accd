//! Proposals in the users' words: a participant, an association (through a member who represents it) or a body
//! files a `Proposal` to a body; people support it; reaching the body's `Rules` threshold within its window puts it
//! in the body's queue; the body accepts, forwards it up, merges it with others, or rejects it, with a reason.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use crate::platform::multilingual::{Multilingual, Shown};
use crate::registry::model::BodyKind;

/// Where a proposal stands. Open and queued proposals are live: they gather support and wait for the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum ProposalStatus {
    /// Gathering support.
    Open,
    /// Reached the threshold: in the body's queue for its next meeting.
    Queued,
    Accepted,
    /// Sent to the body above, where it lives on as a new proposal with the same supporters.
    Forwarded,
    /// Joined into another proposal of the same body, which carries its supporters.
    Merged,
    Rejected,
}

impl ProposalStatus {
    pub const ALL: [ProposalStatus; 6] = [
        ProposalStatus::Open,
        ProposalStatus::Queued,
        ProposalStatus::Accepted,
        ProposalStatus::Forwarded,
        ProposalStatus::Merged,
        ProposalStatus::Rejected,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ProposalStatus::Open => "proposal-status-open",
            ProposalStatus::Queued => "proposal-status-queued",
            ProposalStatus::Accepted => "proposal-status-accepted",
            ProposalStatus::Forwarded => "proposal-status-forwarded",
            ProposalStatus::Merged => "proposal-status-merged",
            ProposalStatus::Rejected => "proposal-status-rejected",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ProposalStatus::Open => "open",
            ProposalStatus::Queued => "queued",
            ProposalStatus::Accepted => "accepted",
            ProposalStatus::Forwarded => "forwarded",
            ProposalStatus::Merged => "merged",
            ProposalStatus::Rejected => "rejected",
        }
    }

    pub fn from_code(code: &str) -> Option<ProposalStatus> {
        ProposalStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Still before its body: it gathers support and may be decided.
    pub fn is_live(self) -> bool {
        matches!(self, ProposalStatus::Open | ProposalStatus::Queued)
    }
}

/// On whose behalf a proposal is filed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum OnBehalf {
    /// The author himself.
    #[serde(rename = "self")]
    #[sqlx(rename = "self")]
    Myself,
    /// An association the author represents (he holds a seat for it in some body).
    Association,
    /// A body whose secretariat the author is.
    Body,
}

/// What a body does with a proposal; each step has a reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Accept,
    /// To the body above (district council → regional assembly → national session).
    Forward,
    /// Into another live proposal of the same body.
    Merge,
    Reject,
}

impl Step {
    pub fn status(self) -> ProposalStatus {
        match self {
            Step::Accept => ProposalStatus::Accepted,
            Step::Forward => ProposalStatus::Forwarded,
            Step::Merge => ProposalStatus::Merged,
            Step::Reject => ProposalStatus::Rejected,
        }
    }
}

/// A body's threshold and window: so many supporters within so many days of filing (or of arrival from below).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(as = ProposalRules)]
pub struct Rules {
    pub threshold: i64,
    pub window_days: i64,
}

impl Rules {
    /// Until its secretariat sets them: 50 supporters in 90 days for a district council, 500 for a regional
    /// assembly, 5,000 for the national level.
    pub fn default_for(kind: BodyKind) -> Rules {
        let threshold = match kind {
            BodyKind::NationalSession | BodyKind::Council => 5_000,
            BodyKind::RegionalAssembly => 500,
            _ => 50,
        };
        Rules { threshold, window_days: 90 }
    }
}

/// The kinds of bodies that receive proposals: district councils, regional assemblies and the national session.
pub fn receives_proposals(kind: BodyKind) -> bool {
    matches!(kind, BodyKind::PublicConsentCouncil | BodyKind::RegionalAssembly | BodyKind::NationalSession)
}

/// A proposal as stored.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Proposal {
    pub id: i64,
    /// The body it is before.
    pub body_id: i64,
    pub on_behalf: OnBehalf,
    pub association_id: Option<i64>,
    pub author_body_id: Option<i64>,
    pub title: Multilingual,
    pub text: Multilingual,
    /// A code of the taxonomy (`/api/v1/proposals/categories`).
    pub category: String,
    pub region_code: Option<String>,
    /// The district council of the district it concerns.
    pub district_id: Option<i64>,
    pub status: ProposalStatus,
    /// The Kazakhstan day support opened (filing, or arrival from below) and the last day it may be given.
    pub opens_on: String,
    pub closes_on: String,
    /// Distinct supporters, its sources' included.
    pub supporters: i64,
    pub queued_at: Option<String>,
    pub decided_at: Option<String>,
    /// The body's stated reason for its step.
    pub reason: Option<String>,
    /// The meeting where the body decided.
    pub meeting_id: Option<i64>,
    /// The proposal of the body below that this one continues.
    pub forwarded_from: Option<i64>,
    /// The proposal this one was merged into.
    pub merged_into: Option<i64>,
    pub demo: bool,
    pub created_at: String,
    pub updated_at: String,
    #[serde(skip)]
    pub author_id: i64,
    /// When moderation hid it (out of lists; kept, its author still sees it).
    #[serde(skip)]
    pub hidden_at: Option<String>,
}

impl Proposal {
    pub fn heading(&self, lang: crate::platform::i18n::Lang) -> String {
        self.title.show(lang).map(|s| s.text).unwrap_or_default()
    }
}
