//! What the consultation forms submit, and the one check of each.

use serde::{Deserialize, Serialize};

use super::model::{Answers, Moderation, Multilingual, Participation, ResultsShown};
use crate::platform::i18n::Lang;
use crate::platform::validate::{self, Checks};
use crate::platform::web::FieldError;
use crate::registry::reference;

/// The longest statement, in characters.
pub const MAX_STATEMENT: usize = 400;
/// The longest description, in characters.
pub const MAX_DESCRIPTION: usize = 4000;
/// The most seed statements a consultation opens with.
pub const MAX_SEEDS: usize = 200;

/// The form that opens a consultation, as typed.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ConsultationFields {
    pub body_id: String,
    pub question_kk: String,
    pub question_ru: String,
    pub question_en: String,
    pub description_kk: String,
    pub description_ru: String,
    pub description_en: String,
    pub opens_on: String,
    pub closes_on: String,
    pub moderation: String,
    pub participation: String,
    pub ask_region: Option<String>,
    pub ask_ethnic_group: Option<String>,
    pub ask_language: Option<String>,
    pub results: String,
    /// One statement per line.
    pub seeds: String,
}

/// A checked consultation.
#[derive(Clone, Debug, Serialize)]
pub struct ConsultationInput {
    pub body_id: i64,
    pub question: Multilingual,
    pub description: Multilingual,
    pub opens_on: String,
    pub closes_on: String,
    pub moderation: Moderation,
    pub participation: Participation,
    pub ask_region: bool,
    pub ask_ethnic_group: bool,
    pub ask_language: bool,
    pub results: ResultsShown,
    pub source: Option<String>,
}

fn choice<T: Copy>(field: &'static str, value: &str, options: &[(&str, T)]) -> Result<T, FieldError> {
    options
        .iter()
        .find(|(code, _)| *code == value.trim())
        .map(|(_, v)| *v)
        .ok_or(FieldError::new(field, "field-invalid-choice"))
}

impl ConsultationFields {
    /// Checks every field; returns the consultation and its seed statements, or every error at once.
    pub fn check(&self) -> Result<(ConsultationInput, Vec<String>), Vec<FieldError>> {
        let mut c = Checks::default();
        let body_id = c.take(validate::integer("body_id", &self.body_id, 1..=i64::MAX));
        let question = Multilingual {
            kk: c.take(validate::optional_text("question_kk", &self.question_kk, validate::MAX_LINE)),
            ru: c.take(validate::optional_text("question_ru", &self.question_ru, validate::MAX_LINE)),
            en: c.take(validate::optional_text("question_en", &self.question_en, validate::MAX_LINE)),
        };
        if self.question_kk.trim().is_empty()
            && self.question_ru.trim().is_empty()
            && self.question_en.trim().is_empty()
        {
            c.push(FieldError::new("question_kk", "consultation-question-required"));
        }
        let description = Multilingual {
            kk: c.take(validate::optional_text("description_kk", &self.description_kk, MAX_DESCRIPTION)),
            ru: c.take(validate::optional_text("description_ru", &self.description_ru, MAX_DESCRIPTION)),
            en: c.take(validate::optional_text("description_en", &self.description_en, MAX_DESCRIPTION)),
        };
        let opens_on = c.take(validate::date("opens_on", &self.opens_on));
        let closes_on = c.take(validate::date("closes_on", &self.closes_on));
        if !opens_on.is_empty() && !closes_on.is_empty() && closes_on < opens_on {
            c.push(FieldError::new("closes_on", "consultation-closes-before-opening"));
        }
        let moderation = c.take(choice(
            "moderation",
            &self.moderation,
            &[("publish", Moderation::Publish), ("approve", Moderation::Approve)],
        ));
        let participation = c.take(choice(
            "participation",
            &self.participation,
            &[("anyone", Participation::Anyone), ("accounts", Participation::Accounts)],
        ));
        let results = c.take(choice(
            "results",
            &self.results,
            &[("running", ResultsShown::Running), ("closed", ResultsShown::Closed)],
        ));
        let seeds: Vec<&str> = self.seeds.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        if seeds.len() > MAX_SEEDS {
            c.push(FieldError::new("seeds", "field-too-many").with("max", MAX_SEEDS as i64));
        }
        let seeds: Vec<String> = seeds.iter().map(|s| c.take(validate::text("seeds", s, MAX_STATEMENT))).collect();
        let on = |v: &Option<String>| v.as_deref().is_some_and(|v| !v.is_empty());
        let input = ConsultationInput {
            body_id,
            question,
            description,
            opens_on,
            closes_on,
            moderation,
            participation,
            ask_region: on(&self.ask_region),
            ask_ethnic_group: on(&self.ask_ethnic_group),
            ask_language: on(&self.ask_language),
            results,
            source: None,
        };
        c.finish((input, seeds))
    }
}

/// A participant's own statement.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct StatementFields {
    pub text: String,
    /// Set when the participant confirms a statement that resembles an existing one.
    pub confirm: Option<String>,
}

/// A moderator's decision.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ModerationFields {
    /// publish or reject.
    pub decision: String,
    pub reason: String,
    /// The clause of the moderation policy a rejection names (`platform::moderation::policy`).
    #[serde(default)]
    pub clause: String,
    /// Where to return.
    pub back: String,
}

/// A moderator's translation.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct TranslationFields {
    pub lang: String,
    pub text: String,
    pub back: String,
}

impl TranslationFields {
    pub fn check(&self) -> Result<(Lang, String), Vec<FieldError>> {
        let mut c = Checks::default();
        let lang = Lang::from_code(self.lang.trim());
        if lang.is_none() {
            c.push(FieldError::new("lang", "field-invalid-choice"));
        }
        let text = c.take(validate::text("text", &self.text, MAX_STATEMENT));
        c.finish((lang.unwrap_or(Lang::Kk), text))
    }
}

/// The optional questions, as answered (empty: not answered).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct AnswersFields {
    pub region_code: String,
    pub ethnic_group: String,
    pub language: String,
}

impl AnswersFields {
    pub fn check(&self) -> Result<Answers, Vec<FieldError>> {
        let mut c = Checks::default();
        let pick = |v: &str| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
        let region_code = pick(&self.region_code);
        if region_code.as_deref().is_some_and(|r| reference::region(r).is_none()) {
            c.push(FieldError::new("region_code", "field-invalid-choice"));
        }
        let ethnic_group = pick(&self.ethnic_group);
        if ethnic_group.as_deref().is_some_and(|g| reference::ethnic_group(g).is_none()) {
            c.push(FieldError::new("ethnic_group", "field-invalid-choice"));
        }
        let language = pick(&self.language);
        if language.as_deref().is_some_and(|l| !matches!(l, "kk" | "ru" | "en" | "other")) {
            c.push(FieldError::new("language", "field-invalid-choice"));
        }
        c.finish(Answers { region_code, ethnic_group, language })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> ConsultationFields {
        ConsultationFields {
            body_id: "1".into(),
            question_ru: "Как укрепить единство?".into(),
            opens_on: "2026-01-01".into(),
            closes_on: "2026-02-01".into(),
            moderation: "approve".into(),
            participation: "anyone".into(),
            results: "closed".into(),
            ask_ethnic_group: Some("1".into()),
            seeds: "Бірінші\n\n  Second  \n".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_consultation_needs_one_question_and_dates_in_order() {
        let (input, seeds) = fields().check().expect("valid");
        assert_eq!(input.moderation, Moderation::Approve);
        assert!(input.ask_ethnic_group && !input.ask_region);
        assert_eq!(seeds, ["Бірінші", "Second"]);
        let bad = ConsultationFields {
            question_ru: String::new(),
            closes_on: "2025-12-31".into(),
            moderation: "sometimes".into(),
            ..fields()
        };
        let keys: Vec<&str> = bad.check().unwrap_err().iter().map(|e| e.key).collect();
        assert_eq!(
            keys,
            ["consultation-question-required", "consultation-closes-before-opening", "field-invalid-choice"]
        );
    }

    #[test]
    fn answers_are_optional_but_must_be_known_values() {
        assert_eq!(AnswersFields::default().check().unwrap(), Answers::default());
        let bad = AnswersFields { region_code: "KZ-XX".into(), language: "fr".into(), ..Default::default() };
        assert_eq!(bad.check().unwrap_err().len(), 2);
    }
}
