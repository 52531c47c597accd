//! iCalendar feeds of meetings, read with an independent parser (the `ical` crate) as calendar programs do: stable
//! UIDs, SEQUENCE raised on each change, cancellations, UTC times across midnight and the year's end.

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

crate::on_both_backends!(feeds_follow_each_change);
