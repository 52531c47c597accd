//! Birlik's consensus engine: a pure crate (no I/O in the core).
//!
//! - [`polis`]: the Pol.is pipeline (opinion groups, representative statements, consensus), one-shot or
//!   incremental ([`replay`]).
//! - [`bridging`]: the Community Notes bridging factorization, by full-batch Adam and by alternating least
//!   squares on the same objective.
//! - [`unity`]: cross-group unity over declared attributes, with k-anonymity.
//! - [`io`], [`report`], [`svg`]: adapters at the edge (CSV in, JSON and SVG out) on `Read`/`Write`.
//! - [`synth`]: a seeded, streamed generator of conversations with planted groups.
//! - [`ari`]: the adjusted Rand index.

// Index loops read like the formulas they implement; the numeric kernels take their settings flat.
#![allow(clippy::needless_range_loop, clippy::too_many_arguments)]

pub mod ari;
pub mod bridging;
pub mod data;
pub mod io;
pub mod kmeans;
pub mod linalg;
pub mod pipeline;
pub mod polis;
pub mod replay;
pub mod report;
pub mod rng;
pub mod svg;
pub mod synth;
pub mod unity;

pub use data::{Conversation, ConversationBuilder, VoteMatrix};
pub use polis::{PolisOptions, PolisResult, PolisState, analyze, analyze_conversation};
