//! What recommendations tell people: the addressee's liaisons hear of a recommendation received and of each
//! reminder before its term; the sending secretariat and followers hear of an answer, an extension, a forward and
//! a report; when the term passes unanswered, the sending secretariat and the secretariat of the body above it hear
//! of the escalation (and the liaisons again).

use crate::platform::change::{StoredEvent, Worker};
use crate::platform::db::Db;
use crate::platform::notify::{Followed, Notice, Notifier, Recipients};

use super::model::Recommendation;
use super::{addressees, scope, store};

/// A recommendation reached one's addressee.
pub const RECEIVED: &str = "recommendation-received";
/// An answer, extension, forward or report on a recommendation one's body sent or one follows.
pub const ANSWERED: &str = "recommendation-answered";
/// The term of a recommendation to one's addressee is near.
pub const REMINDER: &str = "recommendation-reminder";
/// A recommendation is overdue.
pub const OVERDUE: &str = "recommendation-overdue";

pub fn register(notify: &std::sync::Arc<Notifier>, worker: &Worker) {
    for kind in [RECEIVED, ANSWERED, REMINDER, OVERDUE] {
        notify.kind(kind);
    }
    notify.followable(scope(0).area, |db, id| async move {
        Ok(store::get(&db, id).await?.map(|r| Followed { title: r.title, link: format!("/recommendations/{id}") }))
    });
    notify.on(worker, store::SENT, |db, event| async move {
        let Some(r) = about(&db, &event).await? else { return Ok(Vec::new()) };
        let liaisons = addressees::liaisons(&db, r.addressee_id).await?;
        Ok(vec![notice(&r, RECEIVED, None, vec![Recipients::People(liaisons)])])
    });
    for (event, detail) in
        [(store::ANSWERED, "answered"), (store::EXTENDED, "extended"), (store::FORWARDED, "forwarded")]
    {
        notify.on(worker, event, move |db, event| async move {
            let Some(r) = about(&db, &event).await? else { return Ok(Vec::new()) };
            let to =
                vec![Recipients::Role { role: "secretariat", body: r.body_id }, Recipients::Followers(scope(r.id))];
            Ok(vec![notice(&r, ANSWERED, Some(detail), to)])
        });
    }
    notify.on(worker, store::REMINDED, |db, event| async move { reminded(&db, &event).await });
}

async fn about(db: &Db, event: &StoredEvent) -> anyhow::Result<Option<Recommendation>> {
    Ok(match event.item_id {
        Some(id) => store::get(db, id).await?,
        None => None,
    })
}

fn notice(r: &Recommendation, kind: &'static str, detail: Option<&'static str>, to: Vec<Recipients>) -> Notice {
    Notice {
        kind,
        item: scope(r.id),
        link: format!("/recommendations/{}", r.id),
        title: r.title.clone(),
        detail,
        to,
        except: None,
    }
}

async fn reminded(db: &Db, event: &StoredEvent) -> anyhow::Result<Vec<Notice>> {
    let Some(row) = event.subject_id else { return Ok(Vec::new()) };
    let Some((id, kind, _term)) = store::reminder(db, row).await? else { return Ok(Vec::new()) };
    let Some(r) = store::get(db, id).await? else { return Ok(Vec::new()) };
    let liaisons = Recipients::People(addressees::liaisons(db, r.addressee_id).await?);
    Ok(match kind.as_str() {
        "due_in_5" => vec![notice(&r, REMINDER, Some("due-in-5"), vec![liaisons])],
        "due_in_1" => vec![notice(&r, REMINDER, Some("due-in-1"), vec![liaisons])],
        _ => {
            let mut to = vec![Recipients::Role { role: "secretariat", body: r.body_id }, liaisons];
            if let Some(parent) = crate::registry::store::body(db, r.body_id).await?.and_then(|b| b.parent_id) {
                to.push(Recipients::Role { role: "secretariat", body: parent });
            }
            vec![notice(&r, OVERDUE, None, to)]
        }
    })
}
