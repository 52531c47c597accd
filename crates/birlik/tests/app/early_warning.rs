//! Early warning and mediation: anonymous reports keep nothing that identifies their sender and are limited per
//! address; only confirmed signals move the index; an abnormal rise raises an alert its owners acknowledge, or it
//! escalates; the public sees weekly figures with small counts withheld; a role × action matrix over signals,
//! alerts and cases; mediation files are sealed (the raw database file holds no case text), read only by their
//! mediators and the chair, every read logged; a missing or wrong key stops the server; retention; the demo.

use birlik::early_warning;
use birlik::platform::identity::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{LoggedIn, TestApp};

const HOUR_MS: i64 = 3_600_000;

/// Today in Kazakhstan by the app's clock, `YYYY-MM-DD`.
fn today(app: &TestApp) -> String {
    birlik::platform::days::iso(birlik::platform::days::date_at(app.state.platform.jobs.now_ms()))
}

fn report_form<'a>(
    region: &'a str,
    day: &'a str,
    indicator: &'a str,
    severity: &'a str,
    text: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("text", text),
        ("text_lang", "kk"),
        ("region_code", region),
        ("happened_on", day),
        ("indicators", indicator),
        ("severity", severity),
        ("reporter", "anonymous"),
    ]
}

async fn signal_row(app: &TestApp, id: i64) -> (String, Option<i64>, String, Option<String>) {
    birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_as("SELECT reporter, reported_by, created_at, contact_sealed FROM signals WHERE id = $1")
            .bind(id).fetch_one(pool).await.unwrap()
    })
}

async fn last_signal(app: &TestApp) -> i64 {
    birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT MAX(id) FROM signals").fetch_one(pool).await.unwrap()
    })
}

/// A verifier of the regional assembly of `region`, named by its secretariat through the form.
async fn verifier_of(app: &TestApp, region: &str, n: u32) -> LoggedIn {
    let assembly = app.body_id("regional_assembly", Some(region)).await;
    let sec = app.secretariat_of(assembly).await;
    let email = format!("verifier-{region}-{n}@test.kz");
    app.user(&email, &[Role::Participant]).await;
    let named = sec.post_form("/en/signals/verifiers", &[("body_id", &assembly.to_string()), ("email", &email)]).await;
    assert_eq!(named.status(), StatusCode::SEE_OTHER);
    app.login_as(&email).await
}

async fn week_of(app: &TestApp, region: &str) -> Value {
    let (status, index) = app.get_json("/api/v1/early-warning/index.json").await;
    assert_eq!(status, StatusCode::OK);
    index["items"].as_array().unwrap().iter().rev().find(|w| w["region_code"] == region).cloned().unwrap()
}

async fn signals_verified_alerts_owned(app: TestApp) {
    let day = today(&app);
    // An anonymous report through the public form: nothing identifies its sender.
    let (status, form) = app.get_text("/kk/signals/new").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        form.contains("signal-form") && !form.contains("name=\"settlement\""),
        "no place is asked of anonymous readers"
    );
    let before = app.count("events").await;
    let sent = app
        .post_form("/en/signals", &report_form("KZ-19", &day, "violent-clash", "5", "Екі ауыл жастары төбелесті."))
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let clash = last_signal(&app).await;
    let (reporter, by, created, contact) = signal_row(&app, clash).await;
    assert_eq!((reporter.as_str(), by, created.len(), contact), ("anonymous", None, 10, None), "a day, never a time");
    assert_eq!(app.count("events").await, before, "no outbox row ties an anonymous report to a moment");
    let audit: (String, String) = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_as("SELECT at, after_json FROM audit_log WHERE entity = 'signal' AND entity_id = $1")
            .bind(clash.to_string()).fetch_one(pool).await.unwrap()
    });
    assert_eq!(audit.0.len(), 10);
    assert!(!audit.1.contains("төбелесті"), "the audit log keeps what the index counts, not the text: {}", audit.1);

    // Bad input changes nothing, with errors in the reader's language.
    let n = app.count("signals").await;
    let mut bad = report_form("KZ-19", &day, "violent-clash", "5", "x");
    bad.retain(|(k, _)| *k != "indicators");
    let refused = app.post_form("/ru/signals", &bad).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.unwrap().contains("Отметьте хотя бы один индикатор"));
    let long = "ы".repeat(4001);
    let refused = app.post_form("/en/signals", &report_form("KZ-19", &day, "rumour", "1", &long)).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = app.post_form("/en/signals", &report_form("KZ-19", "2999-01-01", "rumour", "1", "Болашақ")).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = app.post_form("/en/signals", &report_form("KZ-99", &day, "rumour", "1", "Жоқ өңір")).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("signals").await, n);

    // Unverified, it moves nothing the public sees.
    app.settled().await;
    let week = week_of(&app, "KZ-19").await;
    assert_eq!(week["index"], 0.0, "{week}");

    // Verifiers see their own region only.
    let verifier = verifier_of(&app, "KZ-19", 1).await;
    let other = verifier_of(&app, "KZ-75", 1).await;
    let (status, _) = other.get_text(&format!("/en/signals/{clash}")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, list) = other.send_json(Method::GET, "/api/v1/signals", &json!(null)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(list["items"].as_array().unwrap().iter().all(|s| s["region_code"] == "KZ-75"), "{list}");
    let (status, page) = verifier.get_text(&format!("/en/signals/{clash}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Екі ауыл жастары төбелесті."));
    // A finding needs a note; confirmed straight from new, the signal enters the index.
    let refused =
        verifier.post_form(&format!("/en/signals/{clash}/verify"), &[("status", "confirmed"), ("note", "")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = other
        .send_json(
            Method::POST,
            &format!("/api/v1/signals/{clash}/verification"),
            &json!({ "status": "confirmed", "note": "x" }),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let done = verifier
        .post_form(
            &format!("/en/signals/{clash}/verify"),
            &[("status", "confirmed"), ("note", "Аудан әкімдігі растады.")],
        )
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    app.settled().await;
    let week = week_of(&app, "KZ-19").await;
    assert!(week["index"].as_f64().unwrap() >= 24.0, "3 × 8 for a fresh violent clash: {week}");
    assert_eq!((week["signals"].clone(), week["fewer_than_5"].clone()), (Value::Null, json!(true)), "{week}");
    let (_, csv) = app.get_text("/api/v1/early-warning/index.csv").await;
    assert!(csv.starts_with("region_code,week,starts_on,index,signals"));
    assert!(csv.lines().any(|l| l.starts_with("KZ-19,") && l.ends_with(",<5")), "{csv}");

    // The rise raised an alert, owned by the region: its verifier and secretariat acknowledge and answer it.
    let (status, alerts) = verifier.send_json(Method::GET, "/api/v1/alerts", &json!(null)).await;
    assert_eq!(status, StatusCode::OK);
    let alert = alerts["items"].as_array().unwrap().iter().find(|a| a["region_code"] == "KZ-19").cloned();
    let alert = alert.unwrap_or_else(|| panic!("an alert for KZ-19: {alerts}"));
    let id = alert["id"].as_i64().unwrap();
    assert_eq!(alert["status"], "open");
    let (status, _) = app.get_json("/api/v1/alerts").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let participant = app.participant().await;
    let (status, _) = participant.send_json(Method::GET, "/api/v1/alerts", &json!(null)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, theirs) = other.send_json(Method::GET, "/api/v1/alerts", &json!(null)).await;
    assert!(theirs["items"].as_array().unwrap().iter().all(|a| a["region_code"] != "KZ-19"));
    let refused = other.post_form(&format!("/en/alerts/{id}/acknowledge"), &[]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let done = verifier.post_form(&format!("/en/alerts/{id}/acknowledge"), &[]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let again = verifier.post_form(&format!("/en/alerts/{id}/acknowledge"), &[]).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let done = verifier.post_form(&format!("/en/alerts/{id}/response"), &[("response", "Кеңес ауылға барды.")]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    app.settled().await;
    let notified: i64 = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE kind = 'alert-raised'").fetch_one(pool).await.unwrap()
    });
    assert!(notified >= 1, "the owners were told");

    // An alert nobody acknowledges escalates to the national level once its 24 hours pass.
    let named = verifier_of(&app, "KZ-11", 1).await;
    let body = json!({ "text": "Төбелес", "text_lang": "kk", "region_code": "KZ-11", "happened_on": day,
        "indicators": ["violent-clash"], "severity": 5 });
    let (status, _) = participant.send_json(Method::POST, "/api/v1/signals", &body).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "the API takes councils' reports only");
    let (status, made) = named.send_json(Method::POST, "/api/v1/signals", &body).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let sid = made["id"].as_i64().unwrap();
    assert_eq!(signal_row(&app, sid).await.0, "named");
    let (status, _) = named
        .send_json(
            Method::POST,
            &format!("/api/v1/signals/{sid}/verification"),
            &json!({ "status": "confirmed", "note": "Иә." }),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    app.settled().await;
    let (_, alerts) = named.send_json(Method::GET, "/api/v1/alerts", &json!(null)).await;
    let escalating = alerts["items"].as_array().unwrap().iter().find(|a| a["region_code"] == "KZ-11").unwrap()["id"]
        .as_i64()
        .unwrap();
    app.clock.advance(std::time::Duration::from_secs(25 * 3600));
    app.state.platform.jobs.run_due_now().await.unwrap();
    let a = early_warning::store::alert(&app.state.platform.db, escalating).await.unwrap().unwrap();
    assert!(a.escalated_at.is_some(), "escalated");
    let b = early_warning::store::alert(&app.state.platform.db, id).await.unwrap().unwrap();
    assert!(b.escalated_at.is_none(), "the acknowledged one is not");
}

async fn the_intake_limit_the_questionnaire_and_retention(app: TestApp) {
    let day = today(&app);
    // Anonymous reports are limited per address (in memory): the sixth in a burst is refused.
    let client = TestApp::client_from("127.0.0.7");
    let mut statuses = Vec::new();
    for i in 0..6 {
        let text = format!("Қауесет {i}");
        let response = client
            .post(app.url("/en/signals"))
            .form(&report_form("KZ-31", &day, "rumour", "1", &text))
            .send()
            .await
            .unwrap();
        statuses.push(response.status());
    }
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::SEE_OTHER).count(), 5, "{statuses:?}");
    assert_eq!(statuses.last(), Some(&StatusCode::TOO_MANY_REQUESTS));

    // A questionnaire: all rows or none, with errors by row.
    let assembly = app.body_id("regional_assembly", Some("KZ-31")).await;
    let sec = app.secretariat_of(assembly).await;
    let upload = |csv: String| {
        let part = reqwest::multipart::Part::bytes(csv.into_bytes()).file_name("q.csv").mime_str("text/csv").unwrap();
        reqwest::multipart::Form::new().text("body_id", assembly.to_string()).part("file", part)
    };
    let header = "happened_on,region_code,district_id,indicators,severity,text_lang,text";
    let n = app.count("signals").await;
    let bad = format!("{header}\n{day},KZ-31,,land-dispute;threats,3,kk,Жер дауы\n{day},KZ-31,,nonsense,9,kk,Қате\n");
    let response =
        sec.client.post(format!("{}/en/signals/questionnaire", sec.base)).multipart(upload(bad)).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(page.contains("Row 3 is wrong"), "{page}");
    assert_eq!(app.count("signals").await, n, "none stored");
    let good = format!(
        "{header}\n{day},KZ-31,,land-dispute;threats,3,kk,Жер дауы\n{day},KZ-31,,joint-celebration,1,ru,Праздник\n"
    );
    let response =
        sec.client.post(format!("{}/en/signals/questionnaire", sec.base)).multipart(upload(good)).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.count("signals").await, n + 2);
    let participant = app.participant().await;
    let response = participant
        .client
        .post(format!("{}/en/signals/questionnaire", participant.base))
        .multipart(upload(String::new()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // Retention: two years on, anonymous texts are redacted; named ones and the counts stay.
    let now = app.state.platform.jobs.now_ms();
    let redacted =
        early_warning::changes::apply_retention(&app.state.platform.db, now + 731 * 24 * HOUR_MS, 730).await.unwrap();
    assert_eq!(redacted, 5);
    let left: i64 = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM signals WHERE text IS NOT NULL").fetch_one(pool).await.unwrap()
    });
    assert_eq!(left, 2, "the questionnaire's named signals keep their text");
    let audited: i64 = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'redact'").fetch_one(pool).await.unwrap()
    });
    assert_eq!(audited, 1);
}

/// A login linked to a seat of the national ethnomediation council (`position` chair or member).
async fn seated(app: &TestApp, council: i64, chair: bool, n: usize) -> (LoggedIn, i64) {
    let filter =
        birlik::registry::store::MembershipFilter { body: Some(council), per_page: Some(50), ..Default::default() };
    let seats = birlik::registry::store::memberships(&app.state.platform.db, &filter).await.unwrap().0;
    let seat = seats
        .iter()
        .filter(|m| (m.position == birlik::registry::model::Position::Chair) == chair)
        .nth(n)
        .unwrap_or_else(|| panic!("seat {n} (chair: {chair}) of {seats:?}"));
    let email = format!("mediator-{}-{n}-{chair}@test.kz", seat.person_id);
    let id = app.user(&email, &[Role::Participant]).await;
    birlik::platform::identity::store::link_person(&app.state.platform.db, None, id, Some(seat.person_id))
        .await
        .unwrap();
    (app.login_as(&email).await, seat.person_id)
}

async fn cases_are_read_only_by_their_mediators_and_sealed(app: TestApp) {
    let council = app.body_id("ethnomediation_council", None).await;
    let (chair, _) = seated(&app, council, true, 0).await;
    let (first, first_person) = seated(&app, council, false, 0).await;
    let (second, second_person) = seated(&app, council, false, 1).await;
    let (outsider, _) = seated(&app, council, false, 2).await;
    let secretariat = app.secretariat_of(council).await;
    let admin = app.admin().await;
    let participant = app.participant().await;
    let secret_title = "Құпия іс: Ақсу ауылындағы су дауы";
    let secret_party = "Тараптың құпия аты Ержан";
    let secret_note = "Медиатордың құпия жазбасы: келісім жақын.";
    let mediators = [first_person.to_string(), second_person.to_string()];
    let form = |title: &str| {
        vec![
            ("council_id", council.to_string()),
            ("region_code", "KZ-10".to_owned()),
            ("title", title.to_owned()),
            ("party_kind", "community".to_owned()),
            ("party_name", secret_party.to_owned()),
            ("party_kind", "person".to_owned()),
            ("party_name", "Екінші тарап".to_owned()),
            ("mediators", mediators[0].clone()),
            ("mediators", mediators[1].clone()),
            ("note", secret_note.to_owned()),
        ]
    };
    let as_pairs = |v: &Vec<(&'static str, String)>| v.iter().map(|(k, v)| (*k, v.clone())).collect::<Vec<_>>();
    let refused = participant
        .client
        .post(format!("{}/en/mediation", participant.base))
        .form(&as_pairs(&form(secret_title)))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN, "only the council opens cases");
    let mut one_party = form(secret_title);
    one_party.retain(|(k, v)| !(*k == "party_name" && v == "Екінші тарап"));
    let refused =
        first.client.post(format!("{}/en/mediation", first.base)).form(&as_pairs(&one_party)).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let opened = first
        .client
        .post(format!("{}/en/mediation", first.base))
        .form(&as_pairs(&form(secret_title)))
        .send()
        .await
        .unwrap();
    assert_eq!(opened.status(), StatusCode::SEE_OTHER);
    let location = opened.headers()["location"].to_str().unwrap().to_owned();
    let id: i64 = location.trim_start_matches("/en/mediation/").split('?').next().unwrap().parse().unwrap();
    let path = format!("/en/mediation/{id}");

    // Who may read: the assigned mediators and the chair; nobody else, not even an admin.
    for (who, reader) in [("first", &first), ("second", &second), ("chair", &chair)] {
        let (status, page) = reader.get_text(&path).await;
        assert_eq!(status, StatusCode::OK, "{who}");
        assert!(page.contains(secret_title) && page.contains(secret_party), "{who}");
    }
    for (who, reader) in
        [("outsider", &outsider), ("secretariat", &secretariat), ("admin", &admin), ("participant", &participant)]
    {
        let (status, page) = reader.get_text(&path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{who}");
        assert!(!page.contains(secret_title), "{who}");
        let refused = reader
            .post_form(&format!("{path}/entries"), &[("kind", "note"), ("on_day", "2026-01-01"), ("text", "x")])
            .await;
        assert_eq!(refused.status(), StatusCode::NOT_FOUND, "{who} writes nothing");
    }
    let (status, _) = app.get_text(&path).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    // The chair sees every read; a mediator does not see the log.
    let (_, page) = chair.get_text(&path).await;
    assert!(page.contains("id=\"reads\""));
    let (_, page) = first.get_text(&path).await;
    assert!(!page.contains("id=\"reads\""));
    let reads = app.count("case_reads").await;
    assert!(reads >= 5, "every read is logged: {reads}");

    // An agreement with a follow-up: the mediators are reminded on its day.
    let today = today(&app);
    let follow_up =
        birlik::platform::days::iso(birlik::platform::days::date_at(app.state.platform.jobs.now_ms() + 48 * HOUR_MS));
    let written = second
        .post_form(
            &format!("{path}/entries"),
            &[
                ("kind", "agreement"),
                ("on_day", &today),
                ("text", "Келісім: суды кезекпен."),
                ("follow_up_on", &follow_up),
            ],
        )
        .await;
    assert_eq!(written.status(), StatusCode::SEE_OTHER);
    app.clock.advance(std::time::Duration::from_secs(72 * 3600));
    app.state.platform.jobs.run_due_now().await.unwrap();
    app.settled().await;
    let reminded: i64 = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE kind = 'case-follow-up'").fetch_one(pool).await.unwrap()
    });
    assert_eq!(reminded, 2, "both mediators");
    let closed = first
        .post_form(
            &format!("{path}/entries"),
            &[("kind", "outcome"), ("on_day", &today), ("text", "Келісім сақталды."), ("outcome", "agreement_held")],
        )
        .await;
    assert_eq!(closed.status(), StatusCode::SEE_OTHER);
    let again =
        first.post_form(&format!("{path}/entries"), &[("kind", "note"), ("on_day", &today), ("text", "Тағы")]).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);

    // The public sees counts only, small ones withheld.
    let (_, page) = app.get_text("/en/mediation").await;
    assert!(page.contains("fewer than 5") && !page.contains(secret_title));

    // Nothing of the case is in the database in clear.
    let raw = raw_database(&app).await;
    for secret in [secret_title, secret_party, secret_note, "Келісім: суды кезекпен.", "Құпия құжат", "Қолхат"]
    {
        assert!(!raw.contains(secret), "{secret} is sealed");
    }
}

/// Every text the database holds, as stored: for SQLite the bytes of its files (the WAL checkpointed first), for
/// PostgreSQL every text column of the mediation tables.
async fn raw_database(app: &TestApp) -> String {
    match &app.state.platform.db {
        birlik::platform::db::Db::Sqlite { write, .. } => {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(write).await.unwrap();
            let mut all = Vec::new();
            for entry in std::fs::read_dir(app.data_dir()).unwrap() {
                let path = entry.unwrap().path();
                if path.file_name().unwrap().to_string_lossy().starts_with("birlik.sqlite3") {
                    all.extend(std::fs::read(&path).unwrap());
                }
            }
            String::from_utf8_lossy(&all).into_owned()
        }
        birlik::platform::db::Db::Postgres(pool) => {
            let rows: Vec<(String,)> = sqlx::query_as(
                "SELECT title_sealed FROM mediation_cases UNION ALL SELECT name_sealed FROM case_parties
                 UNION ALL SELECT text_sealed FROM case_entries UNION ALL SELECT COALESCE(agreement_sealed, '') FROM mediation_cases
                 UNION ALL SELECT title_sealed FROM case_documents UNION ALL SELECT content_sealed FROM case_documents
                 UNION ALL SELECT COALESCE(after_json, '') FROM audit_log",
            )
            .fetch_all(pool)
            .await
            .unwrap();
            rows.into_iter().map(|r| r.0).collect::<Vec<_>>().join("\n")
        }
    }
}

mod both {
    use super::*;
    crate::on_both_backends!(
        signals_verified_alerts_owned,
        the_intake_limit_the_questionnaire_and_retention,
        cases_are_read_only_by_their_mediators_and_sealed
    );
}

#[tokio::test]
async fn a_missing_or_wrong_key_stops_the_server() {
    let app = TestApp::sqlite().await;
    let key_file = app.data_dir().join(birlik::platform::seal::KEY_FILE);
    assert!(key_file.exists(), "made at the first start");
    let db = app.state.platform.db.clone();
    let sealer = birlik::platform::seal::Sealer::new(app.data_dir());
    sealer.check(&db).await.expect("the right key opens it");
    std::fs::write(&key_file, "ab".repeat(32)).unwrap();
    let wrong = birlik::platform::seal::Sealer::new(app.data_dir()).check(&db).await.unwrap_err();
    assert!(wrong.to_string().contains("mediation key is wrong"), "{wrong}");
    std::fs::remove_file(&key_file).unwrap();
    let missing = birlik::platform::seal::Sealer::new(app.data_dir()).check(&db).await.unwrap_err();
    assert!(missing.to_string().contains("mediation key is missing"), "{missing}");
    assert!(!key_file.exists(), "a lost key is never replaced by a new one over sealed data");
    std::fs::write(&key_file, "not a key").unwrap();
    let malformed = birlik::platform::seal::Sealer::new(app.data_dir()).check(&db).await.unwrap_err();
    assert!(malformed.to_string().contains("64 hexadecimal digits"), "{malformed}");
}

#[tokio::test]
async fn the_public_dashboard_shows_weekly_figures_in_three_languages() {
    let app = TestApp::sqlite().await;
    for (lang, title) in [("kk", "Ерте ескерту"), ("ru", "Раннее предупреждение"), ("en", "Early warning")]
    {
        let (status, page) = app.get_text(&format!("/{lang}/early-warning")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains(title) && page.contains("<svg") && page.contains("id=\"regions\""), "{lang}");
        assert_eq!(page.matches("<tr id=\"region-").count(), 20, "every region in the table beside the map");
    }
    let (status, _) = app.get_text("/en/early-warning/regions/KZ-55").await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app.get_text("/en/early-warning/regions/XX").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app.get_text("/en/signals").await;
    assert_eq!(status, StatusCode::SEE_OTHER, "signals are not public: log in first");
    let participant = app.participant().await;
    let (status, _) = participant.get_text("/en/signals").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_demo_has_a_year_of_signals_a_planted_alert_and_two_cases() {
    let app = TestApp::sqlite().await;
    let db = &app.state.platform.db;
    let now = app.state.platform.jobs.now_ms();
    let planted = early_warning::demo::load(db, now).await.unwrap().expect("the planted rise raised an alert");
    let alert = early_warning::store::alert(db, planted).await.unwrap().unwrap();
    assert_eq!((alert.region_code.as_str(), alert.demo), (early_warning::demo::RISE_REGION, true));
    assert_eq!(alert.status, early_warning::model::AlertStatus::Responded);
    let stray: i64 = birlik::with_read!(db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM alerts WHERE region_code <> $1").bind(early_warning::demo::RISE_REGION).fetch_one(pool).await.unwrap()
    });
    assert_eq!(stray, 0, "the background year raises no alert");
    assert!(app.count("signals").await > 500);
    birlik::mediation::demo::load(db, &app.state.platform.seal, now).await.unwrap();
    assert_eq!(app.count("mediation_cases").await, 2);
    let closed: i64 = birlik::with_read!(db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM mediation_cases WHERE status = 'closed' AND outcome = 'agreement_held'").fetch_one(pool).await.unwrap()
    });
    assert_eq!(closed, 1);
    app.settled().await;
    let (_, page) = app.get_text("/en/early-warning/rebuttals").await;
    assert!(page.contains("Verification showed the rumour to be false"), "{page}");
}

/// Who may do what, as a matrix: reading and verifying a signal of KZ-19, listing alerts, reading and writing to a
/// mediation case. Refusals are part of the matrix.
#[tokio::test]
async fn a_matrix_of_roles_and_actions_over_signals_alerts_and_cases() {
    let app = TestApp::sqlite().await;
    let day = today(&app);
    app.post_form("/en/signals", &report_form("KZ-19", &day, "rumour", "1", "Қауесет")).await;
    let signal = last_signal(&app).await;
    let council = app.body_id("ethnomediation_council", None).await;
    let assembly = app.body_id("regional_assembly", Some("KZ-19")).await;
    let (chair, _) = seated(&app, council, true, 0).await;
    let (mediator, person) = seated(&app, council, false, 0).await;
    let (other_mediator, _) = seated(&app, council, false, 1).await;
    let opened = mediator
        .post_form(
            "/en/mediation",
            &[
                ("council_id", council.to_string().as_str()),
                ("region_code", "KZ-19"),
                ("title", "Матрица ісі"),
                ("party_kind", "community"),
                ("party_name", "Бірінші"),
                ("party_kind", "community"),
                ("party_name", "Екінші"),
                ("mediators", person.to_string().as_str()),
            ],
        )
        .await;
    assert_eq!(opened.status(), StatusCode::SEE_OTHER);
    let case: i64 = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT MAX(id) FROM mediation_cases").fetch_one(pool).await.unwrap()
    });
    let anonymous = LoggedIn { base: format!("http://{}", app.address), client: TestApp::client() };
    let roles: Vec<(&str, LoggedIn)> = vec![
        ("anonymous", anonymous),
        ("participant", app.participant().await),
        ("verifier KZ-19", verifier_of(&app, "KZ-19", 9).await),
        ("verifier KZ-75", verifier_of(&app, "KZ-75", 9).await),
        ("secretariat KZ-19", app.secretariat_of(assembly).await),
        ("secretariat council", app.secretariat_of(council).await),
        ("admin", app.admin().await),
        ("mediator", mediator),
        ("other mediator", other_mediator),
        ("chair", chair),
    ];
    // Expected statuses: read signal, list alerts (API), read case, write to the case.
    let expected: [(&str, [u16; 4]); 10] = [
        ("anonymous", [303, 401, 303, 303]),
        ("participant", [403, 403, 404, 404]),
        ("verifier KZ-19", [200, 200, 404, 404]),
        ("verifier KZ-75", [403, 200, 404, 404]),
        ("secretariat KZ-19", [200, 200, 404, 404]),
        ("secretariat council", [200, 200, 404, 404]),
        ("admin", [200, 200, 404, 404]),
        ("mediator", [403, 200, 200, 303]),
        ("other mediator", [403, 200, 404, 404]),
        ("chair", [403, 200, 200, 303]),
    ];
    for ((name, who), (expected_name, statuses)) in roles.iter().zip(expected) {
        assert_eq!(*name, expected_name);
        let (read, _) = who.get_text(&format!("/en/signals/{signal}")).await;
        let (alerts, _) = who.send_json(Method::GET, "/api/v1/alerts", &json!(null)).await;
        let (case_page, _) = who.get_text(&format!("/en/mediation/{case}")).await;
        let write = who
            .post_form(
                &format!("/en/mediation/{case}/entries"),
                &[("kind", "note"), ("on_day", &day), ("text", "Жазба")],
            )
            .await
            .status();
        let got = [read.as_u16(), alerts.as_u16(), case_page.as_u16(), write.as_u16()];
        assert_eq!(got, statuses, "{name}: read signal, list alerts, read case, write to case");
    }
    // Verifying: only who verifies the region; the others change nothing.
    for (name, who) in &roles {
        let response = who.post_form(&format!("/en/signals/{signal}/verify"), &[("status", "verifying")]).await;
        let allowed = matches!(*name, "verifier KZ-19" | "secretariat KZ-19" | "secretariat council" | "admin");
        let status = response.status();
        if allowed {
            assert!(status == StatusCode::SEE_OTHER || status == StatusCode::CONFLICT, "{name}: {status}");
        } else {
            assert!(
                status == StatusCode::FORBIDDEN || status == StatusCode::SEE_OTHER && *name == "anonymous",
                "{name}: {status}"
            );
        }
    }
}
