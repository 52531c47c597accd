//! Open data of a consultation in the Pol.is export format (`comments.csv`, `votes.csv`, `participants-votes.csv`,
//! read by the `consensus` crate, red-dwarf and Pol.is tools) and as one JSON file. Participants appear by number
//! only; their optional answers (region, ethnic group, language) are never exported per person. Statements
//! waiting for a moderator are left out; a statement moderated out keeps its row and votes (moderated = −1) but
//! not its text.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Body as HttpBody;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use sha2::{Digest, Sha256};
use time::format_description::well_known::Rfc3339;
use tokio::io::AsyncWriteExt;
use tokio::sync::Semaphore;
use tokio_util::io::ReaderStream;

use super::model::{Consultation, Multilingual, Statement, Status, rfc3339_of_ms};
use super::moderates;
use super::store::{self, LoggedVote};
use crate::platform::Platform;
use crate::platform::csv::defuse;
use crate::platform::db::Db;
use crate::platform::i18n::Lang;
use crate::platform::identity::session;
use crate::platform::web::AppError;

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

/// Exported times are cut to the minute: analysts need the day and the hour, and millisecond timestamps would
/// let anyone match a person's votes across files and other sources.
fn minute(ms: i64) -> i64 {
    ms - ms.rem_euclid(60_000)
}

/// Participants whose votes are read together in one query while a file is written.
const PARTICIPANTS_PER_READ: usize = 2_000;
/// Votes read per query for `votes.csv` and the JSON file.
const VOTES_PER_READ: i64 = 50_000;
/// Bytes gathered before each write to disk.
const FLUSH_AT: usize = 1 << 20;

/// The export files on disk, one per consultation, file and version of the data: each is written once, by one
/// export at a time (however many are asked for), and then streamed from disk, so a download costs neither memory
/// nor CPU in proportion to the consultation. The version follows the stored analysis: a file is renewed at most
/// once per analysis round, and always carries the votes the analysis read.
pub struct Exports {
    dir: PathBuf,
    /// One file written at a time: exports never take the cores from votes.
    writing: Semaphore,
    /// A lock per file being written, so that concurrent requests for it wait for the one writer.
    pending: std::sync::Mutex<HashMap<PathBuf, Arc<tokio::sync::Mutex<()>>>>,
}

impl Exports {
    pub fn new(dir: PathBuf) -> Exports {
        Exports { dir, writing: Semaphore::new(1), pending: Default::default() }
    }

    /// The path of an export file, written first if this version has none yet.
    pub async fn file(&self, db: &Db, c: &Consultation, file: &str) -> Result<PathBuf, AppError> {
        if !FILES.contains(&file) {
            return Err(AppError::NotFound);
        }
        let data = Data::read(db, c).await?;
        let path = self.dir.join(format!("{}-{}-{file}", c.id, data.version(c)?));
        if tokio::fs::try_exists(&path).await.unwrap_or(false) {
            return Ok(path);
        }
        let lock = self.pending.lock().map(|mut p| p.entry(path.clone()).or_default().clone());
        let lock = lock.map_err(|_| anyhow::anyhow!("export locks poisoned"))?;
        let _one_writer_per_file = lock.lock().await;
        if !tokio::fs::try_exists(&path).await.unwrap_or(false) {
            let _one_export_at_a_time = self.writing.acquire().await.map_err(anyhow::Error::from)?;
            tokio::fs::create_dir_all(&self.dir).await.map_err(anyhow::Error::from)?;
            let partial = path.with_extension("partial");
            let written = write(db, c, &data, file, &partial).await;
            match written {
                // A file appears whole or not at all.
                Ok(()) => tokio::fs::rename(&partial, &path).await.map_err(anyhow::Error::from)?,
                Err(e) => {
                    let _ = tokio::fs::remove_file(&partial).await;
                    return Err(e);
                }
            }
            self.forget_older(c.id, file, &path).await;
        }
        if let Ok(mut pending) = self.pending.lock() {
            pending.remove(&path);
        }
        Ok(path)
    }

    /// Removes the earlier versions of a file (a download already under way keeps its open file on Unix).
    async fn forget_older(&self, consultation: i64, file: &str, keep: &std::path::Path) {
        let Ok(mut entries) = tokio::fs::read_dir(&self.dir).await else { return };
        let (prefix, suffix) = (format!("{consultation}-"), format!("-{file}"));
        while let Ok(Some(entry)) = entries.next_entry().await {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(&prefix) && name.ends_with(&suffix) && entry.path() != keep {
                let _ = tokio::fs::remove_file(entry.path()).await;
            }
        }
    }
}

/// What every file of one version reads: the statements that may be published, the analysis (its groups and the
/// last vote it read) and who wrote what.
struct Data {
    statements: Vec<Statement>,
    /// The last vote exported: the one the analysis read last, or the newest before any analysis.
    upto: i64,
    computed_at: String,
    groups: BTreeMap<i64, u32>,
    authors: HashMap<i64, i64>,
}

impl Data {
    async fn read(db: &Db, c: &Consultation) -> Result<Data, AppError> {
        let statements: Vec<Statement> =
            store::statements(db, c.id, None).await?.into_iter().filter(|s| s.status != Status::Pending).collect();
        let (upto, computed_at, groups) = match store::analysis(db, c.id).await? {
            Some(a) => {
                let groups = serde_json::from_str::<Vec<(i64, u32)>>(&a.groups_json).map_err(anyhow::Error::from)?;
                (a.last_vote_id, a.computed_at, groups.into_iter().collect())
            }
            None => (store::last_vote_id(db, c.id).await?, String::new(), BTreeMap::new()),
        };
        Ok(Data { statements, upto, computed_at, groups, authors: store::statement_authors(db, c.id).await? })
    }

    /// Everything a file depends on, hashed: the consultation, its statements (moderation, translations), the votes
    /// up to `upto` and the analysis.
    fn version(&self, c: &Consultation) -> Result<String, AppError> {
        let mut h = Sha256::new();
        h.update(
            serde_json::to_vec(&(c, &self.statements, self.upto, &self.computed_at)).map_err(anyhow::Error::from)?,
        );
        Ok(h.finalize().iter().take(12).map(|b| format!("{b:02x}")).collect())
    }
}

/// Where a file is written: rows gathered in memory up to `FLUSH_AT`, then written out.
struct Out {
    csv: csv::Writer<Vec<u8>>,
    file: tokio::io::BufWriter<tokio::fs::File>,
}

impl Out {
    async fn create(path: &std::path::Path) -> Result<Out, AppError> {
        let file = tokio::fs::File::create(path).await.map_err(anyhow::Error::from)?;
        Ok(Out { csv: csv::Writer::from_writer(Vec::new()), file: tokio::io::BufWriter::new(file) })
    }

    async fn row<I: IntoIterator<Item = T>, T: AsRef<[u8]>>(&mut self, row: I) -> Result<(), AppError> {
        self.csv.write_record(row).map_err(anyhow::Error::from)?;
        if self.csv.get_ref().len() >= FLUSH_AT { self.flush().await } else { Ok(()) }
    }

    async fn raw(&mut self, bytes: &[u8]) -> Result<(), AppError> {
        self.flush().await?;
        self.file.write_all(bytes).await.map_err(anyhow::Error::from)?;
        Ok(())
    }

    async fn flush(&mut self) -> Result<(), AppError> {
        let full = std::mem::replace(&mut self.csv, csv::Writer::from_writer(Vec::new()));
        let gathered = full.into_inner().map_err(|e| anyhow::anyhow!("csv: {e}"))?;
        self.file.write_all(&gathered).await.map_err(anyhow::Error::from)?;
        Ok(())
    }

    /// Writes what is left and makes it durable before the file is renamed into place.
    async fn finish(mut self) -> Result<(), AppError> {
        self.flush().await?;
        self.file.flush().await.map_err(anyhow::Error::from)?;
        self.file.get_ref().sync_all().await.map_err(anyhow::Error::from)?;
        Ok(())
    }
}

/// Every participant who voted, with his current votes (statement → value), read a few thousand participants at a
/// time.
struct Participants<'a> {
    db: &'a Db,
    c: &'a Consultation,
    data: &'a Data,
    exported: HashSet<i64>,
    ids: Vec<i64>,
    /// Participants of `ids` read so far.
    read: usize,
    ready: std::collections::VecDeque<(i64, BTreeMap<i64, i64>)>,
}

impl<'a> Participants<'a> {
    async fn new(db: &'a Db, c: &'a Consultation, data: &'a Data) -> Result<Participants<'a>, AppError> {
        let ids = store::participants(db, c.id).await?.into_iter().map(|p| p.0).collect();
        let exported = data.statements.iter().map(|s| s.id).collect();
        Ok(Participants { db, c, data, exported, ids, read: 0, ready: Default::default() })
    }

    async fn next(&mut self) -> Result<Option<(i64, BTreeMap<i64, i64>)>, AppError> {
        while self.ready.is_empty() && self.read < self.ids.len() {
            let chunk = self.ids.get(self.read..).unwrap_or_default();
            let chunk = chunk.get(..PARTICIPANTS_PER_READ.min(chunk.len())).unwrap_or_default();
            self.read += chunk.len();
            let (Some(&from), Some(&to)) = (chunk.first(), chunk.last()) else { break };
            let votes = store::votes_of_participants(self.db, self.c.id, from, to, self.data.upto).await?;
            // By participant, then in the order cast: the last value of a statement is the current one.
            for (participant, statement, value) in votes.into_iter().filter(|v| self.exported.contains(&v.1)) {
                match self.ready.back_mut() {
                    Some((p, current)) if *p == participant => {
                        current.insert(statement, value);
                    }
                    _ => self.ready.push_back((participant, BTreeMap::from([(statement, value)]))),
                }
            }
        }
        Ok(self.ready.pop_front())
    }
}

/// The exported votes of the log up to the analysis, in the order cast, a chunk at a time.
struct Votes<'a> {
    db: &'a Db,
    c: &'a Consultation,
    data: &'a Data,
    exported: HashSet<i64>,
    after: i64,
}

impl<'a> Votes<'a> {
    fn new(db: &'a Db, c: &'a Consultation, data: &'a Data) -> Votes<'a> {
        Votes { db, c, data, exported: data.statements.iter().map(|s| s.id).collect(), after: 0 }
    }

    async fn next_chunk(&mut self) -> Result<Option<Vec<LoggedVote>>, AppError> {
        if self.after >= self.data.upto {
            return Ok(None);
        }
        let votes = store::votes_after(self.db, self.c.id, self.after, VOTES_PER_READ).await?;
        let Some(last) = votes.last() else { return Ok(None) };
        self.after = if (votes.len() as i64) < VOTES_PER_READ { self.data.upto } else { last.0 };
        Ok(Some(votes.into_iter().filter(|v| v.0 <= self.data.upto && self.exported.contains(&v.2)).collect()))
    }
}

/// Agrees and disagrees per statement, and the number of voters, from everyone's current votes.
async fn tally(db: &Db, c: &Consultation, data: &Data) -> Result<(HashMap<i64, (usize, usize)>, usize), AppError> {
    let mut tally: HashMap<i64, (usize, usize)> = HashMap::new();
    let mut voters = 0;
    let mut participants = Participants::new(db, c, data).await?;
    while let Some((_, votes)) = participants.next().await? {
        voters += 1;
        for (statement, value) in votes {
            let t = tally.entry(statement).or_default();
            match value {
                1 => t.0 += 1,
                -1 => t.1 += 1,
                _ => {}
            }
        }
    }
    Ok((tally, voters))
}

/// Writes one export file to `path`.
async fn write(db: &Db, c: &Consultation, data: &Data, file: &str, path: &std::path::Path) -> Result<(), AppError> {
    let mut out = Out::create(path).await?;
    match file {
        "summary.csv" => {
            let (_, voters) = tally(db, c, data).await?;
            let shown = |m: &Multilingual| m.show(Lang::En).map(|s| s.text);
            let rows = [
                ("topic", shown(&c.question).unwrap_or_default()),
                ("url", c.source.clone().unwrap_or_default()),
                ("voters", voters.to_string()),
                ("comments", data.statements.len().to_string()),
                ("groups", data.groups.values().collect::<HashSet<_>>().len().to_string()),
                ("conversation-description", shown(&c.description).unwrap_or_default()),
            ];
            for (k, v) in rows {
                out.row([k.to_owned(), public(&v)]).await?;
            }
        }
        "comments.csv" => {
            let (tally, _) = tally(db, c, data).await?;
            out.row([
                "timestamp",
                "datetime",
                "comment-id",
                "author-id",
                "agrees",
                "disagrees",
                "moderated",
                "comment-body",
            ])
            .await?;
            for s in &data.statements {
                let (agrees, disagrees) = tally.get(&s.id).copied().unwrap_or_default();
                let at =
                    time::OffsetDateTime::parse(&s.created_at, &Rfc3339).map(|t| minute(t.unix_timestamp() * 1000));
                out.row([
                    at.as_ref().map(i64::to_string).unwrap_or_default(),
                    at.ok().and_then(rfc3339_of_ms).unwrap_or_default(),
                    s.id.to_string(),
                    data.authors.get(&s.id).map(i64::to_string).unwrap_or_default(),
                    agrees.to_string(),
                    disagrees.to_string(),
                    moderated(s).to_string(),
                    public_text(s),
                ])
                .await?;
            }
        }
        "votes.csv" => {
            out.row(["timestamp", "datetime", "comment-id", "voter-id", "vote"]).await?;
            let mut votes = Votes::new(db, c, data);
            while let Some(chunk) = votes.next_chunk().await? {
                for (_, participant, statement, value, at) in chunk {
                    let at = minute(at);
                    let row = [
                        at.to_string(),
                        rfc3339_of_ms(at).unwrap_or_default(),
                        statement.to_string(),
                        participant.to_string(),
                        value.to_string(),
                    ];
                    out.row(row).await?;
                }
            }
        }
        "participants-votes.csv" => {
            let mut authored: HashMap<i64, usize> = HashMap::new();
            for author in data.authors.values() {
                *authored.entry(*author).or_default() += 1;
            }
            let mut header: Vec<String> = ["participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree"]
                .map(String::from)
                .to_vec();
            header.extend(data.statements.iter().map(|s| s.id.to_string()));
            out.row(header).await?;
            let mut participants = Participants::new(db, c, data).await?;
            while let Some((participant, votes)) = participants.next().await? {
                let mut row = vec![
                    participant.to_string(),
                    data.groups.get(&participant).map(u32::to_string).unwrap_or_default(),
                    authored.get(&participant).copied().unwrap_or_default().to_string(),
                    votes.len().to_string(),
                    votes.values().filter(|v| **v == 1).count().to_string(),
                    votes.values().filter(|v| **v == -1).count().to_string(),
                ];
                row.extend(data.statements.iter().map(|s| votes.get(&s.id).map(i64::to_string).unwrap_or_default()));
                out.row(row).await?;
            }
        }
        _ => write_json(db, c, data, &mut out).await?,
    }
    out.finish().await
}

/// `consultation.json`: the consultation, its statements, every vote and the opinion groups, written as it is read.
async fn write_json(db: &Db, c: &Consultation, data: &Data, out: &mut Out) -> Result<(), AppError> {
    let json = |v: &serde_json::Value| serde_json::to_vec(v).map_err(|e| AppError::Internal(e.into()));
    let statements: Vec<serde_json::Value> = data
        .statements
        .iter()
        .map(|s| {
            json!({ "id": s.id, "text": if s.status == Status::Rejected { None } else { Some(&s.text) },
            "lang": s.lang, "status": s.status, "seed": s.seed, "translations": s.translations })
        })
        .collect();
    out.raw(br#"{"consultation":"#).await?;
    out.raw(&json(&json!(c))?).await?;
    out.raw(br#","statements":"#).await?;
    out.raw(&json(&json!(statements))?).await?;
    out.raw(br#","votes":["#).await?;
    let mut first = true;
    let mut votes = Votes::new(db, c, data);
    while let Some(chunk) = votes.next_chunk().await? {
        let mut bytes = Vec::new();
        for (_, participant, statement, value, at) in chunk {
            if !std::mem::take(&mut first) {
                bytes.push(b',');
            }
            let vote =
                json!({ "participant": participant, "statement": statement, "vote": value, "timestamp": minute(at) });
            bytes.extend(json(&vote)?);
        }
        out.raw(&bytes).await?;
    }
    out.raw(br#"],"groups":"#).await?;
    out.raw(&json(&json!(data.groups))?).await?;
    out.raw(b"}").await
}

/// Downloads an export file of a consultation; results kept until closing are kept from the files too.
#[utoipa::path(get, path = "/consultations/{id}/export/{file}", tag = "open data",
    params(("id" = i64, Path), ("file" = String, Path, description = "summary.csv, comments.csv, votes.csv, participants-votes.csv or consultation.json")),
    responses((status = 200, description = "The file", content_type = "text/csv"),
        (status = 403, body = crate::platform::web::error::ErrorBody),
        (status = 404, body = crate::platform::web::error::ErrorBody)))]
pub async fn download(
    State(state): State<Platform>,
    State(runtime): State<super::Runtime>,
    headers: HeaderMap,
    Path((id, file)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    let c = store::consultation(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let user = session::current_user(&state, &headers).await?;
    if !c.results_public() && !moderates(&state.db, user.as_ref(), c.body_id).await? {
        return Err(AppError::Forbidden);
    }
    let path = runtime.exports.file(&state.db, &c, &file).await?;
    let content_type = if file.ends_with(".json") { "application/json" } else { "text/csv; charset=utf-8" };
    let opened = tokio::fs::File::open(&path).await.map_err(anyhow::Error::from)?;
    let length = opened.metadata().await.map_err(anyhow::Error::from)?.len();
    let disposition = format!("inline; filename=\"birlik-consultation-{id}-{}\"", file.replace(['"', '\\'], ""));
    let response = (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CONTENT_LENGTH, length.to_string()),
        ],
        HttpBody::from_stream(ReaderStream::new(opened)),
    )
        .into_response();
    Ok(super::api::hidden_stays_private(&c, response))
}
