//! The secretariat's forms: errors beside the field in the reader's language, edits, archiving, the audit trail.

use birlik::platform::identity::Role;
use reqwest::StatusCode;

use crate::support::TestApp;

#[tokio::test]
async fn refused_form_shows_each_error_beside_its_field_in_the_readers_language() {
    let app = TestApp::sqlite().await;
    let assembly = app.body_id("regional_assembly", Some("KZ-75")).await;
    let secretariat = app.secretariat_of(assembly).await;
    let before = app.snapshot().await;
    let form = [
        ("level", "regional"),
        ("region_code", "KZ-75"),
        ("name_kk", ""),
        ("name_ru", "Объединение"),
        ("name_en", "x"),
        ("founded_year", "abc"),
        ("groups", "koreans"),
    ];
    let mut messages = Vec::new();
    for lang in ["kk", "ru", "en"] {
        let response = secretariat.post_form(&format!("/{lang}/associations"), &form).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = response.text().await.unwrap();
        assert!(html.contains(&format!("<html lang=\"{lang}\">")));
        for field in ["name_kk", "name_en", "founded_year"] {
            let at = html.find(&format!("id=\"e-{field}\"")).unwrap_or_else(|| panic!("{field} error shown in {lang}"));
            assert!(html[..at].rfind(&format!("name=\"{field}\"")).is_some(), "the error follows its field");
        }
        assert!(html.contains("value=\"Объединение\""), "what was typed is kept");
        let at = html.find("id=\"e-name_kk\">").unwrap() + "id=\"e-name_kk\">".len();
        let end = at + html[at..].find("</p>").unwrap();
        messages.push(html[at..end].to_owned());
    }
    assert_ne!(messages[0], messages[1], "Kazakh and Russian messages differ");
    assert_ne!(messages[1], messages[2], "Russian and English messages differ");
    assert_eq!(app.snapshot().await, before, "nothing was stored");
}

#[tokio::test]
async fn secretariat_creates_edits_and_archives_through_forms() {
    let app = TestApp::sqlite().await;
    let assembly = app.body_id("regional_assembly", Some("KZ-75")).await;
    app.user("almaty@example.kz", &[Role::Secretariat { body_id: assembly }]).await;
    let secretariat = app.login_as("almaty@example.kz").await;

    let r = secretariat
        .post_form(
            "/kk/associations",
            &[
                ("level", "regional"),
                ("region_code", "KZ-75"),
                ("name_kk", "Грек мәдени орталығы"),
                ("name_ru", "Греческий культурный центр"),
                ("name_en", "Greek cultural centre"),
                ("founded_year", "1996"),
                ("website", "https://example.org/greek"),
                ("groups", "greeks"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let path = r.headers()["location"].to_str().unwrap().to_owned();
    let id = path.rsplit('/').next().unwrap().to_owned();
    let (_, page) = secretariat.get_text(&path).await;
    assert!(page.contains("Грек мәдени орталығы") && page.contains("/kk/ethnic-groups/greeks"));

    let (status, edit) = secretariat.get_text(&format!("/kk/associations/{id}/edit")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(edit.contains("value=\"Greek cultural centre\""), "the edit form is filled in");
    let r = secretariat
        .post_form(
            &format!("/kk/associations/{id}/edit"),
            &[
                ("level", "regional"),
                ("region_code", "KZ-75"),
                ("name_kk", "Грек мәдени орталығы"),
                ("name_ru", "Греческий культурный центр"),
                ("name_en", "Hellenic cultural centre"),
                ("founded_year", "1996"),
                ("groups", "greeks"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, json) = app.get_json(&format!("/api/v1/associations/{id}")).await;
    assert_eq!(json["name_en"], "Hellenic cultural centre");
    assert!(json["website"].is_null(), "an emptied field is cleared");

    // Moving it to another region is beyond this secretariat: refused, unchanged.
    let r = secretariat
        .post_form(
            &format!("/kk/associations/{id}/edit"),
            &[
                ("level", "regional"),
                ("region_code", "KZ-11"),
                ("name_kk", "Грек"),
                ("name_ru", "Греки"),
                ("name_en", "Greeks"),
                ("groups", "greeks"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.get_json(&format!("/api/v1/associations/{id}")).await.1["region_code"], "KZ-75");

    let r = secretariat.post_form(&format!("/kk/associations/{id}/archive"), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, json) = app.get_json(&format!("/api/v1/associations/{id}")).await;
    assert!(json["archived_at"].is_string(), "archived, not deleted");
    let (_, directory) = app.get_text("/en/associations?region=KZ-75&per_page=200").await;
    assert!(!directory.contains("Hellenic cultural centre"));

    // A district council and a member under the assembly, then the member archived.
    let r = secretariat
        .post_form(
            "/ru/bodies",
            &[
                ("parent_id", &assembly.to_string()),
                ("kind", "public_consent_council"),
                ("region_code", "KZ-75"),
                ("name_kk", "Жаңа аудан кеңесі"),
                ("name_ru", "Совет нового района"),
                ("name_en", "New district council"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let council = r.headers()["location"].to_str().unwrap().rsplit('/').next().unwrap().to_owned();
    let r = secretariat
        .post_form(
            &format!("/ru/bodies/{council}/members/new"),
            &[
                ("person_name", "Ержан Болатұлы Сейітов"),
                ("position", "chair"),
                ("term_start", "2024-03-01"),
                ("term_end", "2028-03-01"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, members) = app.get_json(&format!("/api/v1/members?body={council}")).await;
    let membership = members["items"][0]["id"].as_i64().unwrap();
    let r = secretariat.post_form(&format!("/ru/memberships/{membership}/archive"), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, members) = app.get_json(&format!("/api/v1/members?body={council}")).await;
    assert_eq!(members["total"], 0);

    let entries = birlik::platform::audit::list(
        &app.state.platform.db,
        &birlik::platform::audit::Filter { actor: Some("almaty@example.kz".into()), ..Default::default() },
    )
    .await
    .unwrap();
    let actions: Vec<(String, String)> = entries.iter().map(|e| (e.entity.clone(), e.action.clone())).collect();
    for expected in [
        ("association", "create"),
        ("association", "update"),
        ("association", "archive"),
        ("body", "create"),
        ("person", "create"),
        ("membership", "create"),
        ("membership", "archive"),
    ] {
        assert!(actions.contains(&(expected.0.to_owned(), expected.1.to_owned())), "audit has {expected:?}");
    }
}
