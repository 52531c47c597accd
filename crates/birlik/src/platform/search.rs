//! The full-text index over everything public (tantivy). It is derived from the database: `birlik reindex`
//! rebuilds it, and every registry write refreshes its document. Each language has its own field, analysed by
//! the `kazakh` crate's [`kazakh::term`]: Kazakh words stemmed and folded so that Cyrillic and Latin spellings of
//! any inflected form meet, Russian and English words by their Snowball stemmers. A query is analysed by each
//! field's analyzer in turn, so it finds a name in any language, typed in either Kazakh script.

use std::path::Path;
use std::sync::Mutex;

use tantivy::collector::TopDocs;
use tantivy::directory::{Directory, RamDirectory};
use tantivy::query::QueryParser;
use tantivy::schema::{Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value};
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};
use tantivy::{Index, IndexReader, IndexSettings, IndexWriter, ReloadPolicy, TantivyDocument, Term, doc};

use crate::platform::i18n::Lang;

/// The kinds of things people can find, in the order a search page groups them.
pub const KINDS: [&str; 9] =
    ["region", "group", "body", "association", "person", "consultation", "statement", "meeting", "proposal"];

/// A thing people can find: a region, an ethnic group, a body, an association, a person, a consultation or one
/// of its statements, a meeting. Each capability gives the documents of its own things ([`Source`]).
#[derive(Clone, Debug)]
pub struct SearchDoc {
    /// One of [`KINDS`].
    pub kind: &'static str,
    pub id: String,
    /// The name in kk, ru and en.
    pub names: [String; 3],
    /// The page, without the language prefix, e.g. `/associations/12`.
    pub path: String,
}

#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Hit {
    /// What was found: `region`, `group`, `body`, `association`, `person`, `consultation`, `statement` or
    /// `meeting`.
    pub kind: String,
    /// The same as `kind`.
    #[serde(rename = "type")]
    pub type_: String,
    pub id: String,
    /// Its name (a statement's text) in the requested language, or in another when that one is missing.
    pub name: String,
    /// Its page without the language prefix, e.g. `/regions/KZ-75`.
    pub path: String,
    /// Its page in the requested language, e.g. `/kk/regions/KZ-75`.
    pub url: String,
}

/// What a capability gives a rebuild of the index: the documents of all its public things.
pub type Documents = std::pin::Pin<Box<dyn std::future::Future<Output = anyhow::Result<Vec<SearchDoc>>> + Send>>;
/// A capability's source of documents, registered at start-up (`SearchIndex::add_source`, from `app::state`).
pub type Source = fn(crate::platform::db::Db) -> Documents;

#[derive(Clone, Copy)]
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
    /// The files of an index kept in memory.
    ram: Option<RamDirectory>,
    /// Where a rebuild takes its documents: one source per capability.
    sources: Mutex<Vec<Source>>,
}

const ANALYZERS: [&str; 3] = ["birlik_kk", "birlik_ru", "birlik_en"];

/// The analysis of one language's text, used alike for indexing and for queries.
pub fn analyzer(lang: Lang) -> TextAnalyzer {
    let lang = match lang {
        Lang::Kk => kazakh::Lang::Kk,
        Lang::Ru => kazakh::Lang::Ru,
        Lang::En => kazakh::Lang::En,
    };
    TextAnalyzer::from(Terms { lang })
}

/// A tantivy tokenizer that yields the `kazakh` crate's search terms, with their offsets and positions.
#[derive(Clone)]
struct Terms {
    lang: kazakh::Lang,
}

struct TermStream {
    tokens: std::vec::IntoIter<Token>,
    current: Token,
}

impl Tokenizer for Terms {
    type TokenStream<'a> = TermStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> TermStream {
        let tokens: Vec<Token> = kazakh::token_spans(text)
            .enumerate()
            .map(|(position, (offset, word))| Token {
                offset_from: offset,
                offset_to: offset + word.len(),
                position,
                text: kazakh::term(word, self.lang),
                position_length: 1,
            })
            .collect();
        TermStream { tokens: tokens.into_iter(), current: Token::default() }
    }
}

impl TokenStream for TermStream {
    fn advance(&mut self) -> bool {
        match self.tokens.next() {
            Some(token) => {
                self.current = token;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
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
        let fields = Fields { key, kind, id, path, text, name };
        match dir {
            Some(dir) => {
                std::fs::create_dir_all(dir)?;
                let directory = tantivy::directory::MmapDirectory::open(dir)?;
                SearchIndex::serve(Index::open_or_create(directory, schema)?, fields, None)
            }
            None => {
                let ram = RamDirectory::create();
                let index = Index::create(ram.clone(), schema, IndexSettings::default())?;
                SearchIndex::serve(index, fields, Some(ram))
            }
        }
    }

    /// A copy of this in-memory index as last committed, with a writer of its own: tests start many servers on
    /// copies of one database, and give each a copy of that database's index rather than building it again.
    /// `None` for an index on disk.
    pub fn copy_in_memory(&self) -> anyhow::Result<Option<SearchIndex>> {
        let Some(ram) = &self.ram else { return Ok(None) };
        let copy = RamDirectory::create();
        ram.persist(&copy)?;
        // The lock of this index's writer is not the copy's.
        copy.delete(Path::new(".tantivy-writer.lock")).ok();
        SearchIndex::serve(Index::open(copy.clone())?, self.fields, Some(copy)).map(Some)
    }

    /// Registers the analyzers and opens the reader and the writer of `index`.
    fn serve(index: Index, fields: Fields, ram: Option<RamDirectory>) -> anyhow::Result<SearchIndex> {
        for lang in Lang::ALL {
            index.tokenizers().register(ANALYZERS[lang_index(lang)], analyzer(lang));
        }
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let writer = index.writer(15_000_000)?;
        Ok(SearchIndex { index, reader, writer: Mutex::new(writer), fields, ram, sources: Mutex::new(Vec::new()) })
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
        crate::platform::change::committed(&[crate::platform::change::REGISTRY]);
        Ok(())
    }

    /// Removes the documents `stale` (kind, id) and adds or replaces `docs`, in one commit.
    pub fn replace(&self, stale: &[(&str, String)], docs: &[SearchDoc]) -> anyhow::Result<()> {
        let mut writer = self.writer.lock().map_err(|_| anyhow::anyhow!("search writer poisoned"))?;
        for (kind, id) in stale {
            writer.delete_term(Term::from_field_text(self.fields.key, &format!("{kind}:{id}")));
        }
        for d in docs {
            writer.delete_term(Term::from_field_text(self.fields.key, &format!("{}:{}", d.kind, d.id)));
            writer.add_document(self.document(d))?;
        }
        writer.commit()?;
        self.reader.reload()?;
        // Pages cached before this change (search results) are stale now.
        crate::platform::change::committed(&[crate::platform::change::REGISTRY]);
        Ok(())
    }

    /// Adds a capability's source of documents for [`SearchIndex::rebuild_from`].
    pub fn add_source(&self, source: Source) {
        if let Ok(mut sources) = self.sources.lock() {
            sources.push(source);
        }
    }

    /// Rebuilds the whole index from the database, with the documents of every registered source; returns how
    /// many it holds.
    pub async fn rebuild_from(self: &std::sync::Arc<Self>, db: &crate::platform::db::Db) -> anyhow::Result<usize> {
        let sources: Vec<Source> = self.sources.lock().map_err(|_| anyhow::anyhow!("search sources poisoned"))?.clone();
        let mut docs = Vec::new();
        for source in sources {
            docs.extend(source(db.clone()).await?);
        }
        // A thing given twice (a person with several seats) is indexed once.
        let mut seen = std::collections::HashSet::new();
        docs.retain(|d| seen.insert((d.kind, d.id.clone())));
        let (search, count) = (self.clone(), docs.len());
        tokio::task::spawn_blocking(move || search.rebuild(&docs)).await??;
        Ok(count)
    }

    /// Removes a document (an archived record is no longer found).
    pub fn remove(&self, kind: &str, id: &str) -> anyhow::Result<()> {
        let mut writer = self.writer.lock().map_err(|_| anyhow::anyhow!("search writer poisoned"))?;
        writer.delete_term(Term::from_field_text(self.fields.key, &format!("{kind}:{id}")));
        writer.commit()?;
        self.reader.reload()?;
        // Pages cached before this change (search results) are stale now.
        crate::platform::change::committed(&[crate::platform::change::REGISTRY]);
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
        crate::platform::change::committed(&[crate::platform::change::REGISTRY]);
        Ok(())
    }

    /// The best matches of `query` in any language, named in the reader's language; only of `kind` when given.
    pub fn search(&self, query: &str, lang: Lang, limit: usize, kind: Option<&str>) -> anyhow::Result<Vec<Hit>> {
        let query = query.trim();
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let mut parser = QueryParser::for_index(&self.index, self.fields.text.to_vec());
        // Every word must be found (in some language): a longer query narrows, it does not widen.
        parser.set_conjunction_by_default();
        // Lenient parsing: whatever people type is a search, never a syntax error.
        let (parsed, _) = parser.parse_query_lenient(query);
        self.run(self.of_kind(parsed, kind), lang, limit)
    }

    /// The best matches of `query` that share any of its words (in some language), named in `lang`: candidates
    /// for a likeness measure ([`likeness`]), where [`SearchIndex::search`] would want every word.
    pub fn any_words(&self, query: &str, lang: Lang, limit: usize, kind: Option<&str>) -> anyhow::Result<Vec<Hit>> {
        let query = query.trim();
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let parser = QueryParser::for_index(&self.index, self.fields.text.to_vec());
        let (parsed, _) = parser.parse_query_lenient(query);
        self.run(self.of_kind(parsed, kind), lang, limit)
    }

    /// Things whose words are close in spelling to every word of `query` (one letter off in a short word, two in
    /// a longer one), in any language: what a search page offers when the words themselves find nothing.
    pub fn close_matches(&self, query: &str, lang: Lang, limit: usize, kind: Option<&str>) -> anyhow::Result<Vec<Hit>> {
        use tantivy::query::{BooleanQuery, FuzzyTermQuery, Occur, Query};
        let mut languages: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for other in Lang::ALL {
            let field = self.fields.text[lang_index(other)];
            let mut words: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            let mut analyzer = analyzer(other);
            let mut stream = analyzer.token_stream(query);
            while stream.advance() {
                let term = stream.token().text.clone();
                let distance = if term.chars().count() <= 5 { 1 } else { 2 };
                let fuzzy = FuzzyTermQuery::new(Term::from_field_text(field, &term), distance, true);
                words.push((Occur::Must, Box::new(fuzzy)));
            }
            if !words.is_empty() && words.len() <= 5 {
                languages.push((Occur::Should, Box::new(BooleanQuery::new(words))));
            }
        }
        if languages.is_empty() {
            return Ok(Vec::new());
        }
        self.run(self.of_kind(Box::new(BooleanQuery::new(languages)), kind), lang, limit)
    }

    /// `query`, kept to things of `kind` when given.
    fn of_kind(&self, query: Box<dyn tantivy::query::Query>, kind: Option<&str>) -> Box<dyn tantivy::query::Query> {
        match kind {
            Some(kind) => {
                let only = tantivy::query::TermQuery::new(
                    Term::from_field_text(self.fields.kind, kind),
                    IndexRecordOption::Basic,
                );
                Box::new(tantivy::query::BooleanQuery::new(vec![
                    (tantivy::query::Occur::Must, query),
                    (tantivy::query::Occur::Must, Box::new(only)),
                ]))
            }
            None => query,
        }
    }

    /// The best `limit` documents of `parsed`, named in `lang`.
    fn run(&self, parsed: Box<dyn tantivy::query::Query>, lang: Lang, limit: usize) -> anyhow::Result<Vec<Hit>> {
        let searcher = self.reader.searcher();
        let top = searcher.search(parsed.as_ref(), &TopDocs::with_limit(limit).order_by_score())?;
        let f = &self.fields;
        let text =
            |doc: &TantivyDocument, field| doc.get_first(field).and_then(|v| v.as_str()).unwrap_or("").to_owned();
        top.into_iter()
            .map(|(_, address)| {
                let doc: TantivyDocument = searcher.doc(address)?;
                let path = text(&doc, f.path);
                Ok(Hit {
                    kind: text(&doc, f.kind),
                    type_: text(&doc, f.kind),
                    id: text(&doc, f.id),
                    name: text(&doc, f.name[lang_index(lang)]),
                    url: format!("/{}{path}", lang.code()),
                    path,
                })
            })
            .collect()
    }
}

/// The words of a text as search sees them: Kazakh inflections removed, both alphabets folded together.
fn terms(text: &str) -> std::collections::HashSet<String> {
    let lang = match kazakh::detect(text) {
        kazakh::Lang::Other => kazakh::Lang::Kk,
        lang => lang,
    };
    kazakh::search_terms(text, lang).into_iter().collect()
}

/// How alike two short texts are: the Jaccard index of their search terms (0 to 1), across inflection and both
/// Kazakh alphabets. Near-duplicate statements and similar proposals are pointed out by it.
pub fn likeness(a: &str, b: &str) -> f64 {
    let (a, b) = (terms(a), terms(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / a.union(&b).count() as f64
}
