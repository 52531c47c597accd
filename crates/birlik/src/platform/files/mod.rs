//! Documents attached to items of the capabilities (a body of the Assembly, a consultation): PDF, ODT, DOCX, PNG
//! and JPEG. The type is sniffed from the content ([`sniff`]), never taken from the name; the file is streamed to
//! disk while it is hashed and stored once per content ([`storage`]); the row and its audit entry commit together
//! ([`store`]); a refused or cut-off upload leaves nothing behind.
//!
//! The platform knows no capability: who may read or attach a document is decided by the hooks each capability
//! registers for its kind of item ([`ItemAccess`]), in the composition root (`app::state`).

pub mod api;
pub mod sniff;
pub mod storage;
pub mod store;

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;

use serde::{Deserialize, Serialize};

use crate::platform::Platform;
use crate::platform::i18n::Lang;
use crate::platform::web::{AppError, SessionUser};
use sniff::FileType;
use storage::Storage;

/// What a document is attached to. Stored as a PostgreSQL enum (`document_item_kind`) and as checked text in
/// SQLite; reading a kind this build does not know is an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type, utoipa::ToSchema)]
#[sqlx(type_name = "document_item_kind", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A body of the Assembly.
    Body,
    Consultation,
    /// An item of a meeting's agenda.
    AgendaItem,
    Proposal,
    /// A recommendation to a state body, and its answer.
    Recommendation,
    /// A signal of early warning.
    Signal,
    MediationCase,
}

impl ItemKind {
    pub const ALL: [ItemKind; 7] = [
        ItemKind::Body,
        ItemKind::Consultation,
        ItemKind::AgendaItem,
        ItemKind::Proposal,
        ItemKind::Recommendation,
        ItemKind::Signal,
        ItemKind::MediationCase,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ItemKind::Body => "body",
            ItemKind::Consultation => "consultation",
            ItemKind::AgendaItem => "agenda_item",
            ItemKind::Proposal => "proposal",
            ItemKind::Recommendation => "recommendation",
            ItemKind::Signal => "signal",
            ItemKind::MediationCase => "mediation_case",
        }
    }

    pub fn from_code(code: &str) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One stored document.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Document {
    pub id: i64,
    pub item_kind: ItemKind,
    pub item_id: i64,
    pub title: String,
    /// `kk`, `ru` or `en`.
    pub lang: String,
    /// The document this one is a version of (in another language); `null` for an original.
    pub version_of: Option<i64>,
    /// SHA-256 of the content, in hex.
    pub sha256: String,
    /// Size in bytes.
    pub size: i64,
    /// Sniffed from the content.
    pub content_type: String,
    /// The uploaded file's name, cleaned; used only to name the download.
    pub original_name: String,
    #[serde(skip)]
    pub uploaded_by: Option<i64>,
    pub uploaded_at: String,
    pub archived_at: Option<String>,
}

impl Document {
    pub fn href(&self) -> String {
        format!("/api/v1/documents/{}", self.id)
    }

    pub fn file_type(&self) -> Option<FileType> {
        FileType::from_content_type(&self.content_type)
    }

    /// The original this document belongs with: itself, or the one it is a version of.
    pub fn root(&self) -> i64 {
        self.version_of.unwrap_or(self.id)
    }
}

/// A decision of a hook: `Err(AppError::NotFound)` when the item does not exist.
pub type Decision<'a> = Pin<Box<dyn Future<Output = Result<bool, AppError>> + Send + 'a>>;
/// A hook: may this user (or an anonymous reader) do it to the item with this id?
pub type Check = for<'a> fn(&'a Platform, i64, Option<&'a SessionUser>) -> Decision<'a>;

/// What a capability registers for its kind of item.
#[derive(Clone, Copy)]
pub struct ItemAccess {
    pub may_read: Check,
    pub may_attach: Check,
    /// The item's page after the language prefix (e.g. `/bodies/7`): where the upload form returns.
    pub page: fn(i64) -> String,
}

/// The documents' storage and the hooks of every kind of item.
#[derive(Clone)]
pub struct Documents {
    pub storage: Storage,
    access: HashMap<ItemKind, ItemAccess>,
}

impl Documents {
    pub fn new(storage: Storage) -> Documents {
        Documents { storage, access: HashMap::new() }
    }

    pub fn register(mut self, kind: ItemKind, access: ItemAccess) -> Documents {
        self.access.insert(kind, access);
        self
    }

    /// The hooks of a kind; a kind no capability registered has no items.
    fn access(&self, kind: ItemKind) -> Result<&ItemAccess, AppError> {
        self.access.get(&kind).ok_or(AppError::NotFound)
    }

    pub async fn may_read(
        &self,
        state: &Platform,
        kind: ItemKind,
        id: i64,
        user: Option<&SessionUser>,
    ) -> Result<bool, AppError> {
        (self.access(kind)?.may_read)(state, id, user).await
    }

    pub async fn may_attach(
        &self,
        state: &Platform,
        kind: ItemKind,
        id: i64,
        user: Option<&SessionUser>,
    ) -> Result<bool, AppError> {
        (self.access(kind)?.may_attach)(state, id, user).await
    }

    pub fn page(&self, kind: ItemKind, id: i64) -> Result<String, AppError> {
        Ok((self.access(kind)?.page)(id))
    }
}

/// One version of a document as an item's page lists it.
pub struct VersionLink {
    pub lang: String,
    pub href: String,
    pub size: String,
    pub kind: &'static str,
}

/// A document with its versions, the reader's language first.
pub struct Group {
    pub title: String,
    pub root: i64,
    pub versions: Vec<VersionLink>,
}

/// What an item's page shows of its documents.
pub struct Attached {
    pub groups: Vec<Group>,
    /// The upload form is shown to those who may attach.
    pub can_attach: bool,
    pub item_kind: &'static str,
    pub item_id: i64,
    pub max_upload_mb: u64,
}

fn type_label(content_type: &str) -> &'static str {
    match FileType::from_content_type(content_type) {
        Some(FileType::Pdf) => "PDF",
        Some(FileType::Odt) => "ODT",
        Some(FileType::Docx) => "DOCX",
        Some(FileType::Png) => "PNG",
        Some(FileType::Jpeg) => "JPEG",
        None => "",
    }
}

/// A size for people: KB below a megabyte, else MB with one decimal (comma in kk and ru).
pub fn human_size(lang: Lang, bytes: i64) -> String {
    const KIB: i64 = 1024;
    if bytes < KIB * KIB {
        let kb = (bytes + KIB - 1) / KIB;
        lang.t_args("document-size-kb", &[("size", lang.number(kb.max(1)).into())])
    } else {
        let tenths = (bytes * 10 + KIB * KIB / 2) / (KIB * KIB);
        let separator = if lang == Lang::En { "." } else { "," };
        let text = format!("{}{separator}{}", lang.number(tenths / 10), tenths % 10);
        lang.t_args("document-size-mb", &[("size", text.into())])
    }
}

/// Groups documents (of one item) under their originals, each group's versions in the reader's language first,
/// then kk, ru, en; the group is titled by the version in the reader's language when there is one.
pub fn group(documents: &[Document], reader: Lang) -> Vec<Group> {
    let order = |code: &str| {
        let lang = Lang::from_code(code);
        (lang != Some(reader), Lang::ALL.iter().position(|l| Some(*l) == lang).unwrap_or(Lang::ALL.len()))
    };
    let mut roots: Vec<i64> = documents.iter().filter(|d| d.version_of.is_none()).map(|d| d.id).collect();
    roots.sort_unstable();
    roots
        .into_iter()
        .map(|root| {
            let mut versions: Vec<&Document> = documents.iter().filter(|d| d.root() == root).collect();
            versions.sort_by_key(|d| order(&d.lang));
            let title = versions.first().map(|d| d.title.clone()).unwrap_or_default();
            let versions = versions
                .into_iter()
                .map(|d| VersionLink {
                    lang: Lang::from_code(&d.lang).map_or_else(|| d.lang.clone(), |l| l.native_name().to_owned()),
                    href: d.href(),
                    size: human_size(reader, d.size),
                    kind: type_label(&d.content_type),
                })
                .collect();
            Group { title, root, versions }
        })
        .collect()
}

/// The documents of an item and whether `user` may attach more, for the item's page.
pub async fn attached(
    state: &Platform,
    kind: ItemKind,
    id: i64,
    user: Option<&SessionUser>,
    reader: Lang,
) -> Result<Attached, AppError> {
    let documents = store::for_item(&state.db, kind, id).await?;
    let can_attach = match user {
        Some(_) => state.documents.may_attach(state, kind, id, user).await?,
        None => false,
    };
    Ok(Attached {
        groups: group(&documents, reader),
        can_attach,
        item_kind: kind.code(),
        item_id: id,
        max_upload_mb: state.settings.max_upload_mb,
    })
}

impl Attached {
    pub fn max_upload_mb_i64(&self) -> i64 {
        i64::try_from(self.max_upload_mb).unwrap_or(i64::MAX)
    }
}

/// Whether a request is an upload, which may carry a larger body than any other (see `app::limit_bodies`).
pub fn is_upload(method: &axum::http::Method, path: &str) -> bool {
    if method != axum::http::Method::POST {
        return false;
    }
    if path == "/api/v1/documents" {
        return true;
    }
    // `/{lang}/documents`, and a capability's own upload form, `/{lang}/…/documents` (a mediation case's).
    let mut parts = path.trim_start_matches('/').split('/');
    parts.next().and_then(Lang::from_code).is_some() && parts.next_back() == Some("documents")
}

/// The name a download is given: the uploaded name without any path, reduced to letters, digits and a few safe
/// marks, at most 100 characters, ending with the extension of its sniffed type.
pub fn download_name(original: &str, file_type: FileType) -> String {
    let base = original.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '_' | '(' | ')') { c } else { '_' })
        .take(100)
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c == '.' || c == ' ' || c == '_');
    let stem = if cleaned.is_empty() { "document" } else { cleaned };
    let extension = stem.rsplit_once('.').map(|(_, e)| e.to_lowercase());
    let fits = match extension.as_deref() {
        Some("jpeg") => file_type == FileType::Jpeg,
        Some(e) => e == file_type.extension(),
        None => false,
    };
    if fits { stem.to_owned() } else { format!("{stem}.{}", file_type.extension()) }
}

/// The fields of an upload besides the file, as sent.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct UploadFields {
    pub item_kind: String,
    pub item_id: String,
    pub title: String,
    pub lang: String,
    pub version_of: String,
}

/// An upload's fields, checked.
#[derive(Clone, Debug)]
pub struct NewDocument {
    pub item_kind: ItemKind,
    pub item_id: i64,
    pub title: String,
    pub lang: Lang,
    pub version_of: Option<i64>,
    pub content_type: &'static str,
    pub original_name: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn download_names_are_clean_and_typed() {
        assert_eq!(download_name("../../etc/passwd", FileType::Pdf), "passwd.pdf");
        assert_eq!(download_name("C:\\x\\Есеп 2026.PDF", FileType::Pdf), "Есеп 2026.PDF");
        assert_eq!(download_name("photo.jpeg", FileType::Jpeg), "photo.jpeg");
        assert_eq!(download_name("a\"b;c.html", FileType::Png), "a_b_c.html.png");
        assert_eq!(download_name("", FileType::Docx), "document.docx");
    }

    #[test]
    fn uploads_are_recognised_by_method_and_path() {
        use axum::http::Method;
        assert!(is_upload(&Method::POST, "/api/v1/documents"));
        assert!(is_upload(&Method::POST, "/kk/documents"));
        assert!(!is_upload(&Method::GET, "/kk/documents"));
        assert!(!is_upload(&Method::POST, "/xx/documents"));
        assert!(!is_upload(&Method::POST, "/kk/documents/1"));
        assert!(is_upload(&Method::POST, "/kk/mediation/3/documents"));
        assert!(!is_upload(&Method::POST, "/api/v1/associations"));
    }
}
