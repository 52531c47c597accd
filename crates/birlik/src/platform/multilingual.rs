//! Text written in up to three languages, and how a reader sees it.

use serde::{Deserialize, Serialize};

use crate::platform::i18n::Lang;
use crate::platform::validate::{self, Checks};
use crate::platform::web::FieldError;

/// Text in up to three languages; a reader whose language is missing gets another one, labelled.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Multilingual {
    pub kk: Option<String>,
    pub ru: Option<String>,
    pub en: Option<String>,
}

/// A text shown to a reader: in his language, or in another one that exists (`lang` says which).
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub text: String,
    pub lang: Lang,
    /// The text is not in the reader's language.
    pub fallback: bool,
}

impl Multilingual {
    pub fn get(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Kk => self.kk.as_deref(),
            Lang::Ru => self.ru.as_deref(),
            Lang::En => self.en.as_deref(),
        }
    }

    /// The text in `lang`, else in Kazakh, Russian, English, in that order.
    pub fn show(&self, lang: Lang) -> Option<Shown> {
        if let Some(text) = self.get(lang) {
            return Some(Shown { text: text.to_owned(), lang, fallback: false });
        }
        Lang::ALL.into_iter().find_map(|l| self.get(l).map(|t| Shown { text: t.to_owned(), lang: l, fallback: true }))
    }
}

/// Text in kk, ru and/or en, as submitted.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct TextsIn {
    pub kk: Option<String>,
    pub ru: Option<String>,
    pub en: Option<String>,
}

impl TextsIn {
    /// Each language checked as plain text of at most `max` characters; with `required`, at least one of them.
    pub fn check(&self, c: &mut Checks, field: &'static str, max: usize, required: bool) -> Multilingual {
        let one = |v: &Option<String>| validate::optional_text(field, v.as_deref().unwrap_or(""), max);
        let texts = Multilingual { kk: c.take(one(&self.kk)), ru: c.take(one(&self.ru)), en: c.take(one(&self.en)) };
        if required && texts.kk.is_none() && texts.ru.is_none() && texts.en.is_none() {
            c.push(FieldError::new(field, "field-text-one-language"));
        }
        texts
    }
}
