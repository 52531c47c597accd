//! The matcher against an oracle that stems every word: the trie of anchors must never skip a word whose
//! key is a lexicon word's key (and must never match one whose key is not).
//!
//! For plain lower-case words the reading is the word itself, so the oracle is `kazakh::term` on both
//! sides. Words come from the `kazakh` crate's stemmer sets (1,000 Kazakh forms, in Cyrillic and in Latin),
//! from roots and endings of Russian and English, and from random strings.

use std::collections::HashMap;

use kazakh::term;
use lexicon::{Lang, Lexicon};
use proptest::prelude::*;

/// Check every word of `words` as a text against a lexicon of all of them: it must find exactly the first
/// lexicon word with the same key.
fn check_all(lang: Lang, words: &[String], texts: impl Fn(&str) -> Vec<String>) {
    let lex = Lexicon::new(lang, words.iter().map(String::as_str)).unwrap();
    let mut first: HashMap<String, &str> = HashMap::new();
    for w in words {
        first.entry(term(w, lang)).or_insert(w);
    }
    let mut checked = 0;
    for w in words {
        for text in texts(w) {
            let found: Vec<&str> = lex.matches(&text).iter().map(|m| m.term).collect();
            let want = first.get(&term(w, lang)).copied();
            assert_eq!(found, want.into_iter().collect::<Vec<_>>(), "{lang:?}: {text:?} (from {w:?})");
            checked += 1;
        }
    }
    assert!(checked >= words.len());
}

fn kazakh_words() -> Vec<String> {
    let mut words = Vec::new();
    for file in [
        include_str!("../../kazakh/tests/data/stem_eval.tsv"),
        include_str!("../../kazakh/tests/data/stem_heldout.tsv"),
    ] {
        for line in file.lines().filter(|l| !l.starts_with('#')) {
            for w in line.split(['\t', ' ']).filter(|w| !w.is_empty()) {
                words.push(w.to_owned());
            }
        }
    }
    words
}

#[test]
fn kazakh_forms_cyrillic_and_latin() {
    let words = kazakh_words();
    assert!(words.len() > 1000, "{}", words.len());
    check_all(Lang::Kk, &words, |w| vec![w.to_owned(), kazakh::to_latin(w), w.to_uppercase()]);
}

const RU_ROOTS: &[&str] = &[
    "уб",
    "убий",
    "убив",
    "выгн",
    "выгон",
    "сжег",
    "сожж",
    "жеч",
    "казин",
    "ненавид",
    "ненавист",
    "уничтож",
    "взорв",
    "стрел",
    "расстрел",
    "изгн",
    "бомб",
    "город",
    "народ",
    "единств",
    "собран",
    "реш",
    "выбор",
    "лес",
    "стол",
    "добр",
    "красив",
    "молод",
    "работ",
    "говор",
    "сказ",
    "нов",
    "прав",
    "друг",
];
const RU_ENDINGS: &[&str] = &[
    "",
    "а",
    "я",
    "о",
    "е",
    "ы",
    "и",
    "у",
    "ю",
    "ь",
    "ой",
    "ей",
    "ом",
    "ем",
    "ам",
    "ям",
    "ах",
    "ях",
    "ами",
    "ями",
    "ов",
    "ев",
    "ть",
    "ить",
    "ать",
    "ять",
    "еть",
    "ыть",
    "ил",
    "ила",
    "или",
    "ило",
    "ал",
    "ала",
    "али",
    "ел",
    "ит",
    "ят",
    "ут",
    "ют",
    "ет",
    "ем",
    "им",
    "ешь",
    "ишь",
    "ите",
    "ете",
    "ый",
    "ий",
    "ая",
    "ое",
    "ые",
    "ого",
    "его",
    "ому",
    "ыми",
    "ими",
    "ых",
    "их",
    "ость",
    "ости",
    "ение",
    "ения",
    "ство",
    "ства",
    "нн",
    "нный",
    "ющий",
    "вший",
    "вшись",
    "ся",
    "ась",
    "ись",
    "лся",
    "ться",
    "ейший",
    "ейшая",
    "ей",
];

#[test]
fn russian_roots_and_endings() {
    let mut words = Vec::new();
    for r in RU_ROOTS {
        for e in RU_ENDINGS {
            words.push(format!("{r}{e}"));
        }
    }
    check_all(Lang::Ru, &words, |w| vec![w.to_owned(), w.to_uppercase()]);
    check_one_by_one(Lang::Ru, RU_ROOTS, RU_ENDINGS);
}

/// Each form alone in a lexicon, against every form of its root: the anchors of one word are not helped
/// by the anchors of others.
fn check_one_by_one(lang: Lang, roots: &[&str], endings: &[&str]) {
    for r in roots {
        let forms: Vec<String> = endings.iter().map(|e| format!("{r}{e}")).collect();
        let keys: Vec<String> = forms.iter().map(|f| term(f, lang)).collect();
        for (a, ka) in forms.iter().zip(&keys) {
            let lex = Lexicon::new(lang, [a.as_str()]).unwrap();
            for (b, kb) in forms.iter().zip(&keys) {
                assert_eq!(lex.is_match(b), ka == kb, "{lang:?}: lexicon {a:?} ({ka}), text {b:?} ({kb})");
            }
        }
    }
}

const EN_ROOTS: &[&str] = &[
    "kill", "hop", "hope", "happ", "cr", "d", "l", "t", "sk", "relat", "organ", "oper", "activ", "ab", "possib",
    "prob", "humb", "troub", "generat", "burn", "expel", "destroy", "hat", "casin", "bomb", "shoot", "gun", "nation",
    "valen", "flu", "gent", "ug", "ear", "on", "sing", "id", "news", "sky", "bias", "fulfil", "gener",
];
const EN_ENDINGS: &[&str] = &[
    "", "s", "es", "ed", "ing", "ingly", "edly", "ies", "ied", "y", "ly", "ily", "er", "ers", "est", "ation",
    "ational", "ization", "izer", "ize", "ise", "ator", "ability", "ibility", "ably", "ibly", "able", "ible", "ness",
    "fulness", "ful", "fully", "ity", "ive", "ivity", "iveness", "ment", "al", "ally", "alism", "ism", "ist", "ous",
    "ously", "ousness", "ence", "ency", "ance", "ancy", "bly", "bility", "logy", "logi", "e", "ie", "ying", "lessly",
    "entli", "ently", "eed", "eedly", "sses", "ss", "us", "icate", "iciti", "ical", "ative", "alize", "tional",
    "ement", "ent", "ant", "ion", "sion", "tion", "ure",
];

#[test]
fn english_roots_and_endings() {
    let mut words = Vec::new();
    for r in EN_ROOTS {
        for e in EN_ENDINGS {
            words.push(format!("{r}{e}"));
        }
    }
    check_all(Lang::En, &words, |w| vec![w.to_owned(), w.to_uppercase()]);
    check_one_by_one(Lang::En, EN_ROOTS, EN_ENDINGS);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// A random lexicon word and a random text word that shares a prefix with it.
    #[test]
    fn random_russian_pairs(a in "[а-яё]{1,10}", cut in 0usize..6, tail in "[а-яё]{0,5}") {
        pair(Lang::Ru, &a, cut, &tail)?;
    }

    #[test]
    fn random_english_pairs(a in "[a-z]{1,10}", cut in 0usize..6, tail in "[a-z]{0,6}") {
        pair(Lang::En, &a, cut, &tail)?;
    }

    #[test]
    fn random_kazakh_pairs(a in "[а-яәғқңөұүһі]{1,10}", cut in 0usize..6, tail in "[а-яәғқңөұүһі]{0,6}") {
        pair(Lang::Kk, &a, cut, &tail)?;
        let latin = kazakh::to_latin(&a);
        pair(Lang::Kk, &latin, cut, &kazakh::to_latin(&tail))?;
    }
}

/// Once found by `random_kazakh_pairs`: the Latin term `ı` (і) and the text word `u`, which the matcher also reads
/// as и (a lookalike-only word), and the Kazakh fold reads і and и alike.
#[test]
fn a_latin_lookalike_word_matches_by_its_cyrillic_reading() {
    pair(Lang::Kk, "і", 1, "у").unwrap();
    pair(Lang::Kk, "ı", 1, "u").unwrap();
    assert!(!Lexicon::new(Lang::Kk, ["ı"]).unwrap().matches("u").is_empty());
}

fn pair(lang: Lang, a: &str, cut: usize, tail: &str) -> Result<(), TestCaseError> {
    let keep: String = a.chars().take(a.chars().count().saturating_sub(cut)).collect();
    let b = format!("{keep}{tail}");
    if b.is_empty() || term(a, lang).is_empty() {
        return Ok(());
    }
    let lex = Lexicon::new(lang, [a]).unwrap();
    let found = !lex.matches(&b).is_empty();
    let key = term(a, lang);
    let same = key == term(&b, lang) || kazakh_lookalike_reading(lang, &b).is_some_and(|alt| key == term(&alt, lang));
    prop_assert_eq!(found, same, "{:?} vs {:?}", a, b);
    Ok(())
}

/// The second reading the matcher gives a Kazakh Latin word made only of letters that look Cyrillic: the word
/// as the Cyrillic letters it may stand for (an evasion: `u` typed for и). Since the Kazakh fold reads і and и
/// alike, «и» (from `u`) matches the Latin term `ı` (і).
fn kazakh_lookalike_reading(lang: Lang, word: &str) -> Option<String> {
    const LOOKALIKES: &[(char, char)] = &[
        ('a', 'а'),
        ('b', 'ь'),
        ('c', 'с'),
        ('e', 'е'),
        ('h', 'һ'),
        ('i', 'і'),
        ('k', 'к'),
        ('m', 'м'),
        ('n', 'п'),
        ('o', 'о'),
        ('p', 'р'),
        ('r', 'г'),
        ('t', 'т'),
        ('u', 'и'),
        ('w', 'ш'),
        ('x', 'х'),
        ('y', 'у'),
    ];
    let cyrillic = |c: char| LOOKALIKES.iter().find(|(l, _)| *l == c).map(|(_, cy)| *cy);
    (lang == Lang::Kk).then(|| word.chars().map(cyrillic).collect::<Option<String>>()).flatten()
}
