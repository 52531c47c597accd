//! What every capability uses: the database, languages, the web kit, the audit log, timers, search, metrics.

pub mod audit;
pub mod batch;
pub mod change;
pub mod csv;
pub mod days;
pub mod db;
pub mod files;
pub mod i18n;
pub mod identity;
pub mod jobs;
pub mod limit;
pub mod metrics;
pub mod moderation;
pub mod multilingual;
pub mod notify;
pub mod open_data;
pub mod paging;
pub mod seal;
pub mod search;
pub mod staged;
pub mod validate;
pub mod web;

use std::path::PathBuf;
use std::sync::Arc;

use crate::platform::db::Db;
use crate::platform::search::SearchIndex;

/// Operational settings that handlers need.
#[derive(Clone, Debug)]
pub struct Settings {
    pub data_dir: PathBuf,
    /// Mark cookies `Secure` and send HSTS (behind HTTPS); the server's scheme is then https.
    pub secure_cookies: bool,
    /// The origin readers reach the server by (`https://birlik.example`, see `web::origin::public_origin`):
    /// state-changing requests must come from it, whatever their `Host` says.
    pub public_url: Option<String>,
    /// Login attempts allowed per address and account (and ten times that per address) in a quarter of an hour;
    /// attempts at one account from everywhere are slowed down, never locked out (see `accounts::pages`).
    pub login_attempts: i64,
    /// Registrations allowed per address in a quarter of an hour (each costs a password hash).
    pub registrations: i64,
    /// Keep rendered public pages for anonymous readers until the next write (see `web::cache`).
    pub page_cache: bool,
    /// New consultation participants one address may bring per minute, after a burst (see `consultations::Limits`).
    pub newcomers_per_minute: f64,
    /// The largest document an upload may carry, in megabytes (see `files`).
    pub max_upload_mb: u64,
    /// Where e-mail goes (see `notify::mail`).
    pub mail: notify::mail::MailSettings,
    /// Days the free text of an anonymous signal is kept before it is redacted (see `early_warning`).
    pub signal_retention_days: i64,
}

impl Settings {
    /// The origin of links in e-mails: the public URL, else the one mail settings name, else this machine.
    pub fn link_origin(&self) -> String {
        self.public_url
            .clone()
            .or_else(|| self.mail.origin.clone())
            .unwrap_or_else(|| "http://localhost:8080".to_owned())
    }
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            data_dir: PathBuf::from("birlik-data"),
            secure_cookies: false,
            public_url: None,
            login_attempts: 5,
            registrations: 10,
            page_cache: true,
            newcomers_per_minute: 60.0,
            max_upload_mb: 20,
            mail: notify::mail::MailSettings::default(),
            signal_retention_days: 730,
        }
    }
}

/// What the platform gives every request handler: the database, the search index, the settings, the page cache,
/// the change worker, timers and documents ([`Facilities`], read through `Deref`). The composition root
/// (`app::AppState`) holds it beside the capabilities' own runtimes; handlers ask for it with `State<Platform>`
/// (axum's `FromRef`).
///
/// One `Arc`, because axum clones a route's whole layer stack and the state of its handler for every request:
/// with a dozen `Arc`s inside, each clone was a dozen atomic counts moved between the two cores.
#[derive(Clone)]
pub struct Platform(Arc<Facilities>);

impl Platform {
    pub fn new(facilities: Facilities) -> Platform {
        Platform(Arc::new(facilities))
    }
}

impl std::ops::Deref for Platform {
    type Target = Facilities;

    fn deref(&self) -> &Facilities {
        &self.0
    }
}

/// The parts of [`Platform`].
#[derive(Clone)]
pub struct Facilities {
    pub db: Db,
    pub search: Arc<SearchIndex>,
    pub settings: Arc<Settings>,
    /// `None` when the page cache is off.
    pub pages: Option<Arc<web::cache::PageCache>>,
    /// The change worker: applies committed events (see [`change`]).
    pub changes: Arc<change::Worker>,
    /// Timers: the handlers of every capability and the worker (started by `serve`).
    pub jobs: jobs::Jobs,
    /// Documents: their storage and who may read or attach them, per kind of item.
    pub documents: Arc<files::Documents>,
    /// What capabilities show on a body's page.
    pub body_sections: Arc<web::sections::BodySections>,
    /// What the home page shows first: what people can do now, from each capability (`web::sections`).
    pub home_sections: Arc<web::sections::HomeSections>,
    /// Notifications: the inbox, follows, e-mail (capabilities register their kinds and what events tell).
    pub notify: Arc<notify::Notifier>,
    /// What capabilities add to the registry's open data (Popolo parts, tables).
    pub open_data: Arc<open_data::OpenData>,
    /// Moderation: the kinds of items capabilities registered (`moderation::Kinds`).
    pub moderation: Arc<moderation::Kinds>,
    /// Seals what a copied database must not reveal (mediation files, reporters' contacts): checked at start.
    pub seal: Arc<seal::Sealer>,
}
