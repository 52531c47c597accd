//! `birlik moderation flag --lang kk|ru|en --lexicon FILE`: for editors testing a lexicon. Reads lines on standard
//! input and writes one line per input line: the lexicon terms it matched, separated by `; ` (empty when none), as
//! the moderation queue would flag them (the `lexicon` crate: stems, both Kazakh scripts, look-alike letters,
//! invisible characters, spaced-out letters).

use std::io::{BufRead, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::{Subcommand, ValueEnum};

#[derive(Subcommand, Debug)]
pub enum ModerationCommand {
    /// Print, for each line on standard input, the lexicon terms it matches.
    Flag {
        #[arg(long, value_enum)]
        lang: FlagLang,
        /// One term per line; `#` starts a comment; `word*` is a prefix.
        #[arg(long)]
        lexicon: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FlagLang {
    Kk,
    Ru,
    En,
}

pub fn run(command: &ModerationCommand, input: impl BufRead, mut output: impl Write) -> anyhow::Result<()> {
    let ModerationCommand::Flag { lang, lexicon } = command;
    let lang = match lang {
        FlagLang::Kk => lexicon::Lang::Kk,
        FlagLang::Ru => lexicon::Lang::Ru,
        FlagLang::En => lexicon::Lang::En,
    };
    let file = std::fs::read_to_string(lexicon).with_context(|| format!("cannot read {}", lexicon.display()))?;
    let lexicon = lexicon::Lexicon::parse(lang, &file).map_err(|e| anyhow::anyhow!("{}: {e}", lexicon.display()))?;
    let mut matcher = lexicon.matcher();
    for line in input.split(b'\n') {
        let line = line?;
        let text = String::from_utf8_lossy(&line);
        let mut terms: Vec<&str> = Vec::new();
        for m in matcher.matches(text.strip_suffix('\r').unwrap_or(&text)) {
            if !terms.contains(&m.term) {
                terms.push(m.term);
            }
        }
        writeln!(output, "{}", terms.join("; "))?;
    }
    output.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_out_per_line_in_empty_when_nothing_matches() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("kk.txt");
        std::fs::write(&file, "# сынақ\nөлтіру\nқуып шығу\n").unwrap();
        let command = ModerationCommand::Flag { lang: FlagLang::Kk, lexicon: file };
        let mut out = Vec::new();
        let input = "Сәлем, достар\nоларды қуып шығу керек\nөлтіремін\n".as_bytes();
        run(&command, input, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "\nқуып шығу\nөлтіру\n");
    }

    #[test]
    fn a_missing_lexicon_is_a_clear_error() {
        let command =
            ModerationCommand::Flag { lang: FlagLang::En, lexicon: PathBuf::from("/nonexistent/lexicon.txt") };
        let error = run(&command, "x\n".as_bytes(), Vec::new()).unwrap_err();
        assert!(error.to_string().contains("cannot read /nonexistent/lexicon.txt"), "{error}");
    }
}
