//! Incremental mode at scale (run by hand, in release): a conversation grows by a share of new
//! participants; the update warm-starts from the previous state. Compares the warm update with a cold run
//! on the same data (time, PCA iterations, stability of the groups).
//!
//! `cargo run --release -p consensus --example incremental -- [participants] [statements] [votes_per_participant] [new_share]`

use std::time::Instant;

use consensus::ari::adjusted_rand_index;
use consensus::data::VoteMatrix;
use consensus::polis::{PolisOptions, PolisState, analyze};
use consensus::synth::{Synth, SynthOptions};

fn main() {
    let arg = |i: usize, d: f64| std::env::args().nth(i).and_then(|s| s.parse::<f64>().ok()).unwrap_or(d);
    let (n_p, n_s, per, share) = (arg(1, 2e5) as usize, arg(2, 1e4) as usize, arg(3, 100.0), arg(4, 0.02));
    let synth = Synth::new(SynthOptions {
        participants: n_p,
        statements: n_s,
        votes_per_participant: per,
        ..SynthOptions::default()
    });
    let full = synth.matrix();
    let old = ((1.0 - share) * n_p as f64) as usize;
    let before = VoteMatrix::from_sorted_rows(
        n_s,
        (0..n_p).map(|i| {
            if i < old {
                let (c, v) = full.row(i);
                c.iter().copied().zip(v.iter().copied()).collect()
            } else {
                Vec::new()
            }
        }),
    );
    let active = vec![true; n_s];
    let meta = vec![false; n_s];
    let o = PolisOptions::default();
    let mut state = PolisState::default();
    let t = Instant::now();
    let r0 = analyze(&before, &active, &meta, &o, Some(&mut state));
    println!(
        "first update ({} participants, {} votes): {:.2} s, PCA {} iterations, k = {}",
        old,
        before.nnz(),
        t.elapsed().as_secs_f64(),
        r0.components.iterations,
        r0.k
    );
    let t = Instant::now();
    let r1 = analyze(&full, &active, &meta, &o, Some(&mut state));
    println!(
        "warm update (+{} participants, {} votes): {:.2} s, PCA {} iterations, k = {}",
        n_p - old,
        full.nnz(),
        t.elapsed().as_secs_f64(),
        r1.components.iterations,
        r1.k
    );
    let t = Instant::now();
    let cold = analyze(&full, &active, &meta, &o, None);
    println!(
        "cold run on the same data: {:.2} s, PCA {} iterations, k = {}",
        t.elapsed().as_secs_f64(),
        cold.components.iterations,
        cold.k
    );
    let a: Vec<u32> = (0..old).map(|i| r0.group_of[i].unwrap_or(u32::MAX)).collect();
    let b: Vec<u32> = (0..old).map(|i| r1.group_of[i].unwrap_or(u32::MAX)).collect();
    let same_id = a.iter().zip(&b).filter(|(x, y)| x == y).count();
    println!(
        "stability: ARI between the groups before and after the update, on the {} earlier participants: {:.4}; same group id kept by {:.2} %",
        old,
        adjusted_rand_index(&a, &b),
        100.0 * same_id as f64 / old as f64
    );
    let planted = synth.planted();
    let ours: Vec<u32> = r1.group_of.iter().map(|g| g.unwrap_or(u32::MAX)).collect();
    println!("ARI of the warm update against the planted groups: {:.4}", adjusted_rand_index(&ours, &planted));
}
