//! The taxonomy of proposals, kept as data (`reference/proposal-categories.csv`, its note beside it) and compiled
//! in: codes are stable, names are in kk, ru and en.

use std::sync::LazyLock;

use crate::platform::i18n::Lang;

const CSV: &str = include_str!("../../reference/proposal-categories.csv");

#[derive(Clone, Debug, serde::Deserialize, serde::Serialize, utoipa::ToSchema)]
pub struct Category {
    pub code: String,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
}

impl Category {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.name_kk,
            Lang::Ru => &self.name_ru,
            Lang::En => &self.name_en,
        }
    }
}

static ALL: LazyLock<Vec<Category>> = LazyLock::new(|| {
    let mut reader = csv::Reader::from_reader(CSV.as_bytes());
    // The file is compiled in and checked by a test: a row that does not read is left out rather than panicking.
    reader.deserialize().filter_map(Result::ok).collect()
});

/// Every category, in the file's order.
pub fn all() -> &'static [Category] {
    &ALL
}

pub fn get(code: &str) -> Option<&'static Category> {
    ALL.iter().find(|c| c.code == code)
}

/// The category's name in `lang`, or its code when unknown.
pub fn name(code: &str, lang: Lang) -> String {
    get(code).map_or_else(|| code.to_owned(), |c| c.name(lang).to_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_row_reads_with_three_names() {
        let rows = super::CSV.lines().skip(1).filter(|l| !l.trim().is_empty()).count();
        assert_eq!(super::all().len(), rows);
        assert!(rows >= 10);
        assert!(super::all().iter().all(|c| !c.name_kk.is_empty() && !c.name_ru.is_empty() && !c.name_en.is_empty()));
        assert!(super::get("interethnic_relations").is_some());
    }
}
