//! The search analyzer: the one way index and query terms are made.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::detect::Lang;
use crate::fold::{fold, fold_lowercase};
use crate::stem::stem;

static RUSSIAN: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Russian));
static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Tokens longer than this (in bytes) are not words; they are indexed lower-cased, unstemmed.
const MAX_WORD: usize = 96;

/// The words of a text: maximal runs of letters, digits and combining marks. Everything else separates.
pub fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || ('\u{0300}'..='\u{036F}').contains(&c))).filter(|t| !t.is_empty())
}

/// The words of a text with their byte offsets in it (`text[start..start + word.len()] == word`), for an
/// analyzer that records offsets (highlighting, tantivy's `Token::offset_from`).
pub fn token_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let base = text.as_ptr() as usize;
    tokens(text).map(move |t| (t.as_ptr() as usize - base, t))
}

fn is_cyrillic_word(t: &str) -> bool {
    t.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

fn snowball(token: &str, lang: Lang) -> String {
    let lower: String = token.chars().flat_map(char::to_lowercase).map(|c| if c == 'ё' { 'е' } else { c }).collect();
    if lower.len() > MAX_WORD || lower.chars().all(|c| c.is_numeric()) {
        return lower;
    }
    let stemmer = match lang {
        Lang::Ru => &*RUSSIAN,
        _ => &*ENGLISH,
    };
    stemmer.stem(&lower).into_owned()
}

/// One index term for one token of a text in `lang`.
pub fn term(token: &str, lang: Lang) -> String {
    match lang {
        Lang::Kk => {
            if token.len() > MAX_WORD {
                fold(token)
            } else {
                // `stem` lower-cases the Kazakh way already.
                fold_lowercase(&stem(token))
            }
        }
        // Russian text: Cyrillic words by the Russian Snowball stemmer, Latin ones by the English one.
        Lang::Ru => snowball(token, if is_cyrillic_word(token) { Lang::Ru } else { Lang::En }),
        Lang::En => snowball(token, if is_cyrillic_word(token) { Lang::Ru } else { Lang::En }),
        Lang::Other => token.chars().flat_map(char::to_lowercase).collect(),
    }
}

/// The index terms of a text written in `lang`, one per word, in order (so positions and phrase queries
/// work):
///
/// * Kazakh: `fold(stem(word))`, so that «ассамблеяның», «ассамблея», «Assambleia» and «ASSAMBLEIA» meet,
///   and «бірлігі» meets «бірлік»;
/// * Russian and English: the Snowball stemmer of the language, lower-cased (ё is е);
/// * other: the word lower-cased.
///
/// Index every document with this function, using its language (or [`crate::detect`] when it is unknown),
/// and query with [`query_terms`].
///
/// ```
/// use kazakh::{search_terms, Lang};
/// assert_eq!(search_terms("Ассамблеяның сессиясы", Lang::Kk), ["assambleia", "sessiia"]);
/// assert_eq!(search_terms("assambleia", Lang::Kk), ["assambleia"]);
/// assert_eq!(search_terms("сессии Ассамблеи", Lang::Ru), ["сесс", "ассамбл"]);
/// assert_eq!(search_terms("The sessions", Lang::En), ["the", "session"]);
/// ```
pub fn search_terms(text: &str, lang: Lang) -> Vec<String> {
    tokens(text).map(|t| term(t, lang)).collect()
}

/// The terms to search for a query whose language is not known: the union, without repeats, of its terms as
/// Kazakh, Russian and English, so that a query finds a document in any of the three whatever script the
/// query is typed in. (The Kazakh keys are Latin, the Russian stems Cyrillic; an English stem may now and
/// then equal a Kazakh key, which costs a little precision, never recall.)
///
/// ```
/// use kazakh::{query_terms, search_terms, Lang};
/// let doc = search_terms("Ассамблеяның отыз екінші сессиясы", Lang::Kk);
/// for q in ["ассамблея", "Assambleia", "ASSAMBLEIA"] {
///     assert!(query_terms(q).iter().any(|t| doc.contains(t)), "{q}");
/// }
/// ```
pub fn query_terms(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in tokens(text) {
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            let term = term(t, lang);
            if !out.contains(&term) {
                out.push(term);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_forms_meet() {
        let key = |s: &str| search_terms(s, Lang::Kk);
        assert_eq!(key("ассамблеяның"), key("ассамблея"));
        assert_eq!(key("ассамблеяның"), key("assambleia"));
        assert_eq!(key("АССАМБЛЕЯСЫНЫҢ"), key("ASSAMBLEIA"));
        assert_eq!(key("бірлігі"), key("бірлік"));
        assert_eq!(key("Бірлігімізді"), key("BIRLIK"));
        assert_eq!(key("кітабы"), key("кітаптар"));
        assert_ne!(key("қала"), key("қалам"));
    }

    #[test]
    fn tokenising() {
        assert_eq!(search_terms("", Lang::Kk), Vec::<String>::new());
        assert_eq!(search_terms("  ,.;  ", Lang::En), Vec::<String>::new());
        assert_eq!(search_terms("2026 жылы, 27-сәуір", Lang::Kk), ["2026", "jyl", "27", "säuir"]);
        assert_eq!(search_terms("Ёлка ЁЛКИ", Lang::Ru), ["елк", "елк"]);
        assert_eq!(search_terms("Bonjour Paris", Lang::Other), ["bonjour", "paris"]);
        let long = "а".repeat(200);
        assert_eq!(search_terms(&long, Lang::Kk).len(), 1);
    }

    #[test]
    fn spans() {
        let text = "Ассамблея, 2026 — бірлік!";
        for (start, word) in token_spans(text) {
            assert_eq!(&text[start..start + word.len()], word);
        }
        assert_eq!(token_spans(text).map(|(s, _)| s).collect::<Vec<_>>(), [0, 20, 29]);
    }

    #[test]
    fn query_terms_cover_the_languages() {
        let q = query_terms("единство");
        assert!(q.contains(&"единств".to_owned()));
        let doc = search_terms("Единство народа", Lang::Ru);
        assert!(q.iter().any(|t| doc.contains(t)));
    }
}
