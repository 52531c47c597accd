//! A small seeded pseudo-random generator (SplitMix64) and the few distributions the synthetic series need.
//! Every random choice of [`crate::synth`] goes through it, so a run is reproducible from its seed alone.

/// SplitMix64 (Steele, Lea and Flood 2014): 64-bit state, passes BigCrush, trivially seedable.
#[derive(Clone, Debug)]
pub struct Rng {
    state: u64,
}

impl Rng {
    /// A generator from a seed; equal seeds give equal streams.
    pub fn new(seed: u64) -> Self {
        Self { state: seed ^ 0x5851_F42D_4C95_7F2D }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in `lo..hi`.
    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.next_f64()
    }

    /// Uniform in 0..n (0 when n = 0), by Lemire's multiply-shift (bias below 2⁻³² for n < 2³²).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A Poisson count of mean `lambda` (≤ 0 gives 0): Knuth's product of uniforms up to a mean of 500,
    /// the rounded normal approximation above (the synthetic series never ask that much of one day).
    pub fn poisson(&mut self, lambda: f64) -> u32 {
        if lambda.is_nan() || lambda <= 0.0 {
            return 0;
        }
        if lambda > 500.0 {
            let u1 = 1.0 - self.next_f64();
            let u2 = self.next_f64();
            let normal = (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos();
            return (lambda + lambda.sqrt() * normal).round().max(0.0) as u32;
        }
        let limit = (-lambda).exp();
        let mut product = self.next_f64();
        let mut k = 0u32;
        while product > limit {
            k += 1;
            product *= self.next_f64();
        }
        k
    }

    /// An index drawn with probabilities proportional to `weights` (the last index if they are all 0).
    pub fn pick(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.next_f64() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len().saturating_sub(1)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)]

    use super::*;

    #[test]
    fn seeded_streams_repeat_and_differ() {
        let a: Vec<u64> = (0..5).scan(Rng::new(1), |r, _| Some(r.next_u64())).collect();
        let b: Vec<u64> = (0..5).scan(Rng::new(1), |r, _| Some(r.next_u64())).collect();
        let c: Vec<u64> = (0..5).scan(Rng::new(2), |r, _| Some(r.next_u64())).collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn poisson_means_and_picks() {
        let mut r = Rng::new(3);
        for lambda in [0.3, 4.0, 40.0, 900.0] {
            let n = 20_000;
            let mean = (0..n).map(|_| f64::from(r.poisson(lambda))).sum::<f64>() / f64::from(n);
            assert!((mean - lambda).abs() < 4.0 * (lambda / f64::from(n)).sqrt(), "{lambda}: {mean}");
        }
        assert_eq!(r.poisson(0.0), 0);
        let mut counts = [0u32; 3];
        for _ in 0..30_000 {
            if let Some(c) = counts.get_mut(r.pick(&[1.0, 0.0, 2.0])) {
                *c += 1;
            }
        }
        assert_eq!(counts[1], 0);
        assert!((f64::from(counts[2]) / f64::from(counts[0]) - 2.0).abs() < 0.1);
    }
}
