//! A seeded generator of synthetic conversations with planted opinion groups, streamed: every participant's
//! votes are a pure function of (seed, participant index), so any size can be written row by row, in
//! parallel, or twice, with the same result.
//!
//! Model: each group has a stance (agree or disagree) on every statement; a fraction `shared` of the
//! statements has the same stance in every group (consensus material). A participant belongs to a group
//! (by the weights), votes on a uniform random set of statements whose size is uniform in
//! [½, 3⁄2] × the mean, passes with probability `pass_rate`, else follows the group's stance with
//! probability `consistency`.

use std::io::{self, Write};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::data::{VoteLog, VoteMatrix};
use crate::rng::{Rng, mix64};

/// Settings of the generator.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SynthOptions {
    /// Participants.
    pub participants: usize,
    /// Statements.
    pub statements: usize,
    /// Mean votes per participant.
    pub votes_per_participant: f64,
    /// Relative sizes of the planted groups.
    pub group_weights: Vec<f64>,
    /// Probability of following the group's stance when not passing.
    pub consistency: f64,
    /// Probability of a pass.
    pub pass_rate: f64,
    /// Fraction of statements on which all groups share a stance.
    pub shared: f64,
    /// Seed.
    pub seed: u64,
}

impl Default for SynthOptions {
    fn default() -> Self {
        Self {
            participants: 1000,
            statements: 100,
            votes_per_participant: 20.0,
            group_weights: vec![0.5, 0.3, 0.2],
            consistency: 0.8,
            pass_rate: 0.1,
            shared: 0.1,
            seed: 1,
        }
    }
}

/// The generator.
#[derive(Clone, Debug)]
pub struct Synth {
    opts: SynthOptions,
    stance: Vec<i8>,
    cumulative: Vec<f64>,
}

impl Synth {
    /// A generator; the stances are drawn from the seed.
    pub fn new(opts: SynthOptions) -> Self {
        let g = opts.group_weights.len().max(1);
        let mut rng = Rng::new(opts.seed ^ 0x57A9_CE5E);
        let mut stance = vec![0i8; g * opts.statements];
        for j in 0..opts.statements {
            let shared = rng.next_f64() < opts.shared;
            let common = if rng.next_f64() < 0.5 { 1 } else { -1 };
            for k in 0..g {
                stance[k * opts.statements + j] = if shared {
                    common
                } else if rng.next_f64() < 0.5 {
                    1
                } else {
                    -1
                };
            }
        }
        let total: f64 = opts.group_weights.iter().sum::<f64>().max(f64::MIN_POSITIVE);
        let mut acc = 0.0;
        let cumulative = opts
            .group_weights
            .iter()
            .map(|w| {
                acc += w / total;
                acc
            })
            .collect();
        Self { opts, stance, cumulative }
    }

    /// The settings.
    pub fn options(&self) -> &SynthOptions {
        &self.opts
    }

    fn rng(&self, i: usize) -> Rng {
        Rng::new(mix64(self.opts.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ i as u64))
    }

    /// The planted group of participant `i`.
    pub fn group_of(&self, i: usize) -> u32 {
        let u = self.rng(i).next_f64();
        self.cumulative.iter().position(|&c| u < c).unwrap_or(self.cumulative.len().saturating_sub(1)) as u32
    }

    /// Participant `i`'s votes, sorted by statement.
    pub fn row(&self, i: usize) -> Vec<(u32, i8)> {
        let mut rng = self.rng(i);
        let u = rng.next_f64();
        let g = self.cumulative.iter().position(|&c| u < c).unwrap_or(self.cumulative.len().saturating_sub(1));
        let n_s = self.opts.statements;
        let mean = self.opts.votes_per_participant;
        let m = ((mean * (0.5 + rng.next_f64())).round() as usize).clamp(1, n_s);
        let mut picks: Vec<u32> = Vec::with_capacity(m);
        while picks.len() < m {
            while picks.len() < m {
                picks.push(rng.below(n_s as u64) as u32);
            }
            picks.sort_unstable();
            picks.dedup();
        }
        picks
            .into_iter()
            .map(|j| {
                let v = if rng.next_f64() < self.opts.pass_rate {
                    0
                } else {
                    let s = self.stance[g * n_s + j as usize];
                    if rng.next_f64() < self.opts.consistency { s } else { -s }
                };
                (j, v)
            })
            .collect()
    }

    /// The planted groups of all participants.
    pub fn planted(&self) -> Vec<u32> {
        (0..self.opts.participants).into_par_iter().map(|i| self.group_of(i)).collect()
    }

    /// The vote matrix, generated in parallel blocks.
    pub fn matrix(&self) -> VoteMatrix {
        let mut m = VoteMatrix { n_cols: self.opts.statements, row_ptr: vec![0], ..VoteMatrix::default() };
        let block = 1 << 16;
        for start in (0..self.opts.participants).step_by(block) {
            let end = (start + block).min(self.opts.participants);
            let rows: Vec<Vec<(u32, i8)>> = (start..end).into_par_iter().map(|i| self.row(i)).collect();
            for row in rows {
                for (c, v) in row {
                    m.cols.push(c);
                    m.vals.push(v);
                }
                m.row_ptr.push(m.cols.len());
                m.n_rows += 1;
            }
        }
        m
    }

    /// The votes as a log in participant order (for the path through [`VoteMatrix::from_log`]).
    pub fn log(&self) -> VoteLog {
        let mut log = VoteLog::default();
        let block = 1 << 16;
        for start in (0..self.opts.participants).step_by(block) {
            let end = (start + block).min(self.opts.participants);
            let rows: Vec<Vec<(u32, i8)>> = (start..end).into_par_iter().map(|i| self.row(i)).collect();
            for (i, row) in (start..end).zip(rows) {
                for (c, v) in row {
                    log.participant.push(i as u32);
                    log.statement.push(c);
                    log.value.push(v);
                }
            }
        }
        log
    }

    /// Streams the votes as the plain CSV (`participant_id,statement_id,vote`).
    pub fn write_votes_csv(&self, mut w: impl Write) -> io::Result<()> {
        writeln!(w, "participant_id,statement_id,vote")?;
        let block = 1 << 14;
        for start in (0..self.opts.participants).step_by(block) {
            let end = (start + block).min(self.opts.participants);
            let rows: Vec<Vec<(u32, i8)>> = (start..end).into_par_iter().map(|i| self.row(i)).collect();
            for (i, row) in (start..end).zip(rows) {
                for (c, v) in row {
                    writeln!(w, "{i},{c},{v}")?;
                }
            }
        }
        w.flush()
    }

    /// Streams the planted groups as CSV (`participant_id,group`).
    pub fn write_groups_csv(&self, mut w: impl Write) -> io::Result<()> {
        writeln!(w, "participant_id,group")?;
        for i in 0..self.opts.participants {
            writeln!(w, "{i},{}", self.group_of(i))?;
        }
        w.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_reproducible_sorted_and_distinct() {
        let s = Synth::new(SynthOptions {
            participants: 50,
            statements: 30,
            votes_per_participant: 10.0,
            ..SynthOptions::default()
        });
        for i in 0..50 {
            let r = s.row(i);
            assert_eq!(r, s.row(i));
            assert!(r.windows(2).all(|w| w[0].0 < w[1].0));
            assert!((5..=15).contains(&r.len()));
        }
        let m = s.matrix();
        assert_eq!(m.n_rows, 50);
        let via_log = VoteMatrix::from_log(&s.log(), 50, 30, None);
        assert_eq!(m, via_log);
        let mut csv = Vec::new();
        s.write_votes_csv(&mut csv).unwrap();
        assert_eq!(String::from_utf8(csv).unwrap().lines().count(), m.nnz() + 1);
    }
}
