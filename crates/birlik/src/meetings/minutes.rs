//! Minutes of a meeting. The server drafts them from the record — attendance with quorum, the agenda with its
//! presenters, every vote with its roll call and result, the decisions — and shows them in the reader's language;
//! the secretariat adds a narrative and approves. An approval stores a version: the [`Record`] as it stood (so
//! that later changes to the registry, a member renamed or his seat archived, never rewrite approved minutes),
//! the narrative, and what changed since the version before ([`Amendment`]s, computed here) with the reason.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::model::{Choice, Count, Kind, MeetingStatus, Method, MotionStatus, Multilingual, Outcome, Rules};
use super::view::MeetingDetail;
use crate::platform::i18n::Lang;
use crate::registry::model::Body;

/// The record the minutes are drafted from, as stored with an approved version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Record {
    pub body: Multilingual,
    pub kind: Kind,
    pub number: Option<i64>,
    pub title: Multilingual,
    /// RFC 3339, UTC.
    pub starts_at: String,
    pub ends_at: String,
    pub place: Option<String>,
    pub online_url: Option<String>,
    pub status: MeetingStatus,
    pub rules: Rules,
    pub members: i64,
    pub present: i64,
    pub quorum_holds: bool,
    /// Every member of the body, present or not, by name.
    pub attendance: Vec<Attendee>,
    pub agenda: Vec<Item>,
    pub motions: Vec<MotionRecord>,
    pub decisions: Vec<DecisionRecord>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Attendee {
    pub person_id: i64,
    pub name: String,
    pub present: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Item {
    pub position: i64,
    pub title: Multilingual,
    pub presenter: Option<String>,
}

/// A vote, numbered in the order it was opened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MotionRecord {
    pub number: i64,
    /// The agenda item's position, when the motion belongs to one.
    pub item: Option<i64>,
    pub text: Multilingual,
    pub method: Method,
    pub status: MotionStatus,
    pub rules: Rules,
    pub members: Option<i64>,
    pub present: Option<i64>,
    pub count: Option<Count>,
    pub outcome: Option<Outcome>,
    /// Each member's vote, by name, in alphabetical order.
    pub roll_call: Vec<RollCall>,
}

/// One member's vote in a roll call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct RollCall {
    pub name: String,
    pub choice: Choice,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct DecisionRecord {
    pub number: i64,
    pub text: Multilingual,
}

impl Record {
    /// The record of a meeting now.
    pub fn of(d: &MeetingDetail, body: &Body) -> Record {
        let position = |item: Option<i64>| item.and_then(|id| d.agenda.iter().find(|i| i.id == id).map(|i| i.position));
        Record {
            body: Multilingual {
                kk: Some(body.name_kk.clone()),
                ru: Some(body.name_ru.clone()),
                en: Some(body.name_en.clone()),
            },
            kind: d.meeting.kind,
            number: d.meeting.number,
            title: d.meeting.title.clone(),
            starts_at: d.meeting.starts_at.clone(),
            ends_at: d.meeting.ends_at.clone(),
            place: d.meeting.place.clone(),
            online_url: d.meeting.online_url.clone(),
            status: d.meeting.status,
            rules: d.quorum.rules,
            members: d.quorum.members,
            present: d.quorum.present,
            quorum_holds: d.quorum.holds,
            attendance: d
                .attendance
                .iter()
                .map(|a| Attendee { person_id: a.person_id, name: a.person_name.clone(), present: a.present })
                .collect(),
            agenda: d
                .agenda
                .iter()
                .map(|i| Item { position: i.position, title: i.title.clone(), presenter: i.presenter.clone() })
                .collect(),
            motions: d
                .motions
                .iter()
                .zip(1..)
                .map(|(m, number)| MotionRecord {
                    number,
                    item: position(m.motion.agenda_item_id),
                    text: m.motion.text.clone(),
                    method: m.motion.method,
                    status: m.motion.status,
                    rules: m.motion.rules,
                    members: m.motion.members,
                    present: m.motion.present,
                    count: m.motion.count,
                    outcome: m.motion.outcome,
                    roll_call: roll_call(&m.votes),
                })
                .collect(),
            decisions: d.decisions.iter().map(|x| DecisionRecord { number: x.number, text: x.text.clone() }).collect(),
        }
    }
}

/// A roll call in the order of names (the Kazakh alphabet's, which also orders Russian and Latin names).
fn roll_call(votes: &[super::model::Vote]) -> Vec<RollCall> {
    let mut out: Vec<RollCall> =
        votes.iter().map(|v| RollCall { name: v.person_name.clone(), choice: v.choice }).collect();
    out.sort_by(|a, b| Lang::Kk.compare(&a.name, &b.name));
    out
}

/// One thing a corrected version changed, as its readers are told.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "what", rename_all = "snake_case")]
pub enum Amendment {
    /// The title, kind, number, times, place or status of the meeting.
    Particulars,
    Narrative {
        lang: Lang,
    },
    Attendance {
        name: String,
    },
    Quorum,
    AgendaItem {
        position: i64,
    },
    Vote {
        number: i64,
    },
    Decision {
        number: i64,
    },
}

impl Amendment {
    /// The amendment in the reader's words.
    pub fn describe(&self, lang: Lang) -> String {
        use crate::platform::i18n::Arg;
        match self {
            Amendment::Particulars => lang.t("minutes-change-particulars"),
            Amendment::Narrative { lang: Lang::Kk } => lang.t("minutes-change-narrative-kk"),
            Amendment::Narrative { lang: Lang::Ru } => lang.t("minutes-change-narrative-ru"),
            Amendment::Narrative { lang: Lang::En } => lang.t("minutes-change-narrative-en"),
            Amendment::Attendance { name } => {
                lang.t_args("minutes-change-attendance", &[("name", Arg::Str(name.clone()))])
            }
            Amendment::Quorum => lang.t("minutes-change-quorum"),
            Amendment::AgendaItem { position } => {
                lang.t_args("minutes-change-item", &[("number", Arg::Str(position.to_string()))])
            }
            Amendment::Vote { number } => {
                lang.t_args("minutes-change-vote", &[("number", Arg::Str(number.to_string()))])
            }
            Amendment::Decision { number } => {
                lang.t_args("minutes-change-decision", &[("number", Arg::Str(number.to_string()))])
            }
        }
    }
}

/// What changed from one version of the minutes (record and narrative) to the next; empty when nothing did.
pub fn amendments(before: (&Record, &Multilingual), after: (&Record, &Multilingual)) -> Vec<Amendment> {
    let ((a, a_text), (b, b_text)) = (before, after);
    let mut out = Vec::new();
    let particulars = |r: &Record| {
        (r.kind, r.number, r.title.clone(), r.starts_at.clone(), r.ends_at.clone(), r.place.clone(), r.status)
    };
    if particulars(a) != particulars(b) || a.online_url != b.online_url || a.body != b.body {
        out.push(Amendment::Particulars);
    }
    for lang in Lang::ALL {
        if a_text.get(lang) != b_text.get(lang) {
            out.push(Amendment::Narrative { lang });
        }
    }
    let mut people: Vec<i64> = a.attendance.iter().chain(&b.attendance).map(|x| x.person_id).collect();
    people.sort_unstable();
    people.dedup();
    for person in people {
        let find = |r: &Record| r.attendance.iter().find(|x| x.person_id == person).cloned();
        let (x, y) = (find(a), find(b));
        if x != y
            && let Some(name) = y.as_ref().or(x.as_ref()).map(|p| p.name.clone())
        {
            out.push(Amendment::Attendance { name });
        }
    }
    if (a.members, a.present, a.quorum_holds, a.rules) != (b.members, b.present, b.quorum_holds, b.rules) {
        out.push(Amendment::Quorum);
    }
    let longest = a.agenda.len().max(b.agenda.len());
    for position in 1..=i64::try_from(longest).unwrap_or(0) {
        let find = |r: &Record| r.agenda.iter().find(|i| i.position == position).cloned();
        if find(a) != find(b) {
            out.push(Amendment::AgendaItem { position });
        }
    }
    let longest = a.motions.len().max(b.motions.len());
    for number in 1..=i64::try_from(longest).unwrap_or(0) {
        let find = |r: &Record| r.motions.iter().find(|m| m.number == number).cloned();
        if find(a) != find(b) {
            out.push(Amendment::Vote { number });
        }
    }
    let longest = a.decisions.iter().chain(&b.decisions).map(|d| d.number).max().unwrap_or(0);
    for number in 1..=longest {
        let find = |r: &Record| r.decisions.iter().find(|d| d.number == number).cloned();
        if find(a) != find(b) {
            out.push(Amendment::Decision { number });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meetings::model::{Majority, MajorityOf, Quorum};

    fn texts(kk: &str) -> Multilingual {
        Multilingual { kk: Some(kk.to_owned()), ru: None, en: None }
    }

    fn record() -> Record {
        let rules =
            Rules { quorum: Quorum::MoreThanHalf, majority_of: MajorityOf::Present, majority: Majority::Simple };
        Record {
            body: texts("Ассамблея"),
            kind: Kind::Session,
            number: Some(32),
            title: texts("Сессия"),
            starts_at: "2023-04-27T05:00:00Z".into(),
            ends_at: "2023-04-27T09:00:00Z".into(),
            place: None,
            online_url: None,
            status: MeetingStatus::Closed,
            rules,
            members: 3,
            present: 2,
            quorum_holds: true,
            attendance: vec![
                Attendee { person_id: 1, name: "Айгүл".into(), present: true },
                Attendee { person_id: 2, name: "Борис".into(), present: true },
                Attendee { person_id: 3, name: "Вера".into(), present: false },
            ],
            agenda: vec![Item { position: 1, title: texts("Бірінші"), presenter: None }],
            motions: vec![MotionRecord {
                number: 1,
                item: Some(1),
                text: texts("Қабылдау"),
                method: Method::RollCall,
                status: MotionStatus::Closed,
                rules,
                members: Some(3),
                present: Some(2),
                count: Some(Count { votes_for: 2, against: 0, abstentions: 0 }),
                outcome: Some(Outcome::Adopted),
                roll_call: vec![
                    RollCall { name: "Айгүл".into(), choice: Choice::For },
                    RollCall { name: "Борис".into(), choice: Choice::For },
                ],
            }],
            decisions: vec![DecisionRecord { number: 1, text: texts("Қабылдау") }],
        }
    }

    #[test]
    fn the_same_minutes_have_no_amendments() {
        let (r, n) = (record(), texts("Баяндама"));
        assert!(amendments((&r, &n), (&r, &n)).is_empty());
    }

    #[test]
    fn each_change_is_named_once() {
        let (a, n) = (record(), texts("Баяндама"));
        let mut b = a.clone();
        b.place = Some("Астана".into());
        if let Some(x) = b.attendance.get_mut(2) {
            x.present = true;
        }
        b.present = 3;
        b.agenda.push(Item { position: 2, title: texts("Екінші"), presenter: Some("Хатшы".into()) });
        if let Some(m) = b.motions.get_mut(0) {
            m.roll_call.push(RollCall { name: "Вера".into(), choice: Choice::Against });
        }
        let m = Multilingual { kk: Some("Баяндама".into()), ru: Some("Доклад".into()), en: None };
        assert_eq!(
            amendments((&a, &n), (&b, &m)),
            vec![
                Amendment::Particulars,
                Amendment::Narrative { lang: Lang::Ru },
                Amendment::Attendance { name: "Вера".into() },
                Amendment::Quorum,
                Amendment::AgendaItem { position: 2 },
                Amendment::Vote { number: 1 },
            ]
        );
    }

    #[test]
    fn a_record_survives_its_storage() {
        let r = record();
        let stored = serde_json::to_string(&r).unwrap_or_default();
        assert_eq!(serde_json::from_str::<Record>(&stored).ok(), Some(r));
        let change = vec![Amendment::Narrative { lang: Lang::Kk }, Amendment::Decision { number: 2 }];
        let stored = serde_json::to_string(&change).unwrap_or_default();
        assert_eq!(serde_json::from_str::<Vec<Amendment>>(&stored).ok(), Some(change));
    }
}

/// An approved version of the minutes, as the API returns it.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Version {
    pub version: i64,
    pub record: Record,
    pub narrative: Multilingual,
    /// What this version changed since the one before (empty for the first).
    pub changes: Vec<Amendment>,
    /// Why it was corrected.
    pub note: Option<String>,
    pub approved_by_name: String,
    /// RFC 3339, UTC.
    pub approved_at: String,
}

impl Version {
    pub fn of(row: &super::store::MinutesRow) -> serde_json::Result<Version> {
        Ok(Version {
            version: row.version,
            record: serde_json::from_str(&row.record)?,
            narrative: Multilingual {
                kk: row.narrative_kk.clone(),
                ru: row.narrative_ru.clone(),
                en: row.narrative_en.clone(),
            },
            changes: serde_json::from_str(&row.changes)?,
            note: row.note.clone(),
            approved_by_name: row.approved_by_name.clone(),
            approved_at: row.approved_at.clone(),
        })
    }
}
