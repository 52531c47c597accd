//! The published policy, kept as data (`reference/moderation-policy.csv`, its note beside it) and compiled in:
//! numbered clauses in kk, ru and en, each row of a version. The newest version is the one in force; decisions
//! keep the version and clause they named.

use std::sync::LazyLock;

use crate::platform::i18n::Lang;

const CSV: &str = include_str!("../../../reference/moderation-policy.csv");

#[derive(Clone, Debug, serde::Deserialize, serde::Serialize, utoipa::ToSchema)]
pub struct Clause {
    pub version: String,
    pub number: i64,
    pub code: String,
    pub title_kk: String,
    pub title_ru: String,
    pub title_en: String,
    pub text_kk: String,
    pub text_ru: String,
    pub text_en: String,
    pub basis: String,
}

impl Clause {
    pub fn title(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.title_kk,
            Lang::Ru => &self.title_ru,
            Lang::En => &self.title_en,
        }
    }

    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.text_kk,
            Lang::Ru => &self.text_ru,
            Lang::En => &self.text_en,
        }
    }
}

static ALL: LazyLock<Vec<Clause>> = LazyLock::new(|| {
    let mut reader = csv::Reader::from_reader(CSV.as_bytes());
    // Compiled in and checked by a test: a row that does not read is left out rather than panicking.
    reader.deserialize().filter_map(Result::ok).collect()
});

/// The version in force: the newest.
pub fn version() -> &'static str {
    ALL.iter().map(|c| c.version.as_str()).max().unwrap_or("")
}

/// The clauses in force, by number.
pub fn clauses() -> Vec<&'static Clause> {
    let v = version();
    let mut out: Vec<&Clause> = ALL.iter().filter(|c| c.version == v).collect();
    out.sort_by_key(|c| c.number);
    out
}

/// A clause in force, by code.
pub fn clause(code: &str) -> Option<&'static Clause> {
    let v = version();
    ALL.iter().find(|c| c.code == code && c.version == v)
}

/// "3. Extremism, separatism", in `lang` (any version), or the code.
pub fn label(code: &str, lang: Lang) -> String {
    ALL.iter()
        .rev()
        .find(|c| c.code == code)
        .map_or_else(|| code.to_owned(), |c| format!("{}. {}", c.number, c.title(lang)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_clause_reads_in_three_languages_and_incitement_cites_article_174() {
        let rows = super::CSV.lines().skip(1).filter(|l| !l.trim().is_empty()).count();
        assert_eq!(super::ALL.len(), rows);
        assert!(
            super::clauses().iter().all(|c| !c.title_kk.is_empty() && !c.text_ru.is_empty() && !c.text_en.is_empty())
        );
        assert!(super::clause("incitement").is_some_and(|c| c.basis.contains("174")));
        let numbers: Vec<i64> = super::clauses().iter().map(|c| c.number).collect();
        assert_eq!(numbers, (1..=numbers.len() as i64).collect::<Vec<_>>(), "numbered 1, 2, 3…");
    }
}
