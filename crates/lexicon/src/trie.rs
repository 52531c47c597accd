//! The set of the lexicon's anchors and prefixes, and the walk that finds which of them begin a word's
//! probe.
//!
//! The set is an `aho-corasick` automaton searched anchored at the start of the probe, one byte at a
//! time, so that every pattern that is a prefix of the probe is seen (its match states also list the
//! patterns that are only suffixes of what was read, which the walk skips). Measured against a byte trie
//! in an `FxHashMap` and against `aho-corasick`'s DFA, the contiguous NFA was the fastest on our words
//! (EVALUATION.md).

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};
use rustc_hash::FxHashMap;

/// Some word of the lexicon has its anchor here (stem the word and look its key up).
pub(crate) const STEM: u8 = 1;
/// A wildcard prefix or a Kazakh verb root ends here: the lexicon knows which words.
pub(crate) const PREFIX: u8 = 2;

pub(crate) struct Trie {
    /// Pattern → its id (the patterns' ids are their order of insertion).
    ids: FxHashMap<Box<[u8]>, u32>,
    patterns: Vec<Box<[u8]>>,
    flags: Vec<u8>,
    /// The flags of the empty pattern (every word begins with it).
    empty: u8,
    automaton: Option<NFA>,
}

impl Trie {
    pub fn new() -> Trie {
        Trie { ids: FxHashMap::default(), patterns: Vec::new(), flags: Vec::new(), empty: 0, automaton: None }
    }

    /// The id of a pattern (`u32::MAX` for the empty one), added if new.
    pub fn insert(&mut self, bytes: &[u8]) -> u32 {
        if bytes.is_empty() {
            return u32::MAX;
        }
        if let Some(&id) = self.ids.get(bytes) {
            return id;
        }
        let id = u32::try_from(self.patterns.len()).unwrap_or(u32::MAX);
        self.ids.insert(bytes.into(), id);
        self.patterns.push(bytes.into());
        self.flags.push(0);
        self.automaton = None;
        id
    }

    pub fn mark(&mut self, id: u32, flags: u8) {
        match self.flags.get_mut(id as usize) {
            Some(f) => *f |= flags,
            None => self.empty |= flags,
        }
    }

    /// Build the automaton (after the last insertion).
    pub fn finish(&mut self) {
        self.automaton =
            NFA::builder().match_kind(MatchKind::Standard).build(self.patterns.iter().map(|p| &p[..])).ok();
    }

    /// Walk `bytes`; `visit(id, flags, depth)` is called for each pattern that `bytes` begins with
    /// (`depth`: its length), the empty one included.
    #[inline]
    pub fn walk(&self, bytes: impl IntoIterator<Item = u8>, mut visit: impl FnMut(u32, u8, usize)) {
        if self.empty != 0 {
            visit(u32::MAX, self.empty, 0);
        }
        let Some(nfa) = &self.automaton else { return };
        let Ok(mut sid) = nfa.start_state(Anchored::Yes) else { return };
        for (i, b) in bytes.into_iter().enumerate() {
            sid = nfa.next_state(Anchored::Yes, sid, b);
            if nfa.is_dead(sid) {
                return;
            }
            if nfa.is_match(sid) {
                for k in 0..nfa.match_len(sid) {
                    let pid = nfa.match_pattern(sid, k);
                    // A match state also lists the patterns that end here but began later.
                    if nfa.pattern_len(pid) == i + 1
                        && let Some(&f) = self.flags.get(pid.as_usize())
                    {
                        visit(pid.as_u32(), f, i + 1);
                    }
                }
            }
        }
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn walk_visits_the_patterns_a_word_begins_with() {
        let mut t = Trie::new();
        let a = t.insert(b"ab");
        t.mark(a, STEM);
        let b = t.insert(b"abcd");
        t.mark(b, PREFIX);
        let c = t.insert(b"bc");
        t.mark(c, STEM);
        t.finish();
        let mut seen = Vec::new();
        t.walk(b"abcdef".iter().copied(), |n, fl, d| seen.push((n, fl, d)));
        assert_eq!(seen, [(a, STEM, 2), (b, PREFIX, 4)]);
        seen.clear();
        t.walk(b"xbc".iter().copied(), |n, fl, d| seen.push((n, fl, d)));
        assert_eq!(seen, []);
        let e = t.insert(b"");
        t.mark(e, STEM);
        t.finish();
        seen.clear();
        t.walk(b"z".iter().copied(), |n, fl, d| seen.push((n, fl, d)));
        assert_eq!(seen, [(u32::MAX, STEM, 0)]);
        assert_eq!(t.len(), 3);
    }
}
