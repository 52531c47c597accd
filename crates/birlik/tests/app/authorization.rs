//! Authorization as a matrix of role × action, refusals included. Enforced on the server, seen through the API.

use birlik::accounts::Role;
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
