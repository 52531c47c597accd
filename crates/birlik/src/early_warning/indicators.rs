//! The taxonomy of indicators, kept as data (`reference/indicators.csv`, its note beside it) and compiled in:
//! conflict indicators weigh positive, peace indicators negative; names and descriptions in kk, ru and en.

use std::sync::LazyLock;

use crate::platform::i18n::Lang;

const CSV: &str = include_str!("../../reference/indicators.csv");

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Conflict,
    Peace,
}

#[derive(Clone, Debug, serde::Deserialize, serde::Serialize, utoipa::ToSchema)]
pub struct Indicator {
    pub code: String,
    pub kind: Kind,
    pub default_weight: f64,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
    pub description_kk: String,
    pub description_ru: String,
    pub description_en: String,
}

impl Indicator {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.name_kk,
            Lang::Ru => &self.name_ru,
            Lang::En => &self.name_en,
        }
    }

    pub fn description(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.description_kk,
            Lang::Ru => &self.description_ru,
            Lang::En => &self.description_en,
        }
    }
}

static ALL: LazyLock<Vec<Indicator>> = LazyLock::new(|| {
    let mut reader = csv::Reader::from_reader(CSV.as_bytes());
    // Compiled in and checked by a test: a row that does not read is left out rather than panicking.
    reader.deserialize().filter_map(Result::ok).collect()
});

/// Every indicator, conflict first, in the file's order.
pub fn all() -> &'static [Indicator] {
    &ALL
}

pub fn get(code: &str) -> Option<&'static Indicator> {
    ALL.iter().find(|i| i.code == code)
}

/// The indicator's name in `lang`, or its code when unknown.
pub fn name(code: &str, lang: Lang) -> String {
    get(code).map_or_else(|| code.to_owned(), |i| i.name(lang).to_owned())
}

/// The sum of the indicators' weights (unknown codes weigh nothing): what the index counts for a signal.
pub fn weight(codes: &[String]) -> f64 {
    codes.iter().filter_map(|c| get(c)).map(|i| i.default_weight).sum()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_row_reads_and_weighs_by_its_kind() {
        let rows = super::CSV.lines().skip(1).filter(|l| !l.trim().is_empty()).count();
        assert_eq!(super::all().len(), rows);
        for i in super::all() {
            assert!(!i.name_kk.is_empty() && !i.name_ru.is_empty() && !i.name_en.is_empty(), "{}", i.code);
            match i.kind {
                super::Kind::Conflict => assert!(i.default_weight > 0.0, "{}", i.code),
                super::Kind::Peace => assert!(i.default_weight < 0.0, "{}", i.code),
            }
        }
        assert_eq!(super::weight(&["land-dispute".into(), "dispute-settled".into(), "nonsense".into()]), -0.5);
    }
}
