//! The Pol.is pipeline (analysis A), after the published `polismath` implementation: participant filter,
//! PCA by sparse power iteration, sparsity-aware projection, base k-means (k = 100), group k-means on base
//! centres with k chosen by silhouette, representativeness, consensus, group-informed consensus,
//! statement extremity and routing priority. Incremental updates warm-start from a [`PolisState`].

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::data::VoteMatrix;
use crate::kmeans::{Clustering, canonical_order, first_distinct, kmeans, kmeans_pp, silhouette, weighted_silhouette};
use crate::linalg::{Components, column_means, power_iteration};
use crate::rng::Rng;

/// Settings of the pipeline; the defaults are Pol.is's.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct PolisOptions {
    /// A participant enters the analysis with at least min(this, number of statements) votes.
    pub min_votes: usize,
    /// Fewer participants than this: top up greedily with the most active ones.
    pub min_participants: usize,
    /// Number of base clusters.
    pub base_k: usize,
    /// Largest number of opinion groups.
    pub max_group_k: usize,
    /// k-means stops when no centre moves by this much.
    pub kmeans_tol: f64,
    /// Cap on Lloyd iterations.
    pub kmeans_max_iter: usize,
    /// Power iteration stops when both axes move less than this (Euclidean norm).
    pub pca_tol: f64,
    /// Cap on power iterations.
    pub pca_max_iter: usize,
    /// Seeded k-means++ restarts of the group clustering on a cold start (besides the first-distinct start).
    pub group_restarts: usize,
    /// In incremental mode, k changes only after this many consecutive updates agree on it.
    pub k_buffer: usize,
    /// Significance threshold of the one-sided z tests (90 %).
    pub z_90: f64,
    /// Seed of every random choice.
    pub seed: u64,
    /// Centre and principal components over every participant with a vote (as `polismath` does), rather
    /// than over the participants in the analysis only.
    pub pca_all_participants: bool,
    /// Count moderated-out and meta statements as `polismath` does after zeroing their columns: in the
    /// statement count, in each participant's own vote count for the threshold, and as a 0 vote of everyone
    /// in the sparsity-aware scaling √(n_statements / n_votes_i); rather than leaving them out of all three.
    pub zeroed_columns_count: bool,
    /// Silhouette over participants (base centres weighted by size) rather than over base centres.
    pub weighted_silhouette: bool,
    /// In incremental mode, also try the cold starts and keep the best of them and the warm start (rather
    /// than the warm start only, as Pol.is does).
    pub group_restarts_when_warm: bool,
    /// Use this number of groups instead of choosing it by silhouette (for evaluation).
    pub force_k: Option<usize>,
}

impl Default for PolisOptions {
    fn default() -> Self {
        Self {
            min_votes: 7,
            min_participants: 15,
            base_k: 100,
            max_group_k: 5,
            kmeans_tol: 0.01,
            kmeans_max_iter: 100,
            pca_tol: 1e-7,
            pca_max_iter: 1000,
            group_restarts: 32,
            k_buffer: 4,
            z_90: 1.2816,
            seed: 0x00B1_811C,
            pca_all_participants: true,
            zeroed_columns_count: true,
            weighted_silhouette: false,
            force_k: None,
            group_restarts_when_warm: true,
        }
    }
}

/// What an incremental update carries over from the previous one.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct PolisState {
    /// Participants once in the analysis stay in it.
    pub in_conv: Vec<bool>,
    /// Previous principal axes (warm start of the power iteration).
    pub axes: Option<Vec<[f64; 2]>>,
    /// Previous base centres.
    pub base_centres: Vec<[f64; 2]>,
    /// Previous group centres for every k (index k).
    pub group_centres: Vec<Vec<[f64; 2]>>,
    /// The k with the best silhouette at the last update.
    pub last_k: Option<usize>,
    /// For how many consecutive updates `last_k` has been the best.
    pub last_k_count: usize,
    /// The k in use.
    pub smoothed_k: Option<usize>,
    /// Number of updates so far.
    pub updates: usize,
    /// The group of each participant at the last update: a group keeps its id while it is the same people.
    #[serde(default)]
    pub last_groups: Vec<Option<u32>>,
    /// The last bridging fit (ALS), from which the next update's fit starts (see
    /// [`crate::bridging::fit_als_from`]); carried here so that one state holds all an update needs.
    #[serde(default)]
    pub bridging: Option<crate::bridging::BridgingModel>,
}

/// Direction in which a statement represents a group.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// The group agrees more than the rest.
    Agree,
    /// The group disagrees more than the rest.
    Disagree,
}

/// The representativeness statistics of one statement for one group (Pol.is `repness`).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Repness {
    /// Statement index.
    pub statement: u32,
    /// Agrees in the group.
    pub na: u32,
    /// Disagrees in the group.
    pub nd: u32,
    /// Votes (seen, passes included) in the group.
    pub ns: u32,
    /// (1 + na) / (2 + ns).
    pub pa: f64,
    /// (1 + nd) / (2 + ns).
    pub pd: f64,
    /// Proportion test of agree within the group.
    pub pat: f64,
    /// Proportion test of disagree within the group.
    pub pdt: f64,
    /// pa / pa of the rest.
    pub ra: f64,
    /// pd / pd of the rest.
    pub rd: f64,
    /// Two-proportion test of agree, group vs rest.
    pub rat: f64,
    /// Two-proportion test of disagree, group vs rest.
    pub rdt: f64,
}

/// One representative statement of a group, as selected by Pol.is. `S` names the statement: its index inside
/// the engine, its external id in a report.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct RepStatement<S = u32> {
    /// The statement.
    pub statement: S,
    /// Agree or disagree.
    pub repful_for: Direction,
    /// na or nd.
    pub n_success: u32,
    /// ns.
    pub n_trials: u32,
    /// pa or pd.
    pub p_success: f64,
    /// pat or pdt.
    pub p_test: f64,
    /// ra or rd.
    pub repness: f64,
    /// rat or rdt.
    pub repness_test: f64,
    /// Whether this is the group's best agreed statement (Pol.is `best-agree`).
    pub best_agree: bool,
}

/// An opinion group; `S` names statements as in [`RepStatement`].
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Group<S = u32> {
    /// Group number, 0-based.
    pub id: u32,
    /// Participants in it.
    pub size: u32,
    /// Its centre in the opinion map.
    pub centre: [f64; 2],
    /// Up to 5 statements that represent it, agrees first.
    pub representative: Vec<RepStatement<S>>,
}

impl<S> RepStatement<S> {
    /// The same statement named otherwise (by its external id in a report).
    pub fn named<T>(&self, name: impl FnOnce(&S) -> T) -> RepStatement<T> {
        RepStatement {
            statement: name(&self.statement),
            repful_for: self.repful_for,
            n_success: self.n_success,
            n_trials: self.n_trials,
            p_success: self.p_success,
            p_test: self.p_test,
            repness: self.repness,
            repness_test: self.repness_test,
            best_agree: self.best_agree,
        }
    }
}

/// A statement on which the whole analysed population agrees (or disagrees).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ConsensusStatement {
    /// Statement index.
    pub statement: u32,
    /// Agrees (or disagrees).
    pub n_success: u32,
    /// Votes.
    pub n_trials: u32,
    /// (1 + n_success) / (2 + n_trials).
    pub p_success: f64,
    /// Proportion test.
    pub p_test: f64,
}

/// Consensus lists (Pol.is `consensus`).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Consensus {
    /// Up to 5 statements agreed by the analysed population.
    pub agree: Vec<ConsensusStatement>,
    /// Up to 5 statements rejected by the analysed population.
    pub disagree: Vec<ConsensusStatement>,
}

/// Per-statement figures.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct StatementStats {
    /// Statement index.
    pub statement: u32,
    /// Whether it took part in the analysis.
    pub active: bool,
    /// Agrees among all voters.
    pub agree: u32,
    /// Disagrees among all voters.
    pub disagree: u32,
    /// Passes among all voters.
    pub pass: u32,
    /// Group-informed consensus for agree: Π_g (A_g + 1) / (S_g + 2).
    pub gic_agree: f64,
    /// Group-informed consensus for disagree: Π_g (D_g + 1) / (S_g + 2).
    pub gic_disagree: f64,
    /// Projection of a lone agree on this statement.
    pub projection: [f64; 2],
    /// Pol.is extremity: the norm of that projection.
    pub extremity: f64,
    /// Pol.is routing priority.
    pub priority: f64,
}

/// Result of one run of the pipeline.
#[derive(Clone, Debug, PartialEq)]
pub struct PolisResult {
    /// Number of statements in the analysis.
    pub n_active: usize,
    /// Votes per participant on active statements.
    pub n_votes: Vec<u32>,
    /// Participants in the analysis.
    pub in_conv: Vec<bool>,
    /// Column means over participants in the analysis.
    pub mean: Vec<f64>,
    /// Principal components.
    pub components: Components,
    /// Opinion-map position of each participant in the analysis.
    pub projection: Vec<Option<[f64; 2]>>,
    /// Base clustering: centres and sizes.
    pub base_centres: Vec<[f64; 2]>,
    /// Members of each base cluster.
    pub base_sizes: Vec<u32>,
    /// Base cluster of each participant.
    pub base_of: Vec<Option<u32>>,
    /// Silhouette of each candidate k.
    pub silhouette: Vec<(usize, f64)>,
    /// The number of groups.
    pub k: usize,
    /// Group of each participant (None when not in the analysis).
    pub group_of: Vec<Option<u32>>,
    /// Groups.
    pub groups: Vec<Group>,
    /// Representativeness of every active statement for every group.
    pub repness: Vec<Vec<Repness>>,
    /// Consensus lists.
    pub consensus: Consensus,
    /// Per statement.
    pub statements: Vec<StatementStats>,
}

/// Pol.is `prop-test`: 2·√(n+1)·((s+1)/(n+1) − ½).
pub fn prop_test(succ: f64, n: f64) -> f64 {
    let (s, n) = (succ + 1.0, n + 1.0);
    2.0 * n.sqrt() * (s / n - 0.5)
}

/// Pol.is `two-prop-test` with every count incremented by one.
pub fn two_prop_test(succ_in: f64, succ_out: f64, pop_in: f64, pop_out: f64) -> f64 {
    let (s1, s2, n1, n2) = (succ_in + 1.0, succ_out + 1.0, pop_in + 1.0, pop_out + 1.0);
    let (p1, p2) = (s1 / n1, s2 / n2);
    let p = (s1 + s2) / (n1 + n2);
    if p >= 1.0 || p <= 0.0 {
        return 0.0;
    }
    (p1 - p2) / (p * (1.0 - p) * (1.0 / n1 + 1.0 / n2)).sqrt()
}

/// Pol.is importance: (1 − p)(E + 1)a with p = (P+1)/(S+2), a = (A+1)/(S+2).
pub fn importance(a: f64, p: f64, s: f64, e: f64) -> f64 {
    let pp = (p + 1.0) / (s + 2.0);
    let aa = (a + 1.0) / (s + 2.0);
    (1.0 - pp) * (e + 1.0) * aa
}

/// Pol.is routing priority: meta statements 7²; others (importance · (1 + 8·2^(−S/5)))².
pub fn priority(is_meta: bool, a: f64, p: f64, s: f64, e: f64) -> f64 {
    if is_meta {
        return 49.0;
    }
    (importance(a, p, s, e) * (1.0 + 8.0 * 2f64.powf(-s / 5.0))).powi(2)
}

/// Counts (agree, disagree, seen) per group and statement; `group_of[i]` None rows are skipped.
fn group_counts(m: &VoteMatrix, group_of: &[Option<u32>], k: usize) -> Vec<[u32; 3]> {
    let n = m.n_cols;
    (0..m.n_rows)
        .into_par_iter()
        .with_min_len(4096)
        .fold(
            || vec![[0u32; 3]; k * n],
            |mut c, i| {
                if let Some(g) = group_of[i] {
                    let (cols, vals) = m.row(i);
                    for (&j, &v) in cols.iter().zip(vals) {
                        let e = &mut c[g as usize * n + j as usize];
                        e[2] += 1;
                        if v > 0 {
                            e[0] += 1;
                        } else if v < 0 {
                            e[1] += 1;
                        }
                    }
                }
                c
            },
        )
        .reduce(
            || vec![[0u32; 3]; k * n],
            |mut a, b| {
                a.iter_mut().zip(&b).for_each(|(x, y)| {
                    x[0] += y[0];
                    x[1] += y[1];
                    x[2] += y[2];
                });
                a
            },
        )
}

/// Representativeness statistics of a group's counts against the rest's.
pub fn repness_stats(statement: u32, g: [u32; 3], rest: [u32; 3]) -> Repness {
    let [na, nd, ns] = g.map(f64::from);
    let [ra_, rd_, rs_] = rest.map(f64::from);
    let pa = (1.0 + na) / (2.0 + ns);
    let pd = (1.0 + nd) / (2.0 + ns);
    let pa_rest = (1.0 + ra_) / (2.0 + rs_);
    let pd_rest = (1.0 + rd_) / (2.0 + rs_);
    Repness {
        statement,
        na: g[0],
        nd: g[1],
        ns: g[2],
        pa,
        pd,
        pat: prop_test(na, ns),
        pdt: prop_test(nd, ns),
        ra: pa / pa_rest,
        rd: pd / pd_rest,
        rat: two_prop_test(na, ra_, ns, rs_),
        rdt: two_prop_test(nd, rd_, ns, rs_),
    }
}

fn finalize(r: &Repness) -> RepStatement {
    let agree = r.rat > r.rdt;
    RepStatement {
        statement: r.statement,
        repful_for: if agree { Direction::Agree } else { Direction::Disagree },
        n_success: if agree { r.na } else { r.nd },
        n_trials: r.ns,
        p_success: if agree { r.pa } else { r.pd },
        p_test: if agree { r.pat } else { r.pdt },
        repness: if agree { r.ra } else { r.rd },
        repness_test: if agree { r.rat } else { r.rdt },
        best_agree: false,
    }
}

fn metric(s: &RepStatement) -> f64 {
    s.repness * s.repness_test * s.p_success * s.p_test
}

/// Pol.is `beats-best-agr?`.
fn beats_best_agree(r: &Repness, best: Option<&Repness>, z: f64) -> bool {
    if r.na == 0 && r.nd == 0 {
        return false;
    }
    match best {
        Some(b) if b.ra > 1.0 => r.ra > 1.0 && r.ra * r.rat * r.pa * r.pat > b.ra * b.rat * b.pa * b.pat,
        Some(b) => r.pa * r.pat > b.pa * b.pat,
        None => r.pat > z || (r.ra > 1.0 && r.pa > 0.5),
    }
}

/// Pol.is `select-rep-comments` for one group: the statements that pass both tests (group proportion and
/// group-vs-rest) in their direction, best metric `ra·rat·pa·pat` first, the best agreed statement
/// (`beats-best-agr?`) in front, at most 5, agrees before disagrees; when none passes, the best agreed
/// statement, else the best by test. Each is reported in the direction of its larger repness test
/// (`finalize-cmt-stats`), the best agreed one included, as red-dwarf's port does.
pub fn select_representative(stats: &[Repness], z: f64) -> Vec<RepStatement> {
    let sig = |x: f64| x > z;
    let mut best_agree: Option<&Repness> = None;
    let mut best: Option<&Repness> = None;
    let mut sufficient: Vec<RepStatement> = Vec::new();
    for r in stats {
        if beats_best_agree(r, best_agree, z) {
            best_agree = Some(r);
        }
        let f = finalize(r);
        if best.is_none_or(|b| f.repness_test > finalize(b).repness_test) {
            best = Some(r);
        }
        if (sig(r.rat) && sig(r.pat)) || (sig(r.rdt) && sig(r.pdt)) {
            sufficient.push(f);
        }
    }
    let best_agree = best_agree.map(|r| RepStatement { best_agree: true, ..finalize(r) });
    let mut out = if sufficient.is_empty() {
        match (best_agree, best) {
            (Some(a), _) => vec![a],
            (None, Some(b)) => vec![finalize(b)],
            (None, None) => vec![],
        }
    } else {
        sufficient.sort_by(|a, b| metric(b).total_cmp(&metric(a)).then(a.statement.cmp(&b.statement)));
        if let Some(a) = best_agree {
            sufficient.retain(|s| s.statement != a.statement);
            sufficient.insert(0, a);
        }
        sufficient.truncate(5);
        sufficient
    };
    // Agrees before disagrees, stable.
    out.sort_by_key(|s| s.repful_for != Direction::Agree);
    out
}

/// Pol.is consensus: statements with p > ½ and a significant proportion test, best p·test first, at most 5.
pub fn select_consensus(counts: &[(u32, [u32; 3])], z: f64) -> Consensus {
    let pick = |which: usize| {
        let mut v: Vec<ConsensusStatement> = counts
            .iter()
            .map(|&(s, c)| ConsensusStatement {
                statement: s,
                n_success: c[which],
                n_trials: c[2],
                p_success: (1.0 + c[which] as f64) / (2.0 + c[2] as f64),
                p_test: prop_test(c[which] as f64, c[2] as f64),
            })
            .filter(|c| c.p_success > 0.5 && c.p_test > z)
            .collect();
        v.sort_by(|a, b| {
            (b.p_success * b.p_test).total_cmp(&(a.p_success * a.p_test)).then(a.statement.cmp(&b.statement))
        });
        v.truncate(5);
        v
    };
    Consensus { agree: pick(0), disagree: pick(1) }
}

/// Runs the pipeline once on `m`. `active` marks the statements in the analysis (not moderated out, not
/// meta); `is_meta` marks meta statements (for routing). With a `state`, the run is an incremental update:
/// it warm-starts from it and writes the new state back.
pub fn analyze(
    m: &VoteMatrix,
    active: &[bool],
    is_meta: &[bool],
    opts: &PolisOptions,
    state: Option<&mut PolisState>,
) -> PolisResult {
    let n_p = m.n_rows;
    let n_s = m.n_cols;
    let incremental = state.is_some();
    let mut fresh = PolisState::default();
    let st = state.unwrap_or(&mut fresh);
    let n_active = active.iter().filter(|&&a| a).count();

    // 1. Who is in the analysis.
    let n_votes: Vec<u32> = (0..n_p)
        .into_par_iter()
        .with_min_len(4096)
        .map(|i| m.row(i).0.iter().filter(|&&j| active[j as usize]).count() as u32)
        .collect();
    let all_rows: Vec<Option<u32>> = (0..n_p).map(|_| Some(0)).collect();
    let everyone = group_counts(m, &all_rows, 1);
    let present: Vec<bool> = (0..n_s).map(|j| active[j] || everyone[j][2] > 0).collect();
    let n_present = present.iter().filter(|&&x| x).count();
    let n_zeroed = n_present - n_active;
    // Votes that count for the threshold, and the statement count of the threshold and the scaling.
    // With zeroed columns (Pol.is), the threshold counts a participant's own votes on every statement present,
    // and the scaling counts the zeroed columns as votes of everyone.
    let (count, scale_den, n_stat): (Vec<u32>, Vec<u32>, usize) = if opts.zeroed_columns_count {
        (
            (0..n_p).map(|i| m.row(i).0.len() as u32).collect(),
            n_votes.iter().map(|&v| v + n_zeroed as u32).collect(),
            n_present,
        )
    } else {
        (n_votes.clone(), n_votes.clone(), n_active)
    };
    let threshold = opts.min_votes.min(n_stat).max(1) as u32;
    st.in_conv.resize(n_p, false);
    let mut in_conv: Vec<bool> = (0..n_p).map(|i| n_votes[i] > 0 && (count[i] >= threshold || st.in_conv[i])).collect();
    let mut n_in = in_conv.iter().filter(|&&x| x).count();
    if n_in < opts.min_participants {
        let mut rest: Vec<usize> = (0..n_p).filter(|&i| !in_conv[i] && n_votes[i] > 0).collect();
        rest.sort_by_key(|&i| (std::cmp::Reverse(count[i]), i));
        for i in rest {
            if n_in >= opts.min_participants {
                break;
            }
            in_conv[i] = true;
            n_in += 1;
        }
    }
    st.in_conv.clone_from(&in_conv);

    // 2. Centre and principal components.
    let pca_rows: Vec<bool> =
        if opts.pca_all_participants { n_votes.iter().map(|&n| n > 0).collect() } else { in_conv.clone() };
    let mean = column_means(m, &pca_rows, active);
    let start = st.axes.as_ref().map(|a| {
        let mut a = a.clone();
        a.resize(n_s, [0.0, 0.0]);
        a
    });
    let mut comps =
        power_iteration(m, &pca_rows, active, &mean, start.as_deref(), opts.seed, opts.pca_max_iter, opts.pca_tol);
    for k in 0..2 {
        let flip = match &start {
            Some(s) if s.iter().any(|x| x[k] != 0.0) => {
                comps.axes.iter().zip(s).map(|(a, b)| a[k] * b[k]).sum::<f64>() < 0.0
            }
            _ => {
                let big = comps.axes.iter().map(|a| a[k]).fold(0.0f64, |m, x| if x.abs() > m.abs() { x } else { m });
                big < 0.0
            }
        };
        if flip {
            comps.axes.iter_mut().for_each(|a| a[k] = -a[k]);
        }
    }
    st.axes = Some(comps.axes.clone());

    // 3. Sparsity-aware projection: √(n_statements / n_votes_i) · Σ_j (v_ij − μ_j) c_j.
    let axes = &comps.axes;
    let projection: Vec<Option<[f64; 2]>> = (0..n_p)
        .into_par_iter()
        .with_min_len(4096)
        .map(|i| {
            if !in_conv[i] {
                return None;
            }
            let (cols, vals) = m.row(i);
            let (mut a, mut b) = (0.0, 0.0);
            for (&j, &v) in cols.iter().zip(vals) {
                let j = j as usize;
                if active[j] {
                    let x = v as f64 - mean[j];
                    a += x * axes[j][0];
                    b += x * axes[j][1];
                }
            }
            let s = (n_stat as f64 / scale_den[i].max(1) as f64).sqrt();
            Some([a * s, b * s])
        })
        .collect();
    let members: Vec<usize> = (0..n_p).filter(|&i| in_conv[i]).collect();
    let points: Vec<[f64; 2]> = members.iter().map(|&i| projection[i].expect("in analysis")).collect();

    // 4. Base clusters: warm centres, topped up with the first distinct points in a label-free order.
    let all_idx: Vec<usize> = (0..points.len()).collect();
    let order = canonical_order(&points, &all_idx, opts.seed);
    let init = first_distinct(&points, &order, std::mem::take(&mut st.base_centres), opts.base_k);
    let ones = vec![1.0; points.len()];
    let base = kmeans(&points, &ones, init, opts.kmeans_tol, opts.kmeans_max_iter);
    let mut base_sizes = vec![0u32; base.centres.len()];
    for &a in &base.assign {
        base_sizes[a as usize] += 1;
    }
    st.base_centres.clone_from(&base.centres);
    let mut base_of = vec![None; n_p];
    for (p, &i) in members.iter().enumerate() {
        base_of[i] = Some(base.assign[p]);
    }

    // 5. Group clusters on the weighted base centres, k by silhouette.
    let n_base = base.centres.len();
    let weights: Vec<f64> = base_sizes.iter().map(|&s| s as f64).collect();
    let max_k = opts.max_group_k.min(2 + n_base / 12).min(n_base);
    let base_idx: Vec<usize> = (0..n_base).collect();
    let base_order = canonical_order(&base.centres, &base_idx, opts.seed ^ 0x9E37);
    let mut candidates: Vec<(usize, Clustering, f64)> = Vec::new();
    if st.group_centres.len() <= max_k {
        st.group_centres.resize(max_k + 1, Vec::new());
    }
    for k in 2..=max_k {
        let warm = &st.group_centres[k];
        let warm_ok = incremental && warm.len() == k;
        let best = if warm_ok && !opts.group_restarts_when_warm {
            kmeans(&base.centres, &weights, warm.clone(), opts.kmeans_tol, opts.kmeans_max_iter)
        } else {
            let mut rng = Rng::new(opts.seed ^ ((k as u64) << 32));
            let mut starts = vec![first_distinct(&base.centres, &base_order, Vec::new(), k)];
            if warm_ok {
                starts.insert(0, warm.clone());
            }
            for _ in 0..opts.group_restarts {
                starts.push(kmeans_pp(&base.centres, &weights, k, &mut rng));
            }
            starts
                .into_iter()
                .map(|s| kmeans(&base.centres, &weights, s, opts.kmeans_tol, opts.kmeans_max_iter))
                .min_by(|a, b| a.inertia(&base.centres, &weights).total_cmp(&b.inertia(&base.centres, &weights)))
                .expect("at least one start")
        };
        let best = if incremental { best } else { sort_groups(best, &weights) };
        st.group_centres[k].clone_from(&best.centres);
        let s = if opts.weighted_silhouette {
            weighted_silhouette(&base.centres, &weights, &best.assign, best.centres.len())
        } else {
            silhouette(&base.centres, &best.assign, best.centres.len())
        };
        candidates.push((k, best, s));
    }
    let silhouettes: Vec<(usize, f64)> = candidates.iter().map(|(k, _, s)| (*k, *s)).collect();
    let this_k = candidates
        .iter()
        .fold(None::<(usize, f64)>, |b, (k, _, s)| match b {
            Some((_, bs)) if bs >= *s => b,
            _ => Some((*k, *s)),
        })
        .map(|(k, _)| k);
    let this_k = match opts.force_k {
        Some(f) if (2..=max_k).contains(&f) => Some(f),
        _ => this_k,
    };
    let k = match this_k {
        None => usize::from(n_base > 0),
        Some(this_k) if incremental => {
            st.last_k_count = if st.last_k == Some(this_k) { st.last_k_count + 1 } else { 1 };
            st.last_k = Some(this_k);
            if st.last_k_count >= opts.k_buffer || st.smoothed_k.is_none_or(|s| !(2..=max_k).contains(&s)) {
                st.smoothed_k = Some(this_k);
            }
            st.smoothed_k.expect("set")
        }
        Some(this_k) => this_k,
    };
    st.updates += 1;
    let (group_centres, group_assign): (Vec<[f64; 2]>, Vec<u32>) = if k <= 1 {
        (if n_base > 0 { vec![mean_point(&points)] } else { vec![] }, vec![0; n_base])
    } else {
        let c = candidates.iter().find(|c| c.0 == k).expect("candidate");
        (c.1.centres.clone(), c.1.assign.clone())
    };
    let k = group_centres.len();
    let mut group_of: Vec<Option<u32>> = base_of.iter().map(|b| b.map(|b| group_assign[b as usize])).collect();
    // The clustering numbers its groups in no lasting order: renumber them after the people they share with the
    // groups of the last update, so that a group keeps its letter and colour from one update to the next.
    let group_centres = if incremental {
        let ids = stable_ids(&st.last_groups, &group_of, k);
        for g in group_of.iter_mut().flatten() {
            *g = ids[*g as usize];
        }
        let mut renumbered = group_centres.clone();
        for (g, centre) in group_centres.into_iter().enumerate() {
            renumbered[ids[g] as usize] = centre;
        }
        renumbered
    } else {
        group_centres
    };
    st.last_groups.clone_from(&group_of);
    let mut sizes = vec![0u32; k];
    for g in group_of.iter().flatten() {
        sizes[*g as usize] += 1;
    }

    // 6. Statistics per group and statement.
    let counts = group_counts(m, &group_of, k.max(1));
    let mut total = vec![[0u32; 3]; n_s];
    for g in 0..k {
        for j in 0..n_s {
            for t in 0..3 {
                total[j][t] += counts[g * n_s + j][t];
            }
        }
    }
    let repness: Vec<Vec<Repness>> = (0..k)
        .map(|g| {
            (0..n_s)
                .filter(|&j| active[j])
                .map(|j| {
                    let c = counts[g * n_s + j];
                    let t = total[j];
                    repness_stats(j as u32, c, [t[0] - c[0], t[1] - c[1], t[2] - c[2]])
                })
                .collect()
        })
        .collect();
    let groups: Vec<Group> = (0..k)
        .map(|g| Group {
            id: g as u32,
            size: sizes[g],
            centre: group_centres[g],
            representative: select_representative(&repness[g], opts.z_90),
        })
        .collect();
    // Consensus over every voter (as red-dwarf's port of Pol.is does), not only the grouped ones.
    let active_totals: Vec<(u32, [u32; 3])> =
        (0..n_s).filter(|&j| active[j]).map(|j| (j as u32, everyone[j])).collect();
    let consensus = select_consensus(&active_totals, opts.z_90);

    // 7. Per statement: all voters' counts, group-informed consensus, extremity, priority.
    let statements: Vec<StatementStats> = (0..n_s)
        .map(|j| {
            let c = everyone[j];
            // Routing priority counts the grouped participants' votes (Pol.is sums its group votes).
            let t = total[j];
            let (mut ga, mut gd) = (1.0, 1.0);
            for g in 0..k {
                let x = counts[g * n_s + j];
                ga *= (x[0] as f64 + 1.0) / (x[2] as f64 + 2.0);
                gd *= (x[1] as f64 + 1.0) / (x[2] as f64 + 2.0);
            }
            let scale = (n_stat as f64).sqrt() * (1.0 - mean[j]);
            let projection = if active[j] { [scale * axes[j][0], scale * axes[j][1]] } else { [0.0, 0.0] };
            let extremity = (projection[0].powi(2) + projection[1].powi(2)).sqrt();
            let pass = c[2] - c[0] - c[1];
            let prio = if active[j] || is_meta[j] {
                priority(is_meta[j], t[0] as f64, (t[2] - t[0] - t[1]) as f64, t[2] as f64, extremity)
            } else {
                0.0
            };
            StatementStats {
                statement: j as u32,
                active: active[j],
                agree: c[0],
                disagree: c[1],
                pass,
                gic_agree: if k > 0 && active[j] { ga } else { 0.0 },
                gic_disagree: if k > 0 && active[j] { gd } else { 0.0 },
                projection,
                extremity,
                priority: prio,
            }
        })
        .collect();

    PolisResult {
        n_active,
        n_votes,
        in_conv,
        mean,
        components: comps,
        projection,
        base_centres: base.centres,
        base_sizes,
        base_of,
        silhouette: silhouettes,
        k,
        group_of,
        groups,
        repness,
        consensus,
        statements,
    }
}

fn mean_point(points: &[[f64; 2]]) -> [f64; 2] {
    let n = points.len().max(1) as f64;
    let s = points.iter().fold([0.0, 0.0], |a, p| [a[0] + p[0], a[1] + p[1]]);
    [s[0] / n, s[1] / n]
}

/// Renumbers groups by decreasing weight (ties by centre), so that group ids do not depend on the start.
/// The id each of the `k` new groups takes: the id of the last update's group it shares the most participants with,
/// the largest overlaps served first; a new group with nobody in common (or whose old id is taken or out of range)
/// takes the smallest id left. A permutation of `0..k`.
pub fn stable_ids(last: &[Option<u32>], now: &[Option<u32>], k: usize) -> Vec<u32> {
    let mut overlap = vec![vec![0usize; k]; k];
    for (old, new) in last.iter().zip(now) {
        if let (Some(o), Some(n)) = (old, new)
            && let Some(row) = overlap.get_mut(*n as usize)
            && let Some(cell) = row.get_mut(*o as usize)
        {
            *cell += 1;
        }
    }
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (n, row) in overlap.iter().enumerate() {
        for (o, &count) in row.iter().enumerate() {
            if count > 0 {
                pairs.push((count, n, o));
            }
        }
    }
    // Largest overlap first; ties by the lower ids, so the answer does not depend on the order of the loops.
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut id: Vec<Option<u32>> = vec![None; k];
    let mut taken = vec![false; k];
    for (_, n, o) in pairs {
        if id[n].is_none() && !taken[o] {
            id[n] = Some(o as u32);
            taken[o] = true;
        }
    }
    let mut free = (0..k).filter(|&o| !taken[o]);
    id.into_iter().map(|i| i.unwrap_or_else(|| free.next().unwrap_or(0) as u32)).collect()
}

fn sort_groups(c: Clustering, weights: &[f64]) -> Clustering {
    let k = c.centres.len();
    let mut w = vec![0.0; k];
    for (&a, &x) in c.assign.iter().zip(weights) {
        w[a as usize] += x;
    }
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by(|&a, &b| {
        w[b].total_cmp(&w[a])
            .then(c.centres[a][0].total_cmp(&c.centres[b][0]))
            .then(c.centres[a][1].total_cmp(&c.centres[b][1]))
    });
    let mut remap = vec![0u32; k];
    for (new, &old) in order.iter().enumerate() {
        remap[old] = new as u32;
    }
    Clustering {
        centres: order.iter().map(|&o| c.centres[o]).collect(),
        assign: c.assign.iter().map(|&a| remap[a as usize]).collect(),
        iterations: c.iterations,
    }
}

/// Runs the pipeline once on a whole conversation.
pub fn analyze_conversation(conv: &crate::data::Conversation, opts: &PolisOptions) -> PolisResult {
    let m = conv.matrix();
    let is_meta: Vec<bool> = conv.statements.iter().map(|s| s.is_meta).collect();
    analyze(&m, &conv.active(), &is_meta, opts, None)
}
