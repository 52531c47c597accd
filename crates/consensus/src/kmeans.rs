//! Weighted Lloyd k-means in the plane and the silhouette coefficient.

use rayon::prelude::*;

use crate::linalg::dist2;
use crate::rng::{Rng, mix64};

/// A clustering of points in the plane.
#[derive(Clone, Debug, PartialEq)]
pub struct Clustering {
    /// Centres of the non-empty clusters.
    pub centres: Vec<[f64; 2]>,
    /// Cluster of each point.
    pub assign: Vec<u32>,
    /// Lloyd iterations used.
    pub iterations: usize,
}

impl Clustering {
    /// Weighted sum of squared distances of points to their centres.
    pub fn inertia(&self, points: &[[f64; 2]], weights: &[f64]) -> f64 {
        points.iter().zip(&self.assign).zip(weights).map(|((p, &a), w)| w * dist2(*p, self.centres[a as usize])).sum()
    }
}

/// Nearest and second-nearest centre of a point: (index, distance, second distance); ties to the lowest index.
fn nearest2(p: [f64; 2], centres: &[[f64; 2]]) -> (u32, f64, f64) {
    let (mut best, mut d1, mut d2) = (0usize, f64::INFINITY, f64::INFINITY);
    for (c, &x) in centres.iter().enumerate() {
        let d = dist2(p, x);
        if d < d1 {
            d2 = d1;
            d1 = d;
            best = c;
        } else if d < d2 {
            d2 = d;
        }
    }
    (best as u32, d1.sqrt(), d2.sqrt())
}

/// Lloyd's algorithm from the given initial centres: assign every point to its nearest centre (ties to the
/// lowest index), move centres to the weighted mean of their points, drop clusters left empty (as Pol.is
/// does), and stop when no centre moves by `tol` or more, or after `max_iter` iterations.
///
/// The assignment step uses Hamerly's bounds (2010): an upper bound on the distance to the assigned centre
/// and a lower bound on the distance to any other, moved by how far the centres moved; a point is looked
/// at again only when its bounds no longer prove its assignment. The result is that of plain Lloyd.
pub fn kmeans(points: &[[f64; 2]], weights: &[f64], init: Vec<[f64; 2]>, tol: f64, max_iter: usize) -> Clustering {
    let mut centres = init;
    let n = points.len();
    if centres.is_empty() || n == 0 {
        return Clustering { centres: Vec::new(), assign: vec![0; n], iterations: 0 };
    }
    // (assignment, upper bound, lower bound) per point.
    let full = |centres: &[[f64; 2]]| -> Vec<(u32, f64, f64)> {
        points.par_iter().with_min_len(8192).map(|p| nearest2(*p, centres)).collect()
    };
    let mut state = full(&centres);
    let mut it = 0;
    loop {
        it += 1;
        let k = centres.len();
        let mut sum = vec![[0.0f64; 3]; k];
        for (p, (&(a, _, _), &w)) in points.iter().zip(state.iter().zip(weights)) {
            let s = &mut sum[a as usize];
            s[0] += w * p[0];
            s[1] += w * p[1];
            s[2] += w;
        }
        let mut next = Vec::with_capacity(k);
        let mut moved = Vec::with_capacity(k);
        let mut remap = vec![u32::MAX; k];
        for (c, s) in sum.iter().enumerate() {
            if s[2] > 0.0 {
                let x = [s[0] / s[2], s[1] / s[2]];
                moved.push(dist2(x, centres[c]).sqrt());
                remap[c] = next.len() as u32;
                next.push(x);
            }
        }
        let dropped = next.len() < k;
        centres = next;
        let max_move = moved.iter().cloned().fold(0.0f64, f64::max);
        let done = (!dropped && max_move < tol) || it >= max_iter;
        if dropped {
            state = full(&centres);
        } else {
            // Largest and second-largest move, for the lower bounds.
            let (mut m1, mut m1i, mut m2) = (0.0f64, usize::MAX, 0.0f64);
            for (c, &d) in moved.iter().enumerate() {
                if d > m1 {
                    m2 = m1;
                    m1 = d;
                    m1i = c;
                } else if d > m2 {
                    m2 = d;
                }
            }
            // Half the distance from each centre to its nearest other centre.
            let half: Vec<f64> = (0..centres.len())
                .map(|c| {
                    (0..centres.len())
                        .filter(|&o| o != c)
                        .map(|o| dist2(centres[c], centres[o]))
                        .fold(f64::INFINITY, f64::min)
                        .sqrt()
                        / 2.0
                })
                .collect();
            let cs = &centres;
            state.par_iter_mut().zip(points.par_iter()).with_min_len(8192).for_each(|(st, p)| {
                let a = st.0 as usize;
                let upper = st.1 + moved[a];
                let lower = st.2 - if a == m1i { m2 } else { m1 };
                let bound = half[a].max(lower);
                if upper < bound {
                    *st = (st.0, upper, lower);
                    return;
                }
                let exact = dist2(*p, cs[a]).sqrt();
                if exact < bound {
                    *st = (st.0, exact, lower);
                    return;
                }
                *st = nearest2(*p, cs);
            });
        }
        if done {
            return Clustering { centres, assign: state.iter().map(|s| s.0).collect(), iterations: it };
        }
    }
}

/// A label-free pseudo-random order of points: by a seeded hash of their coordinates rounded to 1e-6.
/// Unlike the order of ids, it does not change when ids are relabelled, and unlike a sort by coordinate,
/// its first points are spread over the whole cloud rather than one corner.
pub fn canonical_order(points: &[[f64; 2]], idx: &[usize], seed: u64) -> Vec<usize> {
    let key = |p: [f64; 2]| {
        let qx = (p[0] * 1e6).round() as i64 as u64;
        let qy = (p[1] * 1e6).round() as i64 as u64;
        (mix64(mix64(qx ^ seed).wrapping_add(qy)), qx, qy)
    };
    let mut order = idx.to_vec();
    order.par_sort_unstable_by_key(|&i| (key(points[i]), i));
    order
}

/// The first `k` pairwise distinct points in `order`, after the `existing` centres (which are kept).
pub fn first_distinct(points: &[[f64; 2]], order: &[usize], existing: Vec<[f64; 2]>, k: usize) -> Vec<[f64; 2]> {
    let mut seen: std::collections::HashSet<(u64, u64)> =
        existing.iter().map(|c| (c[0].to_bits(), c[1].to_bits())).collect();
    let mut out = existing;
    for &i in order {
        if out.len() >= k {
            break;
        }
        let p = points[i];
        if seen.insert((p[0].to_bits(), p[1].to_bits())) {
            out.push(p);
        }
    }
    out
}

/// Weighted k-means++ seeding with a seeded generator.
pub fn kmeans_pp(points: &[[f64; 2]], weights: &[f64], k: usize, rng: &mut Rng) -> Vec<[f64; 2]> {
    let total: f64 = weights.iter().sum();
    let mut pick = rng.next_f64() * total;
    let mut first = 0;
    for (i, w) in weights.iter().enumerate() {
        pick -= w;
        if pick <= 0.0 {
            first = i;
            break;
        }
    }
    let mut centres = vec![points[first]];
    let mut d: Vec<f64> = points.iter().map(|p| dist2(*p, points[first])).collect();
    while centres.len() < k {
        let total: f64 = d.iter().zip(weights).map(|(a, w)| a * w).sum();
        if total <= 0.0 {
            break;
        }
        let mut pick = rng.next_f64() * total;
        let mut next = points.len() - 1;
        for (i, (a, w)) in d.iter().zip(weights).enumerate() {
            pick -= a * w;
            if pick <= 0.0 && a * w > 0.0 {
                next = i;
                break;
            }
        }
        let c = points[next];
        centres.push(c);
        d.iter_mut().zip(points).for_each(|(a, p)| *a = a.min(dist2(*p, c)));
    }
    centres
}

/// Mean silhouette coefficient of a clustering of `points` (Rousseeuw 1987): for each point,
/// `(b − a) / max(a, b)` with `a` its mean distance to the rest of its cluster and `b` the least mean
/// distance to another cluster; 0 for a point alone in its cluster.
pub fn silhouette(points: &[[f64; 2]], assign: &[u32], k: usize) -> f64 {
    let n = points.len();
    if n == 0 || k < 2 {
        return 0.0;
    }
    let mut size = vec![0usize; k];
    for &a in assign {
        size[a as usize] += 1;
    }
    let each: Vec<f64> = (0..n)
        .into_par_iter()
        .map(|i| {
            let own = assign[i] as usize;
            if size[own] <= 1 {
                return 0.0;
            }
            let mut sum = vec![0.0f64; k];
            for j in 0..n {
                if j != i {
                    sum[assign[j] as usize] += dist2(points[i], points[j]).sqrt();
                }
            }
            let a = sum[own] / (size[own] - 1) as f64;
            let b = (0..k)
                .filter(|&c| c != own && size[c] > 0)
                .map(|c| sum[c] / size[c] as f64)
                .fold(f64::INFINITY, f64::min);
            if !b.is_finite() {
                return 0.0;
            }
            let m = a.max(b);
            if m > 0.0 { (b - a) / m } else { 0.0 }
        })
        .collect();
    each.iter().sum::<f64>() / n as f64
}

/// Silhouette over the participants that the weighted points stand for: point i stands for `w_i`
/// participants at the same place, so its own-cluster mean distance is Σ_{j≠i} w_j d_ij / (W_own − 1)
/// and each point's coefficient counts `w_i` times.
pub fn weighted_silhouette(points: &[[f64; 2]], weights: &[f64], assign: &[u32], k: usize) -> f64 {
    let n = points.len();
    if n == 0 || k < 2 {
        return 0.0;
    }
    let mut size = vec![0.0f64; k];
    for (&a, &w) in assign.iter().zip(weights) {
        size[a as usize] += w;
    }
    let total: f64 = weights.iter().sum();
    let sum: f64 = (0..n)
        .map(|i| {
            let own = assign[i] as usize;
            if size[own] <= 1.0 {
                return 0.0;
            }
            let mut s = vec![0.0f64; k];
            for j in 0..n {
                if j != i {
                    s[assign[j] as usize] += weights[j] * dist2(points[i], points[j]).sqrt();
                }
            }
            let a = s[own] / (size[own] - 1.0);
            let b = (0..k).filter(|&c| c != own && size[c] > 0.0).map(|c| s[c] / size[c]).fold(f64::INFINITY, f64::min);
            if !b.is_finite() {
                return 0.0;
            }
            let m = a.max(b);
            weights[i] * if m > 0.0 { (b - a) / m } else { 0.0 }
        })
        .sum();
    sum / total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lloyd_on_a_hand_example() {
        let pts = [[0.0, 0.0], [0.0, 1.0], [10.0, 0.0], [10.0, 1.0]];
        let w = [1.0, 1.0, 1.0, 3.0];
        let c = kmeans(&pts, &w, vec![[0.0, 0.0], [10.0, 0.0]], 0.01, 100);
        assert_eq!(c.assign, vec![0, 0, 1, 1]);
        assert_eq!(c.centres, vec![[0.0, 0.5], [10.0, 0.75]]);
        assert!((c.inertia(&pts, &w) - (0.25 + 0.25 + 0.5625 + 3.0 * 0.0625)).abs() < 1e-12);
    }

    #[test]
    fn empty_clusters_are_dropped() {
        let pts = [[0.0, 0.0], [1.0, 0.0]];
        let c = kmeans(&pts, &[1.0, 1.0], vec![[0.0, 0.0], [100.0, 0.0], [1.0, 0.0]], 0.01, 100);
        assert_eq!(c.centres.len(), 2);
        assert_eq!(c.assign, vec![0, 1]);
    }

    #[test]
    fn silhouette_by_hand() {
        // Two clusters on a line: {0, 1} and {5}; point 0: a = 1, b = 5 → 0.8; point 1: a = 1, b = 4 → 0.75;
        // point 2 is alone → 0. Mean = 1.55 / 3.
        let pts = [[0.0, 0.0], [1.0, 0.0], [5.0, 0.0]];
        let s = silhouette(&pts, &[0, 0, 1], 2);
        assert!((s - 1.55 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn weighted_silhouette_equals_the_expanded_one() {
        let pts = [[0.0, 0.0], [1.0, 0.0], [5.0, 0.0], [6.0, 1.0]];
        let w = [2.0, 1.0, 1.0, 3.0];
        let assign = [0, 0, 1, 1];
        let mut ep = Vec::new();
        let mut ea = Vec::new();
        for i in 0..4 {
            for _ in 0..w[i] as usize {
                ep.push(pts[i]);
                ea.push(assign[i]);
            }
        }
        let s = weighted_silhouette(&pts, &w, &assign, 2);
        assert!((s - silhouette(&ep, &ea, 2)).abs() < 1e-12);
    }

    #[test]
    fn first_distinct_skips_duplicates() {
        let pts = [[1.0, 1.0], [1.0, 1.0], [2.0, 2.0], [3.0, 3.0]];
        let c = first_distinct(&pts, &[0, 1, 2, 3], vec![[3.0, 3.0]], 3);
        assert_eq!(c, vec![[3.0, 3.0], [1.0, 1.0], [2.0, 2.0]]);
    }
}
