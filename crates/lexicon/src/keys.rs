//! Keys and anchors: what a word of a term and a word of a text are compared by, and the cheap test that
//! spares most words of a text the stemmer.
//!
//! The **key** of a reading is the `kazakh` crate's search term for it ([`kazakh::term`]): for Kazakh the
//! folded stem (Cyrillic and 2021 Latin meet), for Russian and English the Snowball stem (a Cyrillic
//! word by the Russian stemmer, any other by the English one). Two words match when their keys are equal.
//!
//! Stemming every word of a text costs about 1 µs a word in Russian, too slow for 50 MB/s. So each key
//! has an **anchor**: a prefix that the *probe* of every word with that key begins with. The probe is the
//! reading itself for Russian and English, and its Kazakh fold (2021 Latin, ı = i) for Kazakh. A word of
//! the text is stemmed only if its probe begins with the anchor of some word of the lexicon (a trie walk,
//! [`crate::trie`]); for most words it does not.
//!
//! * Russian Snowball only removes endings: the stem is a prefix of the lower-cased word, so the anchor
//!   is the whole key.
//! * English Snowball (Porter2) also rewrites a few endings (hoping → hope, happy → happi, possibility →
//!   possible, dying → die, skies → sky): the stem and the word share all of the stem but its last letter
//!   when it ends in e (three letters or more), bl, or i after a consonant (y turned i), and all but its
//!   last two when it ends in ble or is die, lie or tie. The anchor drops those letters.
//! * The Kazakh stemmer cuts endings and then changes the end of the root: it puts back a dropped vowel
//!   (халқы → халық: the last two letters, after л р у), turns a final б г ғ into п к қ (the last letter),
//!   and may leave an у followed by ы or і. The anchor drops the letters that may have changed.
//!
//! `tests/anchors.rs` checks on thousands of words, real and generated, that every word's probe begins
//! with the anchor of its own key: a word can never be skipped that would have matched.

use std::sync::LazyLock;

use kazakh::Lang;

/// The key of a reading.
pub(crate) fn key(reading: &str, lang: Lang) -> String {
    kazakh::term(reading, lang)
}

/// The anchor of a key: the prefix of it that every probe of a word with this key begins with.
pub(crate) fn anchor(key: &str, lang: Lang) -> String {
    match lang {
        Lang::Kk => {
            let chars: Vec<char> = key.chars().collect();
            let n = chars.len();
            let tail = |k: usize| chars.get(n.wrapping_sub(k)).copied();
            let drop = if matches!(tail(3), Some('l' | 'r' | 'u'))
                && matches!(tail(2), Some('y' | 'i'))
                && matches!(tail(1), Some('q' | 'k' | 'p' | 'n' | 'z' | 's'))
            {
                2
            } else if (tail(2) == Some('u') && matches!(tail(1), Some('y' | 'i')))
                || matches!(tail(1), Some('p' | 'k' | 'q'))
            {
                1
            } else {
                0
            };
            let kept: String = chars.get(..n.saturating_sub(drop)).unwrap_or(&[]).iter().collect();
            probe_of(&kept, lang)
        }
        _ if key.chars().any(is_cyrillic) => key.to_owned(),
        _ => {
            let drop = english_drop(key);
            let cut = key.char_indices().rev().nth(drop.saturating_sub(1)).map_or(key.len(), |(i, _)| i);
            if drop == 0 { key.to_owned() } else { key.get(..cut).unwrap_or("").to_owned() }
        }
    }
}

/// How many letters at the end of an English stem may differ from the word (see the module docs).
fn english_drop(key: &str) -> usize {
    let b = key.as_bytes();
    let n = b.len();
    // (y is not counted: after a vowel Porter2 takes it for a consonant, destroyy → destroyi)
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    match key {
        // dying, lying, tying → die, lie, tie; skies → sky
        "die" | "lie" | "tie" => 2,
        "sky" => 1,
        _ if key.ends_with("ble") => 2,
        _ if key.ends_with("bl") => 1,
        // hoping → hope, relational → relate
        _ if n >= 3 && key.ends_with('e') => 1,
        // happy → happi: a y after a consonant that is not the first letter
        _ if n >= 3 && key.ends_with('i') && b.get(n - 2).is_some_and(|&c| !vowel(c)) => 1,
        _ => 0,
    }
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// The Kazakh fold of each character up to U+04FF (lower-case), as the `kazakh` crate folds it (its
/// transliteration is letter by letter for lower-case text): its length and bytes.
static KK_FOLD: LazyLock<Vec<(u8, [u8; 4])>> = LazyLock::new(|| {
    (0u32..=0x4FF)
        .map(|u| {
            let folded = match char::from_u32(u) {
                Some('ı') => "i".to_owned(),
                Some(c @ '\u{0400}'..='\u{04FF}') => kazakh::fold(&c.to_lowercase().collect::<String>()),
                Some(c) => c.to_string(),
                None => String::new(),
            };
            let mut bytes = [0u8; 4];
            for (slot, &b) in bytes.iter_mut().zip(folded.as_bytes()) {
                *slot = b;
            }
            (folded.len().min(4) as u8, bytes)
        })
        .collect()
});

/// The bytes of the probe of a reading, made as they are walked (a walk mostly stops after a few).
pub(crate) struct Probe<'a> {
    chars: std::str::Chars<'a>,
    /// The Kazakh fold table, or nothing.
    table: &'static [(u8, [u8; 4])],
    buf: [u8; 4],
    at: u8,
    len: u8,
}

impl<'a> Probe<'a> {
    pub fn new(reading: &'a str, lang: Lang) -> Probe<'a> {
        let table: &'static [(u8, [u8; 4])] = if lang == Lang::Kk { &KK_FOLD } else { &[] };
        Probe { chars: reading.chars(), table, buf: [0; 4], at: 0, len: 0 }
    }
}

impl Iterator for Probe<'_> {
    type Item = u8;

    #[inline]
    fn next(&mut self) -> Option<u8> {
        loop {
            if self.at < self.len {
                let b = self.buf.get(self.at as usize).copied();
                self.at += 1;
                return b;
            }
            let c = self.chars.next()?;
            if c.is_ascii() {
                return Some(c as u8);
            }
            self.at = 0;
            match self.table.get(c as usize) {
                Some(&(len, bytes)) => {
                    self.buf = bytes;
                    self.len = len;
                }
                None => self.len = c.encode_utf8(&mut self.buf).len() as u8,
            }
        }
    }
}

/// Write the probe of a reading into `out` (cleared first).
pub(crate) fn probe_into(reading: &str, lang: Lang, out: &mut Vec<u8>) {
    out.clear();
    if lang == Lang::Kk {
        out.extend(Probe::new(reading, lang));
    } else {
        out.extend_from_slice(reading.as_bytes());
    }
}

/// The probe of a reading as a string.
pub(crate) fn probe_of(reading: &str, lang: Lang) -> String {
    let mut v = Vec::with_capacity(reading.len() + 4);
    probe_into(reading, lang, &mut v);
    String::from_utf8(v).unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn anchors() {
        assert_eq!(anchor("уб", Lang::Ru), "уб");
        assert_eq!(anchor("kill", Lang::En), "kill");
        assert_eq!(anchor("hope", Lang::En), "hop");
        assert_eq!(anchor("die", Lang::En), "d");
        assert_eq!(anchor("possibl", Lang::En), "possib");
        assert_eq!(anchor("halyq", Lang::Kk), "hal");
        assert_eq!(anchor("kitap", Lang::Kk), "kita");
        assert_eq!(anchor("assambleia", Lang::Kk), "assambleia");
    }

    #[test]
    fn kazakh_probe_is_the_fold() {
        for w in ["ассамблея", "бірлік", "щётка", "цех", "bırlık", "qazaq", "ъ"] {
            assert_eq!(probe_of(w, Lang::Kk), kazakh::fold(w), "{w}");
        }
        assert_eq!(probe_of("убить", Lang::Ru), "убить");
    }
}
