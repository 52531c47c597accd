//! `birlik serve`: opens the database, optionally seeds the demo content, and serves until SIGTERM or Ctrl-C,
//! letting requests in flight finish.

use std::net::SocketAddr;

use clap::Args;

use crate::commands::{Globals, open_db, settings};
use crate::platform::Settings;
use crate::platform::notify::mail::{MailSettings, Smtp};

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "BIRLIK_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Seed clearly fictional demo content (bodies, associations, members) into an empty registry.
    #[arg(long, env = "BIRLIK_DEMO")]
    pub demo: bool,
    /// Mark cookies Secure (when served over HTTPS).
    #[arg(long, env = "BIRLIK_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// The address readers reach the server by, `https://host[:port]` (behind a proxy, say): state-changing
    /// requests must come from this origin, whatever their Host header says.
    #[arg(long, env = "BIRLIK_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Render every page afresh instead of keeping public pages for anonymous readers until the next write.
    #[arg(long, env = "BIRLIK_NO_PAGE_CACHE")]
    pub no_page_cache: bool,
    /// New consultation participants one address may bring per minute (after a burst of 200). Raise it behind a
    /// reverse proxy, where every participant seems to come from the proxy.
    #[arg(long, env = "BIRLIK_NEWCOMERS_PER_MINUTE", default_value_t = 60.0)]
    pub newcomers_per_minute: f64,
    /// The largest document an upload may carry, in megabytes (PDF, ODT, DOCX, PNG, JPEG).
    #[arg(long, env = "BIRLIK_MAX_UPLOAD_MB", default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub max_upload_mb: u64,
    /// Days the free text of an anonymous signal is kept before it is redacted (aggregates and the audit log stay).
    #[arg(long, env = "BIRLIK_SIGNAL_RETENTION_DAYS", default_value_t = 730, value_parser = clap::value_parser!(i64).range(1..=36_500))]
    pub signal_retention_days: i64,
    #[command(flatten)]
    pub mail: MailArgs,
}

/// E-mail. With no SMTP host, each message is written as an `.eml` file under `outbox/` in the data directory.
#[derive(Args, Debug)]
pub struct MailArgs {
    /// The SMTP server that sends notifications.
    #[arg(long, env = "BIRLIK_SMTP_HOST")]
    pub smtp_host: Option<String>,
    /// Its port (default: 587 with STARTTLS, 465 with TLS, 25 without).
    #[arg(long, env = "BIRLIK_SMTP_PORT")]
    pub smtp_port: Option<u16>,
    #[arg(long, env = "BIRLIK_SMTP_USER")]
    pub smtp_user: Option<String>,
    #[arg(long, env = "BIRLIK_SMTP_PASSWORD", hide_env_values = true)]
    pub smtp_password: Option<String>,
    /// How the connection is secured.
    #[arg(long, env = "BIRLIK_SMTP_TLS", value_enum, default_value = "starttls")]
    pub smtp_tls: crate::platform::notify::mail::Tls,
    /// The sender of notifications, `Name <address>`.
    #[arg(long, env = "BIRLIK_MAIL_FROM", default_value = "Birlik <noreply@birlik.localhost>")]
    pub mail_from: String,
}

impl MailArgs {
    fn settings(&self, listen: SocketAddr) -> MailSettings {
        let smtp = self.smtp_host.as_ref().map(|host| Smtp {
            host: host.clone(),
            port: self.smtp_port,
            user: self.smtp_user.clone(),
            password: self.smtp_password.clone(),
            tls: self.smtp_tls,
        });
        MailSettings { smtp, from: self.mail_from.clone(), origin: Some(format!("http://{listen}")) }
    }
}

pub async fn run(cli: &Globals, args: &ServeArgs) -> anyhow::Result<()> {
    let settings = Settings {
        secure_cookies: args.secure_cookies,
        public_url: args.public_url.as_deref().map(crate::platform::web::origin::public_origin).transpose()?,
        page_cache: !args.no_page_cache,
        newcomers_per_minute: args.newcomers_per_minute,
        max_upload_mb: args.max_upload_mb,
        signal_retention_days: args.signal_retention_days,
        mail: args.mail.settings(args.listen),
        ..settings(cli)
    };
    let state = crate::app::state(open_db(cli).await?, settings, false)?;
    // A missing or wrong mediation key stops the server here, before anything is served.
    state.platform.seal.check(&state.platform.db).await?;
    if args.demo
        && crate::app::load_demo(&state.platform.db, state.platform.jobs.now_ms(), &state.platform.seal).await?
    {
        tracing::info!("demo content seeded");
    }
    // What an import left behind when its process died (its rows were never shown) goes before the index is built.
    crate::registry::store::remove_abandoned_imports(&state.platform.db, crate::platform::staged::STALE_AFTER).await?;
    let documents = crate::registry::reindex(&state.platform).await?;
    tracing::info!(documents, "search index ready");
    state.platform.notify.schedule_digest().await?;
    // Jobs due while no server ran fire now.
    state.platform.jobs.start();
    let jobs = state.platform.jobs.clone();
    let listener = tokio::net::TcpListener::bind(args.listen).await?;
    let address = listener.local_addr()?;
    println!("Birlik is listening on http://{address}/");
    let db = state.platform.db.clone();
    let app = crate::app::router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await?;
    jobs.stop().await;
    db.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
