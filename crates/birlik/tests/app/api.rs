//! The JSON API: the OpenAPI document (a snapshot), real responses checked against it, errors with stable keys.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{TestApp, association_json};

/// Validates `instance` against `schema`, resolving `$ref`s inside the OpenAPI document.
pub fn assert_matches_schema(document: &Value, schema: &Value, instance: &Value, what: &str) {
    let mut root = document.clone();
    root["allOf"] = json!([schema]);
    root["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    let validator = jsonschema::draft202012::new(&root).expect("the OpenAPI schemas are valid JSON Schema");
    let errors: Vec<String> =
        validator.iter_errors(instance).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{what} does not match its schema: {errors:?}");
}

/// The schema of the response `status` of `method path` in the document.
pub fn response_schema(document: &Value, method: &str, path: &str, status: u16) -> Value {
    let schema =
        &document["paths"][path][method]["responses"][status.to_string()]["content"]["application/json"]["schema"];
    assert!(!schema.is_null(), "{method} {path} documents a {status} JSON response");
    schema.clone()
}

#[tokio::test]
async fn openapi_document_matches_its_snapshot() {
    let app = TestApp::sqlite().await;
    let (status, document) = app.get_json("/api/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(document["openapi"].as_str().unwrap().starts_with("3.1"));
    let pretty = serde_json::to_string_pretty(&document).unwrap() + "\n";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/openapi.json");
    if std::env::var("BIRLIK_UPDATE_SNAPSHOTS").is_ok() {
        std::fs::write(path, &pretty).unwrap();
    }
    let recorded = std::fs::read_to_string(path).expect("no recorded snapshot: run with BIRLIK_UPDATE_SNAPSHOTS=1");
    assert_eq!(pretty, recorded, "the API changed: review it, then run with BIRLIK_UPDATE_SNAPSHOTS=1");
    for path in [
        "/api/v1/regions",
        "/api/v1/regions/{code}",
        "/api/v1/ethnic-groups",
        "/api/v1/ethnic-groups/{slug}",
        "/api/v1/associations",
        "/api/v1/associations/{id}",
        "/api/v1/bodies",
        "/api/v1/bodies/{id}",
        "/api/v1/members",
        "/api/v1/members/{id}",
    ] {
        assert!(document["paths"][path]["get"].is_object(), "{path} is documented");
    }
}

#[tokio::test]
async fn real_responses_match_the_openapi_document() {
    let app = TestApp::sqlite().await;
    let (_, document) = app.get_json("/api/v1/openapi.json").await;
    let association = app.get_json("/api/v1/associations?per_page=1").await.1["items"][0]["id"].as_i64().unwrap();
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let member = app.get_json("/api/v1/members?per_page=1").await.1["items"][0]["id"].as_i64().unwrap();
    let db = &app.state.platform.db;
    let proposal = birlik::proposals::demo::load(db).await.unwrap().expect("demo proposals");
    birlik::recommendations::demo::load(db, Some(proposal), app.state.platform.jobs.now_ms()).await.unwrap();
    let recommendation = app.get_json("/api/v1/recommendations").await.1["items"][0]["id"].as_i64().unwrap();
    let addressee = app.get_json("/api/v1/addressees").await.1["items"][0]["id"].as_i64().unwrap();
    let cases = [
        ("/api/v1/regions", "/api/v1/regions".to_owned()),
        ("/api/v1/regions/{code}", "/api/v1/regions/KZ-75".to_owned()),
        ("/api/v1/ethnic-groups", "/api/v1/ethnic-groups".to_owned()),
        ("/api/v1/ethnic-groups/{slug}", "/api/v1/ethnic-groups/kazakhs".to_owned()),
        ("/api/v1/associations", "/api/v1/associations?region=KZ-75&per_page=5".to_owned()),
        ("/api/v1/associations/{id}", format!("/api/v1/associations/{association}")),
        ("/api/v1/bodies", "/api/v1/bodies".to_owned()),
        ("/api/v1/bodies/{id}", format!("/api/v1/bodies/{body}")),
        ("/api/v1/members", format!("/api/v1/members?body={body}")),
        ("/api/v1/members/{id}", format!("/api/v1/members/{member}")),
        ("/api/v1/search", "/api/v1/search?q=Almaty".to_owned()),
        ("/api/v1/proposals", "/api/v1/proposals".to_owned()),
        ("/api/v1/proposals/{id}", format!("/api/v1/proposals/{proposal}")),
        ("/api/v1/proposals/categories", "/api/v1/proposals/categories".to_owned()),
        ("/api/v1/recommendations", "/api/v1/recommendations?overdue=true".to_owned()),
        ("/api/v1/recommendations/{id}", format!("/api/v1/recommendations/{recommendation}")),
        ("/api/v1/addressees", "/api/v1/addressees".to_owned()),
        ("/api/v1/addressees/{id}", format!("/api/v1/addressees/{addressee}")),
        ("/api/v1/scorecard", "/api/v1/scorecard".to_owned()),
    ];
    for (template, url) in cases {
        let (status, value) = app.get_json(&url).await;
        assert_eq!(status, StatusCode::OK, "{url}");
        assert_matches_schema(&document, &response_schema(&document, "get", template, 200), &value, &url);
    }
    let (status, value) = app.get_json("/api/v1/associations/999999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_matches_schema(
        &document,
        &response_schema(&document, "get", "/api/v1/associations/{id}", 404),
        &value,
        "404",
    );

    let admin = app.admin().await;
    let (status, created) =
        admin.send_json(Method::POST, "/api/v1/associations", &association_json(Some("KZ-75"), "Схема")).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_matches_schema(
        &document,
        &response_schema(&document, "post", "/api/v1/associations", 201),
        &created,
        "created",
    );
    let (status, refused) = admin
        .send_json(
            Method::POST,
            "/api/v1/associations",
            &json!({
                "level": "regional", "region_code": "KZ-99", "name_kk": "", "name_ru": "x", "name_en": "ok name",
                "founded_year": 1700, "website": "javascript:alert(1)", "groups": ["nobody"]
            }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_matches_schema(&document, &response_schema(&document, "post", "/api/v1/associations", 422), &refused, "422");
    let fields: Vec<&str> =
        refused["error"]["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    for field in ["region_code", "name_kk", "name_ru", "founded_year", "website", "groups"] {
        assert!(fields.contains(&field), "{field} is reported: {fields:?}");
    }
}

#[tokio::test]
async fn errors_have_stable_keys_and_localized_messages() {
    let app = TestApp::sqlite().await;
    let (status, en) = app.get_json("/api/v1/bodies/424242?lang=en").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(en["error"]["key"], "error-not-found");
    let (_, ru) = app.get_json("/api/v1/bodies/424242?lang=ru").await;
    let (_, kk) = app.get_json("/api/v1/bodies/424242").await;
    assert_eq!(ru["error"]["key"], "error-not-found");
    assert_ne!(en["error"]["message"], ru["error"]["message"]);
    assert_ne!(ru["error"]["message"], kk["error"]["message"]);
    // A path parameter of the wrong type is a bad request, in JSON.
    let (status, body) = app.get_json("/api/v1/bodies/not-a-number").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["key"], "error-bad-request");
    // Writing without a session.
    let (status, body) = app.send_json(Method::POST, "/api/v1/associations", &association_json(None, "X")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["error"]["key"], "error-login-required");
}

#[tokio::test]
async fn wrong_types_and_oversized_bodies_are_refused_and_change_nothing() {
    let app = TestApp::sqlite().await;
    let admin = app.admin().await;
    let before = app.snapshot().await;
    let mut wrong = association_json(Some("KZ-75"), "Типы");
    for (field, value) in [
        ("founded_year", json!("nineteen")),
        ("founded_year", json!(1e300)),
        ("founded_year", json!(99999999999999999999u128 as f64)),
        ("groups", json!("koreans")),
        ("name_kk", json!(42)),
        ("level", json!(null)),
        ("unexpected", json!(true)),
    ] {
        wrong[field] = value;
        let (status, body) = admin.send_json(Method::POST, "/api/v1/associations", &wrong).await;
        assert!(status == StatusCode::BAD_REQUEST || status == StatusCode::UNPROCESSABLE_ENTITY, "{field}: {status}");
        assert!(body["error"]["key"].is_string(), "{field} gives a keyed error");
        wrong = association_json(Some("KZ-75"), "Типы");
    }
    let huge = "қ".repeat(300_000);
    let (status, body) = admin.send_json(Method::POST, "/api/v1/associations", &json!({ "name_kk": huge })).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body["error"]["key"], "error-too-large");
    let response = admin
        .client
        .post(format!("{}/en/associations", admin.base))
        .form(&[("name_kk", huge.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(response.text().await.unwrap().contains("lang=\"en\""), "a page says it in the reader's language");
    let response = admin
        .client
        .post(format!("{}/api/v1/associations", admin.base))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(app.snapshot().await, before);
}

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let app = TestApp::sqlite().await;
    let admin = app.admin().await;
    let before = app.snapshot().await;
    let response = admin
        .client
        .post(format!("{}/en/associations", admin.base))
        .header("origin", "https://evil.example")
        .header("sec-fetch-site", "cross-site")
        .form(&[
            ("level", "republican"),
            ("name_kk", "Жалған"),
            ("name_ru", "Ложное"),
            ("name_en", "Forged"),
            ("groups", "koreans"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(response.text().await.unwrap().contains("lang=\"en\""));
    let (status, body) = {
        let r = admin
            .client
            .post(format!("{}/api/v1/associations", admin.base))
            .header("origin", "https://evil.example")
            .json(&association_json(None, "Forged"))
            .send()
            .await
            .unwrap();
        (r.status(), r.json::<Value>().await.unwrap())
    };
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["error"]["key"], "error-csrf");
    assert_eq!(app.snapshot().await, before);
}

/// A login posted with these `Origin` and `Host` headers (`None`: the client's own): 401 means it passed the
/// origin checks and reached the handler, 403 that they refused it.
async fn post_login(app: &TestApp, origin: &str, host: Option<&str>) -> StatusCode {
    let mut request = app
        .client
        .post(app.url("/en/login"))
        .header("origin", origin)
        .form(&[("email", "nobody@example.kz"), ("password", "wrong password")]);
    if let Some(host) = host {
        request = request.header("host", host);
    }
    request.send().await.unwrap().status()
}

#[tokio::test]
async fn the_origin_of_a_post_must_have_the_servers_scheme() {
    let app = TestApp::sqlite().await;
    let host = app.address.to_string();
    assert_eq!(post_login(&app, &format!("http://{host}"), None).await, StatusCode::UNAUTHORIZED);
    assert_eq!(post_login(&app, &format!("https://{host}"), None).await, StatusCode::FORBIDDEN, "http server");
    let secure = TestApp::builder().demo(false).settings(|s| s.secure_cookies = true).start().await;
    let host = secure.address.to_string();
    assert_eq!(post_login(&secure, &format!("https://{host}"), None).await, StatusCode::UNAUTHORIZED);
    assert_eq!(post_login(&secure, &format!("http://{host}"), None).await, StatusCode::FORBIDDEN, "https server");
}

#[tokio::test]
async fn with_a_public_url_the_origin_is_compared_with_it_not_with_the_host() {
    let app =
        TestApp::builder().demo(false).settings(|s| s.public_url = Some("https://birlik.example".into())).start().await;
    let forged = post_login(&app, "https://evil.example", Some("evil.example")).await;
    assert_eq!(forged, StatusCode::FORBIDDEN, "a forged Host matching the Origin is not enough");
    let own = post_login(&app, &format!("http://{}", app.address), None).await;
    assert_eq!(own, StatusCode::FORBIDDEN, "the address the server listens on is not its public origin");
    assert_eq!(post_login(&app, "https://birlik.example", Some("internal:8080")).await, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn referrer_policy_always_and_hsts_behind_https() {
    let app = TestApp::start(crate::support::Backend::Sqlite, false).await;
    let response = app.get("/en/").await;
    assert_eq!(response.headers()["referrer-policy"], "strict-origin-when-cross-origin");
    assert!(response.headers().get("strict-transport-security").is_none(), "no HSTS over plain http");
    let secure = TestApp::builder().demo(false).settings(|s| s.secure_cookies = true).start().await;
    let response = secure.get("/en/").await;
    assert_eq!(response.headers()["referrer-policy"], "strict-origin-when-cross-origin");
    assert_eq!(response.headers()["strict-transport-security"], "max-age=31536000");
}

#[tokio::test]
async fn bodies_list_filters_and_paginates() {
    let app = TestApp::sqlite().await;
    let (_, councils) = app.get_json("/api/v1/bodies?region=KZ-75&kind=public_consent_council").await;
    let items = councils["items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(items.iter().all(|b| b["region_code"] == "KZ-75" && b["kind"] == "public_consent_council"));
    let (_, national) = app.get_json("/api/v1/bodies?region=national").await;
    let national = national["items"].as_array().unwrap();
    assert!(!national.is_empty());
    assert!(national.iter().all(|b| b["region_code"].is_null()));
    let session = app.body_id("national_session", None).await;
    let (_, children) = app.get_json(&format!("/api/v1/bodies?parent={session}&per_page=500")).await;
    assert!(children["items"].as_array().unwrap().iter().all(|b| b["parent_id"] == session));
    assert!(children["total"].as_i64().unwrap() >= 21, "the Council and 20 regional assemblies");
    let (_, first) = app.get_json("/api/v1/bodies?per_page=10").await;
    let (_, second) = app.get_json("/api/v1/bodies?per_page=10&page=2").await;
    assert_eq!(first["items"].as_array().unwrap().len(), 10);
    assert_ne!(first["items"][0]["id"], second["items"][0]["id"]);
    assert_eq!(first["total"], second["total"]);
    let (status, _) = app.get_json("/api/v1/bodies?parent=abc").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_document_says_what_the_server_answers() {
    let app = TestApp::sqlite().await;
    let (_, document) = app.get_json("/api/v1/openapi.json").await;
    // Every operation that reads parameters or a body may answer 400, and says so.
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let reads = operation["parameters"].as_array().is_some_and(|p| !p.is_empty())
                || operation.get("requestBody").is_some();
            if reads {
                assert!(operation["responses"]["400"].is_object(), "{method} {path} does not document its 400");
            }
        }
    }
    // 1.0 is an integer to JSON Schema, and to the API.
    let admin = app.admin().await;
    let mut association = association_json(Some("KZ-75"), "Бүтін сан");
    association["founded_year"] = json!(1999.0);
    let (status, body) = admin.send_json(Method::POST, "/api/v1/associations", &association).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["founded_year"], 1999);
    association["founded_year"] = json!(1999.5);
    let (status, _) = admin.send_json(Method::POST, "/api/v1/associations", &association).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "a fraction is no year");
    // What the schema allows of a draft's shape, the server takes: its limits are in the document.
    let draft = &document["components"]["schemas"]["AssociationDraft"]["properties"];
    assert_eq!(draft["name_kk"]["maxLength"], 200);
    assert_eq!(draft["groups"]["minItems"], 1);
}
