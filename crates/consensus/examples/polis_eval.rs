//! ARI of our groups against Pol.is's own `group-id` on every conversation of a folder of Pol.is exports,
//! one-shot and replayed, with timings. Run: `cargo run --release -p consensus --example polis_eval -- DIR`.

use std::collections::HashMap;
use std::fs::File;
use std::time::Instant;

use consensus::ari::adjusted_rand_index;
use consensus::io::{read_polis, read_polis_groups};
use consensus::polis::{PolisOptions, PolisResult, analyze_conversation};
use consensus::replay::{ReplaySchedule, replay};

fn score(conv: &consensus::Conversation, r: &PolisResult, theirs: &HashMap<String, u32>) -> (f64, usize, usize, usize) {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let mut ours_only = 0;
    for (i, id) in conv.participants.iter().enumerate() {
        match (r.group_of[i], theirs.get(id)) {
            (Some(x), Some(&y)) => {
                a.push(x);
                b.push(y);
            }
            (Some(_), None) => ours_only += 1,
            _ => {}
        }
    }
    let missing = theirs.len() - a.len();
    (adjusted_rand_index(&a, &b), a.len(), missing, ours_only)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "/work/shared/data/polis".into());
    let mut names: Vec<_> =
        std::fs::read_dir(&dir)?.filter_map(|e| e.ok()).filter(|e| e.path().is_dir()).map(|e| e.path()).collect();
    names.sort();
    // Every switch defaults to the crate's default; set it to 0 or 1 to try the variants.
    let d = PolisOptions::default();
    let flag = |n: &str, default: bool| std::env::var(n).map_or(default, |v| v == "1");
    let opts = PolisOptions {
        pca_all_participants: flag("PCA_ALL", d.pca_all_participants),
        zeroed_columns_count: flag("ZEROED", d.zeroed_columns_count),
        weighted_silhouette: flag("WSIL", d.weighted_silhouette),
        group_restarts_when_warm: flag("RESTARTS", d.group_restarts_when_warm),
        group_restarts: std::env::var("GR").ok().and_then(|g| g.parse().ok()).unwrap_or(d.group_restarts),
        base_k: std::env::var("BASEK").ok().and_then(|g| g.parse().ok()).unwrap_or(d.base_k),
        min_votes: std::env::var("MINV").ok().and_then(|g| g.parse().ok()).unwrap_or(7),
        ..PolisOptions::default()
    };
    let force_their_k = flag("FORCE_K", false);
    if let Some(n) = std::env::var("SEEDS").ok().and_then(|s| s.parse::<u64>().ok()) {
        return seed_sweep(&dir, &opts, n, force_their_k);
    }
    println!(
        "| conversation | participants | statements | votes | their k | our k | ARI | our k (replay) | ARI (replay) | compared / theirs | analysis A (ms, median of 21) | replay (ms, updates) |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    let (mut sum1, mut sum2, mut n) = (0.0, 0.0, 0.0);
    for d in names {
        let conv = read_polis(File::open(d.join("comments.csv"))?, File::open(d.join("votes.csv"))?)?;
        let theirs: HashMap<String, u32> = read_polis_groups(File::open(d.join("participants-votes.csv"))?)?
            .into_iter()
            .filter_map(|(p, g)| g.map(|g| (p, g)))
            .collect();
        let their_k = theirs.values().collect::<std::collections::HashSet<_>>().len();
        let opts = PolisOptions { force_k: force_their_k.then_some(their_k), ..opts.clone() };
        let mut times = Vec::new();
        let mut r = None;
        for _ in 0..21 {
            let t = Instant::now();
            r = Some(analyze_conversation(&conv, &opts));
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        let r = r.expect("ran");
        let (ari1, cmp1, _, _) = score(&conv, &r, &theirs);
        let t = Instant::now();
        let (rr, _, ups) = replay(
            &conv,
            &opts,
            &ReplaySchedule {
                growth: std::env::var("GROWTH").ok().and_then(|g| g.parse().ok()).unwrap_or(0.02),
                ..ReplaySchedule::default()
            },
        );
        let rt = t.elapsed().as_secs_f64() * 1e3;
        let (ari2, cmp2, miss2, extra2) = score(&conv, &rr, &theirs);
        let _ = cmp1;
        sum1 += ari1;
        sum2 += ari2;
        n += 1.0;
        println!(
            "| {} | {} | {} | {} | {} | {} | {:.2} | {} | {:.2} | {} / {} (+{} ours only, {} theirs only) | {:.2} | {:.0} ({}) |",
            d.file_name().unwrap().to_string_lossy(),
            conv.participants.len(),
            conv.statements.len(),
            conv.log.len(),
            their_k,
            r.k,
            ari1,
            rr.k,
            ari2,
            cmp2,
            theirs.len(),
            extra2,
            miss2,
            times[times.len() / 2],
            rt,
            ups.len()
        );
        if std::env::var("VERBOSE").is_ok() {
            eprintln!(
                "  one-shot silhouettes {:?}; in analysis {}",
                r.silhouette,
                r.in_conv.iter().filter(|&&x| x).count()
            );
            eprintln!("  replay k by update: {:?}", ups.iter().map(|u| u.k).collect::<Vec<_>>());
        }
    }
    println!("\nmean ARI: one-shot {:.2}, replay {:.2}", sum1 / n, sum2 / n);
    Ok(())
}

/// ARI over `n` seeds: mean, min and max per conversation, one-shot and replay.
fn seed_sweep(dir: &str, opts: &PolisOptions, n: u64, force_their_k: bool) -> Result<(), Box<dyn std::error::Error>> {
    let mut names: Vec<_> =
        std::fs::read_dir(dir)?.filter_map(|e| e.ok()).filter(|e| e.path().is_dir()).map(|e| e.path()).collect();
    names.sort();
    println!(
        "| conversation | their k | one-shot ARI mean (min–max) | k chosen (one-shot) | replay ARI mean (min–max) | k chosen (replay) |"
    );
    println!("|---|---|---|---|---|---|");
    let (mut m1, mut m2) = (0.0, 0.0);
    for d in &names {
        let conv = read_polis(File::open(d.join("comments.csv"))?, File::open(d.join("votes.csv"))?)?;
        let theirs: HashMap<String, u32> = read_polis_groups(File::open(d.join("participants-votes.csv"))?)?
            .into_iter()
            .filter_map(|(p, g)| g.map(|g| (p, g)))
            .collect();
        let their_k = theirs.values().collect::<std::collections::HashSet<_>>().len();
        let (mut a1, mut a2) = (Vec::new(), Vec::new());
        let (mut k1, mut k2): (HashMap<usize, usize>, HashMap<usize, usize>) = (HashMap::new(), HashMap::new());
        for seed in 0..n {
            let o = PolisOptions { seed, force_k: force_their_k.then_some(their_k), ..opts.clone() };
            let r = analyze_conversation(&conv, &o);
            a1.push(score(&conv, &r, &theirs).0);
            *k1.entry(r.k).or_default() += 1;
            let (rr, _, _) = replay(&conv, &o, &ReplaySchedule::default());
            a2.push(score(&conv, &rr, &theirs).0);
            *k2.entry(rr.k).or_default() += 1;
        }
        let stat = |v: &[f64]| {
            let mean = v.iter().sum::<f64>() / v.len() as f64;
            (mean, v.iter().cloned().fold(f64::INFINITY, f64::min), v.iter().cloned().fold(f64::NEG_INFINITY, f64::max))
        };
        let ks = |k: &HashMap<usize, usize>| {
            let mut v: Vec<_> = k.iter().collect();
            v.sort();
            v.iter().map(|(k, c)| format!("{k}×{c}")).collect::<Vec<_>>().join(" ")
        };
        let (s1, s2) = (stat(&a1), stat(&a2));
        m1 += s1.0;
        m2 += s2.0;
        println!(
            "| {} | {their_k} | {:.2} ({:.2}–{:.2}) | {} | {:.2} ({:.2}–{:.2}) | {} |",
            d.file_name().unwrap().to_string_lossy(),
            s1.0,
            s1.1,
            s1.2,
            ks(&k1),
            s2.0,
            s2.1,
            s2.2,
            ks(&k2)
        );
    }
    println!(
        "\nmean over conversations and {n} seeds: one-shot {:.2}, replay {:.2}",
        m1 / names.len() as f64,
        m2 / names.len() as f64
    );
    Ok(())
}
