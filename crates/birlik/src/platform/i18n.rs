//! The reader's language: Fluent messages (CLDR plurals), alphabetical order and number formatting.
//!
//! Kazakh is the default. Every message exists in kk, ru and en (a test checks the three files hold the same keys).

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "kk",
        // Unicode isolation marks around placeables break copy-paste and tests; our texts are single-direction.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Kk,
    Ru,
    En,
}

static KK: LanguageIdentifier = langid!("kk");
static RU: LanguageIdentifier = langid!("ru");
static EN: LanguageIdentifier = langid!("en");

static COLLATORS: LazyLock<[CollatorBorrowed<'static>; 3]> = LazyLock::new(|| {
    let make = |tag: &str| {
        let locale: icu_locale_core::Locale = tag.parse().expect("valid locale tag");
        Collator::try_new((&locale).into(), CollatorOptions::default()).expect("collation data is compiled in")
    };
    [make("kk"), make("ru"), make("en")]
});

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "kk" => Some(Lang::Kk),
            "ru" => Some(Lang::Ru),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name, as shown in the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Kk => "Қазақша",
            Lang::Ru => "Русский",
            Lang::En => "English",
        }
    }

    /// The best language for an `Accept-Language` header, by quality; Kazakh when nothing matches.
    pub fn negotiate(accept_language: &str) -> Lang {
        let mut best: Option<(f32, Lang)> = None;
        for part in accept_language.split(',') {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
            let quality =
                pieces.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok())).unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            if let Some(lang) = Lang::from_code(primary)
                && quality > 0.0
                && best.is_none_or(|(q, _)| quality > q)
            {
                best = Some((quality, lang));
            }
        }
        best.map_or(Lang::Kk, |(_, lang)| lang)
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::Kk => &KK,
            Lang::Ru => &RU,
            Lang::En => &EN,
        }
    }

    /// The message `key` in this language.
    pub fn t(self, key: &str) -> String {
        LOCALES.lookup(self.id(), key)
    }

    /// The message `key` with named arguments; numbers take the language's CLDR plural forms.
    pub fn t_args(self, key: &str, args: &[(&'static str, Arg)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Num(n) => number(*n),
                    Arg::Str(s) => FluentValue::from(s.clone()),
                };
                (Cow::Borrowed(*name), value)
            })
            .collect();
        LOCALES.lookup_with_args(self.id(), key, &args)
    }

    /// Alphabetical order in this language (Kazakh letters ә ғ қ ң ө ұ ү һ і in their places).
    pub fn compare(self, a: &str, b: &str) -> Ordering {
        COLLATORS[self.collator_index()].compare(a, b)
    }

    /// The collation key of `s`: comparing keys bytewise gives [`Lang::compare`]'s order, so SQL can sort.
    pub fn sort_key(self, s: &str) -> Vec<u8> {
        let mut key = Vec::with_capacity(s.len() * 2);
        let Ok(()) = COLLATORS[self.collator_index()].write_sort_key_to(s, &mut key);
        key
    }

    fn collator_index(self) -> usize {
        match self {
            Lang::Kk => 0,
            Lang::Ru => 1,
            Lang::En => 2,
        }
    }

    /// An ISO date (`2023-04-27`) written for readers of this language; anything else is shown as it is.
    pub fn date(self, iso: &str) -> String {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        match time::Date::parse(iso, &format) {
            Ok(date) => self.t_args(
                "date",
                &[
                    ("year", Arg::Num(i64::from(date.year()))),
                    ("month", Arg::Str(self.t(&format!("month-{}", u8::from(date.month()))))),
                    ("day", Arg::Num(i64::from(date.day()))),
                ],
            ),
            Err(_) => iso.to_owned(),
        }
    }

    /// An integer with the language's digit grouping (CLDR: a no-break space in kk and ru, a comma in en).
    pub fn number(self, n: i64) -> String {
        let separator = match self {
            Lang::Kk | Lang::Ru => '\u{a0}',
            Lang::En => ',',
        };
        let digits = n.unsigned_abs().to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
        if n < 0 {
            out.push('-');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(c);
        }
        out
    }
}

#[derive(Clone, Debug)]
pub enum Arg {
    Num(i64),
    Str(String),
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Num(n)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}

/// A number for Fluent, which holds numbers as `f64`: beyond 2^53 an integer would print rounded
/// (9223372036854775807 as 9223372036854776000), so such a one goes as its digits (its plural form is then the
/// default one, which is what every language uses for numbers that large).
fn number(n: i64) -> FluentValue<'static> {
    const EXACT_IN_F64: i64 = 1 << 53;
    if (-EXACT_IN_F64..=EXACT_IN_F64).contains(&n) { FluentValue::from(n) } else { FluentValue::from(n.to_string()) }
}

/// Text kept in the three languages (names of regions, groups, bodies, associations).
pub trait Localized {
    fn name_kk(&self) -> &str;
    fn name_ru(&self) -> &str;
    fn name_en(&self) -> &str;

    fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => self.name_kk(),
            Lang::Ru => self.name_ru(),
            Lang::En => self.name_en(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_prefers_quality_then_falls_back_to_kazakh() {
        assert_eq!(Lang::negotiate("ru-RU,ru;q=0.9,en;q=0.8"), Lang::Ru);
        assert_eq!(Lang::negotiate("de-DE,en;q=0.5,ru;q=0.7"), Lang::Ru);
        assert_eq!(Lang::negotiate("fr, de"), Lang::Kk);
        assert_eq!(Lang::negotiate(""), Lang::Kk);
        assert_eq!(Lang::negotiate("en;q=0"), Lang::Kk);
    }

    #[test]
    fn integers_print_whole() {
        let args = |n: i64| [("min", Arg::Num(1)), ("max", Arg::Num(n))];
        assert_eq!(
            Lang::En.t_args("field-out-of-range", &args(i64::MAX)),
            "Enter a number from 1 to 9223372036854775807."
        );
        assert!(Lang::Ru.t_args("field-out-of-range", &args(9_007_199_254_740_993)).contains("9007199254740993"));
    }

    #[test]
    fn kazakh_alphabetical_order_places_kazakh_letters_after_their_base() {
        // Kazakh alphabet: А Ә Б В Г Ғ Д … К Қ Л … Н Ң О Ө … У Ұ Ү … Х Һ … Ы І …
        let mut words = vec!["Ұйғырлар", "Өзбектер", "Әзірбайжандар", "Қазақтар", "Орыстар", "Ауғандар", "Украиндар"];
        words.sort_by(|a, b| Lang::Kk.compare(a, b));
        assert_eq!(words, ["Ауғандар", "Әзірбайжандар", "Қазақтар", "Орыстар", "Өзбектер", "Украиндар", "Ұйғырлар"]);
    }

    #[test]
    fn sort_keys_order_like_comparison() {
        let words = ["Ұйғырлар", "Өзбектер", "Әзірбайжандар", "Қазақтар", "Орыстар", "Ауғандар"];
        for a in words {
            for b in words {
                assert_eq!(Lang::Kk.sort_key(a).cmp(&Lang::Kk.sort_key(b)), Lang::Kk.compare(a, b), "{a} vs {b}");
            }
        }
    }

    #[test]
    fn russian_order_puts_yo_with_ye() {
        let mut words = vec!["ёж", "жук", "еда", "яблоко", "азот"];
        words.sort_by(|a, b| Lang::Ru.compare(a, b));
        assert_eq!(words, ["азот", "еда", "ёж", "жук", "яблоко"]);
    }

    #[test]
    fn dates_are_written_for_each_language() {
        assert_eq!(Lang::En.date("2023-04-27"), "27 April 2023");
        assert_eq!(Lang::Ru.date("2023-04-27"), "27 апреля 2023 г.");
        assert_eq!(Lang::Kk.date("2023-04-27"), "2023 ж. 27 сәуір");
        assert_eq!(Lang::En.date("not a date"), "not a date");
    }

    #[test]
    fn numbers_are_grouped_per_language() {
        assert_eq!(Lang::En.number(19_186_015), "19,186,015");
        assert_eq!(Lang::Kk.number(19_186_015), "19\u{a0}186\u{a0}015");
        assert_eq!(Lang::Ru.number(-1234), "-1\u{a0}234");
        assert_eq!(Lang::En.number(999), "999");
    }

    /// The message ids of a Fluent file (its top-level `id = …` lines).
    fn message_ids(ftl: &str) -> std::collections::BTreeSet<&str> {
        ftl.lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim()))
            .collect()
    }

    #[test]
    fn every_message_exists_in_kazakh_russian_and_english() {
        let kk = message_ids(include_str!("../../locales/kk/main.ftl"));
        let ru = message_ids(include_str!("../../locales/ru/main.ftl"));
        let en = message_ids(include_str!("../../locales/en/main.ftl"));
        assert!(kk.len() > 100);
        assert_eq!(kk.symmetric_difference(&ru).collect::<Vec<_>>(), Vec::<&&str>::new(), "kk and ru differ");
        assert_eq!(kk.symmetric_difference(&en).collect::<Vec<_>>(), Vec::<&&str>::new(), "kk and en differ");
    }

    #[test]
    fn plural_forms_follow_cldr() {
        assert_eq!(Lang::En.t_args("count-associations", &[("count", 1.into())]), "1 association");
        assert_eq!(Lang::En.t_args("count-associations", &[("count", 5.into())]), "5 associations");
        assert_eq!(Lang::Ru.t_args("count-associations", &[("count", 2.into())]), "2 объединения");
        assert_eq!(Lang::Ru.t_args("count-associations", &[("count", 5.into())]), "5 объединений");
        assert_eq!(Lang::Ru.t_args("count-associations", &[("count", 21.into())]), "21 объединение");
    }
}
