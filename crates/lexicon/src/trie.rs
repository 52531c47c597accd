//! A byte trie of the lexicon's anchors and wildcard prefixes, walked along a word's probe.
//!
//! Edges live in one `FxHashMap` keyed by (node, byte). Measured against `aho-corasick` (an anchored
//! search of each word's probe against the same patterns) it was faster on our short words; see
//! EVALUATION.md.

use rustc_hash::FxHashMap;

/// Some word of the lexicon has its anchor here (stem it and look the key up).
pub(crate) const STEM: u8 = 1;
/// … and that word begins a term.
pub(crate) const STEM_FIRST: u8 = 2;
/// A wildcard prefix ends here: every word whose probe reaches this node matches it.
pub(crate) const WILD: u8 = 4;
/// … and that wildcard word begins a term.
pub(crate) const WILD_FIRST: u8 = 8;

pub(crate) struct Trie {
    next: FxHashMap<u64, u32>,
    flags: Vec<u8>,
    /// The word id of the wildcard prefix ending at a node (`u32::MAX`: none).
    wild: Vec<u32>,
}

impl Trie {
    pub fn new() -> Trie {
        Trie { next: FxHashMap::default(), flags: vec![0], wild: vec![u32::MAX] }
    }

    /// The node of `bytes`, made if needed.
    pub fn insert(&mut self, bytes: &[u8]) -> u32 {
        let mut node = 0u32;
        for &b in bytes {
            let n = u32::try_from(self.flags.len()).unwrap_or(u32::MAX);
            node = *self.next.entry(edge(node, b)).or_insert_with(|| {
                self.flags.push(0);
                self.wild.push(u32::MAX);
                n
            });
        }
        node
    }

    pub fn mark(&mut self, node: u32, flags: u8) {
        if let Some(f) = self.flags.get_mut(node as usize) {
            *f |= flags;
        }
    }

    pub fn set_wild(&mut self, node: u32, word: u32) {
        if let Some(w) = self.wild.get_mut(node as usize) {
            *w = word;
        }
    }

    /// Walk the bytes `feed` gives; `visit(flags, wildcard word)` is called for each node reached whose
    /// flags are not empty, the root included.
    #[inline]
    pub fn walk(&self, feed: impl FnOnce(&mut dyn FnMut(u8) -> bool), mut visit: impl FnMut(u8, u32)) {
        let mut node = 0u32;
        if let Some(&f) = self.flags.first()
            && f != 0
        {
            visit(f, self.wild.first().copied().unwrap_or(u32::MAX));
        }
        feed(&mut |b| match self.next.get(&edge(node, b)) {
            Some(&n) => {
                node = n;
                if let Some(&f) = self.flags.get(n as usize)
                    && f != 0
                {
                    visit(f, self.wild.get(n as usize).copied().unwrap_or(u32::MAX));
                }
                true
            }
            None => false,
        });
    }

    pub fn nodes(&self) -> usize {
        self.flags.len()
    }
}

#[inline]
fn edge(node: u32, byte: u8) -> u64 {
    (u64::from(node) << 8) | u64::from(byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walk_visits_flagged_prefixes() {
        let mut t = Trie::new();
        let a = t.insert(b"ab");
        t.mark(a, STEM);
        let b = t.insert(b"abcd");
        t.mark(b, WILD);
        t.set_wild(b, 7);
        let mut seen = Vec::new();
        t.walk(
            |f| {
                for &x in b"abcdef" {
                    if !f(x) {
                        break;
                    }
                }
            },
            |fl, w| seen.push((fl, w)),
        );
        assert_eq!(seen, [(STEM, u32::MAX), (WILD, 7)]);
        assert_eq!(t.nodes(), 5);
    }
}
