//! `birlik import associations|members FILE.csv`: checks every row first and reports every problem with its
//! row number; imports all rows or none. Memberships go in one transaction; associations, which come by the hundred
//! thousand, in short transactions shown all at once by the last (`platform::staged`), so that votes never wait
//! behind an import for long.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use indicatif::{ProgressBar, ProgressStyle};
use serde::Deserialize;

use crate::commands::{Globals, open_db};
use crate::platform::i18n::Lang;
use crate::platform::staged;
use crate::platform::web::FieldError;
use crate::registry::input::{self, AssociationFields, MembershipFields, Refs};
use crate::registry::store;

#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    /// Columns: level, region_code, name_kk, name_ru, name_en, founded_year, website, groups (slugs separated by `;`).
    Associations {
        file: PathBuf,
        /// Language of the problem report: kk, ru or en.
        #[arg(long, default_value = "kk")]
        lang: String,
    },
    /// Columns: body_id, person_name, position, term_start, term_end, association_id (person_id optional).
    Members {
        file: PathBuf,
        #[arg(long, default_value = "kk")]
        lang: String,
    },
}

/// A problem found in the file: the line its row starts on (the header is line 1; a quoted field may span
/// lines) and what is wrong.
#[derive(Debug, PartialEq)]
pub struct Problem {
    pub row: u64,
    pub field: String,
    pub message: String,
}

impl Problem {
    /// The report line, e.g. `row 3: region_code: No such region.`, in `lang`.
    pub fn localized(&self, lang: Lang) -> String {
        lang.t_args(
            "import-problem",
            &[
                ("row", i64::try_from(self.row).unwrap_or(i64::MAX).into()),
                ("field", self.field.as_str().into()),
                ("message", self.message.as_str().into()),
            ],
        )
    }
}

#[derive(Deserialize)]
struct AssociationRow {
    #[serde(default)]
    level: String,
    #[serde(default)]
    region_code: String,
    #[serde(default)]
    name_kk: String,
    #[serde(default)]
    name_ru: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    founded_year: String,
    #[serde(default)]
    website: String,
    #[serde(default)]
    groups: String,
}

impl From<AssociationRow> for AssociationFields {
    fn from(r: AssociationRow) -> AssociationFields {
        AssociationFields {
            level: r.level,
            region_code: r.region_code,
            name_kk: r.name_kk,
            name_ru: r.name_ru,
            name_en: r.name_en,
            founded_year: r.founded_year,
            website: r.website,
            groups: vec![r.groups],
        }
    }
}

fn progress(len: usize, lang: Lang) -> ProgressBar {
    let bar = ProgressBar::new(len as u64);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} rows ({per_sec})")
            .expect("valid progress template")
            .progress_chars("=> "),
    );
    bar.set_message(lang.t("import-checking"));
    bar
}

/// The columns a file of one kind has: all the required ones, any of the optional ones, nothing else.
pub struct Columns {
    pub required: &'static [&'static str],
    pub optional: &'static [&'static str],
}

const ASSOCIATION_COLUMNS: Columns = Columns {
    required: &["level", "region_code", "name_kk", "name_ru", "name_en", "founded_year", "website", "groups"],
    optional: &[],
};

const MEMBER_COLUMNS: Columns = Columns {
    required: &["body_id", "person_name", "position", "term_start", "term_end", "association_id"],
    optional: &["person_id"],
};

/// The problems of a header, by column name: an unknown column (its values would be dropped unseen), one listed
/// twice, a missing one. A header with problems is reported alone: its rows would only repeat them.
fn check_header(headers: &csv::StringRecord, columns: &Columns, lang: Lang) -> Vec<Problem> {
    let known: Vec<&str> = columns.required.iter().chain(columns.optional).copied().collect();
    let listed = [("columns", known.join(", ").into())];
    let problem = |field: &str, message: String| Problem { row: 1, field: field.to_owned(), message };
    let mut problems = Vec::new();
    for (i, name) in headers.iter().enumerate() {
        if !known.contains(&name) {
            problems.push(problem(name, lang.t_args("import-unknown-column", &listed)));
        } else if headers.iter().take(i).any(|earlier| earlier == name) {
            problems.push(problem(name, lang.t("import-duplicate-column")));
        }
    }
    for name in columns.required.iter().filter(|name| !headers.iter().any(|h| h == **name)) {
        problems.push(problem(name, lang.t_args("import-missing-column", &listed)));
    }
    problems
}

/// Reads and checks the header and every row of a CSV file; returns the checked rows, or every problem found.
pub fn check_rows<R, T>(
    reader: impl std::io::Read,
    columns: &Columns,
    lang: Lang,
    bar: &ProgressBar,
    mut check: impl FnMut(R) -> Result<T, Vec<FieldError>>,
) -> Result<Vec<T>, Vec<Problem>>
where
    R: for<'de> Deserialize<'de>,
{
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(reader);
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(e) => return Err(vec![Problem { row: 1, field: "csv".into(), message: e.to_string() }]),
    };
    let header_problems = check_header(&headers, columns, lang);
    if !header_problems.is_empty() {
        return Err(header_problems);
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    // The row number is the line the record starts on, read from the parser: a quoted field may span lines.
    let mut next_line = 2;
    for record in reader.records() {
        let (row, parsed) = match record {
            Ok(record) => {
                let row = record.position().map_or(next_line, |p| p.line());
                (row, record.deserialize::<R>(Some(&headers)).map_err(|e| e.to_string()))
            }
            Err(e) => (e.position().map_or(next_line, |p| p.line()), Err(e.to_string())),
        };
        next_line = row + 1;
        match parsed {
            Ok(parsed) => match check(parsed) {
                Ok(value) => rows.push(value),
                Err(errors) => problems.extend(errors.iter().map(|e| Problem {
                    row,
                    field: e.field.to_owned(),
                    message: e.message(lang),
                })),
            },
            Err(message) => problems.push(Problem { row, field: "csv".into(), message }),
        }
        bar.inc(1);
    }
    if problems.is_empty() { Ok(rows) } else { Err(problems) }
}

/// The whole file, or an error that names it (the system's message alone, "Is a directory", does not).
fn read(path: &Path, lang: Lang) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        let args = [("file", path.display().to_string().into()), ("error", e.to_string().into())];
        anyhow::anyhow!("{}", lang.t_args("import-cannot-read", &args))
    })
}

fn count_rows(text: &[u8]) -> usize {
    text.iter().filter(|b| **b == b'\n').count().saturating_sub(1)
}

pub async fn run(cli: &Globals, command: &ImportCommand) -> anyhow::Result<()> {
    let (file, lang) = match command {
        ImportCommand::Associations { file, lang } | ImportCommand::Members { file, lang } => (file, lang),
    };
    let lang = Lang::from_code(lang).ok_or_else(|| anyhow::anyhow!("--lang must be kk, ru or en"))?;
    let text = read(file, lang)?;
    // The database only: a running server holds the search index, and rebuilds it from the database at start.
    let db = open_db(cli).await?;
    let refs = Refs::load(&db).await?;
    let bar = progress(count_rows(&text), lang);
    let reader = text.as_slice();
    let imported = match command {
        ImportCommand::Associations { .. } => {
            let checked = check_rows::<AssociationRow, _>(reader, &ASSOCIATION_COLUMNS, lang, &bar, |row| {
                input::check_association(&row.into(), &refs)
            });
            let rows = report(checked, lang, &bar)?;
            bar.set_message(lang.t("import-writing"));
            bar.set_position(0);
            store::import_associations(&db, rows, store::ROWS_PER_CHUNK, |written| bar.set_position(written as u64))
                .await
                .map_err(|e| match e.downcast_ref::<staged::Abandoned>() {
                    Some(_) => anyhow::anyhow!("{}", lang.t("import-abandoned")),
                    None => e,
                })?
        }
        ImportCommand::Members { .. } => {
            let persons = store::person_ids(&db).await?;
            let checked = check_rows::<MembershipFields, _>(reader, &MEMBER_COLUMNS, lang, &bar, |row| {
                input::check_membership(&row, &refs, &persons)
            });
            let rows = report(checked, lang, &bar)?;
            bar.set_message(lang.t("import-writing"));
            store::create_memberships(&db, None, &rows).await?.len()
        }
    };
    bar.finish_and_clear();
    let count = i64::try_from(imported).unwrap_or(i64::MAX);
    println!("{}", lang.t_args("import-done", &[("count", count.into()), ("file", file.display().to_string().into())]));
    println!("{}", lang.t("import-search-later"));
    Ok(())
}

fn report<T>(checked: Result<Vec<T>, Vec<Problem>>, lang: Lang, bar: &ProgressBar) -> anyhow::Result<Vec<T>> {
    match checked {
        Ok(rows) => Ok(rows),
        Err(problems) => {
            bar.finish_and_clear();
            for problem in &problems {
                eprintln!("{}", problem.localized(lang));
            }
            let count = i64::try_from(problems.len()).unwrap_or(i64::MAX);
            anyhow::bail!("{}", lang.t_args("import-refused", &[("count", count.into())]))
        }
    }
}
