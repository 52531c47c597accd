//! The search key where Cyrillic and Latin spellings of a Kazakh word, in any case, meet.

use crate::stem::kk_lower;
use crate::translit::to_latin;

/// Fold a word to its search key: Kazakh lower-casing (`İ` → `i`, `I` → `ı`), Cyrillic → 2021 Latin, and the
/// dotted and dotless i merged (`ı` → `i`), so that text typed on a keyboard without the Turkic pairs
/// (`ASSAMBLEIA`) meets text written by the alphabet (`Assambleia`, `Ассамблея`).
///
/// The key is for matching only; it is not meant to be shown.
///
/// ```
/// use kazakh::fold;
/// assert_eq!(fold("Ассамблея"), fold("assambleia"));
/// assert_eq!(fold("ASSAMBLEIA"), fold("assambleia"));
/// assert_eq!(fold("БІРЛІК"), fold("bırlık"));
/// assert_eq!(fold("БІРЛІК"), "birlik");
/// ```
pub fn fold(word: &str) -> String {
    fold_lowercase(&kk_lower(word))
}

/// [`fold`] of a word already lower-cased the Kazakh way (as [`crate::stem`] returns it).
pub(crate) fn fold_lowercase(lower: &str) -> String {
    let latin = to_latin(lower);
    if latin.contains('ı') { latin.replace('ı', "i") } else { latin }
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn scripts_and_cases_meet() {
        let key = fold("ассамблея");
        for w in ["Ассамблея", "АССАМБЛЕЯ", "assambleia", "Assambleia", "ASSAMBLEIA", "AssambleİA"] {
            assert_eq!(fold(w), key, "{w}");
        }
        assert_eq!(fold("Қазақстан"), fold("QAZAQSTAN"));
        assert_eq!(fold("Ілияс"), fold("ILIIAS"));
        assert_eq!(fold("Өңір"), "öñir");
        assert_ne!(fold("ол"), fold("өл"));
    }
}
