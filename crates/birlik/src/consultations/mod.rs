//! Capability 3, consultations: the secretariat of a body asks a question, participants vote on statements and add
//! their own, and the Assembly sees its opinion groups, what unites them and what divides them. The numerics are the
//! `consensus` crate's; this module stores votes (by group commit, [`votes`]), keeps the analysis current in the
//! background ([`analysis`]), and serves pages, the API and Pol.is-compatible open data.

pub mod analysis;
pub mod api;
pub mod changes;
pub mod demo;
pub mod export;
pub mod forms;
pub mod import;
pub mod input;
pub mod known;
pub mod model;
pub mod moderated;
pub mod notices;
pub mod pages;
pub mod participation;
pub mod results;
pub mod routing;
pub mod search;
pub mod store;
pub mod votes;

use axum::extract::FromRef;

use std::sync::Arc;

use axum::Router;
use axum::http::HeaderMap;
use axum::routing::{get, post};
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::platform::Platform;
use crate::platform::change::Scope;
use crate::platform::db::Db;
use crate::platform::identity::SessionUser;
use crate::platform::web::{AppError, ClientIp, cookie};
use model::{Consultation, Participation};

/// The pages and forms of consultations, under `/{lang}`, and the open-data files.
pub fn page_routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    Platform: FromRef<S>,
    Runtime: FromRef<S>,
{
    Router::new()
        .route("/{lang}/consultations", get(pages::list).post(forms::create))
        .route("/{lang}/consultations/new", get(forms::new))
        .route("/{lang}/consultations/{id}", get(pages::participate))
        .route("/{lang}/consultations/{id}/votes", post(pages::vote))
        .route("/{lang}/consultations/{id}/statements", post(pages::add_statement))
        .route("/{lang}/consultations/{id}/answers", post(pages::answer))
        .route("/{lang}/consultations/{id}/results", get(pages::results))
        .route("/{lang}/my-statements", get(pages::mine))
        .route("/{lang}/consultations/{id}/manage", get(forms::manage))
        .route("/{lang}/consultations/{id}/edit", get(forms::edit_form).post(forms::edit))
        .route("/{lang}/consultations/{id}/close", post(forms::close))
        .route("/{lang}/bodies/{id}/moderation", get(forms::queue))
        .route("/{lang}/consultation-statements/{id}/moderate", post(forms::moderate))
        .route("/{lang}/consultation-statements/{id}/translations", post(forms::translate))
}

/// The list of consultations (any consultation opened or changed).
pub const LIST: Scope = Scope::all("consultations");

/// One consultation: its statements, moderation and analysis.
pub fn scope(id: i64) -> Scope {
    Scope::item("consultation", id)
}

/// One consultation's analysis (results, opinion map, priorities): renewed at every analysis round while people
/// vote, apart from [`scope`] so that a round leaves stale neither other pages nor what the vote path knows.
pub fn analysis_scope(id: i64) -> Scope {
    Scope::item("consultation-analysis", id)
}

/// What a cached page of this capability reads: a consultation's pages read that consultation (and names from the
/// registry), so that its votes and analysis rounds leave every other page cached.
pub fn page_scopes(path: &str) -> Option<Vec<Scope>> {
    let mut parts = path.split('/').skip(2);
    if parts.next() != Some("consultations") {
        return None;
    }
    let id: i64 = parts.next()?.parse().ok()?;
    Some(vec![scope(id), analysis_scope(id), crate::platform::change::REGISTRY])
}

/// What runs beside the requests: the vote writer, the analyst, what the vote path knows, and the rate limits.
#[derive(Clone)]
pub struct Runtime {
    pub votes: votes::VoteWriter,
    pub analyst: Arc<analysis::Analyst>,
    pub known: Arc<known::Known>,
    pub limits: Arc<Limits>,
    /// The export files, written once per analysis version.
    pub exports: Arc<export::Exports>,
}

impl Runtime {
    pub fn start(db: &Db, settings: &crate::platform::Settings) -> Runtime {
        crate::platform::change::area(LIST.area);
        crate::platform::change::area(scope(0).area);
        crate::platform::change::area(analysis_scope(0).area);
        let analyst = analysis::Analyst::start(db.clone());
        Runtime {
            votes: votes::VoteWriter::start(db.clone(), analyst.clone()),
            analyst,
            known: Arc::default(),
            limits: Arc::new(Limits::new(settings.newcomers_per_minute)),
            exports: Arc::new(export::Exports::new(settings.data_dir.join("exports"))),
        }
    }
}

/// The per-participant and per-address limits. A browser without the device cookie is a new participant each
/// time, so what a participant may do is also limited by the address it comes from.
pub struct Limits {
    /// Votes (and changes of vote) per participant.
    pub votes: RateLimit<i64>,
    /// New participants per address.
    pub joins: RateLimit<String>,
    /// New statements per address (besides [`STATEMENTS_PER_HOUR`] per participant).
    pub statements: RateLimit<String>,
}

impl Limits {
    pub fn new(newcomers_per_minute: f64) -> Limits {
        Limits {
            votes: RateLimit::new(VOTE_BURST, VOTES_PER_SECOND),
            joins: RateLimit::new(JOIN_BURST, newcomers_per_minute / 60.0),
            statements: RateLimit::new(30.0, 30.0 / 3600.0),
        }
    }
}

/// A participant may cast this many votes at once…
pub const VOTE_BURST: f64 = 120.0;
/// …then this many per second (votes and changes of vote alike).
pub const VOTES_PER_SECOND: f64 = 2.0;
/// An address may bring this many new participants at once (a school, an office behind one address), then
/// `Settings::newcomers_per_minute`.
pub const JOIN_BURST: f64 = 200.0;
/// A participant may add this many statements per hour.
pub const STATEMENTS_PER_HOUR: i64 = 10;
pub use crate::platform::limit::RateLimit;

/// The device cookie of participants who take part without an account.
pub const DEVICE_COOKIE: &str = "birlik_device";

/// Who takes part: the stable identity a participant row is keyed by, and the device cookie to set when the
/// browser had none.
pub struct Who {
    pub identity: String,
    pub new_cookie: Option<String>,
    /// The address the request came from, for the per-address limits.
    pub address: String,
}

fn sha256_hex(s: &str) -> String {
    Sha256::digest(s.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The identity of the browser's device cookie (`d:` and its SHA-256), if it carries a well-formed one.
pub fn device_identity(headers: &HeaderMap) -> Option<String> {
    cookie(headers, DEVICE_COOKIE)
        .filter(|t| t.len() == 43 && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .map(|token| format!("d:{}", sha256_hex(&token)))
}

/// A logged-in participant is his account; anyone else is his device (a random token in a cookie; the database
/// keeps its SHA-256). Consultations for accounts only refuse anonymous participants.
pub fn who(
    state: &Platform,
    headers: &HeaderMap,
    address: &ClientIp,
    user: Option<&SessionUser>,
    c: &Consultation,
) -> Result<Who, AppError> {
    let address = address.0.clone();
    if let Some(user) = user {
        return Ok(Who { identity: format!("u:{}", user.id), new_cookie: None, address });
    }
    if c.participation == Participation::Accounts {
        return Err(AppError::Unauthenticated);
    }
    match device_identity(headers) {
        Some(identity) => Ok(Who { identity, new_cookie: None, address }),
        None => {
            let mut bytes = [0u8; 32];
            rand::rng().fill_bytes(&mut bytes);
            let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
            let secure = if state.settings.secure_cookies { "; Secure" } else { "" };
            Ok(Who {
                identity: format!("d:{}", sha256_hex(&token)),
                new_cookie: Some(format!(
                    "{DEVICE_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000{secure}"
                )),
                address,
            })
        }
    }
}

/// May `user` moderate and manage the consultations of `body`?
pub async fn moderates(db: &Db, user: Option<&SessionUser>, body: i64) -> Result<bool, AppError> {
    match user {
        None => Ok(false),
        Some(user) => match crate::platform::identity::authz::manage_body(db, user, body).await {
            Ok(()) => Ok(true),
            Err(AppError::Forbidden) => Ok(false),
            Err(e) => Err(e),
        },
    }
}

/// Who may read and attach the documents of a consultation: whoever may read the consultation (its page is
/// public) reads them; the secretariat of its body (and whoever covers the body) attaches them.
pub fn document_access() -> crate::platform::files::ItemAccess {
    crate::platform::files::ItemAccess {
        may_read: may_read_documents,
        may_attach: may_attach_documents,
        page: |id| format!("/consultations/{id}"),
    }
}

fn may_read_documents<'a>(
    state: &'a Platform,
    id: i64,
    _user: Option<&'a SessionUser>,
) -> crate::platform::files::Decision<'a> {
    Box::pin(async move { store::consultation(&state.db, id).await?.map(|_| true).ok_or(AppError::NotFound) })
}

fn may_attach_documents<'a>(
    state: &'a Platform,
    id: i64,
    user: Option<&'a SessionUser>,
) -> crate::platform::files::Decision<'a> {
    Box::pin(async move {
        let c = store::consultation(&state.db, id).await?.ok_or(AppError::NotFound)?;
        moderates(&state.db, user, c.body_id).await
    })
}

/// The body's page lists its consultations; whoever manages the body opens new ones and moderates from there.
pub fn body_section<'a>(
    state: &'a Platform,
    view: &'a crate::platform::web::sections::BodyView<'a>,
) -> crate::platform::web::sections::Shown<'a> {
    use crate::platform::web::Link;
    Box::pin(async move {
        let ctx = view.ctx;
        let items = store::consultations(&state.db, Some(view.id))
            .await?
            .iter()
            .map(|c| Link::new(ctx, format!("/consultations/{}", c.id), pages::Heading::of(c, ctx.lang).question))
            .collect();
        let actions = if view.manages {
            vec![
                (
                    Link::new(ctx, format!("/consultations/new?body={}", view.id), ctx.t("consultation-new")),
                    "consultation-new",
                ),
                (
                    Link::new(ctx, format!("/bodies/{}/moderation", view.id), ctx.t("moderation-queue")),
                    "moderation-queue",
                ),
            ]
        } else {
            Vec::new()
        };
        Ok(Some(crate::platform::web::sections::Section { title: ctx.t("consultations-title"), items, actions }))
    })
}

/// The home page leads with the consultations open now, the soonest to close first: what anyone can do today.
pub fn home_section<'a>(
    state: &'a Platform,
    ctx: &'a crate::platform::web::PageCtx,
) -> crate::platform::web::sections::FeaturedNow<'a> {
    use crate::platform::i18n::Localized;
    use crate::platform::web::Link;
    use crate::platform::web::sections::{Feature, Featured};
    Box::pin(async move {
        let mut open: Vec<_> = store::consultations(&state.db, None)
            .await?
            .into_iter()
            .filter(|c| c.phase() == model::Phase::Open)
            .collect();
        open.sort_by(|a, b| a.closes_on.cmp(&b.closes_on).then(b.id.cmp(&a.id)));
        let mut items = Vec::new();
        for c in open.iter().take(5) {
            let heading = pages::Heading::of(c, ctx.lang);
            let body = crate::registry::store::body(&state.db, c.body_id).await?;
            let until = ctx
                .lang
                .t_args("open-until", &[("date", crate::platform::i18n::Arg::Str(ctx.lang.date(&c.closes_on)))]);
            let meta = match body {
                Some(b) => format!("{} · {until}", b.name(ctx.lang)),
                None => until,
            };
            items.push(Feature {
                link: Link::new(ctx, format!("/consultations/{}", c.id), heading.question),
                lang: heading.question_lang,
                meta,
                action: ctx.t("take-part"),
            });
        }
        Ok(Some(Featured {
            id: "open-consultations",
            title: ctx.t("home-open-consultations"),
            items,
            all: Link::new(ctx, "/consultations".to_owned(), ctx.t("all-consultations")),
            none: ctx.t("home-no-open-consultations"),
        }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_allows_a_burst_then_refuses() {
        let limit = RateLimit::<i64>::new(3.0, 0.001);
        assert!((0..3).all(|_| limit.allow(1)));
        assert!(!limit.allow(1), "the fourth vote at once is refused");
        assert!(limit.allow(2), "another participant has his own bucket");
    }
}
