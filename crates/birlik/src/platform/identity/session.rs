//! Sessions stored in the database. The cookie holds a random token; the table holds only its SHA-256,
//! so a leaked database does not hand out sessions.

use axum::http::HeaderMap;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::platform::Platform;
use crate::platform::db::{Db, now};
use crate::platform::identity::{SessionUser, store};
use crate::platform::web::cookie;
use crate::{with_read, with_write};

pub const COOKIE: &str = "birlik_session";
const LIFETIME: time::Duration = time::Duration::days(30);

fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Starts a session and returns the `Set-Cookie` value that carries it.
pub async fn start(state: &Platform, user_id: i64) -> sqlx::Result<String> {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let expires = (OffsetDateTime::now_utc() + LIFETIME).format(&Rfc3339).expect("formatting a UTC time");
    with_write!(&state.db, pool => {
        // Expired sessions go when a new one starts, so the table holds only live ones.
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(now()).execute(pool).await?;
        sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
            .bind(token_hash(&token))
            .bind(user_id)
            .bind(now())
            .bind(&expires)
            .execute(pool)
            .await
            .map(|_| ())
    })?;
    Ok(cookie_value(state, &token, LIFETIME.whole_seconds()))
}

/// A `Set-Cookie` value shaped like [`start`]'s whose token names no session: what a registration with an address
/// that has an account answers, so that from outside it looks like a new account's.
pub fn decoy(state: &Platform) -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    cookie_value(state, &token, LIFETIME.whole_seconds())
}

/// Ends the request's session, if any, and returns the `Set-Cookie` value that clears it.
pub async fn end(state: &Platform, headers: &HeaderMap) -> sqlx::Result<String> {
    if let Some(token) = cookie(headers, COOKIE) {
        with_write!(&state.db, pool => {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash(&token)).execute(pool).await.map(|_| ())
        })?;
    }
    Ok(cookie_value(state, "", 0))
}

/// Ends every session of a user except the current one (after a password change).
pub async fn end_others(db: &Db, user_id: i64, headers: &HeaderMap) -> sqlx::Result<()> {
    let keep = cookie(headers, COOKIE).map(|t| token_hash(&t)).unwrap_or_default();
    with_write!(db, pool => {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(user_id)
            .bind(&keep)
            .execute(pool)
            .await
            .map(|_| ())
    })?;
    Ok(())
}

/// Deletes the sessions expired at `now_ms` (Unix milliseconds); returns how many.
pub async fn purge_expired(db: &Db, now_ms: i64) -> anyhow::Result<u64> {
    let now = OffsetDateTime::from_unix_timestamp_nanos(i128::from(now_ms) * 1_000_000)?
        .replace_nanosecond(0)?
        .format(&Rfc3339)?;
    let purged = with_write!(db, pool => {
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(&now).execute(pool).await?.rows_affected()
    });
    Ok(purged)
}

fn cookie_value(state: &Platform, token: &str, max_age: i64) -> String {
    let secure = if state.settings.secure_cookies { "; Secure" } else { "" };
    format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}")
}

/// The logged-in user of an API request, else `Unauthenticated` (401).
pub async fn api_user(state: &Platform, headers: &HeaderMap) -> Result<SessionUser, crate::platform::web::AppError> {
    current_user(state, headers).await?.ok_or(crate::platform::web::AppError::Unauthenticated)
}

/// The logged-in user of a request, if its session cookie names a live session.
pub async fn current_user(state: &Platform, headers: &HeaderMap) -> sqlx::Result<Option<SessionUser>> {
    let Some(token) = cookie(headers, COOKIE) else { return Ok(None) };
    if token.len() > 64 {
        return Ok(None);
    }
    // One query for the session, its user, what the header and the changes need of him, and his roles (a row
    // each): every query is a hand-off to a database thread, and every logged-in request pays it.
    type Found = (i64, String, String, bool, i64, Option<String>, Option<i64>);
    let rows: Vec<Found> = with_read!(&state.db, pool => {
        sqlx::query_as(
            "SELECT u.id, u.email, u.display_name, u.email_confirmed_at IS NOT NULL,
                 (SELECT COUNT(*) FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL),
                 r.role, r.body_id
             FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN user_roles r ON r.user_id = u.id
             WHERE s.token_hash = $1 AND s.expires_at > $2 ORDER BY r.id",
        )
        .bind(token_hash(&token))
        .bind(now())
        .fetch_all(pool)
        .await?
    });
    let Some((id, email, display_name, confirmed, unread, _, _)) = rows.first().cloned() else { return Ok(None) };
    let roles = store::decode_roles(rows.iter().filter_map(|r| r.5.as_deref().map(|name| (name, r.6))))?;
    Ok(Some(SessionUser { id, email, display_name, roles, unread, confirmed }))
}
