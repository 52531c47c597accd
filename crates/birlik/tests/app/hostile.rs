//! A corpus of hostile strings through every text field: each is refused with a clear error and changes nothing,
//! or is stored exactly as typed and always shown escaped.

use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::support::{TestApp, association_json};

const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'; DROP TABLE associations; --",
    "Robert'); DELETE FROM users WHERE ('1'='1",
    "{{7*7}} ${7*7} <%= 7*7 %>",
    "x\" autofocus onfocus=\"alert(1)",
    "O'Brien' onmouseover='alert(1)",
    "&lt;b&gt;bold&lt;/b&gt; &amp;",
    "a\u{0}b",
    "line\nbreak",
    "tab\tinside",
    "\u{202e}evil\u{202c}",
    "zero\u{200b}width",
    "\u{feff}bom",
    "ﷺ𒐫\u{1F600}",
    "../../etc/passwd",
    "%00%27%22",
    "99999999999999999999999999999",
    "-1",
    " ",
    "x",
    "Ab\u{61c}cd",
    "Ab\u{2060}cd",
    "Ab\u{ad}cd",
    "Ab\u{e0041}cd",
    "\u{3164}\u{3164}",
    "Ab\u{180e}cd",
    "Ab\u{2028}cd",
];

/// No hostile string reaches a page as markup: not as an element, not as an attribute breaking out of its quotes.
fn assert_escaped(html: &str, field: &str, hostile: &str) {
    for raw in ["<script>alert", "<img src=x", "\" autofocus onfocus=\"", "' onmouseover='", "&lt;b&gt;bold"] {
        assert!(!html.contains(raw), "{field}={hostile:?} appears raw ({raw})");
    }
}

/// A response to hostile input is either a clear refusal (and nothing changed) or a success that stored it.
fn refused(status: StatusCode) -> bool {
    matches!(status, StatusCode::UNPROCESSABLE_ENTITY | StatusCode::BAD_REQUEST)
}

#[tokio::test]
async fn hostile_strings_in_every_association_field_via_form_and_api() {
    let app = TestApp::sqlite().await;
    let admin = app.admin().await;
    let fields = ["level", "region_code", "name_kk", "name_ru", "name_en", "founded_year", "website", "groups"];
    for field in fields {
        for hostile in HOSTILE {
            let before = app.snapshot().await;
            let mut form: Vec<(&str, String)> = vec![
                ("level", "regional".into()),
                ("region_code", "KZ-75".into()),
                ("name_kk", "Сынақ бірлестігі".into()),
                ("name_ru", "Тестовое объединение".into()),
                ("name_en", "Test association".into()),
                ("founded_year", "2001".into()),
                ("website", String::new()),
                ("groups", "koreans".into()),
            ];
            form.iter_mut().find(|(k, _)| *k == field).unwrap().1 = hostile.to_string();
            let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let response = admin.post_form("/kk/associations", &pairs).await;
            let status = response.status();
            let location = response.headers().get("location").map(|l| l.to_str().unwrap().to_owned());
            let html = response.text().await.unwrap();
            assert_escaped(&html, field, hostile);
            if refused(status) {
                assert_eq!(app.snapshot().await, before, "refused {field}={hostile:?} changed nothing");
                assert!(html.contains("field-error"), "{field}={hostile:?} is explained beside the field");
            } else {
                assert_eq!(status, StatusCode::SEE_OTHER, "{field}={hostile:?}");
                let id = location.unwrap().rsplit('/').next().unwrap().to_owned();
                let (found, stored) = app.get_json(&format!("/api/v1/associations/{id}")).await;
                assert_eq!(found, StatusCode::OK, "{field}={hostile:?} is stored");
                if let Some(text) = stored[field].as_str() {
                    assert_eq!(text, hostile.trim(), "{field} is stored as typed");
                }
                let (_, page) = app.get_text(&format!("/kk/associations/{id}")).await;
                assert_escaped(&page, field, hostile);
                let (_, edit) = admin.get_text(&format!("/kk/associations/{id}/edit")).await;
                assert_escaped(&edit, field, hostile);
            }
            let mut json = association_json(Some("KZ-75"), "Сынақ");
            json[field] = Value::String(hostile.to_string());
            let (status, body) = admin.send_json(Method::POST, "/api/v1/associations", &json).await;
            if status == StatusCode::CREATED {
                let stored = &body[field];
                if stored.is_string() {
                    assert_eq!(stored.as_str().unwrap(), hostile.trim(), "{field} is stored as typed");
                }
            } else {
                assert!(refused(status), "{field}={hostile:?} via API: {status}");
                assert!(body["error"]["key"].is_string());
            }
        }
    }
    // Whatever was stored shows escaped on every page that lists it.
    let (_, html) = app.get_text("/en/associations?region=KZ-75&per_page=200").await;
    assert!(!html.contains("<script>alert"));
}

#[tokio::test]
async fn hostile_strings_in_body_membership_account_and_search_fields() {
    // Many registrations from one address: lift the limit that would otherwise stop them.
    let app = TestApp::builder().settings(|s| s.registrations = 10_000).start().await;
    let admin = app.admin().await;
    let assembly = app.body_id("regional_assembly", Some("KZ-75")).await;
    for hostile in HOSTILE {
        for field in ["parent_id", "kind", "region_code", "name_kk", "name_ru", "name_en"] {
            let before = app.snapshot().await;
            let parent = assembly.to_string();
            let mut form = vec![
                ("parent_id", parent.as_str()),
                ("kind", "public_consent_council"),
                ("region_code", "KZ-75"),
                ("name_kk", "Аудандық кеңес"),
                ("name_ru", "Районный совет"),
                ("name_en", "District council"),
            ];
            form.iter_mut().find(|(k, _)| *k == field).unwrap().1 = hostile;
            let response = admin.post_form("/ru/bodies", &form).await;
            check(&app, response, before, field, hostile).await;
        }
        for field in ["person_name", "position", "association_id", "term_start", "term_end"] {
            let before = app.snapshot().await;
            let mut form = vec![
                ("person_name", "Сынақ Адам"),
                ("position", "member"),
                ("association_id", ""),
                ("term_start", "2024-01-01"),
                ("term_end", ""),
            ];
            form.iter_mut().find(|(k, _)| *k == field).unwrap().1 = hostile;
            let response = admin.post_form(&format!("/en/bodies/{assembly}/members/new"), &form).await;
            check(&app, response, before, field, hostile).await;
        }
        for field in ["email", "display_name", "password"] {
            let before = app.snapshot().await;
            let mut form = vec![
                ("email", "new.person@example.kz"),
                ("display_name", "New Person"),
                ("password", "long enough secret"),
            ];
            form.iter_mut().find(|(k, _)| *k == field).unwrap().1 = hostile;
            let response = TestApp::client().post(app.url("/kk/register")).form(&form).send().await.unwrap();
            let status = response.status();
            let html = response.text().await.unwrap();
            assert_escaped(&html, field, hostile);
            if status == StatusCode::SEE_OTHER {
                // Registered (a hostile but harmless display name): later rounds find the address taken.
                continue;
            }
            assert!(refused(status), "register {field}={hostile:?}: {status}");
            assert_eq!(app.snapshot().await, before);
        }
        // The reset form answers the same page or refuses the address, escaped, and changes nothing.
        let before = app.snapshot().await;
        let response =
            TestApp::client().post(app.url("/kk/password/reset")).form(&[("email", hostile)]).send().await.unwrap();
        let status = response.status();
        assert!(status == StatusCode::OK || refused(status), "reset email={hostile:?}: {status}");
        assert_escaped(&response.text().await.unwrap(), "email", hostile);
        assert_eq!(app.snapshot().await, before);
        let (status, html) =
            app.get_text(&format!("/en/search?q={}", birlik::platform::web::url_encode(hostile))).await;
        assert_eq!(status, StatusCode::OK);
        assert_escaped(&html, "q", hostile);
    }
}

async fn check(app: &TestApp, response: reqwest::Response, before: Vec<i64>, field: &str, hostile: &str) {
    let status = response.status();
    let html = response.text().await.unwrap();
    assert_escaped(&html, field, hostile);
    if refused(status) {
        assert_eq!(app.snapshot().await, before, "refused {field}={hostile:?} changed nothing");
    } else {
        assert_eq!(status, StatusCode::SEE_OTHER, "{field}={hostile:?}: {status}");
    }
}

crate::on_both_backends!(hidden_characters_are_refused_in_every_kind_of_name, a_form_that_is_not_utf8_is_refused);

/// Characters that show nothing, or show something other than what is stored: a format character (Arabic letter
/// mark, word joiner, soft hyphen, a tag), a blank-looking filler, the Mongolian vowel separator, a line
/// separator. A name made only of fillers is refused too.
const HIDDEN: &[&str] = &[
    "Сынақ\u{61c} Адам",
    "Сынақ\u{2060} Адам",
    "Сы\u{ad}нақ Адам",
    "Сынақ\u{e0041} Адам",
    "Сынақ\u{3164}Адам",
    "Сынақ\u{180e} Адам",
    "Сынақ\u{2028}Адам",
    "\u{3164}\u{3164}",
    "\u{2800}\u{2800}\u{2800}",
    "\u{301}\u{301}\u{301}",
];

async fn hidden_characters_are_refused_in_every_kind_of_name(app: TestApp) {
    let admin = app.admin().await;
    let assembly = app.body_id("regional_assembly", Some("KZ-75")).await;
    for hidden in HIDDEN {
        let before = app.snapshot().await;
        let registration = TestApp::client()
            .post(app.url("/en/register"))
            .form(&[("email", "hidden@example.kz"), ("display_name", hidden), ("password", "long enough secret")])
            .send()
            .await
            .unwrap();
        assert_refused_beside_the_field(registration, "display_name", hidden).await;
        let association = admin
            .post_form(
                "/en/associations",
                &[
                    ("level", "regional"),
                    ("region_code", "KZ-75"),
                    ("name_kk", hidden),
                    ("name_ru", "Тестовое объединение"),
                    ("name_en", "Test association"),
                    ("founded_year", "2001"),
                    ("website", ""),
                    ("groups", "koreans"),
                ],
            )
            .await;
        assert_refused_beside_the_field(association, "name_kk", hidden).await;
        let mut json = association_json(Some("KZ-75"), "Сынақ");
        json["name_en"] = Value::String((*hidden).to_owned());
        let (status, body) = admin.send_json(Method::POST, "/api/v1/associations", &json).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "name_en={hidden:?} via the API");
        assert_eq!(body["error"]["fields"][0]["field"], "name_en");
        let member = admin
            .post_form(
                &format!("/en/bodies/{assembly}/members/new"),
                &[("person_name", hidden), ("position", "member"), ("term_start", "2024-01-01")],
            )
            .await;
        assert_refused_beside_the_field(member, "person_name", hidden).await;
        assert_eq!(app.snapshot().await, before, "{hidden:?} changed nothing");
    }
}

async fn assert_refused_beside_the_field(response: reqwest::Response, field: &str, hidden: &str) {
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}={hidden:?} is refused");
    let html = response.text().await.unwrap();
    assert!(
        html.contains("characters that are not allowed") || html.contains("Contains nothing visible"),
        "{field}={hidden:?} is explained"
    );
}

/// Bytes that are not UTF-8 are refused, not stored as U+FFFD.
async fn a_form_that_is_not_utf8_is_refused(app: TestApp) {
    let before = app.snapshot().await;
    let response = TestApp::client()
        .post(app.url("/ru/register"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("email=bytes%40example.kz&display_name=%FF%FE&password=long+enough+secret")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let html = response.text().await.unwrap();
    assert!(html.contains("некорректный UTF-8"), "the refusal says why, in Russian: {html}");
    assert_eq!(app.snapshot().await, before);
}

/// The secretariat's meeting forms and the minutes' narrative: every hostile string is refused beside its field
/// (nothing stored) or stored and shown escaped on the pages that show it.
#[tokio::test]
async fn hostile_strings_in_the_meeting_forms_and_minutes() {
    let app = TestApp::sqlite().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let sec = app.secretariat_of(body).await;
    let body_s = body.to_string();
    let (status, meeting) = sec
        .send_json(
            Method::POST,
            "/api/v1/meetings",
            &serde_json::json!({ "body_id": body, "kind": "meeting", "title": { "kk": "Отырыс" },
                "starts_at": "2026-05-01T10:00", "ends_at": "2026-05-01T12:00" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{meeting}");
    let id = meeting["id"].as_i64().unwrap();
    // (form path, table it writes, its fields with valid values, the fields to make hostile, the page that shows it)
    let meeting_fields = vec![
        ("body_id", body_s.clone()),
        ("kind", "session".to_owned()),
        ("title_kk", "Сынақ сессиясы".to_owned()),
        ("description_en", "A test".to_owned()),
        ("starts_at", "2026-05-01T10:00".to_owned()),
        ("ends_at", "2026-05-01T12:00".to_owned()),
        ("place", "Достық үйі".to_owned()),
    ];
    let item_fields = vec![("title_kk", "Мәселе".to_owned()), ("presenter", "Хатшылық".to_owned())];
    let narrative_fields = vec![("narrative_kk", "Төраға сессияны ашты.".to_owned())];
    let forms = [
        ("/kk/meetings".to_owned(), "meetings", meeting_fields, vec!["title_kk", "description_en", "place"], None),
        (format!("/kk/meetings/{id}/agenda"), "agenda_items", item_fields, vec!["title_kk", "presenter"], None),
        (
            format!("/kk/meetings/{id}/minutes/narrative"),
            "audit_log",
            narrative_fields,
            vec!["narrative_kk"],
            Some(format!("/kk/meetings/{id}/minutes/draft")),
        ),
    ];
    for (path, table, valid, hostile_fields, shown) in &forms {
        for field in hostile_fields {
            for hostile in HOSTILE {
                let before = app.count(table).await;
                let mut form = valid.clone();
                form.iter_mut().find(|(k, _)| k == field).unwrap().1 = hostile.to_string();
                let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let response = sec.post_form(path, &pairs).await;
                let status = response.status();
                let location = response.headers().get("location").map(|l| l.to_str().unwrap().to_owned());
                let html = response.text().await.unwrap();
                assert_escaped(&html, field, hostile);
                if refused(status) {
                    assert_eq!(app.count(table).await, before, "refused {field}={hostile:?} changed nothing");
                    continue;
                }
                assert_eq!(status, StatusCode::SEE_OTHER, "{path} {field}={hostile:?}: {status} {html}");
                let page = shown.clone().or(location).unwrap();
                let (status, html) = sec.get_text(&page).await;
                assert_eq!(status, StatusCode::OK);
                assert_escaped(&html, field, hostile);
                let (_, html) = app.get_text(&format!("/kk/meetings/{id}")).await;
                assert_escaped(&html, field, hostile);
            }
        }
    }
}
