//! Consultations: opening one, taking part without JavaScript and with htmx, statements and moderation, the
//! analysis in the background, results, refusals, exports and the Pol.is import.

use birlik::consultations::input::ConsultationInput;
use birlik::consultations::model::{
    Answers, Moderation, Multilingual, Participation, ResultsShown, Status, day_from_today,
};
use birlik::consultations::store::{self, ImportedStatement, ImportedVote, NewStatement};
use birlik::consultations::votes::{Ballot, now_ms};
use birlik::platform::identity::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{Backend, TestApp};

pub fn input(body: i64) -> ConsultationInput {
    ConsultationInput {
        body_id: body,
        question: Multilingual {
            kk: Some("Бірлікті қалай нығайтамыз?".into()), ..Default::default()
        },
        description: Multilingual::default(),
        opens_on: day_from_today(-1),
        closes_on: day_from_today(30),
        moderation: Moderation::Publish,
        participation: Participation::Anyone,
        ask_region: true,
        ask_ethnic_group: true,
        ask_language: true,
        results: ResultsShown::Running,
        source: None,
    }
}

/// Opens a consultation with these seed statements directly in the database.
pub async fn open(app: &TestApp, input: &ConsultationInput, seeds: &[&str]) -> (i64, Vec<i64>) {
    let at = birlik::platform::db::now();
    let seeds: Vec<NewStatement> = seeds.iter().map(|text| NewStatement::seed(text, &at)).collect();
    let id = store::create(&app.state.platform.db, None, input, &seeds).await.expect("consultation stored");
    let ids = store::statements(&app.state.platform.db, id, None).await.unwrap().iter().map(|s| s.id).collect();
    (id, ids)
}

const SEEDS: [&str; 4] = [
    "Мемлекеттік тілді үйрену курстары тегін болуы керек",
    "Әр өңірде этномәдени орталық ашылуы тиіс",
    "Мектептерде үш тілде оқыту сақталуы керек",
    "Ауылдарда мәдениет үйлері жетіспейді",
];

/// The statement id in the card of a participation page.
fn card_statement(page: &str) -> Option<i64> {
    let at = page.find("name=\"statement\" value=\"")? + "name=\"statement\" value=\"".len();
    page[at..].split('"').next()?.parse().ok()
}

async fn vote_api(client: &reqwest::Client, app: &TestApp, id: i64, statement: i64, vote: &str) -> (StatusCode, Value) {
    let response = client
        .post(app.url(&format!("/api/v1/consultations/{id}/votes?lang=en")))
        .json(&json!({ "statement": statement, "vote": vote }))
        .send()
        .await
        .unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// The stored analysis once the analyst has settled, which must cover `votes` votes.
pub async fn analysis_of(app: &TestApp, id: i64, votes: i64) -> Value {
    app.settled().await;
    let (status, body) = app.get_json(&format!("/api/v1/consultations/{id}/analysis")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["votes"].as_i64(), Some(votes), "the settled analysis covers every vote: {body}");
    body
}

#[tokio::test]
async fn a_secretariat_opens_a_consultation_from_the_form() {
    let app = TestApp::sqlite().await;
    let assembly = app.body_id("regional_assembly", Some("KZ-75")).await;
    let sec = app.secretariat_of(assembly).await;
    let body = assembly.to_string();
    let (status, page) = sec.get_text("/kk/consultations/new").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("consultation-form"));

    // Refused: no question in any language, closing before opening; nothing is stored, errors beside fields.
    let bad = [
        ("body_id", body.as_str()),
        ("opens_on", "2026-05-01"),
        ("closes_on", "2026-04-01"),
        ("moderation", "publish"),
        ("participation", "anyone"),
        ("results", "running"),
    ];
    let response = sec.post_form("/en/consultations", &bad).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(page.contains("Write the question in at least one language."));
    assert!(page.contains("The closing date comes before the opening date."));
    assert_eq!(app.count("consultations").await, 0);

    let (opens, closes) = (day_from_today(0), day_from_today(10));
    let good = [
        ("body_id", body.as_str()),
        ("question_ru", "Как укрепить единство?"),
        ("opens_on", opens.as_str()),
        ("closes_on", closes.as_str()),
        ("moderation", "approve"),
        ("participation", "anyone"),
        ("results", "running"),
        ("ask_region", "1"),
        ("seeds", "Первое утверждение\nВторое утверждение\n"),
    ];
    let response = sec.post_form("/en/consultations", &good).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let list = app.get_json("/api/v1/consultations").await.1;
    let c = &list["items"][0];
    assert_eq!(c["question"]["ru"], "Как укрепить единство?");
    assert_eq!(
        (c["moderation"].as_str(), c["phase"].as_str(), c["ask_region"].as_bool()),
        (Some("approve"), Some("open"), Some(true))
    );
    let detail = app.get_json(&format!("/api/v1/consultations/{}", c["id"])).await.1;
    assert_eq!(detail["statements"].as_array().unwrap().len(), 2);

    // The body's page lists it, and offers its secretariat the moderation queue.
    let (_, page) = app.get_text(&format!("/ru/bodies/{assembly}")).await;
    assert!(page.contains("Как укрепить единство?"));
    let (_, page) = sec.get_text(&format!("/ru/bodies/{assembly}")).await;
    assert!(page.contains(&format!("/ru/bodies/{assembly}/moderation")));

    // A Kazakh reader sees the Russian question, labelled as such.
    let (_, page) = app.get_text(&format!("/kk/consultations/{}", c["id"])).await;
    assert!(page.contains("Как укрепить единство?") && page.contains("Орыс тілінде көрсетілген"));

    // Someone without a secretariat cannot open one.
    let member = app.member_of(assembly).await;
    assert_eq!(member.post_form("/en/consultations", &good).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.count("consultations").await, 1);
}

async fn edits_and_closes_early_on(backend: Backend) {
    let app = TestApp::start(backend, true).await;
    let assembly = app.body_id("regional_assembly", Some("KZ-75")).await;
    let sec = app.secretariat_of(assembly).await;
    let (id, statements) = open(&app, &input(assembly), &SEEDS).await;

    // The edit form shows what is stored; the manage page links to it.
    let (_, page) = sec.get_text(&format!("/en/consultations/{id}/manage")).await;
    assert!(page.contains(&format!("/en/consultations/{id}/edit")));
    let (status, page) = sec.get_text(&format!("/en/consultations/{id}/edit")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Бірлікті қалай нығайтамыз?") && page.contains("id=\"close-form\""));

    // A refused edit changes nothing and says why beside the field.
    let (opens, closes) = (day_from_today(-1), day_from_today(60));
    let mut fields = vec![
        ("question_kk", "Бірлікті қалай нығайтамыз?"),
        ("question_en", "How do we strengthen unity?"),
        ("opens_on", opens.as_str()),
        ("closes_on", "2020-01-01"),
        ("moderation", "approve"),
        ("participation", "anyone"),
        ("results", "closed"),
        ("ask_region", "1"),
    ];
    let response = sec.post_form(&format!("/en/consultations/{id}/edit"), &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().await.unwrap().contains("The closing date comes before the opening date."));
    let stored = app.get_json(&format!("/api/v1/consultations/{id}")).await.1;
    assert_eq!(
        (stored["closes_on"].as_str(), stored["question"]["en"].as_str()),
        (Some(day_from_today(30).as_str()), None)
    );

    // A good edit is stored and confirmed; the body and the statements stay; the audit keeps what it was.
    fields[3] = ("closes_on", closes.as_str());
    fields.push(("body_id", "1"));
    let response = sec.post_form(&format!("/en/consultations/{id}/edit"), &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = sec.get_text(response.headers()["location"].to_str().unwrap()).await;
    assert!(page.contains("The consultation was changed."));
    let stored = app.get_json(&format!("/api/v1/consultations/{id}")).await.1;
    assert_eq!(stored["question"]["en"], "How do we strengthen unity?");
    assert_eq!((stored["closes_on"].as_str(), stored["moderation"].as_str()), (Some(closes.as_str()), Some("approve")));
    assert_eq!((stored["body_id"].as_i64(), stored["ask_language"].as_bool()), (Some(assembly), Some(false)));
    assert_eq!(stored["statements"].as_array().unwrap().len(), SEEDS.len());
    let before: String = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT before_json FROM audit_log WHERE entity = 'consultation' AND action = 'edit'")
            .fetch_one(pool)
            .await
            .unwrap()
    });
    assert!(before.contains(&day_from_today(30)), "the audit entry keeps the old closing day: {before}");

    // Someone else's secretariat may neither edit nor close it.
    let other = app.body_id("regional_assembly", Some("KZ-71")).await;
    let stranger = app.secretariat_of(other).await;
    assert_eq!(
        stranger.post_form(&format!("/en/consultations/{id}/edit"), &fields).await.status(),
        StatusCode::FORBIDDEN
    );
    let reason = [("reason", "Enough answers were gathered")];
    assert_eq!(
        stranger.post_form(&format!("/en/consultations/{id}/close"), &reason).await.status(),
        StatusCode::FORBIDDEN
    );

    // Closing needs a reason; then votes stop at once, the results are public, and the page says why.
    let response = sec.post_form(&format!("/en/consultations/{id}/close"), &[("reason", "")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let response = sec.post_form(&format!("/en/consultations/{id}/close"), &reason).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let stored = app.get_json(&format!("/api/v1/consultations/{id}")).await.1;
    assert_eq!(
        (stored["phase"].as_str(), stored["closes_on"].as_str()),
        (Some("closed"), Some(day_from_today(0).as_str()))
    );
    assert_eq!(stored["closed_early"]["reason"], "Enough answers were gathered");
    let (status, _) = vote_api(&TestApp::client(), &app, id, statements[0], "agree").await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (_, page) = app.get_text(&format!("/ru/consultations/{id}")).await;
    assert!(page.contains("Закрыта досрочно") && page.contains("Enough answers were gathered"));
    // A closed consultation cannot be closed again, and a later edit of its dates does not reopen it.
    assert_eq!(sec.post_form(&format!("/en/consultations/{id}/close"), &reason).await.status(), StatusCode::CONFLICT);
    assert_eq!(sec.post_form(&format!("/en/consultations/{id}/edit"), &fields).await.status(), StatusCode::SEE_OTHER);
    let stored = app.get_json(&format!("/api/v1/consultations/{id}")).await.1;
    assert_eq!(stored["phase"], "closed");
    assert_eq!(app.count("audit_log WHERE entity = 'consultation' AND action = 'close'").await, 1);
}

#[tokio::test]
async fn a_secretariat_edits_a_consultation_and_closes_it_early_on_sqlite() {
    edits_and_closes_early_on(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_secretariat_edits_a_consultation_and_closes_it_early_on_postgres() {
    if crate::support::postgres_available().await {
        edits_and_closes_early_on(Backend::Postgres).await;
    }
}

#[tokio::test]
async fn a_participant_votes_without_javascript_and_changes_his_mind_on_sqlite() {
    votes_without_javascript(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_participant_votes_without_javascript_and_changes_his_mind_on_postgres() {
    if crate::support::postgres_available().await {
        votes_without_javascript(Backend::Postgres).await;
    }
}

async fn votes_without_javascript(backend: Backend) {
    let app = TestApp::start(backend, true).await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let (id, _) = open(&app, &input(body), &SEEDS[..3]).await;
    let client = TestApp::client();
    let page_url = app.url(&format!("/en/consultations/{id}"));

    let response = client.get(&page_url).send().await.unwrap();
    assert!(response.headers().get("set-cookie").is_some_and(|c| c.to_str().unwrap().starts_with("birlik_device=")));
    assert_eq!(response.headers()["cache-control"], "private, no-store");
    let page = response.text().await.unwrap();
    assert!(page.contains("0 of 3"));
    let mut seen = Vec::new();
    let mut page = page;
    for n in 1..=3 {
        let statement = card_statement(&page).expect("a statement to vote on");
        assert!(!seen.contains(&statement), "a statement already voted on comes back");
        seen.push(statement);
        let form = [("statement", statement.to_string()), ("vote", "agree".to_string())];
        let response = client.post(app.url(&format!("/en/consultations/{id}/votes"))).form(&form).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        page = client.get(&page_url).send().await.unwrap().text().await.unwrap();
        assert!(page.contains(&format!("{n} of 3")), "progress after {n} votes");
    }
    assert!(page.contains("You have voted on every statement."));

    // Changing an earlier vote: the last one counts, progress stays.
    let form = [("statement", seen[0].to_string()), ("vote", "disagree".to_string())];
    client.post(app.url(&format!("/en/consultations/{id}/votes"))).form(&form).send().await.unwrap();
    let page = client.get(&page_url).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("3 of 3"));
    let participant = store::participants(&app.state.platform.db, id).await.unwrap()[0].0;
    let votes = store::votes_of(&app.state.platform.db, participant).await.unwrap();
    assert_eq!(votes.len(), 3);
    assert!(votes.contains(&(seen[0], -1)), "the changed vote counts: {votes:?}");
    assert_eq!(app.count("consultation_votes").await, 4, "every vote is kept in the log");
}

#[tokio::test]
async fn htmx_gets_the_next_card_only() {
    let app = TestApp::sqlite().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let (id, statements) = open(&app, &input(body), &SEEDS[..2]).await;
    let client = TestApp::client();
    let response = client
        .post(app.url(&format!("/ru/consultations/{id}/votes")))
        .header("HX-Request", "true")
        .form(&[("statement", statements[0].to_string()), ("vote", "pass".to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let fragment = response.text().await.unwrap();
    assert!(fragment.starts_with("<section id=\"card\""), "only the card: {fragment}");
    assert!(fragment.contains("1 из 2"));
    assert_eq!(card_statement(&fragment), Some(statements[1]));

    // htmx swaps only successful answers, so a refused vote comes back as the card saying why.
    let response = client
        .post(app.url(&format!("/en/consultations/{id}/votes")))
        .header("HX-Request", "true")
        .form(&[("statement", "999999".to_string()), ("vote", "agree".to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let fragment = response.text().await.unwrap();
    assert!(fragment.contains("id=\"vote-error\"") && fragment.contains("There is no such statement open for voting"));
    assert_eq!(card_statement(&fragment), Some(statements[1]), "the same statement is offered again");
}

#[tokio::test]
async fn bad_votes_are_refused_clearly_and_change_nothing() {
    let app = TestApp::sqlite().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let (id, statements) = open(&app, &input(body), &SEEDS[..2]).await;
    let closed = ConsultationInput { opens_on: day_from_today(-20), closes_on: day_from_today(-1), ..input(body) };
    let (closed_id, closed_statements) = open(&app, &closed, &SEEDS[2..]).await;
    let client = TestApp::client();

    let (status, body_json) = vote_api(&client, &app, closed_id, closed_statements[0], "agree").await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body_json["error"]["key"], "error-not-open");
    assert_eq!(body_json["error"]["message"], "This consultation is not open for voting.");
    let (status, body_json) = vote_api(&client, &app, id, closed_statements[0], "agree").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a statement of another consultation");
    assert_eq!(body_json["error"]["fields"][0]["field"], "statement");
    assert_eq!(vote_api(&client, &app, id, 999_999, "agree").await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(vote_api(&client, &app, 999_999, statements[0], "agree").await.0, StatusCode::NOT_FOUND);
    assert_eq!(vote_api(&client, &app, id, statements[0], "maybe").await.0, StatusCode::BAD_REQUEST);
    // The page form says it in the reader's language.
    let response = client
        .post(app.url(&format!("/kk/consultations/{closed_id}/votes")))
        .form(&[("statement", closed_statements[0].to_string()), ("vote", "agree".to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert!(response.text().await.unwrap().contains("Бұл консультация дауыс беруге ашық емес."));
    assert_eq!(app.count("consultation_votes").await, 0);

    // A flood from one participant is cut off after the burst; another participant still votes. The bucket
    // refills at VOTES_PER_SECOND while the flood lasts, so what must be refused depends on how long it took.
    let (burst, extra) = (birlik::consultations::VOTE_BURST, 25.0);
    let started = std::time::Instant::now();
    let mut refused = 0;
    for _ in 0..(burst + extra) as usize {
        if vote_api(&client, &app, id, statements[0], "agree").await.0 == StatusCode::TOO_MANY_REQUESTS {
            refused += 1;
        }
    }
    let refilled = birlik::consultations::VOTES_PER_SECOND * started.elapsed().as_secs_f64();
    assert!(refused > 0 && f64::from(refused) >= extra - refilled.ceil(), "the burst is limited: {refused} refused");
    assert_eq!(vote_api(&TestApp::client(), &app, id, statements[0], "agree").await.0, StatusCode::CREATED);
}

#[tokio::test]
async fn statements_are_checked_compared_and_moderated_on_sqlite() {
    statements_checked_compared_and_moderated(Backend::Sqlite).await;
}

#[tokio::test]
async fn statements_are_checked_compared_and_moderated_on_postgres() {
    if crate::support::postgres_available().await {
        statements_checked_compared_and_moderated(Backend::Postgres).await;
    }
}

async fn statements_checked_compared_and_moderated(backend: Backend) {
    let app = TestApp::start(backend, true).await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let (id, _) = open(&app, &ConsultationInput { moderation: Moderation::Approve, ..input(body) }, &SEEDS).await;
    let client = TestApp::client();
    let add = |text: &str, confirm: bool| {
        let mut form = vec![("text", text.to_string())];
        if confirm {
            form.push(("confirm", "1".into()));
        }
        client.post(app.url(&format!("/en/consultations/{id}/statements"))).form(&form).send()
    };
    // A near-duplicate is pointed out, not stored, until confirmed.
    let response = add("Мемлекеттік тілді үйрену курстары барлығына тегін болуы керек", false).await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(page.contains("A very similar statement already exists") && page.contains(SEEDS[0]));
    assert_eq!(app.count("consultation_statements").await, 4);
    assert_eq!(add("", false).await.unwrap().status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(add(&"ә".repeat(401), false).await.unwrap().status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("consultation_statements").await, 4);

    // Plain text with markup is kept as typed and shown escaped; in approval mode it waits.
    let hostile = "<script>alert('x')</script> Жастарға спорт алаңдары керек";
    let response = add(hostile, false).await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let pending = store::statements(&app.state.platform.db, id, Some(Status::Pending)).await.unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].text, hostile);
    let (status, page) = app.get_text(&format!("/en/consultations/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("0 of 4") && !page.contains("Жастарға спорт"), "a pending statement is not offered");
    let (_, api) = app.get_json(&format!("/api/v1/consultations/{id}")).await;
    assert!(!api["statements"].to_string().contains("Жастарға спорт"), "nor listed");

    // The body's secretariat sees it in the queue and publishes it, with a reason that is logged.
    let moderator = app.secretariat_of(body).await;
    let (status, queue) = moderator.get_text(&format!("/en/bodies/{body}/moderation")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(queue.contains("&#60;script&#62;alert("), "markup is shown as text: {queue}");
    assert!(!queue.contains("<script>alert"));
    // Beside it: its consultation, its day, and its author by his number in the consultation (a device
    // participant has no name).
    let author: i64 = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT author_id FROM consultation_statements WHERE id = $1")
            .bind(pending[0].id)
            .fetch_one(pool)
            .await
            .unwrap()
    });
    assert!(queue.contains(&format!("<span class=\"author\">by participant No. {author}</span>")), "{queue}");
    assert!(queue.contains(&format!("/en/consultations/{id}/manage")) && queue.contains("Added on"));
    // A registered participant's statement is shown with his public name.
    let member = app.member_of(body).await;
    let added = member
        .post_form(&format!("/en/consultations/{id}/statements"), &[("text", "Ауыл мектептеріне интернет керек")])
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let name: String = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT display_name FROM users ORDER BY id DESC LIMIT 1").fetch_one(pool).await.unwrap()
    });
    let (_, queue) = moderator.get_text(&format!("/en/bodies/{body}/moderation")).await;
    assert!(queue.contains(&format!("<span class=\"author\">by {name}</span>")), "{name}: {queue}");
    let path = format!("/en/consultation-statements/{}/moderate", pending[0].id);
    let refused = moderator.post_form(&path, &[("decision", "publish"), ("reason", "")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "a reason is required");
    let done = moderator.post_form(&path, &[("decision", "publish"), ("reason", "Relevant and civil")]).await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let entries = birlik::platform::audit::list(
        &app.state.platform.db,
        &birlik::platform::audit::Filter { entity: Some("statement".into()), ..Default::default() },
    )
    .await
    .unwrap();
    assert!(entries[0].after_json.as_deref().unwrap().contains("Relevant and civil"));
    assert_eq!(
        store::statement(&app.state.platform.db, pending[0].id).await.unwrap().unwrap().status,
        Status::Published
    );

    // Nobody else may moderate.
    let stranger_path = format!("/en/consultation-statements/{}/moderate", pending[0].id);
    let anonymous = app.post_form(&stranger_path, &[("decision", "reject"), ("reason", "no")]).await;
    let to_login = anonymous.headers().get("location").is_some_and(|l| l.to_str().unwrap().contains("/login"));
    assert!(to_login, "an anonymous moderator is sent to log in");
    app.user(
        "other@example.kz",
        &[Role::Secretariat { body_id: app.body_id("regional_assembly", Some("KZ-71")).await }],
    )
    .await;
    let other = app.login_as("other@example.kz").await;
    let refused = other.post_form(&stranger_path, &[("decision", "reject"), ("reason", "not mine")]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN, "another body's secretariat may not moderate");
    assert_eq!(
        store::statement(&app.state.platform.db, pending[0].id).await.unwrap().unwrap().status,
        Status::Published
    );

    // A translation shows to readers of that language, labelled, with the original a click away.
    let seed = store::statements(&app.state.platform.db, id, None).await.unwrap()[0].clone();
    let path = format!("/en/consultation-statements/{}/translations", seed.id);
    let saved = moderator.post_form(&path, &[("lang", "en"), ("text", "State language courses should be free")]).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (_, api) = app.get_json(&format!("/api/v1/consultations/{id}")).await;
    assert!(api["statements"].to_string().contains("State language courses should be free"));

    // One participant adds at most ten statements an hour.
    let topics =
        ["су", "жол", "мектеп", "аурухана", "саябақ", "кітапхана", "театр", "стадион", "базар", "көпір", "музей"];
    let mut statuses = Vec::new();
    for topic in topics {
        statuses.push(add(&format!("Біздің ауданға жаңа {topic} салу керек"), true).await.unwrap().status());
    }
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::SEE_OTHER).count(), 9, "{statuses:?}");
    assert_eq!(statuses.last(), Some(&StatusCode::TOO_MANY_REQUESTS));
}

#[tokio::test]
async fn results_show_groups_consensus_and_unity_without_small_groups() {
    let app = TestApp::sqlite().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let mut seeds: Vec<String> = (0..7).map(|i| format!("Тұжырым нөмірі {i}: {}", SEEDS[i % 4])).collect();
    seeds.push("<img src=x onerror=alert(1)> & \"quoted\" </svg><script>alert(2)</script>".into());
    let seeds: Vec<&str> = seeds.iter().map(String::as_str).collect();
    // Two camps of 14; everyone agrees on the first statement. 12 declare Almaty, 3 declare Astana. Stored
    // before the analyst hears of it, so that its first analysis sees everything (the unity table is then made).
    let statements_in: Vec<ImportedStatement> = seeds
        .iter()
        .enumerate()
        .map(|(j, text)| ImportedStatement {
            external_id: j.to_string(),
            text: text.to_string(),
            lang: "kk".into(),
            author: None,
            status: Status::Published,
            is_meta: false,
            created_at: birlik::platform::db::now(),
        })
        .collect();
    let mut votes = Vec::new();
    for p in 0..28 {
        for j in 0..seeds.len() {
            let agree = j == 0 || (p < 14) == (j % 2 == 0);
            let at = (p * 100 + j) as i64;
            votes.push(ImportedVote {
                voter: p.to_string(),
                statement: j.to_string(),
                value: if agree { 1 } else { -1 },
                at,
            });
        }
    }
    let mut total = votes.len() as i64;
    let db = &app.state.platform.db;
    let id = store::import(db, &input(body), &statements_in, &votes).await.unwrap();
    let statements: Vec<i64> = store::statements(db, id, None).await.unwrap().iter().map(|s| s.id).collect();
    let participants: Vec<i64> = store::participants(db, id).await.unwrap().iter().map(|p| p.0).collect();
    for (p, participant) in participants.iter().enumerate() {
        let region = match p {
            0..12 => Some("KZ-75".to_owned()),
            12..15 => Some("KZ-71".to_owned()),
            _ => None,
        };
        let answers = Answers { region_code: region, ethnic_group: None, language: Some("kk".into()) };
        store::set_answers(db, *participant, &answers).await.unwrap();
    }
    app.state.consultations.analyst.touch([id]);
    let analysis = analysis_of(&app, id, total).await;
    let report = &analysis["report"];
    assert_eq!(report["groups"].as_array().unwrap().len(), 2, "two camps, two groups: {report}");
    assert!(report["participants"].as_array().unwrap().is_empty(), "no per-participant data in the analysis");
    let first = statements[0].to_string();
    assert!(report["consensus"]["agree"].as_array().unwrap().iter().any(|c| c["statement"] == first.as_str()));
    let unity = report["unity"].as_array().unwrap();
    let region = unity.iter().find(|u| u["attribute"] == "region").expect("unity over regions");
    let listed: Vec<&str> = region["groups"].as_array().unwrap().iter().map(|g| g[0].as_str().unwrap()).collect();
    assert_eq!(listed, ["KZ-75"], "Astana, with 3 participants, is never shown");

    // One declared participant changes a vote: the other results follow, the unity table does not, or the
    // difference would show how one person of Almaty voted.
    let ballot =
        Ballot { consultation: id, participant: participants[0], statement: statements[3], value: 0, at: now_ms() };
    app.state.consultations.votes.cast(ballot).await.unwrap();
    total += 1;
    let after = analysis_of(&app, id, total).await;
    assert_eq!(after["report"]["unity"], report["unity"], "the unity table waits for k participants to act");

    let (status, page) = app.get_text(&format!("/en/consultations/{id}/results")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(&format!("from {total} votes by 28 participants")), "when and from how many votes");
    assert!(page.contains("<svg") && page.contains("Group 1") && page.contains("Group 2"));
    assert!(page.contains("Almaty") && !page.contains("Astana"));
    assert!(page.contains("Bridging statements") && page.contains("Group-informed consensus"));
    assert!(page.contains("&#60;img src=x onerror=alert(1)&#62;"), "statement text is escaped on the results page");
    assert!(!page.contains("<img src=x") && !page.contains("<script>alert(2)"));
    let svg_start = page.find("<svg").unwrap();
    let svg = &page[svg_start..page[svg_start..].find("</svg>").unwrap() + svg_start];
    assert!(!svg.contains("alert"), "the opinion map carries no statement text");
    assert!(!svg.contains("participants in the analysis"), "the map's caption is the page's, in its language");
    assert!(page.contains("28 participants placed on the map, in 2 groups."));
    // Both groups are drawn, every member in a cell of at least 5, and the map is also said in words.
    assert_eq!(svg.matches("data-group=").count(), 2, "every group of at least 5 is drawn");
    let drawn: Vec<u32> =
        svg.split("data-n=\"").skip(1).map(|rest| rest.split('"').next().unwrap().parse().unwrap()).collect();
    assert!(drawn.iter().all(|n| *n >= 5) && drawn.iter().sum::<u32>() == 28, "{drawn:?}");
    assert!(page.contains("aria-describedby=\"map-words\"") && page.contains("The map in words"));
    let words = &page[page.find("id=\"map-words\"").unwrap()..];
    assert_eq!(words[..words.find("</ul>").unwrap()].matches("<li>Group ").count(), 2, "a line a group");
    let (_, russian) = app.get_text(&format!("/ru/consultations/{id}/results")).await;
    assert!(russian.contains("Группа 1") && russian.contains("Участников на карте: 28, групп: 2."));
    assert!(russian.contains("Карта словами") && russian.contains(" карты; участники"));
    assert!(
        russian.contains("\u{a0}%") && !page.contains(" %"),
        "percentages are written as each language writes them"
    );

    // A statement moderated out keeps its votes but leaves the analysis at the next refresh.
    let moderator = app.secretariat_of(body).await;
    let path = format!("/en/consultation-statements/{}/moderate", statements[7]);
    let done = moderator
        .post_form(&path, &[("decision", "reject"), ("reason", "Markup, not an opinion"), ("clause", "spam")])
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let out = statements[7].to_string();
    app.settled().await;
    let (_, analysis) = app.get_json(&format!("/api/v1/consultations/{id}/analysis")).await;
    let entry = analysis["report"]["statements"].as_array().unwrap().iter().find(|s| s["id"] == out.as_str()).cloned();
    let left = entry.is_some_and(|e| e["moderated_out"] == true && e["active"] == false);
    assert!(left, "the moderated statement left the analysis");
    assert_eq!(app.count("consultation_votes").await, total, "its votes are kept");
}

#[tokio::test]
async fn results_kept_until_closing_are_kept_from_everyone_but_moderators() {
    let app = TestApp::sqlite().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let (id, statements) =
        open(&app, &ConsultationInput { results: ResultsShown::Closed, ..input(body) }, &SEEDS).await;
    vote_api(&TestApp::client(), &app, id, statements[0], "agree").await;
    analysis_of_as_moderator(&app, body, id).await;
    assert_eq!(app.get(&format!("/en/consultations/{id}/results")).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.get(&format!("/api/v1/consultations/{id}/analysis")).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.get(&format!("/api/v1/consultations/{id}/export/votes.csv")).await.status(), StatusCode::FORBIDDEN);
}

async fn analysis_of_as_moderator(app: &TestApp, body: i64, id: i64) {
    let moderator = app.secretariat_of(body).await;
    app.settled().await;
    let (status, page) = moderator.get_text(&format!("/en/consultations/{id}/results")).await;
    assert_eq!(status, StatusCode::OK, "moderators see results at any time");
    assert!(page.contains("from 1 vote by 1 participant"), "the analysis is on the page");
}

fn fixture() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/polis/brexit-consensus")
}

async fn import_polis_on(backend: Backend) {
    let app = TestApp::start(backend, true).await;
    let body = app.body_id("national_session", None).await;
    let id =
        birlik::consultations::import::import_polis(&app.state.platform.db, &fixture(), body).await.expect("import");
    let c = app.get_json(&format!("/api/v1/consultations/{id}")).await.1;
    assert_eq!(c["phase"], "closed");
    assert_eq!(c["question"]["en"], "Can there be consensus on Brexit?");
    assert_eq!(app.count("consultation_votes").await, 5312);
    let analysis = app.get_json(&format!("/api/v1/consultations/{id}/analysis")).await.1;
    assert_eq!(analysis["votes"], 5312);
    assert_eq!(analysis["participants"], 204);
    assert!(analysis["report"]["groups"].as_array().unwrap().len() >= 2);
    let (status, page) = app.get_text(&format!("/en/consultations/{id}/results")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Group 1"));

    // The real responses match the OpenAPI document.
    let (_, document) = app.get_json("/api/v1/openapi.json").await;
    for (template, url) in [
        ("/api/v1/consultations", "/api/v1/consultations".to_owned()),
        ("/api/v1/consultations/{id}", format!("/api/v1/consultations/{id}")),
        ("/api/v1/consultations/{id}/analysis", format!("/api/v1/consultations/{id}/analysis")),
    ] {
        let (status, value) = app.get_json(&url).await;
        assert_eq!(status, StatusCode::OK, "{url}");
        let schema = crate::api::response_schema(&document, "get", template, 200);
        crate::api::assert_matches_schema(&document, &schema, &value, &url);
    }

    // Our export reads back as the same conversation.
    let dir = tempfile::tempdir().unwrap();
    for file in ["comments.csv", "votes.csv", "participants-votes.csv"] {
        let response = app.get(&format!("/api/v1/consultations/{id}/export/{file}")).await;
        assert_eq!(response.status(), StatusCode::OK);
        std::fs::write(dir.path().join(file), response.bytes().await.unwrap()).unwrap();
    }
    let header = std::fs::read_to_string(dir.path().join("participants-votes.csv")).unwrap();
    assert!(header.starts_with("participant,group-id,n-comments,n-votes,n-agree,n-disagree,"));
    let again =
        birlik::consultations::import::import_polis(&app.state.platform.db, dir.path(), body).await.expect("re-import");
    let copy = app.get_json(&format!("/api/v1/consultations/{again}")).await.1;
    assert_eq!(copy["statements"].as_array().unwrap().len(), c["statements"].as_array().unwrap().len());
    assert_eq!(app.get_json(&format!("/api/v1/consultations/{again}/analysis")).await.1["votes"], 5312);

    // A broken export changes nothing.
    let before = app.count("consultations").await;
    // A vote on a statement the export lacks fails inside the transaction, after rows were written.
    let votes = "timestamp,datetime,comment-id,voter-id,vote\n1700000000000,x,0,1,1\n1700000000001,x,99999,1,1\n";
    std::fs::write(dir.path().join("votes.csv"), votes).unwrap();
    assert!(birlik::consultations::import::import_polis(&app.state.platform.db, dir.path(), body).await.is_err());
    assert_eq!(app.count("consultations").await, before);
}

#[tokio::test]
async fn a_polis_export_is_imported_analysed_and_exported_again_on_sqlite() {
    import_polis_on(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_polis_export_is_imported_analysed_and_exported_again_on_postgres() {
    if crate::support::postgres_available().await {
        import_polis_on(Backend::Postgres).await;
    }
}

#[tokio::test]
async fn newcomers_from_one_address_are_limited() {
    let app = TestApp::builder().settings(|s| s.newcomers_per_minute = 0.0).start().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let (id, statements) = open(&app, &input(body), &SEEDS[..1]).await;
    // A browser that drops its device cookie is a new participant each time; its address runs out of them.
    let burst = birlik::consultations::JOIN_BURST as usize;
    for _ in 0..burst {
        assert_eq!(vote_api(&TestApp::client(), &app, id, statements[0], "agree").await.0, StatusCode::CREATED);
    }
    let (status, body_json) = vote_api(&TestApp::client(), &app, id, statements[0], "agree").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body_json["error"]["key"], "error-rate-limited");
    assert_eq!(app.count("consultation_participants").await, burst as i64);
}

/// The attack an outside review played: nine fake participants declare a group beside one real member and pass
/// on everything, so that exact per-group figures would be the real member's answers; the vote timestamps of the
/// export would then tie those answers to him.
async fn fake_participants_learn_nothing_on(backend: Backend) {
    let app = TestApp::start(backend, true).await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let statements_in: Vec<ImportedStatement> = (0..8)
        .map(|j| ImportedStatement {
            external_id: j.to_string(),
            text: format!("Тұжырым {j}: {}", SEEDS[j % 4]),
            lang: "kk".into(),
            author: None,
            status: Status::Published,
            is_meta: false,
            created_at: birlik::platform::db::now(),
        })
        .collect();
    // Voter 0 is the real member, 1–9 the fakes, 10–29 others who declared nothing.
    let real: Vec<i64> = (0..8).map(|j| [1, -1, 1, 1, -1, 1, -1, -1][j]).collect();
    let mut votes = Vec::new();
    for p in 0..30 {
        for (j, real_vote) in real.iter().enumerate() {
            let value = match p {
                0 => *real_vote,
                1..10 => 0,
                _ => [1, -1, 0][(p + j) % 3],
            };
            votes.push(ImportedVote {
                voter: p.to_string(),
                statement: j.to_string(),
                value,
                at: 1_700_000_012_345 + p as i64,
            });
        }
    }
    let db = &app.state.platform.db;
    let id = store::import(db, &input(body), &statements_in, &votes).await.unwrap();
    let participants: Vec<i64> = store::participants(db, id).await.unwrap().iter().map(|p| p.0).collect();
    for participant in &participants[..10] {
        let answers = Answers { region_code: None, ethnic_group: Some("uzbeks".into()), language: None };
        store::set_answers(db, *participant, &answers).await.unwrap();
    }
    app.state.consultations.analyst.touch([id]);
    let analysis = analysis_of(&app, id, votes.len() as i64).await;
    let engine_ids: Vec<i64> =
        analysis["statement_ids"].as_array().unwrap().iter().map(|s| s.as_i64().unwrap()).collect();
    let db_ids: Vec<i64> = store::statements(db, id, None).await.unwrap().iter().map(|s| s.id).collect();
    let unity = analysis["report"]["unity"].as_array().unwrap();
    let groups = unity.iter().find(|u| u["attribute"] == "ethnic_group").expect("the group of ten is listed");
    // The attacker subtracts his fakes (passes only) from each statement's figures for the group.
    let mut recovered = 0;
    for s in groups["statements"].as_array().unwrap() {
        let Some(g) = s["groups"].as_array().unwrap().iter().find(|g| g["group"] == "uzbeks") else { continue };
        let statement = engine_ids[s["statement"].as_u64().unwrap() as usize];
        let j = db_ids.iter().position(|id| *id == statement).unwrap();
        let (agree, disagree) = (g["agree"].as_i64().unwrap(), g["disagree"].as_i64().unwrap());
        if (agree, disagree) == if real[j] > 0 { (1, 0) } else { (0, 1) } {
            recovered += 1;
        }
    }
    assert!(recovered < real.len(), "the figures published for the group are the real member's answers");
    assert_eq!(analysis["unity_tables"], 1);

    let (_, page) = app.get_text(&format!("/en/consultations/{id}/results")).await;
    assert!(page.contains("differential privacy") && page.contains("table 1 of at most 4"), "the budget is stated");
    let (_, russian) = app.get_text(&format!("/ru/consultations/{id}/results")).await;
    assert!(russian.contains("ε = 0,5"), "written as Russian writes it");
    for file in ["votes.csv", "comments.csv"] {
        let (status, csv) = app.get_text(&format!("/api/v1/consultations/{id}/export/{file}")).await;
        assert_eq!(status, StatusCode::OK);
        let stamps: Vec<i64> = csv.lines().skip(1).map(|l| l.split(',').next().unwrap().parse().unwrap()).collect();
        assert!(!stamps.is_empty() && stamps.iter().all(|t| t % 60_000 == 0), "{file} times are cut to the minute");
    }
    let (_, json) = app.get_json(&format!("/api/v1/consultations/{id}/export/consultation.json")).await;
    let times = json["votes"].as_array().unwrap();
    assert_eq!(times.len(), votes.len());
    assert!(times.iter().all(|v| v["timestamp"].as_i64().unwrap() % 60_000 == 0));
}

#[tokio::test]
async fn fake_participants_learn_nothing_on_sqlite() {
    fake_participants_learn_nothing_on(Backend::Sqlite).await;
}

#[tokio::test]
async fn fake_participants_learn_nothing_on_postgres() {
    if crate::support::postgres_available().await {
        fake_participants_learn_nothing_on(Backend::Postgres).await;
    }
}

#[tokio::test]
async fn a_broken_polis_export_is_refused_with_its_line_and_changes_nothing() {
    let app = TestApp::sqlite().await;
    let body = app.body_id("national_session", None).await;
    let header = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n";
    let good = "1700000000000,x,1,1,0,0,1,Тілдерді үйрену тегін болсын\n";
    let votes = "timestamp,datetime,comment-id,voter-id,vote\n1700000000000,x,1,1,1\n";
    let huge = "ә".repeat(3_000_000);
    let cases: Vec<(String, String, &str)> = vec![
        (
            format!("{header}{good}1700000000000,x,2,1,0,0,1,{huge}\n"),
            votes.into(),
            "line 3: the comment has 3000000 characters",
        ),
        (format!("{header}{good}1700000000000,x,2,1,0,0,1,\"   \"\n"), votes.into(), "line 3: the comment is empty"),
        (
            format!("{header}{good}1700000000000,x,1,1,0,0,1,Басқа мәтін\n"),
            votes.into(),
            "line 3: comment-id 1 was already given on line 2",
        ),
        (format!("{header}-5,x,1,1,0,0,1,Мәтін\n"), votes.into(), "comments.csv, line 2: timestamp -5 is not a time"),
        (
            format!("{header}{good}"),
            "timestamp,datetime,comment-id,voter-id,vote\n99999999999999999,x,1,1,1\n".into(),
            "votes.csv, line 2: timestamp",
        ),
        (
            format!("{header}{good}"),
            "timestamp,datetime,comment-id,voter-id,vote\n0,x,1,1,1\n".into(),
            "votes.csv, line 2: timestamp 0 is not a time",
        ),
    ];
    let before = (app.count("consultations").await, app.count("consultation_statements").await);
    for (comments, votes, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("comments.csv"), comments).unwrap();
        std::fs::write(dir.path().join("votes.csv"), votes).unwrap();
        let imported = birlik::consultations::import::import_polis(&app.state.platform.db, dir.path(), body).await;
        let Err(error) = imported else { panic!("imported, instead of «{expected}»") };
        assert!(format!("{error:#}").contains(expected), "expected «{expected}», got «{error:#}»");
    }
    assert_eq!((app.count("consultations").await, app.count("consultation_statements").await), before);
    // The good file alone is taken, with its dates in order.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("comments.csv"), format!("{header}{good}")).unwrap();
    std::fs::write(dir.path().join("votes.csv"), votes).unwrap();
    let id = birlik::consultations::import::import_polis(&app.state.platform.db, dir.path(), body).await.unwrap();
    let c = app.get_json(&format!("/api/v1/consultations/{id}")).await.1;
    assert_eq!((c["opens_on"].as_str(), c["closes_on"].as_str()), (Some("2023-11-15"), Some("2023-11-15")));
}

#[tokio::test]
async fn an_export_is_written_once_per_analysis_and_then_streamed() {
    let app = TestApp::sqlite().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let (id, statements) = open(&app, &input(body), &SEEDS).await;
    let participant = app.state.consultations.votes.join(id, "d:export-once").await.unwrap();
    let cast = |statement: i64, value: i64| Ballot { consultation: id, participant, statement, value, at: now_ms() };
    app.state.consultations.votes.cast(cast(statements[0], 1)).await.unwrap();
    analysis_of(&app, id, 1).await;
    let exports = app.state.platform.settings.data_dir.join("exports");
    let files = || {
        let mut names: Vec<String> = std::fs::read_dir(&exports)
            .map(|d| d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        names.sort();
        names
    };
    let url = format!("/api/v1/consultations/{id}/export/votes.csv");
    let downloads: Vec<_> = (0..8)
        .map(|_| {
            let (client, url) = (app.client.clone(), app.url(&url));
            tokio::spawn(async move { client.get(url).send().await.unwrap() })
        })
        .collect();
    let mut bodies = Vec::new();
    for download in downloads {
        let response = download.await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        bodies.push(response.text().await.unwrap());
    }
    assert!(bodies.windows(2).all(|w| w[0] == w[1]) && bodies[0].lines().count() == 2, "{bodies:?}");
    let first = files();
    assert_eq!(first.len(), 1, "eight downloads, one file: {first:?}");
    // A new analysis is a new version: the file is written again, the old one goes.
    app.state.consultations.votes.cast(cast(statements[1], -1)).await.unwrap();
    analysis_of(&app, id, 2).await;
    let (_, again) = app.get_text(&url).await;
    assert_eq!(again.lines().count(), 3);
    let second = files();
    assert_eq!(second.len(), 1);
    assert_ne!(first, second);
}

/// The vote path keeps each consultation's published statements in memory: analysis rounds, which come every
/// few seconds while people vote, must leave that knowledge valid; a new published statement renews it.
#[tokio::test]
async fn analysis_rounds_leave_what_the_vote_path_knows_and_a_new_statement_renews_it() {
    let app = TestApp::sqlite().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let (id, statements) = open(&app, &input(body), &SEEDS).await;
    let (db, known) = (&app.state.platform.db, &app.state.consultations.known);
    app.state.platform.changes.settled().await.unwrap(); // the opening's event, read back by the worker
    let before = known.consultation(db, id).await.unwrap().unwrap();
    let last_event = || async {
        birlik::with_read!(db, pool => {
            sqlx::query_scalar::<_, Option<i64>>("SELECT MAX(id) FROM events WHERE area = 'consultation' AND item_id = $1")
                .bind(id).fetch_one(pool).await.unwrap()
        })
    };
    let last_before = last_event().await;
    let participant = app.state.consultations.votes.join(id, "d:known-test").await.unwrap();
    let ballot = Ballot { consultation: id, participant, statement: statements[0], value: 1, at: now_ms() };
    app.state.consultations.votes.cast(ballot).await.unwrap();
    analysis_of(&app, id, 1).await;
    app.state.platform.changes.settled().await.unwrap();
    // What makes the vote path read the consultation again is an event of its scope (`known.rs`): a round leaves
    // none. (The database says so; the in-process generations are shared by every test app of this process,
    // whose consultations have the same ids.)
    assert_eq!(last_event().await, last_before, "an analysis round made the vote path's knowledge stale");
    let analysed: i64 = birlik::with_read!(db, pool => {
        sqlx::query_scalar("SELECT COUNT(*) FROM events WHERE area = 'consultation-analysis' AND item_id = $1")
            .bind(id).fetch_one(pool).await.unwrap()
    });
    assert!(analysed > 0, "the round left its event in its own scope");
    let at = birlik::platform::db::now();
    store::add_statement(db, id, &NewStatement::seed("Жаңа тұжырым осы жерде", &at)).await.unwrap();
    let renewed = known.consultation(db, id).await.unwrap().unwrap();
    assert_eq!(renewed.published.len(), before.published.len() + 1, "a new published statement is votable at once");
}
