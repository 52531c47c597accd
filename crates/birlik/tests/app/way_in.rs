//! The way in for a first-time visitor (issue 11): the home page leads with what people can do now, login and
//! registration bring them back with a welcome, error pages keep the header and say what to do, confirmations
//! show where the person is looking, search finds every kind of thing, and the details of the pages.

use reqwest::StatusCode;

use crate::consultations::{input, open};
use crate::support::TestApp;

crate::on_both_backends!(
    search_finds_every_kind_of_thing_grouped_by_type_and_filtered,
    my_statements_lists_an_accounts_statements_waiting_for_moderation,
    a_refused_moderation_shows_its_errors_beside_its_fields_and_a_moderation_is_confirmed,
    the_home_page_shows_the_coming_meetings_after_the_open_consultations,
);

fn position(html: &str, needle: &str) -> usize {
    html.find(needle).unwrap_or_else(|| panic!("{needle:?} is not on the page"))
}

#[tokio::test]
async fn the_home_page_leads_with_the_open_consultations_then_the_figures() {
    let app = TestApp::sqlite().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let (id, _) = open(&app, &input(body), &["Тілдерді үйрену тегін болсын"]).await;
    let mut closed = input(body);
    closed.question.kk = Some("Жабық сауалнаманың сұрағы".into());
    closed.opens_on = birlik::consultations::model::day_from_today(-30);
    closed.closes_on = birlik::consultations::model::day_from_today(-2);
    open(&app, &closed, &["Бір пікір"]).await;

    let (status, html) = app.get_text("/kk/").await;
    assert_eq!(status, StatusCode::OK);
    let section = position(&html, "id=\"open-consultations\"");
    let link = position(&html, &format!("href=\"/kk/consultations/{id}\""));
    let figures = position(&html, "class=\"figures\"");
    assert!(section < link && link < figures, "the open consultation comes before the Assembly's figures");
    assert!(html.contains("Бірлікті қалай нығайтамыз?"));
    assert!(!html.contains("Жабық сауалнаманың сұрағы"), "a closed consultation is not offered as open");

    // With nothing open, the home page says so and points to the list.
    let app = TestApp::sqlite().await;
    let (_, html) = app.get_text("/en/").await;
    assert!(html.contains("No consultation is open right now."));
    assert!(html.contains("href=\"/en/consultations\""));
}

#[tokio::test]
async fn the_voting_page_shows_the_statement_first_with_three_distinct_choices_and_how_it_works() {
    let app = TestApp::sqlite().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let mut with_description = input(body);
    with_description.description.kk = Some("Ұзын сипаттама ".repeat(40));
    let (id, statements) = open(&app, &with_description, &["Тілдерді үйрену тегін болсын"]).await;
    let (_, html) = app.get_text(&format!("/en/consultations/{id}")).await;
    let how = position(&html, "id=\"how-it-works\"");
    let statement = position(&html, "id=\"statement\"");
    let description = position(&html, "id=\"description\"");
    assert!(how < statement && statement < description, "the statement comes before the long description");
    assert!(html.contains("Vote on the statements one at a time"));
    for (choice, icon) in [("agree", "✓"), ("disagree", "✗"), ("pass", "↷")] {
        let button = &html[position(&html, &format!("id=\"vote-{choice}\""))..];
        let button = &button[..position(button, "</button>")];
        assert!(button.contains(&format!("class=\"choice {choice}\"")), "{choice} has a shape of its own");
        assert!(button.contains(&format!("<span class=\"icon\" aria-hidden=\"true\">{icon}</span>")), "{choice}");
    }

    // Each button that changes an earlier vote names its statement to a screen reader.
    let statement = statements[0].to_string();
    let r = app
        .post_form(&format!("/en/consultations/{id}/votes"), &[("statement", statement.as_str()), ("vote", "agree")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, html) = app.get_text(&format!("/en/consultations/{id}")).await;
    assert!(html.contains(
        "value=\"disagree\">Disagree<span class=\"visually-hidden\" lang=\"kk\">: Тілдерді үйрену тегін болсын</span>"
    ));
}

#[tokio::test]
async fn confirmations_are_shown_in_the_section_of_the_form_that_was_sent() {
    let app = TestApp::sqlite().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let (id, _) = open(&app, &input(body), &["Тілдерді үйрену тегін болсын"]).await;
    let client = TestApp::client();

    // A near-duplicate is a warning, not a success.
    let r = client
        .post(app.url(&format!("/en/consultations/{id}/statements")))
        .form(&[("text", "Тілдерді үйрену тегін болсын!")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("<div class=\"warning\" id=\"similar\" role=\"alert\">"));

    let r = client
        .post(app.url(&format!("/en/consultations/{id}/statements")))
        .form(&[("text", "Әр ауылда кітапхана ашылсын деп ойлаймын")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.ends_with("#add"), "{to}");
    let html = client.get(app.url(&to)).send().await.unwrap().text().await.unwrap();
    let add = position(&html, "<section id=\"add\">");
    let notice = position(&html, "id=\"notice\"");
    let form = position(&html, &format!("action=\"/en/consultations/{id}/statements\""));
    assert!(add < notice && notice < form, "the confirmation is at the top of the section the anchor shows");
    assert!(html.contains("Your statement is published."));

    let r = client
        .post(app.url(&format!("/en/consultations/{id}/answers")))
        .form(&[("region_code", "KZ-75"), ("ethnic_group", ""), ("language", "kk")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.ends_with("#about"), "{to}");
    let html = client.get(app.url(&to)).send().await.unwrap().text().await.unwrap();
    let about = position(&html, "<section id=\"about\">");
    let notice = position(&html, "id=\"notice\"");
    assert!(about < notice, "the answers' confirmation is in their section");
    assert_eq!(html.matches("id=\"notice\"").count(), 1);

    // The browser's own statements, with what became of each; another browser has none.
    let html = client.get(app.url("/en/my-statements")).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Әр ауылда кітапхана ашылсын деп ойлаймын"));
    assert!(html.contains("Published: others vote on it"));
    let (_, html) = app.get_text("/en/my-statements").await;
    assert!(html.contains("id=\"my-statements-none\""));
}

async fn my_statements_lists_an_accounts_statements_waiting_for_moderation(app: TestApp) {
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let mut moderated = input(body);
    moderated.moderation = birlik::consultations::model::Moderation::Approve;
    let (id, _) = open(&app, &moderated, &["Тілдерді үйрену тегін болсын"]).await;
    let participant = app.participant().await;
    let r = participant
        .post_form(&format!("/ru/consultations/{id}/statements"), &[("text", "Нужно больше кружков для молодёжи")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (status, html) = participant.get_text("/ru/my-statements").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Нужно больше кружков для молодёжи"));
    assert!(html.contains("Ждёт модераторов"));
    assert!(html.contains(&format!("href=\"/ru/consultations/{id}\"")));
}

#[tokio::test]
async fn registration_and_login_return_to_where_the_reader_was_with_a_welcome() {
    let app = TestApp::sqlite().await;
    // Every page's login and registration links say where the reader was.
    let (_, html) = app.get_text("/en/bodies?x=1").await;
    assert!(html.contains("href=\"/en/login?next=/en/bodies%3Fx%3D1\""), "login link carries the page");
    assert!(html.contains("href=\"/en/register?next=/en/bodies%3Fx%3D1\""));
    let (_, html) = app.get_text("/en/register?next=/en/bodies").await;
    assert!(html.contains("name=\"next\" value=\"/en/bodies\""), "the registration form keeps it");

    let r = app
        .post_form(
            "/en/register",
            &[
                ("email", "newcomer@example.kz"),
                ("display_name", "Newcomer"),
                ("password", "a long enough secret"),
                ("next", "/en/bodies"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/en/bodies");
    let (_, html) = app.get_text("/en/bodies").await;
    assert!(html.contains("id=\"flash\""), "the page shows a welcome");
    assert!(html.contains("Welcome! Your account is ready"));
    let (_, html) = app.get_text("/en/bodies").await;
    assert!(!html.contains("id=\"flash\""), "once");

    app.post_form("/en/logout", &[]).await;
    let r = app
        .post_form(
            "/ru/login",
            &[("email", "newcomer@example.kz"), ("password", "a long enough secret"), ("next", "/ru/regions")],
        )
        .await;
    assert_eq!(r.headers()["location"], "/ru/regions");
    let (_, html) = app.get_text("/ru/regions").await;
    assert!(html.contains("С возвращением!"));
}

#[tokio::test]
async fn registration_never_sends_the_newcomer_to_another_site() {
    let app = TestApp::sqlite().await;
    for (n, next) in
        ["https://evil.example/", "//evil.example/", "/\\evil.example", "/\t/evil.example", "javascript:alert(1)", ""]
            .into_iter()
            .enumerate()
    {
        let client = TestApp::client();
        let email = format!("newcomer{n}@example.kz");
        let r = client
            .post(app.url("/kk/register"))
            .form(&[
                ("email", email.as_str()),
                ("display_name", "Newcomer"),
                ("password", "a long enough secret"),
                ("next", next),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(r.headers()["location"], "/kk/account", "{next:?} is not followed");
    }
}

#[tokio::test]
async fn error_pages_keep_the_readers_header_and_say_what_to_do() {
    let app = TestApp::sqlite().await;
    let participant = app.participant().await;
    participant.get_text("/en/").await; // the welcome is shown once, here

    let (status, html) = participant.get_text("/en/no-such-page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("Test User"), "the header still names the reader");
    assert!(html.contains(">Log out<") || html.contains("/en/logout"));
    assert!(html.contains("Page not found"));
    assert!(html.contains("Check the address, or search for what you need"));
    assert!(html.contains("id=\"error-q\""), "a search box to go on");

    let (status, html) = participant.get_text("/ru/admin/jobs").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(html.contains("Test User"));
    assert!(html.contains("Нет доступа"));
    assert!(html.contains("обратитесь в секретариат органа"));

    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let (id, statements) = open(&app, &input(body), &["Тілдерді үйрену тегін болсын"]).await;
    let statement = statements[0].to_string();
    let r = participant
        .post_form(&format!("/kk/consultations/{id}/votes"), &[("statement", statement.as_str()), ("vote", "maybe")])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("Test User"));
    assert!(html.contains("Сұрауда қате бар"), "says in words what happened");
    assert!(html.contains("id=\"error-help\""));

    // A reader who is not logged in is offered the login, coming back to the page.
    let (status, html) = app.get_text("/en/no-such-page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("id=\"login-link\""));
}

async fn search_finds_every_kind_of_thing_grouped_by_type_and_filtered(app: TestApp) {
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let (id, statements) = open(&app, &input(body), &["Мемлекеттік тілді үйрену курстары тегін болуы керек"]).await;
    app.state.platform.search.rebuild_from(&app.state.platform.db).await.unwrap();

    // A region by its name: «Алматы» finds the city's page.
    let (_, hits) = app.get_json("/api/v1/search?q=Алматы&lang=kk").await;
    let hits = hits.as_array().unwrap();
    let city = hits.iter().find(|h| h["url"] == "/kk/regions/KZ-75").expect("the region page is found");
    assert_eq!(city["type"], "region");
    assert_eq!(city["kind"], "region", "the old field stays");
    let (_, html) = app.get_text("/ru/search?q=Алматы").await;
    assert!(html.contains("id=\"results-region\""));
    assert!(html.contains("href=\"/ru/regions/KZ-75\""));

    // A consultation by a word of its question, in another inflected form and in the Latin alphabet.
    let (_, hits) = app.get_json("/api/v1/search?q=birlik&type=consultation&lang=en").await;
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["url"], format!("/en/consultations/{id}"));

    // A statement by an inflected Kazakh word («курстарын» for «курстары»).
    let (_, hits) = app.get_json("/api/v1/search?q=курстарын&type=statement").await;
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["id"], statements[0].to_string());
    assert_eq!(hits[0]["url"], format!("/kk/consultations/{id}"));

    // Groups, bodies, associations and people as before, each under its type.
    for (q, kind) in [("корейцы", "group"), ("ассамблея", "body"), ("корейцев", "association")]
    {
        let (_, hits) = app.get_json(&format!("/api/v1/search?q={q}&type={kind}")).await;
        let hits = hits.as_array().unwrap();
        assert!(!hits.is_empty(), "{q} finds a {kind}");
        assert!(hits.iter().all(|h| h["type"] == kind), "only {kind}: {hits:?}");
    }

    // The type filter on the page: only that group, the choice kept in the form.
    let (_, html) = app.get_text("/en/search?q=Алматы&type=body").await;
    assert!(!html.contains("id=\"results-region\""));
    assert!(html.contains("<option value=\"body\" selected>"));

    // A statement added now is found after the change worker has run on this server.
    let r = TestApp::client()
        .post(app.url(&format!("/kk/consultations/{id}/statements")))
        .form(&[("text", "Ауылдық кітапханаларға жаңа кітаптар керек")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    app.settled().await;
    let (_, hits) = app.get_json("/api/v1/search?q=кітапханалар&type=statement").await;
    assert_eq!(hits.as_array().map(Vec::len), Some(1), "{hits}");

    // Nothing found: the page says what to try.
    let (_, html) = app.get_text("/en/search?q=zzzzqqq").await;
    assert!(html.contains("id=\"search-empty\""));
    assert!(!html.contains("id=\"close-matches\""), "nothing is close to it");
    // A misspelt name: the things spelled closely are offered.
    let (_, html) = app.get_text("/en/search?q=Almatyy").await;
    assert!(html.contains("id=\"search-empty\""));
    let close = &html[position(&html, "id=\"close-matches\"")..];
    assert!(close.contains("href=\"/en/regions/KZ-75\""), "Almaty is offered");
}

#[tokio::test]
async fn pages_details_regions_sorted_by_their_own_name_capital_headings_current_link_and_date_fields() {
    let app = TestApp::sqlite().await;
    let (_, html) = app.get_text("/ru/regions").await;
    let jambyl = position(&html, "Жамбылская область");
    let jetisu = position(&html, "область Жетісу");
    let karaganda = position(&html, "Карагандинская область");
    assert!(jambyl < jetisu && jetisu < karaganda, "«область Жетісу» is filed under «Ж»");
    assert!(html.contains("href=\"/ru/regions\" aria-current=\"page\""), "the menu marks where the reader is");

    let (_, html) = app.get_text("/ru/ethnic-groups/armenians").await;
    assert!(html.contains("<h1>Армяне</h1>"), "a heading starts with a capital letter");
    let (_, html) = app.get_text("/ru/regions/KZ-75").await;
    assert!(html.contains("href=\"/ru/regions\" aria-current=\"true\""));

    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let secretariat = app.secretariat_of(body).await;
    let (_, html) = secretariat.get_text(&format!("/en/consultations/new?body={body}")).await;
    assert!(html.contains("name=\"opens_on\" type=\"date\""));
    // The server checks the date as before, and marks the field.
    let r = secretariat
        .post_form(
            "/en/consultations",
            &[
                ("body_id", body.to_string().as_str()),
                ("question_kk", "Сұрақ"),
                ("opens_on", "2026-02-30"),
                ("closes_on", "2026-04-01"),
                ("moderation", "publish"),
                ("participation", "anyone"),
                ("results", "running"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("type=\"date\" value=\"2026-02-30\" min=\"1900-01-01\" max=\"2999-12-31\" required aria-invalid=\"true\" aria-describedby=\"e-opens_on\""));
    assert!(html.contains("id=\"e-opens_on\""));
}

#[tokio::test]
async fn the_accessibility_statement_is_linked_from_every_page() {
    let app = TestApp::sqlite().await;
    for lang in ["kk", "ru", "en"] {
        let (_, html) = app.get_text(&format!("/{lang}/regions")).await;
        assert!(html.contains(&format!("href=\"/{lang}/accessibility\"")));
        let (status, html) = app.get_text(&format!("/{lang}/accessibility")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("WCAG"), "{lang}");
    }
    let (_, html) = app.get_text("/en/accessibility").await;
    assert!(html.contains("<h1>Accessibility statement</h1>"));
}

#[tokio::test]
async fn wide_tables_scroll_in_a_named_frame_with_a_visible_hint() {
    let app = TestApp::sqlite().await;
    let (_, html) = app.get_text("/en/associations").await;
    let hint = position(&html, "class=\"scroll-hint\"");
    let frame = position(
        &html,
        "class=\"table-wrap wide\" role=\"region\" aria-label=\"Table (scrolls sideways)\" tabindex=\"0\"><table id=\"associations\"",
    );
    assert!(hint < frame);
}

#[tokio::test]
async fn names_in_cyrillic_are_marked_as_kazakh_or_russian_on_english_pages() {
    let app = TestApp::sqlite().await;
    let (_, members) = app.get_json("/api/v1/members?per_page=50").await;
    let member = members["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["person_name"].as_str().unwrap().chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)))
        .expect("a demo member with a Cyrillic name");
    let (id, name) = (member["person_id"].as_i64().unwrap(), member["person_name"].as_str().unwrap());
    let (_, html) = app.get_text(&format!("/en/persons/{id}")).await;
    assert!(
        html.contains(&format!("<h1 lang=\"kk\">{name}</h1>"))
            || html.contains(&format!("<h1 lang=\"ru\">{name}</h1>")),
        "{name} is not English"
    );
    assert!(html.contains(&format!("lang=\"kk\">{name}</a>")) || html.contains(&format!("lang=\"ru\">{name}</a>")));
    let (_, html) = app.get_text(&format!("/kk/persons/{id}")).await;
    assert!(html.contains(&format!("<h1>{name}</h1>")), "Kazakh pages leave names to the reader's script");
}

async fn a_refused_moderation_shows_its_errors_beside_its_fields_and_a_moderation_is_confirmed(app: TestApp) {
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let mut moderated = input(body);
    moderated.moderation = birlik::consultations::model::Moderation::Approve;
    let (id, _) = open(&app, &moderated, &["Тілдерді үйрену тегін болсын"]).await;
    let r = TestApp::client()
        .post(app.url(&format!("/en/consultations/{id}/statements")))
        .form(&[("text", "Жастарға арналған үйірмелер көбейсін")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let pending = birlik::consultations::store::pending(&app.state.platform.db, body).await.unwrap();
    let statement = pending[0].id;
    let moderator = app.secretariat_of(body).await;
    moderator.get_text("/en/").await; // the welcome, shown once
    let queue = format!("/en/bodies/{body}/moderation");
    let path = format!("/en/consultation-statements/{statement}/moderate");

    // The queue says which consultation each statement is in, and when it was added.
    let (_, html) = moderator.get_text(&queue).await;
    let item = &html[position(&html, &format!("id=\"statement-{statement}\""))..];
    assert!(item.contains(&format!("in <a href=\"/en/consultations/{id}/manage\">Бірлікті қалай нығайтамыз?</a>")));
    assert!(item.contains("Added on"));

    // No reason: the form comes back, with the error beside the reason of that statement.
    let r = moderator.post_form(&path, &[("decision", "publish"), ("reason", ""), ("back", queue.as_str())]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("Test User"), "a page of the site, with the reader's header");
    let item = &html[position(&html, &format!("id=\"statement-{statement}\""))..];
    assert!(item.contains(&format!("aria-invalid=\"true\" aria-describedby=\"e-reason-{statement}\"")));
    assert!(item.contains(&format!("<p class=\"field-error\" id=\"e-reason-{statement}\">")));
    assert!(item.contains(&format!("name=\"back\" value=\"{queue}\"")), "once right, it returns to the queue");

    // With a reason: back to the queue, which confirms it at its top.
    let r = moderator
        .post_form(&path, &[("decision", "publish"), ("reason", "Relevant and civil"), ("back", queue.as_str())])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(to, format!("{queue}?done=moderated-publish"));
    let (_, html) = moderator.get_text(&to).await;
    let notice = position(&html, "id=\"notice\"");
    assert!(notice < position(&html, "id=\"queue-empty\""));
    assert!(html.contains("The statement is published."));
}

#[tokio::test]
async fn opening_a_consultation_is_confirmed_on_its_management_page() {
    let app = TestApp::sqlite().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let secretariat = app.secretariat_of(body).await;
    let (opens, closes) =
        (birlik::consultations::model::day_from_today(0), birlik::consultations::model::day_from_today(10));
    let r = secretariat
        .post_form(
            "/en/consultations",
            &[
                ("body_id", body.to_string().as_str()),
                ("question_en", "How do we keep the peace?"),
                ("opens_on", opens.as_str()),
                ("closes_on", closes.as_str()),
                ("moderation", "publish"),
                ("participation", "anyone"),
                ("results", "running"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.ends_with("/manage?done=opened"), "{to}");
    let (_, html) = secretariat.get_text(&to).await;
    assert!(html.contains("The consultation is open: here you moderate its statements"));
}

async fn the_home_page_shows_the_coming_meetings_after_the_open_consultations(app: TestApp) {
    let (_, html) = app.get_text("/en/").await;
    assert!(!html.contains("id=\"coming-meetings\""), "no meeting is coming: no empty section");
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let secretariat = app.secretariat_of(body).await;
    let day = birlik::consultations::model::day_from_today(20);
    let meeting = serde_json::json!({
        "body_id": body, "kind": "session", "number": 14,
        "title": { "kk": "Өңірлік сессия", "en": "Regional session" },
        "starts_at": format!("{day}T10:00"), "ends_at": format!("{day}T13:00"),
        "place": "Достық үйі"
    });
    let (status, created) = secretariat.send_json(reqwest::Method::POST, "/api/v1/meetings", &meeting).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().unwrap();
    let (_, html) = app.get_text("/en/").await;
    let consultations = position(&html, "id=\"open-consultations\"");
    let meetings = position(&html, "id=\"coming-meetings\"");
    let link = position(&html, &format!("href=\"/en/meetings/{id}\""));
    let figures = position(&html, "class=\"figures\"");
    assert!(consultations < meetings && meetings < link && link < figures);
    assert!(html.contains("Regional session"));

    // Search finds it, by its title or its number, once the change worker has run.
    app.settled().await;
    let (_, hits) = app.get_json("/api/v1/search?q=regional%20session&type=meeting&lang=en").await;
    let hits = hits.as_array().unwrap();
    assert!(hits.iter().any(|h| h["url"] == format!("/en/meetings/{id}")), "{hits:?}");
    let (_, hits) = app.get_json("/api/v1/search?q=XIV&type=meeting").await;
    assert_eq!(hits.as_array().map(Vec::len), Some(1), "{hits}");
}
