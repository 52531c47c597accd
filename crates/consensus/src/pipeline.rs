//! Everything at once: the Pol.is pipeline (one-shot or replayed), the bridging factorization and
//! cross-group unity over every declared attribute, assembled into a [`Report`].

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::bridging::{BridgingOptions, fit_adam, fit_als, fit_als_from};
use crate::data::Conversation;
use crate::polis::{PolisOptions, PolisResult, PolisState, analyze};
use crate::replay::{ReplaySchedule, replay};
use crate::report::Report;
use crate::unity::{UnityOptions, unity};

/// Which solver fits the bridging model.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Solver {
    /// Alternating least squares (fast).
    Als,
    /// Full-batch Adam (the reference).
    Adam,
}

/// Settings of a full analysis.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnalysisOptions {
    /// Pol.is pipeline settings.
    pub polis: PolisOptions,
    /// Replay the log in time order (incremental mode) instead of one run on the final votes.
    pub replay: Option<ReplaySchedule>,
    /// Bridging solver; None skips the factorization.
    pub bridging: Option<Solver>,
    /// Bridging settings.
    pub bridging_options: BridgingOptions,
    /// Unity settings.
    pub unity: UnityOptions,
}

/// Wall-clock time of each stage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timings {
    /// Building the vote matrix.
    pub matrix: Duration,
    /// The Pol.is pipeline (or the whole replay).
    pub polis: Duration,
    /// The bridging factorization.
    pub bridging: Duration,
    /// Cross-group unity.
    pub unity: Duration,
}

/// A full analysis.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The Pol.is result (for the opinion map).
    pub result: PolisResult,
    /// The JSON report.
    pub report: Report,
    /// Time per stage.
    pub timings: Timings,
}

/// Runs the whole analysis of a conversation.
pub fn analyze_full(conv: &Conversation, o: &AnalysisOptions) -> Analysis {
    run(conv, o, None)
}

/// Runs the whole analysis as an incremental update of a growing conversation: the Pol.is pipeline
/// warm-starts from `state` (participants once in stay in; axes and centres carry over) and writes it back.
/// Participants and statements may only be appended between updates. `o.replay` is ignored.
pub fn analyze_update(conv: &Conversation, o: &AnalysisOptions, state: &mut PolisState) -> Analysis {
    run(conv, o, Some(state))
}

fn run(conv: &Conversation, o: &AnalysisOptions, mut state: Option<&mut PolisState>) -> Analysis {
    let mut t = Timings::default();
    let start = Instant::now();
    let m = conv.matrix();
    t.matrix = start.elapsed();
    let active = conv.active();
    let is_meta: Vec<bool> = conv.statements.iter().map(|s| s.is_meta).collect();
    let start = Instant::now();
    let result = match (&o.replay, state.as_deref_mut()) {
        (_, Some(state)) => analyze(&m, &active, &is_meta, &o.polis, Some(state)),
        (Some(schedule), None) => replay(conv, &o.polis, schedule).0,
        (None, None) => analyze(&m, &active, &is_meta, &o.polis, None),
    };
    t.polis = start.elapsed();
    let start = Instant::now();
    let bridging = o.bridging.map(|solver| {
        let model = match (solver, state) {
            // An update starts from the last update's fit.
            (Solver::Als, Some(state)) => {
                let model = fit_als_from(&m, &active, &o.bridging_options, state.bridging.as_ref());
                state.bridging = Some(model.clone());
                model
            }
            (Solver::Als, None) => fit_als(&m, &active, &o.bridging_options),
            (Solver::Adam, _) => fit_adam(&m, &active, &o.bridging_options),
        };
        (solver, model)
    });
    t.bridging = start.elapsed();
    let start = Instant::now();
    let unity_out = conv.attributes.iter().map(|a| unity(&m, &active, a, &o.unity)).collect();
    t.unity = start.elapsed();
    let report = Report::new(
        conv,
        &result,
        bridging.as_ref().map(|(s, model)| {
            let name = match s {
                Solver::Als => "als",
                Solver::Adam => "adam",
            };
            (name, model, model.statements(&active, o.bridging_options.min_ratings))
        }),
        unity_out,
    );
    Analysis { result, report, timings: t }
}
