//! Moderators' lexicons for Birlik: terms in Kazakh, Russian or English that a text is matched against,
//! to send an item to a body's moderation queue. Pure: no I/O.
//!
//! A term matches its inflected forms (the `kazakh` crate's stems and folding for Kazakh, in Cyrillic and
//! in the 2021 Latin alphabet alike; Snowball for Russian and English) and sees through the usual
//! disguises: Latin and Cyrillic lookalike letters, digits for letters, invisible characters, combining
//! marks, fullwidth and other compatibility forms, and letters spaced out or punctuated («у б и т ь»,
//! «k.i.l.l»). See `README.md` for the steps and `EVALUATION.md` for measured precision, recall and speed.
//!
//! ```
//! use lexicon::{Lang, Lexicon};
//! let lex = Lexicon::parse(Lang::Kk, "өлтіру\nқуып шығу\nказино\n").unwrap();
//! let found: Vec<&str> = lex.matches("Оларды қуып шығу керек! QUYP ŞYĞU! kazino").iter().map(|m| m.term).collect();
//! assert_eq!(found, ["қуып шығу", "қуып шығу", "казино"]);
//! ```

#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod analyze;
mod chars;
mod flag;
mod keys;
mod lexicon;
mod trie;
mod verbs;

pub use flag::{Flag, flag_lines, flag_tsv};
pub use kazakh::Lang;
pub use lexicon::{Error, Lexicon, MAX_WORDS, MIN_PREFIX, Match, Matcher};
