//! A cache of public pages as anonymous readers see them. Each page is kept with the scopes it reads
//! ([`crate::platform::change::Scope`]: a consultation's pages read that consultation, every other page the
//! registry and the list of consultations) and served until one of them changes — a write of this process at its
//! commit, another server's when the change worker reads its event — or until it is older than the time to live.
//! So a vote's analysis round drops the pages of its consultation only. Logged-in readers are never served from
//! it, because their pages carry their name and their powers.

use std::collections::HashMap;
use std::sync::RwLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::platform::Platform;
use crate::platform::change::{self, Scope};
use crate::platform::i18n::Lang;

/// The cache starts afresh when its pages pass this size (junk query strings cannot grow it without bound).
const MAX_BYTES: usize = 64 * 1024 * 1024;
const MAX_PAGE: usize = 512 * 1024;

struct Cached {
    generation: u64,
    stored: Instant,
    content_type: HeaderValue,
    body: Bytes,
}

pub struct PageCache {
    entries: RwLock<Entries>,
    ttl: Duration,
    /// The scopes a page reads, when a capability says (see [`PageCache::scoped_by`]).
    scopes_of: Vec<ScopesOf>,
    /// Requests answered from the cache, and cacheable ones that were not (the hit rate the benchmark reports).
    hits: AtomicU64,
    misses: AtomicU64,
}

/// A capability's rule: the scopes a page at this path reads, if the page is one of its own.
pub type ScopesOf = fn(&str) -> Option<Vec<Scope>>;

/// What a page reads when no capability says otherwise: the registry, the list of consultations and the meetings
/// (a body's page lists them).
const DEFAULT_SCOPES: [Scope; 3] = [change::REGISTRY, Scope::all("consultations"), Scope::all("meetings")];

#[derive(Default)]
struct Entries {
    pages: HashMap<String, Cached>,
    bytes: usize,
}

impl PageCache {
    pub fn new(ttl: Duration) -> PageCache {
        PageCache {
            entries: RwLock::new(Entries::default()),
            ttl,
            scopes_of: Vec::new(),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }

    /// Adds a capability's rule for the scopes of its pages (the composition root wires them).
    pub fn scoped_by(mut self, scopes_of: ScopesOf) -> PageCache {
        self.scopes_of.push(scopes_of);
        self
    }

    /// Requests answered from the cache, and cacheable requests that were not, so far.
    pub fn counts(&self) -> (u64, u64) {
        (self.hits.load(Ordering::Relaxed), self.misses.load(Ordering::Relaxed))
    }

    /// The scopes the page at `path` reads.
    fn scopes(&self, path: &str) -> Vec<Scope> {
        self.scopes_of.iter().find_map(|f| f(path)).unwrap_or_else(|| DEFAULT_SCOPES.to_vec())
    }

    fn get(&self, key: &str, scopes: &[Scope]) -> Option<(HeaderValue, Bytes)> {
        let entries = self.entries.read().ok()?;
        let entry = entries.pages.get(key)?;
        (entry.generation == change::generation(scopes) && entry.stored.elapsed() < self.ttl)
            .then(|| (entry.content_type.clone(), entry.body.clone()))
    }

    fn put(&self, key: String, generation: u64, content_type: HeaderValue, body: Bytes) {
        if let Ok(mut entries) = self.entries.write() {
            if entries.bytes + body.len() + key.len() > MAX_BYTES {
                *entries = Entries::default();
            }
            let key_len = key.len();
            entries.bytes += body.len() + key_len;
            let replaced = entries.pages.insert(key, Cached { generation, stored: Instant::now(), content_type, body });
            if let Some(old) = replaced {
                entries.bytes -= old.body.len() + key_len;
            }
        }
    }
}

/// The cache key of a request a cached page may answer, or `None`.
fn key(request: &Request) -> Option<String> {
    if request.method() != Method::GET
        || crate::platform::web::cookie(request.headers(), crate::platform::identity::session::COOKIE).is_some()
        || crate::platform::web::cookie(request.headers(), crate::platform::web::FLASH_COOKIE).is_some()
    {
        return None;
    }
    let path = request.uri().path();
    path.split('/').nth(1).and_then(Lang::from_code)?;
    let page = request.uri().path_and_query().map_or(path, |pq| pq.as_str());
    // The header shows the reader's script choice, so the two scripts are two pages.
    let script = if crate::platform::web::script::wants_latin(request.headers()) { "latn" } else { "cyrl" };
    Some(format!("{script} {page}"))
}

const PRIVATE: &str = "private, no-store";

/// Marks a response as one reader's own (a participant's page, results before they are public): this cache and
/// any on the way leave it alone.
pub fn keep_private(response: &mut Response) {
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(PRIVATE));
}

pub async fn serve_cached(State(state): State<Platform>, request: Request, next: Next) -> Response {
    let Some(cache) = state.pages.as_deref() else { return next.run(request).await };
    let Some(key) = key(&request) else { return next.run(request).await };
    let scopes = cache.scopes(request.uri().path());
    if let Some((content_type, body)) = cache.get(&key, &scopes) {
        cache.hits.fetch_add(1, Ordering::Relaxed);
        return ([(header::CONTENT_TYPE, content_type)], body).into_response();
    }
    cache.misses.fetch_add(1, Ordering::Relaxed);
    // The generation is read before rendering, so a write during rendering makes this entry stale at once.
    let generation = change::generation(&scopes);
    let response = next.run(request).await;
    // Only whole pages of known, modest size: a larger one is served as it is, uncached.
    let small = axum::body::HttpBody::size_hint(response.body()).upper().is_some_and(|n| n <= MAX_PAGE as u64);
    let private = response.headers().get(header::CACHE_CONTROL).is_some_and(|v| v == PRIVATE);
    let cacheable = small
        && response.status() == StatusCode::OK
        && !private
        && !response.headers().contains_key(header::SET_COOKIE);
    let Some(content_type) = response.headers().get(header::CONTENT_TYPE).cloned().filter(|_| cacheable) else {
        return response;
    };
    let (parts, body) = response.into_parts();
    match axum::body::to_bytes(body, MAX_PAGE).await {
        Ok(bytes) => {
            cache.put(key, generation, content_type, bytes.clone());
            Response::from_parts(parts, Body::from(bytes))
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
