//! The public pages in three languages, language negotiation, ordering, pagination, search.

use reqwest::StatusCode;

use crate::support::TestApp;

#[tokio::test]
async fn every_public_page_renders_in_each_language() {
    let app = TestApp::sqlite().await;
    let association = app.get_json("/api/v1/associations?per_page=1").await.1["items"][0]["id"].as_i64().unwrap();
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let person = app.get_json("/api/v1/members?per_page=1").await.1["items"][0]["person_id"].as_i64().unwrap();
    let pages = [
        "/".to_owned(),
        "/regions".into(),
        "/regions/KZ-75".into(),
        "/ethnic-groups".into(),
        "/ethnic-groups?sort=population".into(),
        "/ethnic-groups/koreans".into(),
        "/associations".into(),
        "/associations?region=KZ-75&level=regional&page=1".into(),
        format!("/associations/{association}"),
        "/bodies".into(),
        format!("/bodies/{body}"),
        format!("/persons/{person}"),
        "/search?q=Astana".into(),
        "/open-data".into(),
        "/login".into(),
        "/register".into(),
        "/password/reset".into(),
    ];
    for lang in ["kk", "ru", "en"] {
        for page in &pages {
            let (status, html) = app.get_text(&format!("/{lang}{page}")).await;
            assert_eq!(status, StatusCode::OK, "/{lang}{page}");
            assert!(html.contains(&format!("<html lang=\"{lang}\">")), "/{lang}{page} declares its language");
            assert!(!html.contains("Unknown localization"), "/{lang}{page} has every message");
        }
    }
    let (_, kk) = app.get_text("/kk/regions").await;
    assert!(kk.contains("Алматы облысы"));
    let (_, en) = app.get_text("/en/regions").await;
    assert!(en.contains("Almaty Region"));
}

#[tokio::test]
async fn root_redirects_by_cookie_then_accept_language_then_kazakh() {
    let app = TestApp::sqlite().await;
    let fresh = TestApp::client();
    let location = |r: &reqwest::Response| r.headers()["location"].to_str().unwrap().to_owned();
    let r = fresh.get(app.url("/")).send().await.unwrap();
    assert_eq!(location(&r), "/kk/");
    let r = fresh.get(app.url("/")).header("accept-language", "ru-RU,ru;q=0.9,en;q=0.5").send().await.unwrap();
    assert_eq!(location(&r), "/ru/");
    // Visiting a page in English remembers the choice over the browser's Russian.
    fresh.get(app.url("/en/regions")).send().await.unwrap();
    let r = fresh.get(app.url("/")).header("accept-language", "ru").send().await.unwrap();
    assert_eq!(location(&r), "/en/");
}

#[tokio::test]
async fn language_switch_keeps_the_reader_on_the_same_page() {
    let app = TestApp::sqlite().await;
    let (_, html) = app.get_text("/kk/associations?region=KZ-75&page=1").await;
    // `&` is escaped in attributes (as &#38; or &amp;): compare the parts around it.
    for lang in ["ru", "en"] {
        let start =
            html.find(&format!("href=\"/{lang}/associations?region=KZ-75&")).expect("switch keeps path and query");
        assert!(html[start..start + 60].contains("page=1\""), "switch to {lang} keeps the page");
    }
}

#[tokio::test]
async fn ethnic_groups_sort_in_the_readers_alphabet_or_by_population() {
    let app = TestApp::sqlite().await;
    let (_, kk) = app.get_text("/kk/ethnic-groups").await;
    let position = |html: &str, s: &str| html.find(s).unwrap_or_else(|| panic!("{s} listed"));
    // Kazakh order: А Ә Б … Қ … О Ө …; the Kazakh letters sit after their base letters, not at the end.
    assert!(position(&kk, "орыстар") < position(&kk, "өзбектер"));
    assert!(position(&kk, "қазақтар") < position(&kk, "орыстар"));
    assert!(position(&kk, "әзірбайжандар") < position(&kk, "белорустар"));
    let (_, ru) = app.get_text("/ru/ethnic-groups").await;
    assert!(position(&ru, "азербайджанцы") < position(&ru, "белорусы"));
    assert!(position(&ru, "узбеки") < position(&ru, "уйгуры"));
    assert!(position(&ru, "уйгуры") < position(&ru, "украинцы"));
    let (_, by_population) = app.get_text("/en/ethnic-groups?sort=population").await;
    assert!(position(&by_population, "Kazakhs") < position(&by_population, "Russians"));
    assert!(position(&by_population, "Russians") < position(&by_population, "Uzbeks"));
    assert!(position(&by_population, "Uzbeks") < position(&by_population, "Ukrainians"));
}

#[tokio::test]
async fn associations_directory_filters_and_paginates() {
    let app = TestApp::sqlite().await;
    let (_, all) = app.get_json("/api/v1/associations?per_page=10").await;
    let total = all["total"].as_i64().unwrap();
    assert!(total >= 60);
    let (_, html) = app.get_text("/en/associations").await;
    assert!(html.contains("rel=\"next\""), "the first page links to the next");
    let (_, last) = app.get_text(&format!("/en/associations?page={}", (total + 24) / 25)).await;
    assert!(!last.contains("rel=\"next\""), "the last page does not");
    let (_, almaty) = app.get_json("/api/v1/associations?region=KZ-75&per_page=200").await;
    let items = almaty["items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(items.iter().all(|a| a["region_code"] == "KZ-75"));
    let (_, koreans) = app.get_json("/api/v1/associations?group=koreans&per_page=200").await;
    let koreans = koreans["items"].as_array().unwrap();
    assert!(!koreans.is_empty());
    assert!(koreans.iter().all(|a| a["groups"].as_array().unwrap().contains(&"koreans".into())));
    let (_, republican) = app.get_json("/api/v1/associations?level=republican&per_page=200").await;
    let republican = republican["items"].as_array().unwrap();
    assert!(!republican.is_empty());
    assert!(republican.iter().all(|a| a["region_code"].is_null()));
}

#[tokio::test]
async fn region_page_shows_its_assembly_councils_associations_groups_and_members() {
    let app = TestApp::sqlite().await;
    let (status, html) = app.get_text("/en/regions/KZ-75").await;
    assert_eq!(status, StatusCode::OK);
    for section in ["Assembly", "Public Consent Council", "Council of Mothers"] {
        assert!(html.contains(section), "region page mentions {section}");
    }
    assert!(html.contains("/en/associations/"), "lists associations");
    assert!(html.contains("/en/ethnic-groups/"), "lists groups represented");
    assert!(html.contains("class=\"members\""), "lists members");
    assert_eq!(app.get("/en/regions/KZ-00").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn search_finds_groups_associations_bodies_and_people_in_every_language() {
    let app = TestApp::sqlite().await;
    for (query, expected) in
        [("корейцев", "association"), ("Koreans", "group"), ("кәрістер", "group"), ("assembly", "body")]
    {
        let (status, hits) = app.get_json(&format!("/api/v1/search?q={query}&lang=en")).await;
        assert_eq!(status, StatusCode::OK);
        let hits = hits.as_array().unwrap();
        assert!(hits.iter().any(|h| h["kind"] == expected), "{query} finds a {expected}: {hits:?}");
    }
    // Russian stemming: an inflected form finds the base form.
    let (_, hits) = app.get_json("/api/v1/search?q=ассамблеи&lang=ru").await;
    assert!(!hits.as_array().unwrap().is_empty());
    let person =
        app.get_json("/api/v1/members?per_page=1").await.1["items"][0]["person_name"].as_str().unwrap().to_owned();
    let surname = person.split_whitespace().next().unwrap().to_owned();
    let (_, hits) = app.get_json(&format!("/api/v1/search?q={surname}")).await;
    let person = hits.as_array().unwrap().iter().find(|h| h["kind"] == "person").expect("a person is found");
    let (status, page) = app.get_text(&format!("/en{}", person["path"].as_str().unwrap())).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(person["name"].as_str().unwrap()), "the person's page names him and lists his seats");
    let (status, html) = app.get_text("/kk/search?q=%22%3Cscript%3E(((").await;
    assert_eq!(status, StatusCode::OK, "any query is a search, never an error");
    assert!(!html.contains("<script>("));
}

#[tokio::test]
async fn demo_content_covers_every_region() {
    let app = TestApp::sqlite().await;
    assert!(app.count("associations").await >= 60);
    assert!(app.count("persons").await >= 300);
    let (_, regions) = app.get_json("/api/v1/regions").await;
    assert_eq!(regions.as_array().unwrap().len(), 20);
    for region in regions.as_array().unwrap() {
        let code = region["code"].as_str().unwrap();
        let (_, list) = app.get_json(&format!("/api/v1/associations?region={code}")).await;
        assert!(list["total"].as_i64().unwrap() >= 1, "{code} has associations");
    }
    for kind in [
        "national_session",
        "council",
        "ethnomediation_council",
        "scientific_expert_council",
        "mothers_council",
        "public_consent_council",
    ] {
        app.body_id(kind, None).await;
    }
}

#[tokio::test]
async fn health_and_metrics() {
    let app = TestApp::sqlite().await;
    let (status, health) = app.get_json("/healthz").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(health["database"], "sqlite");
    app.get("/en/regions").await;
    let (status, metrics) = app.get_text("/metrics").await;
    assert_eq!(status, StatusCode::OK);
    assert!(metrics.contains("http_requests_total"));
}

#[tokio::test]
async fn made_up_methods_and_paths_add_no_metric_series() {
    let app = TestApp::sqlite().await;
    for i in 0..40 {
        let method = reqwest::Method::from_bytes(format!("BOGUS{i}").as_bytes()).unwrap();
        app.client.request(method, app.url(&format!("/no/such/path/{i}"))).send().await.unwrap();
    }
    let (_, metrics) = app.get_text("/metrics").await;
    assert!(!metrics.contains("BOGUS"), "a made-up method is no label");
    assert!(!metrics.contains("/no/such/path"), "a raw path is no label");
    assert!(metrics.contains(r#"method="other""#));
}

#[tokio::test]
async fn cached_public_pages_follow_every_write() {
    let app = TestApp::sqlite().await;
    let admin = app.admin().await;
    let (_, before) = app.get_text("/en/associations?region=KZ-79&per_page=200").await;
    let (_, again) = app.get_text("/en/associations?region=KZ-79&per_page=200").await;
    assert_eq!(before, again);
    let (status, _) = admin
        .send_json(
            reqwest::Method::POST,
            "/api/v1/associations",
            &crate::support::association_json(Some("KZ-79"), "Кэш"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, after) = app.get_text("/en/associations?region=KZ-79&per_page=200").await;
    assert!(after.contains("Кэш association"), "a cached page is not served after a write");
    // A logged-in reader never gets the anonymous page: his own header shows.
    let (_, own) = admin.get_text("/en/associations?region=KZ-79&per_page=200").await;
    assert!(own.contains("Test User"));
}

#[tokio::test]
async fn search_finds_kazakh_words_in_any_inflected_form_and_either_script() {
    let app = TestApp::sqlite().await;
    let admin = app.admin().await;
    let mut first = crate::support::association_json(Some("KZ-71"), "X");
    first["name_kk"] = "Ассамблеяның жастар қанаты".into();
    let mut second = crate::support::association_json(Some("KZ-71"), "Y");
    second["name_kk"] = "Халықтар бірлігі орталығы".into();
    for body in [&first, &second] {
        let (status, _) = admin.send_json(reqwest::Method::POST, "/api/v1/associations", body).await;
        assert_eq!(status, StatusCode::CREATED);
    }
    app.state.platform.changes.settled().await.unwrap(); // the search index follows the events
    for (query, expected) in [
        ("ассамблея", "Ассамблеяның"),
        ("assambleia", "Ассамблеяның"),
        ("ASSAMBLEIA", "Ассамблеяның"),
        ("бірлік", "бірлігі"),
        ("birlik", "бірлігі"),
    ] {
        let (_, hits) =
            app.get_json(&format!("/api/v1/search?q={}&lang=kk", birlik::platform::web::url_encode(query))).await;
        assert!(
            hits.as_array().unwrap().iter().any(|h| h["name"].as_str().unwrap().contains(expected)),
            "{query} finds {expected}: {hits}"
        );
    }
}

#[tokio::test]
async fn kazakh_pages_follow_the_readers_choice_of_script() {
    let app = TestApp::sqlite().await;
    let r = app.get("/kk/script/latn?back=/kk/regions").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/kk/regions");
    let (_, latin) = app.get_text("/kk/regions").await;
    assert!(latin.contains("<html lang=\"kk-Latn\">"));
    assert!(latin.contains(&kazakh::to_latin("Абай облысы")), "content in Latin");
    let title = birlik::platform::i18n::Lang::Kk.t("regions-title");
    assert!(latin.contains(&kazakh::to_latin(&title)) && !latin.contains(&title), "interface in Latin: {title}");
    assert!(!latin.contains("Абай облысы"));
    assert!(latin.contains(">Русский<"), "the name of Russian stays Russian");
    let (_, russian) = app.get_text("/ru/regions").await;
    assert!(russian.contains("область Абай (Абайская область)"), "Russian pages are not transliterated");
    app.get("/kk/script/cyrl?back=/kk/regions").await;
    let (_, cyrillic) = app.get_text("/kk/regions").await;
    assert!(cyrillic.contains("Абай облысы"));
    assert_eq!(app.get("/kk/script/greek").await.status(), StatusCode::NOT_FOUND);
    let r = app.get("/kk/script/latn?back=https://evil.example/").await;
    assert_eq!(r.headers()["location"], "/kk/");
}

/// Registers `n` associations of `region` representing koreans directly through the store, by `actor`.
async fn add_associations(app: &TestApp, actor: i64, region: &str, n: usize) {
    use birlik::registry::input::{AssociationFields, Refs, check_association};
    let refs = Refs::load(&app.state.platform.db).await.unwrap();
    let inputs: Vec<_> = (0..n)
        .map(|i| {
            let fields = AssociationFields {
                level: "regional".into(),
                region_code: region.into(),
                name_kk: format!("Көп бірлестік {i}"),
                name_ru: format!("Многие объединения {i}"),
                name_en: format!("Many associations {i}"),
                founded_year: "2001".into(),
                website: String::new(),
                groups: vec!["koreans".into()],
            };
            check_association(&fields, &refs).unwrap_or_else(|e| panic!("a valid association: {e:?}"))
        })
        .collect();
    birlik::registry::store::create_associations(&app.state.platform.db, Some(actor), &inputs).await.unwrap();
}

/// `&` in attributes is escaped (as &#38; or &amp;): undo it to compare links.
fn unescape_amp(html: &str) -> String {
    html.replace("&#38;", "&").replace("&amp;", "&")
}

#[tokio::test]
async fn region_and_group_pages_count_every_association_and_link_to_the_rest() {
    let app = TestApp::sqlite().await;
    let admin = app.user("admin@example.kz", &[birlik::platform::identity::Role::Admin]).await;
    // A short list: the heading counts it all and there is no link to more.
    let (_, almaty) = app.get_json("/api/v1/associations?region=KZ-75").await;
    let total = almaty["total"].as_i64().unwrap();
    assert!(total > 0);
    let (_, html) = app.get_text("/en/regions/KZ-75").await;
    let heading = if total == 1 { "1 association".to_owned() } else { format!("{total} associations") };
    assert!(html.contains(&format!("<h2>{heading}</h2>")), "the heading counts {heading}");
    assert!(!html.contains("id=\"see-all-associations\""), "a whole list needs no link to the rest");

    // A list longer than a page shows: the heading counts every association, a link leads to the directory.
    add_associations(&app, admin, "KZ-11", 230).await;
    let (_, akmola) = app.get_json("/api/v1/associations?region=KZ-11").await;
    let total = akmola["total"].as_i64().unwrap();
    assert!(total > 230);
    let (status, html) = app.get_text("/en/regions/KZ-11").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("<h2>{total} associations</h2>")), "the region's heading counts {total}");
    assert!(
        html.contains("id=\"see-all-associations\" href=\"/en/associations?region=KZ-11\""),
        "the region's cut list links to the filtered directory"
    );
    assert!(html.contains("See all associations"));
    let (_, koreans) = app.get_json("/api/v1/associations?group=koreans").await;
    let total = koreans["total"].as_i64().unwrap();
    assert!(total > 230);
    for lang in ["kk", "ru", "en"] {
        let (status, html) = app.get_text(&format!("/{lang}/ethnic-groups/koreans")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            html.contains(&format!("id=\"see-all-associations\" href=\"/{lang}/associations?group=koreans\"")),
            "the group's cut list links to the filtered directory in {lang}"
        );
        assert!(!html.contains("Unknown localization"), "/{lang}/ethnic-groups/koreans has every message");
    }
    let (_, html) = app.get_text("/en/ethnic-groups/koreans").await;
    assert!(html.contains(&format!("<h2>{total} associations</h2>")), "the group's heading counts {total}");
    // A group without a verified census figure says so and where the figure is published, not "unknown".
    let (_, html) = app.get_text("/ru/ethnic-groups/chechens").await;
    assert!(html.contains("id=\"census-not-shipped\"") && html.contains("stat.gov.kz"));
    let (_, list) = app.get_text("/en/ethnic-groups").await;
    assert!(list.contains("no verified figure") && !list.contains(">unknown<"));
}

#[tokio::test]
async fn audit_pages_link_to_the_previous_and_next_page_keeping_the_filters() {
    let app = TestApp::sqlite().await;
    let admin_id = app.user("admin@example.kz", &[birlik::platform::identity::Role::Admin]).await;
    add_associations(&app, admin_id, "KZ-11", 120).await;
    let admin = app.login_as("admin@example.kz").await;
    let filters = "entity=association&actor=admin%40example.kz";
    let (status, first) = admin.get_text(&format!("/en/admin/audit?{filters}")).await;
    assert_eq!(status, StatusCode::OK);
    let first = unescape_amp(&first);
    assert!(first.contains(&format!("rel=\"next\" href=\"/en/admin/audit?page=2&{filters}\"")), "{first}");
    assert!(!first.contains("rel=\"prev\""), "the first page has no previous page");
    let (_, second) = admin.get_text(&format!("/en/admin/audit?page=2&{filters}")).await;
    let second = unescape_amp(&second);
    assert!(second.contains(&format!("rel=\"prev\" href=\"/en/admin/audit?page=1&{filters}\"")));
    assert!(second.contains(&format!("rel=\"next\" href=\"/en/admin/audit?page=3&{filters}\"")));
    // 120 entries: the third page holds 20, and is the last.
    let (_, third) = admin.get_text(&format!("/en/admin/audit?page=3&{filters}")).await;
    let third = unescape_amp(&third);
    assert!(third.contains(&format!("rel=\"prev\" href=\"/en/admin/audit?page=2&{filters}\"")));
    assert!(!third.contains("rel=\"next\""), "a page that is not full is the last");
    // Values are percent-encoded; empty filters are left out.
    let (_, odd) = admin.get_text("/en/admin/audit?entity=association&actor=&action=a%26b%3Dc&page=2").await;
    let odd = unescape_amp(&odd);
    assert!(odd.contains("rel=\"prev\" href=\"/en/admin/audit?page=1&entity=association&action=a%26b%3Dc\""), "{odd}");
}

#[tokio::test]
async fn only_secretariats_who_may_register_associations_are_offered_the_form() {
    use birlik::platform::identity::Role;
    let app = TestApp::sqlite().await;
    let district = app.body_id("public_consent_council", Some("KZ-75")).await;
    let assembly = app.body_id("regional_assembly", Some("KZ-75")).await;
    app.user("district@example.kz", &[Role::Secretariat { body_id: district }]).await;
    app.user("almaty@example.kz", &[Role::Secretariat { body_id: assembly }]).await;
    let (_, html) = app.login_as("district@example.kz").await.get_text("/en/associations").await;
    assert!(html.contains("Test User"), "the page is the logged-in reader's");
    assert!(!html.contains("id=\"new-association\""), "a public consent council's secretariat registers none");
    let (_, html) = app.login_as("almaty@example.kz").await.get_text("/en/associations").await;
    assert!(html.contains("id=\"new-association\""), "a regional assembly's secretariat registers its region's");
    let (_, html) = app.get_text("/en/associations").await;
    assert!(!html.contains("id=\"new-association\""), "an anonymous reader is not offered the form");
}
