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
/// A wildcard prefix or a Kazakh verb root ends here: the lexicon knows which words.
pub(crate) const PREFIX: u8 = 4;
/// … and one of them begins a term.
pub(crate) const PREFIX_FIRST: u8 = 8;

pub(crate) struct Trie {
    next: FxHashMap<u64, u32>,
    flags: Vec<u8>,
}

impl Trie {
    pub fn new() -> Trie {
        Trie { next: FxHashMap::default(), flags: vec![0] }
    }

    /// The node of `bytes`, made if needed.
    pub fn insert(&mut self, bytes: &[u8]) -> u32 {
        let mut node = 0u32;
        for &b in bytes {
            let n = u32::try_from(self.flags.len()).unwrap_or(u32::MAX);
            node = *self.next.entry(edge(node, b)).or_insert_with(|| {
                self.flags.push(0);
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

    /// Walk `bytes` from the root; `visit(node, flags, depth)` is called for each node reached whose
    /// flags are not empty, the root included (`depth`: the bytes walked to reach it).
    #[inline]
    pub fn walk(&self, bytes: &[u8], mut visit: impl FnMut(u32, u8, usize)) {
        if let Some(&f) = self.flags.first()
            && f != 0
        {
            visit(0, f, 0);
        }
        let mut node = 0u32;
        for (depth, &b) in bytes.iter().enumerate() {
            match self.next.get(&edge(node, b)) {
                Some(&n) => {
                    node = n;
                    if let Some(&f) = self.flags.get(n as usize)
                        && f != 0
                    {
                        visit(n, f, depth + 1);
                    }
                }
                None => return,
            }
        }
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
        t.mark(b, PREFIX);
        let mut seen = Vec::new();
        t.walk(b"abcdef", |n, fl, d| seen.push((n, fl, d)));
        assert_eq!(seen, [(a, STEM, 2), (b, PREFIX, 4)]);
        assert_eq!(t.nodes(), 5);
    }
}
