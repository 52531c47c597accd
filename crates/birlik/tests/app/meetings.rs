//! Sessions and decisions: planning a meeting, its agenda, attendance and quorum, recorded votes from members'
//! own logins, show of hands, decisions, refusals (localized, changing nothing), pages and the demo.

use birlik::platform::identity::{Role, store as identity};
use birlik::registry::store::{self as registry, MembershipFilter};
use reqwest::Method;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::{LoggedIn, TestApp};

/// The persons seated in a body now.
pub async fn seated(app: &TestApp, body: i64) -> Vec<birlik::registry::model::Membership> {
    let filter = MembershipFilter { body: Some(body), per_page: Some(500), ..Default::default() };
    registry::memberships(&app.state.platform.db, &filter).await.unwrap().0
}

/// A login for a seated person.
pub async fn member_login(app: &TestApp, email: &str, person: i64) -> LoggedIn {
    let user = app.user(email, &[]).await;
    identity::link_person(&app.state.platform.db, None, user, Some(person)).await.unwrap();
    app.login_as(email).await
}

fn meeting_json(body: i64) -> Value {
    json!({
        "body_id": body, "kind": "session", "number": 14,
        "title": { "kk": "Өңірлік сессия", "ru": "Региональная сессия" },
        "starts_at": "2026-12-31T23:30", "ends_at": "2027-01-01T02:00",
        "place": "Достық үйі"
    })
}

async fn post(who: &LoggedIn, path: &str, body: Value) -> (StatusCode, Value) {
    who.send_json(Method::POST, path, &body).await
}

pub async fn plan_meeting(app: &TestApp, sec: &LoggedIn, body: i64) -> i64 {
    let (status, meeting) = post(sec, "/api/v1/meetings", meeting_json(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{meeting}");
    let _ = app;
    meeting["id"].as_i64().unwrap()
}

async fn move_to(sec: &LoggedIn, id: i64, status: &str) -> (StatusCode, Value) {
    post(sec, &format!("/api/v1/meetings/{id}/status?lang=en"), json!({ "status": status })).await
}

async fn planning_is_checked_authorized_and_audited(app: TestApp) {
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let other = app.body_id("regional_assembly", Some("KZ-71")).await;
    app.user("sec@example.kz", &[Role::Secretariat { body_id: body }]).await;
    app.user("other@example.kz", &[Role::Secretariat { body_id: other }]).await;
    let sec = app.login_as("sec@example.kz").await;
    let stranger = app.login_as("other@example.kz").await;
    let audit_before = app.count("audit_log").await;

    // Refused: no title in any language, the end before the start, a bad time; localized, nothing stored.
    let bad = json!({ "body_id": body, "kind": "session", "title": {}, "starts_at": "2026-05-01T10:00",
        "ends_at": "2026-05-01T09:00" });
    let (status, error) = post(&sec, "/api/v1/meetings?lang=en", bad.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let message = error.to_string();
    assert!(message.contains("Write the text in at least one language."), "{message}");
    assert!(message.contains("The end comes before the start."), "{message}");
    let (_, ru) = post(&sec, "/api/v1/meetings?lang=ru", bad).await;
    assert!(ru.to_string().contains("Время окончания раньше времени начала."));
    let (status, _) = post(
        &sec,
        "/api/v1/meetings",
        json!({ "body_id": body, "kind": "banquet", "title": { "kk": "x" },
        "starts_at": "2026-05-01T10:00", "ends_at": "2026-05-01T11:00" }),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "an unknown kind is refused");
    // Another body's secretariat, and anonymous callers, are refused.
    let (status, _) = post(&stranger, "/api/v1/meetings", meeting_json(body)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app.send_json(Method::POST, "/api/v1/meetings", &meeting_json(body)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.count("meetings").await, 0);
    assert_eq!(app.count("audit_log").await, audit_before);

    // Planned across midnight and the year's end in UTC+5: stored in UTC, numbered in Roman numerals.
    let id = plan_meeting(&app, &sec, body).await;
    let (_, m) = app.get_json(&format!("/api/v1/meetings/{id}")).await;
    assert_eq!(
        (m["starts_at"].as_str(), m["ends_at"].as_str()),
        (Some("2026-12-31T18:30:00Z"), Some("2026-12-31T21:00:00Z"))
    );
    assert_eq!((m["number_roman"].as_str(), m["status"].as_str()), (Some("XIV"), Some("planned")));
    assert_eq!(m["quorum"]["rules"]["quorum"], "more_than_half");

    // Statuses move forward only; postponing needs a reason.
    let (status, error) = move_to(&sec, id, "closed").await;
    assert_eq!((status, error["error"]["key"].as_str()), (StatusCode::CONFLICT, Some("error-meeting-status")));
    let (status, _) = move_to(&sec, id, "postponed").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = move_to(&stranger, id, "convened").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) =
        post(&sec, &format!("/api/v1/meetings/{id}/status"), json!({ "status": "postponed", "reason": "Су тасқыны" }))
            .await;
    assert_eq!(status, StatusCode::OK);
    let (_, page) = app.get_text(&format!("/kk/meetings/{id}")).await;
    assert!(page.contains("Су тасқыны") && page.contains("XIV сессия: Өңірлік сессия"), "{page}");

    // Agenda: items in order; after publication an added item says when.
    let (status, _) = post(
        &sec,
        &format!("/api/v1/meetings/{id}/agenda"),
        json!({ "title": { "kk": "Бірінші мәселе" },
        "presenter": "Хатшылық" }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) =
        post(&stranger, &format!("/api/v1/meetings/{id}/agenda"), json!({ "title": { "kk": "Бөгде" } })).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = post(&sec, &format!("/api/v1/meetings/{id}/agenda/publish"), json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let (_, m) =
        post(&sec, &format!("/api/v1/meetings/{id}/agenda"), json!({ "title": { "en": "Second item" } })).await;
    let agenda = m["agenda"].as_array().unwrap();
    assert_eq!(agenda.len(), 2);
    assert_eq!((agenda[0]["position"].as_i64(), agenda[1]["position"].as_i64()), (Some(1), Some(2)));
    assert!(agenda[0]["added_after_publication_at"].is_null() && agenda[1]["added_after_publication_at"].is_string());

    // Rules: editable by the secretariat only, audited.
    let rules = json!({ "quorum": "two_thirds", "majority_of": "all_members", "majority": "two_thirds" });
    let (status, _) = stranger.send_json(Method::PUT, &format!("/api/v1/bodies/{body}/meeting-rules"), &rules).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = sec.send_json(Method::PUT, &format!("/api/v1/bodies/{body}/meeting-rules"), &rules).await;
    assert_eq!(status, StatusCode::OK);
    let (_, r) = app.get_json(&format!("/api/v1/bodies/{body}/meeting-rules")).await;
    assert_eq!(r["quorum"], "two_thirds");
    let council = app.body_id("council", None).await;
    let (_, r) = app.get_json(&format!("/api/v1/bodies/{council}/meeting-rules")).await;
    assert_eq!(r["quorum"], "two_thirds", "the Council's default");
    assert!(app.count("audit_log").await >= audit_before + 6);

    // The list: newest first, by body and by day (Kazakhstan days).
    let (_, list) = app.get_json(&format!("/api/v1/meetings?body={body}&from=2026-12-31&to=2026-12-31")).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1, "23:30 on 31 December in Kazakhstan");
    let (_, list) = app.get_json(&format!("/api/v1/meetings?body={body}&from=2027-01-01")).await;
    assert!(list["items"].as_array().unwrap().is_empty());
    let (_, list) = app.get_json(&format!("/api/v1/meetings?body={other}")).await;
    assert!(list["items"].as_array().unwrap().is_empty());
}

async fn members_vote_once_while_present_and_open(app: TestApp) {
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    app.user("sec@example.kz", &[Role::Secretariat { body_id: body }]).await;
    app.user(
        "other@example.kz",
        &[Role::Secretariat { body_id: app.body_id("regional_assembly", Some("KZ-71")).await }],
    )
    .await;
    let sec = app.login_as("sec@example.kz").await;
    let stranger = app.login_as("other@example.kz").await;
    let seats = seated(&app, body).await;
    assert!(seats.len() >= 4, "the demo body has members");
    let a = member_login(&app, "a@example.kz", seats[0].person_id).await;
    let b = member_login(&app, "b@example.kz", seats[1].person_id).await;
    let c = member_login(&app, "c@example.kz", seats[2].person_id).await;
    let d = member_login(&app, "d@example.kz", seats[3].person_id).await;
    app.user("nobody@example.kz", &[]).await;
    let nobody = app.login_as("nobody@example.kz").await;
    let id = plan_meeting(&app, &sec, body).await;

    // Nobody checks in before the meeting is in progress; attendance is for members of the body only.
    let (status, error) = post(&a, &format!("/api/v1/meetings/{id}/check-in?lang=en"), json!({})).await;
    assert_eq!((status, error["error"]["key"].as_str()), (StatusCode::CONFLICT, Some("error-meeting-not-running")));
    move_to(&sec, id, "convened").await;
    move_to(&sec, id, "in_progress").await;
    let (status, _) = sec
        .send_json(
            Method::PUT,
            &format!("/api/v1/meetings/{id}/attendance"),
            &json!({ "person_id": seats[0].person_id, "present": true }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = stranger
        .send_json(
            Method::PUT,
            &format!("/api/v1/meetings/{id}/attendance"),
            &json!({ "person_id": seats[2].person_id, "present": true }),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, error) = post(&nobody, &format!("/api/v1/meetings/{id}/check-in?lang=ru"), json!({})).await;
    assert_eq!((status, error["error"]["message"].as_str()), (StatusCode::CONFLICT, Some("Вы не член этого органа.")));
    for (n, who) in [&b, &d].into_iter().enumerate() {
        let (status, m) = post(who, &format!("/api/v1/meetings/{id}/check-in"), json!({})).await;
        assert_eq!(status, StatusCode::OK, "{m}");
        // The answer is his presence and the quorum now, not the whole meeting.
        assert_eq!((m["present"].as_bool(), m["quorum"]["present"].as_i64()), (Some(true), Some(n as i64 + 2)), "{m}");
        assert!(m.get("attendance").is_none());
    }
    let (_, m) = app.get_json(&format!("/api/v1/meetings/{id}")).await;
    assert_eq!(m["quorum"]["present"], 3);
    assert_eq!(m["quorum"]["members"].as_i64(), Some(seats.len() as i64));

    // A motion put to the vote; members vote from their logins.
    let motion =
        json!({ "text": { "kk": "Күн тәртібін бекіту", "ru": "Утвердить повестку", "en": "Adopt the agenda" } });
    let (status, _) = post(&stranger, &format!("/api/v1/meetings/{id}/motions"), motion.clone()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, opened) = post(&sec, &format!("/api/v1/meetings/{id}/motions"), motion.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{opened}");
    let motion_id = opened["id"].as_i64().unwrap();
    let (status, error) = post(&sec, &format!("/api/v1/meetings/{id}/motions"), motion).await;
    assert_eq!((status, error["error"]["key"].as_str()), (StatusCode::CONFLICT, Some("error-vote-open")));
    let vote = |choice: &str| json!({ "choice": choice });
    let votes_url = format!("/api/v1/motions/{motion_id}/votes?lang=en");
    assert_eq!(post(&a, &votes_url, vote("for")).await.0, StatusCode::CREATED);
    let (status, error) = post(&a, &votes_url, vote("against")).await;
    assert_eq!((status, error["error"]["key"].as_str()), (StatusCode::CONFLICT, Some("error-already-voted")));
    assert_eq!(post(&b, &votes_url, vote("against")).await.0, StatusCode::CREATED);
    let (status, error) = post(&c, &votes_url, vote("for")).await;
    assert_eq!(
        (status, error["error"]["message"].as_str()),
        (StatusCode::CONFLICT, Some("Only members present vote: check in first."))
    );
    let (status, _) = post(&nobody, &votes_url, vote("for")).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _) = post(&a, &votes_url, json!({ "choice": "maybe" })).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // An archived member no longer votes, even when present.
    let d_seat = registry::membership(&app.state.platform.db, seats[3].id).await.unwrap().unwrap();
    registry::archive_membership(&app.state.platform.db, None, &d_seat).await.unwrap();
    let (status, error) = post(&d, &votes_url, vote("for")).await;
    assert_eq!((status, error["error"]["key"].as_str()), (StatusCode::CONFLICT, Some("error-not-a-member")));

    // The meeting does not close while the vote is open; the roll call is public.
    let (status, error) = move_to(&sec, id, "closed").await;
    assert_eq!((status, error["error"]["key"].as_str()), (StatusCode::CONFLICT, Some("error-open-vote")));
    let (_, page) = app.get_text(&format!("/en/meetings/{id}")).await;
    assert!(page.contains("2 votes cast") && page.contains(&seats[0].person_name), "{page}");

    // Closed by the secretariat: counted by the server, by the body's rules; then immutable.
    let (status, _) = post(&stranger, &format!("/api/v1/motions/{motion_id}/close"), json!({})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, closed) = post(&sec, &format!("/api/v1/motions/{motion_id}/close"), json!({})).await;
    assert_eq!(status, StatusCode::OK, "{closed}");
    assert_eq!((closed["count"]["votes_for"].as_i64(), closed["count"]["against"].as_i64()), (Some(1), Some(1)));
    let members = seats.len() as i64 - 1;
    let expected = if 2 * 2 > members { "rejected" } else { "no_quorum" };
    assert_eq!(closed["outcome"], expected, "{closed}");
    let (status, error) = post(&b, &votes_url, vote("for")).await;
    assert_eq!((status, error["error"]["key"].as_str()), (StatusCode::CONFLICT, Some("error-vote-not-open")));
    let (status, _) = post(&sec, &format!("/api/v1/motions/{motion_id}/close"), json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT);

    // Everyone present; a show of hands adopts a motion, which becomes decision No. 1.
    for seat in &seats[..3] {
        let body = json!({ "person_id": seat.person_id, "present": true });
        sec.send_json(Method::PUT, &format!("/api/v1/meetings/{id}/attendance"), &body).await;
    }
    let all: Vec<i64> = seated(&app, body).await.iter().map(|s| s.person_id).collect();
    for person in &all {
        sec.send_json(
            Method::PUT,
            &format!("/api/v1/meetings/{id}/attendance"),
            &json!({ "person_id": person, "present": true }),
        )
        .await;
    }
    let n = all.len() as i64;
    let (status, error) = post(&sec, &format!("/api/v1/meetings/{id}/motions?lang=en"),
        json!({ "text": { "kk": "Қол көтеру" }, "show_of_hands": { "votes_for": n + 1, "against": 0, "abstentions": 0 } })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    let (status, hands) = post(
        &sec,
        &format!("/api/v1/meetings/{id}/motions"),
        json!({ "text": { "kk": "Қол көтеру" }, "show_of_hands": { "votes_for": n, "against": 0, "abstentions": 0 } }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!((hands["method"].as_str(), hands["outcome"].as_str()), (Some("show_of_hands"), Some("adopted")));
    let (_, m) = app.get_json(&format!("/api/v1/meetings/{id}")).await;
    assert_eq!(m["decisions"][0]["number"], 1, "{m}");
    assert_eq!(m["decisions"][0]["execution"], "pending");
    assert!(m["quorum"]["holds"].as_bool().unwrap());
    assert_eq!(m["motions"][0]["votes"].as_array().unwrap().len(), 2, "the roll call of the first vote");
    let decision = m["decisions"][0]["id"].as_i64().unwrap();
    let (status, _) = sec
        .send_json(Method::PUT, &format!("/api/v1/decisions/{decision}/execution"), &json!({ "execution": "done" }))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = move_to(&sec, id, "closed").await;
    assert_eq!(status, StatusCode::OK);
    let (status, error) =
        post(&sec, &format!("/api/v1/meetings/{id}/agenda"), json!({ "title": { "kk": "Кеш" } })).await;
    assert_eq!((status, error["error"]["key"].as_str()), (StatusCode::CONFLICT, Some("error-meeting-over")));

    // The body's page and the pages of meetings show it.
    let (_, page) = app.get_text(&format!("/kk/bodies/{body}")).await;
    assert!(page.contains(&format!("/kk/meetings/{id}")), "the body's page lists its meetings");
    let (status, page) = app.get_text("/ru/meetings").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("XIV сессия: Региональная сессия"));
    let (_, page) = app.get_text(&format!("/ru/meetings/{id}")).await;
    assert!(page.contains("Решение № 1") && page.contains("кворум есть") && page.contains("Поднятием рук"), "{page}");
}

async fn a_member_votes_from_the_page(app: TestApp) {
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    app.user("sec@example.kz", &[Role::Secretariat { body_id: body }]).await;
    let sec = app.login_as("sec@example.kz").await;
    let seats = seated(&app, body).await;
    let a = member_login(&app, "a@example.kz", seats[0].person_id).await;
    let id = plan_meeting(&app, &sec, body).await;
    move_to(&sec, id, "convened").await;
    move_to(&sec, id, "in_progress").await;
    let (_, page) = a.get_text(&format!("/en/meetings/{id}")).await;
    assert!(page.contains("id=\"check-in\""));
    let response = a.post_form(&format!("/en/meetings/{id}/check-in"), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, opened) =
        post(&sec, &format!("/api/v1/meetings/{id}/motions"), json!({ "text": { "en": "Motion" } })).await;
    let motion = opened["id"].as_i64().unwrap();
    let response = a.post_form(&format!("/en/motions/{motion}/votes"), &[("choice", "abstain")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let response = a.post_form(&format!("/en/motions/{motion}/votes"), &[("choice", "for")]).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert!(response.text().await.unwrap().contains("You have already voted on this motion"));
    let (_, m) = app.get_json(&format!("/api/v1/meetings/{id}")).await;
    assert_eq!(m["motions"][0]["votes"][0]["choice"], "abstain");
}

async fn the_demo_has_the_xxxii_session(app: TestApp) {
    assert!(birlik::meetings::demo::load(&app.state.platform.db).await.unwrap());
    assert!(!birlik::meetings::demo::load(&app.state.platform.db).await.unwrap(), "loaded once");
    let (_, list) = app.get_json("/api/v1/meetings").await;
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 4);
    assert_eq!(items[0]["status"], "planned", "the upcoming regional session is the newest");
    // Two past meetings of the Council, held and closed, each with a decision.
    let council: Vec<&Value> = items.iter().filter(|m| m["kind"] == "council_meeting").collect();
    assert_eq!(council.len(), 2, "{list}");
    for meeting in council {
        assert_eq!(meeting["status"], "closed");
        let (_, m) = app.get_json(&format!("/api/v1/meetings/{}", meeting["id"])).await;
        assert_eq!(m["decisions"].as_array().unwrap().len(), 2, "{m}");
    }
    let xxxii = items.iter().find(|m| m["number_roman"] == "XXXII").unwrap_or_else(|| panic!("{list}"));
    assert_eq!(xxxii["starts_at"], "2023-04-27T05:00:00Z");
    assert_eq!(xxxii["demo"], true);
    let (_, m) = app.get_json(&format!("/api/v1/meetings/{}", xxxii["id"])).await;
    assert_eq!(m["agenda"].as_array().unwrap().len(), 3);
    assert_eq!(m["motions"].as_array().unwrap().len(), 3);
    assert!(!m["decisions"].as_array().unwrap().is_empty());
    let (_, page) = app.get_text(&format!("/en/meetings/{}", xxxii["id"])).await;
    assert!(
        page.contains("XXXII session") && page.contains("This is demo content") && page.contains("27 April 2023"),
        "{page}"
    );
    let (_, list) = app.get_json("/api/v1/meetings?from=2023-04-27&to=2023-04-27").await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    let (status, _) = app.get_json("/api/v1/meetings?from=27.04.2023").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

/// A form's answer: its status, where it leads (a redirect) and its page.
async fn submit(who: &LoggedIn, path: &str, form: &[(&str, &str)]) -> (StatusCode, String, String) {
    let response = who.post_form(path, form).await;
    let status = response.status();
    let to = response.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or("").to_owned();
    (status, to, response.text().await.unwrap())
}

/// An anonymous form is sent to the login page and changes nothing.
async fn anonymous_is_sent_to_login(app: &TestApp, path: &str, form: &[(&str, &str)]) {
    let response = app.post_form(path, form).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{path}");
    let to = response.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or("");
    assert!(to.contains("/login"), "{path} → {to}");
}

async fn meeting_status(app: &TestApp, id: i64) -> Value {
    app.get_json(&format!("/api/v1/meetings/{id}")).await.1
}

async fn the_secretariat_runs_a_meeting_from_its_forms(app: TestApp) {
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let other = app.body_id("regional_assembly", Some("KZ-71")).await;
    let sec = app.secretariat_of(body).await;
    let stranger = app.secretariat_of(other).await;
    let seats = seated(&app, body).await;
    let audit_before = app.count("audit_log").await;

    // The body's page and the list offer the forms to whoever runs the body's meetings.
    let (_, page) = sec.get_text(&format!("/en/bodies/{body}")).await;
    assert!(page.contains(&format!("/en/meetings/new?body={body}")), "{page}");
    assert!(page.contains(&format!("/en/bodies/{body}/meeting-rules")));
    let (_, page) = stranger.get_text(&format!("/en/bodies/{body}")).await;
    assert!(!page.contains(&format!("/en/bodies/{body}/meeting-rules")));
    let (_, page) = sec.get_text("/en/meetings").await;
    assert!(page.contains("id=\"meeting-new\""));
    let (status, page) = sec.get_text(&format!("/kk/meetings/new?body={body}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Отырыс тағайындау") && page.contains(&format!("value=\"{body}\" selected")), "{page}");

    // Refused: each error beside its field, in the reader's language; nothing stored.
    let body_s = body.to_string();
    let bad = [
        ("body_id", body_s.as_str()),
        ("kind", "session"),
        ("number", "XIV"),
        ("starts_at", "2026-05-01T10:00"),
        ("ends_at", "2026-05-01T09:00"),
        ("online_url", "ftp://x"),
    ];
    let (status, _, page) = submit(&sec, "/ru/meetings", &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for (id, message) in [
        ("e-number", "Введите целое число."),
        ("e-title", "Напишите текст хотя бы на одном языке."),
        ("e-ends_at", "Время окончания раньше времени начала."),
        ("e-online_url", "Адрес сайта должен начинаться"),
    ] {
        assert!(page.contains(&format!("id=\"{id}\">{message}")), "{id}: {page}");
    }
    assert!(page.contains("value=\"XIV\""), "the form keeps what was typed");
    let good = [
        ("body_id", body_s.as_str()),
        ("kind", "session"),
        ("number", "14"),
        ("title_kk", "Өңірлік сессия"),
        ("title_en", "Regional session"),
        ("starts_at", "2026-12-31T23:30"),
        ("ends_at", "2027-01-01T02:00"),
        ("place", "Достық үйі"),
    ];
    let (status, _, _) = submit(&stranger, "/en/meetings", &good).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "another body's secretariat");
    anonymous_is_sent_to_login(&app, "/en/meetings", &good).await;
    assert_eq!(app.count("audit_log").await, audit_before);
    let participant = app.participant().await; // its account's creation is audited
    let (status, _) = participant.get_text("/en/meetings/new").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(app.count("meetings").await, 0);

    let (status, to, _) = submit(&sec, "/en/meetings", &good).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let id: i64 = to.trim_start_matches("/en/meetings/").trim_end_matches("/manage?done=planned").parse().unwrap();
    let (_, page) = sec.get_text(&to).await;
    assert!(page.contains("role=\"status\" id=\"notice\">The meeting is planned"), "confirmed: {page}");
    let m = meeting_status(&app, id).await;
    assert_eq!((m["number_roman"].as_str(), m["starts_at"].as_str()), (Some("XIV"), Some("2026-12-31T18:30:00Z")));
    let (status, page) = sec.get_text(&format!("/en/meetings/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(&format!("/en/meetings/{id}/manage")), "the meeting's page links to the manage page");
    let (status, _) = stranger.get_text(&format!("/en/meetings/{id}/manage")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, page) = app.get_text(&format!("/en/meetings/{id}")).await;
    assert!(!page.contains("/manage"));

    // Status: postponing needs a reason; a status it cannot reach is refused beside the choice.
    let status_url = format!("/en/meetings/{id}/status");
    let (status, _, page) = submit(&sec, &status_url, &[("status", "postponed"), ("reason", "")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("id=\"e-reason\""), "{page}");
    let (status, _, page) = submit(&sec, &status_url, &[("status", "closed")]).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(page.contains("id=\"e-status\">The meeting cannot move to this status."), "{page}");
    let (status, _, page) = submit(&sec, &status_url, &[("status", "adjourned")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("id=\"e-status\">Choose a value from the list."));
    let (status, _, _) = submit(&stranger, &status_url, &[("status", "convened")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    anonymous_is_sent_to_login(&app, &status_url, &[("status", "convened")]).await;
    assert_eq!(meeting_status(&app, id).await["status"], "planned");

    // Agenda: an item, refused without a title; published once.
    let agenda_url = format!("/en/meetings/{id}/agenda");
    let (status, _, page) = submit(&sec, &agenda_url, &[("presenter", "Хатшылық")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("id=\"e-title\">Write the text in at least one language.") && page.contains("Хатшылық"));
    let item = [("title_kk", "Бірінші мәселе"), ("presenter", "Хатшылық")];
    let (status, _, _) = submit(&stranger, &agenda_url, &item).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    anonymous_is_sent_to_login(&app, &agenda_url, &item).await;
    assert!(meeting_status(&app, id).await["agenda"].as_array().unwrap().is_empty());
    let (status, _, _) = submit(&sec, &agenda_url, &item).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let publish_url = format!("/en/meetings/{id}/agenda/publish");
    let (status, _, _) = submit(&stranger, &publish_url, &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    anonymous_is_sent_to_login(&app, &publish_url, &[]).await;
    assert!(meeting_status(&app, id).await["agenda_published_at"].is_null());
    let (status, to, _) = submit(&sec, &publish_url, &[]).await;
    assert_eq!((status, to.clone()), (StatusCode::SEE_OTHER, format!("/en/meetings/{id}/manage?done=published")));
    let (_, page) = sec.get_text(&to).await;
    assert!(page.contains("The agenda is published: the members and followers are notified."), "{page}");
    let (status, _, page) = submit(&sec, &publish_url, &[]).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(page.contains("The agenda is already published."), "{page}");
    let m = meeting_status(&app, id).await;
    assert!(m["agenda_published_at"].is_string() && m["agenda"][0]["presenter"] == "Хатшылық");

    // Attendance: the ticked members are present, the others absent; a stranger to the body refuses the register.
    assert_eq!(submit(&sec, &status_url, &[("status", "convened")]).await.0, StatusCode::SEE_OTHER);
    assert_eq!(submit(&sec, &status_url, &[("status", "in_progress")]).await.0, StatusCode::SEE_OTHER);
    let (_, page) = sec.get_text(&format!("/en/meetings/{id}/manage")).await;
    assert!(page.contains(&format!("name=\"present\" value=\"{}\"", seats[0].person_id)), "{page}");
    let attendance_url = format!("/en/meetings/{id}/attendance");
    let p: Vec<String> = seats.iter().map(|s| s.person_id.to_string()).collect();
    let (status, _, page) =
        submit(&sec, &attendance_url, &[("present", p[0].as_str()), ("present", "999999999")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("id=\"e-present\">This person is not a member of the body."), "{page}");
    let (status, _, _) = submit(&sec, &attendance_url, &[("present", "first")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _, _) = submit(&stranger, &attendance_url, &[("present", p[0].as_str())]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    anonymous_is_sent_to_login(&app, &attendance_url, &[("present", p[0].as_str())]).await;
    assert_eq!(meeting_status(&app, id).await["quorum"]["present"], 0, "nothing registered");
    let everyone: Vec<(&str, &str)> = p.iter().map(|v| ("present", v.as_str())).collect();
    assert_eq!(submit(&sec, &attendance_url, &everyone).await.0, StatusCode::SEE_OTHER);
    assert_eq!(meeting_status(&app, id).await["quorum"]["present"].as_i64(), Some(seats.len() as i64));
    assert_eq!(submit(&sec, &attendance_url, &everyone[1..]).await.0, StatusCode::SEE_OTHER);
    let m = meeting_status(&app, id).await;
    assert_eq!(m["quorum"]["present"].as_i64(), Some(seats.len() as i64 - 1), "unticked: absent");
    assert_eq!(submit(&sec, &attendance_url, &everyone).await.0, StatusCode::SEE_OTHER);

    // Motions: a roll call opened and closed by the form; a show of hands recorded with its count.
    let motions_url = format!("/en/meetings/{id}/motions");
    let item_id = m["agenda"][0]["id"].as_i64().unwrap().to_string();
    let (status, _, page) = submit(&sec, &motions_url, &[("method", "roll_call"), ("text_en", "")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("id=\"e-text\">Write the text in at least one language."), "{page}");
    let (status, _, page) = submit(
        &sec,
        &motions_url,
        &[
            ("method", "show_of_hands"),
            ("text_en", "Hands"),
            ("votes_for", "many"),
            ("against", "0"),
            ("abstentions", "0"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("id=\"e-votes_for\">Enter a whole number."), "{page}");
    let roll_call = [("method", "roll_call"), ("text_en", "Adopt the agenda"), ("agenda_item_id", item_id.as_str())];
    let (status, _, _) = submit(&stranger, &motions_url, &roll_call).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    anonymous_is_sent_to_login(&app, &motions_url, &roll_call).await;
    assert_eq!(app.count("motions").await, 0);
    assert_eq!(submit(&sec, &motions_url, &roll_call).await.0, StatusCode::SEE_OTHER);
    let (status, _, page) = submit(&sec, &motions_url, &roll_call).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(page.contains("A vote is already open at this meeting."));
    let m = meeting_status(&app, id).await;
    let motion = m["motions"][0]["id"].as_i64().unwrap();
    assert_eq!(m["motions"][0]["agenda_item_id"].as_i64(), item_id.parse().ok());
    let (status, _, _) = submit(&stranger, &format!("/en/motions/{motion}/close"), &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    anonymous_is_sent_to_login(&app, &format!("/en/motions/{motion}/close"), &[]).await;
    assert_eq!(meeting_status(&app, id).await["motions"][0]["status"], "open");
    assert_eq!(submit(&sec, &format!("/en/motions/{motion}/close"), &[]).await.0, StatusCode::SEE_OTHER);
    let (status, _, page) = submit(&sec, &format!("/en/motions/{motion}/close"), &[]).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(page.contains("id=\"e-close\">This vote is not open."));
    let n = seats.len().to_string();
    let too_many = (seats.len() + 1).to_string();
    let hands = |count: &'static str| {
        [
            ("method", "show_of_hands"),
            ("text_kk", "Қол көтеру"),
            ("votes_for", count),
            ("against", "0"),
            ("abstentions", "0"),
        ]
    };
    let (status, _, page) = submit(&sec, &motions_url, &hands(too_many.leak())).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("There are more votes than members present."), "{page}");
    let adopted = hands(n.leak());
    assert_eq!(submit(&sec, &motions_url, &adopted).await.0, StatusCode::SEE_OTHER);
    let m = meeting_status(&app, id).await;
    assert_eq!(
        (m["motions"][1]["method"].as_str(), m["motions"][1]["outcome"].as_str()),
        (Some("show_of_hands"), Some("adopted"))
    );
    let decision = m["decisions"][0]["id"].as_i64().unwrap();

    // Execution of a decision.
    let execution_url = format!("/en/decisions/{decision}/execution");
    let (status, _, page) = submit(&sec, &execution_url, &[("execution", "finished")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains(&format!("id=\"e-execution-{decision}\">Choose a value from the list.")), "{page}");
    let (status, _, _) = submit(&stranger, &execution_url, &[("execution", "done")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    anonymous_is_sent_to_login(&app, &execution_url, &[("execution", "done")]).await;
    assert_eq!(meeting_status(&app, id).await["decisions"][0]["execution"], "pending");
    assert_eq!(submit(&sec, &execution_url, &[("execution", "in_progress")]).await.0, StatusCode::SEE_OTHER);
    assert_eq!(meeting_status(&app, id).await["decisions"][0]["execution"], "in_progress");

    // Closed: the page offers no more changes.
    assert_eq!(submit(&sec, &status_url, &[("status", "closed")]).await.0, StatusCode::SEE_OTHER);
    let (_, page) = sec.get_text(&format!("/en/meetings/{id}/manage")).await;
    assert!(page.contains("The meeting is over") && !page.contains("id=\"agenda-form\""), "{page}");
    let (status, _, page) = submit(&sec, &agenda_url, &item).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(page.contains("The meeting is closed or cancelled"));
    assert!(app.count("audit_log").await >= audit_before + 12);
}

async fn the_secretariat_sets_its_rules_from_a_form(app: TestApp) {
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let other = app.body_id("regional_assembly", Some("KZ-71")).await;
    let sec = app.secretariat_of(body).await;
    let stranger = app.secretariat_of(other).await;
    let url = format!("/ru/bodies/{body}/meeting-rules");
    let (status, page) = sec.get_text(&url).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Регламент заседаний") && page.contains("value=\"more_than_half\" selected"), "{page}");
    let (status, _) = stranger.get_text(&url).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let audit_before = app.count("audit_log").await;
    let rules = [("quorum", "two_thirds"), ("majority_of", "all_members"), ("majority", "two_thirds")];
    let (status, _, _) = submit(&stranger, &url, &rules).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    anonymous_is_sent_to_login(&app, &url, &rules).await;
    let (status, _, page) =
        submit(&sec, &url, &[("quorum", "everyone"), ("majority_of", "all_members"), ("majority", "simple")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("id=\"e-quorum\">Выберите значение из списка."), "{page}");
    assert!(page.contains("value=\"all_members\" selected"), "the form keeps what was chosen");
    assert_eq!(app.count("audit_log").await, audit_before);
    assert_eq!(app.get_json(&format!("/api/v1/bodies/{body}/meeting-rules")).await.1["quorum"], "more_than_half");
    let (status, to, _) = submit(&sec, &url, &rules).await;
    assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, format!("{url}?done=rules").as_str()));
    let (_, page) = sec.get_text(&to).await;
    assert!(page.contains("Регламент заседаний сохранён."), "confirmed: {page}");
    let (_, r) = app.get_json(&format!("/api/v1/bodies/{body}/meeting-rules")).await;
    assert_eq!((r["quorum"].as_str(), r["majority_of"].as_str()), (Some("two_thirds"), Some("all_members")));
    assert_eq!(app.count("audit_log").await, audit_before + 1);
}

async fn minutes_are_drafted_approved_and_corrected_in_versions(app: TestApp) {
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let other = app.body_id("regional_assembly", Some("KZ-71")).await;
    let sec = app.secretariat_of(body).await;
    let stranger = app.secretariat_of(other).await;
    let seats = seated(&app, body).await;
    let a = member_login(&app, "a@example.kz", seats[0].person_id).await;
    let b = member_login(&app, "b@example.kz", seats[1].person_id).await;
    let id = plan_meeting(&app, &sec, body).await;
    let (status, _) = post(
        &sec,
        &format!("/api/v1/meetings/{id}/agenda"),
        json!({ "title": { "kk": "Бірінші мәселе", "ru": "Первый вопрос", "en": "First item" }, "presenter": "Әлия Сейтова" }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    move_to(&sec, id, "convened").await;
    move_to(&sec, id, "in_progress").await;
    for seat in &seats {
        let present = json!({ "person_id": seat.person_id, "present": true });
        sec.send_json(Method::PUT, &format!("/api/v1/meetings/{id}/attendance"), &present).await;
    }
    let (_, opened) = post(
        &sec,
        &format!("/api/v1/meetings/{id}/motions"),
        json!({ "text": { "kk": "Күн тәртібін бекіту", "ru": "Утвердить повестку", "en": "Adopt the agenda" } }),
    )
    .await;
    let motion = opened["id"].as_i64().unwrap();
    assert_eq!(
        post(&a, &format!("/api/v1/motions/{motion}/votes"), json!({ "choice": "for" })).await.0,
        StatusCode::CREATED
    );
    assert_eq!(
        post(&b, &format!("/api/v1/motions/{motion}/votes"), json!({ "choice": "against" })).await.0,
        StatusCode::CREATED
    );
    assert_eq!(post(&sec, &format!("/api/v1/motions/{motion}/close"), json!({})).await.0, StatusCode::OK);
    let n = seats.len() as i64;
    let (status, _) = post(
        &sec,
        &format!("/api/v1/meetings/{id}/motions"),
        json!({ "text": { "ru": "Принять резолюцию" }, "show_of_hands": { "votes_for": n, "against": 0, "abstentions": 0 } }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);

    // The server's draft, from the record, in the reader's language: attendance with quorum, the agenda with its
    // presenter, every vote with its roll call and result, the decisions.
    let (status, page) = app.get_text(&format!("/ru/meetings/{id}/minutes")).await;
    assert_eq!(status, StatusCode::OK);
    for expected in [
        "Протокол",
        "Проект, составленный сервером",
        "Присутствовали",
        &seats[0].person_name,
        "кворум есть",
        "Первый вопрос",
        "Докладчик: Әлия Сейтова",
        "Голосование 1",
        "Утвердить повестку",
        "<td>За</td>",
        "<td>Против</td>",
        "Поднятием рук",
        "Решение № 1",
        "Принять резолюцию",
        "print-document",
    ] {
        assert!(page.contains(expected), "{expected}: {page}");
    }
    let (_, page) = app.get_text(&format!("/en/meetings/{id}/minutes")).await;
    assert!(page.contains("Draft drawn up by the server") && page.contains("First item") && page.contains("Vote 2"));
    let (_, css) = app.get_text("/static/birlik.css").await;
    assert!(css.contains("@page { size: A4"), "a print stylesheet makes A4 documents");

    // Only whoever runs the meeting drafts the narrative; a refused narrative changes nothing.
    let draft_url = format!("/en/meetings/{id}/minutes/draft");
    let (status, _) = stranger.get_text(&draft_url).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let response = app.get(&draft_url).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "anonymous: to the login page");
    let (status, page) = sec.get_text(&draft_url).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("id=\"narrative-form\"") && page.contains("Minutes are approved once the meeting is closed.")
    );
    let narrative_url = format!("/en/meetings/{id}/minutes/narrative");
    let (status, _, page) = submit(
        &sec,
        &narrative_url,
        &[("narrative_kk", "Сессияны \u{202E}төраға ашты."), ("narrative_ru", "Открыта.")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("id=\"e-narrative\">Contains characters that are not allowed"), "{page}");
    assert!(page.contains(">Открыта.</textarea>"), "the form keeps what was typed");
    let narrative = [
        ("narrative_kk", "Сессияны төраға ашты.\nБаяндамашы сөз сөйледі."),
        ("narrative_en", "The chair opened the session."),
    ];
    let (status, _, _) = submit(&stranger, &narrative_url, &narrative).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    anonymous_is_sent_to_login(&app, &narrative_url, &narrative).await;
    assert_eq!(app.count("minutes_drafts").await, 0);
    let (status, to, _) = submit(&sec, &narrative_url, &narrative).await;
    assert_eq!((status, to.clone()), (StatusCode::SEE_OTHER, format!("{draft_url}?done=narrative")));
    let (_, page) = sec.get_text(&to).await;
    assert!(page.contains("The narrative is saved"), "confirmed: {page}");
    let (_, page) = app.get_text(&format!("/en/meetings/{id}/minutes")).await;
    assert!(!page.contains("The chair opened the session."), "the narrative is the secretariat's until approved");
    let (_, page) = sec.get_text(&draft_url).await;
    assert!(page.contains("The chair opened the session."));

    // Approval: only of a closed meeting, only by whoever runs it; it locks version 1 with its approver and time.
    let approve_url = format!("/en/meetings/{id}/minutes/approve");
    let (status, _, page) = submit(&sec, &approve_url, &[("note", "")]).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(page.contains("Minutes are approved once the meeting is closed."));
    assert_eq!(app.count("minutes_versions").await, 0);
    move_to(&sec, id, "closed").await;
    let (status, _, _) = submit(&stranger, &approve_url, &[("note", "")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    anonymous_is_sent_to_login(&app, &approve_url, &[("note", "")]).await;
    assert_eq!(app.count("minutes_versions").await, 0);
    let audit_before = app.count("audit_log").await;
    let (status, to, _) = submit(&sec, &approve_url, &[("note", "")]).await;
    assert_eq!((status, to.clone()), (StatusCode::SEE_OTHER, format!("/en/meetings/{id}/minutes/1?done=approved")));
    let (_, page) = sec.get_text(&to).await;
    assert!(page.contains("The minutes are approved: this version is locked."), "confirmed: {page}");
    assert_eq!(app.count("audit_log").await, audit_before + 1, "the approval is audited");
    let (status, page) = app.get_text(&format!("/kk/meetings/{id}/minutes")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("Нұсқа 1") && page.contains("Бекіткен Test User") && page.contains("Сессияны төраға ашты."),
        "{page}"
    );
    assert!(!page.contains("id=\"minutes-draft\""));

    // Nothing changed: no new version. A correction says why and lists what changed.
    let (status, _, page) = submit(&sec, &approve_url, &[("note", "Қайта")]).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(page.contains("Nothing has changed since the last approved version."), "{page}");
    let corrected = [
        ("narrative_kk", "Сессияны төраға ашты.\nБаяндамашы сөз сөйледі."),
        ("narrative_ru", "Сессию открыл председатель."),
        ("narrative_en", "The chair opened the session."),
    ];
    assert_eq!(submit(&sec, &narrative_url, &corrected).await.0, StatusCode::SEE_OTHER);
    let (status, _, page) = submit(&sec, &approve_url, &[("note", "")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("id=\"e-note\">Say why the minutes are corrected."), "{page}");
    assert_eq!(app.count("minutes_versions").await, 1);
    let (status, to, _) = submit(&sec, &approve_url, &[("note", "Орысша мәтін қосылды")]).await;
    assert_eq!((status, to), (StatusCode::SEE_OTHER, format!("/en/meetings/{id}/minutes/2?done=approved")));
    let (_, page) = app.get_text(&format!("/en/meetings/{id}/minutes")).await;
    assert!(page.contains("Version 2") && page.contains("The narrative in Russian was changed."), "{page}");
    assert!(page.contains("Орысша мәтін қосылды") && page.contains(&format!("/en/meetings/{id}/minutes/1")));
    assert!(!page.contains("The narrative in Kazakh was changed."));

    // Earlier versions stay readable; approved versions keep the record as it stood, whatever the registry does.
    let seat = registry::membership(&app.state.platform.db, seats[0].id).await.unwrap().unwrap();
    registry::archive_membership(&app.state.platform.db, None, &seat).await.unwrap();
    let (status, page) = app.get_text(&format!("/ru/meetings/{id}/minutes/1")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Редакция 1") && !page.contains("Сессию открыл председатель."), "{page}");
    assert!(page.contains(&seats[0].person_name), "the roll call as approved");
    let (_, page) = app.get_text(&format!("/ru/meetings/{id}/minutes/2")).await;
    assert!(page.contains("Сессию открыл председатель.") && page.contains(&seats[0].person_name));
    let (status, _) = app.get_text(&format!("/en/meetings/{id}/minutes/3")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The database refuses to change an approved version.
    let changed = birlik::with_write!(&app.state.platform.db, pool => {
        sqlx::query("UPDATE minutes_versions SET narrative_en = 'forged' WHERE meeting_id = $1")
            .bind(id)
            .execute(pool)
            .await
            .is_err()
    });
    assert!(changed, "approved minutes are never changed");
    let deleted = birlik::with_write!(&app.state.platform.db, pool => {
        sqlx::query("DELETE FROM minutes_versions WHERE meeting_id = $1").bind(id).execute(pool).await.is_err()
    });
    assert!(deleted, "nor deleted");
}

async fn minutes_through_the_api(app: TestApp) {
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let sec = app.secretariat_of(body).await;
    let stranger = app.secretariat_of(app.body_id("regional_assembly", Some("KZ-71")).await).await;
    let seats = seated(&app, body).await;
    member_login(&app, "member@example.kz", seats[0].person_id).await;
    let id = plan_meeting(&app, &sec, body).await;
    let (status, minutes) = app.get_json(&format!("/api/v1/meetings/{id}/minutes")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(minutes["draft"]["number"], 14);
    let (_, page) = app.get_text(&format!("/en/meetings/{id}")).await;
    assert!(!page.contains("id=\"minutes-link\""), "a meeting not held has no minutes to read yet");
    assert!(minutes["versions"].as_array().unwrap().is_empty());

    let url = format!("/api/v1/meetings/{id}/minutes/narrative?lang=en");
    let narrative = json!({ "narrative": { "en": "The chair opened the meeting." } });
    assert_eq!(stranger.send_json(Method::PUT, &url, &narrative).await.0, StatusCode::FORBIDDEN);
    assert_eq!(app.send_json(Method::PUT, &url, &narrative).await.0, StatusCode::UNAUTHORIZED);
    let (status, error) = sec.send_json(Method::PUT, &url, &json!({ "narrative": { "kk": "a\u{202e}b" } })).await;
    assert_eq!(
        (status, error["error"]["fields"][0]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("narrative"))
    );
    assert_eq!(app.count("minutes_drafts").await, 0);
    assert_eq!(sec.send_json(Method::PUT, &url, &narrative).await.0, StatusCode::NO_CONTENT);

    let approve = format!("/api/v1/meetings/{id}/minutes/approve?lang=en");
    let (status, error) = post(&sec, &approve, json!({})).await;
    assert_eq!((status, error["error"]["key"].as_str()), (StatusCode::CONFLICT, Some("error-minutes-not-closed")));
    for next in ["convened", "in_progress", "closed"] {
        assert_eq!(move_to(&sec, id, next).await.0, StatusCode::OK);
    }
    let (_, page) = app.get_text(&format!("/en/meetings/{id}")).await;
    assert!(page.contains(&format!("href=\"/en/meetings/{id}/minutes\" id=\"minutes-link\"")), "{page}");
    assert_eq!(post(&stranger, &approve, json!({})).await.0, StatusCode::FORBIDDEN);
    let (status, minutes) = post(&sec, &approve, json!({})).await;
    assert_eq!(status, StatusCode::CREATED, "{minutes}");
    let first = &minutes["versions"][0];
    assert_eq!((first["version"].as_i64(), first["approved_by_name"].as_str()), (Some(1), Some("Test User")));
    assert_eq!(first["narrative"]["en"], "The chair opened the meeting.");
    assert_eq!(first["record"]["status"], "closed");
    // The body's members hear of approved minutes, with a link to them.
    app.settled().await;
    let notices: Vec<String> = birlik::with_read!(&app.state.platform.db, pool => {
        sqlx::query_scalar(
            "SELECT n.link FROM notifications n JOIN users u ON u.id = n.user_id
             WHERE u.email = 'member@example.kz' AND n.kind = 'minutes-approved'",
        )
        .fetch_all(pool)
        .await
        .unwrap()
    });
    assert_eq!(notices, vec![format!("/meetings/{id}/minutes")]);
    let (status, error) = post(&sec, &approve, json!({ "note": "again" })).await;
    assert_eq!((status, error["error"]["key"].as_str()), (StatusCode::CONFLICT, Some("error-minutes-unchanged")));

    let corrected = json!({ "narrative": { "en": "The chair opened the meeting at ten." } });
    assert_eq!(sec.send_json(Method::PUT, &url, &corrected).await.0, StatusCode::NO_CONTENT);
    let (status, error) = post(&sec, &approve, json!({})).await;
    assert_eq!(
        (status, error["error"]["fields"][0]["message"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("Say why the minutes are corrected."))
    );
    let (status, minutes) = post(&sec, &approve, json!({ "note": "The hour was missing" })).await;
    assert_eq!(status, StatusCode::CREATED);
    let second = &minutes["versions"][1];
    assert_eq!(second["changes"], json!([{ "what": "narrative", "lang": "en" }]));
    assert_eq!(second["note"], "The hour was missing");
    assert_eq!(minutes["versions"][0]["narrative"]["en"], "The chair opened the meeting.", "version 1 as it was");
}

crate::on_both_backends!(
    planning_is_checked_authorized_and_audited,
    members_vote_once_while_present_and_open,
    a_member_votes_from_the_page,
    the_demo_has_the_xxxii_session,
    the_secretariat_runs_a_meeting_from_its_forms,
    the_secretariat_sets_its_rules_from_a_form,
    minutes_are_drafted_approved_and_corrected_in_versions,
    minutes_through_the_api,
);
