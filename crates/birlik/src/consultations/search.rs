//! What search finds of consultations: each consultation by its question, and each published statement by its
//! text (its moderators' translations in the other languages). The index is the platform's; this module gives its
//! documents to a rebuild ([`documents`]) and refreshes a consultation's documents on every server when it is
//! opened or one of its statements is added, moderated or translated ([`register`]).

use std::sync::Arc;

use super::model::{Consultation, Statement, Status};
use super::store;
use crate::platform::change::Worker;
use crate::platform::db::Db;
use crate::platform::i18n::Lang;
use crate::platform::search::{Documents, SearchDoc, SearchIndex};

fn consultation_doc(c: &Consultation) -> SearchDoc {
    SearchDoc {
        kind: "consultation",
        id: c.id.to_string(),
        names: Lang::ALL.map(|lang| c.question.show(lang).map(|s| s.text).unwrap_or_default()),
        path: format!("/consultations/{}", c.id),
    }
}

fn statement_doc(s: &Statement) -> SearchDoc {
    SearchDoc {
        kind: "statement",
        id: s.id.to_string(),
        names: Lang::ALL.map(|lang| s.shown(lang).text),
        path: format!("/consultations/{}", s.consultation_id),
    }
}

/// A consultation's documents: itself and its published statements.
async fn documents_of(db: &Db, c: &Consultation) -> anyhow::Result<(Vec<SearchDoc>, Vec<Statement>)> {
    let statements = store::statements(db, c.id, None).await?;
    let mut docs = vec![consultation_doc(c)];
    docs.extend(statements.iter().filter(|s| s.status == Status::Published).map(statement_doc));
    Ok((docs, statements))
}

/// Every consultation's documents, for a rebuild of the index.
pub fn documents(db: Db) -> Documents {
    Box::pin(async move {
        let mut docs = Vec::new();
        for c in store::consultations(&db, None).await? {
            docs.extend(documents_of(&db, &c).await?.0);
        }
        Ok(docs)
    })
}

/// Brings one consultation's documents in line with the database: a statement moderated out is no longer found.
async fn refresh(db: &Db, search: &Arc<SearchIndex>, id: i64) -> anyhow::Result<()> {
    let Some(c) = store::consultation(db, id).await? else { return Ok(()) };
    let (docs, statements) = documents_of(db, &c).await?;
    let stale: Vec<(&str, String)> =
        statements.iter().filter(|s| s.status != Status::Published).map(|s| ("statement", s.id.to_string())).collect();
    let search = search.clone();
    tokio::task::spawn_blocking(move || search.replace(&stale, &docs)).await?
}

/// Registers the source of consultations' documents, and their refresh on every server after each change.
pub fn register(worker: &Worker, db: Db, search: Arc<SearchIndex>) {
    search.add_source(documents);
    for kind in [
        "consultation.opened",
        "consultation.edited",
        "statement.added",
        "statement.moderated",
        "statement.edited",
        "statement.translated",
    ] {
        let (db, search) = (db.clone(), search.clone());
        worker.on_each_server(kind, move |event| {
            let (db, search) = (db.clone(), search.clone());
            async move {
                match (event.area.as_str(), event.item_id) {
                    ("consultation", Some(id)) => refresh(&db, &search, id).await,
                    _ => Ok(()),
                }
            }
        });
    }
}
