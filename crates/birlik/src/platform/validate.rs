//! Checks of user input shared by every form and endpoint. A failed check is a [`FieldError`] shown beside
//! its field; nothing is stored until every check of a request passes.

use crate::platform::web::FieldError;

/// The longest text a single-line field accepts, in characters.
pub const MAX_LINE: usize = 300;

/// A required single-line text: trimmed, `min..=max` characters, nothing hidden (see [`is_hidden`]), something
/// visible, and no markup brackets (names never need them, and refusing them keeps pasted markup out of official
/// records).
pub fn line(field: &'static str, value: &str, min: usize, max: usize) -> Result<String, FieldError> {
    let value = value.trim();
    let length = value.chars().count();
    if length == 0 {
        return Err(FieldError::new(field, "field-required"));
    }
    // What is wrong with the characters is said first: "too short" would not explain a name of fillers.
    if value.chars().any(|c| is_hidden(c) || c == '<' || c == '>') {
        return Err(FieldError::new(field, "field-invalid-characters"));
    }
    visible(field, value)?;
    if length < min {
        return Err(FieldError::new(field, "field-too-short").with("min", min as i64));
    }
    if length > max {
        return Err(FieldError::new(field, "field-too-long").with("max", max as i64));
    }
    Ok(value.to_owned())
}

/// An optional single-line text: empty means absent.
pub fn optional_line(field: &'static str, value: &str, max: usize) -> Result<Option<String>, FieldError> {
    if value.trim().is_empty() { Ok(None) } else { line(field, value, 1, max).map(Some) }
}

/// Plain text that may span lines (a description, a statement): trimmed, `1..=max` characters, nothing hidden
/// but line breaks and tabs, something visible. Markup characters are allowed: such text is always escaped on
/// output, never interpreted.
pub fn text(field: &'static str, value: &str, max: usize) -> Result<String, FieldError> {
    let value = value.trim().replace("\r\n", "\n");
    let length = value.chars().count();
    if length == 0 {
        return Err(FieldError::new(field, "field-required"));
    }
    if length > max {
        return Err(FieldError::new(field, "field-too-long").with("max", max as i64));
    }
    if value.chars().any(|c| is_hidden(c) && c != '\n' && c != '\t') {
        return Err(FieldError::new(field, "field-invalid-characters"));
    }
    visible(field, &value)?;
    Ok(value)
}

/// Optional plain text: empty means absent.
pub fn optional_text(field: &'static str, value: &str, max: usize) -> Result<Option<String>, FieldError> {
    if value.trim().is_empty() { Ok(None) } else { text(field, value, max).map(Some) }
}

/// Is `c` a character that shows nothing, or shows something other than what is stored? One policy for all text
/// (names, statements, descriptions, imports): control characters (Cc; a multi-line field allows `\n` and `\t`
/// itself), format characters (Cf: bidirectional controls, zero-width characters including ZWJ and ZWNJ, which
/// Kazakh, Russian and English never need, soft hyphens, tag characters), line and paragraph separators (Zl,
/// Zp), private-use (Co), surrogate (Cs) and unassigned (Cn) code points, and the fillers that look blank but are
/// letters or symbols (Hangul fillers, the blank Braille pattern). A name made of them could pass for another,
/// or for nothing.
pub fn is_hidden(c: char) -> bool {
    use icu_properties::CodePointMapData;
    use icu_properties::props::GeneralCategory as Gc;
    const BLANK_FILLERS: [char; 5] = ['\u{115f}', '\u{1160}', '\u{3164}', '\u{ffa0}', '\u{2800}'];
    let category = CodePointMapData::<Gc>::new().get(c);
    matches!(
        category,
        Gc::Control
            | Gc::Format
            | Gc::LineSeparator
            | Gc::ParagraphSeparator
            | Gc::PrivateUse
            | Gc::Surrogate
            | Gc::Unassigned
    ) || BLANK_FILLERS.contains(&c)
}

/// Refuses text in which nothing shows: only spaces and marks that combine with a letter that is not there.
fn visible(field: &'static str, value: &str) -> Result<(), FieldError> {
    use icu_properties::CodePointMapData;
    use icu_properties::props::GeneralCategory as Gc;
    let categories = CodePointMapData::<Gc>::new();
    let shows = |c: char| {
        !c.is_whitespace() && !matches!(categories.get(c), Gc::NonspacingMark | Gc::EnclosingMark) && !is_hidden(c)
    };
    if value.chars().any(shows) { Ok(()) } else { Err(FieldError::new(field, "field-nothing-visible")) }
}

/// An integer typed into a form, within `range`.
pub fn integer(field: &'static str, value: &str, range: std::ops::RangeInclusive<i64>) -> Result<i64, FieldError> {
    let n: i64 = value.trim().parse().map_err(|_| FieldError::new(field, "field-not-a-number"))?;
    in_range(field, n, range)
}

pub fn in_range(field: &'static str, n: i64, range: std::ops::RangeInclusive<i64>) -> Result<i64, FieldError> {
    if range.contains(&n) {
        Ok(n)
    } else {
        Err(FieldError::new(field, "field-out-of-range").with("min", *range.start()).with("max", *range.end()))
    }
}

/// An ISO 8601 calendar date, `YYYY-MM-DD`.
pub fn date(field: &'static str, value: &str) -> Result<String, FieldError> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let value = value.trim();
    if value.is_empty() {
        return Err(FieldError::new(field, "field-required"));
    }
    time::Date::parse(value, &format)
        .map(|_| value.to_owned())
        .map_err(|_| FieldError::new(field, "field-invalid-date"))
}

/// An optional web address: `http(s)://`, no spaces, at most 200 characters.
pub fn website(field: &'static str, value: &str) -> Result<Option<String>, FieldError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let valid = (value.starts_with("https://") || value.starts_with("http://"))
        && value.len() <= 200
        && value.len() > "https://".len()
        && !value.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '\''));
    if valid { Ok(Some(value.to_owned())) } else { Err(FieldError::new(field, "field-invalid-url")) }
}

/// The wire code of a stored or submitted enum (its serde name, e.g. `ask_edit`).
pub fn code_of<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// The enum a form's code names, if any (its serde name).
pub fn parse_code<T: serde::de::DeserializeOwned>(code: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(code.to_owned())).ok()
}

/// Collects the field errors of one request.
#[derive(Default)]
pub struct Checks {
    pub errors: Vec<FieldError>,
}

impl Checks {
    /// Keeps the value of a passed check, or records its error and gives a placeholder that is never stored.
    pub fn take<T: Default>(&mut self, result: Result<T, FieldError>) -> T {
        result.unwrap_or_else(|e| {
            self.errors.push(e);
            T::default()
        })
    }

    pub fn push(&mut self, error: FieldError) {
        self.errors.push(error);
    }

    pub fn finish<T>(self, value: T) -> Result<T, Vec<FieldError>> {
        if self.errors.is_empty() { Ok(value) } else { Err(self.errors) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_trimmed_and_bounded() {
        assert_eq!(line("n", "  Бірлік  ", 2, 10).unwrap(), "Бірлік");
        assert_eq!(line("n", "", 2, 10).unwrap_err().key, "field-required");
        assert_eq!(line("n", "a", 2, 10).unwrap_err().key, "field-too-short");
        assert_eq!(line("n", &"қ".repeat(11), 2, 10).unwrap_err().key, "field-too-long");
        assert_eq!(line("n", "<script>x</script>", 2, 100).unwrap_err().key, "field-invalid-characters");
        assert_eq!(line("n", "a\u{0}b", 2, 100).unwrap_err().key, "field-invalid-characters");
        assert_eq!(line("n", "a\u{202e}b", 2, 100).unwrap_err().key, "field-invalid-characters");
        assert_eq!(line("n", "O'Brien; DROP TABLE x --", 2, 100).unwrap(), "O'Brien; DROP TABLE x --");
    }

    #[test]
    fn plain_text_keeps_lines_and_markup_but_not_controls() {
        assert_eq!(text("t", " a <b>\r\nc ", 100).unwrap(), "a <b>\nc");
        assert_eq!(text("t", "a\u{7}b", 100).unwrap_err().key, "field-invalid-characters");
        assert_eq!(text("t", "a\u{202e}b", 100).unwrap_err().key, "field-invalid-characters");
        assert_eq!(text("t", &"ә".repeat(11), 10).unwrap_err().key, "field-too-long");
        assert_eq!(optional_text("t", "  ", 10).unwrap(), None);
    }

    #[test]
    fn nothing_hidden_passes_any_text_field() {
        for hidden in [
            '\u{61c}',
            '\u{2060}',
            '\u{ad}',
            '\u{e0041}',
            '\u{3164}',
            '\u{180e}',
            '\u{2028}',
            '\u{2029}',
            '\u{200c}',
            '\u{200d}',
            '\u{e000}',
            '\u{fff0}',
            '\u{115f}',
            '\u{1160}',
            '\u{ffa0}',
            '\u{2800}',
            '\u{7f}',
            '\u{85}',
        ] {
            let inside = format!("Ab{hidden}cd");
            assert_eq!(line("n", &inside, 2, 100).unwrap_err().key, "field-invalid-characters", "{hidden:?}");
            assert_eq!(text("t", &inside, 100).unwrap_err().key, "field-invalid-characters", "{hidden:?}");
        }
        assert_eq!(line("n", "\u{3164}\u{3164}", 2, 100).unwrap_err().key, "field-invalid-characters");
        assert_eq!(line("n", "\u{301}\u{301}\u{301}", 2, 100).unwrap_err().key, "field-nothing-visible");
        assert_eq!(text("t", "\u{20dd} \u{301}", 100).unwrap_err().key, "field-nothing-visible");
        // What Kazakh, Russian and English names and texts need still passes.
        assert_eq!(line("n", "Әбу-Насыр Ұлы (O'Neil), №1 «Ақ»", 2, 100).unwrap(), "Әбу-Насыр Ұлы (O'Neil), №1 «Ақ»");
        assert_eq!(text("t", "Café\u{301} 😀\n\tқазақ", 100).unwrap(), "Café\u{301} 😀\n\tқазақ");
    }

    #[test]
    fn numbers_dates_and_addresses() {
        assert_eq!(integer("y", " 1995 ", 1900..=2100).unwrap(), 1995);
        assert_eq!(integer("y", "99999999999999999999999", 1900..=2100).unwrap_err().key, "field-not-a-number");
        assert_eq!(integer("y", "1800", 1900..=2100).unwrap_err().key, "field-out-of-range");
        assert!(date("d", "2023-04-27").is_ok());
        assert_eq!(date("d", "2023-02-30").unwrap_err().key, "field-invalid-date");
        assert_eq!(website("w", "javascript:alert(1)").unwrap_err().key, "field-invalid-url");
        assert_eq!(website("w", "https://example.org/a").unwrap(), Some("https://example.org/a".into()));
        assert_eq!(website("w", "").unwrap(), None);
    }
}
