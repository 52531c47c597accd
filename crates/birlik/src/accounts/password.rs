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

/// True when a password's length, in characters, is one that can have been registered.
pub fn within_limits(password: &str) -> bool {
    (MIN_LENGTH..=MAX_LENGTH).contains(&password.chars().count())
}

/// A hash of nothing anyone knows: a login for an unknown address verifies against it, so the answer takes as
/// long as for a known one and does not tell which addresses are registered.
static DECOY: LazyLock<String> = LazyLock::new(|| {
    let hash: PasswordHash =
        Argon2::default().hash_password(b"birlik decoy password").expect("hashing a constant succeeds");
    hash.to_string()
});

pub async fn verify_decoy(password: String) -> anyhow::Result<bool> {
    let decoy = tokio::task::spawn_blocking(|| DECOY.clone()).await?;
    verify(password, decoy).await.map(|_| false)
}
