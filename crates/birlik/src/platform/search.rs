//! The full-text index over everything public (tantivy). It is derived from the database: `birlik reindex`
//! rebuilds it, and every registry write refreshes its document. Each language has its own field and analyzer;
//! [`analyzer`] is the one seam where language-specific analysis (Kazakh stemming) plugs in.

use std::path::Path;
use std::sync::Mutex;

use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value};
use tantivy::tokenizer::{Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term, doc};

use crate::platform::i18n::Lang;

/// A thing people can find: an ethnic group, an association, a body or a person.
#[derive(Clone, Debug)]
pub struct SearchDoc {
    /// `group`, `association`, `body` or `person`.
    pub kind: &'static str,
    pub id: String,
    /// The name in kk, ru and en.
    pub names: [String; 3],
    /// The page, without the language prefix, e.g. `/associations/12`.
    pub path: String,
}

#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Hit {
    pub kind: String,
    pub id: String,
    pub name: String,
    pub path: String,
}

struct Fields {
    key: Field,
    kind: Field,
    id: Field,
    path: Field,
    text: [Field; 3],
    name: [Field; 3],
}

pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
}

const ANALYZERS: [&str; 3] = ["birlik_kk", "birlik_ru", "birlik_en"];

/// The analysis of one language's text, used alike for indexing and for queries.
pub fn analyzer(lang: Lang) -> TextAnalyzer {
    let base = TextAnalyzer::builder(SimpleTokenizer::default()).filter(RemoveLongFilter::limit(64)).filter(LowerCaser);
    match lang {
        Lang::Kk => base.build(),
        Lang::Ru => base.filter(Stemmer::new(Language::Russian)).build(),
        Lang::En => base.filter(Stemmer::new(Language::English)).build(),
    }
}

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Kk => 0,
        Lang::Ru => 1,
        Lang::En => 2,
    }
}

impl SearchIndex {
    /// Opens the index in `dir` (created if absent), or keeps it in memory with `None`.
    pub fn open(dir: Option<&Path>) -> anyhow::Result<SearchIndex> {
        let mut builder = Schema::builder();
        let key = builder.add_text_field("key", STRING);
        let kind = builder.add_text_field("kind", STRING | STORED);
        let id = builder.add_text_field("id", STORED);
        let path = builder.add_text_field("path", STORED);
        let text = ANALYZERS.map(|analyzer| {
            let indexing = TextFieldIndexing::default()
                .set_tokenizer(analyzer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions);
            builder.add_text_field(&format!("text_{analyzer}"), TextOptions::default().set_indexing_options(indexing))
        });
        let name = ["name_kk", "name_ru", "name_en"].map(|n| builder.add_text_field(n, STORED));
        let schema = builder.build();
        let index = match dir {
            Some(dir) => {
                std::fs::create_dir_all(dir)?;
                let directory = tantivy::directory::MmapDirectory::open(dir)?;
                Index::open_or_create(directory, schema)?
            }
            None => Index::create_in_ram(schema),
        };
        for lang in Lang::ALL {
            index.tokenizers().register(ANALYZERS[lang_index(lang)], analyzer(lang));
        }
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let writer = index.writer(15_000_000)?;
        Ok(SearchIndex {
            index,
            reader,
            writer: Mutex::new(writer),
            fields: Fields { key, kind, id, path, text, name },
        })
    }

    fn document(&self, d: &SearchDoc) -> TantivyDocument {
        let f = &self.fields;
        let mut document = doc!(
            f.key => format!("{}:{}", d.kind, d.id),
            f.kind => d.kind,
            f.id => d.id.clone(),
            f.path => d.path.clone(),
        );
        for i in 0..3 {
            document.add_text(f.text[i], &d.names[i]);
            document.add_text(f.name[i], &d.names[i]);
        }
        document
    }

    /// Adds or replaces documents, then makes them visible to searches.
    pub fn upsert(&self, docs: &[SearchDoc]) -> anyhow::Result<()> {
        let mut writer = self.writer.lock().map_err(|_| anyhow::anyhow!("search writer poisoned"))?;
        for d in docs {
            writer.delete_term(Term::from_field_text(self.fields.key, &format!("{}:{}", d.kind, d.id)));
            writer.add_document(self.document(d))?;
        }
        writer.commit()?;
        self.reader.reload()?;
        // Pages cached before this change (search results) are stale now.
        crate::platform::db::note_write();
        Ok(())
    }

    /// Removes a document (an archived record is no longer found).
    pub fn remove(&self, kind: &str, id: &str) -> anyhow::Result<()> {
        let mut writer = self.writer.lock().map_err(|_| anyhow::anyhow!("search writer poisoned"))?;
        writer.delete_term(Term::from_field_text(self.fields.key, &format!("{kind}:{id}")));
        writer.commit()?;
        self.reader.reload()?;
        // Pages cached before this change (search results) are stale now.
        crate::platform::db::note_write();
        Ok(())
    }

    /// Replaces the whole index with `docs`.
    pub fn rebuild(&self, docs: &[SearchDoc]) -> anyhow::Result<()> {
        let mut writer = self.writer.lock().map_err(|_| anyhow::anyhow!("search writer poisoned"))?;
        writer.delete_all_documents()?;
        for d in docs {
            writer.add_document(self.document(d))?;
        }
        writer.commit()?;
        self.reader.reload()?;
        // Pages cached before this change (search results) are stale now.
        crate::platform::db::note_write();
        Ok(())
    }

    /// The best matches of `query` in any language, named in the reader's language.
    pub fn search(&self, query: &str, lang: Lang, limit: usize) -> anyhow::Result<Vec<Hit>> {
        let query = query.trim();
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let parser = QueryParser::for_index(&self.index, self.fields.text.to_vec());
        // Lenient parsing: whatever people type is a search, never a syntax error.
        let (parsed, _) = parser.parse_query_lenient(query);
        let searcher = self.reader.searcher();
        let top = searcher.search(&parsed, &TopDocs::with_limit(limit).order_by_score())?;
        let f = &self.fields;
        let text =
            |doc: &TantivyDocument, field| doc.get_first(field).and_then(|v| v.as_str()).unwrap_or("").to_owned();
        top.into_iter()
            .map(|(_, address)| {
                let doc: TantivyDocument = searcher.doc(address)?;
                Ok(Hit {
                    kind: text(&doc, f.kind),
                    id: text(&doc, f.id),
                    name: text(&doc, f.name[lang_index(lang)]),
                    path: text(&doc, f.path),
                })
            })
            .collect()
    }
}
