//! The tokenizer: from a text to its words, each with its byte span in the text and its reading (the word
//! cleaned of disguise, lower-cased, in one script).
//!
//! 1. Words are runs of letters and digits. Invisible characters inside a word are skipped (the word goes
//!    on); combining marks are composed with the letter before them when that gives a letter of the
//!    language (и + ◌̆ = й) and dropped otherwise; other characters (fullwidth, mathematical, circled,
//!    accented letters of other languages, ligatures) are read through their compatibility decomposition.
//!    `@` and `$` next to a letter or a digit are part of the word.
//! 2. Runs of at least three one-letter words separated by short gaps (at most three characters, no line
//!    break) are joined into one word: «у б и т ь», «k.i.l.l». A run is cut where a gap is wider than its
//!    narrowest one («у б и т ь   и х» is two words).
//! 3. Each word is read in one script, chosen by its letters that have no lookalike in the other script
//!    (then by the number of letters of each script, then the lexicon's own script): the lookalikes of
//!    the other script are read as this one's (Latin `o` in a Cyrillic word is `о`), and digits as the
//!    letters they stand for when the word has at least as many letters as digits. A word made only of
//!    lookalikes gets a second reading in the lexicon's script, and a Latin word with a `1` a second
//!    reading with `l`.
//! 4. The reading is lower-cased for the language (see `chars::push_lower`).

use kazakh::Lang;

use crate::chars::{
    Kind, Script, compose_mark, cyrillic_to_latin, digit_letter, greek, kind, latin_to_cyrillic, push_lower,
    push_word_char, script,
};

/// A word of the text.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    /// Byte span in the original text: from the first letter to the end of the last letter (or of its
    /// marks), invisible characters and joined gaps included.
    pub start: usize,
    pub end: usize,
    /// The reading: a range of the text itself (`in_text`, a word that reads as it is written) or of the
    /// arena.
    pub surf: (u32, u32),
    pub in_text: bool,
    /// A second reading (in the arena), if the word has one.
    pub alt: Option<(u32, u32)>,
}

/// How a word's reading is made.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Plain {
    /// Lower-case letters of the language's own script, or only digits: the text itself.
    AsWritten,
    /// Letters of the language's own script in either case: the text lower-cased.
    Cased,
    /// Anything else: its characters are in `chars`, read by [`readings`].
    No,
}

/// A word before joining: its span and, if it is not plain, its characters (a range of `chars`).
#[derive(Clone, Copy)]
struct Raw {
    start: usize,
    end: usize,
    from: usize,
    to: usize,
    /// Letters, digits and symbols it was made of (marks and invisible characters not counted).
    units: u32,
    plain: Plain,
    letters: bool,
    digits: bool,
    /// (Kazakh) Latin letters, and whether one of them has no Cyrillic lookalike.
    latin: bool,
    latin_sure: bool,
    /// (Kazakh) Cyrillic letters.
    cyrillic: bool,
}

/// The buffers of one analysis.
#[derive(Default)]
pub(crate) struct Scratch {
    raws: Vec<Raw>,
    chars: Vec<char>,
    joined: Vec<char>,
    pub toks: Vec<Tok>,
    pub arena: String,
}

impl Scratch {
    /// A reading of a word of `text` (the text `analyze` was given).
    pub fn reading<'a>(&'a self, text: &'a str, tok: &Tok) -> &'a str {
        let (a, b) = (tok.surf.0 as usize, tok.surf.1 as usize);
        if tok.in_text { text.get(a..b).unwrap_or("") } else { self.arena.get(a..b).unwrap_or("") }
    }

    pub fn alt(&self, tok: &Tok) -> Option<&str> {
        tok.alt.map(|(a, b)| self.arena.get(a as usize..b as usize).unwrap_or(""))
    }
}

/// The script a lexicon's words are in by default (the tie-break of step 3).
fn preferred(lang: Lang) -> Script {
    match lang {
        Lang::En => Script::Latin,
        _ => Script::Cyrillic,
    }
}

/// Analyze `text` into `s.toks` (and `s.arena`).
pub(crate) fn analyze(text: &str, lang: Lang, s: &mut Scratch) {
    s.raws.clear();
    s.chars.clear();
    s.toks.clear();
    s.arena.clear();
    raw_words(text, lang, &mut s.raws, &mut s.chars);

    let mut i = 0;
    while i < s.raws.len() {
        // The run of one-letter words that starts here.
        let mut j = i;
        while let (Some(a), Some(b)) = (s.raws.get(j), s.raws.get(j + 1)) {
            if a.units == 1 && b.units == 1 && short_gap(text, a.end, b.start) {
                j += 1;
            } else {
                break;
            }
        }
        if j + 1 - i >= 3 {
            let narrowest = (i..j).map(|k| gap_width(text, &s.raws, k)).min().unwrap_or(0);
            let mut from = i;
            for k in i..=j {
                if k == j || gap_width(text, &s.raws, k) > narrowest {
                    push_joined(text, lang, s, from, k);
                    from = k + 1;
                }
            }
            i = j + 1;
        } else {
            // Only the first word of a short run is pushed here; the loop goes on from the next one.
            if let Some(&r) = s.raws.get(i) {
                push_word(text, lang, s, r);
            }
            i += 1;
        }
    }
}

fn push_word(text: &str, lang: Lang, s: &mut Scratch, r: Raw) {
    let (surf, in_text, alt) = match r.plain {
        Plain::AsWritten => ((to_u32(r.start), to_u32(r.end)), true, None),
        Plain::Cased => {
            let from = s.arena.len();
            for c in text.get(r.start..r.end).unwrap_or("").chars() {
                push_lower(c, lang, &mut s.arena);
            }
            ((to_u32(from), to_u32(s.arena.len())), false, None)
        }
        Plain::No => {
            let (surf, alt) = readings(s.chars.get(r.from..r.to).unwrap_or(&[]), lang, &mut s.arena);
            (surf, false, alt)
        }
    };
    s.toks.push(Tok { start: r.start, end: r.end, surf, in_text, alt });
}

fn push_joined(text: &str, lang: Lang, s: &mut Scratch, from: usize, to: usize) {
    s.joined.clear();
    let (mut start, mut end) = (usize::MAX, 0);
    for r in s.raws.get(from..=to).unwrap_or(&[]) {
        if r.plain == Plain::No {
            s.joined.extend_from_slice(s.chars.get(r.from..r.to).unwrap_or(&[]));
        } else {
            s.joined.extend(text.get(r.start..r.end).unwrap_or("").chars());
        }
        start = start.min(r.start);
        end = end.max(r.end);
    }
    if start == usize::MAX {
        return;
    }
    let (surf, alt) = readings(&s.joined, lang, &mut s.arena);
    s.toks.push(Tok { start, end, surf, in_text: false, alt });
}

/// The number of characters between word `k` and word `k + 1`.
fn gap_width(text: &str, raws: &[Raw], k: usize) -> usize {
    match (raws.get(k), raws.get(k + 1)) {
        (Some(a), Some(b)) => text.get(a.end..b.start).map_or(usize::MAX, |g| g.chars().count()),
        _ => usize::MAX,
    }
}

fn short_gap(text: &str, end: usize, start: usize) -> bool {
    text.get(end..start).is_some_and(|g| !g.contains(['\n', '\r']) && g.chars().nth(3).is_none())
}

/// What a character is to the tokenizer: [`Kind`], with the word characters split for the plain
/// readings into letters of the language's own script (lower or upper case; for Russian not ё, which
/// reads е; for Kazakh its Cyrillic letters and, apart, those of the 2021 Latin alphabet), ASCII digits
/// and other word characters.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Lower,
    Upper,
    /// (Kazakh) a letter of the 2021 Latin alphabet, which is Kazakh's other own script.
    Latin {
        upper: bool,
        /// It has no Cyrillic lookalike, so a word with it is read in Latin as it stands.
        sure: bool,
    },
    Digit,
    OtherWord,
    Symbol,
    Mark,
    Ignorable,
    Separator,
}

#[inline]
fn classify(c: char, lang: Lang) -> Class {
    let latin_own = lang == Lang::En;
    match c {
        'a'..='z' if latin_own => Class::Lower,
        'A'..='Z' if latin_own => Class::Upper,
        'a'..='z' if lang == Lang::Kk => {
            Class::Latin { upper: false, sure: matches!(c, 'd' | 'f' | 'g' | 'j' | 'l' | 'q' | 's' | 'v' | 'z') }
        }
        'A'..='Z' if lang == Lang::Kk => Class::Latin {
            upper: true,
            sure: matches!(c, 'D' | 'F' | 'G' | 'J' | 'L' | 'N' | 'Q' | 'R' | 'S' | 'U' | 'V' | 'Z'),
        },
        'a'..='z' | 'A'..='Z' => Class::OtherWord,
        '0'..='9' => Class::Digit,
        '@' | '$' => Class::Symbol,
        '\0'..='\x7F' => Class::Separator,
        'а'..='я' if !latin_own => Class::Lower,
        'А'..='Я' if !latin_own => Class::Upper,
        'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' | 'і' if lang == Lang::Kk => Class::Lower,
        'Ә' | 'Ғ' | 'Қ' | 'Ң' | 'Ө' | 'Ұ' | 'Ү' | 'Һ' | 'І' if lang == Lang::Kk => Class::Upper,
        'ä' | 'ö' | 'ü' | 'ş' | 'ğ' | 'ñ' | 'ū' | 'ı' if lang == Lang::Kk => {
            Class::Latin { upper: false, sure: true }
        }
        'Ä' | 'Ö' | 'Ü' | 'Ş' | 'Ğ' | 'Ñ' | 'Ū' | 'İ' if lang == Lang::Kk => {
            Class::Latin { upper: true, sure: true }
        }
        _ => match kind(c) {
            Kind::Word => Class::OtherWord,
            Kind::Symbol => Class::Symbol,
            Kind::Mark => Class::Mark,
            Kind::Ignorable => Class::Ignorable,
            Kind::Separator => Class::Separator,
        },
    }
}

/// Step 1: the words of the text.
fn raw_words(text: &str, lang: Lang, raws: &mut Vec<Raw>, chars: &mut Vec<char>) {
    let bytes = text.as_bytes();
    let char_at = |i: usize| -> Option<char> {
        match bytes.get(i) {
            Some(&b) if b < 0x80 => Some(b as char),
            // Two-byte sequences (Cyrillic, Latin with diacritics) decoded here: the text is valid UTF-8.
            Some(&b) if b & 0xE0 == 0xC0 => {
                let next = bytes.get(i + 1)?;
                char::from_u32((u32::from(b & 0x1F) << 6) | u32::from(next & 0x3F))
            }
            Some(_) => text.get(i..).and_then(|t| t.chars().next()),
            None => None,
        }
    };
    let mut open: Option<Raw> = None;
    let close = |open: &mut Option<Raw>, raws: &mut Vec<Raw>, chars: &mut Vec<char>| {
        if let Some(mut r) = open.take() {
            if r.plain != Plain::No && r.latin && !r.latin_sure {
                // Latin Kazakh made only of lookalikes: it needs its second reading.
                r.plain = Plain::No;
                r.from = chars.len();
                chars.extend(text.get(r.start..r.end).unwrap_or("").chars());
            }
            r.to = chars.len();
            if r.units > 0 {
                raws.push(r);
            }
        }
    };
    // A word that turns out not to be plain: its characters so far (all plain) go to `chars`.
    let unplain = |r: &mut Raw, upto: usize, chars: &mut Vec<char>| {
        if r.plain != Plain::No {
            r.plain = Plain::No;
            r.from = chars.len();
            chars.extend(text.get(r.start..upto).unwrap_or("").chars());
        }
    };
    let new = |i: usize| Raw {
        start: i,
        end: i,
        from: 0,
        to: 0,
        units: 0,
        plain: Plain::AsWritten,
        letters: false,
        digits: false,
        latin: false,
        latin_sure: false,
        cyrillic: false,
    };
    let mut i = 0;
    while let Some(c) = char_at(i) {
        let next = i + c.len_utf8();
        match classify(c, lang) {
            cls @ (Class::Lower | Class::Upper | Class::Digit | Class::Latin { .. }) => {
                let r = open.get_or_insert_with(|| new(i));
                let upper = match cls {
                    Class::Digit => {
                        r.digits = true;
                        false
                    }
                    Class::Latin { upper, sure } => {
                        r.letters = true;
                        r.latin = true;
                        r.latin_sure |= sure;
                        upper
                    }
                    _ => {
                        r.letters = true;
                        r.cyrillic |= lang == Lang::Kk;
                        cls == Class::Upper
                    }
                };
                if r.plain != Plain::No && ((r.letters && r.digits) || (r.latin && r.cyrillic)) {
                    unplain(r, i, chars);
                }
                if r.plain == Plain::No {
                    push_word_char(c, lang, chars);
                } else if upper {
                    r.plain = Plain::Cased;
                }
                r.units += 1;
                r.end = next;
            }
            Class::OtherWord => {
                let r = open.get_or_insert_with(|| new(i));
                unplain(r, i, chars);
                let before = chars.len();
                push_word_char(c, lang, chars);
                if chars.len() > before {
                    r.units += 1;
                    r.end = next;
                }
            }
            Class::Symbol => {
                if open.is_some() || char_at(next).is_some_and(|n| kind(n) == Kind::Word) {
                    let r = open.get_or_insert_with(|| new(i));
                    unplain(r, i, chars);
                    chars.push(c);
                    r.units += 1;
                    r.end = next;
                } else {
                    close(&mut open, raws, chars);
                }
            }
            Class::Mark => {
                if let Some(r) = open.as_mut() {
                    unplain(r, i, chars);
                    if chars.len() > r.from {
                        if let Some(last) = chars.last_mut()
                            && let Some(composed) = compose_mark(*last, c, lang)
                        {
                            *last = composed;
                        }
                        r.end = next;
                    }
                }
            }
            Class::Ignorable => {
                if let Some(r) = open.as_mut() {
                    unplain(r, i, chars);
                }
            }
            Class::Separator => close(&mut open, raws, chars),
        }
        i = next;
    }
    close(&mut open, raws, chars);
}

/// Steps 3 and 4: the reading of a word (and a second one where it has one), written to the arena.
pub(crate) fn readings(chars: &[char], lang: Lang, arena: &mut String) -> ((u32, u32), Option<(u32, u32)>) {
    let (mut cyr_only, mut lat_only, mut cyr, mut lat, mut letters, mut digits, mut ones) = (0, 0, 0, 0, 0, 0, 0);
    for &c in chars {
        if c.is_ascii_digit() {
            digits += 1;
            ones += usize::from(c == '1');
            continue;
        }
        letters += 1;
        match script(c) {
            Some(Script::Latin) => {
                lat += 1;
                lat_only += usize::from(latin_to_cyrillic(c, lang).is_none());
            }
            Some(Script::Cyrillic) => {
                cyr += 1;
                cyr_only += usize::from(cyrillic_to_latin(c).is_none());
            }
            None => {}
        }
    }
    let pref = preferred(lang);
    let dominant = if cyr_only != lat_only {
        if cyr_only > lat_only { Script::Cyrillic } else { Script::Latin }
    } else if cyr != lat {
        if cyr > lat { Script::Cyrillic } else { Script::Latin }
    } else {
        pref
    };
    let map_digits = letters > 0 && letters >= digits;
    let first = emit(chars, lang, dominant, map_digits, false, arena);
    let alt = if cyr_only == 0 && lat_only == 0 && cyr + lat > 0 && dominant != pref {
        Some(emit(chars, lang, pref, map_digits, false, arena))
    } else if map_digits && ones > 0 && dominant == Script::Latin {
        Some(emit(chars, lang, dominant, map_digits, true, arena))
    } else {
        None
    };
    (first, alt)
}

fn emit(chars: &[char], lang: Lang, to: Script, map_digits: bool, one_as_l: bool, arena: &mut String) -> (u32, u32) {
    let start = arena.len();
    for &c in chars {
        let m = if c.is_ascii_digit() {
            if map_digits { digit_letter(c, to, one_as_l).unwrap_or(c) } else { c }
        } else if c == '@' || c == '$' {
            digit_letter(c, to, one_as_l).unwrap_or(c)
        } else {
            match (script(c), to) {
                (Some(Script::Latin), Script::Cyrillic) => latin_to_cyrillic(c, lang).unwrap_or(c),
                (Some(Script::Cyrillic), Script::Latin) => cyrillic_to_latin(c).unwrap_or(c),
                (None, _) => greek(c).map_or(c, |(l, cy)| if to == Script::Latin { l } else { cy }),
                _ => c,
            }
        };
        push_lower(m, lang, arena);
    }
    (to_u32(start), to_u32(arena.len()))
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn words(text: &str, lang: Lang) -> Vec<(String, &str, Option<String>)> {
        let mut s = Scratch::default();
        analyze(text, lang, &mut s);
        s.toks
            .iter()
            .map(|t| (s.reading(text, t).to_owned(), &text[t.start..t.end], s.alt(t).map(str::to_owned)))
            .collect()
    }

    fn readings_of(text: &str, lang: Lang) -> Vec<String> {
        words(text, lang).into_iter().map(|w| w.0).collect()
    }

    #[test]
    fn plain_words() {
        assert_eq!(readings_of("Убить их всех!", Lang::Ru), ["убить", "их", "всех"]);
        assert_eq!(readings_of("BIRLIK, бірлік", Lang::Kk), ["bırlık", "бірлік"]);
        assert_eq!(readings_of("", Lang::En), Vec::<String>::new());
        assert_eq!(readings_of(" ,. ", Lang::En), Vec::<String>::new());
    }

    #[test]
    fn lookalikes_by_dominant_script() {
        // Latin a, o, e, p, c, y inside Cyrillic words.
        assert_eq!(readings_of("yбить", Lang::Ru), ["убить"]);
        assert_eq!(readings_of("cжeчь", Lang::Ru), ["сжечь"]);
        assert_eq!(readings_of("кaзинo", Lang::Ru), ["казино"]);
        // Cyrillic а, о, і inside Latin words.
        assert_eq!(readings_of("kіll cаsіnо", Lang::En), ["kill", "casino"]);
        // An English word in Russian text stays English.
        assert_eq!(readings_of("poker", Lang::Ru), ["poker"]);
        // Kazakh: Latin i in a Cyrillic word is і.
        assert_eq!(readings_of("өлтiру", Lang::Kk), ["өлтіру"]);
    }

    #[test]
    fn lookalike_only_words_get_a_second_reading() {
        let w = words("KAKAO", Lang::Ru);
        assert_eq!(w[0].0, "kakao");
        assert_eq!(w[0].2.as_deref(), Some("какао"));
        assert_eq!(words("kill", Lang::Ru)[0].2, None);
        // Kazakh in Latin: read as it stands, and in Cyrillic too when every letter has a lookalike.
        assert_eq!(words("Qazaq", Lang::Kk)[0], ("qazaq".to_owned(), "Qazaq", None));
        assert_eq!(words("BIRLIK", Lang::Kk)[0], ("bırlık".to_owned(), "BIRLIK", None));
        assert_eq!(words("tok", Lang::Kk)[0], ("tok".to_owned(), "tok", Some("ток".to_owned())));
        assert_eq!(words("öltıru", Lang::Kk)[0], ("öltıru".to_owned(), "öltıru", None));
    }

    #[test]
    fn digits_as_letters() {
        assert_eq!(readings_of("y6uть", Lang::Ru), ["убить"]);
        assert_eq!(readings_of("k1ll", Lang::En), ["kill"]);
        let w = words("ki11", Lang::En);
        assert_eq!(w[0].2.as_deref(), Some("kill"));
        assert_eq!(readings_of("c@sino", Lang::En), ["casino"]);
        assert_eq!(readings_of("2026 4x4", Lang::En), ["2026", "4x4"]);
    }

    #[test]
    fn invisible_characters_and_marks() {
        let text = "у\u{200B}би\u{00AD}ть";
        let w = words(text, Lang::Ru);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].0, "убить");
        assert_eq!(w[0].1, text);
        assert_eq!(readings_of("\u{FEFF}kil\u{2060}l\u{200D}", Lang::En), ["kill"]);
        assert_eq!(words("\u{200B}kill\u{200B}", Lang::En)[0].1, "kill");
        assert_eq!(readings_of("у\u{0306}би\u{0301}ть", Lang::Ru), ["убить"]);
        assert_eq!(readings_of("убии\u{0306}ца", Lang::Ru), ["убийца"]);
        assert_eq!(readings_of("k\u{0336}i\u{0336}l\u{0336}l\u{0336}", Lang::En), ["kill"]);
        assert_eq!(readings_of("ｋｉｌｌ 𝐤𝐢𝐥𝐥", Lang::En), ["kill", "kill"]);
    }

    #[test]
    fn spaced_letters() {
        assert_eq!(readings_of("у б и т ь", Lang::Ru), ["убить"]);
        assert_eq!(readings_of("у.б.и.т.ь", Lang::Ru), ["убить"]);
        assert_eq!(readings_of("у-б-и-т-ь их", Lang::Ru), ["убить", "их"]);
        assert_eq!(readings_of("k i l l   t h e m", Lang::En), ["kill", "them"]);
        assert_eq!(readings_of("у б и т ь   и х", Lang::Ru), ["убить", "их"]);
        // Two one-letter words are not a run.
        assert_eq!(readings_of("я и он", Lang::Ru), ["я", "и", "он"]);
        // A line break ends a run.
        assert_eq!(readings_of("a\nb\nc", Lang::En), ["a", "b", "c"]);
        let text = "say k . i . l . l now";
        let w = words(text, Lang::En);
        assert_eq!(w[1].0, "kill");
        assert_eq!(w[1].1, "k . i . l . l");
    }
}
