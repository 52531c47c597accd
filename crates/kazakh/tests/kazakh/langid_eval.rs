//! Language identification: accuracy per language on the development set `tests/data/langid_eval.tsv`
//! (asserted ≥ 98% on texts of three words or more), on the first held-out set `tests/data/langid_heldout.tsv`
//! (written after tuning on the first; its Kyrgyz and Tatar errors then led to two more rules, so it is no
//! longer held out) and on the second held-out set `tests/data/langid_heldout2.tsv` (written after that, never
//! used to tune). The held-out sets are asserted ≥ 80%. Run with `--nocapture` to see the figures.

use kazakh::{Lang, detect};

fn words(s: &str) -> usize {
    s.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count()
}

/// Prints the figures and returns the worst per-language accuracy on texts of ≥ 3 words.
fn evaluate(name: &str, text: &str, min_rows: usize) -> f64 {
    let mut rows = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (label, sentence) = line.split_once('\t').expect("label<TAB>text");
        rows.push((Lang::from_code(label), sentence));
    }
    assert!(rows.len() >= min_rows, "{} sentences", rows.len());
    let mut worst = 1.0f64;
    let mut errors = Vec::new();
    let (mut total, mut total_ok) = (0, 0);
    for lang in [Lang::Kk, Lang::Ru, Lang::En, Lang::Other] {
        let (mut n_all, mut ok_all, mut n3, mut ok3) = (0, 0, 0, 0);
        for (label, s) in rows.iter().filter(|(l, _)| *l == lang) {
            let got = detect(s);
            let ok = got == *label;
            n_all += 1;
            ok_all += usize::from(ok);
            if words(s) >= 3 {
                n3 += 1;
                ok3 += usize::from(ok);
            }
            if !ok {
                errors.push(format!("{} → {}: {s}", label.code(), got.code()));
            }
        }
        total += n_all;
        total_ok += ok_all;
        let acc3 = ok3 as f64 / n3 as f64;
        worst = worst.min(acc3);
        println!(
            "langid {name} [{}]: all {ok_all}/{n_all} = {:.1}%; ≥3 words {ok3}/{n3} = {:.1}%",
            lang.code(),
            100.0 * ok_all as f64 / n_all as f64,
            100.0 * acc3
        );
    }
    println!("langid {name} [all]: {total_ok}/{total} = {:.1}%", 100.0 * total_ok as f64 / total as f64);
    for e in &errors {
        println!("  error: {e}");
    }
    worst
}

#[test]
fn development_set() {
    let worst = evaluate("dev", include_str!("../data/langid_eval.tsv"), 300);
    assert!(worst >= 0.98, "accuracy on texts of ≥3 words below 98% for some language: {worst:.3}");
}

#[test]
fn held_out_set() {
    let worst = evaluate("held-out", include_str!("../data/langid_heldout.tsv"), 100);
    assert!(worst >= 0.80, "held-out accuracy on texts of ≥3 words below 80% for some language: {worst:.3}");
}

/// Written after the detector was also tuned on the first held-out set's errors; reported, asserted ≥ 80%.
#[test]
fn second_held_out_set() {
    let worst = evaluate("held-out 2", include_str!("../data/langid_heldout2.tsv"), 80);
    assert!(worst >= 0.80, "second held-out accuracy on texts of ≥3 words below 80% for some language: {worst:.3}");
}
