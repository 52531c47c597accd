//! CSV that is safe to open in a spreadsheet.

/// A cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return, prefixed with `'` so that a spreadsheet
/// opening the file shows it as text rather than running it as a formula (OWASP "CSV injection").
pub fn defuse(cell: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    match cell.first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => {
            let mut out = Vec::with_capacity(cell.len() + 1);
            out.push(b'\'');
            out.extend_from_slice(cell);
            std::borrow::Cow::Owned(out)
        }
        _ => std::borrow::Cow::Borrowed(cell),
    }
}
