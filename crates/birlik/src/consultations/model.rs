//! Consultations in the users' words: a `Consultation` asks a question, participants vote on `Statement`s, and the
//! stored `Analysis` tells the Assembly its opinion groups and what unites them.

use serde::Serialize;

pub use crate::platform::days::{day_from_today, day_of, in_kazakhstan, today};
use crate::platform::i18n::Lang;
pub use crate::platform::multilingual::{Multilingual, Shown};

/// How new statements from participants reach the others.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema, sqlx::Type)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "TEXT", rename_all = "lowercase")]
pub enum Moderation {
    /// Published at once; moderators may take a statement out afterwards.
    #[default]
    Publish,
    /// Published after a moderator approves it.
    Approve,
}

/// Who may take part.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema, sqlx::Type)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "TEXT", rename_all = "lowercase")]
pub enum Participation {
    /// Anyone with a browser, known by a device cookie.
    #[default]
    Anyone,
    /// Registered accounts only.
    Accounts,
}

/// When results are public.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema, sqlx::Type)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "TEXT", rename_all = "lowercase")]
pub enum ResultsShown {
    /// While the consultation runs.
    #[default]
    Running,
    /// Only once it has closed (moderators see them at any time).
    Closed,
}

/// Where a consultation stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Upcoming,
    Open,
    Closed,
}

impl Phase {
    pub fn key(self) -> &'static str {
        match self {
            Phase::Upcoming => "phase-upcoming",
            Phase::Open => "phase-open",
            Phase::Closed => "phase-closed",
        }
    }
}

pub use crate::platform::days::{rfc3339_of_ms, time_of_ms};

#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Consultation {
    pub id: i64,
    pub body_id: i64,
    pub question: Multilingual,
    pub description: Multilingual,
    /// First day of voting (Kazakhstan time).
    pub opens_on: String,
    /// Last day of voting.
    pub closes_on: String,
    pub moderation: Moderation,
    pub participation: Participation,
    pub ask_region: bool,
    pub ask_ethnic_group: bool,
    pub ask_language: bool,
    pub results: ResultsShown,
    /// Where an imported conversation came from.
    pub source: Option<String>,
    pub created_at: String,
    /// When its secretariat closed it before its last day, and why.
    pub closed_early: Option<ClosedEarly>,
}

/// A consultation's early close.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ClosedEarly {
    pub at: String,
    pub reason: String,
}

impl Consultation {
    pub fn phase_on(&self, day: &str) -> Phase {
        if self.closed_early.is_some() {
            Phase::Closed
        } else if day < self.opens_on.as_str() {
            Phase::Upcoming
        } else if day > self.closes_on.as_str() {
            Phase::Closed
        } else {
            Phase::Open
        }
    }

    pub fn phase(&self) -> Phase {
        self.phase_on(&today())
    }

    /// Results are public now (moderators see them at any time).
    pub fn results_public(&self) -> bool {
        self.results == ResultsShown::Running || self.phase() == Phase::Closed
    }

    pub fn asks_anything(&self) -> bool {
        self.ask_region || self.ask_ethnic_group || self.ask_language
    }
}

/// Where a statement stands in moderation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema, sqlx::Type)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "TEXT", rename_all = "lowercase")]
pub enum Status {
    Pending,
    Published,
    /// Moderated out: kept with its votes, out of voting and of the analysis.
    Rejected,
}

impl Status {
    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "pending" => Some(Status::Pending),
            "published" => Some(Status::Published),
            "rejected" => Some(Status::Rejected),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Published => "published",
            Status::Rejected => "rejected",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Statement {
    pub id: i64,
    pub consultation_id: i64,
    pub text: String,
    /// The language it was written in (kk, ru, en or other), detected.
    pub lang: String,
    pub seed: bool,
    pub is_meta: bool,
    pub status: Status,
    /// The routing priority: derived from the votes, so never published (results may be kept until closing).
    #[serde(skip)]
    pub priority: f64,
    /// The comment id of an imported Pol.is conversation.
    pub external_id: Option<String>,
    pub created_at: String,
    /// Translations by moderators.
    pub translations: Multilingual,
}

/// A statement as a reader sees it: translated when a translation exists, with the original at hand.
pub struct ShownStatement {
    pub id: i64,
    pub text: String,
    pub translated: bool,
    pub original: String,
    /// The language of the original.
    pub original_lang: String,
    /// The language of the shown text, for the `lang` attribute.
    pub lang: String,
}

impl Statement {
    pub fn shown(&self, lang: Lang) -> ShownStatement {
        let translation = (self.lang != lang.code()).then(|| self.translations.get(lang)).flatten();
        ShownStatement {
            id: self.id,
            text: translation.unwrap_or(&self.text).to_owned(),
            translated: translation.is_some(),
            original: self.text.clone(),
            original_lang: self.lang.clone(),
            lang: if translation.is_some() { lang.code().to_owned() } else { self.lang.clone() },
        }
    }
}

/// The priority a new statement starts with: the engine's for a statement nobody has seen yet.
pub fn initial_priority(is_meta: bool) -> f64 {
    consensus::polis::priority(is_meta, 0.0, 0.0, 0.0, 0.0)
}

/// The language a text is written in, as stored with a statement.
pub fn language_of(text: &str) -> &'static str {
    match kazakh::detect(text) {
        kazakh::Lang::Kk => "kk",
        kazakh::Lang::Ru => "ru",
        kazakh::Lang::En => "en",
        kazakh::Lang::Other => "other",
    }
}

/// A vote as the participant casts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Choice {
    Agree,
    Disagree,
    Pass,
}

impl Choice {
    /// The engine's and Pol.is's value: 1 agree, −1 disagree, 0 pass.
    pub fn value(self) -> i64 {
        match self {
            Choice::Agree => 1,
            Choice::Disagree => -1,
            Choice::Pass => 0,
        }
    }

    pub fn from_value(v: i64) -> Choice {
        match v {
            1 => Choice::Agree,
            -1 => Choice::Disagree,
            _ => Choice::Pass,
        }
    }

    pub fn parse(s: &str) -> Option<Choice> {
        match s {
            "agree" => Some(Choice::Agree),
            "disagree" => Some(Choice::Disagree),
            "pass" => Some(Choice::Pass),
            _ => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Choice::Agree => "vote-agree",
            Choice::Disagree => "vote-disagree",
            Choice::Pass => "vote-pass",
        }
    }
}

/// The optional answers of a participant. Ethnic group is special-category data: it is only ever used in
/// aggregates of at least k participants and never shown per person.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answers {
    pub region_code: Option<String>,
    pub ethnic_group: Option<String>,
    pub language: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stored value this version does not know fails to load: it is never read as some default.
    #[tokio::test]
    async fn an_unknown_stored_status_is_an_error() {
        let db = sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap();
        let known: Status = sqlx::query_scalar("SELECT 'rejected'").fetch_one(&db).await.unwrap();
        assert_eq!(known, Status::Rejected);
        assert!(sqlx::query_scalar::<_, Status>("SELECT 'hidden'").fetch_one(&db).await.is_err());
        assert!(sqlx::query_scalar::<_, Moderation>("SELECT 'later'").fetch_one(&db).await.is_err());
    }

    fn consultation(opens: &str, closes: &str) -> Consultation {
        Consultation {
            id: 1,
            body_id: 1,
            question: Multilingual { ru: Some("Вопрос".into()), ..Default::default() },
            description: Multilingual::default(),
            opens_on: opens.into(),
            closes_on: closes.into(),
            moderation: Moderation::Publish,
            participation: Participation::Anyone,
            ask_region: false,
            ask_ethnic_group: false,
            ask_language: false,
            results: ResultsShown::Closed,
            source: None,
            created_at: String::new(),
            closed_early: None,
        }
    }

    #[test]
    fn phases_include_both_days() {
        let c = consultation("2026-03-01", "2026-03-31");
        assert_eq!(c.phase_on("2026-02-28"), Phase::Upcoming);
        assert_eq!(c.phase_on("2026-03-01"), Phase::Open);
        assert_eq!(c.phase_on("2026-03-31"), Phase::Open);
        assert_eq!(c.phase_on("2026-04-01"), Phase::Closed);
        let early = Consultation {
            closed_early: Some(ClosedEarly { at: "2026-03-10T09:00:00Z".into(), reason: "enough".into() }),
            ..c
        };
        assert_eq!(early.phase_on("2026-03-10"), Phase::Closed, "closed early stays closed within its dates");
    }

    #[test]
    fn a_missing_language_falls_back_with_a_label() {
        let c = consultation("2026-03-01", "2026-03-31");
        let shown = c.question.show(Lang::Kk).expect("some text");
        assert_eq!((shown.text.as_str(), shown.lang, shown.fallback), ("Вопрос", Lang::Ru, true));
        assert!(!c.question.show(Lang::Ru).expect("text").fallback);
    }

    #[test]
    fn translations_are_shown_only_to_readers_of_another_language() {
        let s = Statement {
            id: 7,
            consultation_id: 1,
            text: "Тіл – ұлттың жаны".into(),
            lang: "kk".into(),
            seed: true,
            is_meta: false,
            status: Status::Published,
            priority: 1.0,
            external_id: None,
            created_at: String::new(),
            translations: Multilingual { ru: Some("Язык – душа народа".into()), ..Default::default() },
        };
        let ru = s.shown(Lang::Ru);
        assert!(ru.translated);
        assert_eq!(
            (ru.text.as_str(), ru.original.as_str(), ru.lang.as_str()),
            ("Язык – душа народа", "Тіл – ұлттың жаны", "ru")
        );
        assert!(!s.shown(Lang::Kk).translated);
        assert!(!s.shown(Lang::En).translated, "no English translation: the original is shown");
    }
}
