//! What search finds of meetings: each meeting by its title (and its number, "XXXII session"), in every language.
//! The index is the platform's; this module gives its documents to a rebuild ([`documents`]) and renews them on
//! every server when a meeting is planned ([`register`]).

use std::sync::Arc;

use super::model::Meeting;
use super::{pages, store};
use crate::platform::change::Worker;
use crate::platform::db::Db;
use crate::platform::i18n::Lang;
use crate::platform::search::{Documents, SearchDoc, SearchIndex};

fn meeting_doc(m: &Meeting) -> SearchDoc {
    SearchDoc {
        kind: "meeting",
        id: m.id.to_string(),
        names: Lang::ALL.map(|lang| pages::heading(m, lang)),
        path: format!("/meetings/{}", m.id),
    }
}

async fn all(db: &Db) -> anyhow::Result<Vec<SearchDoc>> {
    Ok(store::meetings(db, None, None, None).await?.iter().map(meeting_doc).collect())
}

/// Every meeting's document, for a rebuild of the index.
pub fn documents(db: Db) -> Documents {
    Box::pin(async move { all(&db).await })
}

/// Registers the source of meetings' documents, and on every server the document of each meeting planned. A
/// meeting's heading (kind, number, title) is set when it is planned; check-ins, votes and the rest change nothing
/// search finds, so they index nothing (re-indexing every meeting at each of 1,400 check-ins and votes of a session
/// was what held its members' requests).
pub fn register(worker: &Worker, db: Db, search: Arc<SearchIndex>) {
    search.add_source(documents);
    worker.on_each_server(store::CREATED, move |event| {
        let (db, search) = (db.clone(), search.clone());
        async move {
            let Some(id) = event.subject_id else { return Ok(()) };
            let Some(m) = store::meeting(&db, id).await? else { return Ok(()) };
            let docs = vec![meeting_doc(&m)];
            tokio::task::spawn_blocking(move || search.replace(&[], &docs)).await?
        }
    });
}
