//! `birlik consultations import-polis DIR --body ID`: a Pol.is export (`comments.csv`, `votes.csv`, and
//! `summary.csv` when present) loaded as a closed consultation of a body, in one transaction, then analysed, so
//! that a conversation held elsewhere can be read in Birlik.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Context;

use super::input::{ConsultationInput, MAX_DESCRIPTION, MAX_STATEMENT};
use super::model::language_of;
use super::model::{Moderation, Multilingual, Participation, ResultsShown, Status, day_of, rfc3339_of_ms, time_of_ms};
use super::store::{self, ImportedStatement, ImportedVote};
use crate::platform::db::Db;
use crate::platform::validate;

/// The earliest time an export may carry (Pol.is began in 2012; anything before 2000 is a broken file).
const EARLIEST_MS: i64 = 946_684_800_000;

/// A time of the export in Unix milliseconds, refused unless it lies between 2000 and tomorrow.
fn time_ms(value: &str, place: impl Fn() -> String) -> anyhow::Result<i64> {
    let ms: i64 = value.trim().parse().with_context(|| format!("{}: timestamp `{value}` is not a number", place()))?;
    let latest = crate::consultations::votes::now_ms() + 86_400_000;
    anyhow::ensure!(
        (EARLIEST_MS..=latest).contains(&ms),
        "{}: timestamp {ms} is not a time between 2000 and today (Unix milliseconds)",
        place()
    );
    Ok(ms)
}

fn column(headers: &csv::StringRecord, name: &str) -> anyhow::Result<usize> {
    headers.iter().position(|h| h.trim() == name).with_context(|| format!("missing column `{name}`"))
}

/// Hidden characters other than line breaks (`validate::is_hidden`, the policy of everything typed) are dropped:
/// imported text is shown as plain text, like what participants type.
fn clean(text: &str) -> String {
    let kept = |c: &char| *c == '\n' || !crate::platform::validate::is_hidden(*c);
    text.chars().filter(kept).collect::<String>().trim().to_owned()
}

/// The topic, description and address of `summary.csv` (two columns: key, value).
fn summary(dir: &Path) -> anyhow::Result<(Option<String>, Option<String>, Option<String>)> {
    let path = dir.join("summary.csv");
    if !path.exists() {
        return Ok((None, None, None));
    }
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_path(&path)?;
    let (mut topic, mut description, mut url) = (None, None, None);
    for record in reader.records() {
        let record = record?;
        let value = record.get(1).map(clean).filter(|v| !v.is_empty());
        match record.get(0).map(str::trim) {
            Some("topic") => topic = value,
            Some("conversation-description") => description = value,
            Some("url") => url = value,
            _ => {}
        }
    }
    Ok((topic, description, url))
}

/// Text in the language it is written in; other languages are kept under English, where readers of every
/// language look when theirs is missing last.
fn multilingual(text: Option<String>) -> Multilingual {
    let Some(text) = text else { return Multilingual::default() };
    match language_of(&text) {
        "kk" => Multilingual { kk: Some(text), ..Default::default() },
        "ru" => Multilingual { ru: Some(text), ..Default::default() },
        _ => Multilingual { en: Some(text), ..Default::default() },
    }
}

/// Imports the export in `dir` for `body`; returns the new consultation's id.
pub async fn import_polis(db: &Db, dir: &Path, body: i64) -> anyhow::Result<i64> {
    anyhow::ensure!(crate::registry::store::body(db, body).await?.is_some(), "body {body} does not exist");
    let mut comments = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(dir.join("comments.csv"))
        .with_context(|| format!("{}/comments.csv", dir.display()))?;
    let h = comments.headers()?.clone();
    let (id, body_col, moderated) =
        (column(&h, "comment-id")?, column(&h, "comment-body")?, column(&h, "moderated").ok());
    let (at, author, meta) = (column(&h, "timestamp").ok(), column(&h, "author-id").ok(), column(&h, "is-meta").ok());
    let mut statements = Vec::new();
    let mut lines_of: HashMap<String, usize> = HashMap::new();
    for (line, record) in comments.records().enumerate() {
        let place = || format!("comments.csv, line {}", line + 2);
        let record = record.with_context(place)?;
        let get = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or("").trim().to_owned();
        let text = clean(&get(Some(body_col)));
        // Checked as the forms check a statement: a comment must say something, in at most MAX_STATEMENT characters.
        anyhow::ensure!(!text.is_empty(), "{}: the comment is empty", place());
        let length = text.chars().count();
        anyhow::ensure!(
            length <= MAX_STATEMENT,
            "{}: the comment has {length} characters (at most {MAX_STATEMENT})",
            place()
        );
        let external_id = get(Some(id));
        anyhow::ensure!(!external_id.is_empty(), "{}: the comment has no comment-id", place());
        if let Some(first) = lines_of.insert(external_id.clone(), line + 2) {
            anyhow::bail!("{}: comment-id {external_id} was already given on line {first}", place());
        }
        let ms = match at.map(|c| get(Some(c))).filter(|t| !t.is_empty()) {
            Some(t) => Some(time_ms(&t, place)?),
            None => None,
        };
        statements.push(ImportedStatement {
            lang: language_of(&text).to_owned(),
            text,
            external_id,
            author: Some(get(author)).filter(|a| !a.is_empty()),
            status: if get(moderated) == "-1" { Status::Rejected } else { Status::Published },
            is_meta: matches!(get(meta).as_str(), "1" | "true" | "True" | "TRUE"),
            created_at: ms.and_then(rfc3339_of_ms).unwrap_or_else(crate::platform::db::now),
        });
    }
    // Some public exports ship only `participants-votes.csv`, the matrix of last votes: read it when the log is
    // missing. It has no times: every vote is dated at the last comment (the analysis needs no more; a replay
    // would need the log).
    let votes = if dir.join("votes.csv").exists() || !dir.join("participants-votes.csv").exists() {
        log_votes(dir)?
    } else {
        let at = statements
            .iter()
            .filter_map(|s| {
                time::OffsetDateTime::parse(&s.created_at, &time::format_description::well_known::Rfc3339).ok()
            })
            .map(|t| i64::try_from(t.unix_timestamp_nanos() / 1_000_000).unwrap_or(0))
            .max()
            .unwrap_or_else(crate::consultations::votes::now_ms);
        matrix_votes(dir, at)?
    };
    anyhow::ensure!(!votes.is_empty(), "the export holds no vote");
    let first = votes.iter().map(|v| v.at).min().unwrap_or(0);
    let last = votes.iter().map(|v| v.at).max().unwrap_or(0);
    let (topic, description, url) = summary(dir)?;
    let too_long = |text: &Option<String>, max: usize| text.as_ref().is_some_and(|t| t.chars().count() > max);
    anyhow::ensure!(
        !too_long(&topic, validate::MAX_LINE),
        "summary.csv: the topic is longer than {} characters",
        validate::MAX_LINE
    );
    anyhow::ensure!(
        !too_long(&url, validate::MAX_LINE),
        "summary.csv: the url is longer than {} characters",
        validate::MAX_LINE
    );
    anyhow::ensure!(
        !too_long(&description, MAX_DESCRIPTION),
        "summary.csv: the description is longer than {MAX_DESCRIPTION} characters"
    );
    let topic = topic.or_else(|| dir.file_name().map(|n| n.to_string_lossy().into_owned()));
    let input = ConsultationInput {
        body_id: body,
        question: multilingual(topic),
        description: multilingual(description),
        opens_on: day_of(time_of_ms(first).unwrap_or(time::OffsetDateTime::UNIX_EPOCH)),
        closes_on: day_of(time_of_ms(last).unwrap_or(time::OffsetDateTime::UNIX_EPOCH)),
        moderation: Moderation::Publish,
        participation: Participation::Anyone,
        ask_region: false,
        ask_ethnic_group: false,
        ask_language: false,
        results: ResultsShown::Running,
        // The export's address when it names one; never a path of this server.
        source: url,
    };
    let id = store::import(db, &input, &statements, &votes).await?;
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    super::analysis::Analyst::new(cores).refresh(db, id).await?;
    Ok(id)
}

/// The votes of `votes.csv`, the export's log, with their times.
fn log_votes(dir: &Path) -> anyhow::Result<Vec<ImportedVote>> {
    let mut votes_csv =
        csv::Reader::from_path(dir.join("votes.csv")).with_context(|| format!("{}/votes.csv", dir.display()))?;
    let h = votes_csv.headers()?.clone();
    let (t, c, p, v) =
        (column(&h, "timestamp")?, column(&h, "comment-id")?, column(&h, "voter-id")?, column(&h, "vote")?);
    let mut votes = Vec::new();
    for (line, record) in votes_csv.records().enumerate() {
        let record = record.with_context(|| format!("votes.csv, line {}", line + 2))?;
        let value = match record[v].trim() {
            "1" | "1.0" => 1,
            "-1" | "-1.0" => -1,
            "0" | "0.0" => 0,
            other => anyhow::bail!("votes.csv, line {}: vote `{other}` is not 1, -1 or 0", line + 2),
        };
        let at = time_ms(&record[t], || format!("votes.csv, line {}", line + 2))?;
        votes.push(ImportedVote {
            voter: record[p].trim().to_owned(),
            statement: record[c].trim().to_owned(),
            value,
            at,
        });
    }
    Ok(votes)
}

/// The last votes of `participants-votes.csv`, all dated `at`.
fn matrix_votes(dir: &Path, at: i64) -> anyhow::Result<Vec<ImportedVote>> {
    let path = dir.join("participants-votes.csv");
    let file = std::fs::File::open(&path).with_context(|| path.display().to_string())?;
    let votes =
        ::consensus::io::polis_matrix_votes(file).map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e.0))?;
    Ok(votes
        .into_iter()
        .map(|(voter, statement, value)| ImportedVote { voter, statement, value: i64::from(value), at })
        .collect())
}
