//! Moderation as one facility: a reader reports a consultation statement naming a clause, a moderator of the body
//! hides it (the statement leaves voting, kept), the author reads the statement of reasons and appeals, another
//! moderator reverses and the statement is back; the public log shows both decisions without the text or the
//! author; the transparency report counts them. Refusals: reports by the same reader twice or in a storm, decisions
//! without the role or on one's own writing, appeals by anyone but the author, out of time or twice, an appeal
//! decided by the moderator who decided.

use birlik::consultations::model::Status;
use birlik::consultations::store;
use birlik::platform::identity::Role;
use reqwest::StatusCode;
use serde_json::Value;

use crate::consultations::{input, open};
use crate::support::{LoggedIn, TestApp};

async fn add_statement(author: &LoggedIn, consultation: i64, text: &str) {
    let response = author
        .post_form(&format!("/en/consultations/{consultation}/statements"), &[("text", text), ("confirm", "1")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

async fn a_report_a_decision_an_appeal_and_a_reversal(app: TestApp) {
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let (consultation, _) = open(&app, &input(body), &["Тіл курстары тегін болуы керек"]).await;
    let author = app.participant().await;
    let text = "Бұл өңірде тек бір ұлт тұруы керек";
    add_statement(&author, consultation, text).await;
    let statement = store::statements(&app.state.platform.db, consultation, Some(Status::Published))
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.text == text)
        .unwrap()
        .id;
    let statement_id = statement.to_string();

    // Readers report it naming a clause; the same reader twice is refused.
    let reader = app.participant().await;
    let report = [
        ("item_kind", "statement"),
        ("item_id", statement_id.as_str()),
        ("clause", "incitement"),
        ("note", ""),
        ("back", "/en/"),
    ];
    let sent = reader.post_form("/en/moderation/reports", &report).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    assert_eq!(reader.post_form("/en/moderation/reports", &report).await.status(), StatusCode::CONFLICT);
    let bad_clause = [("item_kind", "statement"), ("item_id", statement_id.as_str()), ("clause", "nonsense")];
    assert_eq!(
        reader.post_form("/en/moderation/reports", &bad_clause).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let (status, _) = app.get_text("/en/moderation/queue?body=1").await;
    assert_eq!(status, StatusCode::SEE_OTHER, "the queue is not public");

    // A moderator named by the body's secretariat sees it in the queue, by priority.
    let secretariat = app.secretariat_of(body).await;
    app.user("moderator-one@test.kz", &[Role::Participant]).await;
    app.user("moderator-two@test.kz", &[Role::Participant]).await;
    for email in ["moderator-one@test.kz", "moderator-two@test.kz"] {
        let named =
            secretariat.post_form("/en/moderation/moderators", &[("body", &body.to_string()), ("email", email)]).await;
        assert_eq!(named.status(), StatusCode::SEE_OTHER);
    }
    let first = app.login_as("moderator-one@test.kz").await;
    let second = app.login_as("moderator-two@test.kz").await;
    let (status, queue) = first.get_text(&format!("/en/moderation/queue?body={body}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(queue.contains(text) && queue.contains("1. Incitement of hatred ×1"), "{queue}");
    let (status, _) = reader.get_text(&format!("/en/moderation/queue?body={body}")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Deciding needs the role, a clause, and is never about one's own writing.
    let decide = |action: &'static str, clause: &'static str| {
        vec![
            ("body", body.to_string()),
            ("item_kind", "statement".to_owned()),
            ("item_id", statement_id.clone()),
            ("action", action.to_owned()),
            ("clause", clause.to_owned()),
            ("note", String::new()),
            ("days", String::new()),
        ]
    };
    let pairs = |v: Vec<(&'static str, String)>| v;
    let refused = reader
        .client
        .post(format!("{}/en/moderation/decisions", reader.base))
        .form(&pairs(decide("hide", "incitement")))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let refused = first
        .client
        .post(format!("{}/en/moderation/decisions", first.base))
        .form(&pairs(decide("hide", "")))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "a decision names a clause");
    let hidden = first
        .client
        .post(format!("{}/en/moderation/decisions", first.base))
        .form(&pairs(decide("hide", "incitement")))
        .send()
        .await
        .unwrap();
    assert_eq!(hidden.status(), StatusCode::SEE_OTHER);
    let s = store::statement(&app.state.platform.db, statement).await.unwrap().unwrap();
    assert_eq!(s.status, Status::Rejected, "hidden: out of voting and of the analysis, kept");

    // The author is told the reasons in his language, and appeals; nobody else may.
    app.settled().await;
    let decision: i64 = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT MAX(id) FROM moderation_decisions").fetch_one(pool).await.unwrap()
    });
    let (_, inbox) = author.get_text("/ru/inbox").await;
    assert!(inbox.contains("Ваш текст скрыт по пункту «Возбуждение розни»"), "{inbox}");
    let (status, reasons) = author.get_text(&format!("/kk/moderation/decisions/{decision}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        reasons.contains("Алауыздықты қоздыру")
            && reasons.contains("органның модераторы")
            && reasons.contains("appeal-form")
    );
    assert!(!reasons.contains("moderator-one"), "the role, never the name");
    let (status, _) = reader.get_text(&format!("/en/moderation/decisions/{decision}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let appeal = [("text", "Мен ешкімді қорлаған жоқпын.")];
    let refused = reader.post_form(&format!("/en/moderation/decisions/{decision}/appeal"), &appeal).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let filed = author.post_form(&format!("/en/moderation/decisions/{decision}/appeal"), &appeal).await;
    assert_eq!(filed.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        author.post_form(&format!("/en/moderation/decisions/{decision}/appeal"), &appeal).await.status(),
        StatusCode::CONFLICT
    );

    // The moderator who decided may not decide the appeal; another one reverses it, and the statement is back.
    let outcome = |o: &'static str| {
        vec![("body", body.to_string()), ("outcome", o.to_owned()), ("note", "Мәтін тармақты бұзбайды.".to_owned())]
    };
    let refused = first
        .client
        .post(format!("{}/en/moderation/decisions/{decision}/outcome", first.base))
        .form(&outcome("reverse"))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    let reversed = second
        .client
        .post(format!("{}/en/moderation/decisions/{decision}/outcome", second.base))
        .form(&outcome("reverse"))
        .send()
        .await
        .unwrap();
    assert_eq!(reversed.status(), StatusCode::SEE_OTHER);
    let s = store::statement(&app.state.platform.db, statement).await.unwrap().unwrap();
    assert_eq!(s.status, Status::Published, "restored everywhere, the analysis included");
    app.settled().await;
    let (_, reasons) = author.get_text(&format!("/en/moderation/decisions/{decision}")).await;
    assert!(reasons.contains("Reversed on appeal"), "the author sees where his appeal stands");

    // The public log shows both decisions, never the text or the author.
    let (status, log) = app.get_json("/api/v1/moderation/log").await;
    assert_eq!(status, StatusCode::OK);
    let items = log["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{log}");
    let hide = items.iter().find(|d| d["action"] == "hide").unwrap();
    assert_eq!(
        (hide["item_kind"].as_str(), hide["clause"].as_str(), hide["appealed"].as_bool(), hide["outcome"].as_str()),
        (Some("statement"), Some("incitement"), Some(true), Some("reverse")),
        "{hide}"
    );
    assert!(
        hide.get("decided_at").is_some()
            && hide.get("automatic") == Some(&Value::Bool(false))
            && hide.get("body_id").is_some()
    );
    assert!(!log.to_string().contains(text) && !log.to_string().contains("author"), "{log}");
    let (_, page) = app.get_text("/ru/moderation/log").await;
    assert!(page.contains("Отменено после обжалования") && !page.contains(text));

    // The log is append-only.
    let tamper = birlik::with_write!(&app.state.platform.db, pool => {
        sqlx::query("DELETE FROM moderation_decisions").execute(pool).await.map(|_| ())
    });
    assert!(tamper.is_err(), "the database refuses to delete from the log");

    // The transparency report counts the month.
    let month = birlik::platform::db::now()[..7].to_owned();
    let (status, report) = app.get_json(&format!("/api/v1/moderation/report?month={month}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(report["decisions"], 2, "{report}");
    assert_eq!(report["per_clause"][0]["key"], "incitement");
    assert_eq!((report["appeal_rate"].as_f64(), report["reversal_rate"].as_f64()), (Some(100.0), Some(100.0)));
    assert!(report["median_hours_to_decision"].is_number());
    let (status, csv) = app.get_text(&format!("/api/v1/moderation/report.csv?month={month}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(csv.contains("clause,incitement,1"), "{csv}");
    let (status, page) = app.get_text(&format!("/kk/moderation/report?month={month}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<svg") && page.contains("per-clause"));
    let (status, _) = app.get_text("/en/moderation/report?month=2026-13-99").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

mod both {
    use super::*;
    crate::on_both_backends!(a_report_a_decision_an_appeal_and_a_reversal);
}

#[tokio::test]
async fn report_storms_and_late_appeals_are_refused_and_moderators_cannot_judge_their_own_writing() {
    let app = TestApp::sqlite().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let seeds: Vec<String> = (0..25).map(|i| format!("Тұжырым нөмірі {i}: мәдени орталықтар керек")).collect();
    let seeds: Vec<&str> = seeds.iter().map(String::as_str).collect();
    let (_, ids) = open(&app, &input(body), &seeds).await;
    // One identity reporting many items: the storm is cut at the burst.
    let storm = app.participant().await;
    let mut statuses = Vec::new();
    for id in &ids {
        let id = id.to_string();
        let r = storm
            .post_form("/en/moderation/reports", &[("item_kind", "statement"), ("item_id", &id), ("clause", "spam")])
            .await;
        statuses.push(r.status());
    }
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::SEE_OTHER).count(), 20, "{statuses:?}");
    assert!(statuses.iter().skip(20).all(|s| *s == StatusCode::TOO_MANY_REQUESTS));

    // A moderator who wrote a statement cannot moderate it.
    let (consultation, _) = open(&app, &input(body), &["Бірінші"]).await;
    app.user("writer-moderator@test.kz", &[Role::Participant]).await;
    let secretariat = app.secretariat_of(body).await;
    secretariat
        .post_form("/en/moderation/moderators", &[("body", &body.to_string()), ("email", "writer-moderator@test.kz")])
        .await;
    let writer = app.login_as("writer-moderator@test.kz").await;
    add_statement(&writer, consultation, "Менің өз тұжырымым").await;
    let own = store::statements(&app.state.platform.db, consultation, None)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.text == "Менің өз тұжырымым")
        .unwrap();
    let form = [
        ("body", body.to_string()),
        ("item_kind", "statement".into()),
        ("item_id", own.id.to_string()),
        ("action", "hide".into()),
        ("clause", "spam".into()),
    ];
    let refused =
        writer.client.post(format!("{}/en/moderation/decisions", writer.base)).form(&form).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::CONFLICT);

    // A suspended author writes nothing in the body's consultations meanwhile.
    let (other_consultation, _) = open(&app, &input(body), &["Екінші тұжырым", "Үшінші тұжырым"]).await;
    let suspended_author = app.participant().await;
    add_statement(&suspended_author, other_consultation, "Менің ойым осындай").await;
    let mine = store::statements(&app.state.platform.db, other_consultation, None)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.text == "Менің ойым осындай")
        .unwrap();
    let suspend = [
        ("body", body.to_string()),
        ("item_kind", "statement".into()),
        ("item_id", mine.id.to_string()),
        ("action", "suspend".into()),
        ("clause", "spam".into()),
        ("days", "7".into()),
    ];
    let done = secretariat
        .client
        .post(format!("{}/en/moderation/decisions", secretariat.base))
        .form(&suspend)
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let refused = suspended_author
        .post_form(
            &format!("/en/consultations/{other_consultation}/statements"),
            &[("text", "Тағы бір ой"), ("confirm", "1")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT, "suspended for 7 days");

    // Appeals after 14 days are refused.
    let hidden = secretariat
        .client
        .post(format!("{}/en/moderation/decisions", secretariat.base))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(hidden.status(), StatusCode::SEE_OTHER);
    let decision: i64 = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT MAX(id) FROM moderation_decisions").fetch_one(pool).await.unwrap()
    });
    app.clock.advance(std::time::Duration::from_secs(15 * 24 * 3600));
    let late = writer.post_form(&format!("/en/moderation/decisions/{decision}/appeal"), &[("text", "Кешіріңіз")]).await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    // A lexicon flags what is written, through inflection and a look-alike letter, without hiding it.
    let refused = secretariat
        .post_form("/en/moderation/lexicons", &[("body", &body.to_string()), ("lang", "ru"), ("terms", "a*")])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "a prefix too short to be safe is refused");
    let saved = secretariat
        .post_form(
            "/en/moderation/lexicons",
            &[("body", &body.to_string()), ("lang", "ru"), ("terms", "ненависть\n# комментарий")],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (flagged_in, _) = open(&app, &input(body), &["Первое"]).await;
    let writer2 = app.participant().await;
    add_statement(&writer2, flagged_in, "Они сеют н\u{0065}навистью рознь между соседями").await;
    let flagged = store::statements(&app.state.platform.db, flagged_in, None)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.text.starts_with("Они"))
        .unwrap();
    assert_eq!(flagged.status, Status::Published, "a flag never hides by itself");
    let (_, queue) = secretariat.get_text(&format!("/en/moderation/queue?body={body}")).await;
    assert!(queue.contains("Они сеют") && queue.contains("flags 1"), "{queue}");

    // Pre-moderation: a statement waiting for approval is in the facility's queue; approving it there publishes it.
    let approve = birlik::consultations::input::ConsultationInput {
        moderation: birlik::consultations::model::Moderation::Approve,
        ..input(body)
    };
    let (held, _) = open(&app, &approve, &["Бастапқы"]).await;
    let newcomer = app.participant().await;
    add_statement(&newcomer, held, "Күтіп тұрған тұжырым").await;
    let waiting = store::statements(&app.state.platform.db, held, Some(Status::Pending)).await.unwrap();
    let (_, queue) = secretariat.get_text(&format!("/en/moderation/queue?body={body}")).await;
    assert!(queue.contains("Күтіп тұрған тұжырым"), "{queue}");
    let form = [
        ("body", body.to_string()),
        ("item_kind", "statement".into()),
        ("item_id", waiting[0].id.to_string()),
        ("action", "approve".into()),
    ];
    let approved = secretariat
        .client
        .post(format!("{}/en/moderation/decisions", secretariat.base))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(approved.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        store::statement(&app.state.platform.db, waiting[0].id).await.unwrap().unwrap().status,
        Status::Published
    );

    let (_, policy) = app.get_text("/kk/moderation/policy").await;
    assert!(policy.contains("174") && policy.contains("Алауыздықты қоздыру"));
}

/// Proposals are a kind of their own: hidden, a proposal leaves the lists and the API, and only its author and the
/// body's moderators still open it, marked; a reversal brings it back.
#[tokio::test]
async fn a_proposal_hidden_by_moderation_leaves_the_lists_and_comes_back_on_appeal() {
    let app = TestApp::sqlite().await;
    let body = app.body_id("national_session", None).await;
    let author = app.participant().await;
    let id = crate::proposals::file(&author, body, "Бір ұлтқа ғана орын бар").await;
    let reader = app.participant().await;
    let id_text = id.to_string();
    let sent = reader
        .post_form(
            "/en/moderation/reports",
            &[("item_kind", "proposal"), ("item_id", &id_text), ("clause", "incitement")],
        )
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let secretariat = app.secretariat_of(body).await;
    let form = [
        ("body", body.to_string()),
        ("item_kind", "proposal".into()),
        ("item_id", id_text.clone()),
        ("action", "hide".into()),
        ("clause", "incitement".into()),
    ];
    let hidden = secretariat
        .client
        .post(format!("{}/en/moderation/decisions", secretariat.base))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(hidden.status(), StatusCode::SEE_OTHER);
    let (_, list) = app.get_json("/api/v1/proposals").await;
    assert!(!list.to_string().contains("Бір ұлтқа ғана"), "out of the lists");
    let (status, _) = app.get_json(&format!("/api/v1/proposals/{id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = reader.get_text(&format!("/en/proposals/{id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, page) = author.get_text(&format!("/en/proposals/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("id=\"hidden\""), "its author still sees it, marked");
    let decision: i64 = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT MAX(id) FROM moderation_decisions").fetch_one(pool).await.unwrap()
    });
    let filed = author
        .post_form(&format!("/en/moderation/decisions/{decision}/appeal"), &[("text", "Дұрыс түсінілмеді.")])
        .await;
    assert_eq!(filed.status(), StatusCode::SEE_OTHER);
    let admin = app.admin().await;
    let outcome = [("body", body.to_string()), ("outcome", "reverse".into()), ("note", "Тармақ бұзылмаған.".into())];
    let reversed = admin
        .client
        .post(format!("{}/en/moderation/decisions/{decision}/outcome", admin.base))
        .form(&outcome)
        .send()
        .await
        .unwrap();
    assert_eq!(reversed.status(), StatusCode::SEE_OTHER);
    let (status, _) = app.get_json(&format!("/api/v1/proposals/{id}")).await;
    assert_eq!(status, StatusCode::OK, "back everywhere");
    let (_, log) = app.get_json("/api/v1/moderation/log").await;
    assert!(log["items"].as_array().unwrap().iter().any(|d| d["item_kind"] == "proposal"));
}

/// A published rebuttal is moderated like anything people write: reported, then hidden off the public page.
#[tokio::test]
async fn a_published_rebuttal_is_reported_and_hidden_from_the_public_page() {
    let app = TestApp::sqlite().await;
    let db = &app.state.platform.db;
    let now = app.state.platform.jobs.now_ms();
    birlik::early_warning::demo::load(db, now).await.unwrap();
    let id: i64 = birlik::with_read!(db, pool => {
        sqlx::query_scalar("SELECT id FROM signals WHERE rebutted_at IS NOT NULL").fetch_one(pool).await.unwrap()
    });
    let region: String = birlik::with_read!(db, pool => {
        sqlx::query_scalar("SELECT region_code FROM signals WHERE id = $1").bind(id).fetch_one(pool).await.unwrap()
    });
    let reader = app.participant().await;
    let id_text = id.to_string();
    let sent = reader
        .post_form(
            "/en/moderation/reports",
            &[("item_kind", "rebuttal"), ("item_id", &id_text), ("clause", "personal-data")],
        )
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let assembly = app.body_id("regional_assembly", Some(&region)).await;
    let secretariat = app.secretariat_of(assembly).await;
    let (_, queue) = secretariat.get_text(&format!("/en/moderation/queue?body={assembly}")).await;
    assert!(queue.contains("Rebuttal of a rumour"), "{queue}");
    let form = [
        ("body", assembly.to_string()),
        ("item_kind", "rebuttal".into()),
        ("item_id", id_text.clone()),
        ("action", "hide".into()),
        ("clause", "personal-data".into()),
    ];
    let hidden = secretariat
        .client
        .post(format!("{}/en/moderation/decisions", secretariat.base))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(hidden.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get_text("/en/early-warning/rebuttals").await;
    assert!(!page.contains("Verification showed the rumour to be false"), "{page}");
}

/// The body's secretariat decides `action` on an item naming `clause`; the answer's status.
async fn decide_on(by: &LoggedIn, body: i64, kind: &str, id: i64, action: &str, clause: &str) -> StatusCode {
    let form = [
        ("body", body.to_string()),
        ("item_kind", kind.to_owned()),
        ("item_id", id.to_string()),
        ("action", action.to_owned()),
        ("clause", clause.to_owned()),
    ];
    by.client.post(format!("{}/en/moderation/decisions", by.base)).form(&form).send().await.unwrap().status()
}

async fn last_decision(app: &TestApp) -> i64 {
    birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT MAX(id) FROM moderation_decisions").fetch_one(pool).await.unwrap()
    })
}

async fn statement_titled(app: &TestApp, consultation: i64, text: &str) -> birlik::consultations::model::Statement {
    store::statements(&app.state.platform.db, consultation, None)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.text == text)
        .unwrap_or_else(|| panic!("a statement «{text}»"))
}

/// Asked to edit, the author rewrites his statement from the statement of reasons: it stays out of voting and
/// waits in the queue with its new text until a moderator approves it. A kind that cannot be edited (a proposal)
/// cannot be asked to be.
#[tokio::test]
async fn an_author_asked_to_edit_resubmits_and_a_moderator_approves_the_new_text() {
    let app = TestApp::sqlite().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let (consultation, _) = open(&app, &input(body), &["Тіл курстары тегін болуы керек"]).await;
    let author = app.participant().await;
    let first = "Мына көршілерім Петров пен Ахметов ақша жинап жүр, телефоны +7 701 000 00 00";
    add_statement(&author, consultation, first).await;
    let s = statement_titled(&app, consultation, first).await;
    let secretariat = app.secretariat_of(body).await;
    assert_eq!(
        decide_on(&secretariat, body, "statement", s.id, "ask_edit", "personal-data").await,
        StatusCode::SEE_OTHER
    );
    assert_eq!(store::statement(&app.state.platform.db, s.id).await.unwrap().unwrap().status, Status::Rejected);
    let decision = last_decision(&app).await;

    // The statement of reasons offers the edit, starting from his text; only to him.
    let (status, page) = author.get_text(&format!("/en/moderation/decisions/{decision}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("id=\"edit-form\"") && page.contains("+7 701 000 00 00"), "{page}");
    let other = app.participant().await;
    let refused = other.post_form(&format!("/en/moderation/decisions/{decision}/edit"), &[("edit", "x")]).await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
    // An empty edit is refused beside the box, and changes nothing.
    let empty = author.post_form(&format!("/ru/moderation/decisions/{decision}/edit"), &[("edit", "  ")]).await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.text().await.unwrap().contains("id=\"e-edit\""));
    assert_eq!(store::statement(&app.state.platform.db, s.id).await.unwrap().unwrap().text, first);

    let second = "Көршілер ақша жинап жүр, мұны тексеру керек";
    let sent = author.post_form(&format!("/en/moderation/decisions/{decision}/edit"), &[("edit", second)]).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let edited = store::statement(&app.state.platform.db, s.id).await.unwrap().unwrap();
    assert_eq!((edited.text.as_str(), edited.status), (second, Status::Rejected), "still out of voting");
    let (_, page) = author.get_text(&format!("/en/moderation/decisions/{decision}")).await;
    assert!(page.contains("id=\"edited\"") && !page.contains("id=\"edit-form\""), "{page}");
    let again = author.post_form(&format!("/en/moderation/decisions/{decision}/edit"), &[("edit", "Тағы")]).await;
    assert_eq!(again.status(), StatusCode::CONFLICT, "once per request");

    // Back in the queue with the new text; approved, it is in voting.
    let (_, queue) = secretariat.get_text(&format!("/en/moderation/queue?body={body}")).await;
    assert!(queue.contains(second) && !queue.contains("+7 701"), "{queue}");
    assert_eq!(decide_on(&secretariat, body, "statement", s.id, "approve", "").await, StatusCode::SEE_OTHER);
    assert_eq!(store::statement(&app.state.platform.db, s.id).await.unwrap().unwrap().status, Status::Published);

    // A proposal cannot be edited by its author here: asking is refused, and the queue does not offer it.
    let national = app.body_id("national_session", None).await;
    let proposer = app.participant().await;
    let proposal = crate::proposals::file(&proposer, national, "Ақша жинайтын көршілер туралы").await;
    let national_secretariat = app.secretariat_of(national).await;
    assert_eq!(
        decide_on(&national_secretariat, national, "proposal", proposal, "ask_edit", "spam").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

/// The one automatic decision: a text identical (up to case, spaces and punctuation) to one a moderator hid in the
/// same body is hidden at once under the same clause, logged as automatic, and appealable like any decision.
async fn a_re_post_of_a_hidden_text_is_hidden_automatically(app: TestApp) {
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let (consultation, _) = open(&app, &input(body), &["Мәдени орталықтар керек"]).await;
    let first_author = app.participant().await;
    let text = "Арзан несие! Осы сілтемеге кіріңіз: bit.ly/xyz";
    add_statement(&first_author, consultation, text).await;
    let s = statement_titled(&app, consultation, text).await;
    let secretariat = app.secretariat_of(body).await;
    assert_eq!(decide_on(&secretariat, body, "statement", s.id, "hide", "spam").await, StatusCode::SEE_OTHER);

    let reposter = app.participant().await;
    let repost = "арзан  НЕСИЕ — осы сілтемеге кіріңіз bit.ly/xyz";
    add_statement(&reposter, consultation, repost).await;
    let again = statement_titled(&app, consultation, repost).await;
    assert_eq!(again.status, Status::Rejected, "hidden at once");
    let (_, log) = app.get_json("/api/v1/moderation/log").await;
    let automatic: Vec<&Value> =
        log["items"].as_array().unwrap().iter().filter(|d| d["automatic"] == Value::Bool(true)).collect();
    assert_eq!(automatic.len(), 1, "{log}");
    assert_eq!((automatic[0]["action"].as_str(), automatic[0]["clause"].as_str()), (Some("hide"), Some("spam")));
    let (_, page) = app.get_text("/en/moderation/log").await;
    assert!(page.contains("<span class=\"label\">automatic</span>"), "{page}");

    // Its author reads the reasons (Birlik itself decided) and appeals; the secretariat reverses.
    app.settled().await;
    let decision = last_decision(&app).await;
    let (status, reasons) = reposter.get_text(&format!("/en/moderation/decisions/{decision}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(reasons.contains("Birlik itself") && reasons.contains("appeal-form"), "{reasons}");
    let filed = reposter
        .post_form(&format!("/en/moderation/decisions/{decision}/appeal"), &[("text", "Бұл менің ойым.")])
        .await;
    assert_eq!(filed.status(), StatusCode::SEE_OTHER);
    let outcome = [("body", body.to_string()), ("outcome", "reverse".into()), ("note", "Қате.".into())];
    let reversed = secretariat
        .client
        .post(format!("{}/en/moderation/decisions/{decision}/outcome", secretariat.base))
        .form(&outcome)
        .send()
        .await
        .unwrap();
    assert_eq!(reversed.status(), StatusCode::SEE_OTHER);
    assert_eq!(store::statement(&app.state.platform.db, again.id).await.unwrap().unwrap().status, Status::Published);

    // A different text is not touched; nor is the same text in another body.
    let other = "Мектептерде үш тілде оқыту керек";
    add_statement(&reposter, consultation, other).await;
    assert_eq!(statement_titled(&app, consultation, other).await.status, Status::Published);
    let elsewhere = app.body_id("regional_assembly", Some("KZ-31")).await;
    let (other_consultation, _) = open(&app, &input(elsewhere), &["Басқа өңір"]).await;
    add_statement(&reposter, other_consultation, text).await;
    assert_eq!(statement_titled(&app, other_consultation, text).await.status, Status::Published);
}

mod reposts_on_both {
    use super::*;
    crate::on_both_backends!(a_re_post_of_a_hidden_text_is_hidden_automatically);
}

/// Display names are a kind too, owned by the national body: a name matching its lexicon is flagged (at
/// registration or on a change); hidden, a neutral name shows in its place everywhere, the owner cannot simply
/// rename himself, he chooses another from the statement of reasons, and it shows once approved.
#[tokio::test]
async fn a_flagged_display_name_is_hidden_replaced_and_approved_after_an_edit() {
    let app = TestApp::sqlite().await;
    let national: i64 =
        birlik::platform::identity::authz::national_body(&app.state.platform.db).await.unwrap().unwrap();
    let secretariat = app.secretariat_of(national).await;
    let saved = secretariat
        .post_form("/en/moderation/lexicons", &[("body", &national.to_string()), ("lang", "en"), ("terms", "idiot")])
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);

    // At registration: the name is flagged, not hidden.
    let client = TestApp::client();
    let registered = client
        .post(app.url("/en/register"))
        .form(&[
            ("email", "newcomer@test.kz"),
            ("display_name", "Village Idiots"),
            ("password", "a long enough passphrase 1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(registered.status(), StatusCode::SEE_OTHER);
    let newcomer: i64 = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT id FROM users WHERE email = 'newcomer@test.kz'").fetch_one(pool).await.unwrap()
    });
    let (_, queue) = secretariat.get_text(&format!("/en/moderation/queue?body={national}")).await;
    assert!(queue.contains("Display name") && queue.contains("Village Idiots"), "{queue}");

    // On a change of name, too; a name too short is refused and changes nothing.
    let participant = app.participant().await;
    let refused = participant.post_form("/en/account/name", &[("display_name", "x")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let renamed = participant.post_form("/en/account/name", &[("display_name", "Idiot Hunter")]).await;
    assert_eq!(renamed.status(), StatusCode::SEE_OTHER);
    let to = renamed.headers()["location"].to_str().unwrap().to_owned();
    let (_, page) = participant.get_text(&to).await;
    assert!(page.contains("Your name has been changed.") && page.contains("value=\"Idiot Hunter\""), "{page}");
    let me: i64 = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT id FROM users WHERE display_name = 'Idiot Hunter'").fetch_one(pool).await.unwrap()
    });

    // Hidden: a neutral name everywhere, the chosen one kept.
    assert_eq!(
        decide_on(&secretariat, national, "display_name", me, "ask_edit", "insult").await,
        StatusCode::SEE_OTHER
    );
    let (shown, held): (String, Option<String>) = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_as("SELECT display_name, display_name_held FROM users WHERE id = $1").bind(me).fetch_one(pool).await.unwrap()
    });
    assert_eq!((shown, held.as_deref()), (format!("#{me}"), Some("Idiot Hunter")));
    let (_, page) = participant.get_text("/kk/account").await;
    assert!(page.contains("id=\"name-hidden\"") && !page.contains("id=\"name-form\""), "{page}");
    let refused = participant.post_form("/en/account/name", &[("display_name", "Another Name")]).await;
    assert_eq!(refused.status(), StatusCode::CONFLICT, "not by a plain rename while hidden");

    // He chooses another name from the statement of reasons; approved, it shows.
    let decision = last_decision(&app).await;
    let sent =
        participant.post_form(&format!("/en/moderation/decisions/{decision}/edit"), &[("edit", "Aigerim K.")]).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    assert_eq!(decide_on(&secretariat, national, "display_name", me, "approve", "").await, StatusCode::SEE_OTHER);
    let shown: String = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT display_name FROM users WHERE id = $1").bind(me).fetch_one(pool).await.unwrap()
    });
    assert_eq!(shown, "Aigerim K.");
    // The newcomer's flagged name, approved as it is, stays.
    assert_eq!(decide_on(&secretariat, national, "display_name", newcomer, "approve", "").await, StatusCode::SEE_OTHER);
    let (_, log) = app.get_json("/api/v1/moderation/log").await;
    assert!(!log.to_string().contains("Idiot"), "never the text in the log");
}

/// Who may do what in a body's moderation: its secretariat and admins everything; a moderator of the body, or of a
/// body above it, sees the queue, decides and keeps lexicons but names no moderator; a moderator or secretariat of
/// another body, a participant and an anonymous reader nothing.
#[tokio::test]
async fn role_by_action_matrix() {
    let app = TestApp::sqlite().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let other = app.body_id("regional_assembly", Some("KZ-71")).await;
    let national = birlik::platform::identity::authz::national_body(&app.state.platform.db).await.unwrap().unwrap();
    let (consultation, _) = open(&app, &input(body), &["Бастапқы тұжырым"]).await;
    let author = app.participant().await;
    app.user("admin@m.kz", &[Role::Admin]).await;
    app.user("sec@m.kz", &[Role::Secretariat { body_id: body }]).await;
    app.user("other-sec@m.kz", &[Role::Secretariat { body_id: other }]).await;
    app.user("target@m.kz", &[Role::Participant]).await;
    let admin = app_user(&app, "admin@m.kz").await;
    for (email, at) in [("mod@m.kz", body), ("above@m.kz", national), ("other-mod@m.kz", other)] {
        let moderator = app.user(email, &[Role::Participant]).await;
        birlik::platform::moderation::store::assign(&app.state.platform.db, admin, moderator, at).await.unwrap();
    }
    app.user("reader@m.kz", &[Role::Participant]).await;
    let everything: &[&str] = &["queue", "decide", "lexicon", "assign"];
    let moderating: &[&str] = &["queue", "decide", "lexicon"];
    let cases: [(Option<&str>, &[&str]); 8] = [
        (Some("admin@m.kz"), everything),
        (Some("sec@m.kz"), everything),
        (Some("mod@m.kz"), moderating),
        (Some("above@m.kz"), moderating),
        (Some("other-sec@m.kz"), &[]),
        (Some("other-mod@m.kz"), &[]),
        (Some("reader@m.kz"), &[]),
        (None, &[]),
    ];
    let b = body.to_string();
    for (n, (who, allowed)) in cases.into_iter().enumerate() {
        let client = match who {
            Some(email) => app.login_as(email).await.client,
            None => TestApp::client(),
        };
        let text = format!("Тексерілетін тұжырым нөмірі {n}");
        add_statement(&author, consultation, &text).await;
        let item = statement_titled(&app, consultation, &text).await.id.to_string();
        for action in ["queue", "decide", "lexicon", "assign"] {
            let request = match action {
                "queue" => client.get(app.url(&format!("/en/moderation/queue?body={body}"))),
                "decide" => client.post(app.url("/en/moderation/decisions")).form(&[
                    ("body", b.as_str()),
                    ("item_kind", "statement"),
                    ("item_id", item.as_str()),
                    ("action", "hide"),
                    ("clause", "spam"),
                ]),
                "lexicon" => client.post(app.url("/en/moderation/lexicons")).form(&[
                    ("body", b.as_str()),
                    ("lang", "en"),
                    ("terms", "casino"),
                ]),
                _ => client
                    .post(app.url("/en/moderation/moderators"))
                    .form(&[("body", b.as_str()), ("email", "target@m.kz")]),
            };
            let response = request.send().await.unwrap();
            let status = response.status();
            let to_login = response.headers().get("location").is_some_and(|l| l.to_str().unwrap().contains("/login"));
            let done = status.is_success() || (status == StatusCode::SEE_OTHER && !to_login);
            assert_eq!(done, allowed.contains(&action), "{who:?} {action}: {status}");
            if !done {
                assert!(status == StatusCode::FORBIDDEN || to_login, "{who:?} {action}: refused with {status}");
            }
        }
    }
}

async fn app_user(app: &TestApp, email: &str) -> i64 {
    birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar("SELECT id FROM users WHERE email = $1").bind(email).fetch_one(pool).await.unwrap()
    })
}
