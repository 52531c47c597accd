//! Sessions and decisions in the users' words: a `Meeting` of a body has an agenda of `AgendaItem`s, an attendance,
//! `Motion`s put to the vote (each member's `Vote`, or a show of hands), and the `Decision`s adopted. Whether a
//! meeting may decide is its body's `Rules`: the `Quorum` and the `Majority` a motion needs ([`outcome`]).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub use crate::platform::multilingual::{Multilingual, Shown};

/// What kind of meeting: a numbered session (of the Assembly or a regional assembly), a Council meeting, or
/// another body's meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum Kind {
    Session,
    CouncilMeeting,
    Meeting,
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Kind::Session => "meeting-kind-session",
            Kind::CouncilMeeting => "meeting-kind-council-meeting",
            Kind::Meeting => "meeting-kind-meeting",
        }
    }
}

/// Where a meeting stands: planned → convened → in progress → closed; postponed or cancelled with a reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum MeetingStatus {
    Planned,
    Convened,
    InProgress,
    Closed,
    Postponed,
    Cancelled,
}

impl MeetingStatus {
    pub fn key(self) -> &'static str {
        match self {
            MeetingStatus::Planned => "meeting-status-planned",
            MeetingStatus::Convened => "meeting-status-convened",
            MeetingStatus::InProgress => "meeting-status-in-progress",
            MeetingStatus::Closed => "meeting-status-closed",
            MeetingStatus::Postponed => "meeting-status-postponed",
            MeetingStatus::Cancelled => "meeting-status-cancelled",
        }
    }

    /// May a meeting go from this status to `next`? A postponed meeting is planned again (with new times).
    pub fn may_become(self, next: MeetingStatus) -> bool {
        use MeetingStatus::*;
        matches!(
            (self, next),
            (Planned, Convened)
                | (Convened, InProgress)
                | (InProgress, Closed)
                | (Planned | Convened, Postponed)
                | (Postponed, Planned)
                | (Planned | Convened | Postponed, Cancelled)
        )
    }

    /// Postponing and cancelling need a reason.
    pub fn needs_reason(self) -> bool {
        matches!(self, MeetingStatus::Postponed | MeetingStatus::Cancelled)
    }
}

/// How many members must be present for a meeting to decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum Quorum {
    /// More than half of the members (the default).
    MoreThanHalf,
    /// At least two thirds of the members (the Council).
    TwoThirds,
}

/// Of whom a motion needs its majority.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum MajorityOf {
    Present,
    AllMembers,
}

/// How large a majority a motion needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum Majority {
    /// More than half.
    Simple,
    /// At least two thirds.
    TwoThirds,
}

/// A body's rules for its meetings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Rules {
    pub quorum: Quorum,
    pub majority_of: MajorityOf,
    pub majority: Majority,
}

impl Rules {
    /// The rules of a body that has set none: the Council needs two thirds of its members present, every other
    /// body more than half; a motion needs more than half of those present.
    pub fn default_for(body_kind: crate::registry::model::BodyKind) -> Rules {
        let quorum = if body_kind == crate::registry::model::BodyKind::Council {
            Quorum::TwoThirds
        } else {
            Quorum::MoreThanHalf
        };
        Rules { quorum, majority_of: MajorityOf::Present, majority: Majority::Simple }
    }
}

/// More than half, or at least two thirds, of `whole`.
fn reaches(part: i64, whole: i64, two_thirds: bool) -> bool {
    if two_thirds { part.saturating_mul(3) >= whole.saturating_mul(2) } else { part.saturating_mul(2) > whole }
}

/// Does quorum hold with `present` of `members` present? A body with no members never has one.
pub fn quorum_holds(quorum: Quorum, members: i64, present: i64) -> bool {
    members > 0 && reaches(present, members, quorum == Quorum::TwoThirds)
}

/// A vote's count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Count {
    pub votes_for: i64,
    pub against: i64,
    pub abstentions: i64,
}

impl Count {
    pub fn total(&self) -> i64 {
        self.votes_for.saturating_add(self.against).saturating_add(self.abstentions)
    }
}

/// What a closed vote decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum Outcome {
    Adopted,
    Rejected,
    /// Too few members were present to decide.
    NoQuorum,
}

impl Outcome {
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Adopted => "motion-adopted",
            Outcome::Rejected => "motion-rejected",
            Outcome::NoQuorum => "motion-no-quorum",
        }
    }
}

/// The result of a vote by the body's rules: without quorum nothing is decided; otherwise the motion is adopted
/// when the votes for it reach the majority of those present (or of all members).
pub fn outcome(rules: &Rules, members: i64, present: i64, count: &Count) -> Outcome {
    if !quorum_holds(rules.quorum, members, present) {
        return Outcome::NoQuorum;
    }
    let base = match rules.majority_of {
        MajorityOf::Present => present,
        MajorityOf::AllMembers => members,
    };
    if reaches(count.votes_for, base, rules.majority == Majority::TwoThirds) {
        Outcome::Adopted
    } else {
        Outcome::Rejected
    }
}

/// A session's number in Roman numerals (1 to 3999), as the Assembly writes them: XXXII.
pub fn roman(mut n: i64) -> Option<String> {
    if !(1..=3999).contains(&n) {
        return None;
    }
    const NUMERALS: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    Some(out)
}

#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Meeting {
    pub id: i64,
    pub body_id: i64,
    pub kind: Kind,
    /// The session's number (shown in Roman numerals, `number_roman`).
    pub number: Option<i64>,
    pub number_roman: Option<String>,
    pub title: Multilingual,
    pub description: Multilingual,
    /// RFC 3339, UTC; shown in Kazakhstan time (UTC+5).
    pub starts_at: String,
    pub ends_at: String,
    pub place: Option<String>,
    pub online_url: Option<String>,
    pub status: MeetingStatus,
    /// Why it was postponed or cancelled.
    pub status_reason: Option<String>,
    pub agenda_published_at: Option<String>,
    /// Fictional demo content.
    pub demo: bool,
    pub created_at: String,
    pub updated_at: String,
    /// Its calendar `SEQUENCE` (RFC 5545), raised at each change; in the feeds, not in the API.
    #[serde(skip)]
    pub sequence: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct AgendaItem {
    pub id: i64,
    pub meeting_id: i64,
    /// 1, 2, 3… in the order of the agenda.
    pub position: i64,
    pub title: Multilingual,
    /// A member or an invited person.
    pub presenter: Option<String>,
    pub consultation_id: Option<i64>,
    /// When the item was added after the agenda was published.
    pub added_after_publication_at: Option<String>,
}

/// A member's attendance at a meeting.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Attendance {
    pub person_id: i64,
    pub person_name: String,
    pub present: bool,
    /// The member checked in himself (else the secretariat registered him).
    pub by_self: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum Method {
    /// Each present member votes from his own login; the roll call is public.
    RollCall,
    /// The secretariat recorded the count of a show of hands.
    ShowOfHands,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum MotionStatus {
    Open,
    Closed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum Choice {
    For,
    Against,
    Abstain,
}

impl Choice {
    pub fn key(self) -> &'static str {
        match self {
            Choice::For => "vote-for",
            Choice::Against => "vote-against",
            Choice::Abstain => "vote-abstain",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Motion {
    pub id: i64,
    pub meeting_id: i64,
    pub agenda_item_id: Option<i64>,
    pub text: Multilingual,
    pub method: Method,
    pub status: MotionStatus,
    /// The body's rules when the vote opened.
    pub rules: Rules,
    /// Members of the body and those present when the vote closed.
    pub members: Option<i64>,
    pub present: Option<i64>,
    pub count: Option<Count>,
    pub outcome: Option<Outcome>,
    pub opened_at: String,
    pub closed_at: Option<String>,
}

/// One member's recorded vote (the roll call is public).
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Vote {
    pub motion_id: i64,
    pub person_id: i64,
    pub person_name: String,
    pub choice: Choice,
    pub at: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum Execution {
    Pending,
    InProgress,
    Done,
    NotDone,
}

impl Execution {
    pub fn key(self) -> &'static str {
        match self {
            Execution::Pending => "execution-pending",
            Execution::InProgress => "execution-in-progress",
            Execution::Done => "execution-done",
            Execution::NotDone => "execution-not-done",
        }
    }
}

/// An adopted motion: "XXXII session, decision No. 3".
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct Decision {
    pub id: i64,
    pub body_id: i64,
    pub meeting_id: i64,
    pub motion_id: i64,
    /// Numbered per meeting, from 1.
    pub number: i64,
    pub text: Multilingual,
    pub execution: Execution,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quorum_and_majority_follow_the_rules() {
        use Majority::{Simple, TwoThirds as Two};
        use MajorityOf::{AllMembers, Present};
        use Outcome::{Adopted, NoQuorum, Rejected};
        use Quorum::{MoreThanHalf as Half, TwoThirds as Thirds};
        // (quorum, majority of, majority, members, present, for, against, abstain) → outcome
        let cases = [
            (Half, Present, Simple, 10, 5, 5, 0, 0, NoQuorum),
            (Half, Present, Simple, 10, 6, 4, 2, 0, Adopted),
            (Half, Present, Simple, 10, 6, 3, 3, 0, Rejected),
            (Half, Present, Simple, 10, 6, 3, 0, 3, Rejected),
            (Half, Present, Simple, 9, 5, 3, 2, 0, Adopted),
            (Half, Present, Simple, 0, 0, 0, 0, 0, NoQuorum),
            (Thirds, Present, Simple, 9, 5, 5, 0, 0, NoQuorum),
            (Thirds, Present, Simple, 9, 6, 4, 2, 0, Adopted),
            (Thirds, Present, Simple, 10, 7, 4, 3, 0, Adopted),
            (Thirds, Present, Simple, 10, 6, 6, 0, 0, NoQuorum),
            (Half, AllMembers, Simple, 10, 6, 5, 0, 1, Rejected),
            (Half, AllMembers, Simple, 10, 6, 6, 0, 0, Adopted),
            (Half, Present, Two, 9, 6, 4, 2, 0, Adopted),
            (Half, Present, Two, 9, 6, 3, 3, 0, Rejected),
            (Half, AllMembers, Two, 9, 9, 5, 4, 0, Rejected),
            (Half, AllMembers, Two, 9, 9, 6, 3, 0, Adopted),
            (Thirds, AllMembers, Two, 700, 467, 467, 0, 0, Adopted),
            (Thirds, AllMembers, Two, 700, 466, 466, 0, 0, NoQuorum),
        ];
        for (quorum, majority_of, majority, members, present, votes_for, against, abstentions, expected) in cases {
            let rules = Rules { quorum, majority_of, majority };
            let count = Count { votes_for, against, abstentions };
            assert_eq!(outcome(&rules, members, present, &count), expected, "{rules:?} {members} {present} {count:?}");
        }
    }

    #[test]
    fn the_council_needs_two_thirds() {
        assert_eq!(Rules::default_for(crate::registry::model::BodyKind::Council).quorum, Quorum::TwoThirds);
        assert_eq!(Rules::default_for(crate::registry::model::BodyKind::RegionalAssembly).quorum, Quorum::MoreThanHalf);
    }

    #[test]
    fn sessions_are_numbered_in_roman_numerals() {
        let cases = [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (32, "XXXII"), (40, "XL"), (1994, "MCMXCIV")];
        for (n, r) in cases {
            assert_eq!(roman(n).as_deref(), Some(r));
        }
        assert_eq!(roman(0), None);
        assert_eq!(roman(4000), None);
    }

    #[test]
    fn statuses_move_forward_only() {
        use MeetingStatus::*;
        assert!(Planned.may_become(Convened) && InProgress.may_become(Closed) && Postponed.may_become(Planned));
        assert!(!Closed.may_become(InProgress) && !Planned.may_become(Closed) && !Cancelled.may_become(Planned));
        assert!(!InProgress.may_become(Cancelled));
    }
}

/// A correction of a closed vote: the vote stays as it was recorded; this says what the count should have been,
/// why, and the result by the motion's rules.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema, sqlx::FromRow)]
pub struct VoteCorrection {
    pub id: i64,
    pub motion_id: i64,
    pub reason: String,
    pub votes_for: i64,
    pub votes_against: i64,
    pub abstentions: i64,
    pub outcome: Outcome,
    /// RFC 3339, UTC.
    pub amended_at: String,
}
