//! Scale benchmark (run by hand, in release): a synthetic conversation with planted groups, analysed whole.
//!
//! `cargo run --release -p consensus --example scale -- [participants] [statements] [votes_per_participant] [als_sweeps] [adam]`
//! (defaults: 1,000,000 × 10,000 × 100 → 100 million votes). Measure peak memory with `/usr/bin/time -v`.

use std::time::Instant;

use consensus::ari::adjusted_rand_index;
use consensus::bridging::{BridgingOptions, fit_adam, fit_als};
use consensus::data::VoteMatrix;
use consensus::polis::{PolisOptions, analyze};
use consensus::synth::{Synth, SynthOptions};

fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kib| kib / 1024.0)
}

fn main() {
    let arg = |i: usize, d: f64| std::env::args().nth(i).and_then(|s| s.parse::<f64>().ok()).unwrap_or(d);
    let (n_p, n_s, per, sweeps) = (arg(1, 1e6) as usize, arg(2, 1e4) as usize, arg(3, 100.0), arg(4, 30.0) as usize);
    println!("threads: {}", rayon::current_num_threads());
    let synth = Synth::new(SynthOptions {
        participants: n_p,
        statements: n_s,
        votes_per_participant: per,
        group_weights: vec![0.5, 0.3, 0.2],
        ..SynthOptions::default()
    });
    let t = Instant::now();
    let log = synth.log();
    let planted = synth.planted();
    println!("generate: {} votes in {:.2} s (peak {:.0} MiB)", log.len(), t.elapsed().as_secs_f64(), peak_mib());
    let t = Instant::now();
    let m = VoteMatrix::from_log(&log, n_p, n_s, None);
    let t_matrix = t.elapsed().as_secs_f64();
    drop(log);
    println!(
        "matrix (CSR from the log, last vote wins): nnz {} in {:.2} s (peak {:.0} MiB)",
        m.nnz(),
        t_matrix,
        peak_mib()
    );
    let active = vec![true; n_s];
    let meta = vec![false; n_s];
    let t = Instant::now();
    let r = analyze(&m, &active, &meta, &PolisOptions::default(), None);
    let t_a = t.elapsed().as_secs_f64();
    let ours: Vec<u32> = r.group_of.iter().map(|g| g.unwrap_or(u32::MAX)).collect();
    println!(
        "analysis A: {:.2} s (PCA {} iterations), k = {}, sizes {:?}, ARI vs planted {:.4} (peak {:.0} MiB)",
        t_a,
        r.components.iterations,
        r.k,
        r.groups.iter().map(|g| g.size).collect::<Vec<_>>(),
        adjusted_rand_index(&ours, &planted),
        peak_mib()
    );
    println!("matrix + analysis A: {:.2} s", t_matrix + t_a);
    let t = Instant::now();
    let o = BridgingOptions { max_sweeps: sweeps, ..BridgingOptions::default() };
    let b = fit_als(&m, &active, &o);
    let shared_first = b.statements(&active, 5).iter().take(100).filter(|s| s.factor.abs() < 0.5).count();
    println!(
        "bridging B (ALS): {:.2} s, {} sweeps, loss {:.6}, mu {:.3}; {} of the top 100 by intercept have |f| < 0.5 (peak {:.0} MiB)",
        t.elapsed().as_secs_f64(),
        b.iterations,
        b.loss,
        b.mu,
        shared_first,
        peak_mib()
    );
    if std::env::args().nth(5).is_some_and(|a| a == "adam") {
        let t = Instant::now();
        let a = fit_adam(&m, &active, &BridgingOptions::default());
        let n = b.statement_intercept.len() as f64;
        let max_di =
            b.statement_intercept.iter().zip(&a.statement_intercept).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max);
        let mean_di =
            b.statement_intercept.iter().zip(&a.statement_intercept).map(|(x, y)| (x - y).abs()).sum::<f64>() / n;
        println!(
            "bridging B (Adam reference): {:.2} s, {} epochs, loss {:.6} (ALS {:.6}); statement intercepts differ by {:.4} on average, {:.4} at most (peak {:.0} MiB)",
            t.elapsed().as_secs_f64(),
            a.iterations,
            a.loss,
            b.loss,
            mean_di,
            max_di,
            peak_mib()
        );
    }
}
