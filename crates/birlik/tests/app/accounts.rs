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
    // The same address again, in another case, is taken.
    let other = TestApp::client();
    let r = other
        .post(app.url("/en/register"))
        .form(&[("email", "aigerim@example.kz"), ("display_name", "X Y"), ("password", "another secret!")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
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
    app.user("admin@example.kz", &[birlik::accounts::Role::Admin]).await;
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
    app.user("s@example.kz", &[]).await;
    let logged_in = app.login_as("s@example.kz").await;
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
