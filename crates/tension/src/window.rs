//! A sliding window of values kept sorted, for the baseline's median and median absolute deviation (MAD)
//! in O(window) a day: an insertion and a removal move at most the window's length of values, and the MAD
//! is read by merging the deviations below and above the median, which are already in order.

#[derive(Clone, Debug, Default)]
pub(crate) struct SortedWindow {
    sorted: Vec<f64>,
}

impl SortedWindow {
    pub(crate) fn with_capacity(n: usize) -> Self {
        Self { sorted: Vec::with_capacity(n) }
    }

    pub(crate) fn len(&self) -> usize {
        self.sorted.len()
    }

    /// Adds a finite value.
    pub(crate) fn insert(&mut self, x: f64) {
        let at = self.sorted.partition_point(|y| *y < x);
        self.sorted.insert(at, x);
    }

    /// Removes one copy of `x`, which was inserted before.
    pub(crate) fn remove(&mut self, x: f64) {
        let at = self.sorted.partition_point(|y| *y < x);
        if self.sorted.get(at) == Some(&x) {
            self.sorted.remove(at);
        }
    }

    /// The median (the mean of the two middle values when the length is even).
    pub(crate) fn median(&self) -> Option<f64> {
        let n = self.sorted.len();
        let hi = *self.sorted.get(n / 2)?;
        let lo = *self.sorted.get((n.checked_sub(1)?) / 2)?;
        Some((lo + hi) / 2.0)
    }

    /// The median of |x − m| over the window.
    pub(crate) fn mad(&self, m: f64) -> Option<f64> {
        let n = self.sorted.len();
        let (lo_k, hi_k) = (n.checked_sub(1)? / 2, n / 2);
        let (below, above) = self.sorted.split_at(self.sorted.partition_point(|y| *y < m));
        // Both sequences of deviations are non-decreasing: below the median read backwards, above forwards.
        let mut below = below.iter().rev().map(|x| m - x).peekable();
        let mut above = above.iter().map(|x| x - m).peekable();
        let mut lo = 0.0;
        for k in 0..=hi_k {
            let next = match (below.peek(), above.peek()) {
                (Some(a), Some(b)) if a <= b => below.next(),
                (Some(_), None) => below.next(),
                _ => above.next(),
            }?;
            if k == lo_k {
                lo = next;
            }
            if k == hi_k {
                return Some((lo + next) / 2.0);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;
    use crate::rng::Rng;

    fn median_of(mut v: Vec<f64>) -> f64 {
        v.sort_by(f64::total_cmp);
        let n = v.len();
        (v[(n - 1) / 2] + v[n / 2]) / 2.0
    }

    #[test]
    fn matches_sorting_on_a_sliding_window() {
        let mut rng = Rng::new(9);
        let values: Vec<f64> =
            (0..2000).map(|i| if i % 17 == 0 { 3.0 } else { (rng.next_f64() * 40.0).floor() / 4.0 }).collect();
        for width in [1usize, 2, 5, 30, 181] {
            let mut w = SortedWindow::with_capacity(width);
            for (i, &x) in values.iter().enumerate() {
                w.insert(x);
                if i >= width {
                    w.remove(values[i - width]);
                }
                let start = (i + 1).saturating_sub(width);
                let slice = values[start..=i].to_vec();
                assert_eq!(w.len(), slice.len());
                let m = median_of(slice.clone());
                assert_eq!(w.median(), Some(m));
                let dev = median_of(slice.iter().map(|x| (x - m).abs()).collect());
                assert_eq!(w.mad(m), Some(dev), "width {width} at {i}");
            }
        }
        let empty = SortedWindow::default();
        assert_eq!((empty.median(), empty.mad(0.0)), (None, None));
    }
}
