//! Transliterate standard input line by line: `cargo run --release -p kazakh --example translit [latin|cyrillic]`.
//! Used by `bench/compare_turkic_translit.py`; the app's `birlik text translit` is the user-facing tool.

use std::io::{BufRead, BufWriter, Write};

fn main() -> std::io::Result<()> {
    let to_cyrillic = std::env::args().nth(1).as_deref() == Some("cyrillic");
    let stdin = std::io::stdin().lock();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in stdin.lines() {
        let line = line?;
        let t = if to_cyrillic { kazakh::to_cyrillic(&line) } else { kazakh::to_latin(&line) };
        writeln!(out, "{t}")?;
    }
    out.flush()
}
