//! What consultations tell people: followers hear of each statement open for voting; a logged-in author hears
//! whether his statement was published or rejected.

use crate::platform::change::{StoredEvent, Worker};
use crate::platform::db::Db;
use crate::platform::notify::{Followed, Notice, Notifier, Recipients};

use super::model::Status;
use super::{scope, store};

/// A statement is open for voting in a consultation one follows.
pub const STATEMENT_PUBLISHED: &str = "statement-published";
/// One's own statement was moderated (published or rejected).
pub const STATEMENT_MODERATED: &str = "statement-moderated";

pub fn register(notify: &std::sync::Arc<Notifier>, worker: &Worker) {
    notify.kind(STATEMENT_PUBLISHED);
    notify.kind(STATEMENT_MODERATED);
    notify.followable(scope(0).area, |db, id| async move {
        Ok(store::consultation(&db, id)
            .await?
            .map(|c| Followed { title: c.question, link: format!("/consultations/{id}") }))
    });
    notify.on(worker, "statement.added", |db, event| async move { notices(&db, &event, false).await });
    notify.on(worker, "statement.moderated", |db, event| async move { notices(&db, &event, true).await });
}

/// The notices of a statement added or moderated: to followers when it is open for voting, and to its author
/// when a moderator decided.
async fn notices(db: &Db, event: &StoredEvent, moderated: bool) -> anyhow::Result<Vec<Notice>> {
    let Some(statement) = event.subject_id else { return Ok(Vec::new()) };
    let Some(s) = store::statement(db, statement).await? else { return Ok(Vec::new()) };
    let Some(c) = store::consultation(db, s.consultation_id).await? else { return Ok(Vec::new()) };
    let author = store::author_login(db, s.id).await?;
    let link = format!("/consultations/{}", c.id);
    let mut notices = Vec::new();
    if s.status == Status::Published {
        notices.push(Notice {
            kind: STATEMENT_PUBLISHED,
            item: scope(c.id),
            link: link.clone(),
            title: c.question.clone(),
            detail: None,
            to: vec![Recipients::Followers(scope(c.id))],
            except: author,
        });
    }
    if let (true, Some(author)) = (moderated, author) {
        let detail = match s.status {
            Status::Published => Some("published"),
            Status::Rejected => Some("rejected"),
            Status::Pending => None,
        };
        if let Some(detail) = detail {
            notices.push(Notice {
                kind: STATEMENT_MODERATED,
                item: scope(c.id),
                link,
                title: c.question,
                detail: Some(detail),
                to: vec![Recipients::People(vec![author])],
                except: None,
            });
        }
    }
    Ok(notices)
}
