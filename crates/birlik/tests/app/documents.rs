//! Documents attached to bodies and consultations, on both backends: types sniffed from the content, streamed and
//! content-addressed storage, nothing left behind by a refused or cut-off upload, download headers, who may attach,
//! versions in kk/ru/en.

use std::path::{Path, PathBuf};
use std::time::Duration;

use birlik::platform::identity::Role;
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::Value;
use tokio::io::AsyncWriteExt;

use crate::support::{Backend, LoggedIn, TestApp, postgres_available};

macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test]
            async fn $name() {
                super::$name(super::start(super::Backend::Sqlite).await).await
            })*
        }
        mod postgres {
            $(#[tokio::test]
            async fn $name() {
                if super::postgres_available().await {
                    super::$name(super::start(super::Backend::Postgres).await).await
                }
            })*
        }
    };
}

on_both_backends!(
    each_accepted_type_is_stored_audited_and_served,
    a_pdf_name_on_html_is_refused_and_leaves_nothing,
    too_large_uploads_are_refused_and_leave_nothing,
    a_cut_off_upload_leaves_nothing,
    the_same_content_is_stored_once,
    a_stranger_cannot_attach_to_another_body,
    versions_are_listed_once_in_the_readers_language_first,
    the_page_form_attaches_without_javascript,
    consultation_documents_follow_the_consultation,
    archived_documents_are_kept_but_neither_listed_nor_served,
);

/// Uploads are limited to 1 MB here, so the limits are cheap to reach.
pub async fn start(backend: Backend) -> TestApp {
    TestApp::builder().backend(backend).settings(|s| s.max_upload_mb = 1).start().await
}

// ---- fixtures: tiny valid files of every accepted type --------------------------------------------------------

pub fn pdf(marker: &str) -> Vec<u8> {
    format!(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> \
         endobj\n% {marker}\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    .into_bytes()
}

/// A 1×1 PNG.
fn png() -> Vec<u8> {
    let hex = "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005\
               0001ff5ef58c6f0000000049454e44ae426082";
    (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect()
}

/// A JPEG: start of image, a JFIF header, end of image.
fn jpeg() -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
    bytes.extend_from_slice(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    bytes.extend_from_slice(&[0xFF, 0xD9]);
    bytes
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A ZIP archive of stored (uncompressed) entries, in this order, with its central directory.
fn zip(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, content) in entries {
        let offset = out.len() as u32;
        let (crc, size) = (crc32(content.as_bytes()), content.len() as u32);
        let mut header = Vec::new();
        header.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // version, flags, stored, time, date
        header.extend_from_slice(&crc.to_le_bytes());
        header.extend_from_slice(&size.to_le_bytes());
        header.extend_from_slice(&size.to_le_bytes());
        header.extend_from_slice(&(name.len() as u16).to_le_bytes());
        header.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(b"PK\x03\x04");
        out.extend_from_slice(&header);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(content.as_bytes());
        central.extend_from_slice(b"PK\x01\x02\x14\x00");
        central.extend_from_slice(&header);
        central.extend_from_slice(&[0u8; 12]); // comment length, disk, attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let (at, length) = (out.len() as u32, central.len() as u32);
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&length.to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

fn odt() -> Vec<u8> {
    zip(&[
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", "<office:document-content><office:body><office:text/></office:body></office:document-content>"),
        ("META-INF/manifest.xml", "<manifest:manifest/>"),
    ])
}

fn docx() -> Vec<u8> {
    zip(&[
        ("[Content_Types].xml", "<Types/>"),
        ("_rels/.rels", "<Relationships/>"),
        ("word/document.xml", "<w:document><w:body/></w:document>"),
    ])
}

/// A DOCX whose `word/` part is not the third entry (as some writers order them).
fn docx_other_order() -> Vec<u8> {
    zip(&[
        ("[Content_Types].xml", "<Types/>"),
        ("docProps/app.xml", "<Properties/>"),
        ("docProps/core.xml", "<coreProperties/>"),
        ("_rels/.rels", "<Relationships/>"),
        ("word/document.xml", "<w:document><w:body/></w:document>"),
    ])
}

// ---- helpers ---------------------------------------------------------------------------------------------------

pub fn upload_form(kind: &str, item: i64, title: &str, lang: &str, name: &str, bytes: Vec<u8>) -> Form {
    Form::new()
        .text("item_kind", kind.to_owned())
        .text("item_id", item.to_string())
        .text("title", title.to_owned())
        .text("lang", lang.to_owned())
        .part("file", Part::bytes(bytes).file_name(name.to_owned()))
}

pub async fn post_upload(client: &LoggedIn, path: &str, form: Form) -> (StatusCode, Value) {
    let response =
        client.client.post(format!("{}{path}", client.base)).multipart(form).send().await.expect("request sent");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// The regular files under the documents directory (content and temporary files alike).
pub fn stored_files(data_dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&data_dir.join("files"), &mut out);
    out
}

async fn national(app: &TestApp) -> i64 {
    app.body_id("national_session", None).await
}

async fn regional(app: &TestApp) -> i64 {
    app.body_id("regional_assembly", Some("KZ-75")).await
}

async fn audited_documents(app: &TestApp) -> i64 {
    birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM audit_log WHERE entity = 'document'")
            .fetch_one(pool)
            .await
            .unwrap()
    })
}

// ---- the tests -------------------------------------------------------------------------------------------------

async fn each_accepted_type_is_stored_audited_and_served(app: TestApp) {
    let body = regional(&app).await;
    let secretariat = app.secretariat_of(body).await;
    let (_, openapi) = app.get_json("/api/v1/openapi.json").await;
    let cases: [(&str, Vec<u8>, &str, bool); 6] = [
        ("report.pdf", pdf("one"), "application/pdf", false),
        ("minutes.odt", odt(), "application/vnd.oasis.opendocument.text", false),
        ("decision.docx", docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false),
        (
            "other.docx",
            docx_other_order(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            false,
        ),
        ("photo.png", png(), "image/png", true),
        ("Фото.jpg", jpeg(), "image/jpeg", true),
    ];
    for (i, (name, bytes, content_type, inline)) in cases.into_iter().enumerate() {
        // The language cycles so that no two originals clash; each is its own document.
        let lang = ["kk", "ru", "en"][i % 3];
        let form = upload_form("body", body, &format!("Құжат {i}"), lang, name, bytes.clone());
        let (status, document) = post_upload(&secretariat, "/api/v1/documents", form).await;
        assert_eq!(status, StatusCode::CREATED, "{name}: {document}");
        assert_eq!(document["content_type"], content_type, "{name} is sniffed");
        assert_eq!(document["size"], bytes.len());
        assert!(document.get("uploaded_by").is_none(), "who uploaded is not published");
        let schema = crate::api::response_schema(&openapi, "post", "/api/v1/documents", 201);
        crate::api::assert_matches_schema(&openapi, &schema, &document, name);
        let id = document["id"].as_i64().unwrap();
        // Anyone reads a body's documents.
        let response = app.get(&format!("/api/v1/documents/{id}")).await;
        assert_eq!(response.status(), StatusCode::OK, "{name}");
        let headers = response.headers().clone();
        assert_eq!(headers["content-type"], content_type);
        assert_eq!(headers["x-content-type-options"], "nosniff");
        let disposition = headers["content-disposition"].to_str().unwrap().to_owned();
        let expected = if inline { "inline; " } else { "attachment; " };
        assert!(disposition.starts_with(expected), "{name}: {disposition}");
        assert!(disposition.contains("filename="), "{disposition}");
        assert_eq!(response.bytes().await.unwrap().as_ref(), bytes.as_slice(), "{name} comes back whole");
    }
    assert_eq!(audited_documents(&app).await, 6, "every upload is audited");
    let (_, page) = app.get_text(&format!("/kk/bodies/{body}")).await;
    assert!(page.contains("Құжат 0") && page.contains("/api/v1/documents/"), "the body page lists them");
    // A non-ASCII name is kept for the download, encoded.
    let jpeg_id = app.count("documents").await;
    let response = app.get(&format!("/api/v1/documents/{jpeg_id}")).await;
    let disposition = response.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert!(disposition.contains("filename*=UTF-8''%D0%A4%D0%BE%D1%82%D0%BE.jpg"), "{disposition}");
    assert_eq!(app.get("/api/v1/documents/999999").await.status(), StatusCode::NOT_FOUND);
}

async fn a_pdf_name_on_html_is_refused_and_leaves_nothing(app: TestApp) {
    let body = regional(&app).await;
    let secretariat = app.secretariat_of(body).await;
    let html = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".to_vec();
    for (lang, message) in [
        ("kk", "Мұндай файл қабылданбайды"),
        ("ru", "Такой файл не принимается"),
        ("en", "This kind of file is not accepted"),
    ] {
        let form = Form::new()
            .text("item_kind", "body")
            .text("item_id", body.to_string())
            .text("title", "Есеп")
            .text("lang", "kk")
            .part("file", Part::bytes(html.clone()).file_name("report.pdf").mime_str("application/pdf").unwrap());
        let (status, error) = post_upload(&secretariat, &format!("/api/v1/documents?lang={lang}"), form).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
        assert_eq!(error["error"]["fields"][0]["key"], "field-file-type");
        assert!(error["error"]["fields"][0]["message"].as_str().unwrap().contains(message), "{lang}: {error}");
    }
    // Neither is a ZIP that is neither ODT nor DOCX, nor a file without a type at all.
    for bytes in [zip(&[("readme.txt", "hello")]), b"just text".to_vec()] {
        let form = upload_form("body", body, "Есеп", "kk", "a.docx", bytes);
        let (status, _) = post_upload(&secretariat, "/api/v1/documents", form).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    // An unknown kind of item and missing fields are refused, each named.
    let form = upload_form("planet", body, "", "xx", "a.pdf", pdf("x"));
    let (status, error) = post_upload(&secretariat, "/api/v1/documents", form).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> =
        error["error"]["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    for field in ["item_kind", "title", "lang"] {
        assert!(fields.contains(&field), "{field} in {error}");
    }
    assert_eq!(app.count("documents").await, 0);
    assert_eq!(audited_documents(&app).await, 0);
    assert_eq!(stored_files(app.data_dir()), Vec::<PathBuf>::new(), "nothing left behind");
}

async fn too_large_uploads_are_refused_and_leave_nothing(app: TestApp) {
    let body = regional(&app).await;
    let secretariat = app.secretariat_of(body).await;
    // One byte over the limit, within the margin for the envelope: refused while it streams.
    let mut bytes = pdf("big");
    bytes.resize(1024 * 1024 + 1, b' ');
    let form = upload_form("body", body, "Үлкен", "kk", "big.pdf", bytes);
    let (status, error) = post_upload(&secretariat, "/api/v1/documents?lang=en", form).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    assert_eq!(error["error"]["fields"][0]["key"], "field-file-too-large");
    assert!(error["error"]["fields"][0]["message"].as_str().unwrap().contains("1 MB"), "{error}");
    // Far over the limit: refused by its declared length before it is read (the server may close the connection
    // while the client still sends).
    let mut bytes = pdf("huge");
    bytes.resize(3 * 1024 * 1024, b' ');
    let form = upload_form("body", body, "Өте үлкен", "kk", "huge.pdf", bytes);
    match secretariat.client.post(format!("{}/api/v1/documents", secretariat.base)).multipart(form).send().await {
        Ok(response) => assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE),
        Err(e) => eprintln!("the server closed the connection of a too large upload: {e}"),
    }
    // The same size is refused to a form that is no upload: other bodies keep their own limit.
    let (status, _) = secretariat
        .send_json(reqwest::Method::POST, "/api/v1/associations", &serde_json::json!({"name_kk": "x".repeat(300_000)}))
        .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(app.count("documents").await, 0);
    assert_eq!(stored_files(app.data_dir()), Vec::<PathBuf>::new(), "nothing left behind");
}

/// The session cookie of a fresh login, for raw requests.
async fn session_cookie(app: &TestApp, email: &str) -> String {
    let response = TestApp::client()
        .post(app.url("/en/login"))
        .form(&[("email", email), ("password", "correct horse battery"), ("next", "/en/")])
        .send()
        .await
        .unwrap();
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("birlik_session="))
        .and_then(|v| v.split(';').next())
        .expect("a session cookie")
        .to_owned()
}

async fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    for _ in 0..100 {
        if done() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting until {what}");
}

async fn a_cut_off_upload_leaves_nothing(app: TestApp) {
    let body = regional(&app).await;
    app.user("sec@example.kz", &[Role::Secretariat { body_id: body }]).await;
    let cookie = session_cookie(&app, "sec@example.kz").await;
    let boundary = "birlikboundary";
    let mut head = String::new();
    for (name, value) in [
        ("item_kind", "body".to_owned()),
        ("item_id", body.to_string()),
        ("title", "Үзік".into()),
        ("lang", "kk".into()),
    ] {
        head.push_str(&format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"));
    }
    head.push_str(&format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.pdf\"\r\n\
         Content-Type: application/pdf\r\n\r\n"
    ));
    let mut sent = head.into_bytes();
    sent.extend_from_slice(&pdf("cut"));
    sent.resize(sent.len() + 200_000, b' ');
    let request = format!(
        "POST /api/v1/documents HTTP/1.1\r\nHost: {}\r\nCookie: {cookie}\r\n\
         Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: 900000\r\n\r\n",
        app.address
    );
    let mut stream = tokio::net::TcpStream::connect(app.address).await.unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    stream.write_all(&sent).await.unwrap();
    stream.flush().await.unwrap();
    // The file is being received into a temporary file…
    let dir = app.data_dir().to_owned();
    wait_until("the upload is being received", || !stored_files(&dir).is_empty()).await;
    // …when the connection drops in the middle of the body.
    drop(stream);
    wait_until("the temporary file is gone", || stored_files(&dir).is_empty()).await;
    assert_eq!(app.count("documents").await, 0);
    assert_eq!(audited_documents(&app).await, 0);
}

async fn the_same_content_is_stored_once(app: TestApp) {
    let body = regional(&app).await;
    let secretariat = app.secretariat_of(body).await;
    let mut ids = Vec::new();
    for (title, name) in [("Бірінші", "a.pdf"), ("Екінші", "b.pdf")] {
        let (status, document) =
            post_upload(&secretariat, "/api/v1/documents", upload_form("body", body, title, "kk", name, pdf("same")))
                .await;
        assert_eq!(status, StatusCode::CREATED, "{document}");
        ids.push((document["id"].as_i64().unwrap(), document["sha256"].as_str().unwrap().to_owned()));
    }
    assert_ne!(ids[0].0, ids[1].0, "two documents");
    assert_eq!(ids[0].1, ids[1].1, "one content");
    let files = stored_files(app.data_dir());
    assert_eq!(files.len(), 1, "stored once: {files:?}");
    let sha = &ids[0].1;
    assert!(files[0].ends_with(format!("files/{}/{sha}", &sha[..2])), "content-addressed: {files:?}");
    for (id, _) in &ids {
        let response = app.get(&format!("/api/v1/documents/{id}")).await;
        assert_eq!(response.bytes().await.unwrap().as_ref(), pdf("same").as_slice());
    }
}

async fn a_stranger_cannot_attach_to_another_body(app: TestApp) {
    let own = regional(&app).await;
    let other = national(&app).await;
    let stranger = app.secretariat_of(own).await;
    let (status, _) =
        post_upload(&stranger, "/api/v1/documents", upload_form("body", other, "Бөтен", "kk", "x.pdf", pdf("x"))).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a regional secretariat does not attach to the national body");
    // Fields after the file are checked after it: still refused, still nothing left.
    let late = Form::new()
        .part("file", Part::bytes(pdf("late")).file_name("late.pdf"))
        .text("item_kind", "body")
        .text("item_id", other.to_string())
        .text("title", "Кеш")
        .text("lang", "kk");
    let (status, _) = post_upload(&stranger, "/api/v1/documents", late).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // The page form answers the same.
    let (status, _) =
        post_upload(&stranger, "/kk/documents", upload_form("body", other, "Бөтен", "kk", "x.pdf", pdf("x"))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Anonymous uploads are refused before anything is read.
    let anonymous = TestApp::client()
        .post(app.url("/api/v1/documents"))
        .multipart(upload_form("body", own, "Аноним", "kk", "x.pdf", pdf("x")))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    // A body that does not exist is a refused field.
    let (status, error) =
        post_upload(&stranger, "/api/v1/documents", upload_form("body", 999_999, "Жоқ", "kk", "x.pdf", pdf("x"))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error["error"]["fields"][0]["field"], "item_id");
    // The upload form is offered only where one may attach.
    let (_, page) = stranger.get_text(&format!("/en/bodies/{other}")).await;
    assert!(!page.contains("document-upload"), "no form on another body's page");
    let (_, page) = stranger.get_text(&format!("/en/bodies/{own}")).await;
    assert!(page.contains("id=\"document-upload\"") && page.contains("enctype=\"multipart/form-data\""));
    let (_, page) = app.get_text(&format!("/en/bodies/{own}")).await;
    assert!(!page.contains("document-upload"), "no form for anonymous readers");
    assert_eq!(app.count("documents").await, 0);
    assert_eq!(stored_files(app.data_dir()), Vec::<PathBuf>::new());
}

async fn versions_are_listed_once_in_the_readers_language_first(app: TestApp) {
    let body = regional(&app).await;
    let secretariat = app.secretariat_of(body).await;
    let (status, original) =
        post_upload(&secretariat, "/api/v1/documents", upload_form("body", body, "Шешім", "kk", "kk.pdf", pdf("kk")))
            .await;
    assert_eq!(status, StatusCode::CREATED);
    let root = original["id"].as_i64().unwrap();
    let version = |title: &str, lang: &str, of: i64| {
        upload_form("body", body, title, lang, "v.pdf", pdf(lang)).text("version_of", of.to_string())
    };
    let (status, ru) = post_upload(&secretariat, "/api/v1/documents", version("Решение", "ru", root)).await;
    assert_eq!(status, StatusCode::CREATED, "{ru}");
    assert_eq!(ru["version_of"], root);
    // A version of a version joins the original.
    let ru_id = ru["id"].as_i64().unwrap();
    let (status, en) = post_upload(&secretariat, "/api/v1/documents", version("Decision", "en", ru_id)).await;
    assert_eq!(status, StatusCode::CREATED, "{en}");
    assert_eq!(en["version_of"], root);
    // One version per language.
    let (status, error) = post_upload(&secretariat, "/api/v1/documents", version("Тағы", "kk", root)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    assert_eq!(error["error"]["fields"][0]["key"], "field-version-exists");
    // A version of another body's document is refused.
    let other = national(&app).await;
    let admin = app.admin().await;
    let form = upload_form("body", other, "Бөтен", "ru", "x.pdf", pdf("other")).text("version_of", root.to_string());
    let (status, error) = post_upload(&admin, "/api/v1/documents", form).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error["error"]["fields"][0]["key"], "field-unknown-document");
    // The page lists the document once, titled and led by the reader's language.
    for (lang, title, first) in
        [("ru", "Решение", "Русский"), ("en", "Decision", "English"), ("kk", "Шешім", "Қазақша")]
    {
        let (_, page) = app.get_text(&format!("/{lang}/bodies/{body}")).await;
        let item = page.split(&format!("id=\"document-{root}\"")).nth(1).expect("the document is listed");
        let item = item.split("</li>").next().unwrap();
        assert!(item.contains(title), "{lang}: {item}");
        let versions: Vec<&str> =
            item.split("class=\"document-version\">").skip(1).map(|s| s.split('<').next().unwrap()).collect();
        assert_eq!(versions.len(), 3, "{lang}: {item}");
        assert!(versions[0].starts_with(first), "{lang}: {versions:?}");
        assert_eq!(page.matches("id=\"document-").count(), 1, "listed once");
    }
}

async fn the_page_form_attaches_without_javascript(app: TestApp) {
    let body = regional(&app).await;
    let secretariat = app.secretariat_of(body).await;
    let response = secretariat
        .client
        .post(format!("{}/ru/documents", secretariat.base))
        .multipart(upload_form("body", body, "Протокол", "ru", "protocol.pdf", pdf("form")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with(&format!("/ru/bodies/{body}#document-")), "{location}");
    let (_, page) = app.get_text(&format!("/ru/bodies/{body}")).await;
    assert!(page.contains("Протокол") && page.contains("КБ"), "listed with its size");
    // A refused form is a page in the reader's language.
    let response = secretariat
        .client
        .post(format!("{}/kk/documents", secretariat.base))
        .multipart(upload_form("body", body, "Бет", "kk", "page.pdf", b"<html></html>".to_vec()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().await.unwrap().contains("Мұндай файл қабылданбайды"));
}

async fn consultation_documents_follow_the_consultation(app: TestApp) {
    let id = birlik::consultations::demo::load(&app.state.platform.db).await.unwrap().expect("a demo consultation");
    let c = birlik::consultations::store::consultation(&app.state.platform.db, id).await.unwrap().unwrap();
    let secretariat = app.secretariat_of(c.body_id).await;
    let form = upload_form("consultation", id, "Анықтама", "kk", "a.pdf", pdf("c"));
    let (status, document) = post_upload(&secretariat, "/api/v1/documents", form).await;
    assert_eq!(status, StatusCode::CREATED, "{document}");
    let response = app.get(&format!("/api/v1/documents/{}", document["id"])).await;
    assert_eq!(response.status(), StatusCode::OK, "readers of the consultation read its documents");
    let outsider = app.secretariat_of(app.body_id("regional_assembly", Some("KZ-75")).await).await;
    let form = upload_form("consultation", id, "Бөтен", "ru", "b.pdf", pdf("d"));
    let (status, _) = post_upload(&outsider, "/api/v1/documents", form).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "another body's secretariat does not attach");
    let form = upload_form("consultation", 999_999, "Жоқ", "ru", "b.pdf", pdf("d"));
    let (status, _) = post_upload(&secretariat, "/api/v1/documents", form).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "no such consultation");
}

async fn archived_documents_are_kept_but_neither_listed_nor_served(app: TestApp) {
    let body = regional(&app).await;
    let secretariat = app.secretariat_of(body).await;
    let (_, original) =
        post_upload(&secretariat, "/api/v1/documents", upload_form("body", body, "Ескі", "kk", "old.pdf", pdf("old")))
            .await;
    let root = original["id"].as_i64().unwrap();
    let form =
        upload_form("body", body, "Старый", "ru", "old-ru.pdf", pdf("old-ru")).text("version_of", root.to_string());
    let (status, version) = post_upload(&secretariat, "/api/v1/documents", form).await;
    assert_eq!(status, StatusCode::CREATED);
    // A stranger may not archive it, nor may an anonymous reader.
    let outsider = app.secretariat_of(app.body_id("regional_assembly", Some("KZ-11")).await).await;
    let (status, _) =
        outsider.send_json(reqwest::Method::POST, &format!("/api/v1/documents/{root}/archive"), &Value::Null).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let anonymous = TestApp::client().post(app.url(&format!("/api/v1/documents/{root}/archive"))).send().await.unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    // The page's button archives the original with its versions.
    let (_, page) = secretariat.get_text(&format!("/kk/bodies/{body}")).await;
    assert!(page.contains(&format!("/kk/documents/{root}/archive")), "an archive button for who may attach");
    let response = secretariat.post_form(&format!("/kk/documents/{root}/archive"), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    for id in [root, version["id"].as_i64().unwrap()] {
        assert_eq!(app.get(&format!("/api/v1/documents/{id}")).await.status(), StatusCode::NOT_FOUND);
    }
    let (_, page) = app.get_text(&format!("/kk/bodies/{body}")).await;
    assert!(!page.contains("Ескі"), "no longer listed");
    // Archiving again changes nothing; the rows and files stay, and the archive is audited.
    let (status, _) =
        secretariat.send_json(reqwest::Method::POST, &format!("/api/v1/documents/{root}/archive"), &Value::Null).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(app.count("documents").await, 2);
    assert_eq!(stored_files(app.data_dir()).len(), 2);
    assert_eq!(audited_documents(&app).await, 4, "two uploads, two archives");
    // An archived document takes no versions any more.
    let form = upload_form("body", body, "Кеш", "en", "late.pdf", pdf("late")).text("version_of", root.to_string());
    let (status, _) = post_upload(&secretariat, "/api/v1/documents", form).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) =
        post_upload(&secretariat, "/api/v1/documents", upload_form("body", body, "Жаңа", "kk", "new.pdf", pdf("new")))
            .await;
    assert_eq!(status, StatusCode::CREATED);
    // Nothing is ever deleted.
    let deleted = birlik::with_write!(&app.state.platform.db, pool => sqlx::query("DELETE FROM documents").execute(pool).await.map(|_| ()));
    assert!(deleted.is_err(), "the database refuses to delete documents");
}
