//! What proposals tell people: the secretariat of a body hears when a proposal reaches its threshold (it is in the
//! queue for the next meeting); the author, the supporters and the followers hear of every step the body takes.

use crate::platform::change::{StoredEvent, Worker};
use crate::platform::db::Db;
use crate::platform::notify::{Followed, Notice, Notifier, Recipients};

use super::model::ProposalStatus;
use super::{scope, store};

/// A proposal before one's body reached its threshold.
pub const QUEUED: &str = "proposal-queued";
/// A body took a step on a proposal one filed, supports or follows.
pub const DECIDED: &str = "proposal-decided";

pub fn register(notify: &std::sync::Arc<Notifier>, worker: &Worker) {
    notify.kind(QUEUED);
    notify.kind(DECIDED);
    notify.followable(scope(0).area, |db, id| async move {
        Ok(store::proposal(&db, id).await?.map(|p| Followed { title: p.title, link: format!("/proposals/{id}") }))
    });
    notify.on(worker, store::QUEUED, |db, event| async move { queued(&db, &event).await });
    notify.on(worker, store::DECIDED, |db, event| async move { decided(&db, &event).await });
}

async fn queued(db: &Db, event: &StoredEvent) -> anyhow::Result<Vec<Notice>> {
    let Some(p) = (match event.item_id {
        Some(id) => store::proposal(db, id).await?,
        None => None,
    }) else {
        return Ok(Vec::new());
    };
    Ok(vec![Notice {
        kind: QUEUED,
        item: scope(p.id),
        link: format!("/proposals/{}", p.id),
        title: p.title,
        detail: None,
        to: vec![Recipients::Role { role: "secretariat", body: p.body_id }],
        except: None,
    }])
}

async fn decided(db: &Db, event: &StoredEvent) -> anyhow::Result<Vec<Notice>> {
    let Some(p) = (match event.item_id {
        Some(id) => store::proposal(db, id).await?,
        None => None,
    }) else {
        return Ok(Vec::new());
    };
    let detail = match p.status {
        ProposalStatus::Accepted => "accepted",
        ProposalStatus::Forwarded => "forwarded",
        ProposalStatus::Merged => "merged",
        ProposalStatus::Rejected => "rejected",
        ProposalStatus::Open | ProposalStatus::Queued => return Ok(Vec::new()),
    };
    let mut people = store::supporters(db, p.id).await?;
    people.push(p.author_id);
    people.sort_unstable();
    people.dedup();
    Ok(vec![Notice {
        kind: DECIDED,
        item: scope(p.id),
        link: format!("/proposals/{}", p.id),
        title: p.title,
        detail: Some(detail),
        to: vec![Recipients::People(people), Recipients::Followers(scope(p.id))],
        except: None,
    }])
}
