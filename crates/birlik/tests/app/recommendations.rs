//! Recommendations to state bodies: the legal clock in Kazakhstan working days (hand-checked around Nauryz), the
//! liaison's steps and what they refuse, reminders and escalation that fire once even across a restart, the
//! scorecard (JSON, CSV, page) and the Atom feed, and the demo.

use birlik::recommendations::addressees;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{LoggedIn, TestApp};

/// 2025-03-19 10:00 in Kazakhstan (05:00 UTC), in Unix milliseconds.
const MARCH_19_2025: i64 = 1_742_360_400_000;
const DAY_MS: i64 = 86_400_000;

async fn addressee_id(app: &TestApp, code: &str) -> i64 {
    addressees::by_code(&app.state.platform.db, code).await.unwrap().unwrap_or_else(|| panic!("{code} is shipped")).id
}

/// A new account made the liaison of `code` (by an admin, through the addressee's page), logged in.
async fn liaison_of(app: &TestApp, admin: &LoggedIn, code: &str, n: u32) -> LoggedIn {
    let email = format!("liaison-{code}-{n}@test.kz");
    app.user(&email, &[]).await;
    let id = addressee_id(app, code).await;
    let response = admin.post_form(&format!("/en/addressees/{id}/liaisons"), &[("email", email.as_str())]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    app.login_as(&email).await
}

async fn post(who: &LoggedIn, path: &str, body: Value) -> (StatusCode, Value) {
    who.send_json(Method::POST, path, &body).await
}

async fn rec(app: &TestApp, id: i64) -> Value {
    app.get_json(&format!("/api/v1/recommendations/{id}")).await.1
}

async fn reminders(app: &TestApp, id: i64, kind: &str) -> i64 {
    birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM recommendation_reminders WHERE recommendation_id = $1 AND kind = $2")
            .bind(id).bind(kind).fetch_one(pool).await.unwrap()
    })
}

async fn the_clock_the_liaison_and_the_scorecard(app: TestApp) {
    app.clock.set(MARCH_19_2025);
    let admin = app.admin().await;
    let nation = app.body_id("national_session", None).await;
    let sec = app.secretariat_of(nation).await;
    let education = liaison_of(&app, &admin, "min-education", 1).await;
    let culture = liaison_of(&app, &admin, "min-culture-information", 1).await;
    let (edu_id, cul_id, fin_id) = (
        addressee_id(&app, "min-education").await,
        addressee_id(&app, "min-culture-information").await,
        addressee_id(&app, "min-finance").await,
    );
    let sending = json!({
        "body_id": nation, "addressee_ids": [edu_id, cul_id],
        "title": { "kk": "Тіл курстары туралы", "en": "On language courses" },
        "text": { "ru": "Рекомендуем открыть курсы." }
    });
    let (status, _) = app.send_json(Method::POST, "/api/v1/recommendations", &sending).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = post(&education, "/api/v1/recommendations", sending.clone()).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a liaison sends nothing");
    let mut bad = sending.clone();
    bad["addressee_ids"] = json!([]);
    let (status, error) = post(&sec, "/api/v1/recommendations?lang=en", bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");

    // Received on Wednesday 19 March 2025: 15 working days across Nauryz (21–25 March off) end on 14 April.
    let (status, sent) = post(&sec, "/api/v1/recommendations", sending).await;
    assert_eq!(status, StatusCode::CREATED, "{sent}");
    let to_edu = sent["items"][0]["id"].as_i64().unwrap();
    let to_cul = sent["items"][1]["id"].as_i64().unwrap();
    let r = rec(&app, to_edu).await;
    assert_eq!((r["received_on"].as_str(), r["due_on"].as_str()), (Some("2025-03-19"), Some("2025-04-14")), "{r}");
    assert_eq!((r["forward_by"].as_str(), r["latest_extension_on"].as_str()), (Some("2025-03-27"), Some("2025-05-19")));
    assert_eq!(r["terms"][0]["rule"], "answer");
    let (_, page) = app.get_text(&format!("/en/recommendations/{to_edu}")).await;
    assert!(page.contains("15 working days from receipt (APPC art. 76)") && page.contains("14 April 2025"), "{page}");

    // Liaisons act only for their own addressee.
    let (status, _) = post(&culture, &format!("/api/v1/recommendations/{to_edu}/acknowledge"), json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = post(&education, &format!("/api/v1/recommendations/{to_edu}/acknowledge"), json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = post(&education, &format!("/api/v1/recommendations/{to_edu}/acknowledge"), json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT, "once");

    // An extension: after the due date, at most two months from receipt; once.
    let (status, error) = post(
        &education,
        &format!("/api/v1/recommendations/{to_edu}/extension?lang=en"),
        json!({ "to": "2025-05-20", "reason": "Деректер жиналуда." }),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(error.to_string().contains("at most two months after receipt"), "{error}");
    let (status, r) = post(
        &education,
        &format!("/api/v1/recommendations/{to_edu}/extension"),
        json!({ "to": "2025-05-05", "reason": "Деректер жиналуда." }),
    )
    .await;
    assert_eq!((status, r["extended_to"].as_str()), (StatusCode::OK, Some("2025-05-05")), "{r}");

    // Culture forwards its copy to Finance (within 3 working days): a new clock from the day it is forwarded.
    app.clock.set(MARCH_19_2025 + DAY_MS);
    let (status, moved) = post(
        &culture,
        &format!("/api/v1/recommendations/{to_cul}/forward"),
        json!({ "addressee_id": fin_id, "reason": "Қаржыландыру мәселесі." }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    let to_fin = moved["id"].as_i64().unwrap();
    assert_eq!(
        (moved["addressee_id"].as_i64(), moved["received_on"].as_str(), moved["due_on"].as_str()),
        (Some(fin_id), Some("2025-03-20"), Some("2025-04-15"))
    );
    assert_eq!(rec(&app, to_cul).await["status"], "forwarded");
    let (status, _) =
        post(&culture, &format!("/api/v1/recommendations/{to_cul}/answer"), json!({ "text": "Кеш.", "lang": "kk" }))
            .await;
    assert_eq!(status, StatusCode::CONFLICT, "a forwarded recommendation is closed");

    // Reminders fire once each, even when the worker runs again and across a restart; the escalation goes to the
    // sender when Finance lets the term pass.
    app.clock.set(MARCH_19_2025 + 30 * DAY_MS);
    app.state.platform.jobs.run_due_now().await.unwrap();
    assert_eq!((reminders(&app, to_fin, "due_in_5").await, reminders(&app, to_fin, "due_in_1").await), (1, 1));
    assert_eq!(reminders(&app, to_fin, "overdue").await, 1, "due 15 April, overdue from the 16th");
    assert_eq!(reminders(&app, to_edu, "overdue").await, 0, "the extension moved its term");
    let stopped = app.stop().await;
    let app = stopped.start(|_| {}).await;
    app.state.platform.jobs.run_due_now().await.unwrap();
    assert_eq!(reminders(&app, to_fin, "overdue").await, 1, "once, across a restart");
    assert!(rec(&app, to_fin).await["escalated_at"].is_string());
    app.settled().await;
    let sec = app.login_as(&sec_email(&app, nation).await).await;
    let (_, inbox) = sec.get_text("/en/inbox").await;
    assert!(inbox.contains("Overdue, no answer: “On language courses”"), "{inbox}");

    // Education answers after its extended term: late. Its second answer, and answers to closed ones, are refused.
    let education = app.login_as("liaison-min-education-1@test.kz").await;
    app.clock.set(MARCH_19_2025 + 48 * DAY_MS);
    let (status, r) = post(
        &education,
        &format!("/api/v1/recommendations/{to_edu}/answer"),
        json!({ "text": "Курстар 2026 жылы ашылады.", "lang": "kk" }),
    )
    .await;
    assert_eq!((status, r["answered_on"].as_str()), (StatusCode::OK, Some("2025-05-06")), "{r}");
    let (status, error) = post(
        &education,
        &format!("/api/v1/recommendations/{to_edu}/answer?lang=en"),
        json!({ "text": "Тағы.", "lang": "kk" }),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(error.to_string().contains("answered already"), "{error}");
    let (status, _) =
        post(&education, &format!("/api/v1/recommendations/{to_edu}/reports"), json!({ "implementation": "declined" }))
            .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a refusal needs its reason");
    let (status, r) = post(
        &education,
        &format!("/api/v1/recommendations/{to_edu}/reports"),
        json!({ "implementation": "implemented", "note": "Ашылды." }),
    )
    .await;
    assert_eq!(
        (status, r["status"].as_str(), r["reports"].as_array().map(Vec::len)),
        (StatusCode::OK, Some("closed"), Some(1))
    );
    let (status, _) =
        post(&education, &format!("/api/v1/recommendations/{to_edu}/reports"), json!({ "implementation": "planned" }))
            .await;
    assert_eq!(status, StatusCode::CONFLICT, "closed");

    // The scorecard: Education answered late (0 % on time) after its working days, implemented; Finance overdue.
    let (_, card) = app.get_json("/api/v1/scorecard").await;
    let line = |id: i64| card["items"].as_array().unwrap().iter().find(|l| l["addressee_id"] == id).unwrap().clone();
    let edu = line(edu_id);
    assert_eq!(
        (edu["received"].as_i64(), edu["answered_on_time"].as_f64(), edu["implemented"].as_f64()),
        (Some(1), Some(0.0), Some(100.0)),
        "{edu}"
    );
    assert_eq!(edu["median_working_days"].as_f64(), Some(30.0), "20, 26–28, 31 March; 22 in April; 2, 5, 6 May");
    let fin = line(fin_id);
    assert_eq!((fin["received"].as_i64(), fin["overdue"].as_i64()), (Some(1), Some(1)), "{fin}");
    assert_eq!(line(cul_id)["received"].as_i64(), Some(0), "what it forwarded counts at Finance");
    let (_, csv) = app.get_text("/api/v1/scorecard.csv").await;
    assert!(csv.starts_with("rank,addressee_id,code,") && csv.contains("min-finance"), "{csv}");
    let (status, page) = app.get_text("/kk/scorecard").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<svg") && page.contains("id=\"scorecard\""), "{page}");
    let (_, feed) = app.get_text(&format!("/api/v1/addressees/{fin_id}/recommendations.atom?lang=en")).await;
    assert!(feed.contains("<feed") && feed.contains("On language courses"), "{feed}");
}

/// The e-mail of the secretariat account the test made for `body`.
async fn sec_email(app: &TestApp, body: i64) -> String {
    birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT u.email FROM users u JOIN user_roles r ON r.user_id = u.id
                            WHERE r.role = 'secretariat' AND r.body_id = $1 ORDER BY u.id LIMIT 1")
            .bind(body).fetch_one(pool).await.unwrap()
    })
}

mod both {
    use super::*;
    crate::on_both_backends!(the_clock_the_liaison_and_the_scorecard);
}

#[tokio::test]
async fn the_demo_rises_from_a_district_and_reaches_ministries() {
    let app = TestApp::sqlite().await;
    let db = &app.state.platform.db;
    let accepted = birlik::proposals::demo::load(db).await.unwrap().expect("the demo proposals load");
    assert!(birlik::proposals::demo::load(db).await.unwrap().is_none(), "once");
    let (_, p) = app.get_json(&format!("/api/v1/proposals/{accepted}")).await;
    assert_eq!(
        (p["status"].as_str(), p["origins"].as_i64(), p["districts"].as_i64()),
        (Some("accepted"), Some(2), Some(2)),
        "{p}"
    );
    let (_, page) = app.get_text(&format!("/en/proposals/{accepted}")).await;
    assert!(page.contains("Raised in") && page.contains("4 May 2026"), "{page}");
    let now = app.state.platform.jobs.now_ms();
    assert!(birlik::recommendations::demo::load(db, Some(accepted), now).await.unwrap());
    assert!(!birlik::recommendations::demo::load(db, Some(accepted), now).await.unwrap(), "once");
    app.state.platform.jobs.run_due_now().await.unwrap();
    let (_, list) = app.get_json("/api/v1/recommendations").await;
    let items = list["items"].as_array().unwrap();
    assert!(items.len() >= 6, "{list}");
    assert!(
        items.iter().any(|r| r["overdue"] == true && r["escalated_at"].is_string()),
        "one overdue, escalated: {list}"
    );
    assert!(
        items.iter().any(|r| r["extended_to"].is_string() && r["answered_on"].is_string()),
        "one extended, answered"
    );
    assert!(items.iter().any(|r| r["proposal_id"] == accepted), "from the accepted proposal");
    assert!(items.iter().all(|r| r["demo"] == true));
    let (_, card) = app.get_json("/api/v1/scorecard").await;
    let overdue: i64 = card["items"].as_array().unwrap().iter().map(|l| l["overdue"].as_i64().unwrap()).sum();
    assert_eq!(overdue, 1, "{card}");
}

#[tokio::test]
async fn admins_correct_and_archive_addressees_and_a_restart_keeps_their_edits() {
    let app = TestApp::sqlite().await;
    let id = addressee_id(&app, "party-amanat").await;
    let form = [
        ("name_kk", "AMANAT"),
        ("name_ru", "AMANAT"),
        ("name_en", "AMANAT party"),
        ("website", ""),
        ("archived", "on"),
    ];
    let participant = app.participant().await;
    let refused = participant.post_form(&format!("/en/addressees/{id}/edit"), &form).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let admin = app.admin().await;
    let bad = admin
        .post_form(&format!("/en/addressees/{id}/edit"), &[("name_kk", ""), ("name_ru", "x1"), ("name_en", "x1")])
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let saved = admin.post_form(&format!("/en/addressees/{id}/edit"), &form).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    // Archived: no longer listed nor a recipient; the shipped data loaded again keeps the admin's edit.
    let (_, list) = app.get_json("/api/v1/addressees").await;
    assert!(!list.to_string().contains("AMANAT party"));
    let nation = app.body_id("national_session", None).await;
    let sec = app.secretariat_of(nation).await;
    let sending = json!({ "body_id": nation, "addressee_ids": [id], "title": { "kk": "Т" }, "text": { "kk": "М" } });
    let (status, _) = post(&sec, "/api/v1/recommendations", sending).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    birlik::app::load_reference(&app.state.platform.db).await.unwrap();
    let kept = addressees::get(&app.state.platform.db, id).await.unwrap().unwrap();
    assert_eq!((kept.name_en.as_str(), kept.archived_at.is_some()), ("AMANAT party", true));
}

/// The scorecard the server keeps in memory counts what SQL counts over the table, when first read and after a
/// recommendation changed (only the changed rows are read again).
async fn the_scorecard_kept_in_memory_counts_as_sql_does(app: TestApp) {
    use birlik::recommendations::scorecard;
    let db = &app.state.platform.db;
    let accepted = birlik::proposals::demo::load(db).await.unwrap().expect("the demo proposals load");
    let now = app.state.platform.jobs.now_ms();
    assert!(birlik::recommendations::demo::load(db, Some(accepted), now).await.unwrap());
    let today = birlik::platform::days::iso(birlik::platform::days::date_at(now));
    let memo = scorecard::Memo::default();
    let in_sql = || async {
        let mut scores = scorecard::scores(db, &today).await.unwrap();
        scores.sort_by_key(|s| s.addressee_id);
        (format!("{scores:?}"), format!("{:?}", scorecard::months(db, None, &today).await.unwrap()))
    };
    let (scores, months) = memo.get(db, &today).await.unwrap();
    let before = (format!("{scores:?}"), format!("{months:?}"));
    assert_eq!(before, in_sql().await);
    assert!(
        scores.iter().any(|s| s.overdue > 0) && scores.iter().any(|s| s.median_working_days.is_some()),
        "{scores:?}"
    );

    // An awaiting recommendation is answered: the next read counts it.
    let answered = birlik::with_write!(db, pool => {
        sqlx::query("UPDATE recommendations SET status = 'answered', answered_on = $1, answer_working_days = 3,
                     updated_at = $2 WHERE id = (SELECT MIN(id) FROM recommendations WHERE status = 'awaiting')")
            .bind(&today).bind(birlik::platform::db::now()).execute(pool).await.unwrap().rows_affected()
    });
    assert_eq!(answered, 1);
    birlik::platform::change::committed(&[birlik::recommendations::LIST]);
    let (scores, months) = memo.get(db, &today).await.unwrap();
    let after = (format!("{scores:?}"), format!("{months:?}"));
    assert_ne!(after, before, "the change is counted");
    assert_eq!(after, in_sql().await);
}

mod kept {
    use super::*;
    crate::on_both_backends!(the_scorecard_kept_in_memory_counts_as_sql_does);
}
