//! The adjusted Rand index (Hubert and Arabie 1985) between two labellings.

use std::collections::HashMap;

fn choose2(n: u64) -> f64 {
    (n as f64) * (n as f64 - 1.0) / 2.0
}

/// ARI of two labellings of the same items: 1 for identical partitions (up to renaming), about 0 for
/// independent ones. Two trivial partitions that agree give 1.
pub fn adjusted_rand_index<A: Eq + std::hash::Hash + Copy, B: Eq + std::hash::Hash + Copy>(a: &[A], b: &[B]) -> f64 {
    assert_eq!(a.len(), b.len(), "labellings of different lengths");
    let n = a.len() as u64;
    let mut table: HashMap<(A, B), u64> = HashMap::new();
    let mut ra: HashMap<A, u64> = HashMap::new();
    let mut rb: HashMap<B, u64> = HashMap::new();
    for (&x, &y) in a.iter().zip(b) {
        *table.entry((x, y)).or_default() += 1;
        *ra.entry(x).or_default() += 1;
        *rb.entry(y).or_default() += 1;
    }
    let index: f64 = table.values().map(|&c| choose2(c)).sum();
    let sa: f64 = ra.values().map(|&c| choose2(c)).sum();
    let sb: f64 = rb.values().map(|&c| choose2(c)).sum();
    let expected = sa * sb / choose2(n).max(1.0);
    let max = (sa + sb) / 2.0;
    if (max - expected).abs() < 1e-12 {
        return if (index - expected).abs() < 1e-12 { 1.0 } else { 0.0 };
    }
    (index - expected) / (max - expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_up_to_renaming_is_one() {
        assert_eq!(adjusted_rand_index(&[0, 0, 1, 1, 2], &[5, 5, 3, 3, 9]), 1.0);
    }

    #[test]
    fn hand_computed_value() {
        // a = {0,0,0,1,1,1}, b = {0,0,1,1,2,2}: contingency [[2,1,0],[0,1,2]].
        // index = 1 + 1 = 2; sa = 3 + 3 = 6; sb = 1 + 1 + 1 = 3; expected = 18/15 = 1.2; max = 4.5.
        let ari = adjusted_rand_index(&[0, 0, 0, 1, 1, 1], &[0, 0, 1, 1, 2, 2]);
        assert!((ari - (2.0 - 1.2) / (4.5 - 1.2)).abs() < 1e-12);
    }
}
