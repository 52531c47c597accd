//! The crate's one integration-test binary: evaluation sets and property tests.

mod langid_eval;
mod properties;
mod stem_eval;
