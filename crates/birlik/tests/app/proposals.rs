//! Proposals of local communities: filing, support against a body's threshold and window, the body's steps
//! (forward up with the supporters, merge with the union of supporters, accept, reject), lineage, refusals that
//! change nothing, and the notices of each step.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{LoggedIn, TestApp};

pub fn proposal_json(body: i64, title: &str) -> Value {
    json!({
        "body_id": body,
        "title": { "kk": title, "en": format!("{title} (en)") },
        "text": { "kk": "Ұсыныстың мәтіні.", "ru": "Текст предложения." },
        "category": "language_culture"
    })
}

pub async fn file(who: &LoggedIn, body: i64, title: &str) -> i64 {
    let (status, p) = who.send_json(Method::POST, "/api/v1/proposals", &proposal_json(body, title)).await;
    assert_eq!(status, StatusCode::CREATED, "{p}");
    p["id"].as_i64().unwrap()
}

pub async fn support(who: &LoggedIn, id: i64) -> (StatusCode, Value) {
    who.send_json(Method::POST, &format!("/api/v1/proposals/{id}/support?lang=en"), &json!({})).await
}

pub async fn step(who: &LoggedIn, id: i64, body: Value) -> (StatusCode, Value) {
    who.send_json(Method::POST, &format!("/api/v1/proposals/{id}/steps?lang=en"), &body).await
}

async fn set_threshold(sec: &LoggedIn, body: i64, threshold: i64) {
    let (status, rules) = sec
        .send_json(
            Method::PUT,
            &format!("/api/v1/bodies/{body}/proposal-rules"),
            &json!({ "threshold": threshold, "window_days": 30 }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{rules}");
}

/// A district council and two of its siblings' parent: (region assembly, [district, district]).
pub async fn region_with_two_districts(app: &TestApp) -> (i64, i64, i64) {
    let bodies = birlik::registry::store::bodies(&app.state.platform.db, false).await.unwrap();
    for region in bodies.iter().filter(|b| b.kind.code() == "regional_assembly") {
        let districts: Vec<i64> = bodies
            .iter()
            .filter(|b| b.kind.code() == "public_consent_council" && b.parent_id == Some(region.id))
            .map(|b| b.id)
            .collect();
        if let [d1, d2, ..] = districts.as_slice() {
            return (region.id, *d1, *d2);
        }
    }
    panic!("the demo has a region with two district councils");
}

async fn filing_support_threshold_window_and_refusals(app: TestApp) {
    let (_, district, _) = region_with_two_districts(&app).await;
    let sec = app.secretariat_of(district).await;
    set_threshold(&sec, district, 3).await;
    let author = app.participant().await;
    let email = birlik::platform::identity::Email::parse("unconfirmed@test.kz").unwrap();
    let hash = birlik::accounts::password::hash(crate::support::PASSWORD.into()).await.unwrap();
    birlik::platform::identity::store::create(&app.state.platform.db, &email, "U", &hash, &[], false, None)
        .await
        .unwrap();
    let unconfirmed = app.login_as("unconfirmed@test.kz").await;
    let before = app.count("proposals").await;
    let audit = app.count("audit_log").await;

    // Refused, localized, nothing stored: no title, an unknown category, a body that takes no proposals.
    let mut bad = proposal_json(district, "x");
    bad["title"] = json!({});
    bad["category"] = json!("weather");
    let (status, error) = author.send_json(Method::POST, "/api/v1/proposals?lang=en", &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(error.to_string().contains("Write the text in at least one language."), "{error}");
    let (_, ru) = author.send_json(Method::POST, "/api/v1/proposals?lang=ru", &bad).await;
    assert!(ru.to_string().contains("Напишите текст хотя бы на одном языке."), "{ru}");
    let council = app.body_id("council", None).await;
    let (status, _) = author.send_json(Method::POST, "/api/v1/proposals", &proposal_json(council, "Кеңеске")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "the Council takes no proposals");
    let (status, _) = app.send_json(Method::POST, "/api/v1/proposals", &proposal_json(district, "Аноним")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // An account whose address is not confirmed files nothing.
    let (status, error) =
        unconfirmed.send_json(Method::POST, "/api/v1/proposals?lang=en", &proposal_json(district, "Расталмаған")).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(error.to_string().contains("Confirm your e-mail address first"), "{error}");
    assert_eq!(app.count("proposals").await, before);
    assert_eq!(app.count("audit_log").await, audit);

    // Filed: the author is its first supporter; the district's region comes with it.
    let id = file(&author, district, "Ересектерге қазақ тілі курстары").await;
    let (_, p) = app.get_json(&format!("/api/v1/proposals/{id}")).await;
    assert_eq!((p["supporters"].as_i64(), p["status"].as_str()), (Some(1), Some("open")));
    assert_eq!(p["district_id"].as_i64(), Some(district));
    assert!(p["region_code"].as_str().is_some_and(|r| r.starts_with("KZ-")));
    assert!(p.get("author_id").is_none(), "the author's account is not public");

    // Support once; the third supporter puts it in the queue; a second support and a withdrawal of nothing refused.
    let (first, second) = (app.participant().await, app.participant().await);
    let (status, p) = support(&first, id).await;
    assert_eq!((status, p["supporters"].as_i64(), p["status"].as_str()), (StatusCode::OK, Some(2), Some("open")));
    let (status, error) = support(&first, id).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(error.to_string().contains("You already support this proposal."), "{error}");
    let (_, p) = support(&second, id).await;
    assert_eq!((p["supporters"].as_i64(), p["status"].as_str()), (Some(3), Some("queued")));
    let (status, p) = first.send_json(Method::DELETE, &format!("/api/v1/proposals/{id}/support"), &json!({})).await;
    assert_eq!((status, p["supporters"].as_i64(), p["status"].as_str()), (StatusCode::OK, Some(2), Some("queued")));
    let (status, _) = first.send_json(Method::DELETE, &format!("/api/v1/proposals/{id}/support"), &json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT, "nothing to withdraw");

    // The body's secretariat hears that it reached the threshold.
    app.settled().await;
    let (_, inbox) = sec.get_text("/en/inbox").await;
    assert!(
        inbox.contains("A proposal reached the threshold: “Ересектерге қазақ тілі курстары (en)”"),
        "in his language: {inbox}"
    );

    // After the window (30 days), support is refused and changes nothing.
    app.clock.advance(std::time::Duration::from_secs(31 * 24 * 3600));
    let late = app.participant().await;
    let (status, error) = support(&late, id).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(error.to_string().contains("The window for supporting this proposal has closed."), "{error}");
    let (_, p) = app.get_json(&format!("/api/v1/proposals/{id}")).await;
    assert_eq!(p["supporters"].as_i64(), Some(2));

    // The pages: the list with its progress, the proposal with its support.
    let (status, list) = app.get_text("/kk/proposals?status=queued").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("Ересектерге қазақ тілі курстары") && list.contains("<progress"), "{list}");
    let author = app.login_as(&author_email(&app, id).await).await;
    let (status, page) = author.get_text(&format!("/ru/proposals/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Вы поддерживаете это предложение.") && page.contains("В очереди органа"), "{page}");
    assert!(page.contains("Срок сбора поддержки истёк.") && !page.contains("id=\"support-button\""), "{page}");
}

/// The e-mail of a proposal's author (sessions ended when the clock jumped a month).
async fn author_email(app: &TestApp, proposal: i64) -> String {
    birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT u.email FROM users u JOIN proposals p ON p.author_id = u.id WHERE p.id = $1")
            .bind(proposal).fetch_one(pool).await.unwrap()
    })
}

async fn steps_forward_merge_and_lineage(app: TestApp) {
    let (region, d1, d2) = region_with_two_districts(&app).await;
    let (sec1, sec2, sec_region) =
        (app.secretariat_of(d1).await, app.secretariat_of(d2).await, app.secretariat_of(region).await);
    let (a, b, both, c) =
        (app.participant().await, app.participant().await, app.participant().await, app.participant().await);
    let p1 = file(&a, d1, "Қазақ тілі клубтары").await;
    let p2 = file(&b, d2, "Достық үйінде тіл клубы").await;
    support(&both, p1).await;
    support(&both, p2).await;
    support(&c, p2).await;
    let reason = json!({ "step": "forward", "reason": "Өңірлік мәселе." });

    // The step form chooses nothing by itself: submitted untouched, it is refused and nothing changes.
    let (_, page) = sec1.get_text(&format!("/en/proposals/{p1}")).await;
    assert!(page.contains("<option value=\"\">— choose —</option>") && !page.contains("selected>Accept"), "{page}");
    let untouched = sec1.post_form(&format!("/en/proposals/{p1}/step"), &[("step", ""), ("reason", "x")]).await;
    assert_eq!(untouched.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.get_json(&format!("/api/v1/proposals/{p1}")).await.1["status"], "open");

    // Only the body's secretariat (or one above) takes its steps; a reason is required.
    let (status, _) = step(&sec2, p1, reason.clone()).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "another district's secretariat");
    let (status, error) = step(&sec1, p1, json!({ "step": "forward", "reason": " " })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");

    // Each district forwards its proposal: it lives on at the region with its supporters.
    let (status, q1) = step(&sec1, p1, reason.clone()).await;
    assert_eq!(status, StatusCode::OK, "{q1}");
    assert_eq!(
        (q1["body_id"].as_i64(), q1["forwarded_from"].as_i64(), q1["supporters"].as_i64()),
        (Some(region), Some(p1), Some(2))
    );
    let (_, q2) = step(&sec2, p2, reason.clone()).await;
    let (q1, q2) = (q1["id"].as_i64().unwrap(), q2["id"].as_i64().unwrap());
    assert_eq!(app.get_json(&format!("/api/v1/proposals/{p1}")).await.1["status"], "forwarded");
    let (status, _) = support(&c, p1).await;
    assert_eq!(status, StatusCode::CONFLICT, "a forwarded proposal is no longer supported where it was");

    // The region merges: never into itself, never into a merged one; the union counts each person once.
    let (status, error) = step(&sec_region, q2, json!({ "step": "merge", "reason": "Ұқсас.", "into": q2 })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(error.to_string().contains("cannot be merged into itself"), "{error}");
    let (status, merged) = step(&sec_region, q2, json!({ "step": "merge", "reason": "Ұқсас.", "into": q1 })).await;
    assert_eq!(status, StatusCode::OK, "{merged}");
    assert_eq!(merged["supporters"].as_i64(), Some(4), "a, both, b and c: `both` counts once");
    assert_eq!(merged["merged_from"], json!([q2]));
    // A support answers the proposal as a fresh read shows it, sources included.
    let d = app.participant().await;
    let (status, supported) = support(&d, q1).await;
    assert_eq!((status, supported["supporters"].as_i64()), (StatusCode::OK, Some(5)));
    let (_, fresh) = app.get_json(&format!("/api/v1/proposals/{q1}")).await;
    for (field, value) in supported.as_object().unwrap() {
        assert_eq!(&fresh[field], value, "{field}");
    }
    let (status, _) = step(&sec_region, q1, json!({ "step": "merge", "reason": "Кері.", "into": q2 })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "not into a merged proposal");

    // The region forwards to the nation; there is nothing above the nation.
    let (_, n1) = step(&sec_region, q1, json!({ "step": "forward", "reason": "Барлық өңірге қатысты." })).await;
    let n1_id = n1["id"].as_i64().unwrap();
    assert_eq!(n1["supporters"].as_i64(), Some(5));
    let nation = app.body_id("national_session", None).await;
    assert_eq!(n1["body_id"].as_i64(), Some(nation));
    let admin = app.admin().await;
    let (status, error) = step(&admin, n1_id, json!({ "step": "forward", "reason": "Жоғары." })).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(error.to_string().contains("no body above"), "{error}");

    // Its lineage: two original proposals from two districts of one region.
    let (_, detail) = app.get_json(&format!("/api/v1/proposals/{n1_id}")).await;
    assert_eq!((detail["origins"].as_i64(), detail["districts"].as_i64()), (Some(2), Some(2)), "{detail}");
    assert_eq!(detail["lineage"].as_array().unwrap().len(), 5, "n1, q1, p1, q2, p2");
    let (_, page) = app.get_text(&format!("/en/proposals/{n1_id}")).await;
    assert!(page.contains("Raised in") && page.contains("forwarded by"), "{page}");
    assert!(page.contains("<svg") && page.contains("id=\"lineage-regions\""), "the map with its table");

    // Accepting states its reason to the author, the supporters and the followers.
    let (status, accepted) = step(&admin, n1_id, json!({ "step": "accept", "reason": "Қабылданды." })).await;
    assert_eq!((status, accepted["status"].as_str()), (StatusCode::OK, Some("accepted")));
    let (status, _) = step(&admin, n1_id, json!({ "step": "reject", "reason": "Екінші рет." })).await;
    assert_eq!(status, StatusCode::CONFLICT, "a decided proposal takes no further step");
    app.settled().await;
    let (_, inbox) = c.get_text("/en/inbox").await;
    assert!(inbox.contains("Proposal accepted"), "{inbox}");
    let decisions: i64 = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'proposal' AND action = 'decide'")
            .fetch_one(pool).await.unwrap()
    });
    assert_eq!(decisions, 5, "two forwards from districts, a merge, a forward to the nation, an acceptance");
}

/// The group commit counts a whole batch in two statements: each support gets the count it made, in order; the
/// same person twice in one batch counts once; the one that reaches the threshold queues the proposal, once.
async fn a_batch_of_supports_counts_each_once_in_order(app: TestApp) {
    use birlik::proposals::model::ProposalStatus::{Open, Queued};
    use birlik::proposals::store::{Support, Supported, support_all};
    let (_, district, _) = region_with_two_districts(&app).await;
    let author = app.participant().await;
    let (p, q) =
        (file(&author, district, "Ауылға жол керек").await, file(&author, district, "Мектепке спортзал").await);
    let mut users = Vec::new();
    for email in ["a@batch.kz", "b@batch.kz", "c@batch.kz"] {
        users.push(app.user(email, &[birlik::platform::identity::Role::Participant]).await);
    }
    // The author supports his own proposal when he files it: each starts with 1.
    let s = |proposal, user| Support { proposal, user, threshold: 3 };
    let batch = [s(p, users[0]), s(p, users[1]), s(p, users[0]), s(q, users[0]), s(p, users[2])];
    let done = support_all(&app.state.platform.db, &batch).await.unwrap();
    assert_eq!(
        done,
        vec![
            Supported::Counted { supporters: 2, status: Queued, queued: false },
            Supported::Counted { supporters: 3, status: Queued, queued: true },
            Supported::Already,
            Supported::Counted { supporters: 2, status: Open, queued: false },
            Supported::Counted { supporters: 4, status: Queued, queued: false },
        ]
    );
    let (_, detail) = app.get_json(&format!("/api/v1/proposals/{p}")).await;
    assert_eq!((detail["supporters"].as_i64(), detail["status"].as_str()), (Some(4), Some("queued")), "{detail}");
    let (_, other) = app.get_json(&format!("/api/v1/proposals/{q}")).await;
    assert_eq!((other["supporters"].as_i64(), other["status"].as_str()), (Some(2), Some("open")));
    // Again: all already counted, nothing changes.
    let again = support_all(&app.state.platform.db, &batch[..2]).await.unwrap();
    assert_eq!(again, vec![Supported::Already, Supported::Already]);
    let queued: i64 = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'proposal' AND action = 'queue'")
            .fetch_one(pool).await.unwrap()
    });
    assert_eq!(queued, 1, "queued once, audited once");
}

mod both {
    use super::*;
    crate::on_both_backends!(
        filing_support_threshold_window_and_refusals,
        steps_forward_merge_and_lineage,
        a_batch_of_supports_counts_each_once_in_order
    );
}

#[tokio::test]
async fn similar_proposals_are_pointed_out_while_typing() {
    let app = TestApp::sqlite().await;
    let (_, district, _) = region_with_two_districts(&app).await;
    let author = app.participant().await;
    file(&author, district, "Ересектерге арналған тегін қазақ тілі курстары").await;
    app.settled().await;
    let similar = |title: &'static str| {
        let request = app.client.get(app.url("/kk/proposals/similar")).query(&[("title_kk", title)]);
        async move { request.send().await.unwrap().text().await.unwrap() }
    };
    let part = similar("ересектерге қазақ тілі курстарын").await;
    assert!(part.contains("Ересектерге арналған тегін қазақ тілі курстары"), "an inflected title finds it: {part}");
    let part = similar("Eresekterge qazaq tili kurstary").await;
    assert!(part.contains("Ересектерге арналған"), "so does the Latin script: {part}");
    let none = similar("жаңа стадион салу").await;
    assert!(!none.contains("курстары"), "an unrelated title finds nothing: {none}");
}
