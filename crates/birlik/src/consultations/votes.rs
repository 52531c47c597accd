//! Votes, stored by group commit. Every request hands its vote (or, for a newcomer, his joining) to one writer task
//! and waits; the writer takes everything that is waiting, writes it in one transaction, and answers each request
//! once the transaction has committed. A vote is durable before its response, and under load one commit (one
//! fsync) carries many votes.

use std::sync::Arc;

use tokio::sync::{mpsc, oneshot};

use super::analysis::Analyst;
use super::store;
use crate::platform::db::Db;

/// The most operations in one transaction.
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

type Failure = Arc<sqlx::Error>;

/// What a request hands to the writer.
enum Op {
    Vote(Ballot, oneshot::Sender<Result<(), Failure>>),
    /// A participant's first action: his row, created or found, by (consultation, identity).
    Join(i64, String, oneshot::Sender<Result<i64, Failure>>),
}

/// The handle requests use to cast votes.
#[derive(Clone)]
pub struct VoteWriter {
    queue: mpsc::Sender<Op>,
}

fn stopped() -> anyhow::Error {
    anyhow::anyhow!("the vote writer has stopped")
}

impl VoteWriter {
    /// Starts the writer task. Committed votes mark their consultations stale for `analyst`.
    pub fn start(db: Db, analyst: Arc<Analyst>) -> VoteWriter {
        let (queue, mut inbox) = mpsc::channel::<Op>(MAX_BATCH * 4);
        tokio::spawn(async move {
            let mut batch = Vec::with_capacity(MAX_BATCH);
            while inbox.recv_many(&mut batch, MAX_BATCH).await > 0 {
                let ops = std::mem::take(&mut batch);
                let mut ids: Vec<i64> = ops
                    .iter()
                    .filter_map(|op| if let Op::Vote(b, _) = op { Some(b.consultation) } else { None })
                    .collect();
                write(&db, ops).await;
                ids.dedup();
                analyst.touch(ids);
            }
        });
        VoteWriter { queue }
    }

    /// Stores a vote; returns once it is committed.
    pub async fn cast(&self, ballot: Ballot) -> anyhow::Result<()> {
        let (reply, answer) = oneshot::channel();
        self.queue.send(Op::Vote(ballot, reply)).await.map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?.map_err(|e| anyhow::anyhow!("vote not stored: {e}"))
    }

    /// The participant known by `identity` in `consultation`, created (and committed) on first use.
    pub async fn join(&self, consultation: i64, identity: &str) -> anyhow::Result<i64> {
        let (reply, answer) = oneshot::channel();
        self.queue.send(Op::Join(consultation, identity.to_owned(), reply)).await.map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?.map_err(|e| anyhow::anyhow!("participant not stored: {e}"))
    }
}

/// Writes a batch in one transaction and answers every request. When the batch fails as a whole, each operation is
/// tried alone, so that one bad vote does not refuse the others.
async fn write(db: &Db, ops: Vec<Op>) {
    let joins: Vec<(i64, &str)> =
        ops.iter().filter_map(|op| if let Op::Join(c, i, _) = op { Some((*c, i.as_str())) } else { None }).collect();
    let ballots: Vec<Ballot> =
        ops.iter().filter_map(|op| if let Op::Vote(b, _) = op { Some(*b) } else { None }).collect();
    match store::write_batch(db, &joins, &ballots).await {
        Ok(ids) => {
            let mut ids = ids.into_iter();
            for op in ops {
                match op {
                    Op::Vote(_, reply) => drop(reply.send(Ok(()))),
                    Op::Join(.., reply) => {
                        drop(reply.send(ids.next().ok_or_else(|| Arc::new(sqlx::Error::RowNotFound))))
                    }
                }
            }
        }
        Err(e) if ops.len() == 1 => answer_alone(ops, Arc::new(e)),
        Err(_) => {
            for op in ops {
                match op {
                    Op::Vote(b, reply) => {
                        drop(reply.send(store::write_batch(db, &[], &[b]).await.map(|_| ()).map_err(Arc::new)))
                    }
                    Op::Join(c, identity, reply) => {
                        let id = store::write_batch(db, &[(c, &identity)], &[]).await;
                        drop(
                            reply.send(id.map_err(Arc::new).and_then(|ids| {
                                ids.first().copied().ok_or_else(|| Arc::new(sqlx::Error::RowNotFound))
                            })),
                        );
                    }
                }
            }
        }
    }
}

fn answer_alone(ops: Vec<Op>, e: Failure) {
    for op in ops {
        match op {
            Op::Vote(_, reply) => drop(reply.send(Err(e.clone()))),
            Op::Join(.., reply) => drop(reply.send(Err(e.clone()))),
        }
    }
}

/// The current time in Unix milliseconds.
pub fn now_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}
