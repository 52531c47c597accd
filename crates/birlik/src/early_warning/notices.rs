//! What early warning tells people: the verifiers and secretariat of a region hear of each named or proxy signal
//! (anonymous signals wait in their queue: an event would tie them to a moment); the owners of a region's alerts
//! hear when one is raised, and the national bodies when it goes unacknowledged past its term.

use std::sync::Arc;

use crate::platform::change::{StoredEvent, Worker};
use crate::platform::db::Db;
use crate::platform::notify::{Notice, Notifier, Recipients};

use super::model::Multilingual;
use super::{access, alert_scope, signal_scope, store};

pub const SIGNAL_REPORTED: &str = "signal-reported";
pub const ALERT_RAISED: &str = "alert-raised";
pub const ALERT_ESCALATED: &str = "alert-escalated";
pub const ALERT_ANSWERED: &str = "alert-answered";

/// "KZ-19" as its region's name in each language.
pub fn region_title(code: &str) -> Multilingual {
    match crate::registry::reference::region(code) {
        Some(r) => {
            Multilingual { kk: Some(r.name_kk.clone()), ru: Some(r.name_ru.clone()), en: Some(r.name_en.clone()) }
        }
        None => Multilingual { kk: Some(code.to_owned()), ru: None, en: None },
    }
}

/// The secretariats and verifiers of the bodies owning a region's alerts.
async fn owners(db: &Db, region: &str) -> anyhow::Result<Vec<Recipients>> {
    let mut to = Vec::new();
    let mut verifiers = Vec::new();
    for body in access::owners(db, region).await? {
        to.push(Recipients::Role { role: "secretariat", body: body.id });
        verifiers.extend(store::verifiers(db, body.id).await?.into_iter().map(|(id, _)| id));
    }
    to.push(Recipients::People(verifiers));
    Ok(to)
}

pub fn register(notify: &Arc<Notifier>, worker: &Worker) {
    for kind in [SIGNAL_REPORTED, ALERT_RAISED, ALERT_ESCALATED, ALERT_ANSWERED] {
        notify.kind(kind);
    }
    notify.on(worker, store::REPORTED, |db, event| async move {
        let Some(signal) = signal_of(&db, &event).await? else { return Ok(Vec::new()) };
        Ok(vec![Notice {
            kind: SIGNAL_REPORTED,
            item: signal_scope(signal.id),
            link: format!("/signals/{}", signal.id),
            title: region_title(&signal.region_code),
            detail: None,
            to: owners(&db, &signal.region_code).await?,
            except: signal.reported_by,
        }])
    });
    for (event, kind) in [
        (store::RAISED, ALERT_RAISED),
        (store::ESCALATED, ALERT_ESCALATED),
        (store::ACKNOWLEDGED, ALERT_ANSWERED),
        (store::RESPONDED, ALERT_ANSWERED),
    ] {
        notify.on(worker, event, move |db, event| async move {
            let Some(id) = event.item_id else { return Ok(Vec::new()) };
            let Some(alert) = store::alert(&db, id).await? else { return Ok(Vec::new()) };
            let mut to = owners(&db, &alert.region_code).await?;
            if kind == ALERT_ESCALATED {
                to.extend(
                    access::national(&db)
                        .await?
                        .into_iter()
                        .map(|b| Recipients::Role { role: "secretariat", body: b.id }),
                );
            }
            Ok(vec![Notice {
                kind,
                item: alert_scope(id),
                link: format!("/alerts/{id}"),
                title: region_title(&alert.region_code),
                detail: None,
                to,
                except: None,
            }])
        });
    }
}

async fn signal_of(db: &Db, event: &StoredEvent) -> anyhow::Result<Option<super::model::Signal>> {
    Ok(match event.item_id {
        Some(id) => store::get(db, id).await?,
        None => None,
    })
}
