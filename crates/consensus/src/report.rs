//! The JSON result: external ids, no individual position (participants carry only their group).

use std::io::Write;

use serde::{Deserialize, Serialize};

use crate::bridging::{BridgingModel, BridgingStatement, Label};
use crate::data::Conversation;
use crate::polis::{Group, PolisResult};
use crate::unity::AttributeUnity;

/// A participant and its group (None when not in the analysis).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ParticipantOut {
    /// External id.
    pub id: String,
    /// Group number.
    pub group: Option<u32>,
}

/// A consensus statement.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ConsensusOut {
    /// External statement id.
    pub statement: String,
    /// Agrees (or disagrees).
    pub n_success: u32,
    /// Votes.
    pub n_trials: u32,
    /// (1 + n_success) / (2 + n_trials).
    pub p_success: f64,
    /// Proportion test.
    pub p_test: f64,
}

/// Consensus lists.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ConsensusLists {
    /// Agreed by the analysed population.
    pub agree: Vec<ConsensusOut>,
    /// Rejected by the analysed population.
    pub disagree: Vec<ConsensusOut>,
}

/// Group-informed consensus of a statement.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GicOut {
    /// External statement id.
    pub statement: String,
    /// Π_g (A_g + 1) / (S_g + 2).
    pub agree: f64,
    /// Π_g (D_g + 1) / (S_g + 2).
    pub disagree: f64,
}

/// Per-statement figures.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct StatementOut {
    /// External id.
    pub id: String,
    /// In the analysis.
    pub active: bool,
    /// Moderated out.
    pub moderated_out: bool,
    /// Meta.
    pub is_meta: bool,
    /// Agrees, all voters.
    pub agree: u32,
    /// Disagrees, all voters.
    pub disagree: u32,
    /// Passes, all voters.
    pub pass: u32,
    /// Pol.is extremity.
    pub extremity: f64,
    /// Pol.is routing priority.
    pub priority: f64,
}

/// A bridging statement.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct BridgingOut {
    /// External statement id.
    pub statement: String,
    /// Bridging intercept i_s.
    pub intercept: f64,
    /// Polarity f_s.
    pub factor: f64,
    /// Agree and disagree votes.
    pub ratings: u32,
    /// bridging / divisive / neutral / insufficient.
    pub label: Label,
}

/// The bridging section.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct BridgingSection {
    /// Solver used (`als` or `adam`).
    pub solver: String,
    /// μ.
    pub mu: f64,
    /// Final loss.
    pub loss: f64,
    /// Sweeps or epochs.
    pub iterations: usize,
    /// Statements by decreasing intercept.
    pub statements: Vec<BridgingOut>,
}

/// The whole JSON document.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Report {
    /// Number of groups.
    pub k: usize,
    /// Participants with votes.
    pub n_participants: usize,
    /// Statements.
    pub n_statements: usize,
    /// Statements in the analysis.
    pub n_active: usize,
    /// Participants in the analysis.
    pub n_in_analysis: usize,
    /// Silhouette of each candidate k.
    pub silhouette: Vec<(usize, f64)>,
    /// Every participant's group.
    pub participants: Vec<ParticipantOut>,
    /// Groups.
    pub groups: Vec<Group<String>>,
    /// Consensus lists.
    pub consensus: ConsensusLists,
    /// Active statements by decreasing group-informed agree consensus.
    pub group_informed_consensus: Vec<GicOut>,
    /// Per statement.
    pub statements: Vec<StatementOut>,
    /// Bridging factorization, when computed.
    pub bridging: Option<BridgingSection>,
    /// Cross-group unity, one per declared attribute.
    pub unity: Vec<AttributeUnity>,
}

impl Report {
    /// Assembles the report from the pipeline's results.
    pub fn new(
        conv: &Conversation,
        r: &PolisResult,
        bridging: Option<(&str, &BridgingModel, Vec<BridgingStatement>)>,
        unity: Vec<AttributeUnity>,
    ) -> Self {
        let sid = |j: u32| conv.statements[j as usize].id.clone();
        let mut gic: Vec<GicOut> = r
            .statements
            .iter()
            .filter(|s| s.active)
            .map(|s| GicOut { statement: sid(s.statement), agree: s.gic_agree, disagree: s.gic_disagree })
            .collect();
        gic.sort_by(|a, b| b.agree.total_cmp(&a.agree));
        let cons = |v: &[crate::polis::ConsensusStatement]| {
            v.iter()
                .map(|c| ConsensusOut {
                    statement: sid(c.statement),
                    n_success: c.n_success,
                    n_trials: c.n_trials,
                    p_success: c.p_success,
                    p_test: c.p_test,
                })
                .collect()
        };
        Report {
            k: r.k,
            n_participants: conv.participants.len(),
            n_statements: conv.statements.len(),
            n_active: r.n_active,
            n_in_analysis: r.in_conv.iter().filter(|&&x| x).count(),
            silhouette: r.silhouette.clone(),
            participants: conv
                .participants
                .iter()
                .zip(&r.group_of)
                .map(|(id, g)| ParticipantOut { id: id.clone(), group: *g })
                .collect(),
            groups: r
                .groups
                .iter()
                .map(|g| Group {
                    id: g.id,
                    size: g.size,
                    centre: g.centre,
                    representative: g.representative.iter().map(|s| s.named(|i| sid(*i))).collect(),
                })
                .collect(),
            consensus: ConsensusLists { agree: cons(&r.consensus.agree), disagree: cons(&r.consensus.disagree) },
            group_informed_consensus: gic,
            statements: r
                .statements
                .iter()
                .map(|s| {
                    let st = &conv.statements[s.statement as usize];
                    StatementOut {
                        id: st.id.clone(),
                        active: s.active,
                        moderated_out: st.moderated_out,
                        is_meta: st.is_meta,
                        agree: s.agree,
                        disagree: s.disagree,
                        pass: s.pass,
                        extremity: s.extremity,
                        priority: s.priority,
                    }
                })
                .collect(),
            bridging: bridging.map(|(solver, m, st)| BridgingSection {
                solver: solver.to_owned(),
                mu: m.mu,
                loss: m.loss,
                iterations: m.iterations,
                statements: st
                    .into_iter()
                    .map(|b| BridgingOut {
                        statement: sid(b.statement),
                        intercept: b.intercept,
                        factor: b.factor,
                        ratings: b.ratings,
                        label: b.label,
                    })
                    .collect(),
            }),
            unity,
        }
    }

    /// Writes the report as pretty JSON.
    pub fn write_json(&self, w: impl Write) -> serde_json::Result<()> {
        serde_json::to_writer_pretty(w, self)
    }
}
