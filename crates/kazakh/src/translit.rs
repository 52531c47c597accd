//! Transliteration between Kazakh Cyrillic and the 2021 Kazakh Latin alphabet.
//!
//! Cyrillic → Latin is exact for the 33 native letters and rule-based for the letters that exist only for
//! Russian loans (see the crate README for the rules and examples). Latin → Cyrillic is best effort: the Latin
//! alphabet has one letter for two Cyrillic ones in three places (i ← и/й, h ← х/һ, and the loan letters), so
//! it guesses by context and documents every guess.

/// How an upper-case Cyrillic letter that becomes several Latin letters is written.
#[derive(Clone, Copy)]
enum Out {
    /// Lower-case letter: its Latin form.
    Lower(&'static str),
    /// Upper-case letter: (Title form, ALL-CAPS form). Equal for one-letter outputs.
    Upper(&'static str, &'static str),
}

/// The Latin form of one Kazakh Cyrillic letter, or `None` when the character is not Kazakh Cyrillic
/// (it then passes through unchanged).
const fn cyr_to_lat(c: char) -> Option<Out> {
    use Out::{Lower as L, Upper as U};
    Some(match c {
        'а' => L("a"),
        'ә' => L("ä"),
        'б' => L("b"),
        'в' => L("v"),
        'г' => L("g"),
        'ғ' => L("ğ"),
        'д' => L("d"),
        'е' => L("e"),
        'ж' => L("j"),
        'з' => L("z"),
        'и' | 'й' => L("i"),
        'і' => L("ı"),
        'к' => L("k"),
        'қ' => L("q"),
        'л' => L("l"),
        'м' => L("m"),
        'н' => L("n"),
        'ң' => L("ñ"),
        'о' => L("o"),
        'ө' => L("ö"),
        'п' => L("p"),
        'р' => L("r"),
        'с' => L("s"),
        'т' => L("t"),
        'у' => L("u"),
        'ұ' => L("ū"),
        'ү' => L("ü"),
        'ф' => L("f"),
        'х' | 'һ' => L("h"),
        'ш' => L("ş"),
        'ы' => L("y"),
        // Letters for Russian loans (rules in the README).
        'ё' => L("io"),
        'ю' => L("iu"),
        'я' => L("ia"),
        'ц' => L("ts"),
        'ч' => L("tş"),
        'щ' => L("şş"),
        'э' => L("e"),
        'ъ' | 'ь' => L(""),
        'А' => U("A", "A"),
        'Ә' => U("Ä", "Ä"),
        'Б' => U("B", "B"),
        'В' => U("V", "V"),
        'Г' => U("G", "G"),
        'Ғ' => U("Ğ", "Ğ"),
        'Д' => U("D", "D"),
        'Е' => U("E", "E"),
        'Ж' => U("J", "J"),
        'З' => U("Z", "Z"),
        'И' | 'Й' => U("İ", "İ"),
        'І' => U("I", "I"),
        'К' => U("K", "K"),
        'Қ' => U("Q", "Q"),
        'Л' => U("L", "L"),
        'М' => U("M", "M"),
        'Н' => U("N", "N"),
        'Ң' => U("Ñ", "Ñ"),
        'О' => U("O", "O"),
        'Ө' => U("Ö", "Ö"),
        'П' => U("P", "P"),
        'Р' => U("R", "R"),
        'С' => U("S", "S"),
        'Т' => U("T", "T"),
        'У' => U("U", "U"),
        'Ұ' => U("Ū", "Ū"),
        'Ү' => U("Ü", "Ü"),
        'Ф' => U("F", "F"),
        'Х' | 'Һ' => U("H", "H"),
        'Ш' => U("Ş", "Ş"),
        'Ы' => U("Y", "Y"),
        'Ё' => U("İo", "İO"),
        'Ю' => U("İu", "İU"),
        'Я' => U("İa", "İA"),
        'Ц' => U("Ts", "TS"),
        'Ч' => U("Tş", "TŞ"),
        'Щ' => U("Şş", "ŞŞ"),
        'Э' => U("E", "E"),
        'Ъ' | 'Ь' => U("", ""),
        _ => return None,
    })
}

/// Transliterate Kazakh Cyrillic to the 2021 Latin alphabet.
///
/// Everything that is not Kazakh Cyrillic (digits, punctuation, Latin, other scripts, emoji, markup) passes
/// through unchanged. Casing follows the Turkic pairs: и/й → `i`/`İ`, і → `ı`/`I`. A Cyrillic capital that
/// becomes two Latin letters (Ц → Ts, Я → İa …) is written in capitals when the word around it is in capitals
/// (`ЦЕХ` → `TSEH`) and in Title Case otherwise (`Цех` → `Tseh`).
///
/// ```
/// assert_eq!(kazakh::to_latin("Қазақстан Республикасы"), "Qazaqstan Respublikasy");
/// assert_eq!(kazakh::to_latin("ІЛИЯС"), "ILİİAS");
/// assert_eq!(kazakh::to_latin("<b>бірлік</b> 2021!"), "<b>bırlık</b> 2021!");
/// ```
pub fn to_latin(s: &str) -> String {
    let bytes = s.as_bytes();
    // Latin output is at most 2× the input (щ → şş: 2 bytes → 4); most letters keep their length.
    let mut out = String::with_capacity(s.len() + s.len() / 8 + 8);
    let mut i = 0;
    let mut run_start = 0;
    while i + 1 < bytes.len() {
        let b = bytes[i];
        // Kazakh Cyrillic lives in U+0400..U+04FF: two-byte sequences led by 0xD0..=0xD3.
        if !(0xD0..=0xD3).contains(&b) {
            i += 1;
            continue;
        }
        let off = (((b & 0x03) as usize) << 6) | (bytes[i + 1] & 0x3F) as usize;
        let e = &TABLE[off];
        if e.kind == Kind::None {
            i += 2;
            continue;
        }
        // Flush the unchanged run before this letter (`i` is a char boundary: it holds a lead byte).
        if run_start < i {
            out.push_str(&s[run_start..i]);
        }
        match e.kind {
            Kind::Multi => {
                let next = s[i + 2..].chars().next();
                let all_caps = match next {
                    Some(n) if n.is_uppercase() => true,
                    Some(n) if n.is_alphabetic() => false,
                    _ => s[..i].chars().next_back().is_some_and(char::is_uppercase),
                };
                out.push_str(if all_caps { e.caps } else { e.text });
            }
            _ => out.push_str(e.text),
        }
        i += 2;
        run_start = i;
    }
    out.push_str(&s[run_start..]);
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// not Kazakh Cyrillic: passes through
    None,
    /// one fixed output
    Fixed,
    /// an upper-case letter written with several Latin letters: Title or CAPS by context
    Multi,
}

#[derive(Clone, Copy)]
struct Entry {
    kind: Kind,
    text: &'static str,
    caps: &'static str,
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut k = 0;
    while k < a.len() {
        if a[k] != b[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// The Latin form of every code point U+0400..U+04FF, built at compile time from [`cyr_to_lat`].
static TABLE: [Entry; 256] = {
    let mut t = [Entry { kind: Kind::None, text: "", caps: "" }; 256];
    let mut k = 0;
    while k < 256 {
        if let Some(c) = char::from_u32(0x400 + k as u32) {
            t[k] = match cyr_to_lat(c) {
                None => Entry { kind: Kind::None, text: "", caps: "" },
                Some(Out::Lower(l)) => Entry { kind: Kind::Fixed, text: l, caps: l },
                Some(Out::Upper(title, caps)) => {
                    let multi = !same(title, caps);
                    Entry { kind: if multi { Kind::Multi } else { Kind::Fixed }, text: title, caps }
                }
            };
        }
        k += 1;
    }
    t
};

/// Transliterate bytes that should be UTF-8 Kazakh Cyrillic. Invalid sequences become U+FFFD, then
/// [`to_latin`] applies.
pub fn to_latin_bytes(b: &[u8]) -> String {
    to_latin(&String::from_utf8_lossy(b))
}

fn is_lat_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ä'
            | 'e'
            | 'i'
            | 'ı'
            | 'o'
            | 'ö'
            | 'u'
            | 'ū'
            | 'ü'
            | 'y'
            | 'A'
            | 'Ä'
            | 'E'
            | 'İ'
            | 'I'
            | 'O'
            | 'Ö'
            | 'U'
            | 'Ū'
            | 'Ü'
            | 'Y'
    )
}

/// Lower-case form of a 2021 Latin letter (Turkic pairs: `İ` → `i`, `I` → `ı`), or `None` for a character
/// outside the alphabet.
fn lat_lower(c: char) -> Option<char> {
    Some(match c {
        'İ' => 'i',
        'I' => 'ı',
        'A' | 'Ä' | 'B' | 'D' | 'E' | 'F' | 'G' | 'Ğ' | 'H' | 'J' | 'K' | 'L' | 'M' | 'N' | 'Ñ' | 'O' | 'Ö' | 'P'
        | 'Q' | 'R' | 'S' | 'Ş' | 'T' | 'U' | 'Ū' | 'Ü' | 'V' | 'Y' | 'Z' => c.to_lowercase().next().unwrap_or(c),
        'a' | 'ä' | 'b' | 'd' | 'e' | 'f' | 'g' | 'ğ' | 'h' | 'i' | 'ı' | 'j' | 'k' | 'l' | 'm' | 'n' | 'ñ' | 'o'
        | 'ö' | 'p' | 'q' | 'r' | 's' | 'ş' | 't' | 'u' | 'ū' | 'ü' | 'v' | 'y' | 'z' => c,
        _ => return None,
    })
}

const fn lower_to_cyr(c: char) -> char {
    match c {
        'a' => 'а',
        'ä' => 'ә',
        'b' => 'б',
        'd' => 'д',
        'e' => 'е',
        'f' => 'ф',
        'g' => 'г',
        'ğ' => 'ғ',
        'h' => 'х',
        'i' => 'и',
        'ı' => 'і',
        'j' => 'ж',
        'k' => 'к',
        'l' => 'л',
        'm' => 'м',
        'n' => 'н',
        'ñ' => 'ң',
        'o' => 'о',
        'ö' => 'ө',
        'p' => 'п',
        'q' => 'қ',
        'r' => 'р',
        's' => 'с',
        'ş' => 'ш',
        't' => 'т',
        'u' => 'у',
        'ū' => 'ұ',
        'ü' => 'ү',
        'v' => 'в',
        'y' => 'ы',
        'z' => 'з',
        other => other,
    }
}

/// Cyrillic for the ASCII letters that need no context (all but i, t and the letters outside the alphabet:
/// c, w, x); `'\0'` for the rest.
static ASCII_TO_CYR: [char; 128] = {
    let mut t = ['\0'; 128];
    let mut b = 0u8;
    while b < 128 {
        let lower = b.to_ascii_lowercase();
        if lower.is_ascii_lowercase() && !matches!(lower, b'i' | b't' | b'c' | b'w' | b'x') {
            let cyr = lower_to_cyr(lower as char);
            t[b as usize] = if b.is_ascii_uppercase() { cyr_upper_const(cyr) } else { cyr };
        }
        b += 1;
    }
    t
};

/// Upper case of the Cyrillic letters [`lower_to_cyr`] gives (a `const` version of [`cyr_upper`]).
const fn cyr_upper_const(c: char) -> char {
    match c {
        'і' => 'І',
        'ә' => 'Ә',
        'ғ' => 'Ғ',
        'қ' => 'Қ',
        'ң' => 'Ң',
        'ө' => 'Ө',
        'ұ' => 'Ұ',
        'ү' => 'Ү',
        'һ' => 'Һ',
        // а..я → А..Я
        'а'..='я' => match char::from_u32(c as u32 - 0x20) {
            Some(u) => u,
            None => c,
        },
        _ => c,
    }
}

fn cyr_upper(c: char) -> char {
    match c {
        'і' => 'І',
        _ => c.to_uppercase().next().unwrap_or(c),
    }
}

/// Transliterate 2021 Kazakh Latin to Cyrillic, best effort. **Lossy** where the Latin alphabet merges letters:
///
/// * `i` is и, or й after a vowel (`oiyn` → ойын, `bilik` → билик);
/// * `h` is always х (һ is lost: `gauhar` → гаухар, not гауһар);
/// * `ia`/`io`/`iu` are я/ё/ю at the start of a word or after a vowel (`qoian` → қоян, `aiu` → аю), and иа/ио/ю
///   after a consonant (`material` → материал, `radio` → радио, `biudjet` → бюджет);
/// * `ts` is ц at the start or end of a word or before `i` (`tsentr` → центр, `stantsiia` → станция), тс elsewhere
///   (`aitsyn` → айтсын); `tş` is ч at the start or end of a word (`tşempion` → чемпион), тш elsewhere
///   (`ūltşyl` → ұлтшыл); `şş` is щ;
/// * э, ъ and ь never come back (`elektr` → електр).
///
/// Characters outside the 2021 alphabet (c, w, x, other accents, Cyrillic, digits, punctuation) pass through.
///
/// ```
/// assert_eq!(kazakh::to_cyrillic("Qazaqstan Respublikasy"), "Қазақстан Республикасы");
/// assert_eq!(kazakh::to_cyrillic("Assambleia"), "Ассамблея");
/// ```
pub fn to_cyrillic(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    let bytes = s.as_bytes();
    let mut prev: Option<char> = None;
    let mut i = 0;
    while i < bytes.len() {
        // Runs of ASCII that are not letters are copied as they are.
        let b = bytes[i];
        if b < 0x80 && !b.is_ascii_alphabetic() {
            let start = i;
            while i < bytes.len() && bytes[i] < 0x80 && !bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            out.push_str(&s[start..i]);
            prev = Some(bytes[i - 1] as char);
            continue;
        }
        // ASCII letters without a context rule: one table look-up.
        if b < 0x80 {
            let m = ASCII_TO_CYR[b as usize];
            if m != '\0' {
                out.push(m);
                prev = Some(b as char);
                i += 1;
                continue;
            }
        }
        let mut rest = s[i..].chars();
        let Some(c) = rest.next() else { break };
        let len = c.len_utf8();
        let Some(lc) = lat_lower(c) else {
            out.push(c);
            prev = Some(c);
            i += len;
            continue;
        };
        let upper = lc != c;
        let word_start = !prev.is_some_and(char::is_alphabetic);
        let after_vowel = prev.is_some_and(is_lat_vowel);
        let c1 = rest.next();
        let c2 = rest.next();
        let next = c1.and_then(lat_lower);
        let emit = |out: &mut String, cyr: char| {
            if upper {
                out.push(cyr_upper(cyr));
            } else {
                out.push(cyr);
            }
        };
        // Two-letter sequences first.
        let pair = match (lc, next) {
            ('i', Some(v @ ('a' | 'o' | 'u'))) if word_start || after_vowel || v == 'u' => Some(match v {
                'a' => 'я',
                'o' => 'ё',
                _ => 'ю',
            }),
            ('t', Some('s'))
                if word_start || !c2.is_some_and(char::is_alphabetic) || c2.and_then(lat_lower) == Some('i') =>
            {
                Some('ц')
            }
            ('t', Some('ş')) if word_start || !c2.is_some_and(char::is_alphabetic) => Some('ч'),
            ('ş', Some('ş')) => Some('щ'),
            _ => None,
        };
        if let (Some(cyr), Some(c1)) = (pair, c1) {
            emit(&mut out, cyr);
            i += len + c1.len_utf8();
            prev = Some(c1);
            continue;
        }
        let cyr = if lc == 'i' && after_vowel { 'й' } else { lower_to_cyr(lc) };
        emit(&mut out, cyr);
        prev = Some(c);
        i += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn native_letters_lower_and_upper() {
        let cyr = "аәбвгғдежзийіккқлмнңоөпрстуұүфхһшы";
        assert_eq!(to_latin(cyr), "aäbvgğdejziiıkkqlmnñoöprstuūüfhhşy");
        let up = "АӘБВГҒДЕЖЗИЙІКҚЛМНҢОӨПРСТУҰҮФХҺШЫ";
        assert_eq!(to_latin(up), "AÄBVGĞDEJZİİIKQLMNÑOÖPRSTUŪÜFHHŞY");
    }

    #[test]
    fn turkic_casing() {
        assert_eq!(to_latin("Ильин"), "İlin");
        assert_eq!(to_latin("Іле"), "Ile");
        assert_eq!(to_latin("іле"), "ıle");
        assert_eq!(to_latin("БІРЛІК"), "BIRLIK");
        assert_eq!(to_latin("Бірлік"), "Bırlık");
        assert_eq!(to_cyrillic("BIRLIK"), "БІРЛІК");
        assert_eq!(to_cyrillic("İle"), "Иле");
    }

    #[test]
    fn loan_letters() {
        assert_eq!(to_latin("Ассамблея"), "Assambleia");
        assert_eq!(to_latin("қоян"), "qoian");
        assert_eq!(to_latin("аю"), "aiu");
        assert_eq!(to_latin("актёр"), "aktior");
        assert_eq!(to_latin("цех"), "tseh");
        assert_eq!(to_latin("чек"), "tşek");
        assert_eq!(to_latin("ащы"), "aşşy");
        assert_eq!(to_latin("электр"), "elektr");
        assert_eq!(to_latin("съезд"), "sezd");
        assert_eq!(to_latin("Цех ЦЕХ ЦЕХ."), "Tseh TSEH TSEH.");
        assert_eq!(to_latin("Я ЯҚ Яқ"), "İa İAQ İaq");
        assert_eq!(to_latin("ЮНЕСКО"), "İUNESKO");
        assert_eq!(to_latin("Щ."), "Şş.");
    }

    #[test]
    fn passes_everything_else_through() {
        let s = "<a href=\"x\">Birlik</a> 2026, №5 — ünïcødé 🎉 ї є ґ ў";
        assert_eq!(to_latin(s), s);
        assert_eq!(to_latin(""), "");
        assert_eq!(to_cyrillic("123 — №5 🎉"), "123 — №5 🎉");
    }

    #[test]
    fn latin_to_cyrillic_guesses() {
        assert_eq!(to_cyrillic("oiyn"), "ойын");
        assert_eq!(to_cyrillic("qoian"), "қоян");
        assert_eq!(to_cyrillic("Aziia"), "Азия");
        assert_eq!(to_cyrillic("biologiia"), "биология");
        assert_eq!(to_cyrillic("material"), "материал");
        assert_eq!(to_cyrillic("stantsiia"), "станция");
        assert_eq!(to_cyrillic("tsentr"), "центр");
        assert_eq!(to_cyrillic("aitsyn"), "айтсын");
        assert_eq!(to_cyrillic("tşempion"), "чемпион");
        assert_eq!(to_cyrillic("ūltşyl"), "ұлтшыл");
        assert_eq!(to_cyrillic("aşşy"), "ащы");
        assert_eq!(to_cyrillic("Qazaqstan Respublikasynyñ Prezidentı"), "Қазақстан Республикасының Президенті");
        assert_eq!(to_cyrillic("ŞYMKENT"), "ШЫМКЕНТ");
        assert_eq!(to_cyrillic("Ts"), "Ц");
        assert_eq!(to_cyrillic("Tsİ"), "ЦИ");
    }

    #[test]
    fn byte_entry_point() {
        assert_eq!(to_latin_bytes("қала".as_bytes()), "qala");
        assert_eq!(to_latin_bytes(b"\xff\xd0"), "\u{fffd}\u{fffd}");
    }
}
