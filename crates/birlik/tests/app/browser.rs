//! End to end in a real browser: Debian's headless Chromium driven through chromedriver (WebDriver).
//! Outside CI the test is skipped, saying so, when chromedriver is not installed; in CI (CI=true) that fails.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use birlik::platform::identity::Role;
use fantoccini::{Client, ClientBuilder, Locator};

use crate::support::TestApp;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// chromedriver and its port (each session of it is a browser of its own, with its own profile).
struct Driver(Child, u16);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn browser() -> Option<(Driver, Client)> {
    if !std::path::Path::new(CHROMEDRIVER).exists() {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("chromedriver is required in CI (CI=true): install chromium and chromium-driver");
        }
        eprintln!(
            "SKIPPED: {CHROMEDRIVER} is not installed (apt-get install chromium chromium-driver); the browser test is skipped"
        );
        return None;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let driver = Driver(
        Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts"),
        port,
    );
    let client = session(port).await;
    Some((driver, client))
}

/// A new browser session of the driver on `port`: a fresh profile, so no cookie is shared with another.
async fn session(port: u16) -> Client {
    let profile = tempfile::tempdir().unwrap().keep();
    let capabilities = serde_json::json!({
        "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                     format!("--user-data-dir={}", profile.display())]
        }
    });
    let serde_json::Value::Object(capabilities) = capabilities else { unreachable!() };
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    for _ in 0..200 {
        match ClientBuilder::new(connector.clone())
            .capabilities(capabilities.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(client) => return client,
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
    panic!("chromedriver did not accept a session");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_secretariat_finds_its_way_in_a_real_browser() {
    let Some((_driver, browser)) = browser().await else { return };
    let app = TestApp::sqlite().await;
    let assembly = app.body_id("regional_assembly", Some("KZ-75")).await;
    app.user("almaty.secretariat@example.kz", &[Role::Secretariat { body_id: assembly }]).await;

    // The home page in Kazakh, then the same page in Russian.
    browser.goto(&app.url("/kk/")).await.unwrap();
    let lang = browser.find(Locator::Css("html")).await.unwrap().attr("lang").await.unwrap();
    assert_eq!(lang.as_deref(), Some("kk"));
    open_menu(&browser).await;
    browser.find(Locator::Id("lang-ru")).await.unwrap().click().await.unwrap();
    assert!(browser.current_url().await.unwrap().path().starts_with("/ru"));

    // Search for an association from the header box (behind the menu button on a narrow window).
    open_menu(&browser).await;
    let search = browser.find(Locator::Id("site-q")).await.unwrap();
    search.send_keys("корейцев").await.unwrap();
    search.send_keys("\u{E007}").await.unwrap();
    wait_for_text(&browser, "#results", "корейцев").await;

    // Log in as the secretariat and register an association of Almaty.
    open_menu(&browser).await;
    browser.find(Locator::Id("login-link")).await.unwrap().click().await.unwrap();
    browser.find(Locator::Id("email")).await.unwrap().send_keys("almaty.secretariat@example.kz").await.unwrap();
    browser.find(Locator::Id("password")).await.unwrap().send_keys("correct horse battery").await.unwrap();
    browser.find(Locator::Id("login-submit")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#flash", "С возвращением").await;
    open_menu(&browser).await;
    wait_for_text(&browser, ".account", "Test User").await;
    browser.goto(&app.url("/ru/associations")).await.unwrap();
    browser.find(Locator::Id("new-association")).await.unwrap().click().await.unwrap();
    let form = browser.form(Locator::Id("association-form")).await.unwrap();
    form.set_by_name("region_code", "KZ-75").await.unwrap();
    form.set_by_name("name_kk", "Браузер тестінің бірлестігі").await.unwrap();
    form.set_by_name("name_ru", "Объединение браузерного теста").await.unwrap();
    form.set_by_name("name_en", "Browser test association").await.unwrap();
    browser.find(Locator::Css("input[name=groups][value=koreans]")).await.unwrap().click().await.unwrap();
    browser.find(Locator::Id("save")).await.unwrap().click().await.unwrap();
    // The click navigates: wait for the new page rather than reading the old one.
    wait_for_text(&browser, "h1", "Объединение браузерного теста").await;

    // It is in the directory.
    browser.goto(&app.url("/ru/associations?region=KZ-75&per_page=200")).await.unwrap();
    let directory = browser.find(Locator::Id("associations")).await.unwrap().text().await.unwrap();
    assert!(directory.contains("Объединение браузерного теста"));
    browser.close().await.unwrap();
}

/// Opens the header's menu when it is folded behind its button (a narrow window).
async fn open_menu(browser: &Client) {
    let button = browser.find(Locator::Id("menu-button")).await.unwrap();
    let open = browser.find(Locator::Id("menu")).await.unwrap().attr("open").await.unwrap().is_some();
    if button.is_displayed().await.unwrap() && !open {
        button.click().await.unwrap();
    }
}

/// Waits up to ten seconds until the element `css` exists and its text contains `expected`.
async fn wait_for_text(browser: &Client, css: &str, expected: &str) {
    let mut last = String::new();
    for _ in 0..100 {
        if let Ok(element) = browser.find(Locator::Css(css)).await
            && let Ok(text) = element.text().await
        {
            if text.contains(expected) {
                return;
            }
            last = text;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css} never showed {expected:?}; last seen {last:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_participant_votes_adds_a_statement_and_reads_the_results_in_a_real_browser() {
    let Some((_driver, browser)) = browser().await else { return };
    let app = TestApp::sqlite().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let seeds: Vec<String> = (1..=12).map(|i| format!("Бастапқы тұжырым нөмірі {i}")).collect();
    let seeds: Vec<&str> = seeds.iter().map(String::as_str).collect();
    let (id, _) = crate::consultations::open(&app, &crate::consultations::input(body), &seeds).await;

    browser.goto(&app.url(&format!("/en/consultations/{id}"))).await.unwrap();
    wait_for_text(&browser, "#progress", "0 of 12").await;
    for n in 1..=10 {
        let choice = ["vote-agree", "vote-disagree", "vote-pass"][n % 3];
        browser.find(Locator::Id(choice)).await.unwrap().click().await.unwrap();
        // htmx swaps the card in place; without it the page reloads. Either way the progress moves on.
        wait_for_text(&browser, "#progress", &format!("{n} of 12")).await;
    }

    let text = browser.find(Locator::Id("f-text")).await.unwrap();
    text.send_keys("Жастар үшін тіл клубтары әр ауылда ашылсын").await.unwrap();
    browser.find(Locator::Id("add-statement")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#notice", "Your statement is published.").await;
    wait_for_text(&browser, "#progress", "10 of 13").await;

    // The results page shows the analysis once the analyst has settled on the browser's votes.
    app.settled().await;
    browser.find(Locator::Id("results-link")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#computed", "from 10 votes by 1 participant").await;
    browser.find(Locator::Css("#map figure svg")).await.expect("the opinion map is on the page");
    wait_for_text(&browser, "#map-caption", "1 participant placed on the map").await;
    browser.close().await.unwrap();
}

/// Whether the element `id` lies wholly within the first screen (the viewport, not scrolled).
async fn in_first_screen(browser: &Client, id: &str) -> bool {
    let script = "const r = document.getElementById(arguments[0]).getBoundingClientRect(); \
                  return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;";
    browser.execute(script, vec![serde_json::json!(id)]).await.unwrap() == serde_json::json!(true)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_a_newcomer_reaches_the_open_consultation_votes_and_sees_each_confirmation() {
    let Some((_driver, browser)) = browser().await else { return };
    let app = TestApp::sqlite().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let mut input = crate::consultations::input(body);
    input.question.en = Some("How do we strengthen unity in our region, in our towns and in our villages?".into());
    input.description.en = Some("A long description of the consultation. ".repeat(30));
    let seeds = ["Every village needs a house of culture open in the evenings", "Language courses should be free"];
    let (id, _) = crate::consultations::open(&app, &input, &seeds).await;
    browser.set_window_size(390, 844).await.unwrap();
    let width = browser.execute("return window.innerWidth;", vec![]).await.unwrap();
    assert!(width.as_i64().is_some_and(|w| w <= 400), "a phone's width: {width}");

    // The home page offers the open consultation; one tap reaches it.
    browser.goto(&app.url("/en/")).await.unwrap();
    let link = browser.find(Locator::Css("#open-consultations a.now-title")).await.unwrap();
    assert!(link.text().await.unwrap().contains("How do we strengthen unity"));
    link.click().await.unwrap();
    wait_for_text(&browser, "#progress", "0 of 2").await;
    assert_eq!(browser.current_url().await.unwrap().path(), format!("/en/consultations/{id}"));

    // The statement and its three buttons are on the first screen, under a compact header.
    for element in ["statement", "vote-agree", "vote-disagree", "vote-pass", "how-it-works"] {
        assert!(in_first_screen(&browser, element).await, "#{element} is within the first screen");
    }
    assert!(!in_first_screen(&browser, "description").await, "the long description comes after them");
    browser.find(Locator::Id("vote-agree")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#progress", "1 of 2").await;

    // A statement of one's own: the confirmation is where the reader looks after sending it.
    let text = browser.find(Locator::Id("f-text")).await.unwrap();
    text.send_keys("Youth clubs should open in every district of the region").await.unwrap();
    browser.find(Locator::Id("add-statement")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#notice", "Your statement is published.").await;
    assert!(in_first_screen(&browser, "notice").await, "the confirmation is in view");

    // The optional answers: their confirmation too.
    browser.find(Locator::Id("save-answers")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#notice", "saved").await;
    assert!(in_first_screen(&browser, "notice").await, "the answers' confirmation is in view");
    browser.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reader_follows_a_consultation_and_its_news_reaches_the_inbox_in_a_real_browser() {
    let Some((_driver, browser)) = browser().await else { return };
    let app = TestApp::sqlite().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let (id, _) =
        crate::consultations::open(&app, &crate::consultations::input(body), &["Бірінші тұжырым осында"]).await;
    app.user("follower@example.kz", &[Role::Participant]).await;

    // An anonymous reader's follow button leads to the login page, which brings him back.
    browser.goto(&app.url(&format!("/kk/consultations/{id}"))).await.unwrap();
    browser.find(Locator::Id("follow")).await.unwrap().click().await.unwrap();
    browser.find(Locator::Id("email")).await.unwrap().send_keys("follower@example.kz").await.unwrap();
    browser.find(Locator::Id("password")).await.unwrap().send_keys("correct horse battery").await.unwrap();
    browser.find(Locator::Id("login-submit")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "h1", "Бірлікті қалай нығайтамыз?").await;
    browser.find(Locator::Id("follow")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#unfollow", "Бақылап отырсыз").await;

    // A new statement is published: the header counts it, the inbox shows it, opening it reads it.
    let at = birlik::platform::db::now();
    let statement = birlik::consultations::store::NewStatement::seed("Екінші тұжырым осында", &at);
    birlik::consultations::store::add_statement(&app.state.platform.db, id, &statement).await.unwrap();
    app.settled().await;
    browser.refresh().await.unwrap();
    // The header's links are behind the menu button on a narrow window; the button shows the count too.
    wait_for_text(&browser, "#menu-unread", "1").await;
    open_menu(&browser).await;
    wait_for_text(&browser, "#unread-count", "1").await;
    browser.find(Locator::Id("inbox-link")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#inbox", "дауыс беруге жаңа тұжырым ашылды").await;
    browser.find(Locator::Css("#inbox li a")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "h1", "Бірлікті қалай нығайтамыз?").await;
    assert!(browser.find(Locator::Id("unread-count")).await.is_err(), "read once opened");
    browser.close().await.unwrap();
}

/// Logs the browser in as `email` (after logging out whoever was in).
async fn log_in(browser: &Client, app: &TestApp, email: &str) {
    browser.delete_all_cookies().await.unwrap();
    browser.goto(&app.url("/en/login")).await.unwrap();
    browser.find(Locator::Id("email")).await.unwrap().send_keys(email).await.unwrap();
    browser.find(Locator::Id("password")).await.unwrap().send_keys(crate::support::PASSWORD).await.unwrap();
    browser.find(Locator::Id("login-submit")).await.unwrap().click().await.unwrap();
    wait_for_text(browser, "#flash", "Welcome back").await;
}

/// Takes a body's step on a proposal's page through its form.
async fn take_step(browser: &Client, app: &TestApp, proposal: i64, step: &str, into: Option<i64>) {
    browser.goto(&app.url(&format!("/en/proposals/{proposal}"))).await.unwrap();
    let form = browser.form(Locator::Id("step-form")).await.unwrap();
    form.set_by_name("step", step).await.unwrap();
    form.set_by_name("reason", "A matter for the level above.").await.unwrap();
    if let Some(into) = into {
        form.set_by_name("into", &into.to_string()).await.unwrap();
    }
    browser.find(Locator::Id("take-step")).await.unwrap().click().await.unwrap();
    wait_for_text(browser, "#done", "The step is recorded").await;
}

/// The id in the path of the page the browser is on.
async fn id_in_url(browser: &Client) -> i64 {
    let url = browser.current_url().await.unwrap();
    url.path_segments().unwrap().next_back().unwrap().parse().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proposal_rises_to_the_nation_and_its_recommendation_is_answered_late_in_a_real_browser() {
    use reqwest::Method;
    use serde_json::json;
    let Some((_driver, browser)) = browser().await else { return };
    let app = TestApp::sqlite().await;
    let (region, d1, d2) = crate::proposals::region_with_two_districts(&app).await;
    let nation = app.body_id("national_session", None).await;
    for (email, body) in [("d1@example.kz", d1), ("region@example.kz", region), ("nation@example.kz", nation)] {
        app.user(email, &[Role::Secretariat { body_id: body }]).await;
    }
    let sec = app.login_as("d1@example.kz").await;
    sec.send_json(
        Method::PUT,
        &format!("/api/v1/bodies/{d1}/proposal-rules"),
        &json!({ "threshold": 3, "window_days": 30 }),
    )
    .await;
    app.user("author@example.kz", &[]).await;
    app.user("supporter@example.kz", &[]).await;

    // A participant files a proposal through the form.
    log_in(&browser, &app, "author@example.kz").await;
    browser.goto(&app.url(&format!("/en/proposals/new?body={d1}"))).await.unwrap();
    let form = browser.form(Locator::Id("proposal-form")).await.unwrap();
    form.set_by_name("title_en", "Kazakh evening classes for adults").await.unwrap();
    form.set_by_name("text_en", "Free classes at the Friendship House.").await.unwrap();
    form.set_by_name("category", "language_culture").await.unwrap();
    browser.find(Locator::Id("file")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#done", "Your proposal is filed").await;
    let proposal = id_in_url(&browser).await;

    // Others support it past the threshold of 3 (one in the browser, one by the API).
    log_in(&browser, &app, "supporter@example.kz").await;
    browser.goto(&app.url(&format!("/en/proposals/{proposal}"))).await.unwrap();
    browser.find(Locator::Id("support-button")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#done", "Your support is counted").await;
    let third = app.participant().await;
    crate::proposals::support(&third, proposal).await;
    browser.refresh().await.unwrap();
    wait_for_text(&browser, "#status", "In the body's queue").await;

    // The district forwards it; a neighbouring district's similar proposal arrives too, and the region merges them.
    log_in(&browser, &app, "d1@example.kz").await;
    take_step(&browser, &app, proposal, "forward", None).await;
    let at_region = id_in_url(&browser).await;
    let other = crate::proposals::file(&app.participant().await, d2, "Language clubs").await;
    let (_, moved) =
        crate::proposals::step(&app.admin().await, other, json!({ "step": "forward", "reason": "Up." })).await;
    let other_at_region = moved["id"].as_i64().unwrap();
    log_in(&browser, &app, "region@example.kz").await;
    take_step(&browser, &app, other_at_region, "merge", Some(at_region)).await;
    take_step(&browser, &app, at_region, "forward", None).await;
    let at_nation = id_in_url(&browser).await;
    wait_for_text(&browser, "#rise", "Raised in").await;

    // The national secretariat accepts it and sends a recommendation to two ministries.
    log_in(&browser, &app, "nation@example.kz").await;
    take_step(&browser, &app, at_nation, "accept", None).await;
    browser.find(Locator::Id("recommend")).await.unwrap().click().await.unwrap();
    let education =
        birlik::recommendations::addressees::by_code(&app.state.platform.db, "min-education").await.unwrap().unwrap();
    let culture = birlik::recommendations::addressees::by_code(&app.state.platform.db, "min-culture-information")
        .await
        .unwrap()
        .unwrap();
    // The ministries come first, their group open.
    for id in [education.id, culture.id] {
        browser
            .find(Locator::Css(&format!("input[name=addressee_ids][value='{id}']")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    }
    browser.find(Locator::Id("send")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#done", "The recommendation is sent").await;

    // Education's liaison answers after the term; Culture's never does.
    let admin = app.admin().await;
    app.user("liaison@example.kz", &[]).await;
    admin.post_form(&format!("/en/addressees/{}/liaisons", education.id), &[("email", "liaison@example.kz")]).await;
    app.clock.advance(Duration::from_secs(40 * 24 * 3600));
    app.state.platform.jobs.run_due_now().await.unwrap();
    log_in(&browser, &app, "liaison@example.kz").await;
    browser.goto(&app.url("/en/liaison")).await.unwrap();
    wait_for_text(&browser, "#recommendations", "Overdue").await;
    let to_education: i64 = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT id FROM recommendations WHERE addressee_id = $1").bind(education.id).fetch_one(pool).await.unwrap()
    });
    browser.goto(&app.url(&format!("/en/recommendations/{to_education}"))).await.unwrap();
    browser
        .find(Locator::Css("#answer-form textarea"))
        .await
        .unwrap()
        .send_keys("Classes open next year.")
        .await
        .unwrap();
    browser.find(Locator::Id("answer-button")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#answer", "late").await;

    // The scorecard shows the late answer and the one overdue.
    browser.goto(&app.url("/en/scorecard")).await.unwrap();
    wait_for_text(&browser, &format!("#addressee-{} .overdue-count", culture.id), "1").await;
    wait_for_text(&browser, &format!("#addressee-{}", education.id), "0.0%").await;
    browser.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_anonymous_report_is_verified_raises_an_alert_and_becomes_a_confidential_case_in_a_real_browser() {
    let Some((_driver, browser)) = browser().await else { return };
    let app = TestApp::sqlite().await;
    let day = birlik::platform::days::iso(birlik::platform::days::date_at(app.state.platform.jobs.now_ms()));
    let assembly = app.body_id("regional_assembly", Some("KZ-19")).await;
    app.user("zhetysu@example.kz", &[Role::Secretariat { body_id: assembly }]).await;
    let council = app.body_id("ethnomediation_council", None).await;
    let filter =
        birlik::registry::store::MembershipFilter { body: Some(council), per_page: Some(50), ..Default::default() };
    let seats = birlik::registry::store::memberships(&app.state.platform.db, &filter).await.unwrap().0;
    let seats: Vec<_> = seats.iter().filter(|s| s.position != birlik::registry::model::Position::Chair).collect();
    for (seat, email) in seats.iter().zip(["mediator@example.kz", "other-mediator@example.kz"]) {
        let user = app.user(email, &[Role::Participant]).await;
        birlik::platform::identity::store::link_person(&app.state.platform.db, None, user, Some(seat.person_id))
            .await
            .unwrap();
    }

    // An anonymous reader reports a clash through the form.
    browser.goto(&app.url("/en/signals/new")).await.unwrap();
    let form = browser.form(Locator::Id("signal-form")).await.unwrap();
    form.set_by_name("text", "Youths of two villages fought at the market.").await.unwrap();
    form.set_by_name("text_lang", "en").await.unwrap();
    form.set_by_name("region_code", "KZ-19").await.unwrap();
    form.set_by_name("happened_on", &day).await.unwrap();
    form.set_by_name("severity", "5").await.unwrap();
    browser.find(Locator::Css("input[value='violent-clash']")).await.unwrap().click().await.unwrap();
    browser.find(Locator::Id("report")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#done", "your report was received").await;

    // The regional secretariat verifies it: confirmed, it raises an alert, which it acknowledges.
    log_in(&browser, &app, "zhetysu@example.kz").await;
    browser.goto(&app.url("/en/signals")).await.unwrap();
    browser.find(Locator::Css("#signals tbody tr a")).await.unwrap().click().await.unwrap();
    let signal = id_in_url(&browser).await;
    let form = browser.form(Locator::Id("verify-form")).await.unwrap();
    form.set_by_name("status", "confirmed").await.unwrap();
    form.set_by_name("note", "The district akimat confirmed it.").await.unwrap();
    browser.find(Locator::Id("verify")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#status", "Confirmed").await;
    app.settled().await;
    browser.goto(&app.url("/en/alerts")).await.unwrap();
    browser.find(Locator::Css("#alerts tbody tr a")).await.unwrap().click().await.unwrap();
    browser.find(Locator::Id("acknowledge")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#status", "Acknowledged").await;
    browser.goto(&app.url("/en/early-warning")).await.unwrap();
    wait_for_text(&browser, "#region-KZ-19", "alert").await;

    // A mediator of the council opens a case from the signal; a mediator not assigned cannot open it.
    log_in(&browser, &app, "mediator@example.kz").await;
    browser.goto(&app.url(&format!("/en/mediation/new?council={council}&signal={signal}"))).await.unwrap();
    let form = browser.form(Locator::Id("case-form")).await.unwrap();
    form.set_by_name("title", "Market fight between two villages").await.unwrap();
    let names = browser.find_all(Locator::Css("input[name='party_name']")).await.unwrap();
    names[0].send_keys("Village of Kirov street").await.unwrap();
    names[1].send_keys("Village by the river").await.unwrap();
    let mine = format!("#mediators input[value='{}']", seats[0].person_id);
    browser.find(Locator::Css(&mine)).await.unwrap().click().await.unwrap();
    browser.find(Locator::Id("open")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#done", "The case is opened").await;
    let case = id_in_url(&browser).await;
    log_in(&browser, &app, "other-mediator@example.kz").await;
    browser.goto(&app.url(&format!("/en/mediation/{case}"))).await.unwrap();
    let body = browser.find(Locator::Css("body")).await.unwrap().text().await.unwrap();
    assert!(!body.contains("Market fight between two villages"), "{body}");
    assert!(browser.find(Locator::Id("case")).await.is_err(), "not assigned: not found");
    browser.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reported_statement_is_hidden_appealed_and_restored_in_a_real_browser() {
    let Some((_driver, browser)) = browser().await else { return };
    let app = TestApp::sqlite().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let (consultation, _) =
        crate::consultations::open(&app, &crate::consultations::input(body), &["Тіл курстары керек"]).await;
    for email in ["author@example.kz", "reader@example.kz", "first@example.kz", "second@example.kz"] {
        app.user(email, &[Role::Participant]).await;
    }
    let sec = app.secretariat_of(body).await;
    for email in ["first@example.kz", "second@example.kz"] {
        sec.post_form("/en/moderation/moderators", &[("body", &body.to_string()), ("email", email)]).await;
    }
    let author = app.login_as("author@example.kz").await;
    let text = "Көршілерімізді бұл қаладан қуу керек";
    author
        .post_form(&format!("/en/consultations/{consultation}/statements"), &[("text", text), ("confirm", "1")])
        .await;

    // A reader reports it under its card, naming a clause.
    log_in(&browser, &app, "reader@example.kz").await;
    browser.goto(&app.url(&format!("/en/consultations/{consultation}"))).await.unwrap();
    // The card shows one statement at a time: vote until the reported one comes up.
    for _ in 0..3 {
        let shown = browser.find(Locator::Id("statement")).await.unwrap().text().await.unwrap();
        if shown.contains(text) {
            break;
        }
        browser.find(Locator::Id("vote-pass")).await.unwrap().click().await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    browser.find(Locator::Css("details.report summary")).await.unwrap().click().await.unwrap();
    let form = browser.form(Locator::Css("form.report-form")).await.unwrap();
    form.set_by_name("clause", "incitement").await.unwrap();
    browser.find(Locator::Css("form.report-form button[type=submit]")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#notice", "your report was received").await;

    // A moderator hides it naming the clause.
    log_in(&browser, &app, "first@example.kz").await;
    browser.goto(&app.url(&format!("/en/moderation/queue?body={body}"))).await.unwrap();
    let form = browser.form(Locator::Css("form.decide-form")).await.unwrap();
    form.set_by_name("action", "hide").await.unwrap();
    form.set_by_name("clause", "incitement").await.unwrap();
    browser.find(Locator::Css("button.decide")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#done", "The decision is recorded").await;
    app.settled().await;

    // The author reads the statement of reasons from his inbox, in Kazakh, and appeals.
    log_in(&browser, &app, "author@example.kz").await;
    browser.goto(&app.url("/kk/inbox")).await.unwrap();
    browser.find(Locator::Css("#inbox li a")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#clause", "Алауыздықты қоздыру").await;
    wait_for_text(&browser, "#role", "органның модераторы").await;
    let form = browser.form(Locator::Id("appeal-form")).await.unwrap();
    form.set_by_name("text", "Мен ешкімді қууға шақырған жоқпын, бұл дұрыс түсінілмеді.").await.unwrap();
    browser.find(Locator::Id("appeal-submit")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#appeal-status", "шағым қаралуда").await;

    // Another moderator reverses it; the public log shows both decisions.
    log_in(&browser, &app, "second@example.kz").await;
    browser.goto(&app.url(&format!("/en/moderation/queue?body={body}"))).await.unwrap();
    let form = browser.form(Locator::Css("form.outcome-form")).await.unwrap();
    form.set_by_name("outcome", "reverse").await.unwrap();
    form.set_by_name("note", "The statement does not call for expulsion of a community.").await.unwrap();
    browser.find(Locator::Css("button.decide-appeal")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#done", "The appeal is decided").await;
    browser.goto(&app.url("/en/moderation/log")).await.unwrap();
    wait_for_text(&browser, "#log", "Hidden").await;
    wait_for_text(&browser, "#log", "Reversed on appeal").await;
    let log = browser.find(Locator::Id("log")).await.unwrap().text().await.unwrap();
    assert!(!log.contains(text) && !log.contains("author@"), "{log}");
    browser.close().await.unwrap();
}

/// Sessions and decisions end to end: a secretariat plans a meeting from its forms with an agenda item and attaches
/// a document to the item; three members, each in a browser of his own, check in and vote; the secretariat's page
/// shows the tally rise without a reload; the vote closed, the minutes show the roll call.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_meeting_is_planned_attended_voted_and_minuted_in_real_browsers() {
    let Some((driver, browser)) = browser().await else { return };
    let app = TestApp::sqlite().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    app.user("meeting-sec@example.kz", &[Role::Secretariat { body_id: body }]).await;
    let seats = crate::meetings::seated(&app, body).await;
    let emails = ["m1@example.kz", "m2@example.kz", "m3@example.kz"];
    for (email, seat) in emails.iter().zip(&seats) {
        crate::meetings::member_login(&app, email, seat.person_id).await;
    }

    // The secretariat plans the meeting and adds an agenda item from the forms.
    log_in(&browser, &app, "meeting-sec@example.kz").await;
    browser.goto(&app.url(&format!("/en/meetings/new?body={body}"))).await.unwrap();
    let form = browser.form(Locator::Id("meeting-form")).await.unwrap();
    form.set_by_name("kind", "session").await.unwrap();
    form.set_by_name("number", "15").await.unwrap();
    form.set_by_name("title_en", "Regional session on languages").await.unwrap();
    form.set_by_name("starts_at", "2026-12-20T10:00").await.unwrap();
    form.set_by_name("ends_at", "2026-12-20T13:00").await.unwrap();
    form.submit().await.unwrap();
    wait_for_text(&browser, "#notice", "The meeting is planned").await;
    let manage = browser.current_url().await.unwrap();
    let meeting: i64 = manage.path_segments().unwrap().nth(2).unwrap().parse().unwrap();
    let form = browser.form(Locator::Id("agenda-form")).await.unwrap();
    form.set_by_name("title_en", "Kazakh courses for adults").await.unwrap();
    form.set_by_name("presenter", "A. Seitkali").await.unwrap();
    browser.find(Locator::Id("agenda-add")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#agenda", "Kazakh courses for adults").await;

    // A document attached to the item, from the item's page; the meeting's page lists it under the item.
    browser.find(Locator::Css("#agenda a.item-documents-link")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#item", "Kazakh courses for adults").await;
    let pdf = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
    std::fs::write(pdf.path(), b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .unwrap();
    browser.find(Locator::Id("f-document-title")).await.unwrap().send_keys("Draft programme").await.unwrap();
    browser
        .find(Locator::Id("f-document-file"))
        .await
        .unwrap()
        .send_keys(&pdf.path().display().to_string())
        .await
        .unwrap();
    browser.form(Locator::Id("document-upload")).await.unwrap().submit().await.unwrap();
    wait_for_text(&browser, "#documents", "Draft programme").await;
    browser.goto(&app.url(&format!("/en/meetings/{meeting}"))).await.unwrap();
    wait_for_text(&browser, "#agenda", "Draft programme").await;

    // In progress, a motion put to the vote from the manage page.
    browser.goto(manage.as_str()).await.unwrap();
    for (status, shown) in [("convened", "Convened"), ("in_progress", "In progress")] {
        let form = browser.form(Locator::Id("status-form")).await.unwrap();
        form.set_by_name("status", status).await.unwrap();
        browser.find(Locator::Id("status-save")).await.unwrap().click().await.unwrap();
        wait_for_text(&browser, "#meeting-status", shown).await;
    }
    let form = browser.form(Locator::Id("motion-form")).await.unwrap();
    form.set_by_name("text_en", "Open free Kazakh courses for adults in every district").await.unwrap();
    browser.find(Locator::Id("motion-put")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#votes", "Open free Kazakh courses").await;

    // The secretariat watches the public page; three members check in and vote, each in his own browser.
    browser.goto(&app.url(&format!("/en/meetings/{meeting}"))).await.unwrap();
    wait_for_text(&browser, "#tally-for", "0").await;
    for (n, (email, choice)) in emails.iter().zip(["for", "for", "against"]).enumerate() {
        let member = session(driver.1).await;
        log_in(&member, &app, email).await;
        member.goto(&app.url(&format!("/en/meetings/{meeting}"))).await.unwrap();
        member.find(Locator::Id("check-in")).await.unwrap().click().await.unwrap();
        wait_for_text(&member, "#quorum", &format!("Present: {} /", n + 1)).await;
        member.find(Locator::Css(&format!("#votes button[value={choice}]"))).await.unwrap().click().await.unwrap();
        wait_for_text(&member, "#votes", &format!("{} vote", n + 1)).await;
        member.close().await.unwrap();
    }
    // Without a reload, the live part polls: the tally rises to 2 for, 1 against.
    wait_for_text(&browser, "#tally-for", "2").await;
    wait_for_text(&browser, "#tally-against", "1").await;
    let live = browser.find(Locator::Id("live-quorum")).await.unwrap().text().await.unwrap();
    assert!(live.contains("3 /"), "{live}");

    // Closed, the vote is in the minutes with its roll call.
    browser.goto(manage.as_str()).await.unwrap();
    browser.find(Locator::Css("#votes form button[id^=close-]")).await.unwrap().click().await.unwrap();
    wait_for_text(&browser, "#notice", "The vote is closed and counted").await;
    browser.goto(&app.url(&format!("/en/meetings/{meeting}/minutes/draft"))).await.unwrap();
    let roll = browser.find(Locator::Css("#minutes-votes table.roll-call")).await.unwrap().text().await.unwrap();
    for seat in seats.iter().take(3) {
        assert!(roll.contains(&seat.person_name), "{roll}");
    }
    assert!(roll.contains("For") && roll.contains("Against"), "{roll}");
    browser.close().await.unwrap();
}

/// axe-core (vendored, `tests/vendor/axe-core`) finds no violation of WCAG 2 A/AA on the pages a newcomer meets —
/// home, a consultation, its results, search, registration, a body — in kk, ru and en.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_page_a_newcomer_meets_has_an_accessibility_violation() {
    let Some((_driver, browser)) = browser().await else { return };
    let app = TestApp::sqlite().await;
    let consultation =
        birlik::consultations::demo::load(&app.state.platform.db).await.unwrap().expect("the demo consultation");
    app.settled().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let axe = include_str!("../vendor/axe-core/axe.min.js");
    let pages = [
        String::new(),
        format!("consultations/{consultation}"),
        format!("consultations/{consultation}/results"),
        "search?q=%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B".to_owned(),
        "register".to_owned(),
        format!("bodies/{body}"),
    ];
    let mut found = Vec::new();
    for lang in ["kk", "ru", "en"] {
        for page in &pages {
            browser.goto(&app.url(&format!("/{lang}/{page}"))).await.unwrap();
            browser.execute(axe, vec![]).await.unwrap();
            let violations = browser
                .execute_async(
                    "const done = arguments[arguments.length - 1];
                     axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] })
                        .then(r => done(r.violations.map(v => v.id + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')')));",
                    vec![],
                )
                .await
                .unwrap();
            for v in violations.as_array().unwrap() {
                found.push(format!("/{lang}/{page}: {}", v.as_str().unwrap()));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
    browser.close().await.unwrap();
}
