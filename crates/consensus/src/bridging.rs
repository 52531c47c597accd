//! The bridging factorization of Community Notes (Wojcik et al. 2022, "Birdwatch: crowd wisdom and
//! bridging algorithms can inform understanding and reduce the spread of misinformation"; the open-source
//! `communitynotes` scorer): r̂_us = μ + i_u + i_s + f_u·f_s with one factor, fitted on agree (1) and
//! disagree (0) votes of active statements (passes are no rating), minimising
//!
//! L = mean (r − r̂)² + 0.03·mean_u f_u² + 0.15·mean_u i_u² + 0.03·mean_s f_s² + 0.15·mean_s i_s² + 0.15·μ²
//!
//! (means over participants and statements with at least one rating). Two solvers of the same objective:
//! the reference, full-batch Adam as in the scorer, and a fast one, alternating least squares (each
//! participant's and statement's (i, f) pair is a 2 × 2 ridge regression with the others fixed).
//! A statement is "bridging" when i_s ≥ 0.40 and |f_s| ≤ 0.5, "divisive" when i_s ≤ −0.05 − 0.8·|f_s|.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::data::VoteMatrix;
use crate::linalg::fold_rows;
use crate::rng::Rng;

const CHUNK: usize = 4096;

/// Settings of the factorization.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct BridgingOptions {
    /// Regularisation of participant and statement factors.
    pub lambda_factor: f64,
    /// Regularisation of intercepts and of μ.
    pub lambda_intercept: f64,
    /// Adam learning rate.
    pub learning_rate: f64,
    /// Gradient norm clip.
    pub clip: f64,
    /// Stop when the loss changes by at most this much.
    pub tol: f64,
    /// Cap on Adam epochs.
    pub max_epochs: usize,
    /// Cap on ALS sweeps.
    pub max_sweeps: usize,
    /// Statements with fewer ratings are not classified.
    pub min_ratings: u32,
    /// Seed of the initial factors.
    pub seed: u64,
}

impl Default for BridgingOptions {
    fn default() -> Self {
        Self {
            lambda_factor: 0.03,
            lambda_intercept: 0.15,
            learning_rate: 1.0,
            clip: 1.0,
            tol: 1e-7,
            max_epochs: 20_000,
            max_sweeps: 500,
            min_ratings: 5,
            seed: 0xB21D,
        }
    }
}

/// A fitted model.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct BridgingModel {
    /// Global intercept μ.
    pub mu: f64,
    /// Participant intercepts.
    pub user_intercept: Vec<f64>,
    /// Participant factors.
    pub user_factor: Vec<f64>,
    /// Statement intercepts (the bridging score).
    pub statement_intercept: Vec<f64>,
    /// Statement factors (the polarity).
    pub statement_factor: Vec<f64>,
    /// Ratings per statement.
    pub statement_ratings: Vec<u32>,
    /// Final loss.
    pub loss: f64,
    /// Epochs (Adam) or sweeps (ALS) used.
    pub iterations: usize,
}

/// Label of a statement.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    /// i ≥ 0.40 and |f| ≤ 0.5.
    Bridging,
    /// i ≤ −0.05 − 0.8·|f|.
    Divisive,
    /// Neither.
    Neutral,
    /// Fewer ratings than the minimum.
    Insufficient,
}

/// Per-statement output.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct BridgingStatement {
    /// Statement index.
    pub statement: u32,
    /// Bridging intercept.
    pub intercept: f64,
    /// Polarity factor.
    pub factor: f64,
    /// Ratings (agree or disagree votes).
    pub ratings: u32,
    /// Label.
    pub label: Label,
}

/// The label rule.
pub fn classify(intercept: f64, factor: f64, ratings: u32, min_ratings: u32) -> Label {
    if ratings < min_ratings {
        Label::Insufficient
    } else if intercept >= 0.40 && factor.abs() <= 0.5 {
        Label::Bridging
    } else if intercept <= -0.05 - 0.8 * factor.abs() {
        Label::Divisive
    } else {
        Label::Neutral
    }
}

impl BridgingModel {
    /// Labelled statements, by decreasing intercept.
    pub fn statements(&self, active: &[bool], min_ratings: u32) -> Vec<BridgingStatement> {
        let mut v: Vec<BridgingStatement> = (0..self.statement_intercept.len())
            .filter(|&j| active[j])
            .map(|j| BridgingStatement {
                statement: j as u32,
                intercept: self.statement_intercept[j],
                factor: self.statement_factor[j],
                ratings: self.statement_ratings[j],
                label: classify(
                    self.statement_intercept[j],
                    self.statement_factor[j],
                    self.statement_ratings[j],
                    min_ratings,
                ),
            })
            .collect();
        v.sort_by(|a, b| b.intercept.total_cmp(&a.intercept).then(a.statement.cmp(&b.statement)));
        v
    }
}

/// The ratings view of a vote matrix: which entries count, and the counts behind the means.
struct Problem<'a> {
    m: &'a VoteMatrix,
    active: &'a [bool],
    n: f64,
    n_u: f64,
    n_s: f64,
    user_ratings: Vec<u32>,
    statement_ratings: Vec<u32>,
}

impl<'a> Problem<'a> {
    fn new(m: &'a VoteMatrix, active: &'a [bool]) -> Self {
        let user_ratings: Vec<u32> = (0..m.n_rows)
            .into_par_iter()
            .with_min_len(CHUNK)
            .map(|i| {
                let (c, v) = m.row(i);
                c.iter().zip(v).filter(|&(&j, &x)| x != 0 && active[j as usize]).count() as u32
            })
            .collect();
        let mut statement_ratings = vec![0u32; m.n_cols];
        for (&j, &x) in m.cols.iter().zip(&m.vals) {
            if x != 0 && active[j as usize] {
                statement_ratings[j as usize] += 1;
            }
        }
        let n = user_ratings.iter().map(|&x| x as f64).sum::<f64>();
        let n_u = user_ratings.iter().filter(|&&x| x > 0).count() as f64;
        let n_s = statement_ratings.iter().filter(|&&x| x > 0).count() as f64;
        Self { m, active, n: n.max(1.0), n_u: n_u.max(1.0), n_s: n_s.max(1.0), user_ratings, statement_ratings }
    }

    /// Iterates the ratings of row i as (statement, rating in {0, 1}).
    fn ratings(&self, i: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let (c, v) = self.m.row(i);
        c.iter()
            .zip(v)
            .filter(|&(&j, &x)| x != 0 && self.active[j as usize])
            .map(|(&j, &x)| (j as usize, if x > 0 { 1.0 } else { 0.0 }))
    }

    fn regulariser(&self, o: &BridgingOptions, p: &Params) -> f64 {
        let sq = |v: &[f64]| v.iter().map(|x| x * x).sum::<f64>();
        o.lambda_factor * sq(&p.fu) / self.n_u
            + o.lambda_intercept * sq(&p.iu) / self.n_u
            + o.lambda_factor * sq(&p.fs) / self.n_s
            + o.lambda_intercept * sq(&p.is) / self.n_s
            + o.lambda_intercept * p.mu * p.mu
    }

    /// (Σ e, Σ e²) with e = r̂ − r.
    fn residual_sums(&self, p: &Params) -> (f64, f64) {
        fold_rows(
            self.m.n_rows,
            || (0.0, 0.0),
            |acc, i| {
                for (j, r) in self.ratings(i) {
                    let e = p.mu + p.iu[i] + p.is[j] + p.fu[i] * p.fs[j] - r;
                    acc.0 += e;
                    acc.1 += e * e;
                }
            },
            |a, b| {
                a.0 += b.0;
                a.1 += b.1;
            },
        )
    }

    fn loss(&self, o: &BridgingOptions, p: &Params) -> f64 {
        self.residual_sums(p).1 / self.n + self.regulariser(o, p)
    }
}

#[derive(Clone)]
struct Params {
    mu: f64,
    iu: Vec<f64>,
    fu: Vec<f64>,
    is: Vec<f64>,
    fs: Vec<f64>,
}

impl Params {
    fn init(pr: &Problem, seed: u64) -> Self {
        let mut rng = Rng::new(seed);
        let mut fu: Vec<f64> = (0..pr.m.n_rows).map(|_| 0.1 * rng.normal()).collect();
        let mut fs: Vec<f64> = (0..pr.m.n_cols).map(|_| 0.1 * rng.normal()).collect();
        fu.iter_mut().zip(&pr.user_ratings).for_each(|(f, &n)| {
            if n == 0 {
                *f = 0.0
            }
        });
        fs.iter_mut().zip(&pr.statement_ratings).for_each(|(f, &n)| {
            if n == 0 {
                *f = 0.0
            }
        });
        Self { mu: 0.0, iu: vec![0.0; pr.m.n_rows], fu, is: vec![0.0; pr.m.n_cols], fs }
    }

    /// Takes the fitted values of `start` for the participants and statements it has, where they have ratings.
    fn warm(&mut self, pr: &Problem, start: &BridgingModel) {
        fn carry(to: &mut [f64], from: &[f64], ratings: &[u32]) {
            for ((t, f), n) in to.iter_mut().zip(from).zip(ratings) {
                *t = if *n == 0 { 0.0 } else { *f };
            }
        }
        self.mu = start.mu;
        carry(&mut self.iu, &start.user_intercept, &pr.user_ratings);
        carry(&mut self.fu, &start.user_factor, &pr.user_ratings);
        carry(&mut self.is, &start.statement_intercept, &pr.statement_ratings);
        carry(&mut self.fs, &start.statement_factor, &pr.statement_ratings);
    }

    fn into_model(mut self, pr: &Problem, loss: f64, iterations: usize) -> BridgingModel {
        // Flip signs so that the larger side of raters has a negative factor.
        let pos = pr.user_ratings.iter().zip(&self.fu).filter(|&(&n, &f)| n > 0 && f > 0.0).count();
        let neg = pr.user_ratings.iter().zip(&self.fu).filter(|&(&n, &f)| n > 0 && f < 0.0).count();
        let sum: f64 = self.fu.iter().sum();
        if pos > neg || (pos == neg && sum > 0.0) {
            self.fu.iter_mut().for_each(|f| *f = -*f);
            self.fs.iter_mut().for_each(|f| *f = -*f);
        }
        BridgingModel {
            mu: self.mu,
            user_intercept: self.iu,
            user_factor: self.fu,
            statement_intercept: self.is,
            statement_factor: self.fs,
            statement_ratings: pr.statement_ratings.clone(),
            loss,
            iterations,
        }
    }
}

/// The reference solver: full-batch Adam (β = 0.9, 0.999), gradient norm clipped, stopping when the loss
/// changes by at most `tol`, or when it rises after 100 epochs.
pub fn fit_adam(m: &VoteMatrix, active: &[bool], o: &BridgingOptions) -> BridgingModel {
    let pr = Problem::new(m, active);
    let mut p = Params::init(&pr, o.seed);
    let (nr, nc) = (m.n_rows, m.n_cols);
    let dim = 1 + 2 * nr + 2 * nc;
    let (mut m1, mut m2) = (vec![0.0f64; dim], vec![0.0f64; dim]);
    let (b1, b2, eps) = (0.9f64, 0.999f64, 1e-8);
    let mut epoch = 0;
    let mut loss = pr.loss(o, &p);
    while epoch < o.max_epochs {
        epoch += 1;
        // Gradient: data part by one pass over the ratings.
        let two_n = 2.0 / pr.n;
        let (gu, gs, gmu): (Vec<[f64; 2]>, Vec<[f64; 2]>, f64) = {
            let gu: Vec<[f64; 2]> = (0..nr)
                .into_par_iter()
                .with_min_len(CHUNK)
                .map(|i| {
                    let mut g = [0.0, 0.0];
                    for (j, r) in pr.ratings(i) {
                        let e = p.mu + p.iu[i] + p.is[j] + p.fu[i] * p.fs[j] - r;
                        g[0] += e;
                        g[1] += e * p.fs[j];
                    }
                    [
                        g[0] * two_n + 2.0 * o.lambda_intercept * p.iu[i] / pr.n_u,
                        g[1] * two_n + 2.0 * o.lambda_factor * p.fu[i] / pr.n_u,
                    ]
                })
                .collect();
            let (gs, gmu) = fold_rows(
                nr,
                || (vec![[0.0f64; 2]; nc], 0.0f64),
                |(g, gm), i| {
                    for (j, r) in pr.ratings(i) {
                        let e = p.mu + p.iu[i] + p.is[j] + p.fu[i] * p.fs[j] - r;
                        g[j][0] += e;
                        g[j][1] += e * p.fu[i];
                        *gm += e;
                    }
                },
                |(a, x), (b, y)| {
                    a.iter_mut().zip(&b).for_each(|(u, v)| {
                        u[0] += v[0];
                        u[1] += v[1];
                    });
                    *x += y;
                },
            );
            let gs = (0..nc)
                .map(|j| {
                    [
                        gs[j][0] * two_n + 2.0 * o.lambda_intercept * p.is[j] / pr.n_s,
                        gs[j][1] * two_n + 2.0 * o.lambda_factor * p.fs[j] / pr.n_s,
                    ]
                })
                .collect();
            (gu, gs, gmu * two_n + 2.0 * o.lambda_intercept * p.mu)
        };
        let norm = (gmu * gmu + gu.iter().chain(&gs).map(|g| g[0] * g[0] + g[1] * g[1]).sum::<f64>()).sqrt();
        let scale = if norm > o.clip { o.clip / norm } else { 1.0 };
        let t = epoch as i32;
        let (c1, c2) = (1.0 - b1.powi(t), 1.0 - b2.powi(t));
        let mut step = |k: usize, g: f64, x: &mut f64| {
            let g = g * scale;
            m1[k] = b1 * m1[k] + (1.0 - b1) * g;
            m2[k] = b2 * m2[k] + (1.0 - b2) * g * g;
            *x -= o.learning_rate * (m1[k] / c1) / ((m2[k] / c2).sqrt() + eps);
        };
        step(0, gmu, &mut p.mu);
        for i in 0..nr {
            if pr.user_ratings[i] > 0 {
                step(1 + 2 * i, gu[i][0], &mut p.iu[i]);
                step(2 + 2 * i, gu[i][1], &mut p.fu[i]);
            }
        }
        for j in 0..nc {
            if pr.statement_ratings[j] > 0 {
                step(1 + 2 * nr + 2 * j, gs[j][0], &mut p.is[j]);
                step(2 + 2 * nr + 2 * j, gs[j][1], &mut p.fs[j]);
            }
        }
        let prev = std::mem::replace(&mut loss, pr.loss(o, &p));
        if (prev - loss).abs() <= o.tol || (epoch > 100 && loss > prev) {
            break;
        }
    }
    p.into_model(&pr, loss, epoch)
}

/// Exact steps along the directions that leave every prediction unchanged (so only the regulariser moves),
/// along which block coordinate descent crawls: moving the global mean between μ and the intercepts,
/// shifting one side's factors against the other side's intercepts (f_u + c with i_s − c·f_s, and the
/// mirror), and rescaling f_u by c and f_s by 1/c. Each is a closed-form one-dimensional minimum.
fn gauge_steps(pr: &Problem, o: &BridgingOptions, p: &mut Params) {
    let (li, lf) = (o.lambda_intercept, o.lambda_factor);
    let rated_u: Vec<usize> = (0..p.iu.len()).filter(|&i| pr.user_ratings[i] > 0).collect();
    let rated_s: Vec<usize> = (0..p.is.len()).filter(|&j| pr.statement_ratings[j] > 0).collect();
    let mean =
        |idx: &[usize], f: &dyn Fn(usize) -> f64| idx.iter().map(|&i| f(i)).sum::<f64>() / idx.len().max(1) as f64;
    // μ + δ, i_s − δ: minimise li(μ+δ)² + li·mean_s(i_s − δ)²  →  δ = (mean(i_s) − μ)/2.
    for users in [false, true] {
        let (idx, v) = if users { (&rated_u, &mut p.iu) } else { (&rated_s, &mut p.is) };
        let m = idx.iter().map(|&i| v[i]).sum::<f64>() / idx.len().max(1) as f64;
        let delta = (m - p.mu) / 2.0;
        p.mu += delta;
        idx.iter().for_each(|&i| v[i] -= delta);
    }
    // f_u + c, i_s − c·f_s: minimise lf·mean_u(f_u + c)² + li·mean_s(i_s − c f_s)².
    let c = (li * mean(&rated_s, &|j| p.fs[j] * p.is[j]) - lf * mean(&rated_u, &|i| p.fu[i]))
        / (lf + li * mean(&rated_s, &|j| p.fs[j] * p.fs[j]));
    if c.is_finite() {
        rated_u.iter().for_each(|&i| p.fu[i] += c);
        rated_s.iter().for_each(|&j| p.is[j] -= c * p.fs[j]);
    }
    let c = (li * mean(&rated_u, &|i| p.fu[i] * p.iu[i]) - lf * mean(&rated_s, &|j| p.fs[j]))
        / (lf + li * mean(&rated_u, &|i| p.fu[i] * p.fu[i]));
    if c.is_finite() {
        rated_s.iter().for_each(|&j| p.fs[j] += c);
        rated_u.iter().for_each(|&i| p.iu[i] -= c * p.fu[i]);
    }
    // f_u·c, f_s/c: minimise lf·(c²·mean(f_u²) + mean(f_s²)/c²)  →  c⁴ = mean(f_s²)/mean(f_u²).
    let (a, b) = (mean(&rated_u, &|i| p.fu[i] * p.fu[i]), mean(&rated_s, &|j| p.fs[j] * p.fs[j]));
    if a > 0.0 && b > 0.0 {
        let c = (b / a).sqrt().sqrt();
        rated_u.iter().for_each(|&i| p.fu[i] *= c);
        rated_s.iter().for_each(|&j| p.fs[j] /= c);
    }
}

/// Solves [[a, b], [b, c]] x = [d, e].
fn solve2(a: f64, b: f64, c: f64, d: f64, e: f64) -> (f64, f64) {
    let det = a * c - b * b;
    if det.abs() < 1e-300 {
        return (0.0, 0.0);
    }
    ((c * d - b * e) / det, (a * e - b * d) / det)
}

/// The fast solver: alternating least squares on the same objective. With the rest fixed, a participant's
/// (i_u, f_u) minimises Σ_s (t − i_u − f_u f_s)² + α_i i_u² + α_f f_u² with t = r − μ − i_s,
/// α_i = 0.15·N/n_u and α_f = 0.03·N/n_u (the means turned into sums), a 2 × 2 linear system; statements
/// likewise; then μ = Σ(r − i_u − i_s − f_u f_s) / (N (1 + 0.15)). Each sweep lowers the loss; it stops
/// when the loss changes by at most `tol`·10⁻² (ALS converges linearly, so it is held to a tighter change).
pub fn fit_als(m: &VoteMatrix, active: &[bool], o: &BridgingOptions) -> BridgingModel {
    fit_als_from(m, active, o, None)
}

/// [`fit_als`] starting from an earlier fit of the same conversation (`start`, when given) instead of random
/// factors: participants and statements appended since start from the seed's draw, the others from where they were.
/// As votes trickle in, the model moves little between two fits, and a warm start converges in a few sweeps
/// where a cold one takes hundreds.
pub fn fit_als_from(
    m: &VoteMatrix,
    active: &[bool],
    o: &BridgingOptions,
    start: Option<&BridgingModel>,
) -> BridgingModel {
    let pr = Problem::new(m, active);
    let mut p = Params::init(&pr, o.seed);
    if let Some(start) = start {
        p.warm(&pr, start);
    }
    let (nr, nc) = (m.n_rows, m.n_cols);
    let (ai_u, af_u) = (o.lambda_intercept * pr.n / pr.n_u, o.lambda_factor * pr.n / pr.n_u);
    let (ai_s, af_s) = (o.lambda_intercept * pr.n / pr.n_s, o.lambda_factor * pr.n / pr.n_s);
    let mut loss = pr.loss(o, &p);
    let mut sweep = 0;
    while sweep < o.max_sweeps {
        sweep += 1;
        // Participants.
        let upd: Vec<(f64, f64)> = (0..nr)
            .into_par_iter()
            .with_min_len(CHUNK)
            .map(|i| {
                let (mut n, mut sf, mut sff, mut st, mut stf) = (0.0, 0.0, 0.0, 0.0, 0.0);
                for (j, r) in pr.ratings(i) {
                    let t = r - p.mu - p.is[j];
                    let f = p.fs[j];
                    n += 1.0;
                    sf += f;
                    sff += f * f;
                    st += t;
                    stf += t * f;
                }
                if n == 0.0 { (0.0, 0.0) } else { solve2(n + ai_u, sf, sff + af_u, st, stf) }
            })
            .collect();
        for (i, (a, b)) in upd.into_iter().enumerate() {
            p.iu[i] = a;
            p.fu[i] = b;
        }
        // Statements: sufficient statistics by a scatter pass.
        let acc = fold_rows(
            nr,
            || vec![[0.0f64; 5]; nc],
            |acc, i| {
                for (j, r) in pr.ratings(i) {
                    let t = r - p.mu - p.iu[i];
                    let f = p.fu[i];
                    let a = &mut acc[j];
                    a[0] += 1.0;
                    a[1] += f;
                    a[2] += f * f;
                    a[3] += t;
                    a[4] += t * f;
                }
            },
            |a, b| a.iter_mut().zip(&b).for_each(|(x, y)| (0..5).for_each(|k| x[k] += y[k])),
        );
        for j in 0..nc {
            let a = acc[j];
            let (x, y) = if a[0] == 0.0 { (0.0, 0.0) } else { solve2(a[0] + ai_s, a[1], a[2] + af_s, a[3], a[4]) };
            p.is[j] = x;
            p.fs[j] = y;
        }
        // μ, and the loss in the same pass: with e = r̂ − r at the old μ, the new μ' = μ − (Σe + 0.15·N·μ)/(1.15·N)
        // and Σ(e + δ)² = Σe² + 2δΣe + Nδ².
        let (se, se2) = pr.residual_sums(&p);
        let new_mu = p.mu - (se + o.lambda_intercept * pr.n * p.mu) / ((1.0 + o.lambda_intercept) * pr.n);
        let d = new_mu - p.mu;
        p.mu = new_mu;
        let sse = se2 + 2.0 * d * se + pr.n * d * d;
        gauge_steps(&pr, o, &mut p);
        let prev = std::mem::replace(&mut loss, sse / pr.n + pr.regulariser(o, &p));
        if (prev - loss).abs() <= o.tol * 1e-2 {
            break;
        }
    }
    p.into_model(&pr, loss, sweep)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two camps of 7 and 5 that disagree on s0/s1, and a statement s2 both like.
    fn camps() -> VoteMatrix {
        let mut rows = Vec::new();
        for i in 0..12 {
            let camp = i < 7;
            let a = if camp { 1 } else { -1 };
            let mut r = vec![(0, a), (1, -a), (2, 1)];
            if i % 3 == 0 {
                r.push((3, -1));
            }
            rows.push(r);
        }
        VoteMatrix::from_sorted_rows(4, rows)
    }

    #[test]
    fn classify_by_hand() {
        assert_eq!(classify(0.45, 0.1, 10, 5), Label::Bridging);
        assert_eq!(classify(0.45, 0.6, 10, 5), Label::Neutral);
        assert_eq!(classify(-0.2, 0.1, 10, 5), Label::Divisive);
        assert_eq!(classify(-0.2, 0.3, 10, 5), Label::Neutral); // −0.2 > −0.05 − 0.24
        assert_eq!(classify(0.9, 0.0, 4, 5), Label::Insufficient);
    }

    #[test]
    fn solve2_by_hand() {
        assert_eq!(solve2(2.0, 1.0, 3.0, 5.0, 10.0), (1.0, 3.0));
    }

    #[test]
    fn als_and_adam_reach_the_same_optimum() {
        let m = camps();
        let active = vec![true; 4];
        let o = BridgingOptions::default();
        let adam = fit_adam(&m, &active, &o);
        let als = fit_als(&m, &active, &o);
        // Adam at learning rate 1.0 stops on the first rise after 100 epochs, a little above the optimum
        // that ALS reaches; both agree on the parameters to a few hundredths.
        assert!(als.loss <= adam.loss + 1e-9, "adam {} als {}", adam.loss, als.loss);
        assert!(adam.loss - als.loss < 1e-4, "adam {} als {}", adam.loss, als.loss);
        for j in 0..4 {
            assert!((adam.statement_intercept[j] - als.statement_intercept[j]).abs() < 0.02, "j={j}");
            assert!((adam.statement_factor[j] - als.statement_factor[j]).abs() < 0.03, "j={j}");
        }
        // The common statement bridges; the camp statements are polarised, in opposite directions.
        let s = als.statements(&active, 5);
        assert_eq!(s[0].statement, 2);
        assert!(als.statement_factor[0] * als.statement_factor[1] < 0.0);
        assert!(als.statement_factor[2].abs() < 0.1);
        // Sign rule: at least as many negative as positive participant factors.
        let neg = als.user_factor.iter().filter(|&&f| f < 0.0).count();
        assert!(neg * 2 >= 12);
    }

    #[test]
    fn als_loss_matches_a_direct_evaluation() {
        let m = camps();
        let active = vec![true; 4];
        let o = BridgingOptions::default();
        let als = fit_als(&m, &active, &o);
        let pr = Problem::new(&m, &active);
        let p = Params {
            mu: als.mu,
            iu: als.user_intercept.clone(),
            fu: als.user_factor.clone(),
            is: als.statement_intercept.clone(),
            fs: als.statement_factor.clone(),
        };
        assert!((pr.loss(&o, &p) - als.loss).abs() < 1e-12);
    }
}
