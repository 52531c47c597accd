//! Files on disk, content-addressed: `data_dir/files/<first two hex digits>/<sha256>`, so the same content is
//! stored once. An upload is streamed into a temporary file under `data_dir/files/tmp` while it is hashed; the
//! temporary file removes itself when dropped (a refused, failed or abandoned upload, even one whose request
//! future is cancelled), and only a kept upload is renamed to its place. Files are never changed once there.

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use crate::platform::files::sniff::HEAD;

/// The files directory of a data directory.
#[derive(Clone, Debug)]
pub struct Storage {
    root: PathBuf,
}

/// Temporary files older than this are left over from a crash and removed when the server starts (younger ones
/// may belong to another server sharing the directory).
const STALE: Duration = Duration::from_secs(3600);

impl Storage {
    pub fn new(data_dir: &Path) -> Storage {
        Storage { root: data_dir.join("files") }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn tmp(&self) -> PathBuf {
        self.root.join("tmp")
    }

    /// Creates the directories and removes the temporary files a crash left behind.
    pub fn prepare(&self) -> io::Result<()> {
        std::fs::create_dir_all(self.tmp())?;
        for entry in std::fs::read_dir(self.tmp())? {
            let entry = entry?;
            let modified = entry.metadata()?.modified()?;
            if SystemTime::now().duration_since(modified).unwrap_or_default() > STALE {
                std::fs::remove_file(entry.path())?;
            }
        }
        Ok(())
    }

    /// Where the content with this SHA-256 (64 lower-case hex digits) lives; `None` for anything else.
    pub fn path_of(&self, sha256: &str) -> Option<PathBuf> {
        let valid = sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        let prefix = sha256.get(..2).filter(|_| valid)?;
        Some(self.root.join(prefix).join(sha256))
    }

    /// Starts receiving a file of at most `limit` bytes.
    pub async fn receive(&self, limit: u64) -> io::Result<Incoming> {
        let tmp = self.tmp();
        let (file, path) = tokio::task::spawn_blocking(move || {
            std::fs::create_dir_all(&tmp)?;
            tempfile::Builder::new().prefix("upload-").tempfile_in(&tmp).map(tempfile::NamedTempFile::into_parts)
        })
        .await
        .map_err(io::Error::other)??;
        Ok(Incoming {
            file: tokio::fs::File::from_std(file),
            path,
            hasher: Sha256::new(),
            size: 0,
            head: Vec::new(),
            limit,
        })
    }

    /// Copies every stored file (not the temporary ones) into `target`, in the same layout. Files are never
    /// changed, so a copy taken after a database backup holds every file that backup names.
    pub fn copy_to(&self, target: &Path) -> io::Result<u64> {
        std::fs::create_dir_all(target)?;
        let mut copied = 0;
        if !self.root.exists() {
            return Ok(0);
        }
        for dir in std::fs::read_dir(&self.root)? {
            let dir = dir?;
            let name = dir.file_name();
            let is_prefix = name.len() == 2 && name.to_str().is_some_and(|n| n.bytes().all(|b| b.is_ascii_hexdigit()));
            if !is_prefix || !dir.file_type()?.is_dir() {
                continue;
            }
            let into = target.join(&name);
            std::fs::create_dir_all(&into)?;
            for file in std::fs::read_dir(dir.path())? {
                let file = file?;
                if file.file_type()?.is_file() {
                    std::fs::copy(file.path(), into.join(file.file_name()))?;
                    copied += 1;
                }
            }
        }
        Ok(copied)
    }
}

/// Why a chunk was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The file is larger than the limit.
    TooLarge,
    Io(io::Error),
}

/// A file being received: written to a temporary file and hashed as it comes.
pub struct Incoming {
    file: tokio::fs::File,
    /// Removes the temporary file when dropped, unless it was moved to its place.
    path: tempfile::TempPath,
    hasher: Sha256,
    size: u64,
    head: Vec<u8>,
    limit: u64,
}

impl Incoming {
    pub async fn write(&mut self, chunk: &[u8]) -> Result<(), WriteError> {
        self.size += chunk.len() as u64;
        if self.size > self.limit {
            return Err(WriteError::TooLarge);
        }
        if self.head.len() < HEAD {
            let wanted = (HEAD - self.head.len()).min(chunk.len());
            self.head.extend_from_slice(chunk.get(..wanted).unwrap_or_default());
        }
        self.hasher.update(chunk);
        self.file.write_all(chunk).await.map_err(WriteError::Io)
    }

    /// The first bytes received, for sniffing.
    pub fn head(&self) -> &[u8] {
        &self.head
    }

    /// Finishes the file (on disk, synced) and says what it holds.
    pub async fn finish(mut self) -> io::Result<Received> {
        self.file.flush().await?;
        self.file.sync_all().await?;
        drop(self.file);
        let sha256 = self.hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
        Ok(Received { sha256, size: self.size, head: self.head, path: self.path })
    }
}

/// A received file, still temporary until [`Received::keep`].
pub struct Received {
    pub sha256: String,
    pub size: u64,
    pub head: Vec<u8>,
    path: tempfile::TempPath,
}

impl Received {
    /// Moves the file to its content address, unless the same content is stored already (then the temporary
    /// file goes). Either way the content is at its address afterwards.
    pub async fn keep(self, storage: &Storage) -> io::Result<()> {
        let target = storage.path_of(&self.sha256).ok_or_else(|| io::Error::other("not a SHA-256"))?;
        let path = self.path;
        tokio::task::spawn_blocking(move || {
            if target.exists() {
                return Ok(());
            }
            if let Some(dir) = target.parent() {
                std::fs::create_dir_all(dir)?;
            }
            path.persist(&target).map(|_| ()).map_err(|e| e.error)
        })
        .await
        .map_err(io::Error::other)?
    }
}
