//! What mediation tells people — never what a case says: its mediators hear that a case was assigned to them
//! and when a follow-up is due, with a link and the case's number only.

use std::sync::Arc;

use crate::platform::change::Worker;
use crate::platform::multilingual::Multilingual;
use crate::platform::notify::{Notice, Notifier, Recipients};

use super::{case_scope, store};

pub const CASE_ASSIGNED: &str = "case-assigned";
pub const CASE_FOLLOW_UP: &str = "case-follow-up";

/// "Case №7", in each language: the title itself is sealed and never leaves the case page.
fn number(id: i64) -> Multilingual {
    Multilingual {
        kk: Some(format!("№{id} медиация ісі")),
        ru: Some(format!("Дело медиации №{id}")),
        en: Some(format!("Mediation case №{id}")),
    }
}

pub fn register(notify: &Arc<Notifier>, worker: &Worker) {
    for kind in [CASE_ASSIGNED, CASE_FOLLOW_UP] {
        notify.kind(kind);
    }
    for (event, kind) in [(store::ASSIGNED, CASE_ASSIGNED), (store::FOLLOW_UP, CASE_FOLLOW_UP)] {
        notify.on(worker, event, move |db, event| async move {
            let Some(id) = event.item_id else { return Ok(Vec::new()) };
            let people = store::mediator_accounts(&db, id).await?;
            Ok(vec![Notice {
                kind,
                item: case_scope(id),
                link: format!("/mediation/{id}"),
                title: number(id),
                detail: None,
                to: vec![Recipients::People(people)],
                except: None,
            }])
        });
    }
}
