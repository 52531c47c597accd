//! Meetings in the open: iCalendar feeds read with an independent parser (the `ical` crate) as calendar programs
//! do (stable UIDs, SEQUENCE raised on each change, cancellations, UTC times across midnight and the year's end),
//! and Popolo events, motions and vote events with their counts and roll calls, and the same as CSV.

use std::collections::HashMap;

use reqwest::StatusCode;
use serde_json::json;

use crate::support::TestApp;

/// The events of a feed, each as its properties by name.
async fn events(app: &TestApp, path: &str) -> Vec<HashMap<String, String>> {
    let response = app.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    assert_eq!(response.headers()["content-type"], "text/calendar; charset=utf-8");
    let text = response.text().await.unwrap();
    let mut calendars = ical::IcalParser::new(text.as_bytes());
    let calendar = calendars.next().expect("one calendar").expect("it parses");
    assert!(calendars.next().is_none());
    calendar
        .events
        .into_iter()
        .map(|e| e.properties.into_iter().map(|p| (p.name, p.value.unwrap_or_default())).collect())
        .collect()
}

fn with_uid<'a>(events: &'a [HashMap<String, String>], uid: &str) -> Option<&'a HashMap<String, String>> {
    events.iter().find(|e| e.get("UID").map(String::as_str) == Some(uid))
}

async fn feeds_follow_each_change(app: TestApp) {
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let secretariat = app.secretariat_of(body).await;
    let meeting = crate::meetings::plan_meeting(&app, &secretariat, body).await;
    let uid = format!("meeting-{meeting}@birlik");

    // 23:30 on 31 December in Kazakhstan (UTC+5) is 18:30 UTC the same day; it ends at 02:00 on 1 January.
    let all = events(&app, "/api/v1/calendar.ics?lang=ru").await;
    let event = with_uid(&all, &uid).expect("the meeting is in the feed of all meetings");
    assert_eq!(event["DTSTART"], "20261231T183000Z");
    assert_eq!(event["DTEND"], "20261231T210000Z");
    assert_eq!(event["SEQUENCE"], "0");
    assert_eq!(event["STATUS"], "TENTATIVE");
    assert!(event["SUMMARY"].contains("XIV"), "a numbered session, in Roman numerals: {event:?}");
    assert_eq!(event["LOCATION"], "Достық үйі");
    assert!(event["URL"].ends_with(&format!("/ru/meetings/{meeting}")));

    // Each change raises the sequence; a cancellation says so, with its reason.
    let (status, _) = secretariat
        .send_json(
            reqwest::Method::POST,
            &format!("/api/v1/meetings/{meeting}/agenda"),
            &json!({ "title": { "kk": "Бірінші мәселе" } }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = secretariat
        .send_json(
            reqwest::Method::POST,
            &format!("/api/v1/meetings/{meeting}/status"),
            &json!({ "status": "cancelled", "reason": "Су тасқыны" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let body_feed = events(&app, &format!("/api/v1/bodies/{body}/calendar.ics")).await;
    let event = with_uid(&body_feed, &uid).expect("in its body's feed");
    assert_eq!(event["SEQUENCE"], "2");
    assert_eq!(event["STATUS"], "CANCELLED");
    assert!(event["DESCRIPTION"].contains("Су тасқыны"), "{event:?}");
    assert!(body_feed.iter().all(|e| e["UID"].starts_with("meeting-")), "one body's meetings only");

    // The region's feed has it; another region's has not.
    assert!(with_uid(&events(&app, "/api/v1/regions/KZ-75/calendar.ics").await, &uid).is_some());
    assert!(with_uid(&events(&app, "/api/v1/regions/KZ-79/calendar.ics").await, &uid).is_none());
    assert_eq!(app.get("/api/v1/regions/XX-00/calendar.ics").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.get("/api/v1/bodies/999999/calendar.ics").await.status(), StatusCode::NOT_FOUND);
}

async fn popolo_has_the_meetings_their_motions_and_roll_calls(app: TestApp) {
    assert!(birlik::meetings::demo::load(&app.state.platform.db).await.unwrap());
    let (status, popolo) = app.get_json("/api/v1/export/popolo.json").await;
    assert_eq!(status, StatusCode::OK);
    let ids = |key: &str| -> Vec<String> {
        popolo[key].as_array().unwrap().iter().map(|o| o["id"].as_str().unwrap().to_owned()).collect()
    };
    let (events, persons, organizations) = (ids("events"), ids("persons"), ids("organizations"));
    let session = popolo["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["classification"] == "session" && e["name"].as_str().unwrap().contains("XXXII"))
        .expect("the demo's XXXII session is an event");
    assert!(organizations.contains(&session["organization_id"].as_str().unwrap().to_owned()));
    assert!(popolo["events"].as_array().unwrap().iter().any(|e| e["parent_id"] == session["id"]), "its agenda items");
    let vote_events = popolo["vote_events"].as_array().unwrap();
    assert!(!vote_events.is_empty());
    let motions = ids("motions");
    let mut roll_calls = 0;
    for v in vote_events {
        assert!(motions.contains(&v["motion_id"].as_str().unwrap().to_owned()));
        assert!(events.contains(&v["legislative_session_id"].as_str().unwrap().to_owned()));
        let counts = v["counts"].as_array().unwrap();
        let options: Vec<&str> = counts.iter().map(|c| c["option"].as_str().unwrap()).collect();
        assert_eq!(options, ["yes", "no", "abstain"]);
        let votes = v["votes"].as_array().unwrap();
        for vote in votes {
            assert!(persons.contains(&vote["voter_id"].as_str().unwrap().to_owned()), "a voter is a person");
        }
        if !votes.is_empty() {
            roll_calls += 1;
            let yes = votes.iter().filter(|x| x["option"] == "yes").count() as i64;
            assert_eq!(counts[0]["value"].as_i64(), Some(yes), "the count is the roll call's: {v}");
        }
    }
    assert!(roll_calls > 0, "the demo has recorded votes");

    // The same as tables: one row a recorded vote, columns as selected.
    let response = app.get("/api/v1/export/votes.csv").await;
    assert_eq!(response.status(), StatusCode::OK);
    let csv = response.text().await.unwrap();
    assert_eq!(csv.lines().next(), Some("motion_id,person_id,choice,at"));
    assert_eq!(csv.lines().count() as i64 - 1, app.count("motion_votes").await);
    let (status, meetings) = app.get_json("/api/v1/export/meetings.json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(meetings.as_array().unwrap().len() as i64, app.count("meetings").await);
    assert!(meetings[0]["starts_at"].is_string() && meetings[0]["demo"].is_boolean());
    for table in ["agenda-items", "motions", "decisions"] {
        assert_eq!(app.get(&format!("/api/v1/export/{table}.csv")).await.status(), StatusCode::OK, "{table}");
    }
}

async fn the_live_part_follows_the_item_quorum_and_tally(app: TestApp) {
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let sec = app.secretariat_of(body).await;
    let seats = crate::meetings::seated(&app, body).await;
    let a = crate::meetings::member_login(&app, "live-a@example.kz", seats[0].person_id).await;
    let b = crate::meetings::member_login(&app, "live-b@example.kz", seats[1].person_id).await;
    let id = crate::meetings::plan_meeting(&app, &sec, body).await;
    let post = |who: &crate::support::LoggedIn, path: String, body: serde_json::Value| {
        let (client, url) = (who.client.clone(), format!("{}{path}", who.base));
        async move { client.post(url).json(&body).send().await.unwrap().status() }
    };
    let live_path = format!("/en/meetings/{id}/live");
    let live = || app.get_text(&live_path);
    assert!(live().await.1.contains("id=\"live\" hidden"), "nothing live before the meeting starts");
    let (_, item) = sec
        .send_json(
            reqwest::Method::POST,
            &format!("/api/v1/meetings/{id}/agenda"),
            &json!({ "title": { "en": "Youth programme" } }),
        )
        .await;
    let item_id = item["agenda"][0]["id"].as_i64().unwrap();
    for status in ["convened", "in_progress"] {
        assert_eq!(
            post(&sec, format!("/api/v1/meetings/{id}/status"), json!({ "status": status })).await,
            StatusCode::OK
        );
    }
    for who in [&a, &b] {
        assert_eq!(post(who, format!("/api/v1/meetings/{id}/check-in"), json!({})).await, StatusCode::OK);
    }
    let motion = json!({ "text": { "en": "Adopt the youth programme" }, "agenda_item_id": item_id });
    let (status, opened) =
        sec.send_json(reqwest::Method::POST, &format!("/api/v1/meetings/{id}/motions"), &motion).await;
    assert_eq!(status, StatusCode::CREATED, "{opened}");
    let motion_id = opened["id"].as_i64().unwrap();
    assert_eq!(
        post(&a, format!("/api/v1/motions/{motion_id}/votes"), json!({ "choice": "for" })).await,
        StatusCode::CREATED
    );
    assert_eq!(
        post(&b, format!("/api/v1/motions/{motion_id}/votes"), json!({ "choice": "against" })).await,
        StatusCode::CREATED
    );

    let (status, part) = live().await;
    assert_eq!(status, StatusCode::OK);
    assert!(part.contains("hx-get=\"/en/meetings/") && part.contains("every 3s"), "it refreshes itself: {part}");
    assert!(part.contains("<strong>Youth programme</strong>"), "{part}");
    assert!(part.contains("Present: 2 / "), "{part}");
    assert!(part.contains("id=\"tally-for\">1<") && part.contains("id=\"tally-against\">1<"), "{part}");
    assert!(part.contains("id=\"tally-abstain\">0<"));
    let (_, page) = app.get_text(&format!("/en/meetings/{id}")).await;
    assert!(page.contains("id=\"tally-for\">1<"), "the page shows the same without JavaScript");

    assert_eq!(post(&sec, format!("/api/v1/motions/{motion_id}/close"), json!({})).await, StatusCode::OK);
    assert!(live().await.1.contains("id=\"live-no-vote\""));
    assert_eq!(
        post(&sec, format!("/api/v1/meetings/{id}/status"), json!({ "status": "closed" })).await,
        StatusCode::OK
    );
    assert!(live().await.1.contains("id=\"live\" hidden"), "the polling ends with the meeting");
}

async fn the_month_view_puts_each_meeting_on_its_kazakhstan_day(app: TestApp) {
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let sec = app.secretariat_of(body).await;
    let id = crate::meetings::plan_meeting(&app, &sec, body).await;
    let (status, page) = app.get_text("/en/meetings/month?month=2026-12").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(": December 2026</h1>"), "{page}");
    // 1 December 2026 is a Tuesday: one empty cell before it; the meeting is on the 31st at 23:30 (UTC 18:30).
    let first_week = page.split("<tbody>").nth(1).unwrap().split("</tr>").next().unwrap();
    assert_eq!(first_week.matches("class=\"outside\"").count(), 1, "{first_week}");
    let last_day = page.split("<span class=\"day\">31</span>").nth(1).unwrap().split("</td>").next().unwrap();
    assert!(last_day.contains(&format!("/en/meetings/{id}")) && last_day.contains("23:30"), "{last_day}");
    assert!(page.contains("month=2026-11") && page.contains("month=2027-01"), "the months around it");
    let (_, january) = app.get_text("/ru/meetings/month?month=2027-01").await;
    assert!(january.contains("Январь 2027") && !january.contains(&format!("/ru/meetings/{id}\"")));
    for bad in ["2026-13", "december", "2026-12-01"] {
        assert_eq!(app.get_text(&format!("/en/meetings/month?month={bad}")).await.0, StatusCode::NOT_FOUND, "{bad}");
    }
}

async fn a_closed_vote_is_corrected_beside_it_never_changed(app: TestApp) {
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let sec = app.secretariat_of(body).await;
    let stranger = app.secretariat_of(app.body_id("regional_assembly", Some("KZ-71")).await).await;
    let seats = crate::meetings::seated(&app, body).await;
    let a = crate::meetings::member_login(&app, "fix-a@example.kz", seats[0].person_id).await;
    let b = crate::meetings::member_login(&app, "fix-b@example.kz", seats[1].person_id).await;
    let id = crate::meetings::plan_meeting(&app, &sec, body).await;
    let post = |who: &crate::support::LoggedIn, path: String, body: serde_json::Value| {
        let (client, url) = (who.client.clone(), format!("{}{path}?lang=en", who.base));
        async move {
            let response = client.post(url).json(&body).send().await.unwrap();
            let status = response.status();
            (status, response.json::<serde_json::Value>().await.unwrap_or_default())
        }
    };
    for status in ["convened", "in_progress"] {
        post(&sec, format!("/api/v1/meetings/{id}/status"), json!({ "status": status })).await;
    }
    for who in [&a, &b] {
        post(who, format!("/api/v1/meetings/{id}/check-in"), json!({})).await;
    }
    let (_, opened) =
        post(&sec, format!("/api/v1/meetings/{id}/motions"), json!({ "text": { "en": "Adopt the plan" } })).await;
    let motion = opened["id"].as_i64().unwrap();
    post(&a, format!("/api/v1/motions/{motion}/votes"), json!({ "choice": "for" })).await;
    post(&b, format!("/api/v1/motions/{motion}/votes"), json!({ "choice": "against" })).await;
    let correction = json!({ "reason": "One vote was counted twice", "votes_for": 2, "against": 0, "abstentions": 0 });
    let path = format!("/api/v1/motions/{motion}/corrections");
    let (status, error) = post(&sec, path.clone(), correction.clone()).await;
    assert_eq!(
        (status, error["error"]["key"].as_str()),
        (StatusCode::CONFLICT, Some("error-vote-open")),
        "not while open"
    );
    let (status, closed) = post(&sec, format!("/api/v1/motions/{motion}/close"), json!({})).await;
    assert_eq!(status, StatusCode::OK);
    let audit = app.count("audit_log").await;

    // Refused: another body's secretariat, a count over those present, no reason; nothing is stored.
    assert_eq!(post(&stranger, path.clone(), correction.clone()).await.0, StatusCode::FORBIDDEN);
    let over = json!({ "reason": "x y", "votes_for": 2, "against": 1, "abstentions": 0 });
    assert_eq!(post(&sec, path.clone(), over).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    let unreasoned = json!({ "reason": "", "votes_for": 2, "against": 0, "abstentions": 0 });
    assert_eq!(post(&sec, path.clone(), unreasoned).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("vote_corrections").await, 0);
    assert_eq!(app.count("audit_log").await, audit);

    let (status, made) = post(&sec, path.clone(), correction).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    assert_eq!(made["votes_for"], 2);
    assert_eq!(made["outcome"], "no_quorum", "two members present of the body: no quorum, by the motion's rules");
    assert_eq!(app.count("audit_log").await, audit + 1);
    let (_, m) = app.get_json(&format!("/api/v1/meetings/{id}")).await;
    let vote = m["motions"].as_array().unwrap().iter().find(|x| x["id"] == motion).unwrap().clone();
    assert_eq!(vote["count"], closed["count"], "the vote stays as recorded");
    assert_eq!(m["corrections"][0]["reason"], "One vote was counted twice");
    let (_, page) = app.get_text(&format!("/en/meetings/{id}")).await;
    assert!(
        page.contains("The vote&#39;s count was corrected on") || page.contains("The vote's count was corrected on"),
        "{page}"
    );
    assert!(page.contains("One vote was counted twice"));
    let kept = birlik::with_write!(&app.state.platform.db, pool => {
        sqlx::query("DELETE FROM vote_corrections").execute(pool).await.map(|_| ())
    });
    assert!(kept.is_err(), "a correction is kept as made");
}

crate::on_both_backends!(
    a_closed_vote_is_corrected_beside_it_never_changed,
    the_month_view_puts_each_meeting_on_its_kazakhstan_day,
    feeds_follow_each_change,
    popolo_has_the_meetings_their_motions_and_roll_calls,
    the_live_part_follows_the_item_quorum_and_tally,
);
