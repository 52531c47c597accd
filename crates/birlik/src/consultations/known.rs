//! What the vote path knows without asking the database: each consultation with its published statements, and
//! which participant an identity is. A vote then costs no read, only its share of a group commit.
//!
//! A consultation is read again after any public write of this process (`db::writes`: a new statement, a
//! moderation, an analysis) and at least every ten seconds, for several servers on one PostgreSQL. The identity →
//! participant mapping never changes once made, so it is kept until the map grows too large.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use super::model::Consultation;
use super::store;
use crate::platform::db::Db;

const FRESH_FOR: Duration = Duration::from_secs(10);
const MAX_PARTICIPANTS: usize = 1_000_000;

/// A consultation as the vote path sees it.
pub struct Current {
    pub consultation: Consultation,
    /// Statements open for voting.
    pub published: HashSet<i64>,
    generation: u64,
    loaded: Instant,
}

#[derive(Default)]
pub struct Known {
    consultations: RwLock<HashMap<i64, Arc<Current>>>,
    participants: RwLock<HashMap<(i64, String), i64>>,
}

impl Known {
    /// The consultation `id`, from memory while it is fresh.
    pub async fn consultation(&self, db: &Db, id: i64) -> sqlx::Result<Option<Arc<Current>>> {
        // Only changes to this consultation (a statement added, moderated, translated; its settings) make it stale
        // here, on this server or another: its analysis rounds do not.
        let generation = crate::platform::change::generation(&[super::scope(id)]);
        let cached = self.consultations.read().ok().and_then(|m| m.get(&id).cloned());
        if let Some(current) = cached.filter(|c| c.generation == generation && c.loaded.elapsed() < FRESH_FOR) {
            return Ok(Some(current));
        }
        let Some(consultation) = store::consultation(db, id).await? else { return Ok(None) };
        let published = store::published_ids(db, id).await?.into_iter().collect();
        let current = Arc::new(Current { consultation, published, generation, loaded: Instant::now() });
        if let Ok(mut map) = self.consultations.write() {
            map.insert(id, current.clone());
        }
        Ok(Some(current))
    }

    /// The participant known by `identity` in `consultation`, if this process has met him.
    pub fn participant(&self, consultation: i64, identity: &str) -> Option<i64> {
        self.participants.read().ok()?.get(&(consultation, identity.to_owned())).copied()
    }

    /// Remembers a participant.
    pub fn remember(&self, consultation: i64, identity: &str, id: i64) {
        if let Ok(mut map) = self.participants.write() {
            if map.len() >= MAX_PARTICIPANTS {
                map.clear();
            }
            map.insert((consultation, identity.to_owned()), id);
        }
    }
}
