//! Replay: the incremental pipeline run over the vote log in time order, as Pol.is ran it while the
//! conversation grew. Each update sees the votes cast so far and the statements that existed then,
//! warm-starts from the previous update (participants once in stay in; axes, base and group centres carry
//! over; k changes only after `k_buffer` consecutive updates agree).

use crate::data::{Conversation, VoteMatrix};
use crate::polis::{PolisOptions, PolisResult, PolisState, analyze};

/// When to run an update during a replay.
#[derive(Clone, Debug, PartialEq)]
pub struct ReplaySchedule {
    /// Run an update once this many votes have arrived since the last one…
    pub min_votes: usize,
    /// …and they are at least this fraction of the votes so far.
    pub growth: f64,
}

impl Default for ReplaySchedule {
    fn default() -> Self {
        Self { min_votes: 20, growth: 0.02 }
    }
}

/// One update of a replay.
#[derive(Clone, Debug, PartialEq)]
pub struct UpdateSummary {
    /// Votes seen so far.
    pub votes: usize,
    /// Participants in the analysis.
    pub in_conv: usize,
    /// Groups.
    pub k: usize,
}

/// Replays the conversation's log in time order and returns the final result, its state and a summary of
/// every update. The last update always covers the whole log.
pub fn replay(
    conv: &Conversation,
    opts: &PolisOptions,
    schedule: &ReplaySchedule,
) -> (PolisResult, PolisState, Vec<UpdateSummary>) {
    let order = conv.log.time_order();
    let n_p = conv.participants.len();
    let n_s = conv.statements.len();
    let is_meta: Vec<bool> = conv.statements.iter().map(|s| s.is_meta).collect();
    let final_active = conv.active();
    let mut state = PolisState::default();
    let mut summaries = Vec::new();
    let mut seen_statement = vec![false; n_s];
    let mut last = 0usize;
    let mut result = None;
    for upto in 1..=order.len() {
        seen_statement[conv.log.statement[order[upto - 1]] as usize] = true;
        let due = upto - last >= schedule.min_votes && (upto - last) as f64 >= schedule.growth * upto as f64;
        if !due && upto < order.len() {
            continue;
        }
        last = upto;
        let m = VoteMatrix::from_log(&conv.log, n_p, n_s, Some(&order[..upto]));
        let active: Vec<bool> = (0..n_s).map(|j| final_active[j] && seen_statement[j]).collect();
        let r = analyze(&m, &active, &is_meta, opts, Some(&mut state));
        summaries.push(UpdateSummary { votes: upto, in_conv: r.in_conv.iter().filter(|&&x| x).count(), k: r.k });
        result = Some(r);
    }
    let result = result.unwrap_or_else(|| {
        let m = conv.matrix();
        analyze(&m, &final_active, &is_meta, opts, Some(&mut state))
    });
    (result, state, summaries)
}
