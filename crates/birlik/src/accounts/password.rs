//! Argon2id password hashes. Hashing is CPU-heavy, so it runs on the blocking pool, a few at a time.

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash};
use tokio::sync::Semaphore;

/// At most this many hashes at once, so a burst of logins cannot starve the server.
static HASHING: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(2));

pub const MIN_LENGTH: usize = 10;
pub const MAX_LENGTH: usize = 256;

pub async fn hash(password: String) -> anyhow::Result<String> {
    let _permit = HASHING.acquire().await?;
    tokio::task::spawn_blocking(move || {
        let hash: PasswordHash =
            Argon2::default().hash_password(password.as_bytes()).map_err(|e| anyhow::anyhow!("hashing failed: {e}"))?;
        Ok(hash.to_string())
    })
    .await?
}

/// True when `password` matches the stored PHC string (a malformed stored hash never matches).
pub async fn verify(password: String, stored: String) -> anyhow::Result<bool> {
    let _permit = HASHING.acquire().await?;
    tokio::task::spawn_blocking(move || Argon2::default().verify_password(password.as_bytes(), stored.as_str()).is_ok())
        .await
        .map_err(Into::into)
}
