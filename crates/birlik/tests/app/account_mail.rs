//! Account mail: a password reset by a single-use link that expires, registration that never tells whether an
//! address has an account (its owner gets a mail instead), the confirmation of a new account's address; limits,
//! and refused input that changes nothing. Mails are files in the outbox here; the clock is moved, never slept.

use std::time::Duration;

use reqwest::StatusCode;

use crate::notify::{decoded, outbox};
use crate::support::{PASSWORD, TestApp};

const NEW_PASSWORD: &str = "a brand new secret";

/// The mails whose file name starts with `prefix` (`l-accounts-reset-mail`, …), decoded.
fn mails(app: &TestApp, prefix: &str) -> Vec<(String, String)> {
    outbox(app).into_iter().filter(|(name, _)| name.starts_with(prefix)).map(|(n, m)| (n, decoded(&m) + &m)).collect()
}

/// The token of the first link in `mail` after `path` (`/en/password/reset/`).
fn token_after(mail: &str, path: &str) -> String {
    let start = mail.find(path).unwrap_or_else(|| panic!("a link {path} in {mail}")) + path.len();
    mail[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect()
}

async fn run_jobs(app: &TestApp) {
    app.state.platform.jobs.run_due_now().await.unwrap();
}

async fn request_reset(app: &TestApp, lang: &str, email: &str) -> (StatusCode, String) {
    let r = TestApp::client().post(app.url(&format!("/{lang}/password/reset"))).form(&[("email", email)]).send().await;
    let r = r.unwrap();
    (r.status(), r.text().await.unwrap())
}

async fn logs_in(app: &TestApp, email: &str, password: &str) -> bool {
    let r = TestApp::client()
        .post(app.url("/en/login"))
        .form(&[("email", email), ("password", password)])
        .send()
        .await
        .unwrap();
    r.status() == StatusCode::SEE_OTHER
}

async fn a_reset_link_sets_a_new_password_once_and_ends_every_session(app: TestApp) {
    app.user("owner@example.kz", &[]).await;
    let elsewhere = app.login_as("owner@example.kz").await;

    // The login page leads here; the answer is the same for the account's address and an unknown one.
    let (_, login) = app.get_text("/en/login").await;
    assert!(login.contains("href=\"/en/password/reset\""), "the login page offers the reset");
    let (status, known) = request_reset(&app, "en", "Owner@Example.kz").await;
    let (unknown_status, unknown) = request_reset(&app, "en", "nobody@example.kz").await;
    assert_eq!((status, unknown_status), (StatusCode::OK, StatusCode::OK));
    assert_eq!(known, unknown, "no word of whether the address has an account");
    assert!(known.contains("id=\"reset-sent\""));

    // One mail, to the owner only, sent by a timer; the link's token is not stored, only its hash.
    run_jobs(&app).await;
    let sent = mails(&app, "l-accounts-reset-mail");
    assert_eq!(sent.len(), 1, "{sent:?}");
    let mail = &sent[0].1;
    assert!(
        mail.contains("To: \"Test User\" <owner@example.kz>") || mail.contains("To: Test User <owner@example.kz>"),
        "{mail}"
    );
    assert!(mail.contains("Set a new password"), "{mail}");
    let token = token_after(mail, "/en/password/reset/");
    assert_eq!(token.len(), 43);
    let stored: i64 = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM account_tokens WHERE token_hash = $1").bind(&token).fetch_one(pool).await.unwrap()
    });
    assert_eq!(stored, 0, "the token itself is never stored");
    let link = format!("/en/password/reset/{token}");
    let (status, page) = app.get_text(&link).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("id=\"reset-form\""));

    // A password the rules refuse changes nothing: the link still works.
    let before = app.snapshot().await;
    let r = app.post_form(&link, &[("new_password", "short")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("id=\"e-new_password\""));
    assert_eq!(app.snapshot().await, before);
    assert!(logs_in(&app, "owner@example.kz", PASSWORD).await);

    let r = app.post_form(&link, &[("new_password", NEW_PASSWORD)]).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap().contains("id=\"reset-done\""));
    let (status, _) = elsewhere.get_text("/en/account").await;
    assert_eq!(status, StatusCode::SEE_OTHER, "the other sessions ended");
    assert!(!logs_in(&app, "owner@example.kz", PASSWORD).await, "the old password no longer works");
    assert!(logs_in(&app, "owner@example.kz", NEW_PASSWORD).await);

    // Used once: never again.
    let r = app.post_form(&link, &[("new_password", "yet another secret")]).await;
    assert_eq!(r.status(), StatusCode::GONE);
    assert_eq!(app.get_text(&link).await.0, StatusCode::GONE);
    assert!(logs_in(&app, "owner@example.kz", NEW_PASSWORD).await);
    assert_eq!(app.count("audit_log").await - before[6], 1, "the reset is audited");
}

async fn a_reset_link_expires_after_an_hour(app: TestApp) {
    app.user("late@example.kz", &[]).await;
    request_reset(&app, "ru", "late@example.kz").await;
    run_jobs(&app).await;
    let sent = mails(&app, "l-accounts-reset-mail");
    let mail = &sent[0].1;
    assert!(mail.contains("Задать новый пароль"), "in the language it was asked in: {mail}");
    let link = format!("/ru/password/reset/{}", token_after(mail, "/ru/password/reset/"));
    app.clock.advance(Duration::from_secs(61 * 60));
    assert_eq!(app.get_text(&link).await.0, StatusCode::GONE);
    let r = app.post_form(&link, &[("new_password", NEW_PASSWORD)]).await;
    assert_eq!(r.status(), StatusCode::GONE);
    assert!(logs_in(&app, "late@example.kz", PASSWORD).await, "the password is unchanged");
    // A newer link replaces an older one.
    request_reset(&app, "ru", "late@example.kz").await;
    run_jobs(&app).await;
    app.clock.advance(Duration::from_secs(1));
    request_reset(&app, "ru", "late@example.kz").await;
    run_jobs(&app).await;
    let sent = mails(&app, "l-accounts-reset-mail");
    assert_eq!(sent.len(), 3, "{sent:?}");
    let tokens: Vec<String> = sent.iter().map(|(_, m)| token_after(m, "/ru/password/reset/")).collect();
    let live: Vec<StatusCode> = {
        let mut out = Vec::new();
        for t in &tokens {
            out.push(app.get_text(&format!("/ru/password/reset/{t}")).await.0);
        }
        out
    };
    assert_eq!(live.iter().filter(|s| **s == StatusCode::OK).count(), 1, "only the newest link works: {live:?}");
}

#[tokio::test]
async fn reset_requests_are_limited_per_address_asked_for_and_per_client() {
    let app = TestApp::sqlite().await;
    app.user("target@example.kz", &[]).await;
    // From many clients at one address: three mails a quarter of an hour, and the same answer throughout.
    let mut answers = Vec::new();
    for i in 0..5 {
        let client = TestApp::client_from(&format!("127.0.0.{}", i + 2));
        let r =
            client.post(app.url("/en/password/reset")).form(&[("email", "target@example.kz")]).send().await.unwrap();
        answers.push(r.status());
        run_jobs(&app).await;
    }
    assert!(answers.iter().all(|s| *s == StatusCode::OK), "{answers:?}");
    assert_eq!(mails(&app, "l-accounts-reset-mail").len(), 3);
    // From one client: ten requests a quarter of an hour, then refused.
    let mut statuses = Vec::new();
    for i in 0..11 {
        statuses.push(request_reset(&app, "en", &format!("someone{i}@example.kz")).await.0);
    }
    assert!(statuses[..10].iter().all(|s| *s == StatusCode::OK), "{statuses:?}");
    assert_eq!(statuses[10], StatusCode::TOO_MANY_REQUESTS);
    // A malformed address is refused beside its field and sends nothing.
    let app = TestApp::sqlite().await;
    let (status, page) = request_reset(&app, "kk", "x@@y.z").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("id=\"e-email\""));
    run_jobs(&app).await;
    assert!(outbox(&app).is_empty());
}

async fn registering_a_taken_address_answers_as_a_new_account_and_tells_its_owner(app: TestApp) {
    app.user("owner@example.kz", &[]).await;
    let register = |email: &'static str| {
        let url = app.url("/en/register");
        async move {
            let client = TestApp::client();
            let r = client
                .post(url)
                .form(&[
                    ("email", email),
                    ("display_name", "Someone"),
                    ("password", "long enough secret"),
                    ("next", "/en/bodies"),
                ])
                .send()
                .await
                .unwrap();
            (client, r)
        }
    };
    let (_, new) = register("fresh@example.kz").await;
    let users = app.count("users").await;
    let (attacker, taken) = register("OWNER@example.kz").await;
    assert_eq!(new.status(), taken.status());
    assert_eq!(new.headers()["location"], taken.headers()["location"]);
    let cookies = |r: &reqwest::Response| {
        r.headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| {
                let v = v.to_str().unwrap();
                let (name, rest) = v.split_once('=').unwrap();
                let (value, attributes) = rest.split_once(';').unwrap();
                (name.to_owned(), value.len(), attributes.to_owned())
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(cookies(&new), cookies(&taken), "the same cookies, shaped alike");
    assert_eq!(app.count("users").await, users, "no account is made");
    let r = attacker.get(app.url("/en/account")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "no session for whoever tried");

    run_jobs(&app).await;
    let told = mails(&app, "l-accounts-taken-mail");
    assert_eq!(told.len(), 1, "{told:?}");
    assert!(told[0].1.contains("owner@example.kz") && told[0].1.contains("/kk/password/reset"), "{}", told[0].1);
    assert!(told[0].1.contains("ашпақ болды"), "in the owner's language, not the stranger's");
    assert_eq!(mails(&app, "l-accounts-confirm-mail").len(), 1, "the new account's confirmation only");
}

crate::on_both_backends!(
    a_reset_link_sets_a_new_password_once_and_ends_every_session,
    a_reset_link_expires_after_an_hour,
    registering_a_taken_address_answers_as_a_new_account_and_tells_its_owner,
);

#[tokio::test]
async fn a_new_account_confirms_its_address_once_and_can_ask_again() {
    let app = TestApp::sqlite().await;
    // Registered on Kazakh pages in the Latin alphabet: the letter is in it.
    let chosen = app.get("/kk/script/latn?back=/kk/").await;
    assert!(chosen.status().is_redirection());
    let r = app
        .post_form(
            "/kk/register",
            &[("email", "new@example.kz"), ("display_name", "Жаңа"), ("password", "long enough secret")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, account) = app.get_text("/en/account").await;
    assert!(account.contains("id=\"email-unconfirmed\"") && account.contains("id=\"confirm-resend\""));
    run_jobs(&app).await;
    let sent = mails(&app, "l-accounts-confirm-mail");
    assert_eq!(sent.len(), 1);
    assert!(sent[0].1.contains("Mekenjaiymdy rastau") || sent[0].1.contains("Mekenjaiymdy"), "{}", sent[0].1);
    assert!(!decoded(&outbox(&app)[0].1).contains("растау"), "no Cyrillic left");
    let first = format!("/en/email/confirm/{}", token_after(&sent[0].1, "/kk/email/confirm/"));

    // Asking again sends a new link and the old one stops working.
    let r = app.post_form("/en/account/confirm", &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, account) = app.get_text(r.headers()["location"].to_str().unwrap()).await;
    assert!(account.contains("id=\"confirm-sent\""));
    app.clock.advance(Duration::from_secs(1));
    run_jobs(&app).await;
    let sent = mails(&app, "l-accounts-confirm-mail");
    assert_eq!(sent.len(), 2);
    assert_eq!(app.get_text(&first).await.0, StatusCode::GONE);
    let newest = sent.iter().map(|(_, m)| token_after(m, "/confirm/")).find(|t| !first.ends_with(t.as_str())).unwrap();
    let link = format!("/en/email/confirm/{newest}");

    // The link shows a button (a mail scanner's fetch confirms nothing); the click confirms, once.
    let (status, page) = app.get_text(&link).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("id=\"confirm-form\""));
    let (_, account) = app.get_text("/en/account").await;
    assert!(account.contains("id=\"email-unconfirmed\""), "not by looking");
    let r = app.post_form(&link, &[]).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap().contains("id=\"confirm-done\""));
    let (_, account) = app.get_text("/en/account").await;
    assert!(account.contains("id=\"email-confirmed\"") && !account.contains("id=\"confirm-resend\""));
    assert_eq!(app.post_form(&link, &[]).await.status(), StatusCode::GONE);
}

#[tokio::test]
async fn a_confirmation_link_expires_after_three_days() {
    let app = TestApp::sqlite().await;
    let r = app
        .post_form(
            "/ru/register",
            &[("email", "slow@example.kz"), ("display_name", "Медленный"), ("password", "long enough secret")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    run_jobs(&app).await;
    let sent = mails(&app, "l-accounts-confirm-mail");
    assert!(sent[0].1.contains("Подтвердить адрес"), "{}", sent[0].1);
    let link = format!("/ru/email/confirm/{}", token_after(&sent[0].1, "/ru/email/confirm/"));
    app.clock.advance(Duration::from_secs(3 * 24 * 3600 + 1));
    let before = app.snapshot().await;
    assert_eq!(app.post_form(&link, &[]).await.status(), StatusCode::GONE);
    assert_eq!(app.snapshot().await, before, "an expired link changes nothing");
    let (_, account) = app.get_text("/ru/account").await;
    assert!(account.contains("id=\"email-unconfirmed\""));
    // Made-up tokens name nothing.
    for token in ["x", "%00", &"A".repeat(43), &"A".repeat(500)] {
        let status = app.post_form(&format!("/ru/email/confirm/{token}"), &[]).await.status();
        assert!(status == StatusCode::GONE || status == StatusCode::NOT_FOUND, "{token}: {status}");
    }
}
