//! Sealing: text that must not be readable from a copy of the database (mediation case files, parties' names,
//! named reporters' contacts) is encrypted with XChaCha20-Poly1305 (RustCrypto's `chacha20poly1305`) under a key
//! kept **outside the database**: `BIRLIK_MEDIATION_KEY` (64 hex digits), or else the file `mediation.key` in the
//! data directory (created, readable by its owner only, at the first start of an empty database).
//!
//! A sealed value is text: `v1:` and the base64 of a random 24-byte nonce followed by the ciphertext and its tag.
//! The purpose (`"case_entries.text"`…) is authenticated with it, so a value copied into another column does not
//! open. At every start [`Sealer::check`] opens a probe sealed at the first start: a key that is missing or is not
//! the one that sealed the database stops the server with a clear message, instead of serving garbage.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use rand::RngCore;

use crate::platform::db::{Db, now};
use crate::{with_read, with_write};

/// The environment variable that may hold the key.
pub const KEY_VAR: &str = "BIRLIK_MEDIATION_KEY";
/// The key file's name in the data directory.
pub const KEY_FILE: &str = "mediation.key";
const PROBE: &str = "birlik sealing probe";
const PREFIX: &str = "v1:";

/// Why sealed text cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum SealError {
    #[error(
        "the mediation key is missing: this database holds sealed data, but neither {KEY_VAR} nor {0} gives a key. \
         Restore the key file (or set {KEY_VAR}) from your backup; without it no case file can be read."
    )]
    Missing(String),
    #[error(
        "the mediation key is wrong: the key from {0} does not open this database's sealed data. Use the key this \
         database was created with."
    )]
    Wrong(String),
    #[error("the mediation key in {0} is not 64 hexadecimal digits")]
    Malformed(String),
    #[error("cannot read or write the mediation key {0}: {1}")]
    Io(String, std::io::Error),
    #[error("a sealed value does not open (damaged, or sealed for another purpose)")]
    Damaged,
    #[error("sealing is not ready: the key has not been checked at start")]
    NotReady,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// The key, once checked; seals and opens text.
pub struct Sealer {
    file: PathBuf,
    cipher: OnceLock<XChaCha20Poly1305>,
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sealer").field("file", &self.file).field("ready", &self.cipher.get().is_some()).finish()
    }
}

fn parse_hex(text: &str, source: &str) -> Result<[u8; 32], SealError> {
    let text = text.trim();
    let mut key = [0u8; 32];
    if text.len() != 64 || !text.is_ascii() {
        return Err(SealError::Malformed(source.to_owned()));
    }
    for (byte, pair) in key.iter_mut().zip(text.as_bytes().chunks(2)) {
        let pair = std::str::from_utf8(pair).map_err(|_| SealError::Malformed(source.to_owned()))?;
        *byte = u8::from_str_radix(pair, 16).map_err(|_| SealError::Malformed(source.to_owned()))?;
    }
    Ok(key)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Sealer {
    /// A sealer whose key is in `data_dir` (or the environment); nothing is read until [`Sealer::check`].
    pub fn new(data_dir: &Path) -> Sealer {
        Sealer { file: data_dir.join(KEY_FILE), cipher: OnceLock::new() }
    }

    /// The key given by the environment or the key file, with where it came from; `None` when neither has one.
    fn given_key(&self) -> Result<Option<([u8; 32], String)>, SealError> {
        if let Ok(text) = std::env::var(KEY_VAR) {
            return Ok(Some((parse_hex(&text, KEY_VAR)?, KEY_VAR.to_owned())));
        }
        let source = self.file.display().to_string();
        match std::fs::read_to_string(&self.file) {
            Ok(text) => Ok(Some((parse_hex(&text, &source)?, source))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(SealError::Io(source, e)),
        }
    }

    /// Writes a new random key to the key file, readable by its owner only.
    fn create_key(&self) -> Result<([u8; 32], String), SealError> {
        let source = self.file.display().to_string();
        let mut key = [0u8; 32];
        rand::rng().fill_bytes(&mut key);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&self.file).map_err(|e| SealError::Io(source.clone(), e))?;
        std::io::Write::write_all(&mut file, format!("{}\n", hex(&key)).as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|e| SealError::Io(source.clone(), e))?;
        Ok((key, source))
    }

    /// Copies the key file to `target` (owner-readable only) for a backup; false when the key is given by the
    /// environment or there is none (nothing to copy: the operator keeps it).
    pub fn copy_key_to(&self, target: &Path) -> Result<bool, SealError> {
        if std::env::var(KEY_VAR).is_ok() || !self.file.exists() {
            return Ok(false);
        }
        let source = self.file.display().to_string();
        let text = std::fs::read_to_string(&self.file).map_err(|e| SealError::Io(source.clone(), e))?;
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let target_name = target.display().to_string();
        let mut file = options.open(target).map_err(|e| SealError::Io(target_name.clone(), e))?;
        std::io::Write::write_all(&mut file, text.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|e| SealError::Io(target_name, e))?;
        Ok(true)
    }

    /// Checks the key against the database before anything is served: opens the probe sealed at the first start,
    /// or, in a database that has none, seals it (creating the key file when no key is given).
    pub async fn check(&self, db: &Db) -> Result<(), SealError> {
        if self.cipher.get().is_some() {
            return Ok(());
        }
        let probe: Option<String> = with_read!(db, pool => {
            sqlx::query_scalar("SELECT probe_sealed FROM sealing_keys WHERE id = 1").fetch_optional(pool).await?
        });
        let given = self.given_key()?;
        match (probe, given) {
            (Some(_), None) => Err(SealError::Missing(self.file.display().to_string())),
            (Some(probe), Some((key, source))) => {
                let cipher = XChaCha20Poly1305::new(&Key::from(key));
                if open_with(&cipher, "probe", &probe).ok().as_deref() != Some(PROBE) {
                    return Err(SealError::Wrong(source));
                }
                let _ = self.cipher.set(cipher);
                Ok(())
            }
            (None, given) => {
                let (key, _) = match given {
                    Some(given) => given,
                    None => self.create_key()?,
                };
                let cipher = XChaCha20Poly1305::new(&Key::from(key));
                let probe = seal_with(&cipher, "probe", PROBE)?;
                with_write!(db, pool => {
                    sqlx::query("INSERT INTO sealing_keys (id, probe_sealed, created_at) VALUES (1, $1, $2)
                                 ON CONFLICT (id) DO NOTHING")
                        .bind(&probe).bind(now()).execute(pool).await?;
                });
                let _ = self.cipher.set(cipher);
                Ok(())
            }
        }
    }

    fn cipher(&self) -> Result<&XChaCha20Poly1305, SealError> {
        self.cipher.get().ok_or(SealError::NotReady)
    }

    /// `text` sealed for `purpose` (the column it goes to).
    pub fn seal(&self, purpose: &str, text: &str) -> Result<String, SealError> {
        seal_with(self.cipher()?, purpose, text)
    }

    /// `bytes` (a document) sealed for `purpose`.
    pub fn seal_bytes(&self, purpose: &str, bytes: &[u8]) -> Result<String, SealError> {
        seal_raw(self.cipher()?, purpose, bytes)
    }

    /// The bytes of a value sealed for `purpose` by [`Sealer::seal_bytes`].
    pub fn open_bytes(&self, purpose: &str, sealed: &str) -> Result<Vec<u8>, SealError> {
        open_raw(self.cipher()?, purpose, sealed)
    }

    /// The text of a value sealed for `purpose`.
    pub fn open(&self, purpose: &str, sealed: &str) -> Result<String, SealError> {
        open_with(self.cipher()?, purpose, sealed)
    }
}

fn seal_with(cipher: &XChaCha20Poly1305, purpose: &str, text: &str) -> Result<String, SealError> {
    seal_raw(cipher, purpose, text.as_bytes())
}

fn open_with(cipher: &XChaCha20Poly1305, purpose: &str, sealed: &str) -> Result<String, SealError> {
    String::from_utf8(open_raw(cipher, purpose, sealed)?).map_err(|_| SealError::Damaged)
}

fn seal_raw(cipher: &XChaCha20Poly1305, purpose: &str, bytes: &[u8]) -> Result<String, SealError> {
    let mut nonce = [0u8; 24];
    rand::rng().fill_bytes(&mut nonce);
    let sealed = cipher
        .encrypt(&XNonce::from(nonce), Payload { msg: bytes, aad: purpose.as_bytes() })
        .map_err(|_| SealError::Damaged)?;
    let mut bytes = nonce.to_vec();
    bytes.extend_from_slice(&sealed);
    Ok(format!("{PREFIX}{}", STANDARD.encode(bytes)))
}

fn open_raw(cipher: &XChaCha20Poly1305, purpose: &str, sealed: &str) -> Result<Vec<u8>, SealError> {
    let bytes = sealed.strip_prefix(PREFIX).and_then(|b| STANDARD.decode(b).ok()).ok_or(SealError::Damaged)?;
    let (nonce, body) = bytes.split_at_checked(24).ok_or(SealError::Damaged)?;
    let nonce: [u8; 24] = nonce.try_into().map_err(|_| SealError::Damaged)?;
    cipher.decrypt(&XNonce::from(nonce), Payload { msg: body, aad: purpose.as_bytes() }).map_err(|_| SealError::Damaged)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn cipher(byte: u8) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(&Key::from([byte; 32]))
    }

    #[test]
    fn sealed_text_opens_only_with_its_key_and_purpose() {
        let sealed = seal_with(&cipher(1), "case_entries.text", "Тараптар келісті").unwrap();
        assert!(sealed.starts_with("v1:"));
        assert!(!sealed.contains("Тараптар"));
        assert_eq!(open_with(&cipher(1), "case_entries.text", &sealed).unwrap(), "Тараптар келісті");
        assert!(open_with(&cipher(2), "case_entries.text", &sealed).is_err());
        assert!(open_with(&cipher(1), "case_parties.name", &sealed).is_err());
        assert!(open_with(&cipher(1), "case_entries.text", "v1:AAAA").is_err());
        // The same text twice seals differently (a fresh nonce each time).
        assert_ne!(sealed, seal_with(&cipher(1), "case_entries.text", "Тараптар келісті").unwrap());
    }

    #[test]
    fn keys_are_64_hex_digits() {
        assert_eq!(parse_hex(&"ab".repeat(32), "x").unwrap(), [0xab; 32]);
        assert!(parse_hex("abc", "x").is_err());
        assert!(parse_hex(&"zz".repeat(32), "x").is_err());
        assert!(parse_hex(&"é".repeat(32), "x").is_err());
    }
}
