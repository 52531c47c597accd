//! Authorization as a matrix of role × action, refusals included. Enforced on the server, seen through the API.

use birlik::platform::identity::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::{TestApp, association_json};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Action {
    AssociationInOwnRegion,
    AssociationInOtherRegion,
    RepublicanAssociation,
    BodyUnderRegionalAssembly,
    RootBody,
    RenameRegionalAssembly,
    MemberOfDistrictCouncil,
    MemberOfNationalSession,
    ReadAuditLog,
}

use Action::*;

const ACTIONS: [Action; 9] = [
    AssociationInOwnRegion,
    AssociationInOtherRegion,
    RepublicanAssociation,
    BodyUnderRegionalAssembly,
    RootBody,
    RenameRegionalAssembly,
    MemberOfDistrictCouncil,
    MemberOfNationalSession,
    ReadAuditLog,
];

#[tokio::test]
async fn role_by_action_matrix() {
    let app = TestApp::sqlite().await;
    let session = app.body_id("national_session", None).await;
    let council = app.body_id("council", None).await;
    let assembly = app.body_id("regional_assembly", Some("KZ-75")).await;
    let district = app.body_id("public_consent_council", Some("KZ-75")).await;

    app.user("admin@x.kz", &[Role::Admin]).await;
    app.user("session@x.kz", &[Role::Secretariat { body_id: session }]).await;
    app.user("council@x.kz", &[Role::Secretariat { body_id: council }]).await;
    app.user("almaty@x.kz", &[Role::Secretariat { body_id: assembly }]).await;
    app.user("district@x.kz", &[Role::Secretariat { body_id: district }]).await;
    app.user("member@x.kz", &[Role::Member { body_id: assembly }]).await;
    app.user("participant@x.kz", &[Role::Participant]).await;

    // Who may do what: everything not listed is refused.
    let allowed: &[(&str, &[Action])] = &[
        ("admin@x.kz", &ACTIONS),
        (
            "session@x.kz",
            &[
                AssociationInOwnRegion,
                AssociationInOtherRegion,
                RepublicanAssociation,
                BodyUnderRegionalAssembly,
                RenameRegionalAssembly,
                MemberOfDistrictCouncil,
                MemberOfNationalSession,
            ],
        ),
        ("council@x.kz", &[AssociationInOwnRegion, AssociationInOtherRegion, RepublicanAssociation]),
        (
            "almaty@x.kz",
            &[AssociationInOwnRegion, BodyUnderRegionalAssembly, RenameRegionalAssembly, MemberOfDistrictCouncil],
        ),
        ("district@x.kz", &[MemberOfDistrictCouncil]),
        ("member@x.kz", &[]),
        ("participant@x.kz", &[]),
        ("anonymous", &[]),
    ];

    for (who, permitted) in allowed {
        let client = if *who == "anonymous" { None } else { Some(app.login_as(who).await) };
        for action in ACTIONS {
            let before = app.snapshot().await;
            let status = perform(&app, client.as_ref(), action, assembly, district, session).await;
            let expected_allowed = permitted.contains(&action);
            if expected_allowed {
                assert!(status.is_success(), "{who} may {action:?}, got {status}");
            } else {
                let refusal = if *who == "anonymous" { StatusCode::UNAUTHORIZED } else { StatusCode::FORBIDDEN };
                assert_eq!(status, refusal, "{who} may not {action:?}");
                assert_eq!(app.snapshot().await, before, "a refused {action:?} by {who} changes nothing");
            }
        }
    }
}

async fn perform(
    app: &TestApp,
    client: Option<&crate::support::LoggedIn>,
    action: Action,
    assembly: i64,
    district: i64,
    session: i64,
) -> StatusCode {
    let (method, path, body) = match action {
        AssociationInOwnRegion => {
            (Method::POST, "/api/v1/associations".to_owned(), association_json(Some("KZ-75"), "Тест"))
        }
        AssociationInOtherRegion => {
            (Method::POST, "/api/v1/associations".to_owned(), association_json(Some("KZ-11"), "Тест"))
        }
        RepublicanAssociation => (Method::POST, "/api/v1/associations".to_owned(), association_json(None, "Тест")),
        BodyUnderRegionalAssembly => (Method::POST, "/api/v1/bodies".to_owned(), body_json(Some(assembly), "KZ-75")),
        RootBody => (Method::POST, "/api/v1/bodies".to_owned(), body_json(None, "KZ-75")),
        RenameRegionalAssembly => {
            let mut body = body_json(Some(session), "KZ-75");
            body["kind"] = "regional_assembly".into();
            (Method::PUT, format!("/api/v1/bodies/{assembly}"), body)
        }
        MemberOfDistrictCouncil => (Method::POST, "/api/v1/members".to_owned(), member_json(district)),
        MemberOfNationalSession => (Method::POST, "/api/v1/members".to_owned(), member_json(session)),
        ReadAuditLog => {
            let response = match client {
                Some(c) => c.client.get(format!("{}/en/admin/audit", c.base)).send().await.unwrap(),
                None => app.get("/en/admin/audit").await,
            };
            // The page sends an anonymous reader to the login page.
            return match response.status() {
                StatusCode::SEE_OTHER => StatusCode::UNAUTHORIZED,
                status => status,
            };
        }
    };
    match client {
        Some(c) => c.send_json(method, &path, &body).await.0,
        None => app.send_json(method, &path, &body).await.0,
    }
}

fn body_json(parent: Option<i64>, region: &str) -> serde_json::Value {
    json!({
        "parent_id": parent,
        "kind": "public_consent_council",
        "region_code": region,
        "name_kk": "Сынақ кеңесі",
        "name_ru": "Тестовый совет",
        "name_en": "Test council",
    })
}

fn member_json(body: i64) -> serde_json::Value {
    json!({
        "body_id": body,
        "person_name": "Сынақ Адам",
        "position": "member",
        "term_start": "2024-01-15",
        "term_end": null,
        "association_id": null,
        "person_id": null,
    })
}

#[tokio::test]
async fn a_secretariat_cannot_widen_its_powers_by_editing_its_own_body() {
    let app = TestApp::sqlite().await;
    let session = app.body_id("national_session", None).await;
    let assembly = app.body_id("regional_assembly", Some("KZ-75")).await;
    let district = app.body_id("public_consent_council", Some("KZ-75")).await;
    app.user("district@x.kz", &[Role::Secretariat { body_id: district }]).await;
    app.user("almaty@x.kz", &[Role::Secretariat { body_id: assembly }]).await;
    let district_secretariat = app.login_as("district@x.kz").await;
    let almaty_secretariat = app.login_as("almaty@x.kz").await;
    let before = app.snapshot().await;

    // A district council made into a national Council would cover every association in the country.
    let mut national = body_json(Some(assembly), "KZ-75");
    national["kind"] = "council".into();
    national["region_code"] = serde_json::Value::Null;
    let (status, _) =
        district_secretariat.send_json(Method::PUT, &format!("/api/v1/bodies/{district}"), &national).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // A regional assembly moved to another region would take over its associations.
    let mut moved = body_json(Some(session), "KZ-11");
    moved["kind"] = "regional_assembly".into();
    let (status, _) = almaty_secretariat.send_json(Method::PUT, &format!("/api/v1/bodies/{assembly}"), &moved).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Nor can a child body be put in another region than its regional parent.
    let (status, body) =
        almaty_secretariat.send_json(Method::POST, "/api/v1/bodies", &body_json(Some(assembly), "KZ-11")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["fields"][0]["key"], "field-region-of-parent");
    assert_eq!(app.snapshot().await, before);
    let (_, still) = app.get_json(&format!("/api/v1/bodies/{district}")).await;
    assert_eq!(still["kind"], "public_consent_council");
}

#[tokio::test]
async fn renaming_a_person_needs_power_over_every_body_he_sits_in() {
    let app = TestApp::sqlite().await;
    let session = app.body_id("national_session", None).await;
    let assembly = app.body_id("regional_assembly", Some("KZ-75")).await;
    app.user("admin@x.kz", &[Role::Admin]).await;
    app.user("almaty@x.kz", &[Role::Secretariat { body_id: assembly }]).await;
    let admin = app.login_as("admin@x.kz").await;
    let (_, regional_seat) = admin.send_json(Method::POST, "/api/v1/members", &member_json(assembly)).await;
    let person = regional_seat["person_id"].as_i64().unwrap();
    let mut national = member_json(session);
    national["person_id"] = person.into();
    let (status, _) = admin.send_json(Method::POST, "/api/v1/members", &national).await;
    assert_eq!(status, StatusCode::CREATED);

    let almaty = app.login_as("almaty@x.kz").await;
    let seat = regional_seat["id"].as_i64().unwrap();
    let mut renamed = member_json(assembly);
    renamed["person_name"] = "Басқа Адам".into();
    let (status, _) = almaty.send_json(Method::PUT, &format!("/api/v1/members/{seat}"), &renamed).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "he also sits in the national session");
    let mut reappointed = member_json(assembly);
    reappointed["position"] = "secretary".into();
    let (status, changed) = almaty.send_json(Method::PUT, &format!("/api/v1/members/{seat}"), &reappointed).await;
    assert_eq!(status, StatusCode::OK, "his seat in Almaty is this secretariat's to change");
    assert_eq!(changed["position"], "secretary");
}

#[tokio::test]
async fn archived_records_are_not_changed_and_leave_search() {
    let app = TestApp::sqlite().await;
    let admin = app.admin().await;
    let (_, created) =
        admin.send_json(Method::POST, "/api/v1/associations", &association_json(Some("KZ-75"), "Мұрағат")).await;
    let id = created["id"].as_i64().unwrap();
    let r = admin.post_form(&format!("/en/associations/{id}/archive"), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (status, body) =
        admin.send_json(Method::PUT, &format!("/api/v1/associations/{id}"), &created_as_draft(&created)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["key"], "error-archived");
    let (status, _) = admin.get_text(&format!("/en/associations/{id}/edit")).await;
    assert_eq!(status, StatusCode::CONFLICT);
    app.state.platform.changes.settled().await.unwrap(); // the search index follows the events
    let (_, hits) = app.get_json("/api/v1/search?q=Мұрағат").await;
    let id = id.to_string();
    assert!(hits.as_array().unwrap().iter().all(|h| h["id"].as_str() != Some(id.as_str())), "archived: not found");
}

fn created_as_draft(created: &serde_json::Value) -> serde_json::Value {
    json!({
        "level": created["level"], "region_code": created["region_code"], "name_kk": created["name_kk"],
        "name_ru": created["name_ru"], "name_en": "Changed after archiving", "founded_year": created["founded_year"],
        "website": created["website"], "groups": created["groups"],
    })
}

#[tokio::test]
async fn archiving_through_forms_is_refused_outside_ones_powers() {
    let app = TestApp::sqlite().await;
    let district = app.body_id("public_consent_council", Some("KZ-75")).await;
    let assembly = app.body_id("regional_assembly", Some("KZ-75")).await;
    let secretariat = app.secretariat_of(district).await;
    let association =
        app.get_json("/api/v1/associations?region=KZ-75&per_page=1").await.1["items"][0]["id"].as_i64().unwrap();
    let member = app.get_json(&format!("/api/v1/members?body={assembly}&per_page=1")).await.1["items"][0]["id"]
        .as_i64()
        .unwrap();
    let before = app.snapshot().await;
    for path in [
        format!("/en/associations/{association}/archive"),
        format!("/en/bodies/{assembly}/archive"),
        format!("/en/memberships/{member}/archive"),
    ] {
        let response = secretariat.post_form(&path, &[]).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(app.snapshot().await, before);
    let (_, account) = secretariat.get_text("/en/account").await;
    assert!(account.contains(&format!("/en/bodies/{district}")), "the account page names the role's body");
}

crate::on_both_backends!(seating_an_existing_person_needs_power_over_every_body_he_sits_in);

/// Seating someone already seated elsewhere would make his name this secretariat's to change: it needs the
/// same power as renaming him. His own region's secretariat keeps its power over his name.
async fn seating_an_existing_person_needs_power_over_every_body_he_sits_in(app: TestApp) {
    let almaty_assembly = app.body_id("regional_assembly", Some("KZ-75")).await;
    let astana_assembly = app.body_id("regional_assembly", Some("KZ-71")).await;
    app.user("admin@x.kz", &[Role::Admin]).await;
    app.user("almaty@x.kz", &[Role::Secretariat { body_id: almaty_assembly }]).await;
    app.user("astana@x.kz", &[Role::Secretariat { body_id: astana_assembly }]).await;
    let almaty = app.login_as("almaty@x.kz").await;
    let astana = app.login_as("astana@x.kz").await;
    let (status, seat) = almaty.send_json(Method::POST, "/api/v1/members", &member_json(almaty_assembly)).await;
    assert_eq!(status, StatusCode::CREATED);
    let person = seat["person_id"].as_i64().unwrap();

    let before = app.snapshot().await;
    let mut foreign = member_json(astana_assembly);
    foreign["person_id"] = person.into();
    let response =
        astana.client.post(format!("{}/api/v1/members?lang=ru", astana.base)).json(&foreign).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN, "he sits in Almaty, outside Astana's powers");
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"]["key"], "error-forbidden");
    assert_eq!(body["error"]["message"], "У вас нет прав на это действие.");
    assert_eq!(app.snapshot().await, before, "nothing changed");

    let mut renamed = member_json(almaty_assembly);
    renamed["person_name"] = "Басқа Адам".into();
    let seat_id = seat["id"].as_i64().unwrap();
    let (status, _) = almaty.send_json(Method::PUT, &format!("/api/v1/members/{seat_id}"), &renamed).await;
    assert_eq!(status, StatusCode::OK, "his own region still renames him");

    // Whoever covers every body he sits in may seat him elsewhere too.
    let admin = app.login_as("admin@x.kz").await;
    let (status, _) = admin.send_json(Method::POST, "/api/v1/members", &foreign).await;
    assert_eq!(status, StatusCode::CREATED);
}
