//! The lexicon: terms made into sequences of word ids, and the matcher.

use std::fmt;
use std::ops::Range;

use kazakh::Lang;
use rustc_hash::FxHashMap;

use crate::analyze::{Scratch, analyze};
use crate::keys::{Probe, anchor, key, probe_into, probe_of};
use crate::trie::{PREFIX, STEM, Trie};
use crate::verbs::{Harmony, is_ending, verb_root};

/// At most this many words in a term.
pub const MAX_WORDS: usize = 16;

/// At least this many letters before a `*` (in the Kazakh fold, for Kazakh).
pub const MIN_PREFIX: usize = 3;

/// A moderators' lexicon of one language: terms (a word or several), matched in a text through
/// inflection, scripts, lookalike letters, invisible characters and spaced-out letters.
///
/// ```
/// use lexicon::{Lang, Lexicon};
/// let lex = Lexicon::new(Lang::Ru, ["убить", "выгнать их", "казино"]).unwrap();
/// let text = "Надо у б и т ь, потом выгнали их. Кaзинo!";
/// let found: Vec<&str> = lex.matches(text).iter().map(|m| m.term).collect();
/// assert_eq!(found, ["убить", "выгнать их", "казино"]);
/// let m = &lex.matches(text)[0];
/// assert_eq!(&text[m.span.clone()], "у б и т ь");
/// ```
pub struct Lexicon {
    lang: Lang,
    terms: Vec<Term>,
    /// Key of a stemmed word → word id.
    stems: FxHashMap<Box<str>, u32>,
    /// Word id → the terms that begin with it.
    starts: Vec<Vec<u32>>,
    /// The anchors and prefixes of the words that begin a term: most words of a text fail here.
    first: Index,
    /// … and of all the words, for the words that follow the beginning of a term.
    all: Index,
}

/// A word matched by what follows a prefix: anything (a wildcard), or a verb ending.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Prefixed {
    word: u32,
    verb: Option<Harmony>,
}

/// A trie of anchors (flagged [`STEM`]: stem the word and look its key up) and of prefixes (flagged
/// [`PREFIX`], with the words they stand for).
struct Index {
    trie: Trie,
    prefixes: FxHashMap<u32, Vec<Prefixed>>,
}

impl Index {
    fn new() -> Index {
        Index { trie: Trie::new(), prefixes: FxHashMap::default() }
    }

    fn stem(&mut self, anchor: &str) {
        let node = self.trie.insert(anchor.as_bytes());
        self.trie.mark(node, STEM);
    }

    fn prefix(&mut self, prefix: &str, p: Prefixed) {
        let node = self.trie.insert(prefix.as_bytes());
        self.trie.mark(node, PREFIX);
        let list = self.prefixes.entry(node).or_default();
        if !list.contains(&p) {
            list.push(p);
        }
    }
}

struct Term {
    text: Box<str>,
    words: Box<[u32]>,
}

/// A term found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match<'l> {
    /// The term as the lexicon writes it (blanks collapsed).
    pub term: &'l str,
    /// Where it is in the text, in bytes: from the first letter of its first word to the end of its last
    /// word, whatever was hidden or spaced inside. Always on character boundaries.
    pub span: Range<usize>,
}

/// Why a lexicon could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// Lexicons are for Kazakh, Russian and English.
    Language(Lang),
    /// A term without a letter or a digit.
    Empty {
        /// The line of the file ([`Lexicon::parse`]) or the position in the list ([`Lexicon::new`]), from 1.
        line: usize,
        term: String,
    },
    /// A `*` that does not end a word of at least [`MIN_PREFIX`] letters.
    Wildcard { line: usize, term: String },
    /// More than [`MAX_WORDS`] words.
    TooLong { line: usize, term: String },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Language(l) => write!(f, "a lexicon is Kazakh, Russian or English, not {}", l.code()),
            Error::Empty { line, term } => write!(f, "line {line}: the term {term:?} has no letter or digit"),
            Error::Wildcard { line, term } => {
                write!(f, "line {line}: in {term:?}, `*` must end a word of at least {MIN_PREFIX} letters (a prefix)")
            }
            Error::TooLong { line, term } => {
                write!(f, "line {line}: the term {term:?} has more than {MAX_WORDS} words")
            }
        }
    }
}

impl std::error::Error for Error {}

impl Lexicon {
    /// A lexicon of `lang` (Kazakh, Russian or English) from its terms. A term is one word or several
    /// (matched as consecutive words); a word ending in `*` is a prefix, matched without stemming
    /// (`өлтір*` matches өлтірді, өлтіреміз). Terms that come to the same thing (`Убить`, `убить`,
    /// `убил`) are kept once, as first written.
    pub fn new<'a>(lang: Lang, terms: impl IntoIterator<Item = &'a str>) -> Result<Lexicon, Error> {
        Lexicon::build(lang, terms.into_iter().enumerate().map(|(i, t)| (i + 1, t)))
    }

    /// A lexicon from the text of a lexicon file: one term per line; `#` starts a comment; blank lines
    /// are skipped. Errors name the line.
    ///
    /// ```
    /// use lexicon::{Lang, Lexicon};
    /// let lex = Lexicon::parse(Lang::En, "# violence\nkill\nburn down  # arson\n\ncasino\n").unwrap();
    /// assert_eq!(lex.terms().collect::<Vec<_>>(), ["kill", "burn down", "casino"]);
    /// ```
    pub fn parse(lang: Lang, file: &str) -> Result<Lexicon, Error> {
        let file = file.strip_prefix('\u{FEFF}').unwrap_or(file);
        let lines = file.lines().enumerate().filter_map(|(i, line)| {
            let term = line.split('#').next().unwrap_or("").trim();
            (!term.is_empty()).then_some((i + 1, term))
        });
        Lexicon::build(lang, lines)
    }

    fn build<'a>(lang: Lang, terms: impl Iterator<Item = (usize, &'a str)>) -> Result<Lexicon, Error> {
        if !matches!(lang, Lang::Kk | Lang::Ru | Lang::En) {
            return Err(Error::Language(lang));
        }
        let mut lex = Lexicon {
            lang,
            terms: Vec::new(),
            stems: FxHashMap::default(),
            starts: Vec::new(),
            first: Index::new(),
            all: Index::new(),
        };
        let mut wilds: FxHashMap<String, u32> = FxHashMap::default();
        let mut seen: FxHashMap<Box<[u32]>, ()> = FxHashMap::default();
        let mut s = Scratch::default();
        for (line, raw) in terms {
            let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
            let err_term = || text.clone();
            analyze(&text, lang, &mut s);
            if s.toks.is_empty() {
                return Err(Error::Empty { line, term: err_term() });
            }
            if s.toks.len() > MAX_WORDS {
                return Err(Error::TooLong { line, term: err_term() });
            }
            // Every `*` must follow a word directly and end it.
            for (p, _) in text.match_indices('*') {
                let after_word = s.toks.iter().any(|t| t.end == p);
                let ends = text.get(p + 1..).is_none_or(|rest| rest.is_empty() || rest.starts_with(' '));
                if !after_word || !ends {
                    return Err(Error::Wildcard { line, term: err_term() });
                }
            }
            let mut words = Vec::with_capacity(s.toks.len());
            for (i, t) in s.toks.iter().enumerate() {
                let reading = s.reading(&text, t);
                let first = i == 0;
                let next_id = u32::try_from(lex.starts.len()).unwrap_or(u32::MAX);
                let id = if text.get(t.end..).is_some_and(|r| r.starts_with('*')) {
                    let prefix = probe_of(reading, lang);
                    if prefix.chars().count() < MIN_PREFIX {
                        return Err(Error::Wildcard { line, term: err_term() });
                    }
                    let id = *wilds.entry(prefix.clone()).or_insert(next_id);
                    lex.index(first, |ix| ix.prefix(&prefix, Prefixed { word: id, verb: None }));
                    id
                } else {
                    let k = key(reading, lang);
                    if k.is_empty() {
                        return Err(Error::Empty { line, term: err_term() });
                    }
                    let a = anchor(&k, lang);
                    lex.index(first, |ix| ix.stem(&a));
                    let id = *lex.stems.entry(k.into_boxed_str()).or_insert(next_id);
                    if lang == Lang::Kk
                        && let Some((roots, harmony)) = verb_root(reading)
                    {
                        for root in roots {
                            lex.index(first, |ix| ix.prefix(&root, Prefixed { word: id, verb: Some(harmony) }));
                        }
                    }
                    id
                };
                if id == next_id {
                    lex.starts.push(Vec::new());
                }
                words.push(id);
            }
            let words: Box<[u32]> = words.into();
            if seen.insert(words.clone(), ()).is_some() {
                continue;
            }
            let index = u32::try_from(lex.terms.len()).unwrap_or(u32::MAX);
            if let Some(first) = words.first().and_then(|&w| lex.starts.get_mut(w as usize)) {
                first.push(index);
            }
            lex.terms.push(Term { text: text.into_boxed_str(), words });
        }
        lex.first.trie.finish();
        lex.all.trie.finish();
        Ok(lex)
    }

    /// Add a word to the index of all words and, if it begins a term, to that of first words.
    fn index(&mut self, first: bool, mut add: impl FnMut(&mut Index)) {
        add(&mut self.all);
        if first {
            add(&mut self.first);
        }
    }

    /// The language of the lexicon.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The number of distinct terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether the lexicon has no term.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The terms as written, in order.
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|t| &*t.text)
    }

    /// Every occurrence of every term in `text`, ordered by position (at one position, the longer
    /// first). Occurrences may overlap (`burn` and `burn down`). To match many texts, a [`Matcher`] is
    /// faster: it keeps its buffers and the words it has stemmed.
    pub fn matches(&self, text: &str) -> Vec<Match<'_>> {
        self.matcher().matches(text)
    }

    /// Whether some term occurs in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        !self.matches(text).is_empty()
    }

    /// A matcher for many texts.
    pub fn matcher(&self) -> Matcher<'_> {
        Matcher {
            lex: self,
            s: Scratch::default(),
            probe: Vec::new(),
            prefixed: Vec::new(),
            memo: Vec::new(),
            ids: Vec::new(),
            firsts: Vec::new(),
            stemmed: FxHashMap::default(),
            quiet: Quiet { slots: Vec::new() },
            looked: 0,
        }
    }
}

/// Matches texts against one lexicon, reusing its buffers and remembering the words it has stemmed (at
/// most [`Matcher::REMEMBERED`], then it starts again). Made by [`Lexicon::matcher`].
///
/// ```
/// use lexicon::{Lang, Lexicon};
/// let lex = Lexicon::new(Lang::En, ["kill", "casino"]).unwrap();
/// let mut m = lex.matcher();
/// let flagged: Vec<bool> = ["hello", "k i l l", "skills"].iter().map(|t| !m.matches(t).is_empty()).collect();
/// assert_eq!(flagged, [false, true, false]);
/// ```
pub struct Matcher<'l> {
    lex: &'l Lexicon,
    s: Scratch,
    probe: Vec<u8>,
    prefixed: Vec<(u32, usize)>,
    memo: Vec<(u32, u32)>,
    ids: Vec<u32>,
    firsts: Vec<u32>,
    /// Reading → the id of the word its key is (`u32::MAX`: none).
    stemmed: FxHashMap<Box<str>, u32>,
    /// Readings seen lately that begin no term.
    quiet: Quiet,
    /// Words looked at, to decide when `quiet` is worth its memory.
    looked: usize,
}

/// A direct-mapped table of short readings (up to 23 bytes, kept whole, so it is exact) known to begin no
/// term: in running text most words are frequent words, which it spares the walk.
struct Quiet {
    /// `[length, bytes…]`; length 0 is an empty slot.
    slots: Vec<[u8; 24]>,
}

impl Quiet {
    const SLOTS: usize = 4096;

    fn slot(reading: &[u8]) -> usize {
        let mut h = rustc_hash::FxHasher::default();
        std::hash::Hasher::write(&mut h, reading);
        (std::hash::Hasher::finish(&h) >> 20) as usize & (Self::SLOTS - 1)
    }

    fn contains(&self, reading: &[u8]) -> bool {
        let n = reading.len();
        n < 24
            && self
                .slots
                .get(Self::slot(reading))
                .is_some_and(|s| s.first() == Some(&(n as u8)) && s.get(1..=n) == Some(reading))
    }

    fn insert(&mut self, reading: &[u8]) {
        let n = reading.len();
        if n == 0 || n >= 24 {
            return;
        }
        if self.slots.is_empty() {
            self.slots = vec![[0; 24]; Self::SLOTS];
        }
        if let Some(s) = self.slots.get_mut(Self::slot(reading)) {
            s[0] = n as u8;
            if let Some(dst) = s.get_mut(1..=n) {
                dst.copy_from_slice(reading);
            }
        }
    }
}

/// The word ids of a word of the text are not known yet.
const UNKNOWN: (u32, u32) = (u32::MAX, 0);

impl<'l> Matcher<'l> {
    /// How many stemmed words a matcher remembers.
    pub const REMEMBERED: usize = 1 << 16;

    /// Every occurrence of every term in `text`, as [`Lexicon::matches`].
    pub fn matches(&mut self, text: &str) -> Vec<Match<'l>> {
        let lex = self.lex;
        analyze(text, lex.lang, &mut self.s);
        let n = self.s.toks.len();
        self.memo.clear();
        self.ids.clear();
        let mut out: Vec<Match<'l>> = Vec::new();
        for i in 0..n {
            let mut firsts = std::mem::take(&mut self.firsts);
            firsts.clear();
            self.words_of(text, i, true, &mut firsts);
            for &w in &firsts {
                for &t in lex.starts.get(w as usize).map_or(&[][..], |v| &v[..]) {
                    let Some(term) = lex.terms.get(t as usize) else { continue };
                    let ok = term.words.iter().enumerate().skip(1).all(|(k, &want)| self.has_word(text, i + k, want));
                    if ok && let (Some(a), Some(b)) = (self.s.toks.get(i), self.s.toks.get(i + term.words.len() - 1)) {
                        out.push(Match { term: &term.text, span: a.start..b.end });
                    }
                }
            }
            self.firsts = firsts;
        }
        out.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
        out.dedup();
        out
    }

    /// Whether the `i`-th word of the text is the word `want` (its ids computed once).
    fn has_word(&mut self, text: &str, i: usize, want: u32) -> bool {
        if i >= self.s.toks.len() {
            return false;
        }
        if self.memo.len() < self.s.toks.len() {
            self.memo.resize(self.s.toks.len(), UNKNOWN);
        }
        let range = match self.memo.get(i) {
            Some(&r) if r != UNKNOWN => r,
            _ => {
                let mut ids = std::mem::take(&mut self.ids);
                let from = ids.len();
                self.words_of(text, i, false, &mut ids);
                let r = (to_u32(from), to_u32(ids.len()));
                self.ids = ids;
                if let Some(m) = self.memo.get_mut(i) {
                    *m = r;
                }
                r
            }
        };
        self.ids.get(range.0 as usize..range.1 as usize).is_some_and(|set| set.contains(&want))
    }

    /// Push the word ids of the `i`-th word of the text (only those that begin a term if `first`).
    fn words_of(&mut self, text: &str, i: usize, first: bool, out: &mut Vec<u32>) {
        let lex = self.lex;
        let Some(tok) = self.s.toks.get(i) else { return };
        let from = out.len();
        // A word read one way that begins no term: remembered once the matcher has seen enough words to
        // make the table worth its 96 KiB.
        let quiet = first && tok.alt.is_none();
        if quiet && self.quiet.contains(self.s.reading(text, tok).as_bytes()) {
            return;
        }
        let readings = [Some(self.s.reading(text, tok)), self.s.alt(tok)];
        for reading in readings.into_iter().flatten() {
            let index = if first { &lex.first } else { &lex.all };
            let mut flags = 0u8;
            self.prefixed.clear();
            let prefixed = &mut self.prefixed;
            let visit = |node, fl, depth| {
                flags |= fl;
                if fl & PREFIX != 0 {
                    prefixed.push((node, depth));
                }
            };
            if lex.lang == Lang::Kk {
                index.trie.walk(Probe::new(reading, lex.lang), visit);
            } else {
                index.trie.walk(reading.bytes(), visit);
            }
            for &(node, depth) in prefixed.iter() {
                for p in index.prefixes.get(&node).map_or(&[][..], |v| &v[..]) {
                    let hit = match p.verb {
                        None => true,
                        Some(h) => {
                            probe_into(reading, lex.lang, &mut self.probe);
                            self.probe.get(depth..).is_some_and(|e| is_ending(e, h))
                        }
                    };
                    if hit {
                        out.push(p.word);
                    }
                }
            }
            if flags & STEM != 0 {
                let id = match self.stemmed.get(reading) {
                    Some(&id) => id,
                    None => {
                        let id = lex.stems.get(key(reading, lex.lang).as_str()).copied().unwrap_or(u32::MAX);
                        if self.stemmed.len() >= Self::REMEMBERED {
                            self.stemmed.clear();
                        }
                        self.stemmed.insert(reading.into(), id);
                        id
                    }
                };
                if id != u32::MAX {
                    out.push(id);
                }
            }
        }
        if quiet && out.len() == from {
            self.looked += 1;
            if self.looked > 2_000 {
                self.quiet.insert(self.s.reading(text, tok).as_bytes());
            }
        }
        if out.len() - from > 1
            && let Some(tail) = out.get_mut(from..)
        {
            tail.sort_unstable();
            let mut kept = from;
            for j in from..out.len() {
                if let Some(&v) = out.get(j)
                    && (kept == from || out.get(kept - 1) != Some(&v))
                {
                    if let Some(slot) = out.get_mut(kept) {
                        *slot = v;
                    }
                    kept += 1;
                }
            }
            out.truncate(kept);
        }
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicon")
            .field("lang", &self.lang)
            .field("terms", &self.terms.len())
            .field("words", &self.starts.len())
            .field("patterns", &self.all.trie.len())
            .finish()
    }
}
