//! Kazakh text toolkit for Birlik: 2021 Latin transliteration, language identification, a light stemmer,
//! search folding and the search analyzer. Pure: no I/O, no global state.
//!
//! See `README.md` in this crate for the transliteration rules and `EVALUATION.md` for measured quality
//! and speed.

mod analyze;
mod detect;
mod fold;
mod stem;
mod translit;

pub use analyze::{query_terms, search_terms, term, token_spans, tokens};
pub use detect::{Lang, detect};
pub use fold::fold;
pub use stem::stem;
pub use translit::{to_cyrillic, to_latin, to_latin_bytes};
