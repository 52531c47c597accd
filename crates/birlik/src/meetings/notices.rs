//! What meetings tell people: when a meeting's agenda is published, the body's members (the logins of its seated
//! persons, and member roles) and secretariat, the body's followers and the meeting's followers hear of it.

use crate::platform::change::Worker;
use crate::platform::i18n::Lang;
use crate::platform::multilingual::Multilingual;
use crate::platform::notify::{Followed, Notice, Notifier, Recipients};

use super::{scope, store};

/// The event of a published agenda (its scope is the meeting).
pub const AGENDA_PUBLISHED: &str = "meeting.agenda_published";
/// The kind of notice: a meeting's agenda was published.
pub const AGENDA: &str = "agenda-published";

pub fn register(notify: &std::sync::Arc<Notifier>, worker: &Worker) {
    notify.kind(AGENDA);
    notify.followable(scope(0).area, |db, id| async move {
        Ok(store::meeting(&db, id).await?.map(|m| Followed { title: title(&m), link: format!("/meetings/{id}") }))
    });
    notify.on(worker, AGENDA_PUBLISHED, |db, event| async move {
        let Some(m) = (match event.item_id {
            Some(id) => store::meeting(&db, id).await?,
            None => None,
        }) else {
            return Ok(Vec::new());
        };
        // Members are the persons seated in the body: those with a login hear of it, beside any member role.
        let seated: Vec<i64> = super::members::seated(&db, m.body_id).await?.into_keys().collect();
        let members = crate::platform::identity::store::logins_of(&db, &seated).await?;
        Ok(vec![Notice {
            kind: AGENDA,
            item: scope(m.id),
            link: format!("/meetings/{}", m.id),
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
    });
}

/// A meeting's name in each language, as its page heads it (a session by its number, say).
fn title(m: &super::model::Meeting) -> Multilingual {
    let [kk, ru, en] = Lang::ALL.map(|lang| Some(super::pages::heading(m, lang)));
    Multilingual { kk, ru, en }
}
