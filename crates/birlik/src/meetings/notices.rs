//! What meetings tell people: when a meeting's agenda is published, or its minutes approved (a first version or a
//! correction), the body's members (the logins of its seated persons, and member roles) and secretariat, the
//! body's followers and the meeting's followers hear of it.

use crate::platform::change::Worker;
use crate::platform::i18n::Lang;
use crate::platform::multilingual::Multilingual;
use crate::platform::notify::{Followed, Notice, Notifier, Recipients};

use super::{scope, store};

/// The event of a published agenda (its scope is the meeting).
pub const AGENDA_PUBLISHED: &str = "meeting.agenda_published";
/// The kind of notice: a meeting's agenda was published.
pub const AGENDA: &str = "agenda-published";
/// The event of approved minutes (its scope is the meeting).
pub const MINUTES_APPROVED: &str = "meeting.minutes_approved";
/// The kind of notice: a meeting's minutes were approved.
pub const MINUTES: &str = "minutes-approved";

pub fn register(notify: &std::sync::Arc<Notifier>, worker: &Worker) {
    notify.kind(AGENDA);
    notify.followable(scope(0).area, |db, id| async move {
        Ok(store::meeting(&db, id).await?.map(|m| Followed { title: title(&m), link: format!("/meetings/{id}") }))
    });
    notify.kind(MINUTES);
    notify.on(worker, AGENDA_PUBLISHED, |db, event| async move { tell_the_body(&db, event.item_id, AGENDA, "").await });
    notify.on(worker, MINUTES_APPROVED, |db, event| async move {
        tell_the_body(&db, event.item_id, MINUTES, "/minutes").await
    });
}

/// A notice of `kind` about a meeting, linked to its page (and `tail`), for the body's members and secretariat
/// and the followers of the body and of the meeting.
async fn tell_the_body(
    db: &crate::platform::db::Db,
    meeting: Option<i64>,
    kind: &'static str,
    tail: &str,
) -> anyhow::Result<Vec<Notice>> {
    let Some(m) = (match meeting {
        Some(id) => store::meeting(db, id).await?,
        None => None,
    }) else {
        return Ok(Vec::new());
    };
    // Members are the persons seated in the body: those with a login hear of it, beside any member role.
    let seated: Vec<i64> = super::members::seated(db, m.body_id).await?.into_keys().collect();
    let members = crate::platform::identity::store::logins_of(db, &seated).await?;
    Ok(vec![Notice {
        kind,
        item: scope(m.id),
        link: format!("/meetings/{}{tail}", m.id),
        title: title(&m),
        detail: None,
        to: vec![
            Recipients::People(members),
            Recipients::Role { role: "member", body: m.body_id },
            Recipients::Role { role: "secretariat", body: m.body_id },
            Recipients::Followers(crate::registry::body_scope(m.body_id)),
            Recipients::Followers(scope(m.id)),
        ],
        except: None,
    }])
}

/// A meeting's name in each language, as its page heads it (a session by its number, say).
fn title(m: &super::model::Meeting) -> Multilingual {
    let [kk, ru, en] = Lang::ALL.map(|lang| Some(super::pages::heading(m, lang)));
    Multilingual { kk, ru, en }
}
