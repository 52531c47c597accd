//! What `birlik moderation flag --lang kk|ru|en --lexicon FILE` does, as a program of its own: the lines
//! of standard input that the lexicon flags, as `line<TAB>terms<TAB>text`.
//!
//! `cargo run -p lexicon --example flag -- kk crates/lexicon/eval/lexicon.kk.txt < comments.txt`

use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(lang), Some(file)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: flag kk|ru|en LEXICON_FILE < TEXT");
        std::process::exit(2);
    };
    let lexicon = std::fs::read_to_string(file)?;
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input)?;
    print!("{}", lexicon::flag_tsv(lexicon::Lang::from_code(lang), &lexicon, &input)?);
    Ok(())
}
