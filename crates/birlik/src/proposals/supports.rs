//! Supports, stored by group commit (as consultations store votes): every request hands its support to one writer
//! task and waits; the writer takes everything waiting, counts it in one transaction ([`super::store::support_all`])
//! and answers each request once it has committed. A support is durable before its answer, and under load one
//! commit (one fsync on SQLite) carries many supports.

use std::sync::Arc;

use tokio::sync::{mpsc, oneshot};

use super::store::{self, Support, Supported};
use crate::platform::db::Db;

/// The most supports in one transaction.
const MAX_BATCH: usize = 1024;

type Reply = oneshot::Sender<Result<Supported, Arc<sqlx::Error>>>;

/// The handle requests use to count supports.
#[derive(Clone)]
pub struct SupportWriter {
    queue: mpsc::Sender<(Support, Reply)>,
}

impl SupportWriter {
    pub fn start(db: Db) -> SupportWriter {
        let (queue, mut inbox) = mpsc::channel::<(Support, Reply)>(MAX_BATCH * 4);
        tokio::spawn(async move {
            let mut batch = Vec::with_capacity(MAX_BATCH);
            while inbox.recv_many(&mut batch, MAX_BATCH).await > 0 {
                let (supports, replies): (Vec<Support>, Vec<Reply>) = std::mem::take(&mut batch).into_iter().unzip();
                match store::support_all(&db, &supports).await {
                    Ok(done) => {
                        for (reply, done) in replies.into_iter().zip(done) {
                            let _ = reply.send(Ok(done));
                        }
                    }
                    Err(e) => {
                        let e = Arc::new(e);
                        for reply in replies {
                            let _ = reply.send(Err(e.clone()));
                        }
                    }
                }
            }
        });
        SupportWriter { queue }
    }

    /// Counts a support; returns once it is committed.
    pub async fn count(&self, support: Support) -> anyhow::Result<Supported> {
        let (reply, answer) = oneshot::channel();
        let stopped = || anyhow::anyhow!("the support writer has stopped");
        self.queue.send((support, reply)).await.map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?.map_err(|e| anyhow::anyhow!("support not stored: {e}"))
    }
}
