//! Open data of a consultation in the Pol.is export format (`comments.csv`, `votes.csv`, `participants-votes.csv`,
//! read by the `consensus` crate, red-dwarf and Pol.is tools) and as one JSON file. Participants appear by number
//! only; their optional answers (region, ethnic group, language) are never exported per person. Statements
//! waiting for a moderator are left out; a statement moderated out keeps its row and votes (moderated = −1) but
//! not its text.

use std::collections::{BTreeMap, HashMap, HashSet};

use axum::body::Body as HttpBody;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::model::{Statement, Status, rfc3339_of_ms};
use super::moderates;
use super::store::{self, LoggedVote};
use crate::accounts::session;
use crate::platform::AppState;
use crate::platform::web::AppError;
use crate::registry::export::defuse;

pub const FILES: [&str; 5] =
    ["summary.csv", "comments.csv", "votes.csv", "participants-votes.csv", "consultation.json"];

fn moderated(s: &Statement) -> i64 {
    match s.status {
        Status::Published => 1,
        Status::Rejected => -1,
        Status::Pending => 0,
    }
}

/// Text as a CSV cell: never a spreadsheet formula.
fn public(text: &str) -> String {
    String::from_utf8_lossy(&defuse(text.as_bytes())).into_owned()
}

/// The text a file may carry: none for a statement moderated out.
fn public_text(s: &Statement) -> String {
    if s.status == Status::Rejected { String::new() } else { public(&s.text) }
}

/// The current vote of each participant on each statement (the last one counts).
fn current(votes: &[LoggedVote]) -> BTreeMap<i64, BTreeMap<i64, i64>> {
    let mut out: BTreeMap<i64, BTreeMap<i64, i64>> = BTreeMap::new();
    for &(_, participant, statement, value, _) in votes {
        out.entry(participant).or_default().insert(statement, value);
    }
    out
}

fn csv_bytes(rows: Vec<Vec<String>>) -> Result<Vec<u8>, AppError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        w.write_record(&row).map_err(anyhow::Error::from)?;
    }
    w.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("csv: {e}")))
}

/// The content of one export file of a consultation.
pub async fn render(state: &AppState, consultation: i64, file: &str) -> Result<(&'static str, Vec<u8>), AppError> {
    let c = store::consultation(&state.db, consultation).await?.ok_or(AppError::NotFound)?;
    if !FILES.contains(&file) {
        return Err(AppError::NotFound);
    }
    let statements: Vec<Statement> =
        store::statements(&state.db, c.id, None).await?.into_iter().filter(|s| s.status != Status::Pending).collect();
    let exported: HashSet<i64> = statements.iter().map(|s| s.id).collect();
    let log = store::votes_after(&state.db, c.id, 0, i64::MAX).await?;
    let log: Vec<LoggedVote> = log.into_iter().filter(|v| exported.contains(&v.2)).collect();
    let current = current(&log);
    // (agrees, disagrees) per statement, and statements per author.
    let mut tally: HashMap<i64, (usize, usize)> = HashMap::new();
    for votes in current.values() {
        for (statement, value) in votes {
            let t = tally.entry(*statement).or_default();
            match value {
                1 => t.0 += 1,
                -1 => t.1 += 1,
                _ => {}
            }
        }
    }
    let groups: HashMap<i64, u32> = match store::analysis(&state.db, c.id).await? {
        Some(a) => {
            serde_json::from_str::<Vec<(i64, u32)>>(&a.groups_json).map_err(anyhow::Error::from)?.into_iter().collect()
        }
        None => HashMap::new(),
    };
    let authors = store::statement_authors(&state.db, c.id).await?;
    let mut authored: HashMap<i64, usize> = HashMap::new();
    for author in authors.values() {
        *authored.entry(*author).or_default() += 1;
    }
    let bytes = match file {
        "summary.csv" => {
            let shown = |m: &super::model::Multilingual| m.show(crate::platform::i18n::Lang::En).map(|s| s.text);
            let rows = [
                ("topic", shown(&c.question).unwrap_or_default()),
                ("url", c.source.clone().unwrap_or_default()),
                ("voters", current.len().to_string()),
                ("comments", statements.len().to_string()),
                ("groups", groups.values().collect::<HashSet<_>>().len().to_string()),
                ("conversation-description", shown(&c.description).unwrap_or_default()),
            ];
            csv_bytes(rows.into_iter().map(|(k, v)| vec![k.to_owned(), public(&v)]).collect())?
        }
        "comments.csv" => {
            let mut rows = vec![
                [
                    "timestamp",
                    "datetime",
                    "comment-id",
                    "author-id",
                    "agrees",
                    "disagrees",
                    "moderated",
                    "comment-body",
                ]
                .map(String::from)
                .to_vec(),
            ];
            for s in &statements {
                let (agrees, disagrees) = tally.get(&s.id).copied().unwrap_or_default();
                let at = time::OffsetDateTime::parse(&s.created_at, &time::format_description::well_known::Rfc3339)
                    .map(|t| (t.unix_timestamp() * 1000).to_string())
                    .unwrap_or_default();
                rows.push(vec![
                    at,
                    s.created_at.clone(),
                    s.id.to_string(),
                    authors.get(&s.id).map(i64::to_string).unwrap_or_default(),
                    agrees.to_string(),
                    disagrees.to_string(),
                    moderated(s).to_string(),
                    public_text(s),
                ]);
            }
            csv_bytes(rows)?
        }
        "votes.csv" => {
            let mut rows = vec![["timestamp", "datetime", "comment-id", "voter-id", "vote"].map(String::from).to_vec()];
            rows.extend(log.iter().map(|&(_, participant, statement, value, at)| {
                vec![
                    at.to_string(),
                    rfc3339_of_ms(at).unwrap_or_default(),
                    statement.to_string(),
                    participant.to_string(),
                    value.to_string(),
                ]
            }));
            csv_bytes(rows)?
        }
        "participants-votes.csv" => {
            let mut header: Vec<String> = ["participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree"]
                .map(String::from)
                .to_vec();
            header.extend(statements.iter().map(|s| s.id.to_string()));
            let mut rows = vec![header];
            for (participant, votes) in &current {
                let mut row = vec![
                    participant.to_string(),
                    groups.get(participant).map(u32::to_string).unwrap_or_default(),
                    authored.get(participant).copied().unwrap_or_default().to_string(),
                    votes.len().to_string(),
                    votes.values().filter(|v| **v == 1).count().to_string(),
                    votes.values().filter(|v| **v == -1).count().to_string(),
                ];
                row.extend(statements.iter().map(|s| votes.get(&s.id).map(i64::to_string).unwrap_or_default()));
                rows.push(row);
            }
            csv_bytes(rows)?
        }
        _ => {
            let statements: Vec<serde_json::Value> = statements
                .iter()
                .map(|s| {
                    json!({ "id": s.id, "text": if s.status == Status::Rejected { None } else { Some(&s.text) },
                    "lang": s.lang, "status": s.status, "seed": s.seed, "translations": s.translations })
                })
                .collect();
            let votes: Vec<serde_json::Value> = log
                .iter()
                .map(|&(_, participant, statement, value, at)| json!({ "participant": participant, "statement": statement, "vote": value, "timestamp": at }))
                .collect();
            let groups: BTreeMap<i64, u32> = groups.into_iter().collect();
            let doc = json!({ "consultation": c, "statements": statements, "votes": votes, "groups": groups });
            return Ok(("application/json", serde_json::to_vec(&doc).map_err(anyhow::Error::from)?));
        }
    };
    Ok(("text/csv; charset=utf-8", bytes))
}

/// Downloads an export file of a consultation; results kept until closing are kept from the files too.
#[utoipa::path(get, path = "/consultations/{id}/export/{file}", tag = "open data",
    params(("id" = i64, Path), ("file" = String, Path, description = "summary.csv, comments.csv, votes.csv, participants-votes.csv or consultation.json")),
    responses((status = 200, description = "The file", content_type = "text/csv"),
        (status = 403, body = crate::platform::web::error::ErrorBody),
        (status = 404, body = crate::platform::web::error::ErrorBody)))]
pub async fn download(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, file)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    let c = store::consultation(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let user = session::current_user(&state, &headers).await?;
    if !c.results_public() && !moderates(&state.db, user.as_ref(), c.body_id).await? {
        return Err(AppError::Forbidden);
    }
    let (content_type, bytes) = render(&state, id, &file).await?;
    let disposition = format!("inline; filename=\"birlik-consultation-{id}-{}\"", file.replace(['"', '\\'], ""));
    let response = (
        [(header::CONTENT_TYPE, content_type.to_owned()), (header::CONTENT_DISPOSITION, disposition)],
        HttpBody::from(bytes),
    )
        .into_response();
    Ok(super::api::hidden_stays_private(&c, response))
}
