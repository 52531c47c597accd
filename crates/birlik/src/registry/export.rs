//! Open data: every registry table as CSV and JSON, and the whole registry as Popolo JSON
//! (persons, organizations, memberships, areas; https://www.popoloproject.com/specs/).

use axum::body::Body as HttpBody;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{Value, json};

use crate::platform::Platform;
use crate::platform::csv::defuse;
use crate::platform::db::Db;
use crate::platform::open_data::{OpenData, Table};
use crate::platform::web::AppError;
use crate::registry::store;

pub const TABLES: [&str; 5] = ["regions", "ethnic-groups", "bodies", "associations", "members"];

/// An association as a flat CSV row: its groups joined by `;`, like the import format.
#[derive(Serialize)]
struct AssociationRow<'a> {
    id: i64,
    level: &'a str,
    region_code: Option<&'a str>,
    name_kk: &'a str,
    name_ru: &'a str,
    name_en: &'a str,
    founded_year: Option<i64>,
    website: Option<&'a str>,
    groups: String,
    archived_at: Option<&'a str>,
}

/// Rows as CSV, each cell that a spreadsheet would read as a formula prefixed with `'` (see [`defuse`]).
fn csv_of<T: Serialize>(rows: impl IntoIterator<Item = T>) -> anyhow::Result<Vec<u8>> {
    let mut plain = csv::Writer::from_writer(Vec::new());
    for row in rows {
        plain.serialize(row)?;
    }
    let plain = plain.into_inner().map_err(|e| anyhow::anyhow!("csv: {e}"))?;
    // Read back what serde wrote (headers included, as a plain record) and write every cell defused.
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(plain.as_slice());
    let mut writer = csv::Writer::from_writer(Vec::with_capacity(plain.len()));
    for record in reader.byte_records() {
        writer.write_record(record?.iter().map(defuse))?;
    }
    writer.into_inner().map_err(|e| anyhow::anyhow!("csv: {e}"))
}

/// The content of one export file, e.g. `associations.csv`, `bodies.json` or `popolo.json`.
/// What other capabilities add (`extra`) is merged into the Popolo document or offered as more tables.
pub async fn render(db: &Db, extra: &OpenData, file: &str) -> Result<(&'static str, Vec<u8>), AppError> {
    if file == "popolo.json" {
        let mut document = popolo(db).await?;
        if let Value::Object(map) = &mut document {
            map.extend(extra.popolo_parts(db).await?);
        }
        return Ok(("application/json", serde_json::to_vec_pretty(&document).map_err(anyhow::Error::from)?));
    }
    let (table, format) = file.rsplit_once('.').ok_or(AppError::NotFound)?;
    let json = match format {
        "json" => true,
        "csv" => false,
        _ => return Err(AppError::NotFound),
    };
    macro_rules! out {
        ($rows:expr) => {{
            let rows = $rows;
            if json { serde_json::to_vec_pretty(&rows).map_err(anyhow::Error::from)? } else { csv_of(rows.iter())? }
        }};
    }
    let bytes = match table {
        "regions" => out!(store::regions(db).await?),
        "ethnic-groups" => out!(store::ethnic_groups(db).await?),
        "bodies" => out!(store::bodies(db, true).await?),
        "members" => out!(store::all_memberships(db).await?),
        "associations" => {
            let rows = store::all_associations(db).await?;
            if json {
                serde_json::to_vec_pretty(&rows).map_err(anyhow::Error::from)?
            } else {
                csv_of(rows.iter().map(|a| AssociationRow {
                    id: a.id,
                    level: a.level.code(),
                    region_code: a.region_code.as_deref(),
                    name_kk: &a.name_kk,
                    name_ru: &a.name_ru,
                    name_en: &a.name_en,
                    founded_year: a.founded_year,
                    website: a.website.as_deref(),
                    groups: a.groups.join(";"),
                    archived_at: a.archived_at.as_deref(),
                }))?
            }
        }
        other => {
            let table = extra.table_named(db, other).await?.ok_or(AppError::NotFound)?;
            if json {
                serde_json::to_vec_pretty(&table.objects()).map_err(anyhow::Error::from)?
            } else {
                table_csv(&table)?
            }
        }
    };
    Ok((if json { "application/json" } else { "text/csv; charset=utf-8" }, bytes))
}

/// A capability's table as CSV: numbers and booleans written out, null empty, text defused against spreadsheet
/// formulas.
fn table_csv(table: &Table) -> anyhow::Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&table.columns)?;
    for row in &table.rows {
        let cells: Vec<Vec<u8>> = row
            .iter()
            .map(|v| match v {
                Value::Null => Vec::new(),
                Value::String(s) => defuse(s.as_bytes()).into_owned(),
                other => other.to_string().into_bytes(),
            })
            .collect();
        writer.write_record(&cells)?;
    }
    writer.into_inner().map_err(|e| anyhow::anyhow!("csv: {e}"))
}

fn other_names(kk: &str, ru: &str, en: &str) -> Value {
    json!([{ "name": kk, "note": "kk" }, { "name": ru, "note": "ru" }, { "name": en, "note": "en" }])
}

/// The registry in Popolo: bodies and associations are organizations, regions are areas.
pub async fn popolo(db: &Db) -> anyhow::Result<Value> {
    let persons: Vec<Value> = store::persons(db)
        .await?
        .into_iter()
        .map(|(id, name)| json!({ "id": format!("person/{id}"), "name": name }))
        .collect();
    let mut organizations: Vec<Value> = store::bodies(db, false)
        .await?
        .into_iter()
        .map(|b| {
            json!({
                "id": format!("body/{}", b.id),
                "name": b.name_kk,
                "other_names": other_names(&b.name_kk, &b.name_ru, &b.name_en),
                "classification": b.kind,
                "parent_id": b.parent_id.map(|p| format!("body/{p}")),
                "area_id": b.region_code,
            })
        })
        .collect();
    organizations.extend(store::all_associations(db).await?.into_iter().filter(|a| a.archived_at.is_none()).map(|a| {
        json!({
            "id": format!("association/{}", a.id),
            "name": a.name_kk,
            "other_names": other_names(&a.name_kk, &a.name_ru, &a.name_en),
            "classification": format!("ethnocultural_association/{}", a.level),
            "area_id": a.region_code,
            "founding_date": a.founded_year.map(|y| y.to_string()),
        })
    }));
    let memberships: Vec<Value> = store::all_memberships(db)
        .await?
        .into_iter()
        .filter(|m| m.archived_at.is_none())
        .map(|m| {
            json!({
                "id": format!("membership/{}", m.id),
                "person_id": format!("person/{}", m.person_id),
                "organization_id": format!("body/{}", m.body_id),
                "role": m.position,
                "on_behalf_of_id": m.association_id.map(|a| format!("association/{a}")),
                "start_date": m.term_start,
                "end_date": m.term_end,
            })
        })
        .collect();
    let areas: Vec<Value> = store::regions(db)
        .await?
        .into_iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name_kk,
                "other_names": other_names(&r.name_kk, &r.name_ru, &r.name_en),
                "classification": r.kind,
                "identifiers": [{ "scheme": "ISO 3166-2", "identifier": r.code }],
            })
        })
        .collect();
    Ok(json!({ "persons": persons, "organizations": organizations, "memberships": memberships, "areas": areas }))
}

/// Downloads an export file: `{table}.csv`, `{table}.json` for each registry table, or `popolo.json`.
#[utoipa::path(get, path = "/export/{file}", tag = "open data",
    params(("file" = String, Path, description = "e.g. associations.csv, members.json, popolo.json")),
    responses((status = 200, description = "The file", content_type = "text/csv"),
        (status = 404, body = crate::platform::web::error::ErrorBody)))]
pub async fn download(State(state): State<Platform>, Path(file): Path<String>) -> Result<Response, AppError> {
    let (content_type, bytes) = render(&state.db, &state.open_data, &file).await?;
    let disposition = format!("inline; filename=\"birlik-{}\"", file.replace(['"', '\\'], ""));
    Ok((
        [(header::CONTENT_TYPE, content_type.to_owned()), (header::CONTENT_DISPOSITION, disposition)],
        HttpBody::from(bytes),
    )
        .into_response())
}
