//! Language identification on `tests/data/langid_eval.tsv`: accuracy per language, reported for all texts
//! and asserted (≥ 98%) on texts of three words or more. Run with `--nocapture` to see the figures.

use kazakh::{Lang, detect};

fn words(s: &str) -> usize {
    s.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count()
}

#[test]
fn accuracy_per_language() {
    let text = include_str!("data/langid_eval.tsv");
    let mut rows = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (label, sentence) = line.split_once('\t').expect("label<TAB>text");
        rows.push((Lang::from_code(label), sentence));
    }
    assert!(rows.len() >= 300, "{} sentences", rows.len());
    let mut worst = 1.0f64;
    let mut errors = Vec::new();
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
        let acc3 = ok3 as f64 / n3 as f64;
        worst = worst.min(acc3);
        println!(
            "langid [{}]: all {ok_all}/{n_all} = {:.1}%; ≥3 words {ok3}/{n3} = {:.1}%",
            lang.code(),
            100.0 * ok_all as f64 / n_all as f64,
            100.0 * acc3
        );
    }
    for e in &errors {
        println!("  error: {e}");
    }
    assert!(worst >= 0.98, "accuracy on texts of ≥3 words below 98% for some language");
}
