//! What search finds of proposals: each by its title in every language it has (renewed on every server after a
//! change of a proposal), and the near-duplicates pointed out to an author while he types a title.

use std::sync::Arc;

use super::model::Proposal;
use super::store;
use crate::platform::change::Worker;
use crate::platform::db::Db;
use crate::platform::i18n::Lang;
use crate::platform::search::{Documents, SearchDoc, SearchIndex};

fn doc(p: &Proposal) -> SearchDoc {
    SearchDoc {
        kind: "proposal",
        id: p.id.to_string(),
        names: Lang::ALL.map(|lang| p.heading(lang)),
        path: format!("/proposals/{}", p.id),
    }
}

async fn all(db: &Db) -> anyhow::Result<Vec<SearchDoc>> {
    let mut docs = Vec::new();
    let mut page = 1;
    loop {
        let filter = store::Filter { page: Some(page), ..Default::default() };
        let (found, _) = store::proposals(db, &filter).await?;
        if found.is_empty() {
            return Ok(docs);
        }
        docs.extend(found.iter().map(doc));
        page += 1;
    }
}

pub fn documents(db: Db) -> Documents {
    Box::pin(async move { all(&db).await })
}

/// Registers the source of proposals' documents, and the renewal of a changed proposal's document on every server.
pub fn register(worker: &Worker, db: Db, search: Arc<SearchIndex>) {
    search.add_source(documents);
    worker.on_each_server(store::CHANGED, move |event| {
        let (db, search) = (db.clone(), search.clone());
        async move {
            let Some(id) = event.item_id else { return Ok(()) };
            let docs: Vec<SearchDoc> = store::proposal(&db, id).await?.iter().map(doc).collect();
            tokio::task::spawn_blocking(move || search.replace(&[("proposal", id.to_string())], &docs)).await?
        }
    });
}

/// From this likeness of titles (the Jaccard index of their search terms) on, a proposal is pointed out as similar.
pub const SIMILAR: f64 = 0.34;

/// The live proposals whose titles are most like `title` (at most `limit`), most alike first: the search index
/// finds candidates sharing any word, then the `kazakh` crate's terms (across inflection and both scripts) rank
/// them, as consultations do for statements.
pub async fn similar(db: &Db, search: &SearchIndex, title: &str, limit: usize) -> anyhow::Result<Vec<(Proposal, f64)>> {
    let hits = search.any_words(title, Lang::Kk, 50, Some("proposal"))?;
    let ids: Vec<i64> = hits.iter().filter_map(|h| h.id.parse().ok()).collect();
    let mut found: Vec<(Proposal, f64)> = store::by_ids(db, &ids)
        .await?
        .into_iter()
        .filter(|p| p.status.is_live())
        .map(|p| {
            let best = Lang::ALL
                .iter()
                .filter_map(|l| p.title.get(*l))
                .map(|t| crate::platform::search::likeness(title, t))
                .fold(0.0, f64::max);
            (p, best)
        })
        .filter(|(_, l)| *l >= SIMILAR)
        .collect();
    found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.id.cmp(&b.0.id)));
    found.truncate(limit);
    Ok(found)
}
