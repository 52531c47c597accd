//! Assembles the server: routes of every capability, the API with its OpenAPI document, and the layers
//! (body limit, CSRF and origin check, error localization, security headers, metrics, tracing).

use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, FromRef, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Json, Router, middleware};
use tower_http::csrf::CsrfLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::platform::db::Db;
use crate::platform::jobs::{self, Clock, Jobs, SystemClock};
use crate::platform::search::SearchIndex;
use crate::platform::web::cache::PageCache;
use crate::platform::web::sections::{BodySections, HomeSections};
use crate::platform::web::{LANG_COOKIE, preferred_lang};
use crate::platform::{Facilities, Platform, Settings, files, metrics, notify};
use crate::{accounts, consultations, early_warning, mediation, meetings, proposals, recommendations, registry};

/// The largest request body accepted; imports of large files go through the command line. Uploads of documents
/// may carry `Settings::max_upload_mb` and [`MULTIPART_MARGIN`] for the multipart envelope and fields.
pub const BODY_LIMIT: usize = 256 * 1024;
/// What an upload's body may carry besides the file: boundaries, part headers, title and the other fields.
pub const MULTIPART_MARGIN: usize = 64 * 1024;

#[derive(OpenApi)]
#[openapi(
    info(title = "Birlik API", version = "1", description = "The registry of the Assembly (ethnic groups, regions, \
        bodies, ethnocultural associations and members), its consultations (statements, votes, analysis) and its meetings (agenda, attendance, recorded votes, decisions). Errors are `{\"error\": {\"key\", \"message\", \"fields\"}}` \
        with a stable key and a message in the language of `?lang=` or `Accept-Language` (kk, ru, en)."),
    tags((name = "registry"), (name = "consultations"), (name = "meetings"), (name = "proposals"), (name = "recommendations"),
        (name = "early warning"), (name = "moderation"), (name = "documents"),
        (name = "open data"))
)]
struct ApiDoc;

/// The composition root: the platform and every capability's own runtime ([`Runtimes`], read through `Deref`).
/// Handlers take the part they need (`State<Platform>`, `State<consultations::Runtime>`) through axum's `FromRef`;
/// no capability knows this type. One `Arc`, because axum clones a handler's state for every request.
#[derive(Clone)]
pub struct AppState(Arc<Runtimes>);

impl AppState {
    pub fn new(runtimes: Runtimes) -> AppState {
        AppState(Arc::new(runtimes))
    }
}

impl std::ops::Deref for AppState {
    type Target = Runtimes;

    fn deref(&self) -> &Runtimes {
        &self.0
    }
}

/// The parts of [`AppState`].
#[derive(Clone)]
pub struct Runtimes {
    pub platform: Platform,
    pub consultations: consultations::Runtime,
    pub proposals: proposals::Runtime,
    pub recommendations: recommendations::Runtime,
    pub meetings: meetings::Runtime,
    pub early_warning: early_warning::Runtime,
}

impl FromRef<AppState> for early_warning::Runtime {
    fn from_ref(state: &AppState) -> early_warning::Runtime {
        state.early_warning.clone()
    }
}

impl FromRef<AppState> for Platform {
    fn from_ref(state: &AppState) -> Platform {
        state.platform.clone()
    }
}

impl FromRef<AppState> for proposals::Runtime {
    fn from_ref(state: &AppState) -> proposals::Runtime {
        state.proposals.clone()
    }
}

impl FromRef<AppState> for recommendations::Runtime {
    fn from_ref(state: &AppState) -> recommendations::Runtime {
        state.recommendations.clone()
    }
}

impl FromRef<AppState> for meetings::Runtime {
    fn from_ref(state: &AppState) -> meetings::Runtime {
        state.meetings.clone()
    }
}

impl FromRef<AppState> for consultations::Runtime {
    fn from_ref(state: &AppState) -> consultations::Runtime {
        state.consultations.clone()
    }
}

/// The API router and its OpenAPI document.
pub fn api() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (router, mut document) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .nest(
            "/api/v1",
            registry::api::routes()
                .merge(consultations::api::routes())
                .merge(meetings::api::routes())
                .merge(proposals::api::routes())
                .merge(recommendations::api::routes())
                .merge(early_warning::api::routes())
                .merge(crate::platform::moderation::api::routes())
                .merge(files::api::routes()),
        )
        .split_for_parts();
    document_bad_requests(&mut document);
    (router, document)
}

/// Every operation that reads parameters or a body answers 400 to ones it cannot read (a path id that is not a
/// number, a query or JSON body of the wrong shape): the document says so once here rather than on each handler.
fn document_bad_requests(document: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
    for item in document.paths.paths.values_mut() {
        let operations = [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch];
        for operation in operations.into_iter().flatten() {
            let reads_input =
                operation.parameters.as_ref().is_some_and(|p| !p.is_empty()) || operation.request_body.is_some();
            if reads_input && !operation.responses.responses.contains_key("400") {
                let error = ContentBuilder::new().schema(Some(Ref::from_schema_name("ErrorBody"))).build();
                let response = ResponseBuilder::new()
                    .description("The parameters or the body cannot be read.")
                    .content("application/json", error)
                    .build();
                operation.responses.responses.insert("400".to_owned(), response.into());
            }
        }
    }
}

/// Opens the search index and assembles the state shared by every request, on the system clock.
pub fn state(db: Db, settings: Settings, in_memory_search: bool) -> anyhow::Result<AppState> {
    state_with_clock(db, settings, in_memory_search, Arc::new(SystemClock))
}

/// [`state`] with the clock the timers read (tests move a `ManualClock`). Every capability registers its job
/// handlers here; the worker is started by whoever serves (`Jobs::start`), not by one-shot commands.
pub fn state_with_clock(
    db: Db,
    settings: Settings,
    in_memory_search: bool,
    clock: Arc<dyn Clock>,
) -> anyhow::Result<AppState> {
    let search_dir = settings.data_dir.join("search");
    let search = SearchIndex::open(if in_memory_search { None } else { Some(&search_dir) })?;
    state_with_search(db, settings, search, clock)
}

/// [`state_with_clock`] around a search index already open (tests give each server a copy of a built one).
pub fn state_with_search(
    db: Db,
    settings: Settings,
    search: SearchIndex,
    clock: Arc<dyn Clock>,
) -> anyhow::Result<AppState> {
    let jobs = Jobs::new(db.clone(), clock, jobs::Config::default());
    crate::platform::identity::register_jobs(&jobs);
    let pages = settings.page_cache.then(|| {
        Arc::new(
            PageCache::new(std::time::Duration::from_secs(10))
                .scoped_by(consultations::page_scopes)
                .scoped_by(meetings::page_scopes)
                .scoped_by(proposals::page_scopes)
                .scoped_by(recommendations::page_scopes)
                .scoped_by(early_warning::page_scopes),
        )
    });
    let changes = crate::platform::change::Worker::new(db.clone());
    let consultations = consultations::Runtime::start(&db, &settings);
    meetings::start();
    proposals::start();
    recommendations::start();
    recommendations::reminders::register(&jobs);
    let storage = files::storage::Storage::new(&settings.data_dir);
    storage.prepare()?;
    // Each capability says who may read and attach the documents of its items.
    let documents = files::Documents::new(storage)
        .register(files::ItemKind::Body, registry::document_access())
        .register(files::ItemKind::Consultation, consultations::document_access())
        .register(files::ItemKind::Proposal, proposals::document_access())
        .register(files::ItemKind::Recommendation, recommendations::document_access())
        .register(files::ItemKind::Signal, early_warning::document_access())
        .register(files::ItemKind::AgendaItem, meetings::items::document_access());
    let mailer = notify::mail::Mailer::new(&settings.mail, &settings.data_dir, &settings.link_origin())?;
    let notify = notify::Notifier::new(db.clone(), jobs.clone(), mailer);
    let platform = Platform::new(Facilities {
        open_data: Arc::new(open_data()),
        seal: Arc::new(crate::platform::seal::Sealer::new(&settings.data_dir)),
        // Each capability registers the kinds of what people write there, to be moderated in one facility.
        moderation: Arc::new(
            crate::platform::moderation::Kinds::default()
                .register("statement", consultations::moderated::statement())
                .register("proposal", proposals::moderated::proposal())
                .register("rebuttal", early_warning::moderated::rebuttal())
                .register(accounts::moderated::KIND, accounts::moderated::display_name()),
        ),
        notify,
        db,
        search: Arc::new(search),
        settings: Arc::new(settings),
        pages,
        changes,
        jobs,
        documents: Arc::new(documents),
        body_sections: Arc::new(
            BodySections::default()
                .with(consultations::body_section)
                .with(meetings::body_section)
                .with(proposals::body_section)
                .with(recommendations::body_section),
        ),
        home_sections: Arc::new(
            HomeSections::default()
                .with(consultations::home_section)
                .with(meetings::home_section)
                .with(early_warning::home_section),
        ),
    });
    // Capabilities register their event handlers here, before the worker runs.
    registry::register(&platform.changes, platform.db.clone(), platform.search.clone());
    registry::register_notices(&platform.notify);
    accounts::letters::register(&platform.notify);
    consultations::changes::register(&platform.changes, consultations.analyst.clone());
    consultations::search::register(&platform.changes, platform.db.clone(), platform.search.clone());
    meetings::search::register(&platform.changes, platform.db.clone(), platform.search.clone());
    consultations::notices::register(&platform.notify, &platform.changes);
    meetings::notices::register(&platform.notify, &platform.changes);
    proposals::search::register(&platform.changes, platform.db.clone(), platform.search.clone());
    proposals::notices::register(&platform.notify, &platform.changes);
    recommendations::notices::register(&platform.notify, &platform.changes);
    let early_warning = early_warning::Runtime::default();
    early_warning::register(&platform, &platform.changes, &platform.jobs, &early_warning);
    early_warning::notices::register(&platform.notify, &platform.changes);
    mediation::register(&platform.jobs);
    mediation::notices::register(&platform.notify, &platform.changes);
    crate::platform::moderation::register_notices(&platform.notify, &platform.changes);
    platform.changes.run();
    let proposals = proposals::Runtime::start(&platform.db);
    let meetings = meetings::Runtime::start(&platform.db);
    Ok(AppState::new(Runtimes {
        platform,
        consultations,
        proposals,
        recommendations: recommendations::Runtime::default(),
        meetings,
        early_warning,
    }))
}

/// Loads (or refreshes) the reference data every capability ships: the registry's regions and groups, the
/// addressees of recommendations. Run at every start, so corrections ship with upgrades.
pub async fn load_reference(db: &Db) -> anyhow::Result<()> {
    registry::reference::load(db).await?;
    recommendations::addressees::load(db).await
}

/// Seeds the demo content of every capability into an empty registry (fictional, labelled as such); false when the
/// registry had bodies already. `now_ms` is the clock's time, from which the demo's timers count; `seal` (checked)
/// seals the demo's mediation cases.
pub async fn load_demo(db: &Db, now_ms: i64, seal: &crate::platform::seal::Sealer) -> anyhow::Result<bool> {
    if !registry::seed::load_demo(db).await? {
        return Ok(false);
    }
    consultations::demo::load(db).await?;
    meetings::demo::load(db).await?;
    let accepted = proposals::demo::load(db).await?;
    recommendations::demo::load(db, accepted, now_ms).await?;
    early_warning::demo::load(db, now_ms).await?;
    mediation::demo::load(db, seal, now_ms).await?;
    Ok(true)
}

/// What the capabilities add to the open data of the registry: the state and `birlik export` use the same.
pub fn open_data() -> crate::platform::open_data::OpenData {
    meetings::export::open_data(crate::platform::open_data::OpenData::default())
}

pub fn router(state: AppState) -> Router {
    metrics::handle();
    let (api, openapi) = api();
    let openapi = Arc::new(openapi);
    let platform = state.platform.clone();
    let secure = platform.settings.secure_cookies;
    let static_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/static");
    Router::new()
        .route("/", get(root))
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics::render))
        .route("/api/v1/openapi.json", get(move || async move { Json(openapi.as_ref().clone()) }))
        .merge(api)
        .merge(registry::page_routes())
        .merge(consultations::page_routes())
        .merge(meetings::page_routes())
        .merge(proposals::page_routes())
        .merge(recommendations::page_routes())
        .merge(early_warning::page_routes())
        .merge(mediation::page_routes())
        .merge(accounts::pages::routes())
        .merge(accounts::recovery::routes())
        .merge(files::api::page_routes())
        .merge(notify::pages::routes())
        .merge(crate::platform::moderation::pages::routes())
        .route("/api/v1/moderation/report.csv", get(crate::platform::moderation::api::report_csv))
        .route("/{lang}/script/{script}", get(crate::platform::web::script::choose_script))
        .route("/{lang}/accessibility", get(crate::platform::web::page::accessibility))
        .nest_service("/static", ServeDir::new(static_dir))
        .fallback(|| async { StatusCode::NOT_FOUND })
        // Every layer composed once, outermost first, and applied as one service: each `Router::layer` call wraps
        // every route in a box of its own, and axum clones a route's whole stack for every request.
        .layer(
            tower::ServiceBuilder::new()
                .layer(TraceLayer::new_for_http())
                .layer(middleware::from_fn(metrics::track))
                // Behind HTTPS, browsers are told to use nothing else for a year.
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::STRICT_TRANSPORT_SECURITY,
                    move |_: &Response| secure.then(|| HeaderValue::from_static("max-age=31536000")),
                ))
                // Other sites learn at most our origin, never a page's path and query (a search, an audit filter).
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::REFERRER_POLICY,
                    HeaderValue::from_static("strict-origin-when-cross-origin"),
                ))
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                ))
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::CONTENT_SECURITY_POLICY,
                    HeaderValue::from_static(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'",
                    ),
                ))
                .layer(middleware::from_fn(remember_language))
                .layer(middleware::from_fn_with_state(platform.clone(), crate::platform::web::cache::serve_cached))
                // Inside the cache, whose key holds the script: a Latin page is transliterated once, then served as is.
                .layer(middleware::from_fn(crate::platform::web::script::apply_script))
                // Inside the cache: a page that clears the one-time message carries a cookie, so it is never kept.
                .layer(middleware::from_fn(crate::platform::web::clear_flash))
                // The refusals of CSRF, of the origin check and of the body limit below pass through `localize_errors`.
                .layer(middleware::from_fn_with_state(platform.clone(), crate::platform::web::error::localize_errors))
                .layer(middleware::from_fn_with_state(platform.clone(), limit_bodies))
                .layer(DefaultBodyLimit::disable())
                .layer(middleware::from_fn_with_state(platform.clone(), crate::platform::web::origin::check_origin))
                .layer(csrf_layer(&platform.settings)),
        )
        .with_state(state)
}

/// The CSRF layer, trusting the configured public origin: behind a proxy that rewrites `Host`, that origin
/// never matches the request's host. (`check_origin` refuses every other origin.)
fn csrf_layer(settings: &Settings) -> CsrfLayer {
    let Some(public) = &settings.public_url else { return CsrfLayer::new() };
    CsrfLayer::new().add_trusted_origin(public).unwrap_or_else(|error| {
        // `public_origin` checked it at start; refusing more than needed is the safe side.
        tracing::error!(%error, "the public URL is not an origin; it is not trusted");
        CsrfLayer::new()
    })
}

/// Bounds every request body: [`BODY_LIMIT`], or for an upload of a document its own limit. A declared length over
/// the limit is refused before anything is read; a longer body than declared (or a chunked one) fails when it
/// passes the limit, which the extractors turn into 413.
async fn limit_bodies(
    State(state): State<Platform>,
    request: axum::extract::Request,
    next: middleware::Next,
) -> Response {
    let limit = if files::is_upload(request.method(), request.uri().path()) {
        usize::try_from(state.settings.max_upload_mb.saturating_mul(1024 * 1024))
            .unwrap_or(usize::MAX)
            .saturating_add(MULTIPART_MARGIN)
    } else {
        BODY_LIMIT
    };
    let declared =
        request.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let (parts, body) = request.into_parts();
    let body = axum::body::Body::new(http_body_util::Limited::new(body, limit));
    next.run(axum::extract::Request::from_parts(parts, body)).await
}

/// `/` sends the reader to his language: the cookie, then `Accept-Language`, then Kazakh.
async fn root(headers: HeaderMap) -> Redirect {
    Redirect::to(&format!("/{}/", preferred_lang(&headers).code()))
}

/// Every page visited under a language prefix remembers that language for the next visit to `/`.
async fn remember_language(request: axum::extract::Request, next: middleware::Next) -> Response {
    let lang = request.uri().path().split('/').nth(1).and_then(crate::platform::i18n::Lang::from_code);
    let mut response = next.run(request).await;
    if let Some(lang) = lang
        && let Ok(value) =
            HeaderValue::from_str(&format!("{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax", lang.code()))
    {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

async fn healthz(State(state): State<Platform>) -> Response {
    if state.db.is_healthy().await {
        (StatusCode::OK, Json(serde_json::json!({ "status": "ok", "database": state.db.backend() }))).into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, Json(serde_json::json!({ "status": "unavailable" }))).into_response()
    }
}
