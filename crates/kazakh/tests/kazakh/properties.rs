//! Property tests: the round trip on native words, no panic on any input, output length proportional to
//! input length, and script-independence of the search key.

use proptest::prelude::*;

/// Native Kazakh letters that the Latin alphabet keeps apart (и/й share `i` and х/һ share `h`, so и, й and
/// һ are left out; х is kept).
const VOWELS: &[&str] = &["а", "ә", "е", "о", "ө", "ұ", "ү", "ы", "і", "у"];
const CONSONANTS: &[&str] =
    &["б", "в", "г", "ғ", "д", "ж", "з", "к", "қ", "л", "м", "н", "ң", "п", "р", "с", "т", "ф", "х", "ш"];

/// A word of Kazakh syllables: (C)V(C), one to five of them. Kazakh words start and end with at most one
/// consonant, which is what the Latin → Cyrillic rules for ц and ч rely on; шш is written щ (`şş`) in Latin,
/// so it is left out.
fn native_word() -> impl Strategy<Value = String> {
    let syllable = (
        prop::option::of(prop::sample::select(CONSONANTS)),
        prop::sample::select(VOWELS),
        prop::option::of(prop::sample::select(CONSONANTS)),
    )
        .prop_map(|(a, v, b)| format!("{}{}{}", a.unwrap_or(""), v, b.unwrap_or("")));
    prop::collection::vec(syllable, 1..6)
        .prop_map(|s| s.concat())
        .prop_filter("шш is щ in Latin", |w| !w.contains("шш"))
}

fn cased(w: &str, how: u8) -> String {
    match how {
        0 => w.to_owned(),
        1 => w.chars().flat_map(char::to_uppercase).collect(),
        _ => {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        }
    }
}

proptest! {
    #[test]
    fn cyrillic_latin_cyrillic_is_identity(words in prop::collection::vec((native_word(), 0u8..3), 1..6)) {
        let text: Vec<String> = words.iter().map(|(w, how)| cased(w, *how)).collect();
        let text = text.join(" ");
        let latin = kazakh::to_latin(&text);
        prop_assert_eq!(kazakh::to_cyrillic(&latin), text);
    }

    #[test]
    fn search_key_does_not_depend_on_script(w in native_word()) {
        prop_assert_eq!(kazakh::fold(&w), kazakh::fold(&kazakh::to_latin(&w)));
        prop_assert_eq!(
            kazakh::fold(&kazakh::stem(&w)),
            kazakh::fold(&kazakh::stem(&kazakh::to_latin(&w)))
        );
    }

    #[test]
    fn nothing_panics_and_lengths_stay_proportional(s in any::<String>()) {
        let n = s.len();
        prop_assert!(kazakh::to_latin(&s).len() <= 2 * n);
        prop_assert!(kazakh::to_cyrillic(&s).len() <= 2 * n);
        prop_assert!(kazakh::stem(&s).len() <= 4 * n + 8);
        prop_assert!(kazakh::fold(&s).len() <= 4 * n + 8);
        let _ = kazakh::detect(&s);
        for lang in [kazakh::Lang::Kk, kazakh::Lang::Ru, kazakh::Lang::En, kazakh::Lang::Other] {
            let terms = kazakh::search_terms(&s, lang);
            prop_assert!(terms.iter().map(String::len).sum::<usize>() <= 4 * n + 8);
        }
        let _ = kazakh::query_terms(&s);
    }

    #[test]
    fn kazakh_looking_text_does_not_panic(s in "[аәбвгғдежзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяАӘБҚҒҢӨҰҮІЁЮЯЦЧЩ a-zA-ZäğıñöşūüİÄĞÑÖŞŪÜ'.,-]{0,200}") {
        let n = s.len();
        prop_assert!(kazakh::to_latin(&s).len() <= 2 * n);
        prop_assert!(kazakh::to_cyrillic(&s).len() <= 2 * n);
        prop_assert!(kazakh::stem(&s).len() <= 4 * n + 8);
        let _ = kazakh::detect(&s);
        let _ = kazakh::search_terms(&s, kazakh::Lang::Kk);
        let _ = kazakh::to_cyrillic(&kazakh::to_latin(&s));
    }

    #[test]
    fn byte_entry_point_takes_any_bytes(b in prop::collection::vec(any::<u8>(), 0..512)) {
        let out = kazakh::to_latin_bytes(&b);
        // Each invalid byte becomes at most one U+FFFD (3 bytes).
        prop_assert!(out.len() <= 3 * b.len());
    }
}
