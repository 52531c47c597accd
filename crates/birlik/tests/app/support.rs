//! `TestApp`: a real server on a free port, with its own database, and helpers to talk to it.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use birlik::accounts::password;
use birlik::app::AppState;
use birlik::platform::Settings;
use birlik::platform::db::Db;
use birlik::platform::identity::{Role, store as accounts};
use birlik::platform::jobs::{Jobs, ManualClock};
use birlik::platform::search::SearchIndex;
use reqwest::StatusCode;
use serde_json::Value;
use sqlx::Connection;
use tokio::sync::OnceCell;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// What a test's database holds when it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seed {
    /// The schema only.
    Migrated,
    /// The schema and the reference data (regions, ethnic groups).
    Reference,
    /// The schema, the reference data and the fictional demo registry.
    Demo,
}

impl Seed {
    fn name(self) -> &'static str {
        match self {
            Seed::Migrated => "migrated",
            Seed::Reference => "reference",
            Seed::Demo => "demo",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// Loads what this seed holds beyond the schema into a migrated database.
    async fn load(self, db: &Db) {
        if self != Seed::Migrated {
            birlik::app::load_reference(db).await.expect("reference data loads");
        }
        if self == Seed::Demo {
            birlik::registry::seed::load_demo(db).await.expect("demo loads");
        }
    }
}

pub struct TestApp {
    pub address: SocketAddr,
    pub state: AppState,
    pub client: reqwest::Client,
    /// The clock the timers read: tests move it (`advance`) and call `state.platform.jobs.run_due_now()`.
    pub clock: ManualClock,
    server: tokio::task::JoinHandle<()>,
    dir: Option<tempfile::TempDir>,
    pg_database: Option<String>,
}

/// A [`TestApp`] stopped (server and job worker gone, connections closed) with its database kept, to be started
/// again on the same database and clock.
pub struct Stopped {
    pub clock: ManualClock,
    dir: tempfile::TempDir,
    pg_database: Option<String>,
}

impl Stopped {
    /// Starts again; `register` adds job handlers before the worker starts (handlers live in memory).
    pub async fn start(self, register: impl FnOnce(&Jobs)) -> TestApp {
        let db = open(self.dir.path(), self.pg_database.as_deref()).await;
        db.migrate().await.expect("migrations run");
        TestApp::boot(db, self.dir, self.pg_database, None, self.clock, |_| {}, register).await
    }
}

const PG_ADMIN_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

fn pg_url(name: &str) -> String {
    format!("postgres://postgres@127.0.0.1:5432/{name}")
}

/// Opens a test's database: the SQLite file in `dir`, or the PostgreSQL database `pg_database`.
async fn open(dir: &Path, pg_database: Option<&str>) -> Db {
    match pg_database {
        None => Db::connect(None, dir).await.expect("sqlite opens"),
        Some(name) => Db::connect(Some(&pg_url(name)), dir).await.expect("postgres opens"),
    }
}

/// In CI a missing PostgreSQL is a failure; elsewhere the PostgreSQL half of a test is skipped, and says so.
pub async fn postgres_available() -> bool {
    let reachable = match sqlx::PgConnection::connect(PG_ADMIN_URL).await {
        Ok(connection) => connection.close().await.is_ok(),
        Err(_) => false,
    };
    if !reachable {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("PostgreSQL at 127.0.0.1:5432 is required in CI (CI=true) but is not reachable");
        }
        eprintln!("SKIPPED: PostgreSQL at 127.0.0.1:5432 is not reachable; the PostgreSQL run of this test is skipped");
    }
    reachable
}

/// Runs each named test, `async fn name(app: TestApp)` in the calling module, once on SQLite and once on
/// PostgreSQL (skipped, saying so, when PostgreSQL is absent outside CI), each on a copy of the demo.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test]
            async fn $name() {
                super::$name($crate::support::TestApp::start($crate::support::Backend::Sqlite, true).await).await
            })*
        }
        mod postgres {
            $(#[tokio::test]
            async fn $name() {
                if $crate::support::postgres_available().await {
                    super::$name($crate::support::TestApp::start($crate::support::Backend::Postgres, true).await).await
                }
            })*
        }
    };
}

// ---- template databases ----------------------------------------------------------------------------------------
//
// Migrating and seeding the demo takes far longer than copying the result, so each seed is made once and copied
// for each test: SQLite as a file (made by `VACUUM INTO`, so no WAL is left behind), PostgreSQL with
// `CREATE DATABASE … TEMPLATE`. A template is named after this test binary (its path, size and time), which holds
// the migrations, the reference data and the demo generator: a rebuilt binary makes new templates, and test
// processes of the same binary (nextest runs one per test) share them. Templates unused for an hour are removed.

/// How long a template of another build is kept after its last use.
const TEMPLATE_KEPT: std::time::Duration = std::time::Duration::from_secs(3600);

/// Names this build of the test binary.
fn build_key() -> &'static str {
    static KEY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    KEY.get_or_init(|| {
        use std::hash::{Hash, Hasher};
        let exe = std::env::current_exe().expect("the test binary's path");
        let meta = std::fs::metadata(&exe).expect("the test binary's metadata");
        // DefaultHasher::new() has fixed keys: every process of this binary computes the same name.
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        exe.hash(&mut hasher);
        meta.len().hash(&mut hasher);
        meta.modified().ok().hash(&mut hasher);
        format!("{:016x}", hasher.finish())
    })
}

fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// The SQLite template of `seed` for this build, made on first use.
async fn sqlite_template(seed: Seed) -> &'static Path {
    static TEMPLATES: [OnceCell<PathBuf>; 3] = [const { OnceCell::const_new() }; 3];
    TEMPLATES[seed.index()].get_or_init(|| make_sqlite_template(seed)).await
}

async fn make_sqlite_template(seed: Seed) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("birlik-templates");
    let dir = root.join(build_key());
    std::fs::create_dir_all(&dir).expect("template directory");
    let file = dir.join(format!("{}.sqlite3", seed.name()));
    if !file.exists() {
        let work = tempfile::tempdir_in(&dir).expect("template work directory");
        let db = Db::connect(None, work.path()).await.expect("sqlite opens");
        db.migrate().await.expect("migrations run");
        seed.load(&db).await;
        // A whole, checkpointed copy, renamed into place: another process sees the template complete or not at all.
        let partial = dir.join(format!("{}.{}.partial", seed.name(), std::process::id()));
        let _ = std::fs::remove_file(&partial);
        db.backup_to(&partial).await.expect("template written");
        db.close().await;
        std::fs::rename(&partial, &file).expect("template in place");
    }
    std::fs::write(dir.join("used"), unix_now().to_string()).expect("template use noted");
    // Templates of other builds unused for an hour go.
    for entry in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        let used = std::fs::metadata(entry.path().join("used")).and_then(|m| m.modified());
        let stale = used.map_or(true, |t| t.elapsed().is_ok_and(|age| age > TEMPLATE_KEPT));
        if entry.path() != dir && stale {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    file
}

/// The PostgreSQL template database of `seed` for this build, made on first use.
async fn pg_template(seed: Seed) -> &'static str {
    static TEMPLATES: [OnceCell<String>; 3] = [const { OnceCell::const_new() }; 3];
    TEMPLATES[seed.index()].get_or_init(|| make_pg_template(seed)).await
}

/// The advisory lock under which test processes (of this build or another, sharing the server) make and remove
/// templates.
const TEMPLATE_LOCK: i64 = 0x6269_726c_696b_7470; // "birliktp"

async fn make_pg_template(seed: Seed) -> String {
    let name = format!("birlik_tpl_{}_{}", seed.name(), build_key());
    let mut admin = sqlx::PgConnection::connect(PG_ADMIN_URL).await.expect("postgres reachable");
    sqlx::query("SELECT pg_advisory_lock($1)").bind(TEMPLATE_LOCK).execute(&mut admin).await.expect("lock");
    let ready: Option<bool> = sqlx::query_scalar("SELECT datistemplate FROM pg_database WHERE datname = $1")
        .bind(&name)
        .fetch_optional(&mut admin)
        .await
        .expect("templates listed");
    if ready != Some(true) {
        // Absent, or left half made by a process that died (it is marked a template only when complete).
        execute(&mut admin, format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
        execute(&mut admin, format!("CREATE DATABASE {name}")).await;
        let db = Db::connect(Some(&pg_url(&name)), Path::new(".")).await.expect("postgres opens");
        db.migrate().await.expect("migrations run");
        seed.load(&db).await;
        db.close().await;
        execute(&mut admin, format!("ALTER DATABASE {name} IS_TEMPLATE true")).await;
    }
    execute(&mut admin, format!("COMMENT ON DATABASE {name} IS 'birlik test template, used {}'", unix_now())).await;
    // Templates of other builds unused for an hour go (a test process lives minutes).
    let others: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT datname::text, shobj_description(oid, 'pg_database') FROM pg_database
         WHERE datname LIKE 'birlik\\_tpl\\_%' AND datname <> $1",
    )
    .bind(&name)
    .fetch_all(&mut admin)
    .await
    .expect("templates listed");
    for (other, comment) in others {
        let used = comment.and_then(|c| c.rsplit(' ').next().and_then(|t| t.parse::<u64>().ok())).unwrap_or(0);
        if unix_now().saturating_sub(used) > TEMPLATE_KEPT.as_secs() {
            let _ = sqlx::query(sqlx::AssertSqlSafe(format!("ALTER DATABASE {other} IS_TEMPLATE false")))
                .execute(&mut admin)
                .await;
            let _ =
                sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {other}"))).execute(&mut admin).await;
        }
    }
    // Copies left by test processes that have ended (before their dropper was done, or killed) go too, in the
    // background; one still in use is refused by DROP without FORCE, and stays.
    let copies: Vec<String> =
        sqlx::query_scalar("SELECT datname::text FROM pg_database WHERE datname LIKE 'birlik\\_test\\_%'")
            .fetch_all(&mut admin)
            .await
            .expect("test databases listed");
    for copy in copies {
        let pid = copy.trim_start_matches("birlik_test_").split('_').next().unwrap_or_default();
        if Path::new("/proc/self").exists() && !Path::new("/proc").join(pid).exists() {
            drop_in_background(format!("DROP DATABASE IF EXISTS {copy}"));
        }
    }
    sqlx::query("SELECT pg_advisory_unlock($1)").bind(TEMPLATE_LOCK).execute(&mut admin).await.expect("unlock");
    admin.close().await.expect("admin connection closes");
    name
}

async fn execute(admin: &mut sqlx::PgConnection, sql: String) {
    sqlx::query(sqlx::AssertSqlSafe(sql.clone())).execute(admin).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A new database holding `seed` for one test: SQLite in `dir` (a copy of the template file), or a PostgreSQL
/// database named after this process, made from the template.
async fn new_database(dir: &Path, backend: Backend, seed: Seed) -> (Db, Option<String>) {
    match backend {
        Backend::Sqlite => {
            std::fs::copy(sqlite_template(seed).await, dir.join("birlik.sqlite3")).expect("template copied");
            (Db::connect(None, dir).await.expect("sqlite opens"), None)
        }
        Backend::Postgres => {
            let template = pg_template(seed).await;
            let name = format!("birlik_test_{}_{}", std::process::id(), COUNTER.fetch_add(1, Ordering::SeqCst));
            let mut admin = sqlx::PgConnection::connect(PG_ADMIN_URL).await.expect("postgres reachable");
            let sql = format!("CREATE DATABASE {name} TEMPLATE {template}");
            // Copies of one template may be made at once; should the server refuse one for a moment, it is tried
            // again.
            let mut tries = 0;
            while let Err(e) = sqlx::query(sqlx::AssertSqlSafe(sql.clone())).execute(&mut admin).await {
                tries += 1;
                assert!(tries < 100 && e.to_string().contains("being accessed by other users"), "{sql}: {e}");
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
            admin.close().await.expect("admin connection closes");
            (Db::connect(Some(&pg_url(&name)), dir).await.expect("postgres opens"), Some(name))
        }
    }
}

/// A migrated database with no server on it: its directory, and its PostgreSQL name (dropped by the test's end
/// only when a TestApp owns it; these are few and named after the process).
pub async fn bare_database(backend: Backend) -> (Db, tempfile::TempDir, Option<String>) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (db, name) = new_database(dir.path(), backend, Seed::Migrated).await;
    (db, dir, name)
}

/// A data directory holding a copy of the demo database (SQLite), closed, for the command line.
pub async fn demo_data_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::copy(sqlite_template(Seed::Demo).await, dir.path().join("birlik.sqlite3")).expect("template copied");
    dir
}

/// Drops a test's PostgreSQL database.
pub async fn drop_database(name: &str) {
    drop_now(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
}

async fn drop_now(sql: String) {
    if let Ok(mut admin) = sqlx::PgConnection::connect(PG_ADMIN_URL).await {
        let _ = sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut admin).await;
        let _ = admin.close().await;
    }
}

/// Runs a `DROP DATABASE` on this process's dropper thread, one after another, while the tests go on (a drop
/// takes from 0.3 s to 2 s on a busy machine).
fn drop_in_background(sql: String) {
    static DROPPER: std::sync::OnceLock<std::sync::mpsc::Sender<String>> = std::sync::OnceLock::new();
    let dropper = DROPPER.get_or_init(|| {
        let (sender, queue) = std::sync::mpsc::channel::<String>();
        std::thread::spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build() else { return };
            for sql in queue {
                runtime.block_on(drop_now(sql));
            }
        });
        sender
    });
    let _ = dropper.send(sql);
}

/// How a [`TestApp`] starts: `TestApp::builder().backend(Backend::Postgres).demo(false).settings(|s| …).start()`.
/// By default: SQLite, the demo, default settings.
pub struct Builder {
    backend: Backend,
    seed: Seed,
    adjust: Box<dyn FnOnce(&mut Settings)>,
    restored: Option<tempfile::TempDir>,
}

impl Builder {
    pub fn backend(mut self, backend: Backend) -> Builder {
        self.backend = backend;
        self
    }

    /// With the demo registry (the default), or with the reference data only.
    pub fn demo(mut self, demo: bool) -> Builder {
        self.seed = if demo { Seed::Demo } else { Seed::Reference };
        self
    }

    /// Changes the settings (e.g. higher limits for a test that registers many accounts).
    pub fn settings(mut self, adjust: impl FnOnce(&mut Settings) + 'static) -> Builder {
        let before = self.adjust;
        self.adjust = Box::new(move |s| {
            before(s);
            adjust(s);
        });
        self
    }

    /// Serves a SQLite data directory that holds data already (a restored backup): its database is migrated and
    /// given the reference data (and the demo when asked), not replaced by a template's copy.
    pub fn restored(mut self, dir: tempfile::TempDir) -> Builder {
        self.restored = Some(dir);
        self
    }

    pub async fn start(self) -> TestApp {
        let template = self.restored.is_none().then_some((self.backend, self.seed));
        let (db, dir, pg_database) = match self.restored {
            Some(dir) => {
                assert_eq!(self.backend, Backend::Sqlite, "a restored data directory is SQLite's");
                let db = Db::connect(None, dir.path()).await.expect("sqlite opens");
                db.migrate().await.expect("migrations run");
                self.seed.load(&db).await;
                (db, dir, None)
            }
            None => {
                let dir = tempfile::tempdir().expect("temporary directory");
                let (db, pg_database) = new_database(dir.path(), self.backend, self.seed).await;
                (db, dir, pg_database)
            }
        };
        TestApp::boot(db, dir, pg_database, template, ManualClock::starting_now(), self.adjust, |_| {}).await
    }
}

/// The search index of a served database: a copy of its template's, which the first app of each template built
/// (`registry::reindex`, as `serve` does at its start) from a database identical to this one; `None` until then.
fn template_index(template: Option<(Backend, Seed)>) -> Option<SearchIndex> {
    let cell = index_cell(template)?;
    cell.get().map(|index| index.copy_in_memory().expect("index copied").expect("an index in memory"))
}

fn index_cell(template: Option<(Backend, Seed)>) -> Option<&'static OnceCell<SearchIndex>> {
    static INDEXES: [OnceCell<SearchIndex>; 6] = [const { OnceCell::const_new() }; 6];
    template.map(|(backend, seed)| &INDEXES[backend as usize * 3 + seed.index()])
}

/// Builds the index of a served database that got no copy, and keeps a copy for the next apps of its template.
async fn index(state: &AppState, template: Option<(Backend, Seed)>) {
    birlik::registry::reindex(&state.platform).await.expect("index builds");
    if let Some(cell) = index_cell(template) {
        // Several first apps may build it at once; one copy is kept.
        let _ = cell.set(state.platform.search.copy_in_memory().expect("index copied").expect("an index in memory"));
    }
}

/// The password of every user a test makes, and its hash, computed once per process.
pub const PASSWORD: &str = "correct horse battery";

async fn password_hash() -> &'static str {
    static HASH: OnceCell<String> = OnceCell::const_new();
    HASH.get_or_init(|| async { password::hash(PASSWORD.into()).await.expect("hash") }).await
}

impl TestApp {
    pub fn builder() -> Builder {
        Builder { backend: Backend::Sqlite, seed: Seed::Demo, adjust: Box::new(|_| {}), restored: None }
    }

    /// `TestApp::builder().backend(backend).demo(demo).start()`.
    pub async fn start(backend: Backend, demo: bool) -> TestApp {
        TestApp::builder().backend(backend).demo(demo).start().await
    }

    /// SQLite with the demo.
    pub async fn sqlite() -> TestApp {
        TestApp::builder().start().await
    }

    /// Serves `db` (migrated) with the job worker running on `clock`. A database copied from the template of
    /// (backend, seed) gets a copy of that template's search index; any other is indexed as `serve` does.
    #[allow(clippy::too_many_arguments)]
    async fn boot(
        db: Db,
        dir: tempfile::TempDir,
        pg_database: Option<String>,
        template: Option<(Backend, Seed)>,
        clock: ManualClock,
        adjust: impl FnOnce(&mut Settings),
        register: impl FnOnce(&Jobs),
    ) -> TestApp {
        let mut settings = Settings { data_dir: dir.path().to_owned(), ..Settings::default() };
        adjust(&mut settings);
        // The server's search index is given at its start: the registry's event handlers keep that one current.
        let copied = template_index(template);
        let built_here = copied.is_none();
        let state = match copied {
            Some(search) => birlik::app::state_with_search(db, settings, search, Arc::new(clock.clone())),
            None => birlik::app::state_with_clock(db, settings, true, Arc::new(clock.clone())),
        }
        .expect("state");
        state.platform.seal.check(&state.platform.db).await.expect("the mediation key opens the database");
        if built_here {
            index(&state, template).await;
        }
        register(&state.platform.jobs);
        state.platform.jobs.start();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let address = listener.local_addr().expect("address");
        let app = birlik::app::router(state.clone()).into_make_service_with_connect_info::<SocketAddr>();
        let server = tokio::spawn(async move { axum::serve(listener, app).await.expect("server runs") });
        let client = TestApp::client();
        TestApp { address, state, client, clock, server, dir: Some(dir), pg_database }
    }

    /// Another handle on this app's database (its own pools), as a second server would open it.
    pub async fn connect_again(&self) -> Db {
        open(self.dir.as_ref().expect("a running app has its directory").path(), self.pg_database.as_deref()).await
    }

    /// Stops the server and its job worker and closes the database, keeping it for [`Stopped::start`].
    pub async fn stop(mut self) -> Stopped {
        self.state.platform.jobs.stop().await;
        self.server.abort();
        self.state.platform.db.close().await;
        Stopped {
            clock: self.clock.clone(),
            dir: self.dir.take().expect("a running app has its directory"),
            pg_database: self.pg_database.take(),
        }
    }

    pub fn data_dir(&self) -> &std::path::Path {
        &self.state.platform.settings.data_dir
    }

    /// A client that keeps cookies and does not follow redirects, so tests see them.
    pub fn client() -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client builds")
    }

    /// A client like [`TestApp::client`] whose connections come from another loopback address (`127.0.0.2`,
    /// say), to act as someone elsewhere.
    pub fn client_from(ip: &str) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .local_address(ip.parse::<std::net::IpAddr>().expect("an IP address"))
            .build()
            .expect("client builds")
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("request sent")
    }

    pub async fn get_text(&self, path: &str) -> (StatusCode, String) {
        let response = self.get(path).await;
        let status = response.status();
        (status, response.text().await.expect("body"))
    }

    pub async fn get_json(&self, path: &str) -> (StatusCode, Value) {
        let response = self.get(path).await;
        let status = response.status();
        (status, response.json().await.expect("json body"))
    }

    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client.post(self.url(path)).form(form).send().await.expect("request sent")
    }

    pub async fn send_json(&self, method: reqwest::Method, path: &str, body: &Value) -> (StatusCode, Value) {
        let response = self.client.request(method, self.url(path)).json(body).send().await.expect("request sent");
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    /// Creates a user with these roles directly in the database (password [`PASSWORD`]), his address confirmed:
    /// he stands for an existing user.
    pub async fn user(&self, email: &str, roles: &[Role]) -> i64 {
        let email = birlik::platform::identity::Email::parse(email).expect("an e-mail address");
        accounts::create(&self.state.platform.db, &email, "Test User", password_hash().await, roles, true, None)
            .await
            .expect("insert")
            .expect("new user")
    }

    /// A fresh client logged in as `email` (password [`PASSWORD`]).
    pub async fn login_as(&self, email: &str) -> LoggedIn {
        let client = TestApp::client();
        let response = client
            .post(self.url("/en/login"))
            .form(&[("email", email), ("password", PASSWORD), ("next", "/en/")])
            .send()
            .await
            .expect("login request");
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "login of {email} succeeds");
        LoggedIn { base: format!("http://{}", self.address), client }
    }

    /// A new user with these roles (named after the first), logged in.
    pub async fn logged_in(&self, roles: &[Role]) -> LoggedIn {
        let kind = match roles.first() {
            None => "user",
            Some(Role::Admin) => "admin",
            Some(Role::Secretariat { .. }) => "secretariat",
            Some(Role::Member { .. }) => "member",
            Some(Role::Participant) => "participant",
        };
        let email = format!("{kind}-{}@test.kz", COUNTER.fetch_add(1, Ordering::SeqCst));
        self.user(&email, roles).await;
        self.login_as(&email).await
    }

    /// A new administrator, logged in.
    pub async fn admin(&self) -> LoggedIn {
        self.logged_in(&[Role::Admin]).await
    }

    /// A new member of `body`'s secretariat, logged in.
    pub async fn secretariat_of(&self, body: i64) -> LoggedIn {
        self.logged_in(&[Role::Secretariat { body_id: body }]).await
    }

    /// A new member of `body`, logged in.
    pub async fn member_of(&self, body: i64) -> LoggedIn {
        self.logged_in(&[Role::Member { body_id: body }]).await
    }

    /// A new participant (an account with no other role), logged in.
    pub async fn participant(&self) -> LoggedIn {
        self.logged_in(&[Role::Participant]).await
    }

    /// Waits until the change worker has applied every event committed so far and the analyst has refreshed every
    /// consultation behind its votes or moderations: what a test reads next includes all it did before.
    pub async fn settled(&self) {
        self.state.platform.changes.settled().await.expect("the change worker settles");
        self.state.consultations.analyst.settled(&self.state.platform.db).await.expect("the analyst settles");
    }

    /// The id of the first body of a kind (optionally in a region).
    pub async fn body_id(&self, kind: &str, region: Option<&str>) -> i64 {
        birlik::registry::store::bodies(&self.state.platform.db, false)
            .await
            .expect("bodies")
            .into_iter()
            .find(|b| b.kind.code() == kind && (region.is_none() || b.region_code.as_deref() == region))
            .unwrap_or_else(|| panic!("a {kind} body exists"))
            .id
    }

    pub async fn count(&self, table: &str) -> i64 {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        birlik::with_read!(&self.state.platform.db, pool => {
            sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql)).fetch_one(pool).await.expect("count")
        })
    }

    /// Row counts of every registry table, to show that a refused request changed nothing.
    pub async fn snapshot(&self) -> Vec<i64> {
        let mut counts = Vec::new();
        for table in ["bodies", "associations", "association_groups", "persons", "memberships", "users", "audit_log"] {
            counts.push(self.count(table).await);
        }
        counts
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(name) = self.pg_database.take() {
            // Dropped by this process's dropper while the next tests run. What it has not dropped when the process
            // ends (the last tests' copies; under nextest, which runs a process a test, its one copy) is swept by
            // the next test process that uses PostgreSQL (see `make_pg_template`).
            drop_in_background(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

/// A logged-in client of a running [`TestApp`].
pub struct LoggedIn {
    pub base: String,
    pub client: reqwest::Client,
}

impl LoggedIn {
    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client.post(format!("{}{}", self.base, path)).form(form).send().await.expect("request sent")
    }

    pub async fn get_text(&self, path: &str) -> (StatusCode, String) {
        let response = self.client.get(format!("{}{}", self.base, path)).send().await.expect("request sent");
        let status = response.status();
        (status, response.text().await.expect("body"))
    }

    pub async fn send_json(&self, method: reqwest::Method, path: &str, body: &Value) -> (StatusCode, Value) {
        let response = self
            .client
            .request(method, format!("{}{}", self.base, path))
            .json(body)
            .send()
            .await
            .expect("request sent");
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }
}

pub fn association_json(region: Option<&str>, name: &str) -> Value {
    serde_json::json!({
        "level": if region.is_some() { "regional" } else { "republican" },
        "region_code": region,
        "name_kk": format!("{name} қауымдастығы"),
        "name_ru": format!("Объединение {name}"),
        "name_en": format!("{name} association"),
        "founded_year": 1999,
        "website": null,
        "groups": ["koreans"],
    })
}
