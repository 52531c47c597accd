//! What a file is, from its first bytes: never from its name or the type its sender claims.

/// The kinds of file a document may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileType {
    Pdf,
    Odt,
    Docx,
    Png,
    Jpeg,
}

/// How many bytes of the beginning of a file the sniffing reads.
pub const HEAD: usize = 64 * 1024;

impl FileType {
    pub const ALL: [FileType; 5] = [FileType::Pdf, FileType::Odt, FileType::Docx, FileType::Png, FileType::Jpeg];

    pub fn content_type(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Odt => "application/vnd.oasis.opendocument.text",
            FileType::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            FileType::Png => "image/png",
            FileType::Jpeg => "image/jpeg",
        }
    }

    pub fn from_content_type(content_type: &str) -> Option<FileType> {
        FileType::ALL.into_iter().find(|t| t.content_type() == content_type)
    }

    /// The extension a downloaded file gets.
    pub fn extension(self) -> &'static str {
        match self {
            FileType::Pdf => "pdf",
            FileType::Odt => "odt",
            FileType::Docx => "docx",
            FileType::Png => "png",
            FileType::Jpeg => "jpg",
        }
    }

    /// Images are shown in the browser; everything else is downloaded.
    pub fn is_image(self) -> bool {
        matches!(self, FileType::Png | FileType::Jpeg)
    }
}

const ZIP: &[u8] = b"PK\x03\x04";

/// The type of a file that begins with `head` (its first [`HEAD`] bytes, or all of it when shorter), if it is one
/// that documents accept. ODT and DOCX are both ZIP archives: an ODT's first entry is `mimetype`, stored, saying
/// `application/vnd.oasis.opendocument.text` (the ODF rule that `infer` checks); a DOCX has `[Content_Types].xml`
/// and a `word/` part. `infer` finds the `word/` part only in the third entry, which not every writer puts there,
/// so a ZIP whose first entries name both is a DOCX too.
pub fn sniff(head: &[u8]) -> Option<FileType> {
    if infer::archive::is_pdf(head) && head.starts_with(b"%PDF-") {
        return Some(FileType::Pdf);
    }
    if infer::image::is_png(head) {
        return Some(FileType::Png);
    }
    if infer::image::is_jpeg(head) {
        return Some(FileType::Jpeg);
    }
    if !head.starts_with(ZIP) {
        return None;
    }
    if infer::odf::is_odt(head) {
        return Some(FileType::Odt);
    }
    if infer::doc::is_docx(head) || (entry_named(head, b"[Content_Types].xml") && entry_prefixed(head, b"word/")) {
        return Some(FileType::Docx);
    }
    None
}

/// Names of the ZIP local file headers found in `head`, walked one after another from the start. A header whose
/// sizes come after the data (bit 3 of its flags) ends the walk: the next header's place is then unknown.
fn local_entries(head: &[u8]) -> Vec<&[u8]> {
    let mut names = Vec::new();
    let mut at = 0usize;
    let u16_at = |i: usize| head.get(i..i + 2).and_then(|b| b.try_into().ok()).map(u16::from_le_bytes);
    let u32_at = |i: usize| head.get(i..i + 4).and_then(|b| b.try_into().ok()).map(u32::from_le_bytes);
    while head.get(at..at + 4) == Some(ZIP) {
        let (Some(flags), Some(compressed), Some(name_len), Some(extra_len)) =
            (u16_at(at + 6), u32_at(at + 18), u16_at(at + 26), u16_at(at + 28))
        else {
            break;
        };
        let name_start = at + 30;
        let Some(name) = head.get(name_start..name_start + usize::from(name_len)) else { break };
        names.push(name);
        if flags & 0x0008 != 0 {
            break;
        }
        let Ok(compressed) = usize::try_from(compressed) else { break };
        at = name_start + usize::from(name_len) + usize::from(extra_len) + compressed;
    }
    names
}

fn entry_named(head: &[u8], name: &[u8]) -> bool {
    local_entries(head).contains(&name)
}

fn entry_prefixed(head: &[u8], prefix: &[u8]) -> bool {
    local_entries(head).iter().any(|n| n.starts_with(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_markup_are_not_types() {
        assert_eq!(sniff(b"<html><body>%PDF-1.4</body></html>"), None);
        assert_eq!(sniff(b""), None);
        assert_eq!(sniff(b"PK\x03\x04"), None, "a bare ZIP header is no document");
        assert_eq!(sniff(b"%PDF-1.7\n%%EOF\n"), Some(FileType::Pdf));
    }
}
