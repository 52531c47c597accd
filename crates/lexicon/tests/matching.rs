//! Matching through each kind of disguise, the spans it reports in the original text, the lexicon file
//! format and its errors, and property tests: no panic on any input, spans on character boundaries.

use lexicon::{Error, Lang, Lexicon, flag_lines, flag_tsv};
use proptest::prelude::*;

fn found(lex: &Lexicon, text: &str) -> Vec<(String, String)> {
    lex.matches(text).into_iter().map(|m| (m.term.to_owned(), text[m.span].to_owned())).collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
}

fn ru() -> Lexicon {
    Lexicon::new(Lang::Ru, ["убить", "выгнать их", "казино", "погром"]).unwrap()
}

fn en() -> Lexicon {
    Lexicon::new(Lang::En, ["kill", "burn down", "casino", "extermin*"]).unwrap()
}

fn kk() -> Lexicon {
    Lexicon::new(Lang::Kk, ["өлтіру", "қуып шығу", "казино"]).unwrap()
}

#[test]
fn inflection() {
    assert_eq!(found(&ru(), "они убили"), pairs(&[("убить", "убили")]));
    assert_eq!(found(&ru(), "Выгнали их"), pairs(&[("выгнать их", "Выгнали их")]));
    assert_eq!(found(&en(), "he was killed"), pairs(&[("kill", "killed")]));
    assert_eq!(found(&en(), "burned down"), pairs(&[("burn down", "burned down")]));
    assert_eq!(found(&en(), "the extermination"), pairs(&[("extermin*", "extermination")]));
    // Kazakh nouns by the kazakh stemmer, verbs by their endings.
    assert_eq!(found(&kk(), "казинода"), pairs(&[("казино", "казинода")]));
    assert_eq!(found(&kk(), "өлтіреміз"), pairs(&[("өлтіру", "өлтіреміз")]));
    assert_eq!(found(&kk(), "қуып шығыңдар"), pairs(&[("қуып шығу", "қуып шығыңдар")]));
}

#[test]
fn kazakh_in_both_scripts() {
    assert_eq!(found(&kk(), "öltıremız"), pairs(&[("өлтіру", "öltıremız")]));
    assert_eq!(found(&kk(), "QUYP ŞYĞU"), pairs(&[("қуып шығу", "QUYP ŞYĞU")]));
    assert_eq!(found(&kk(), "quyp шығу"), pairs(&[("қуып шығу", "quyp шығу")]));
    let latin = Lexicon::new(Lang::Kk, ["öltıru"]).unwrap();
    assert_eq!(found(&latin, "өлтірді"), pairs(&[("öltıru", "өлтірді")]));
}

#[test]
fn case() {
    assert_eq!(found(&ru(), "УБИТЬ"), pairs(&[("убить", "УБИТЬ")]));
    assert_eq!(found(&en(), "KiLl"), pairs(&[("kill", "KiLl")]));
    assert_eq!(found(&kk(), "ӨЛТІРУ"), pairs(&[("өлтіру", "ӨЛТІРУ")]));
}

#[test]
fn lookalike_letters() {
    // Latin y, a, o in Cyrillic words; Cyrillic і, а, о in Latin words; a Greek iota.
    assert_eq!(found(&ru(), "yбить"), pairs(&[("убить", "yбить")]));
    assert_eq!(found(&ru(), "кaзинo"), pairs(&[("казино", "кaзинo")]));
    assert_eq!(found(&en(), "kіll саsіnо"), pairs(&[("kill", "kіll"), ("casino", "саsіnо")]));
    assert_eq!(found(&en(), "KΙLL"), pairs(&[("kill", "KΙLL")]));
    assert_eq!(found(&kk(), "өлтiру"), pairs(&[("өлтіру", "өлтiру")]));
    // A word made only of lookalikes is also read in the lexicon's script.
    assert_eq!(found(&ru(), "norpom"), pairs(&[("погром", "norpom")]));
}

#[test]
fn lookalikes_are_decided_per_word() {
    // Innocent words of the other script are left alone: an English word in Russian text, a Russian one
    // in English text.
    let ru = Lexicon::new(Lang::Ru, ["рок"]).unwrap();
    assert!(found(&ru, "poker night").is_empty());
    // (A Latin word made only of lookalikes is also read in Cyrillic: «pok» is «рок».)
    assert_eq!(found(&ru, "pok"), pairs(&[("рок", "pok")]));
    let en = Lexicon::new(Lang::En, ["cop"]).unwrap();
    assert!(found(&en, "сорок лет").is_empty());
}

#[test]
fn digits_for_letters() {
    assert_eq!(found(&ru(), "y6ить"), pairs(&[("убить", "y6ить")]));
    assert_eq!(found(&ru(), "п0гр0м"), pairs(&[("погром", "п0гр0м")]));
    assert_eq!(found(&en(), "k1ll"), pairs(&[("kill", "k1ll")]));
    assert_eq!(found(&en(), "ki11"), pairs(&[("kill", "ki11")]));
    assert_eq!(found(&en(), "c@s1no"), pairs(&[("casino", "c@s1no")]));
    // Numbers stay numbers.
    assert!(found(&en(), "4x4 2024 mp3").is_empty());
}

#[test]
fn invisible_characters() {
    let text = "у\u{200B}би\u{00AD}ть";
    assert_eq!(found(&ru(), text), pairs(&[("убить", text)]));
    let text = "\u{FEFF}ki\u{2060}l\u{200D}l\u{200C}";
    assert_eq!(found(&en(), text), pairs(&[("kill", "ki\u{2060}l\u{200D}l")]));
    let text = "ка\u{200D}зи\u{200D}но";
    assert_eq!(found(&kk(), text), pairs(&[("казино", text)]));
}

#[test]
fn combining_marks_and_compatibility_forms() {
    let text = "k\u{0301}i\u{0301}l\u{0301}l\u{0301}";
    assert_eq!(found(&en(), text), pairs(&[("kill", text)]));
    assert_eq!(found(&en(), "cásínó"), pairs(&[("casino", "cásínó")]));
    assert_eq!(found(&en(), "ｋｉｌｌ 𝐤𝐢𝐥𝐥 ⓚⓘⓛⓛ"), pairs(&[("kill", "ｋｉｌｌ"), ("kill", "𝐤𝐢𝐥𝐥"), ("kill", "ⓚⓘⓛⓛ")]));
    let text = "у\u{0306}бить";
    assert_eq!(found(&ru(), text), pairs(&[("убить", text)]));
    // и + breve is й, which is kept: убийца is not убить.
    assert!(found(&ru(), "уби\u{0306}ца").is_empty());
}

#[test]
fn spaced_and_punctuated_letters() {
    for text in ["у б и т ь", "у.б.и.т.ь", "у-б-и-т-ь", "у_б_и_т_ь", "у . б . и . т . ь", "у*б*и*т*ь"]
    {
        assert_eq!(found(&ru(), text), pairs(&[("убить", text)]), "{text}");
    }
    assert_eq!(found(&ru(), "В Ы Г Н А Т Ь   И Х"), pairs(&[("выгнать их", "В Ы Г Н А Т Ь   И Х")]));
    assert_eq!(found(&en(), "k i l l"), pairs(&[("kill", "k i l l")]));
    // Two one-letter words are not joined; a line break ends a run.
    assert!(found(&en(), "k i").is_empty());
    assert!(found(&en(), "k\ni\nl\nl").is_empty());
}

#[test]
fn spans_point_into_the_original_text() {
    let text = "Ну что, \u{200B}у\u{200B}б\u{200B}и\u{200B}т\u{200B}ь\u{200B} их? Да: k.i.l.l, и кaзинo.";
    let (ru, en) = (ru(), en());
    let ms = ru.matches(text);
    assert_eq!(ms.len(), 2);
    assert_eq!(&text[ms[0].span.clone()], "у\u{200B}б\u{200B}и\u{200B}т\u{200B}ь");
    assert_eq!(&text[ms[1].span.clone()], "кaзинo");
    let text = "— k . i . l . l —";
    let ms = en.matches(text);
    assert_eq!(&text[ms[0].span.clone()], "k . i . l . l");
    // A match across two words covers the gap between them.
    let text = "burn\u{00AD} \u{200B}down!";
    let ms = en.matches(text);
    assert_eq!(&text[ms[0].span.clone()], "burn\u{00AD} \u{200B}down");
}

#[test]
fn multi_word_terms_need_consecutive_words() {
    assert_eq!(found(&en(), "burn it down").len(), 0);
    assert_eq!(found(&en(), "burn, down").len(), 1);
    assert_eq!(found(&ru(), "выгнать всех их").len(), 0);
}

#[test]
fn overlapping_terms_are_all_reported() {
    let lex = Lexicon::new(Lang::En, ["burn", "burn down", "down"]).unwrap();
    let terms: Vec<&str> = lex.matches("burn down").iter().map(|m| m.term).collect();
    assert_eq!(terms, ["burn down", "burn", "down"]);
}

#[test]
fn substrings_are_not_words() {
    assert!(found(&en(), "skill skilled killjoy").is_empty());
    assert!(found(&ru(), "голубить зубы").is_empty());
    assert!(found(&kk(), "қуанамыз").is_empty());
}

#[test]
fn the_file_format() {
    let lex = Lexicon::parse(Lang::En, "\u{FEFF}# a comment\n\nkill   # inline comment\n  burn   down \nKILL\nkills\n")
        .unwrap();
    assert_eq!(lex.terms().collect::<Vec<_>>(), ["kill", "burn down"]);
    assert_eq!(lex.len(), 2);
    assert_eq!(lex.lang(), Lang::En);
}

#[test]
fn errors() {
    assert_eq!(Lexicon::new(Lang::Other, ["x"]).unwrap_err(), Error::Language(Lang::Other));
    assert!(matches!(Lexicon::parse(Lang::En, "kill\n!!!\n"), Err(Error::Empty { line: 2, .. })));
    assert!(matches!(Lexicon::new(Lang::En, ["ok", ""]), Err(Error::Empty { line: 2, .. })));
    assert!(matches!(Lexicon::new(Lang::En, ["ki*"]), Err(Error::Wildcard { line: 1, .. })));
    assert!(matches!(Lexicon::new(Lang::En, ["*kill"]), Err(Error::Wildcard { .. })));
    assert!(matches!(Lexicon::new(Lang::En, ["kil*l"]), Err(Error::Wildcard { .. })));
    assert!(matches!(
        Lexicon::new(Lang::En, ["one two three four five six seven eight nine ten eleven twelve 13 14 15 16 17"]),
        Err(Error::TooLong { .. })
    ));
    let e = Lexicon::parse(Lang::Ru, "убить\n***\n").unwrap_err();
    assert!(e.to_string().starts_with("line 2"), "{e}");
    assert!(Lexicon::new(Lang::En, Vec::<&str>::new()).unwrap().is_empty());
}

#[test]
fn flagging_lines() {
    let lex = en();
    let flags: Vec<_> = flag_lines(&lex, "hello\nk i l l\n\nburn down the casino, kill").collect();
    assert_eq!(flags.len(), 2);
    assert_eq!((flags[0].line, flags[0].text, flags[0].terms.clone()), (2, "k i l l", vec!["kill"]));
    assert_eq!(flags[1].line, 4);
    assert_eq!(flags[1].terms, ["burn down", "casino", "kill"]);
    assert_eq!(
        flag_tsv(Lang::Kk, "# сөздік\nөлтіру\n", "сәлем\nолардыӨлтіру керек\nöltırdı\n").unwrap(),
        "3\tөлтіру\töltırdı\n"
    );
    assert!(flag_tsv(Lang::Other, "kill", "").is_err());
}

#[test]
fn a_matcher_gives_what_matches_gives() {
    let lex = ru();
    let mut m = lex.matcher();
    let texts = ["убить", "ничего", "у б и т ь их", "кaзинo казино", "выгнали их", ""];
    for _ in 0..3000 {
        for t in texts {
            assert_eq!(m.matches(t), lex.matches(t), "{t}");
        }
    }
}

fn lexicons() -> Vec<Lexicon> {
    vec![
        ru(),
        en(),
        kk(),
        Lexicon::parse(Lang::Kk, include_str!("../eval/lexicon.kk.txt")).unwrap(),
        Lexicon::parse(Lang::Ru, include_str!("../eval/lexicon.ru.txt")).unwrap(),
        Lexicon::parse(Lang::En, include_str!("../eval/lexicon.en.txt")).unwrap(),
    ]
}

/// Strings made of what the matcher treats specially: letters of both scripts and their lookalikes,
/// digits, invisible characters, marks, separators.
fn tricky() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "у",
        "б",
        "и",
        "т",
        "ь",
        "k",
        "i",
        "l",
        "a",
        "о",
        "o",
        "ө",
        "і",
        "ұ",
        "қ",
        "ä",
        "ş",
        "I",
        "İ",
        "ı",
        "Ё",
        "ё",
        "1",
        "0",
        "3",
        "@",
        "$",
        " ",
        ".",
        "-",
        "\n",
        "*",
        "\u{200B}",
        "\u{00AD}",
        "\u{FEFF}",
        "\u{0301}",
        "\u{0306}",
        "\u{0336}",
        "ｋ",
        "𝐤",
        "ⓚ",
        "ﬁ",
        "ǅ",
        "Ι",
        "ї",
        "é",
        "\u{10FFFF}",
        "\u{0483}",
        "҂",
        "́",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_panic_and_spans_on_boundaries(text in any::<String>()) {
        for lex in lexicons() {
            for m in lex.matches(&text) {
                prop_assert!(m.span.start < m.span.end && m.span.end <= text.len());
                prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            }
        }
    }

    #[test]
    fn no_panic_on_tricky_strings(text in tricky()) {
        for lex in lexicons() {
            for m in lex.matches(&text) {
                prop_assert!(m.span.start < m.span.end && m.span.end <= text.len());
                prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            }
        }
    }

    #[test]
    fn any_term_text_makes_a_lexicon_or_an_error(terms in prop::collection::vec(tricky(), 0..6)) {
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            if let Ok(lex) = Lexicon::new(lang, terms.iter().map(String::as_str)) {
                // A term is found in its own text, unless it is only a prefix (`*`).
                for t in lex.terms() {
                    if !t.contains('*') {
                        prop_assert!(lex.is_match(t), "{:?}: {:?}", lang, t);
                    }
                }
            }
        }
    }
}

#[test]
fn the_readme_example() {
    let lex = Lexicon::parse(Lang::Ru, "# насилие\nубить\nвыгнать их\n# спам\nказино\n").unwrap();
    let text = "Надо у б и т ь, потом выгнали их. Кaзинo!";
    let found: Vec<(&str, &str)> = lex.matches(text).iter().map(|m| (m.term, &text[m.span.clone()])).collect();
    assert_eq!(found, [("убить", "у б и т ь"), ("выгнать их", "выгнали их"), ("казино", "Кaзинo")]);
}
