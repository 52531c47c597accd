//! `TestApp`: a real server on a free port, with its own database, and helpers to talk to it.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use birlik::accounts::password;
use birlik::app::AppState;
use birlik::platform::Settings;
use birlik::platform::db::Db;
use birlik::platform::identity::{Role, store as accounts};
use birlik::platform::jobs::{Jobs, ManualClock};
use reqwest::StatusCode;
use serde_json::Value;

pub enum Backend {
    Sqlite,
    Postgres,
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
        let db = match &self.pg_database {
            None => Db::connect(None, self.dir.path()).await.expect("sqlite opens"),
            Some(name) => {
                let url = format!("postgres://postgres@127.0.0.1:5432/{name}");
                Db::connect(Some(&url), self.dir.path()).await.expect("postgres opens")
            }
        };
        db.migrate().await.expect("migrations run");
        TestApp::boot(db, self.dir, self.pg_database, self.clock, |_| {}, register).await
    }
}

const PG_ADMIN_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// In CI a missing PostgreSQL is a failure; elsewhere the PostgreSQL half of a test is skipped, and says so.
pub async fn postgres_available() -> bool {
    let reachable = sqlx::PgPool::connect(PG_ADMIN_URL).await.is_ok();
    if !reachable {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("PostgreSQL at 127.0.0.1:5432 is required in CI (CI=true) but is not reachable");
        }
        eprintln!("SKIPPED: PostgreSQL at 127.0.0.1:5432 is not reachable; the PostgreSQL run of this test is skipped");
    }
    reachable
}

/// Runs each named test, `async fn name(app: TestApp)` in the calling module, once on SQLite and once on
/// PostgreSQL (skipped, saying so, when PostgreSQL is absent outside CI).
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

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A migrated database with no server on it: its directory, and its PostgreSQL name (dropped by the test's end
/// only when a TestApp owns it; these are few and named after the process).
pub async fn bare_database(backend: Backend) -> (Db, tempfile::TempDir, Option<String>) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (db, name) = new_database(&dir, backend).await;
    (db, dir, name)
}

/// A new, migrated database: SQLite in `dir`, or a PostgreSQL database named after this process.
async fn new_database(dir: &tempfile::TempDir, backend: Backend) -> (Db, Option<String>) {
    let (db, name) = match backend {
        Backend::Sqlite => (Db::connect(None, dir.path()).await.expect("sqlite opens"), None),
        Backend::Postgres => {
            let name = format!("birlik_test_{}_{}", std::process::id(), COUNTER.fetch_add(1, Ordering::SeqCst));
            let admin = sqlx::PgPool::connect(PG_ADMIN_URL).await.expect("postgres reachable");
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&admin)
                .await
                .expect("create db");
            admin.close().await;
            let url = format!("postgres://postgres@127.0.0.1:5432/{name}");
            (Db::connect(Some(&url), dir.path()).await.expect("postgres opens"), Some(name))
        }
    };
    db.migrate().await.expect("migrations run");
    (db, name)
}

/// Drops a test's PostgreSQL database.
pub async fn drop_database(name: &str) {
    if let Ok(admin) = sqlx::PgPool::connect(PG_ADMIN_URL).await {
        let _ = sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")))
            .execute(&admin)
            .await;
    }
}

impl TestApp {
    pub async fn start(backend: Backend, demo: bool) -> TestApp {
        TestApp::start_with(backend, demo, |_| {}).await
    }

    /// Starts with settings changed by `adjust` (e.g. higher limits for a test that registers many accounts).
    pub async fn start_with(backend: Backend, demo: bool, adjust: impl FnOnce(&mut Settings)) -> TestApp {
        TestApp::start_in(tempfile::tempdir().expect("temporary directory"), backend, demo, adjust).await
    }

    /// Starts on a data directory that may hold data already (a restored backup).
    pub async fn start_in(
        dir: tempfile::TempDir,
        backend: Backend,
        demo: bool,
        adjust: impl FnOnce(&mut Settings),
    ) -> TestApp {
        let (db, pg_database) = new_database(&dir, backend).await;
        birlik::registry::reference::load(&db).await.expect("reference data loads");
        if demo {
            birlik::registry::seed::load_demo(&db).await.expect("demo loads");
        }
        TestApp::boot(db, dir, pg_database, ManualClock::starting_now(), adjust, |_| {}).await
    }

    /// Serves `db` (migrated) with the job worker running on `clock`.
    async fn boot(
        db: Db,
        dir: tempfile::TempDir,
        pg_database: Option<String>,
        clock: ManualClock,
        adjust: impl FnOnce(&mut Settings),
        register: impl FnOnce(&Jobs),
    ) -> TestApp {
        let mut settings = Settings { data_dir: dir.path().to_owned(), ..Settings::default() };
        adjust(&mut settings);
        let state = birlik::app::state_with_clock(db, settings, true, Arc::new(clock.clone())).expect("state");
        birlik::registry::reindex(&state.platform).await.expect("index builds");
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
        let dir = self.dir.as_ref().expect("a running app has its directory").path();
        match &self.pg_database {
            None => Db::connect(None, dir).await.expect("sqlite opens"),
            Some(name) => {
                let url = format!("postgres://postgres@127.0.0.1:5432/{name}");
                Db::connect(Some(&url), dir).await.expect("postgres opens")
            }
        }
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

    pub async fn sqlite() -> TestApp {
        TestApp::start(Backend::Sqlite, true).await
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

    /// Creates a user with these roles directly in the database.
    pub async fn user(&self, email: &str, roles: &[Role]) -> i64 {
        let hash = password::hash("correct horse battery".into()).await.expect("hash");
        let email = birlik::platform::identity::Email::parse(email).expect("an e-mail address");
        accounts::create(&self.state.platform.db, &email, "Test User", &hash, roles)
            .await
            .expect("insert")
            .expect("new user")
    }

    /// A fresh client logged in as `email` (password `correct horse battery`).
    pub async fn login_as(&self, email: &str) -> LoggedIn {
        let client = TestApp::client();
        let response = client
            .post(self.url("/en/login"))
            .form(&[("email", email), ("password", "correct horse battery"), ("next", "/en/")])
            .send()
            .await
            .expect("login request");
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "login of {email} succeeds");
        LoggedIn { base: format!("http://{}", self.address), client }
    }

    /// The id of the first body of a kind (optionally in a region).
    pub async fn body_id(&self, kind: &str, region: Option<&str>) -> i64 {
        birlik::registry::store::bodies(&self.state.platform.db, false)
            .await
            .expect("bodies")
            .into_iter()
            .find(|b| b.kind == kind && (region.is_none() || b.region_code.as_deref() == region))
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
            // Best effort: a leftover test database is harmless and named after the process.
            std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build();
                if let Ok(runtime) = runtime {
                    runtime.block_on(async {
                        if let Ok(admin) = sqlx::PgPool::connect(PG_ADMIN_URL).await {
                            let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                            )))
                            .execute(&admin)
                            .await;
                        }
                    });
                }
            });
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
