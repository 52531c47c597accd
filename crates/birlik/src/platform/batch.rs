//! Group commit: requests hand their write to one task and wait; the task takes everything waiting, writes it in
//! one transaction (the capability's function), and answers each request once that transaction committed. Each
//! write is durable before its answer, and under load one commit (one fsync on SQLite's single writer) carries many.
//! Consultations' votes have their own writer (with the analyst beside it); supports and meeting check-ins and votes
//! use this one.

use std::future::Future;
use std::sync::Arc;

use tokio::sync::{mpsc, oneshot};

use crate::platform::db::Db;

type Reply<Out> = oneshot::Sender<Result<Out, Arc<sqlx::Error>>>;

/// The handle requests submit their operations through.
pub struct GroupCommit<Op, Out> {
    queue: mpsc::Sender<(Op, Reply<Out>)>,
}

impl<Op, Out> Clone for GroupCommit<Op, Out> {
    fn clone(&self) -> Self {
        GroupCommit { queue: self.queue.clone() }
    }
}

impl<Op: Send + 'static, Out: Send + 'static> GroupCommit<Op, Out> {
    /// Starts the writer task: `write` stores up to `max` operations in one transaction and returns their outcomes
    /// in their order (an error fails them all, and nothing of them is stored).
    pub fn start<F, Fut>(db: Db, max: usize, write: F) -> GroupCommit<Op, Out>
    where
        F: Fn(Db, Vec<Op>) -> Fut + Send + 'static,
        Fut: Future<Output = sqlx::Result<Vec<Out>>> + Send,
    {
        let (queue, mut inbox) = mpsc::channel::<(Op, Reply<Out>)>(max * 4);
        tokio::spawn(async move {
            let mut batch = Vec::with_capacity(max);
            while inbox.recv_many(&mut batch, max).await > 0 {
                let (ops, replies): (Vec<Op>, Vec<Reply<Out>>) = std::mem::take(&mut batch).into_iter().unzip();
                match write(db.clone(), ops).await {
                    Ok(outs) => {
                        for (reply, out) in replies.into_iter().zip(outs) {
                            let _ = reply.send(Ok(out));
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
        GroupCommit { queue }
    }

    /// Stores `op`; returns its outcome once it is committed.
    pub async fn submit(&self, op: Op) -> anyhow::Result<Out> {
        let (reply, answer) = oneshot::channel();
        let stopped = || anyhow::anyhow!("the group-commit writer has stopped");
        self.queue.send((op, reply)).await.map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?.map_err(|e| anyhow::anyhow!("not stored: {e}"))
    }
}
