//! Single-use tokens of account mail: a password reset, the confirmation of an address. The link carries a random
//! token; the table holds only its SHA-256, when it expires (the timers' clock, Unix milliseconds) and when it was
//! used. Issuing one ends the person's earlier unused ones of the same purpose; using one marks it used in the
//! transaction of its effect, so it works once.

use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::platform::audit::Change;
use crate::platform::db::{Db, now};
use crate::{audit, with_read, with_write};

/// What a token is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Setting a new password (an hour).
    Reset,
    /// Confirming the address (three days).
    Confirm,
}

impl Purpose {
    pub fn code(self) -> &'static str {
        match self {
            Purpose::Reset => "reset",
            Purpose::Confirm => "confirm",
        }
    }

    /// How long a token of this purpose works, in milliseconds.
    pub fn lifetime_ms(self) -> i64 {
        match self {
            Purpose::Reset => 3600 * 1000,
            Purpose::Confirm => 3 * 24 * 3600 * 1000,
        }
    }
}

fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// A token in a link is 43 URL-safe characters; anything else names none (and is not looked up).
fn plausible(token: &str) -> bool {
    token.len() == 43 && token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Issues a fresh token of `purpose` for `user`, valid from `now_ms` for the purpose's lifetime; his earlier
/// unused ones of that purpose stop working. Returns the token (only its hash is stored).
pub async fn issue(db: &Db, user: i64, purpose: Purpose, now_ms: i64) -> sqlx::Result<String> {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE account_tokens SET used_at = $1 WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL")
            .bind(now_ms)
            .bind(user)
            .bind(purpose.code())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO account_tokens (user_id, purpose, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(user)
        .bind(purpose.code())
        .bind(hash(&token))
        .bind(now_ms)
        .bind(now_ms.saturating_add(purpose.lifetime_ms()))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
    });
    Ok(token)
}

/// The user a live token of `purpose` names (unused, unexpired at `now_ms`), without using it.
pub async fn peek(db: &Db, token: &str, purpose: Purpose, now_ms: i64) -> sqlx::Result<Option<i64>> {
    if !plausible(token) {
        return Ok(None);
    }
    with_read!(db, pool => {
        sqlx::query_scalar(
            "SELECT user_id FROM account_tokens
             WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
        )
        .bind(hash(token))
        .bind(purpose.code())
        .bind(now_ms)
        .fetch_optional(pool)
        .await
    })
}

/// Marks a live token used, in the caller's transaction (`$tx`); evaluates to the user it names, or `None`. One
/// statement, so two uses at once cannot both succeed. (A macro: the transaction is either backend's.)
macro_rules! use_token {
    ($tx:expr, $token:expr, $purpose:expr, $now_ms:expr) => {
        sqlx::query_scalar::<_, i64>(
            "UPDATE account_tokens SET used_at = $1
             WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 RETURNING user_id",
        )
        .bind($now_ms)
        .bind(hash($token))
        .bind($purpose.code())
        .fetch_optional(&mut *$tx)
        .await?
    };
}

/// With a live reset token: in one transaction uses it, sets the new password hash, ends every session of the
/// person, counts his address confirmed (the link reached it) and writes the audit entry. `None` (nothing
/// changed) when the token is unknown, used or expired.
pub async fn reset_password(db: &Db, token: &str, now_ms: i64, password_hash: &str) -> sqlx::Result<Option<i64>> {
    if !plausible(token) {
        return Ok(None);
    }
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let Some(user) = use_token!(tx, token, Purpose::Reset, now_ms) else { return Ok(None) };
        sqlx::query("UPDATE users SET password_hash = $1, email_confirmed_at = COALESCE(email_confirmed_at, $2) WHERE id = $3")
            .bind(password_hash)
            .bind(&at)
            .bind(user)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user).execute(&mut *tx).await?;
        audit!(tx, &Change {
            actor: Some(user), action: "reset_password", entity: "user", entity_id: user.to_string(),
            before: None, after: None, at: &at })?;
        tx.commit().await?;
        Ok(Some(user))
    })
}

/// With a live confirmation token: uses it and marks the person's address confirmed, with its audit entry.
/// `None` (nothing changed) when the token is unknown, used or expired.
pub async fn confirm_email(db: &Db, token: &str, now_ms: i64) -> sqlx::Result<Option<i64>> {
    if !plausible(token) {
        return Ok(None);
    }
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let Some(user) = use_token!(tx, token, Purpose::Confirm, now_ms) else { return Ok(None) };
        sqlx::query("UPDATE users SET email_confirmed_at = COALESCE(email_confirmed_at, $1) WHERE id = $2")
            .bind(&at)
            .bind(user)
            .execute(&mut *tx)
            .await?;
        audit!(tx, &Change {
            actor: Some(user), action: "confirm_email", entity: "user", entity_id: user.to_string(),
            before: None, after: None, at: &at })?;
        tx.commit().await?;
        Ok(Some(user))
    })
}

/// Whether the person's address is confirmed.
pub async fn is_confirmed(db: &Db, user: i64) -> sqlx::Result<bool> {
    with_read!(db, pool => {
        sqlx::query_scalar::<_, Option<String>>("SELECT email_confirmed_at FROM users WHERE id = $1")
            .bind(user)
            .fetch_optional(pool)
            .await
            .map(|c| c.flatten().is_some())
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_plausible_tokens_are_looked_up() {
        assert!(super::plausible(&"a".repeat(43)));
        assert!(!super::plausible(&"a".repeat(42)));
        assert!(!super::plausible(&format!("{}%", "a".repeat(42))));
    }
}
