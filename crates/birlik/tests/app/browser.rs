//! End to end in a real browser: Debian's headless Chromium driven through chromedriver (WebDriver).
//! Outside CI the test is skipped, saying so, when chromedriver is not installed; in CI (CI=true) that fails.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use birlik::platform::identity::Role;
use fantoccini::{Client, ClientBuilder, Locator};

use crate::support::TestApp;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

struct Driver(Child);

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
    );
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
            Ok(client) => return Some((driver, client)),
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
