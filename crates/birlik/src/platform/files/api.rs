//! Documents over HTTP: `POST /api/v1/documents` (multipart), the upload form of an item's page
//! (`POST /{lang}/documents`, which returns to the item's page) and `GET /api/v1/documents/{id}`, streamed from
//! disk after the reader's permission is checked.

use axum::Json;
use axum::body::Body;
use axum::extract::FromRef;
use axum::extract::multipart::{Field, MultipartError};
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::platform::Platform;
use crate::platform::files::sniff::{HEAD, sniff};
use crate::platform::files::storage::{Received, WriteError};
use crate::platform::files::store::{self, CreateError};
use crate::platform::files::{Document, ItemKind, NewDocument, UploadFields, download_name};
use crate::platform::i18n::Lang;
use crate::platform::validate::{self, Checks};
use crate::platform::web::error::ErrorBody;
use crate::platform::web::{AppError, FieldError, PageCtx, SessionUser, Viewer};

/// The longest title, in characters.
pub const MAX_TITLE: usize = 200;
/// The longest text field of an upload form, in bytes.
const MAX_FIELD: usize = 4096;

pub fn routes<S>() -> OpenApiRouter<S>
where
    S: Clone + Send + Sync + 'static,
    Platform: FromRef<S>,
{
    OpenApiRouter::new().routes(routes!(upload)).routes(routes!(download)).routes(routes!(archive))
}

pub fn page_routes<S>() -> axum::Router<S>
where
    S: Clone + Send + Sync + 'static,
    Platform: FromRef<S>,
{
    axum::Router::new()
        .route("/{lang}/documents", axum::routing::post(upload_form))
        .route("/{lang}/documents/{id}/archive", axum::routing::post(archive_form))
}

/// The multipart body of an upload, as the OpenAPI document describes it. Send the fields before the file: the
/// permission is then checked before the file is read.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct UploadForm {
    /// `body` or `consultation`.
    item_kind: ItemKind,
    item_id: i64,
    #[schema(max_length = 200)]
    title: String,
    /// `kk`, `ru` or `en`.
    lang: String,
    /// The document (of the same item) this one is a version of, in another language.
    version_of: Option<i64>,
    /// PDF, ODT, DOCX, PNG or JPEG, recognised by its content; at most `--max-upload-mb` megabytes.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

/// Attaches a document to an item (a body, a consultation). Its type is recognised from its content.
#[utoipa::path(post, path = "/documents", tag = "documents",
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses((status = 201, body = Document), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn upload(
    State(state): State<Platform>,
    Viewer(user): Viewer,
    multipart: Multipart,
) -> Result<(StatusCode, Json<Document>), AppError> {
    let user = user.ok_or(AppError::Unauthenticated)?;
    let document = receive(&state, &user, multipart).await?;
    Ok((StatusCode::CREATED, Json(document)))
}

/// The upload form of an item's page: the same as the API, then back to the item's page.
async fn upload_form(State(state): State<Platform>, ctx: PageCtx, multipart: Multipart) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let document = receive(&state, &user, multipart).await?;
    let page = state.documents.page(document.item_kind, document.item_id)?;
    Ok(Redirect::to(&format!("{}#document-{}", ctx.url(&page), document.root())).into_response())
}

/// A document's file, for whoever may read its item: images are shown, other types downloaded.
#[utoipa::path(get, path = "/documents/{id}", tag = "documents", params(("id" = i64, Path)),
    responses((status = 200, description = "The file, with its sniffed type.", content(
            ("application/pdf"), ("application/vnd.oasis.opendocument.text"),
            ("application/vnd.openxmlformats-officedocument.wordprocessingml.document"), ("image/png"), ("image/jpeg"))),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn download(
    State(state): State<Platform>,
    Viewer(user): Viewer,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let document =
        store::document(&state.db, id).await?.filter(|d| d.archived_at.is_none()).ok_or(AppError::NotFound)?;
    if !state.documents.may_read(&state, document.item_kind, document.item_id, user.as_ref()).await? {
        return Err(if user.is_some() { AppError::Forbidden } else { AppError::Unauthenticated });
    }
    let file_type =
        document.file_type().ok_or_else(|| anyhow::anyhow!("unknown stored type {}", document.content_type))?;
    let path = state.documents.storage.path_of(&document.sha256).ok_or(AppError::NotFound)?;
    let file = match tokio::fs::File::open(&path).await {
        Ok(file) => file,
        Err(e) => return Err(anyhow::anyhow!("the file of document {id} is missing at {}: {e}", path.display()).into()),
    };
    let name = download_name(&document.original_name, file_type);
    let disposition = if file_type.is_image() { "inline" } else { "attachment" };
    let ascii: String = name.chars().map(|c| if c.is_ascii_graphic() || c == ' ' { c } else { '_' }).collect();
    let header_value = |s: String| HeaderValue::from_str(&s).map_err(|e| AppError::Internal(e.into()));
    let mut response = Body::from_stream(tokio_util::io::ReaderStream::new(file)).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(file_type.content_type()));
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(document.size));
    headers.insert(
        header::CONTENT_DISPOSITION,
        header_value(format!(
            "{disposition}; filename=\"{ascii}\"; filename*=UTF-8''{}",
            crate::platform::web::url_encode(&name).replace('/', "%2F")
        ))?,
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // Whoever may read it decides; shared caches keep nothing.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'; sandbox"));
    Ok(response)
}

/// Archives a document (an original with its versions): it is no longer listed or served; nothing is deleted.
/// Archiving an archived document changes nothing.
#[utoipa::path(post, path = "/documents/{id}/archive", tag = "documents", params(("id" = i64, Path)),
    responses((status = 204, description = "Archived."), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn archive(
    State(state): State<Platform>,
    Viewer(user): Viewer,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    let user = user.ok_or(AppError::Unauthenticated)?;
    archive_document(&state, &user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(serde::Deserialize)]
struct ArchivePath {
    id: i64,
}

/// The archive button of an item's page: the same, then back to the page.
async fn archive_form(
    State(state): State<Platform>,
    ctx: PageCtx,
    Path(path): Path<ArchivePath>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let document = archive_document(&state, &user, path.id).await?;
    let page = state.documents.page(document.item_kind, document.item_id)?;
    Ok(Redirect::to(&format!("{}#documents", ctx.url(&page))).into_response())
}

async fn archive_document(state: &Platform, user: &SessionUser, id: i64) -> Result<Document, AppError> {
    let document = store::document(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if !state.documents.may_attach(state, document.item_kind, document.item_id, Some(user)).await? {
        return Err(AppError::Forbidden);
    }
    if document.archived_at.is_none() {
        store::archive(&state.db, Some(user.id), &document).await?;
    }
    Ok(document)
}

fn multipart_error(e: MultipartError) -> AppError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::PayloadTooLarge
    } else {
        AppError::BadRequest(e.body_text())
    }
}

async fn text_field(mut field: Field<'_>) -> Result<String, AppError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
        if bytes.len() + chunk.len() > MAX_FIELD {
            return Err(AppError::BadRequest("a form field is too long".into()));
        }
        bytes.extend_from_slice(&chunk);
    }
    String::from_utf8(bytes).map_err(|_| AppError::BadRequest("a form field is not UTF-8".into()))
}

fn too_large(max_mb: u64) -> AppError {
    AppError::Validation(vec![
        FieldError::new("file", "field-file-too-large").with("max", i64::try_from(max_mb).unwrap_or(i64::MAX)),
    ])
}

fn wrong_type() -> AppError {
    AppError::Validation(vec![FieldError::new("file", "field-file-type")])
}

/// Streams the file field to a temporary file; refuses it as soon as it is too large or its first bytes are no
/// accepted type. Dropping the result (on any error) removes the temporary file.
async fn receive_file(state: &Platform, mut field: Field<'_>) -> Result<Received, AppError> {
    let max_mb = state.settings.max_upload_mb;
    let mut incoming =
        state.documents.storage.receive(max_mb.saturating_mul(1024 * 1024)).await.map_err(anyhow::Error::from)?;
    let mut sniffed = false;
    while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
        match incoming.write(&chunk).await {
            Ok(()) => {}
            Err(WriteError::TooLarge) => return Err(too_large(max_mb)),
            Err(WriteError::Io(e)) => return Err(anyhow::Error::from(e).into()),
        }
        if !sniffed && incoming.head().len() >= HEAD {
            sniff(incoming.head()).ok_or_else(wrong_type)?;
            sniffed = true;
        }
    }
    Ok(incoming.finish().await.map_err(anyhow::Error::from)?)
}

/// The item named by the fields read so far, if both are there and valid.
fn item_of(fields: &UploadFields) -> Option<(ItemKind, i64)> {
    Some((ItemKind::from_code(fields.item_kind.trim())?, fields.item_id.trim().parse().ok()?))
}

/// May `user` attach to this item? A missing item is a refused field, not a missing page.
async fn authorize(state: &Platform, user: &SessionUser, kind: ItemKind, id: i64) -> Result<(), AppError> {
    match state.documents.may_attach(state, kind, id, Some(user)).await {
        Ok(true) => Ok(()),
        Ok(false) => Err(AppError::Forbidden),
        Err(AppError::NotFound) => Err(AppError::Validation(vec![FieldError::new("item_id", "field-unknown-item")])),
        Err(e) => Err(e),
    }
}

/// Reads an upload, checks it completely, and stores it with its audit entry. Whatever is refused or fails, the
/// temporary file goes with the dropped [`Received`].
pub async fn receive(state: &Platform, user: &SessionUser, mut multipart: Multipart) -> Result<Document, AppError> {
    let mut fields = UploadFields::default();
    let mut file: Option<(Received, String)> = None;
    let mut authorized = None;
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        let name = field.name().unwrap_or_default().to_owned();
        match name.as_str() {
            "file" => {
                if file.is_some() {
                    return Err(AppError::BadRequest("one file per upload".into()));
                }
                if let Some((kind, id)) = item_of(&fields) {
                    authorize(state, user, kind, id).await?;
                    authorized = Some((kind, id));
                }
                let original = field.file_name().unwrap_or_default().to_owned();
                file = Some((receive_file(state, field).await?, original));
            }
            "item_kind" => fields.item_kind = text_field(field).await?,
            "item_id" => fields.item_id = text_field(field).await?,
            "title" => fields.title = text_field(field).await?,
            "lang" => fields.lang = text_field(field).await?,
            "version_of" => fields.version_of = text_field(field).await?,
            _ => return Err(AppError::BadRequest(format!("unknown field {name:?}"))),
        }
    }
    let mut checks = Checks::default();
    let item = item_of(&fields);
    if ItemKind::from_code(fields.item_kind.trim()).is_none() {
        checks.push(FieldError::new("item_kind", "field-invalid-choice"));
    }
    let _ = checks.take(validate::integer("item_id", &fields.item_id, 1..=i64::MAX));
    let title = checks.take(validate::line("title", &fields.title, 1, MAX_TITLE));
    let lang = Lang::from_code(fields.lang.trim());
    if lang.is_none() {
        checks.push(FieldError::new("lang", "field-invalid-choice"));
    }
    let version_of = match fields.version_of.trim() {
        "" => None,
        v => Some(checks.take(validate::integer("version_of", v, 1..=i64::MAX))),
    };
    let file_type = match &file {
        None => {
            checks.push(FieldError::new("file", "field-file-required"));
            None
        }
        Some((received, _)) => {
            let sniffed = sniff(&received.head);
            if sniffed.is_none() {
                checks.push(FieldError::new("file", "field-file-type"));
            }
            sniffed
        }
    };
    let (Some((kind, id)), Some(lang), Some(file_type), Some((received, original)), true) =
        (item, lang, file_type, file, checks.errors.is_empty())
    else {
        return Err(AppError::Validation(checks.errors));
    };
    if authorized != Some((kind, id)) {
        authorize(state, user, kind, id).await?;
    }
    let version_of = match version_of {
        None => None,
        Some(target) => Some(original_of(state, kind, id, target).await?),
    };
    let input = NewDocument {
        item_kind: kind,
        item_id: id,
        title,
        lang,
        version_of,
        content_type: file_type.content_type(),
        original_name: download_name(&original, file_type),
    };
    match store::create(&state.db, &state.documents.storage, Some(user.id), &input, received).await {
        Ok(document) => Ok(document),
        Err(CreateError::LanguageTaken) => {
            Err(AppError::Validation(vec![FieldError::new("lang", "field-version-exists")]))
        }
        Err(CreateError::Db(e)) => Err(e.into()),
        Err(CreateError::Io(e)) => Err(anyhow::Error::from(e).into()),
    }
}

/// The original that a new version joins: `target` itself, or the original `target` is a version of. It must be a
/// live document of the same item.
async fn original_of(state: &Platform, kind: ItemKind, id: i64, target: i64) -> Result<i64, AppError> {
    match store::document(&state.db, target).await? {
        Some(d) if d.item_kind == kind && d.item_id == id && d.archived_at.is_none() => Ok(d.root()),
        _ => Err(AppError::Validation(vec![FieldError::new("version_of", "field-unknown-document")])),
    }
}
