//! Hand-written sparse kernels: the centred vote matrix is never formed; its entries are
//! `x_ij = v_ij − μ_j` on stored votes of active statements and 0 elsewhere (column-mean imputation makes
//! every missing entry equal to its column mean, hence 0 after centring).

use rayon::prelude::*;

use crate::data::VoteMatrix;
use crate::rng::{Rng, mix64};

/// Rows handled per parallel task.
const CHUNK: usize = 4096;

/// A deterministic parallel fold over rows `0..n_rows`: fixed chunks of rows are folded in parallel and
/// the partial results combined in chunk order, so floating-point sums do not depend on scheduling.
pub fn fold_rows<T: Send>(
    n_rows: usize,
    init: impl Fn() -> T + Sync,
    fold: impl Fn(&mut T, usize) + Sync,
    mut combine: impl FnMut(&mut T, T),
) -> T {
    let chunks = n_rows.div_ceil(CHUNK).max(1);
    let parts: Vec<T> = (0..chunks)
        .into_par_iter()
        .map(|c| {
            let mut t = init();
            for i in c * CHUNK..((c + 1) * CHUNK).min(n_rows) {
                fold(&mut t, i);
            }
            t
        })
        .collect();
    let mut it = parts.into_iter();
    let mut acc = it.next().expect("at least one chunk");
    for p in it {
        combine(&mut acc, p);
    }
    acc
}

/// Column means over the given rows, on active columns only (0 for others and for unvoted columns).
pub fn column_means(m: &VoteMatrix, rows: &[bool], active: &[bool]) -> Vec<f64> {
    let (sum, cnt) = (0..m.n_rows)
        .into_par_iter()
        .with_min_len(CHUNK)
        .fold(
            || (vec![0i64; m.n_cols], vec![0u32; m.n_cols]),
            |(mut s, mut c), i| {
                if rows[i] {
                    let (cols, vals) = m.row(i);
                    for (&j, &v) in cols.iter().zip(vals) {
                        s[j as usize] += v as i64;
                        c[j as usize] += 1;
                    }
                }
                (s, c)
            },
        )
        .reduce(
            || (vec![0i64; m.n_cols], vec![0u32; m.n_cols]),
            |(mut s, mut c), (s2, c2)| {
                s.iter_mut().zip(&s2).for_each(|(a, b)| *a += b);
                c.iter_mut().zip(&c2).for_each(|(a, b)| *a += b);
                (s, c)
            },
        );
    (0..m.n_cols).map(|j| if active[j] && cnt[j] > 0 { sum[j] as f64 / cnt[j] as f64 } else { 0.0 }).collect()
}

/// One pass of `W = Xᵀ X V` for the two columns of `V` at once, X the centred matrix restricted to `rows`.
fn gram_apply(m: &VoteMatrix, rows: &[bool], active: &[bool], mean: &[f64], v: &[[f64; 2]]) -> Vec<[f64; 2]> {
    let n = m.n_cols;
    // Branch-free inner loops: inactive columns get a zero direction (so they add nothing to the dot
    // products) and their accumulated entries are cleared at the end.
    let vm: Vec<[f64; 3]> =
        (0..n).map(|j| if active[j] { [v[j][0], v[j][1], mean[j]] } else { [0.0, 0.0, mean[j]] }).collect();
    let mut w = fold_rows(
        m.n_rows,
        || vec![[0.0f64; 2]; n],
        |w, i| {
            if rows[i] {
                let (cols, vals) = m.row(i);
                let (mut a, mut b) = (0.0, 0.0);
                for (&j, &x) in cols.iter().zip(vals) {
                    let e = vm[j as usize];
                    let x = x as f64 - e[2];
                    a += x * e[0];
                    b += x * e[1];
                }
                for (&j, &x) in cols.iter().zip(vals) {
                    let x = x as f64 - vm[j as usize][2];
                    let t = &mut w[j as usize];
                    t[0] += a * x;
                    t[1] += b * x;
                }
            }
        },
        |w, w2| {
            w.iter_mut().zip(&w2).for_each(|(a, b)| {
                a[0] += b[0];
                a[1] += b[1];
            })
        },
    );
    for j in 0..n {
        if !active[j] {
            w[j] = [0.0, 0.0];
        }
    }
    w
}

fn dot(a: &[[f64; 2]], k: usize, b: &[[f64; 2]], l: usize) -> f64 {
    a.iter().zip(b).map(|(x, y)| x[k] * y[l]).sum()
}

/// Result of [`power_iteration`].
#[derive(Clone, Debug, PartialEq)]
pub struct Components {
    /// The two unit principal axes, by statement: `axes[j] = [c1_j, c2_j]`.
    pub axes: Vec<[f64; 2]>,
    /// The two eigenvalues of XᵀX (variance explained × number of rows).
    pub eigenvalues: [f64; 2],
    /// Iterations used.
    pub iterations: usize,
}

/// The first two principal components of the centred sparse matrix by power iteration with deflation:
/// each step multiplies both vectors by XᵀX in one pass over the votes, then removes from the second its
/// component along the first (Gram–Schmidt deflation) and normalises. Starts from `start` (warm start)
/// or from seeded random vectors. Stops when both vectors move less than `tol` or after `max_iter`.
pub fn power_iteration(
    m: &VoteMatrix,
    rows: &[bool],
    active: &[bool],
    mean: &[f64],
    start: Option<&[[f64; 2]]>,
    seed: u64,
    max_iter: usize,
    tol: f64,
) -> Components {
    let n = m.n_cols;
    let mut v: Vec<[f64; 2]> = match start {
        Some(s) if s.len() == n && s.iter().any(|x| x[0] != 0.0) => s.to_vec(),
        _ => {
            // A label-free pseudo-random start: each column's start value is a seeded hash of its content
            // (its vote counts), so relabelling statements or participants does not change the iteration.
            let mut counts = vec![[0u64; 3]; n];
            for (&j, &x) in m.cols.iter().zip(&m.vals) {
                counts[j as usize][(x + 1) as usize] += 1;
            }
            counts
                .iter()
                .map(|c| {
                    let h = mix64(seed ^ mix64(c[0] ^ mix64(c[1] ^ mix64(c[2]))));
                    let mut r = Rng::new(h);
                    [r.normal(), r.normal()]
                })
                .collect()
        }
    };
    for (j, x) in v.iter_mut().enumerate() {
        if !active[j] {
            *x = [0.0, 0.0];
        }
    }
    orthonormalise(&mut v);
    let mut eig = [0.0, 0.0];
    let mut it = 0;
    while it < max_iter {
        it += 1;
        let mut w = gram_apply(m, rows, active, mean, &v);
        eig = [dot(&w, 0, &v, 0), dot(&w, 1, &v, 1)];
        orthonormalise(&mut w);
        // Align signs before measuring the move (power iteration may flip a vector).
        for k in 0..2 {
            if dot(&w, k, &v, k) < 0.0 {
                w.iter_mut().for_each(|x| x[k] = -x[k]);
            }
        }
        let moved = (0..2)
            .map(|k| w.iter().zip(&v).map(|(a, b)| (a[k] - b[k]).powi(2)).sum::<f64>().sqrt())
            .fold(0.0, f64::max);
        v = w;
        if moved < tol {
            break;
        }
    }
    Components { axes: v, eigenvalues: eig, iterations: it }
}

/// Normalises the first column and makes the second orthonormal to it (a zero vector stays zero).
fn orthonormalise(v: &mut [[f64; 2]]) {
    let n0 = dot(v, 0, v, 0).sqrt();
    if n0 > 0.0 {
        v.iter_mut().for_each(|x| x[0] /= n0);
    }
    let p = dot(v, 1, v, 0);
    v.iter_mut().for_each(|x| x[1] -= p * x[0]);
    let n1 = dot(v, 1, v, 1).sqrt();
    if n1 > 0.0 {
        v.iter_mut().for_each(|x| x[1] /= n1);
    }
}

/// Squared Euclidean distance in the plane.
pub fn dist2(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn power_iteration_finds_the_dense_eigenvectors() {
        // Votes of 4 participants on 3 statements, fully observed: X = V − mean.
        let rows = vec![
            vec![(0, 1), (1, 1), (2, -1)],
            vec![(0, 1), (1, 1), (2, 0)],
            vec![(0, -1), (1, -1), (2, 1)],
            vec![(0, -1), (1, 0), (2, 1)],
        ];
        let m = VoteMatrix::from_sorted_rows(3, rows.clone());
        let all = vec![true; 4];
        let active = vec![true; 3];
        let mean = column_means(&m, &all, &active);
        assert_eq!(mean, vec![0.0, 0.25, 0.25]);
        let c = power_iteration(&m, &all, &active, &mean, None, 7, 1000, 1e-12);
        // Dense check: XᵀX c = λ c for both components.
        let x: Vec<Vec<f64>> =
            rows.iter().map(|r| r.iter().map(|&(j, v)| v as f64 - mean[j as usize]).collect()).collect();
        for k in 0..2 {
            for j in 0..3 {
                let mut g = 0.0;
                for l in 0..3 {
                    let xtx: f64 = x.iter().map(|r| r[j] * r[l]).sum();
                    g += xtx * c.axes[l][k];
                }
                assert!((g - c.eigenvalues[k] * c.axes[j][k]).abs() < 1e-8, "k={k} j={j}");
            }
        }
        assert!(c.eigenvalues[0] >= c.eigenvalues[1]);
        // Orthonormal.
        assert!((dot(&c.axes, 0, &c.axes, 0) - 1.0).abs() < 1e-12);
        assert!(dot(&c.axes, 0, &c.axes, 1).abs() < 1e-12);
    }
}
