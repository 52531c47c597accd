//! The command line of the one binary: `serve`, `migrate`, `admin`, `import`, `export`, `backup`, `reindex`.

pub mod calendar;
pub mod consensus;
pub mod import;
pub mod moderation;
pub mod serve;
pub mod text;

use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};

use crate::accounts::password;
use crate::platform::Settings;
use crate::platform::db::Db;
use crate::platform::identity::{Role, store as accounts};

#[derive(Parser, Debug)]
#[command(name = "birlik", version, about = "The open platform of an assembly of peoples")]
pub struct Cli {
    #[command(flatten)]
    pub globals: Globals,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(clap::Args, Debug)]
pub struct Globals {
    /// Where the embedded database, the search index and backups live.
    #[arg(long, global = true, env = "BIRLIK_DATA_DIR", default_value = "birlik-data")]
    pub data_dir: PathBuf,
    /// `postgres://…` for PostgreSQL, `sqlite:…` for another SQLite file; default: SQLite in the data directory.
    #[arg(long, global = true, env = "BIRLIK_DATABASE_URL")]
    pub database_url: Option<String>,
    /// Log lines as text or as JSON objects.
    #[arg(long, global = true, env = "BIRLIK_LOG_FORMAT", value_enum, default_value = "text")]
    pub log_format: LogFormat,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the web server.
    Serve(serve::ServeArgs),
    /// Apply database migrations and load the reference data, then exit.
    Migrate {
        /// Also seed the fictional demo content into an empty registry.
        #[arg(long)]
        demo: bool,
    },
    /// Accounts and roles.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Import a CSV file: every row is checked first; all rows are imported or none.
    #[command(subcommand)]
    Import(import::ImportCommand),
    /// Write an open-data file (e.g. `associations.csv`, `members.json`, `popolo.json`) to standard output or a file.
    Export {
        file: String,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write a consistent copy of the SQLite database to FILE, and the documents' files to FILE.files/, while the
    /// server runs.
    Backup { file: PathBuf },
    /// Rebuild the search index from the database.
    Reindex,
    /// Consultations: load a Pol.is export as a closed consultation.
    #[command(subcommand)]
    Consultations(ConsultationsCommand),
    /// The consensus engine: opinion groups, bridging statements and cross-group unity of a conversation.
    #[command(subcommand)]
    Consensus(consensus::ConsensusCommand),
    /// The Kazakh language toolkit on standard input: transliterate, detect the language, stem.
    #[command(subcommand)]
    Text(text::TextCommand),
    /// Kazakhstan's working days: the days off of a year, or a due date N working days after a date.
    Calendar(calendar::CalendarArgs),
    /// Moderation: test a lexicon of flagged terms on lines of standard input.
    #[command(subcommand)]
    Moderation(moderation::ModerationCommand),
}

#[derive(Subcommand, Debug)]
pub enum AdminCommand {
    /// Create a user with a role. The password comes from BIRLIK_PASSWORD, or is generated and printed.
    CreateUser {
        #[arg(long)]
        email: String,
        #[arg(long, value_enum)]
        role: RoleArg,
        /// The body of a secretariat or member role.
        #[arg(long)]
        body: Option<i64>,
        #[arg(long)]
        name: Option<String>,
        #[arg(long, env = "BIRLIK_PASSWORD", hide_env_values = true)]
        password: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum ConsultationsCommand {
    /// Load a Pol.is export (DIR/comments.csv, DIR/votes.csv, DIR/summary.csv) as a closed consultation of a body,
    /// all or nothing, and analyse it.
    ImportPolis {
        dir: PathBuf,
        /// The body the consultation belongs to.
        #[arg(long)]
        body: i64,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum RoleArg {
    Admin,
    Secretariat,
    Member,
    Participant,
}

pub fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("BIRLIK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,tantivy=warn,sqlx=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

/// Opens the database, brings its schema up to date and loads the reference data.
pub async fn open_db(cli: &Globals) -> anyhow::Result<Db> {
    let db = Db::connect(cli.database_url.as_deref(), &cli.data_dir).await?;
    db.migrate().await?;
    crate::app::load_reference(&db).await?;
    Ok(db)
}

pub fn settings(cli: &Globals) -> Settings {
    Settings { data_dir: cli.data_dir.clone(), ..Settings::default() }
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        // The analysis is CPU-bound with its own threads, and needs no database.
        Command::Consensus(command) => consensus::run(command),
        Command::Text(command) => text::run(&command, std::io::stdin().lock(), std::io::stdout().lock()),
        Command::Calendar(args) => calendar::run(&args, std::io::stdout().lock()),
        Command::Moderation(command) => moderation::run(&command, std::io::stdin().lock(), std::io::stdout().lock()),
        command => run_with_data(&cli.globals, &command).await,
    }
}

async fn run_with_data(cli: &Globals, command: &Command) -> anyhow::Result<()> {
    match command {
        Command::Serve(args) => serve::run(cli, args).await,
        Command::Migrate { demo } => {
            let db = open_db(cli).await?;
            let now_ms = crate::platform::jobs::Clock::now_ms(&crate::platform::jobs::SystemClock);
            // The mediation key is checked (or, for a new database, created) before anything is sealed.
            let seal = crate::platform::seal::Sealer::new(&cli.data_dir);
            seal.check(&db).await?;
            if *demo && crate::app::load_demo(&db, now_ms, &seal).await? {
                println!("demo content seeded");
            }
            println!("database is up to date ({})", db.backend());
            Ok(())
        }
        Command::Admin(AdminCommand::CreateUser { email, role, body, name, password: given }) => {
            let db = open_db(cli).await?;
            let role = match (role, body) {
                (RoleArg::Admin, _) => Role::Admin,
                (RoleArg::Participant, _) => Role::Participant,
                (RoleArg::Secretariat, Some(body_id)) => Role::Secretariat { body_id: *body_id },
                (RoleArg::Member, Some(body_id)) => Role::Member { body_id: *body_id },
                (_, None) => anyhow::bail!("a secretariat or member role needs --body ID"),
            };
            let email = crate::platform::identity::Email::parse(email)
                .ok_or_else(|| anyhow::anyhow!("not an e-mail address (ASCII, name@example.kz): {email}"))?;
            if let Some(body_id) = role.body_id() {
                anyhow::ensure!(
                    crate::registry::store::body(&db, body_id).await?.is_some(),
                    "no body with id {body_id}"
                );
            }
            let (secret, generated) = match given {
                Some(p) => (p.clone(), false),
                None => (generate_password(), true),
            };
            anyhow::ensure!(
                secret.chars().count() >= password::MIN_LENGTH,
                "the password needs at least {} characters",
                password::MIN_LENGTH
            );
            let hash = password::hash(secret.clone()).await?;
            let display =
                name.clone().unwrap_or_else(|| email.typed().split('@').next().unwrap_or_default().to_owned());
            // An operator vouches for the address of an account he makes.
            match accounts::create(&db, &email, &display, &hash, std::slice::from_ref(&role), true, None).await? {
                Some(id) => println!("created user {id} <{}> as {}", email.typed(), role.name()),
                None => {
                    let user =
                        accounts::find_by_email(&db, &email).await?.ok_or_else(|| anyhow::anyhow!("user vanished"))?;
                    accounts::grant(&db, user.id, &role).await?;
                    println!("user {} <{}> exists; granted {}", user.id, email.typed(), role.name());
                    return Ok(());
                }
            }
            if generated {
                println!("password: {secret}");
            }
            Ok(())
        }
        Command::Import(command) => import::run(cli, command).await,
        Command::Export { file, out } => {
            let db = open_db(cli).await?;
            let (_, bytes) = crate::registry::export::render(&db, &crate::app::open_data(), file)
                .await
                .map_err(|e| anyhow::anyhow!("cannot export {file}: {e}"))?;
            match out {
                Some(path) => std::fs::write(path, bytes)?,
                None => std::io::Write::write_all(&mut std::io::stdout(), &bytes)?,
            }
            Ok(())
        }
        Command::Consultations(ConsultationsCommand::ImportPolis { dir, body }) => {
            let db = open_db(cli).await?;
            let id = crate::consultations::import::import_polis(&db, dir, *body).await?;
            println!("imported {} as consultation {id}", dir.display());
            Ok(())
        }
        Command::Backup { file } => {
            let db = open_db(cli).await?;
            let files = backup_files_dir(file);
            anyhow::ensure!(!files.exists(), "backup target already exists: {}", files.display());
            db.backup_to(file).await?;
            // After the database: files are never changed and each reaches its place before its row commits, so
            // every document the copy of the database names is in the files copied now.
            let copied = crate::platform::files::storage::Storage::new(&cli.data_dir)
                .copy_to(&files)
                .with_context(|| format!("cannot copy the documents to {}", files.display()))?;
            println!("backup written to {} and {copied} document files to {}", file.display(), files.display());
            let mut key = file.as_os_str().to_owned();
            key.push(".mediation.key");
            let key = PathBuf::from(key);
            if crate::platform::seal::Sealer::new(&cli.data_dir).copy_key_to(&key)? {
                println!(
                    "the mediation key is copied to {}: keep it apart from the database copy (together they open every case)",
                    key.display()
                );
            }
            Ok(())
        }
        Command::Consensus(_) | Command::Text(_) | Command::Calendar(_) | Command::Moderation(_) => {
            unreachable!("run() handles the commands without data")
        }
        Command::Reindex => {
            let state = app_state(cli).await.context(
                "the search index is in use: stop the server first (it also rebuilds the index when it starts)",
            )?;
            let n = crate::registry::reindex(&state.platform).await?;
            println!("search index rebuilt: {n} documents");
            Ok(())
        }
    }
}

/// Where `birlik backup FILE` puts the documents' files: `FILE.files/`, in the layout of `data_dir/files/`.
pub fn backup_files_dir(file: &std::path::Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".files");
    PathBuf::from(name)
}

pub async fn app_state(cli: &Globals) -> anyhow::Result<crate::app::AppState> {
    let db = open_db(cli).await?;
    crate::app::state(db, settings(cli), false)
}

fn generate_password() -> String {
    use base64::Engine;
    use rand::RngCore;
    let mut bytes = [0u8; 15];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}
