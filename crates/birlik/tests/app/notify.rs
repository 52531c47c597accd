//! Notifications: following an item, the inbox and its unread count, e-mail at once or in a digest (files in the
//! outbox here), unsubscribing from a mail's link, exactly once across a crash, failures shown to operators.

use birlik::consultations::input::ConsultationInput;
use birlik::consultations::model::{Moderation, Multilingual, Participation};
use birlik::consultations::store::{self, NewStatement};
use birlik::platform::notify::mail::{Smtp, Tls};
use reqwest::StatusCode;

use crate::consultations::{input, open};
use crate::support::{LoggedIn, TestApp};

const SEEDS: [&str; 2] = ["Тілдерді үйрену тегін болуы керек", "Әр өңірде мәдени орталық керек"];

/// The `.eml` files written so far, sorted.
pub(crate) fn outbox(app: &TestApp) -> Vec<(String, String)> {
    let dir = app.data_dir().join("outbox");
    let mut mails: Vec<(String, String)> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "eml"))
                .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
                .collect()
        })
        .unwrap_or_default();
    mails.sort();
    mails
}

/// A consultation whose English question carries markup, followed by a new participant reading in English.
pub(crate) async fn followed_consultation(app: &TestApp) -> (i64, LoggedIn, i64) {
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let question = Multilingual {
        kk: Some("Бірлікті қалай нығайтамыз?".into()),
        en: Some("Unity <b>now</b> & later?".into()),
        ..Default::default()
    };
    let (id, _) = open(app, &ConsultationInput { question, ..input(body) }, &SEEDS).await;
    let reader = app.participant().await;
    let response = reader
        .post_form(
            "/en/follow",
            &[("area", "consultation"), ("item", &id.to_string()), ("action", "follow"), ("back", "")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], format!("/en/consultations/{id}").as_str());
    let user: i64 = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT user_id FROM follows WHERE area = 'consultation' AND item_id = $1")
            .bind(id).fetch_one(pool).await.unwrap()
    });
    (id, reader, user)
}

/// The text of a mail's parts, decoded (base64 or quoted-printable bodies), one after the other.
pub(crate) fn decoded(mail: &str) -> String {
    use base64::Engine;
    let mut out = String::new();
    for part in mail.split("\r\n--").skip(1) {
        let Some((headers, body)) = part.split_once("\r\n\r\n") else { continue };
        let body = body.trim_end();
        if headers.contains("Content-Transfer-Encoding: base64") {
            let joined: String = body.lines().map(str::trim).collect();
            let bytes = base64::engine::general_purpose::STANDARD.decode(joined).unwrap();
            out.push_str(&String::from_utf8(bytes).unwrap());
        } else if headers.contains("Content-Transfer-Encoding: quoted-printable") {
            let soft = body.replace("=\r\n", "");
            let mut bytes = Vec::new();
            let mut rest = soft.as_bytes();
            while let Some((&b, tail)) = rest.split_first() {
                if b == b'=' && tail.len() >= 2 {
                    bytes.push(u8::from_str_radix(std::str::from_utf8(&tail[..2]).unwrap(), 16).unwrap());
                    rest = &tail[2..];
                } else {
                    bytes.push(b);
                    rest = tail;
                }
            }
            out.push_str(&String::from_utf8(bytes).unwrap());
        } else {
            out.push_str(body);
        }
        out.push('\n');
    }
    out
}

pub(crate) async fn add_published(app: &TestApp, consultation: i64, text: &str) -> i64 {
    let at = birlik::platform::db::now();
    store::add_statement(&app.state.platform.db, consultation, &NewStatement::seed(text, &at)).await.unwrap()
}

async fn followers_of_a_consultation_hear_of_each_new_statement_in_their_inbox_and_by_mail(app: TestApp) {
    let (id, reader, _) = followed_consultation(&app).await;
    let (_, page) = reader.get_text(&format!("/en/consultations/{id}")).await;
    assert!(page.contains("id=\"unfollow\""), "the button says the reader follows");
    assert!(!page.contains("id=\"unread-count\""), "nothing unread yet");

    add_published(&app, id, "Жастарға спорт алаңдары керек").await;
    app.settled().await;
    let (_, inbox) = reader.get_text("/en/inbox").await;
    assert!(
        inbox.contains("A new statement is open for voting in “Unity &#60;b&#62;now&#60;/b&#62; &#38; later?”"),
        "{inbox}"
    );
    assert!(inbox.contains("id=\"unread-count\"") && inbox.contains(">1</span>"), "the header counts it");

    // The e-mail goes at once (a file here, no SMTP): in the reader's language, what he wrote escaped in HTML.
    app.state.platform.jobs.run_due_now().await.unwrap();
    let mails = outbox(&app);
    assert_eq!(mails.len(), 1, "{mails:?}");
    let mail = &mails[0].1;
    assert!(mail.contains("Subject: A new statement is open for voting"), "{mail}");
    assert!(mail.contains("Unity <b>now</b> & later?"), "plain text as written");
    assert!(mail.contains("Unity &#60;b&#62;now&#60;/b&#62; &#38; later?"), "HTML escaped");
    assert!(mail.contains(&format!("/en/consultations/{id}")), "a link to the item");
    assert!(mail.contains("List-Unsubscribe: <") && mail.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));

    // Opening it marks it read and leads to the consultation.
    let notice: i64 = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT id FROM notifications").fetch_one(pool).await.unwrap()
    });
    let opened = reader.client.get(format!("{}/en/inbox/{notice}", reader.base)).send().await.unwrap();
    assert_eq!(opened.status(), StatusCode::SEE_OTHER);
    assert_eq!(opened.headers()["location"], format!("/en/consultations/{id}").as_str());
    let (_, inbox) = reader.get_text("/en/inbox").await;
    assert!(!inbox.contains("id=\"unread-count\""));

    // Another person cannot open it; after unfollowing nothing more comes.
    let stranger = app.participant().await;
    let (status, _) = stranger.get_text(&format!("/en/inbox/{notice}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    reader
        .post_form("/en/follow", &[("area", "consultation"), ("item", &id.to_string()), ("action", "unfollow")])
        .await;
    add_published(&app, id, "Ауылдарға кітапхана керек").await;
    app.settled().await;
    assert_eq!(app.count("notifications").await, 1);
}

async fn a_follower_whose_address_is_not_confirmed_hears_in_his_inbox_only(app: TestApp) {
    let (id, reader, user) = followed_consultation(&app).await;
    birlik::with_write!(&app.state.platform.db, pool => {
        sqlx::query("UPDATE users SET email_confirmed_at = NULL WHERE id = $1").bind(user).execute(pool).await.unwrap();
    });
    add_published(&app, id, "Жастарға спорт алаңдары керек").await;
    app.settled().await;
    let (_, inbox) = reader.get_text("/en/inbox").await;
    assert!(inbox.contains("A new statement is open for voting"), "{inbox}");
    app.state.platform.jobs.run_due_now().await.unwrap();
    assert!(outbox(&app).is_empty(), "no mail to an address not confirmed");
}

async fn an_event_applied_again_after_a_crash_writes_no_second_notice_nor_mail(app: TestApp) {
    let (id, _reader, _) = followed_consultation(&app).await;
    add_published(&app, id, "Жастарға спорт алаңдары керек").await;
    app.settled().await;
    app.state.platform.jobs.run_due_now().await.unwrap();
    assert_eq!(outbox(&app).len(), 1);
    // The worker applied the event but died before marking it: the restarted server applies it again.
    let db = app.state.platform.db.clone();
    birlik::with_write!(&db, pool => {
        sqlx::query("UPDATE events SET applied_at = NULL WHERE kind = 'statement.added'").execute(pool).await.unwrap();
    });
    let app = app.stop().await.start(|_| {}).await;
    app.settled().await;
    app.state.platform.jobs.run_due_now().await.unwrap();
    assert_eq!(app.count("notifications").await, 1, "no second notice");
    assert_eq!(outbox(&app).len(), 1, "no second mail");
}

async fn a_daily_digest_gathers_notices_and_its_link_unsubscribes_in_one_click(app: TestApp) {
    let (id, reader, user) = followed_consultation(&app).await;
    let saved = reader.post_form("/en/notifications", &[("statement-published", "daily")]).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (_, settings) = reader.get_text("/en/notifications?saved=1").await;
    assert!(settings.contains("Settings saved") && settings.contains("value=\"daily\" checked"), "{settings}");
    assert!(settings.contains("Unity &#60;b&#62;now"), "the followed consultation is listed");
    let refused = reader.post_form("/en/notifications", &[("statement-published", "hourly")]).await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "an unknown delivery changes nothing");

    add_published(&app, id, "Жастарға спорт алаңдары керек").await;
    add_published(&app, id, "Ауылдарға кітапхана керек").await;
    app.settled().await;
    app.state.platform.jobs.run_due_now().await.unwrap();
    assert!(outbox(&app).is_empty(), "nothing at once");
    app.state.platform.notify.mailer().send_digests(&app.state.platform.db).await.unwrap();
    let mails = outbox(&app);
    assert_eq!(mails.len(), 1, "one digest for two notices");
    assert!(mails[0].1.contains("Subject: Birlik: 2 new notifications"), "{}", mails[0].1);
    app.state.platform.notify.mailer().send_digests(&app.state.platform.db).await.unwrap();
    assert_eq!(outbox(&app).len(), 1, "a digest goes once");

    // The digest's link: a wrong token is refused, the right one (what the mail carries) stops the digest.
    let key: String = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT mail_key FROM users WHERE id = $1").bind(user).fetch_one(pool).await.unwrap()
    });
    let token = birlik::platform::notify::mail::unsubscribe_token(&key, user, "digest");
    let link = format!("/en/unsubscribe/{user}/digest/{token}");
    assert!(mails[0].1.contains(&link), "the mail carries its link");
    let client = TestApp::client();
    let wrong =
        client.post(app.url(&format!("/en/unsubscribe/{user}/digest/{}", "0".repeat(32)))).send().await.unwrap();
    assert_eq!(wrong.status(), StatusCode::NOT_FOUND);
    let (status, ask) = app.get_text(&link).await;
    assert_eq!(status, StatusCode::OK);
    assert!(ask.contains("Stop e-mails about “the daily digest”?"), "{ask}");
    let done = client.post(app.url(&link)).send().await.unwrap();
    assert_eq!(done.status(), StatusCode::OK, "one click, no login");
    let (_, settings) = reader.get_text("/en/notifications").await;
    assert!(settings.contains("value=\"never\" checked"), "{settings}");
}

async fn following_needs_a_login_and_a_real_public_item(app: TestApp) {
    let (status, page) = app.get_text("/kk/inbox").await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{page}");
    let anonymous = TestApp::client().post(app.url("/en/follow")).form(&[
        ("area", "consultation"),
        ("item", "1"),
        ("action", "follow"),
    ]);
    assert_eq!(anonymous.send().await.unwrap().status(), StatusCode::SEE_OTHER, "to the login page");
    let reader = app.participant().await;
    for (area, item) in [("consultation", "999999"), ("users", "1"), ("body", "-1")] {
        let response = reader.post_form("/en/follow", &[("area", area), ("item", item), ("action", "follow")]).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{area} {item}");
    }
    assert_eq!(app.count("follows").await, 0);
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let (_, page) = app.get_text(&format!("/ru/bodies/{body}")).await;
    assert!(
        page.contains("id=\"follow\"") && page.contains("/ru/login?next="),
        "anonymous readers are offered to log in"
    );
    let response =
        reader.post_form("/en/follow", &[("area", "body"), ("item", &body.to_string()), ("action", "follow")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.count("follows").await, 1);
}

async fn the_author_hears_whether_a_moderator_published_or_rejected_his_statement(app: TestApp) {
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let approve =
        ConsultationInput { moderation: Moderation::Approve, participation: Participation::Accounts, ..input(body) };
    let (id, _) = open(&app, &approve, &SEEDS).await;
    let author = app.participant().await;
    for text in ["Жастарға спорт алаңдары керек", "Ауылдарға кітапхана салу керек"]
    {
        let added =
            author.post_form(&format!("/ru/consultations/{id}/statements"), &[("text", text), ("confirm", "1")]).await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
    }
    let pending = store::statements(&app.state.platform.db, id, Some(birlik::consultations::model::Status::Pending))
        .await
        .unwrap();
    let moderator = app.secretariat_of(body).await;
    for (statement, decision) in [(&pending[0], "publish"), (&pending[1], "reject")] {
        let path = format!("/en/consultation-statements/{}/moderate", statement.id);
        let done =
            moderator.post_form(&path, &[("decision", decision), ("reason", "Checked"), ("clause", "off-topic")]).await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
    }
    app.settled().await;
    let (_, inbox) = author.get_text("/ru/inbox").await;
    assert!(inbox.contains("Ваше утверждение в консультации «Бірлікті қалай нығайтамыз?» опубликовано"), "{inbox}");
    assert!(inbox.contains("отклонено"), "{inbox}");
    // The moderation facility adds the statement of reasons of the rejection, with the way to appeal.
    assert!(inbox.contains("Ваш текст скрыт по пункту «Не по теме»"), "{inbox}");
    assert!(inbox.contains("3 непрочитанных уведомления"), "{inbox}");
}

#[tokio::test]
async fn a_mail_that_cannot_be_sent_is_retried_and_shown_to_operators() {
    let app = TestApp::builder()
        .settings(|s| {
            // Nothing listens on port 9 here: every attempt fails.
            s.mail.smtp =
                Some(Smtp { host: "127.0.0.1".into(), port: Some(9), user: None, password: None, tls: Tls::None });
        })
        .start()
        .await;
    let (id, _reader, _) = followed_consultation(&app).await;
    add_published(&app, id, "Жастарға спорт алаңдары керек").await;
    app.settled().await;
    // The worker may have tried it already; either way it has failed once when the queue is settled.
    app.state.platform.jobs.run_due_now().await.unwrap();
    let job = &birlik::platform::jobs::store::failing(&app.state.platform.db, &["notify.mail"], 10).await.unwrap()[0];
    assert_eq!(job.attempts, 1);
    assert!(job.due_at > app.state.platform.jobs.now_ms(), "tried again later, after a back-off");
    let admin = app.admin().await;
    let (_, page) = admin.get_text("/en/admin/mail").await;
    assert!(page.contains("id=\"mail-failing\"") && page.contains("1 of 1 e-mails not sent"), "{page}");
    assert!(page.contains("<dd id=\"mail-pending\">1</dd>"), "{page}");
    let (_, metrics) = app.get_text("/metrics").await;
    assert!(metrics.contains("mail_failed_total"), "{metrics}");
    let participant = app.participant().await;
    assert_eq!(participant.get_text("/en/admin/mail").await.0, StatusCode::FORBIDDEN);
}

async fn a_published_agenda_reaches_the_bodys_members_seated_or_by_role_and_its_followers(app: TestApp) {
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let member = app.member_of(body).await;
    let seat = crate::meetings::seated(&app, body).await[0].person_id;
    let seated = crate::meetings::member_login(&app, "seated@example.kz", seat).await;
    let follower = app.participant().await;
    follower.post_form("/en/follow", &[("area", "body"), ("item", &body.to_string()), ("action", "follow")]).await;
    let bystander = app.participant().await;
    let secretariat = app.secretariat_of(body).await;
    let meeting = crate::meetings::plan_meeting(&app, &secretariat, body).await;
    let (status, _) = secretariat
        .send_json(reqwest::Method::POST, &format!("/api/v1/meetings/{meeting}/agenda/publish"), &serde_json::json!({}))
        .await;
    assert_eq!(status, StatusCode::OK);
    app.settled().await;
    for reader in [&member, &seated, &follower] {
        let (_, inbox) = reader.get_text("/en/inbox").await;
        assert!(inbox.contains("Agenda published"), "{inbox}");
    }
    let (_, inbox) = bystander.get_text("/en/inbox").await;
    assert!(inbox.contains("id=\"inbox-empty\""));
}

async fn a_reader_of_kazakh_in_the_latin_alphabet_gets_his_mail_in_it(app: TestApp) {
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let (id, _) = open(&app, &input(body), &SEEDS).await;
    let reader = app.participant().await;
    let chosen = reader.client.get(format!("{}/kk/script/latn?back=/kk/", reader.base)).send().await.unwrap();
    assert!(chosen.status().is_redirection());
    reader.post_form("/kk/follow", &[("area", "consultation"), ("item", &id.to_string()), ("action", "follow")]).await;
    add_published(&app, id, "Жастарға спорт алаңдары керек").await;
    app.settled().await;
    app.state.platform.jobs.run_due_now().await.unwrap();
    let mails = outbox(&app);
    assert_eq!(mails.len(), 1);
    let text = decoded(&mails[0].1);
    assert!(text.contains("Sälemetsız be"), "{text}");
    assert!(text.contains("/kk/consultations/"), "{text}");
    assert!(!text.contains("Сәлеметсіз"), "no Cyrillic left: {text}");
}

#[tokio::test]
async fn many_followers_are_told_in_batches_once_each_even_when_applied_again() {
    let app = TestApp::sqlite().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let (id, _) = open(&app, &input(body), &SEEDS).await;
    let birlik::platform::db::Db::Sqlite { write, .. } = &app.state.platform.db else { unreachable!() };
    let at = birlik::platform::db::now();
    // 2,500 followers: more than one batch.
    for chunk in (0..2_500).collect::<Vec<i64>>().chunks(500) {
        let mut q = sqlx::QueryBuilder::new(
            "INSERT INTO users (email, email_normalized, display_name, password_hash, created_at, email_confirmed_at) ",
        );
        q.push_values(chunk, |mut b, n| {
            let email = format!("f{n}@many.kz");
            b.push_bind(email.clone()).push_bind(email).push_bind("F").push_bind("-").push_bind(&at).push_bind(&at);
        });
        q.build().execute(write).await.unwrap();
    }
    sqlx::query(
        "INSERT INTO follows (area, item_id, user_id, created_at)
         SELECT 'consultation', $1, id, $2 FROM users WHERE email LIKE '%@many.kz'",
    )
    .bind(id)
    .bind(&at)
    .execute(write)
    .await
    .unwrap();
    add_published(&app, id, "Жастарға спорт алаңдары керек").await;
    app.settled().await;
    assert_eq!(app.count("notifications").await, 2_500);
    let timers: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE kind = 'notify.mail'").fetch_one(write).await.unwrap();
    assert_eq!(timers, 5, "one mail timer per 500 notices");
    // Applied again by the next server (a crash before the event was marked): nothing new.
    sqlx::query("UPDATE events SET applied_at = NULL WHERE kind = 'statement.added'").execute(write).await.unwrap();
    let app = app.stop().await.start(|_| {}).await;
    app.settled().await;
    let unapplied: i64 = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM events WHERE applied_at IS NULL").fetch_one(pool).await.unwrap()
    });
    assert_eq!(unapplied, 0, "the event was applied again");
    assert_eq!(app.count("notifications").await, 2_500);
}

crate::on_both_backends!(
    followers_of_a_consultation_hear_of_each_new_statement_in_their_inbox_and_by_mail,
    a_follower_whose_address_is_not_confirmed_hears_in_his_inbox_only,
    an_event_applied_again_after_a_crash_writes_no_second_notice_nor_mail,
    a_daily_digest_gathers_notices_and_its_link_unsubscribes_in_one_click,
    following_needs_a_login_and_a_real_public_item,
    the_author_hears_whether_a_moderator_published_or_rejected_his_statement,
    a_published_agenda_reaches_the_bodys_members_seated_or_by_role_and_its_followers,
    a_reader_of_kazakh_in_the_latin_alphabet_gets_his_mail_in_it,
);
