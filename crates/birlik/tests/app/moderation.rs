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
