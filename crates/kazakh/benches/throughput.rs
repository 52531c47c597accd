//! Single-core throughput of transliteration, stemming, language identification and the search analyzer.
//!
//! `cargo bench -p kazakh --bench throughput` (release profile). The text is the Kazakh sentences of the
//! evaluation sets, repeated to 16 MiB. Each figure is the best of five runs.

use std::hint::black_box;
use std::time::{Duration, Instant};

fn kazakh_text() -> String {
    let mut sentences = String::new();
    for file in [include_str!("../tests/data/langid_eval.tsv"), include_str!("../tests/data/langid_heldout.tsv")] {
        for line in file.lines() {
            if let Some(s) = line.strip_prefix("kk\t")
                && s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
            {
                sentences.push_str(s);
                sentences.push('\n');
            }
        }
    }
    sentences
}

fn best_of<F: FnMut()>(runs: usize, mut f: F) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
    }
    best
}

fn main() {
    let base = kazakh_text();
    let mut text = String::new();
    while text.len() < 16 << 20 {
        text.push_str(&base);
    }
    let mb = text.len() as f64 / 1e6;
    let latin = kazakh::to_latin(&text);

    let d = best_of(5, || {
        black_box(kazakh::to_latin(black_box(&text)));
    });
    println!("to_latin        {:>8.1} MB/s  ({:.1} MB of Kazakh Cyrillic in {:?})", mb / d.as_secs_f64(), mb, d);

    let d = best_of(5, || {
        black_box(kazakh::to_cyrillic(black_box(&latin)));
    });
    println!(
        "to_cyrillic     {:>8.1} MB/s  ({:.1} MB of Kazakh Latin in {:?})",
        latin.len() as f64 / 1e6 / d.as_secs_f64(),
        latin.len() as f64 / 1e6,
        d
    );

    let words: Vec<&str> = kazakh::tokens(&base).collect();
    let reps = 200;
    let n = (words.len() * reps) as f64;
    let d = best_of(5, || {
        for _ in 0..reps {
            for w in &words {
                black_box(kazakh::stem(black_box(w)));
            }
        }
    });
    println!(
        "stem            {:>8.2} M words/s ({} distinct-position words × {reps})",
        n / d.as_secs_f64() / 1e6,
        words.len()
    );

    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let d = best_of(5, || {
        for _ in 0..reps {
            for w in &lower {
                black_box(kazakh::stem(black_box(w)));
            }
        }
    });
    println!("stem (lower)    {:>8.2} M words/s", n / d.as_secs_f64() / 1e6);

    let latin_words: Vec<String> = words.iter().map(|w| kazakh::to_latin(w)).collect();
    let d = best_of(5, || {
        for _ in 0..reps {
            for w in &latin_words {
                black_box(kazakh::stem(black_box(w)));
            }
        }
    });
    println!("stem (Latin)    {:>8.2} M words/s", n / d.as_secs_f64() / 1e6);

    let d = best_of(5, || {
        for _ in 0..reps {
            black_box(kazakh::search_terms(black_box(&base), kazakh::Lang::Kk));
        }
    });
    println!("search_terms kk {:>8.2} M words/s", n / d.as_secs_f64() / 1e6);

    let sentences: Vec<&str> = base.lines().collect();
    let d = best_of(5, || {
        for _ in 0..reps {
            for s in &sentences {
                black_box(kazakh::detect(black_box(s)));
            }
        }
    });
    println!("detect          {:>8.1} k sentences/s", (sentences.len() * reps) as f64 / d.as_secs_f64() / 1e3);
}
