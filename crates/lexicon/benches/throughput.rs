use std::hint::black_box;
use std::time::Instant;
fn main() {
    let mut by: std::collections::HashMap<&str, String> = Default::default();
    for file in [include_str!("../../kazakh/tests/data/langid_eval.tsv"), include_str!("../../kazakh/tests/data/langid_heldout.tsv"), include_str!("../../kazakh/tests/data/langid_heldout2.tsv")] {
        for line in file.lines() {
            if let Some((l, s)) = line.split_once('\t') { by.entry(l).or_default().push_str(s); by.entry(l).or_default().push('\n'); }
        }
    }
    for (code, lang) in [("kk", kazakh::Lang::Kk), ("ru", kazakh::Lang::Ru), ("en", kazakh::Lang::En)] {
        let base = &by[code];
        let mut text = String::new();
        while text.len() < 4 << 20 { text.push_str(base); }
        let t = Instant::now();
        let mut n = 0;
        for w in kazakh::tokens(&text) { black_box(kazakh::term(black_box(w), lang)); n += 1; }
        let d = t.elapsed();
        println!("{code} term: {:.1} MB/s {:.2} Mw/s avg {:.1} B/word", text.len() as f64 / 1e6 / d.as_secs_f64(), n as f64 / d.as_secs_f64() / 1e6, text.len() as f64 / n as f64);
    }
}
