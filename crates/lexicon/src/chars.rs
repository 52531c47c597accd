//! Characters: what the tokenizer keeps, drops or joins, compatibility folding, and the Latin/Cyrillic
//! lookalikes.

use kazakh::Lang;
use unicode_normalization::char::{compose, decompose_compatible, is_combining_mark};

/// What a character of the text is to the tokenizer.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    /// A letter or a digit (Unicode alphanumeric): part of a word.
    Word,
    /// A combining mark: composed with the letter before it when that gives a letter of the language
    /// (и + ◌̆ = й), dropped otherwise.
    Mark,
    /// An invisible character (zero-width space and joiners, soft hyphen, word joiner, byte-order mark,
    /// bidirectional controls, variation selectors …): skipped without ending the word.
    Ignorable,
    /// `@` or `$`, read as a letter (a, s) next to a letter or a digit.
    Symbol,
    /// Anything else: ends a word.
    Separator,
}

pub(crate) fn kind(c: char) -> Kind {
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() {
            Kind::Word
        } else if c == '@' || c == '$' {
            Kind::Symbol
        } else {
            Kind::Separator
        };
    }
    if matches!(c, 'а'..='я' | 'А'..='Я' | '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}') {
        // Cyrillic letters (U+0482 is a sign, U+0483..U+0489 are combining marks)
        return Kind::Word;
    }
    if is_ignorable(c) {
        Kind::Ignorable
    } else if is_combining_mark(c) {
        Kind::Mark
    } else if c.is_alphanumeric() {
        Kind::Word
    } else {
        Kind::Separator
    }
}

/// Default-ignorable characters that render as nothing: a word hidden with them reads as the word.
fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' // soft hyphen
            | '\u{034F}' // combining grapheme joiner
            | '\u{061C}' // Arabic letter mark
            | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers
            | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' // Mongolian selectors, vowel separator
            | '\u{200B}'..='\u{200F}' // zero-width space, non-joiner, joiner, LRM, RLM
            | '\u{202A}'..='\u{202E}' // bidirectional embeddings and overrides
            | '\u{2060}'..='\u{206F}' // word joiner, invisible operators, isolates
            | '\u{FE00}'..='\u{FE0F}' // variation selectors
            | '\u{FEFF}' // zero-width no-break space (byte-order mark)
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}' // tags, variation selectors supplement
    )
}

/// Letters kept as they are, never decomposed: й and ё, and for Kazakh the letters of the 2021 Latin
/// alphabet that carry a diacritic (and `İ`, the capital of i).
fn protected(c: char, lang: Lang) -> bool {
    matches!(c, 'й' | 'Й' | 'ё' | 'Ё')
        || (lang == Lang::Kk
            && matches!(
                c,
                'ä' | 'ö' | 'ü' | 'ş' | 'ğ' | 'ñ' | 'ū' | 'ı' | 'Ä' | 'Ö' | 'Ü' | 'Ş' | 'Ğ' | 'Ñ' | 'Ū' | 'İ'
            ))
}

/// Push the letters a word character stands for: itself for ASCII, basic Cyrillic and the protected
/// letters; otherwise its compatibility decomposition without marks (ｋ, 𝐤, ⓚ → k; é → e; ў → у;
/// ﬁ → fi), keeping only letters and digits.
pub(crate) fn push_word_char(c: char, lang: Lang, out: &mut Vec<char>) {
    if c.is_ascii() || matches!(c, 'а'..='я' | 'А'..='Я') || protected(c, lang) {
        out.push(c);
        return;
    }
    if lang == Lang::Kk && matches!(c, 'ș' | 'Ș') {
        // s with a comma below, typed for ş
        out.push(if c == 'ș' { 'ş' } else { 'Ş' });
        return;
    }
    decompose_compatible(c, |d| {
        if !is_combining_mark(d) && d.is_alphanumeric() {
            out.push(d);
        }
    });
}

/// The letter a base and a combining mark make, if it is one we keep (и + ◌̆ = й; in Kazakh s + ◌̧ = ş).
/// Any other mark is dropped: у + ◌̆ stays у.
pub(crate) fn compose_mark(base: char, mark: char, lang: Lang) -> Option<char> {
    compose(base, mark).filter(|&c| protected(c, lang))
}

/// The script of a letter, for the lookalike decision.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Script {
    Latin,
    Cyrillic,
}

pub(crate) fn script(c: char) -> Option<Script> {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' => Some(Script::Latin),
        '\u{0400}'..='\u{052F}' => Some(Script::Cyrillic),
        _ => None,
    }
}

/// The Cyrillic letter a Latin letter looks like (or is typed for), used inside a Cyrillic word.
///
/// Exact lookalikes: a c e o p x y, A B C E H K M O P T X Y, and i (і in Kazakh, и in Russian). Close
/// ones that evasions use: k m t (к м т), b (ь), u (и), n (п), r (г), w (ш), h (һ in Kazakh, н
/// otherwise).
pub(crate) fn latin_to_cyrillic(c: char, lang: Lang) -> Option<char> {
    Some(match c {
        'a' => 'а',
        'A' => 'А',
        'B' => 'В',
        'b' => 'ь',
        'c' => 'с',
        'C' => 'С',
        'e' => 'е',
        'E' => 'Е',
        'H' => 'Н',
        'h' if lang == Lang::Kk => 'һ',
        'h' => 'н',
        'i' if lang == Lang::Kk => 'і',
        'i' => 'и',
        'I' if lang == Lang::Kk => 'І',
        'I' => 'И',
        'k' => 'к',
        'K' => 'К',
        'm' => 'м',
        'M' => 'М',
        'n' => 'п',
        'o' => 'о',
        'O' => 'О',
        'p' => 'р',
        'P' => 'Р',
        'r' => 'г',
        't' => 'т',
        'T' => 'Т',
        'u' => 'и',
        'w' => 'ш',
        'W' => 'Ш',
        'x' => 'х',
        'X' => 'Х',
        'y' => 'у',
        'Y' => 'У',
        _ => return None,
    })
}

/// The Latin letter a Cyrillic letter looks like, used inside a Latin word (the reverse of
/// [`latin_to_cyrillic`], plus і ј ѕ һ ԁ ԛ ԝ ӏ ү, which exist only to look Latin).
pub(crate) fn cyrillic_to_latin(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'А' => 'A',
        'В' => 'B',
        'ь' => 'b',
        'с' => 'c',
        'С' => 'C',
        'е' => 'e',
        'Е' => 'E',
        'Н' => 'H',
        'һ' => 'h',
        'Һ' => 'H',
        'і' => 'i',
        'І' => 'I',
        'ј' => 'j',
        'Ј' => 'J',
        'к' => 'k',
        'К' => 'K',
        'м' => 'm',
        'М' => 'M',
        'п' => 'n',
        'о' => 'o',
        'О' => 'O',
        'р' => 'p',
        'Р' => 'P',
        'г' => 'r',
        'ѕ' => 's',
        'Ѕ' => 'S',
        'т' => 't',
        'Т' => 'T',
        'и' => 'u',
        'ш' => 'w',
        'Ш' => 'W',
        'х' => 'x',
        'Х' => 'X',
        'у' | 'ү' => 'y',
        'У' | 'Ү' => 'Y',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'Ԝ' => 'W',
        'ӏ' => 'l',
        'Ӏ' => 'I',
        _ => return None,
    })
}

/// Greek letters that look Latin and Cyrillic: (Latin, Cyrillic). They vote for neither script and take
/// the word's.
pub(crate) fn greek(c: char) -> Option<(char, char)> {
    Some(match c {
        'α' => ('a', 'а'),
        'Α' => ('A', 'А'),
        'Β' => ('B', 'В'),
        'ε' => ('e', 'е'),
        'Ε' => ('E', 'Е'),
        'Η' => ('H', 'Н'),
        'ι' => ('i', 'і'),
        'Ι' => ('I', 'І'),
        'κ' => ('k', 'к'),
        'Κ' => ('K', 'К'),
        'Μ' => ('M', 'М'),
        'ο' => ('o', 'о'),
        'Ο' => ('O', 'О'),
        'ρ' => ('p', 'р'),
        'Ρ' => ('P', 'Р'),
        'τ' => ('t', 'т'),
        'Τ' => ('T', 'Т'),
        'υ' => ('u', 'и'),
        'χ' => ('x', 'х'),
        'Χ' => ('X', 'Х'),
        'Υ' => ('Y', 'У'),
        _ => return None,
    })
}

/// The letter a digit or `@`/`$` stands for inside a word of the given script. Cyrillic: 0 о, 3 з,
/// 4 ч, 6 б, 8 в, @ а. Latin: 0 o, 1 i (or l, see `one_as_l`), 3 e, 4 a, 5 s, 7 t, @ a, $ s.
pub(crate) fn digit_letter(c: char, to: Script, one_as_l: bool) -> Option<char> {
    Some(match (to, c) {
        (Script::Cyrillic, '0') => 'о',
        (Script::Cyrillic, '3') => 'з',
        (Script::Cyrillic, '4') => 'ч',
        (Script::Cyrillic, '6') => 'б',
        (Script::Cyrillic, '8') => 'в',
        (Script::Cyrillic, '@') => 'а',
        (Script::Latin, '0') => 'o',
        (Script::Latin, '1') => {
            if one_as_l {
                'l'
            } else {
                'i'
            }
        }
        (Script::Latin, '3') => 'e',
        (Script::Latin, '4') => 'a',
        (Script::Latin, '5') => 's',
        (Script::Latin, '7') => 't',
        (Script::Latin, '@') => 'a',
        (Script::Latin, '$') => 's',
        _ => return None,
    })
}

/// Lower-case one letter for the language, into `out`: Kazakh the Turkic way (`I` → ı, `İ` → i, as the
/// `kazakh` crate does); Russian with ё as е and і as и; English with ı as i and ё as е.
pub(crate) fn push_lower(c: char, lang: Lang, out: &mut String) {
    let simple = match c {
        'a'..='z' | 'а'..='я' => {
            out.push(c);
            return;
        }
        'A'..='H' | 'J'..='Z' => Some(c.to_ascii_lowercase()),
        'А'..='Я' => char::from_u32(c as u32 + 0x20),
        'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' | 'і' => Some(c),
        // Ә Ғ Қ Ң Ө Ұ Ү Һ: the capital is the code point before its small letter
        'Ә' | 'Ғ' | 'Қ' | 'Ң' | 'Ө' | 'Ұ' | 'Ү' | 'Һ' => char::from_u32(c as u32 + 1),
        'І' => Some('і'),
        'I' if lang == Lang::Kk => Some('ı'),
        'İ' if lang == Lang::Kk => Some('i'),
        _ => None,
    };
    let one = |l: char, out: &mut String| {
        out.push(match (lang, l) {
            // (the Russian stemmer, which also reads the Cyrillic words of English text, reads ё as е)
            (Lang::Ru | Lang::En, 'ё') => 'е',
            (Lang::Ru, 'і') => 'и',
            (Lang::En, 'ı') => 'i',
            _ => l,
        });
    };
    match simple {
        Some(l) => one(l, out),
        None => {
            for l in c.to_lowercase() {
                one(l, out);
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(kind('а'), Kind::Word);
        assert_eq!(kind('Ә'), Kind::Word);
        assert_eq!(kind('7'), Kind::Word);
        assert_eq!(kind('\u{200B}'), Kind::Ignorable);
        assert_eq!(kind('\u{00AD}'), Kind::Ignorable);
        assert_eq!(kind('\u{FEFF}'), Kind::Ignorable);
        assert_eq!(kind('\u{0301}'), Kind::Mark);
        assert_eq!(kind('@'), Kind::Symbol);
        assert_eq!(kind(' '), Kind::Separator);
        assert_eq!(kind('-'), Kind::Separator);
        assert_eq!(kind('«'), Kind::Separator);
    }

    #[test]
    fn folding() {
        let fold = |c: char, lang| {
            let mut v = Vec::new();
            push_word_char(c, lang, &mut v);
            v.into_iter().collect::<String>()
        };
        assert_eq!(fold('ｋ', Lang::En), "k");
        assert_eq!(fold('𝐤', Lang::En), "k");
        assert_eq!(fold('é', Lang::En), "e");
        assert_eq!(fold('ﬁ', Lang::En), "fi");
        assert_eq!(fold('ў', Lang::Ru), "у");
        assert_eq!(fold('ї', Lang::Ru), "і");
        assert_eq!(fold('й', Lang::Ru), "й");
        assert_eq!(fold('ё', Lang::Ru), "ё");
        assert_eq!(fold('ä', Lang::Kk), "ä");
        assert_eq!(fold('ä', Lang::En), "a");
        assert_eq!(fold('ș', Lang::Kk), "ş");
        assert_eq!(fold('ә', Lang::Kk), "ә");
        assert_eq!(compose_mark('и', '\u{0306}', Lang::Ru), Some('й'));
        assert_eq!(compose_mark('у', '\u{0306}', Lang::Ru), None);
        assert_eq!(compose_mark('s', '\u{0327}', Lang::Kk), Some('ş'));
        assert_eq!(compose_mark('s', '\u{0327}', Lang::En), None);
    }

    #[test]
    fn lookalikes_go_both_ways() {
        for c in "aceopxyABCEHKMOPTXY".chars() {
            let cyr = latin_to_cyrillic(c, Lang::Ru);
            assert!(cyr.is_some(), "{c}");
            assert_eq!(cyr.and_then(cyrillic_to_latin), Some(c), "{c}");
        }
        for c in "ѕјԁԛԝӏ".chars() {
            assert!(cyrillic_to_latin(c).is_some(), "{c}");
        }
    }

    #[test]
    fn lower() {
        let low = |s: &str, lang| {
            let mut out = String::new();
            for c in s.chars() {
                push_lower(c, lang, &mut out);
            }
            out
        };
        assert_eq!(low("BIRLIK", Lang::Kk), "bırlık");
        assert_eq!(low("İlin", Lang::Kk), "ilin");
        assert_eq!(low("ЁЛКА", Lang::Ru), "елка");
        assert_eq!(low("ІЛЕ", Lang::Kk), "іле");
        assert_eq!(low("KILL", Lang::En), "kill");
        assert_eq!(low("ǅ", Lang::En), "ǆ");
        assert_eq!(low("ӘҒҚҢӨҰҮҺІ", Lang::Kk), "әғқңөұүһі");
        assert_eq!(low("ІЛЕ", Lang::Ru), "иле");
    }
}
