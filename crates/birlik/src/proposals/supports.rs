//! Supports, stored by group commit ([`crate::platform::batch`]): a support is durable before its answer, and
//! under load one commit carries many ([`super::store::support_all`]).

use super::store::{self, Support, Supported};
use crate::platform::batch::GroupCommit;
use crate::platform::db::Db;

/// The most supports in one transaction.
const MAX_BATCH: usize = 1024;

/// The handle requests use to count supports.
pub type SupportWriter = GroupCommit<Support, Supported>;

pub fn start(db: Db) -> SupportWriter {
    GroupCommit::start(db, MAX_BATCH, |db, supports| async move { store::support_all(&db, &supports).await })
}
