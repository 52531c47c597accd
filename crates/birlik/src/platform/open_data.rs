//! What capabilities add to the open data the registry publishes (`/api/v1/export/{file}`, `birlik export`):
//! parts of the Popolo document (e.g. `events`, `motions`, `vote_events`) and tables offered as CSV and JSON. The
//! registry's export knows no capability: each registers here, in `app::open_data`.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use serde_json::{Map, Value};

use crate::platform::db::Db;

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;
type PopoloPart = Arc<dyn Fn(Db) -> BoxFuture<anyhow::Result<Map<String, Value>>> + Send + Sync>;
type TableOf = Arc<dyn Fn(Db) -> BoxFuture<anyhow::Result<Table>> + Send + Sync>;

/// A table of open data: its columns and its rows, cell by cell.
pub struct Table {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    /// The rows as JSON objects.
    pub fn objects(&self) -> Vec<Map<String, Value>> {
        self.rows
            .iter()
            .map(|row| self.columns.iter().map(|c| (*c).to_owned()).zip(row.iter().cloned()).collect())
            .collect()
    }
}

#[derive(Clone, Default)]
pub struct OpenData {
    popolo: Vec<PopoloPart>,
    tables: Vec<(&'static str, TableOf)>,
}

impl OpenData {
    /// Adds keys to the Popolo document.
    pub fn popolo<F, Fut>(mut self, part: F) -> OpenData
    where
        F: Fn(Db) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = anyhow::Result<Map<String, Value>>> + Send + 'static,
    {
        self.popolo.push(Arc::new(move |db| Box::pin(part(db))));
        self
    }

    /// Offers a table as `{name}.csv` and `{name}.json`.
    pub fn table<F, Fut>(mut self, name: &'static str, table: F) -> OpenData
    where
        F: Fn(Db) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = anyhow::Result<Table>> + Send + 'static,
    {
        self.tables.push((name, Arc::new(move |db| Box::pin(table(db)))));
        self
    }

    /// The capabilities' parts of the Popolo document, merged.
    pub async fn popolo_parts(&self, db: &Db) -> anyhow::Result<Map<String, Value>> {
        let mut all = Map::new();
        for part in &self.popolo {
            all.extend(part(db.clone()).await?);
        }
        Ok(all)
    }

    /// The table `name`, if a capability offers it.
    pub async fn table_named(&self, db: &Db, name: &str) -> anyhow::Result<Option<Table>> {
        match self.tables.iter().find(|(n, _)| *n == name) {
            Some((_, table)) => table(db.clone()).await.map(Some),
            None => Ok(None),
        }
    }

    /// The names of the tables capabilities offer.
    pub fn table_names(&self) -> Vec<&'static str> {
        self.tables.iter().map(|(n, _)| *n).collect()
    }
}
