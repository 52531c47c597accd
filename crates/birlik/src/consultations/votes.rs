//! Votes, stored by group commit. Every request hands its vote to one writer task and waits; the writer takes all
//! the votes that are waiting, writes them in one transaction, and answers each request once the transaction has
//! committed. A vote is durable before its response, and under load one commit carries many votes.

use std::sync::Arc;

use tokio::sync::{mpsc, oneshot};

use super::analysis::Analyst;
use super::store;
use crate::platform::db::Db;

/// The most votes in one transaction.
const MAX_BATCH: usize = 2048;

/// A vote on its way to the log.
#[derive(Clone, Copy, Debug)]
pub struct Ballot {
    pub consultation: i64,
    pub participant: i64,
    pub statement: i64,
    /// 1 agree, −1 disagree, 0 pass.
    pub value: i64,
    /// Unix milliseconds.
    pub at: i64,
}

type Reply = oneshot::Sender<Result<(), Arc<sqlx::Error>>>;

/// The handle requests use to cast votes.
#[derive(Clone)]
pub struct VoteWriter {
    queue: mpsc::Sender<(Ballot, Reply)>,
}

impl VoteWriter {
    /// Starts the writer task. Committed votes mark their consultations stale for `analyst`.
    pub fn start(db: Db, analyst: Arc<Analyst>) -> VoteWriter {
        let (queue, mut inbox) = mpsc::channel::<(Ballot, Reply)>(MAX_BATCH * 4);
        tokio::spawn(async move {
            let mut batch = Vec::with_capacity(MAX_BATCH);
            while inbox.recv_many(&mut batch, MAX_BATCH).await > 0 {
                let ballots: Vec<Ballot> = batch.iter().map(|(b, _)| *b).collect();
                let result = store::append_votes(&db, &ballots).await;
                if result.is_ok() {
                    let mut ids: Vec<i64> = ballots.iter().map(|b| b.consultation).collect();
                    ids.dedup();
                    analyst.touch(ids);
                }
                answer(&db, std::mem::take(&mut batch), result).await;
            }
        });
        VoteWriter { queue }
    }

    /// Stores a vote; returns once it is committed.
    pub async fn cast(&self, ballot: Ballot) -> anyhow::Result<()> {
        let (reply, answer) = oneshot::channel();
        self.queue.send((ballot, reply)).await.map_err(|_| anyhow::anyhow!("the vote writer has stopped"))?;
        match answer.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(anyhow::anyhow!("vote not stored: {e}")),
            Err(_) => Err(anyhow::anyhow!("the vote writer has stopped")),
        }
    }
}

/// Answers every request of a batch. When the batch failed as a whole, each vote is tried alone, so that one bad
/// vote does not refuse the others.
async fn answer(db: &Db, batch: Vec<(Ballot, Reply)>, result: Result<(), sqlx::Error>) {
    match result {
        Ok(()) => batch.into_iter().for_each(|(_, reply)| drop(reply.send(Ok(())))),
        Err(e) if batch.len() == 1 => {
            let e = Arc::new(e);
            batch.into_iter().for_each(|(_, reply)| drop(reply.send(Err(e.clone()))));
        }
        Err(_) => {
            for (ballot, reply) in batch {
                let _ = reply.send(store::append_votes(db, &[ballot]).await.map_err(Arc::new));
            }
        }
    }
}

/// The current time in Unix milliseconds.
pub fn now_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}
