//! Registration, login, logout, password change, rate limiting, sessions.

use reqwest::StatusCode;

use crate::support::TestApp;

#[tokio::test]
async fn register_login_logout_and_change_password() {
    let app = TestApp::sqlite().await;
    let r = app
        .post_form(
            "/en/register",
            &[("email", "Aigerim@Example.kz"), ("display_name", "Aigerim"), ("password", "a long enough secret")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "registration logs in and redirects");
    let (status, html) = app.get_text("/en/account").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Aigerim@Example.kz"), "the address as it was typed");
    assert!(html.contains("Participant"));
    // The same address again, in another case, is taken: answered like a new account, with no session.
    let other = TestApp::client();
    let r = other
        .post(app.url("/en/register"))
        .form(&[("email", "aigerim@example.kz"), ("display_name", "X Y"), ("password", "another secret!")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(other.get(app.url("/en/account")).send().await.unwrap().status(), StatusCode::SEE_OTHER);
    // Password change needs the current password.
    let r = app.post_form("/en/account", &[("current", "wrong password"), ("new_password", "a new long secret")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = app
        .post_form("/en/account", &[("current", "a long enough secret"), ("new_password", "a new long secret")])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let r = app.post_form("/en/logout", &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get("/en/account").await.status(), StatusCode::SEE_OTHER, "logged out: account page sends to login");
    let r = app.post_form("/en/login", &[("email", "aigerim@example.kz"), ("password", "a long enough secret")]).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "the old password no longer works");
    let r = app
        .post_form(
            "/en/login",
            &[("email", "AIGERIM@example.kz"), ("password", "a new long secret"), ("next", "/en/bodies")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/en/bodies");
}

#[tokio::test]
async fn login_never_redirects_to_another_site() {
    let app = TestApp::sqlite().await;
    app.user("admin@example.kz", &[birlik::platform::identity::Role::Admin]).await;
    for next in
        ["https://evil.example/", "//evil.example/", "/\\evil.example", "/\t/evil.example", "/\r\n/evil.example"]
    {
        let r = app
            .post_form(
                "/kk/login",
                &[("email", "admin@example.kz"), ("password", "correct horse battery"), ("next", next)],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(r.headers()["location"], "/kk/", "{next} is not followed");
    }
}

#[tokio::test]
async fn login_attempts_are_rate_limited() {
    let app = TestApp::sqlite().await;
    app.user("target@example.kz", &[]).await;
    for _ in 0..5 {
        let r = app.post_form("/ru/login", &[("email", "target@example.kz"), ("password", "guess guess guess")]).await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }
    let r = app.post_form("/ru/login", &[("email", "target@example.kz"), ("password", "correct horse battery")]).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS, "even the right password waits after five failures");
    let html = r.text().await.unwrap();
    assert!(html.contains("lang=\"ru\""), "the refusal is in Russian");
}

#[tokio::test]
async fn sessions_live_in_the_database_and_end_on_logout() {
    let app = TestApp::sqlite().await;
    let logged_in = app.logged_in(&[]).await;
    assert_eq!(app.count("sessions").await, 1);
    let (_, html) = logged_in.get_text("/en/").await;
    assert!(html.contains("Test User"));
    logged_in.post_form("/en/logout", &[]).await;
    assert_eq!(app.count("sessions").await, 0);
}

#[tokio::test]
async fn a_long_cyrillic_password_that_registers_also_logs_in() {
    let app = TestApp::sqlite().await;
    let password = "құпия".repeat(26); // 130 characters, 260 bytes
    let r = app
        .post_form("/kk/register", &[("email", "long@example.kz"), ("display_name", "Ұзын"), ("password", &password)])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = TestApp::client()
        .post(app.url("/kk/login"))
        .form(&[("email", "long@example.kz"), ("password", password.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "the same password logs in");
}

#[tokio::test]
async fn parallel_guesses_do_not_pass_the_limit() {
    let app = TestApp::sqlite().await;
    app.user("target@example.kz", &[]).await;
    let guesses = (0..12).map(|i| {
        let client = TestApp::client();
        let url = app.url("/en/login");
        async move {
            client
                .post(url)
                .form(&[("email", "target@example.kz"), ("password", &format!("guess number {i}"))])
                .send()
                .await
                .unwrap()
                .status()
        }
    });
    let statuses = futures_join_all(guesses).await;
    let checked = statuses.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
    assert!(checked <= 5, "at most five guesses were checked, got {checked}: {statuses:?}");
    assert!(statuses.contains(&StatusCode::TOO_MANY_REQUESTS));
}

/// Runs the futures concurrently on the test's runtime.
async fn futures_join_all<F: std::future::Future<Output = StatusCode> + Send + 'static>(
    futures: impl Iterator<Item = F>,
) -> Vec<StatusCode> {
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for handle in handles {
        out.push(handle.await.unwrap());
    }
    out
}

#[tokio::test]
async fn registrations_from_one_address_are_rate_limited() {
    let app = TestApp::sqlite().await;
    let mut statuses = Vec::new();
    for i in 0..12 {
        let r = TestApp::client()
            .post(app.url("/en/register"))
            .form(&[
                ("email", format!("person{i}@example.kz").as_str()),
                ("display_name", "Person"),
                ("password", "long enough secret"),
            ])
            .send()
            .await
            .unwrap();
        statuses.push(r.status());
    }
    assert!(statuses[..10].iter().all(|s| *s == StatusCode::SEE_OTHER), "{statuses:?}");
    assert_eq!(statuses[10], StatusCode::TOO_MANY_REQUESTS);
}

crate::on_both_backends!(
    spellings_of_one_address_share_one_login_limit,
    a_strangers_guesses_do_not_lock_the_owner_out,
    registration_refuses_addresses_that_are_not_plain_ascii,
);

const RIGHT: &str = "correct horse battery";

async fn login_status(client: &reqwest::Client, app: &TestApp, email: &str, password: &str) -> StatusCode {
    client.post(app.url("/en/login")).form(&[("email", email), ("password", password)]).send().await.unwrap().status()
}

/// The limit is kept under the address's one canonical form: no spelling of it (case, blanks around it, blanks
/// and a character after it) gets a fresh counter, and a malformed address is a failed login, not a new key.
async fn spellings_of_one_address_share_one_login_limit(app: TestApp) {
    app.user("sec12@sec.test", &[]).await;
    let client = TestApp::client();
    for _ in 0..5 {
        assert_eq!(login_status(&client, &app, "sec12@sec.test", "guess guess guess").await, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(login_status(&client, &app, "sec12@sec.test", RIGHT).await, StatusCode::TOO_MANY_REQUESTS);
    let padded = |blanks: &str, n: usize, last: &str| format!("sec12@sec.test{}{last}", blanks.repeat(n));
    for spelling in [
        "  SEC12@Sec.Test\t".to_owned(),
        padded(" ", 240, "x"),
        padded("\t", 241, "y"),
        padded(" \t", 130, "z"),
        padded(" ", 300, "@"),
    ] {
        let status = login_status(&client, &app, &spelling, RIGHT).await;
        assert!(
            matches!(status, StatusCode::TOO_MANY_REQUESTS | StatusCode::UNAUTHORIZED),
            "{spelling:?} is refused: {status}"
        );
    }
    let keys: Vec<String> = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT DISTINCT key FROM login_attempts").fetch_all(pool).await.unwrap()
    });
    let of_account: Vec<&String> = keys.iter().filter(|k| k.contains("sec12")).collect();
    assert!(!of_account.is_empty());
    assert!(of_account.iter().all(|k| k.ends_with(":sec12@sec.test")), "one canonical key: {of_account:?}");
}

/// Guesses from elsewhere slow the guesser; the owner, from his own address, still logs in.
async fn a_strangers_guesses_do_not_lock_the_owner_out(app: TestApp) {
    app.user("owner@example.kz", &[]).await;
    let stranger = TestApp::client_from("127.0.0.2");
    let mut statuses = Vec::new();
    for i in 0..20 {
        statuses.push(login_status(&stranger, &app, "owner@example.kz", &format!("guess number {i}")).await);
    }
    assert!(statuses.iter().all(|s| matches!(*s, StatusCode::UNAUTHORIZED | StatusCode::TOO_MANY_REQUESTS)));
    assert_eq!(statuses.last(), Some(&StatusCode::TOO_MANY_REQUESTS), "the stranger is stopped: {statuses:?}");
    assert_eq!(
        login_status(&stranger, &app, "owner@example.kz", RIGHT).await,
        StatusCode::TOO_MANY_REQUESTS,
        "the stranger does not get to try the right password"
    );
    let owner = TestApp::client();
    assert_eq!(login_status(&owner, &app, "owner@example.kz", RIGHT).await, StatusCode::SEE_OTHER);
}

/// An address is ASCII (an IDN domain in punycode), with exactly one `@`, a local part and a dotted domain: a
/// Cyrillic `а` that looks like a Latin `a` cannot make a second `admin`.
async fn registration_refuses_addresses_that_are_not_plain_ascii(app: TestApp) {
    // Registrations from one address are limited to ten a quarter of an hour: ten are tried.
    let refusals = ["\u{430}dmin@example.kz", "admin@ex\u{430}mple.kz", "x@@y.z", "x@y", "@y.z", "x@y..z", "x@.y.z"]
        .map(|email| ("en", email, "Enter an e-mail address in Latin letters"))
        .into_iter()
        .chain([
            ("ru", "x@@y.z", "Введите адрес электронной почты латиницей"),
            ("kk", "\u{430}dmin@example.kz", "Электрондық пошта мекенжайын латын әріптерімен"),
        ]);
    for (lang, email, message) in refusals {
        let before = app.snapshot().await;
        let r = TestApp::client()
            .post(app.url(&format!("/{lang}/register")))
            .form(&[("email", email), ("display_name", "Someone"), ("password", "long enough secret")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{email:?} is refused");
        let html = r.text().await.unwrap();
        assert!(html.contains(message), "{lang}: {email:?} is explained");
        assert_eq!(app.snapshot().await, before, "{email:?} changed nothing");
    }
    let r = TestApp::client()
        .post(app.url("/en/register"))
        .form(&[("email", "Admin@XN--EXMPLE-CUA.com"), ("display_name", "Someone"), ("password", "long enough secret")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "a punycode domain is an ASCII address");
}
