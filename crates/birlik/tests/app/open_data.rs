//! Open data: CSV and JSON of every registry table, Popolo JSON.

use reqwest::StatusCode;

use crate::support::TestApp;

#[tokio::test]
async fn every_table_exports_as_csv_and_json() {
    let app = TestApp::sqlite().await;
    for table in birlik::registry::export::TABLES {
        let (status, json) = app.get_json(&format!("/api/v1/export/{table}.json")).await;
        assert_eq!(status, StatusCode::OK, "{table}.json");
        let rows = json.as_array().unwrap().len();
        assert!(rows > 0, "{table} has rows");
        let response = app.get(&format!("/api/v1/export/{table}.csv")).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
        let text = response.text().await.unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert!(reader.headers().unwrap().iter().any(|h| h == "id" || h == "code" || h == "slug"));
        assert_eq!(reader.records().count(), rows, "{table}.csv has as many rows as {table}.json");
    }
    assert_eq!(
        app.get("/api/v1/export/users.csv").await.status(),
        StatusCode::NOT_FOUND,
        "accounts are never exported"
    );
    assert_eq!(app.get("/api/v1/export/regions.xml").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn popolo_export_links_persons_organizations_memberships_and_areas() {
    let app = TestApp::sqlite().await;
    let (status, popolo) = app.get_json("/api/v1/export/popolo.json").await;
    assert_eq!(status, StatusCode::OK);
    let ids = |key: &str| -> std::collections::HashSet<String> {
        popolo[key].as_array().unwrap().iter().map(|x| x["id"].as_str().unwrap().to_owned()).collect()
    };
    let persons = ids("persons");
    let organizations = ids("organizations");
    let areas = ids("areas");
    assert_eq!(areas.len(), 20);
    assert!(persons.len() >= 300);
    let memberships = popolo["memberships"].as_array().unwrap();
    assert!(memberships.len() >= persons.len(), "every person holds a seat");
    for m in memberships {
        assert!(persons.contains(m["person_id"].as_str().unwrap()));
        assert!(organizations.contains(m["organization_id"].as_str().unwrap()));
        if let Some(on_behalf) = m["on_behalf_of_id"].as_str() {
            assert!(organizations.contains(on_behalf));
        }
    }
    let placed: Vec<&str> =
        popolo["organizations"].as_array().unwrap().iter().filter_map(|o| o["area_id"].as_str()).collect();
    assert!(!placed.is_empty(), "regional bodies and associations name their area");
    assert!(placed.iter().all(|area| areas.contains(*area)));
    let text = serde_json::to_string(&popolo).unwrap();
    assert!(!text.contains("ethnicity") && !text.contains("email"), "no personal data beyond names and seats");
}

#[tokio::test]
async fn csv_cells_that_a_spreadsheet_would_run_as_formulas_are_defused() {
    let app = TestApp::sqlite().await;
    let admin = app.admin().await;
    let formula = "=HYPERLINK(\"http://x\")";
    let mut body = crate::support::association_json(Some("KZ-75"), "Формула");
    body["name_en"] = formula.into();
    body["name_ru"] = "+7 (727) 000".into();
    body["name_kk"] = "@Формула".into();
    let (status, created) = admin.send_json(reqwest::Method::POST, "/api/v1/associations", &body).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().unwrap();

    let text = app.get("/api/v1/export/associations.csv").await.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let row = rows.iter().find(|r| &r[column("id")] == id.to_string().as_str()).expect("the association is exported");
    assert_eq!(&row[column("name_en")], "'=HYPERLINK(\"http://x\")");
    assert_eq!(&row[column("name_ru")], "'+7 (727) 000");
    assert_eq!(&row[column("name_kk")], "'@Формула");
    assert_eq!(&row[column("level")], "regional", "ordinary cells are untouched");
    assert!(
        rows.iter().all(|r| r.iter().all(|cell| !cell.starts_with(['=', '+', '-', '@', '\t', '\r']))),
        "no cell of any row begins a formula"
    );

    let (_, json) = app.get_json("/api/v1/export/associations.json").await;
    let item = json.as_array().unwrap().iter().find(|a| a["id"] == id).expect("in the JSON");
    assert_eq!(item["name_en"], formula, "JSON keeps the name verbatim");
    assert_eq!(item["name_kk"], "@Формула");
}
