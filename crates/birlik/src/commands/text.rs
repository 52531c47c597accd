//! `birlik text …`: the Kazakh language toolkit for editors and moderators. Each command reads UTF-8 lines on
//! standard input and writes one result line per input line (invalid UTF-8 is replaced, never fatal).

use std::io::{BufRead, Write};

use clap::{Subcommand, ValueEnum};

#[derive(Subcommand, Debug)]
pub enum TextCommand {
    /// Transliterate Kazakh between Cyrillic and the 2021 Latin alphabet.
    Translit {
        #[arg(long, value_enum, default_value = "latin")]
        to: Script,
    },
    /// Name the language of each line: kk, ru, en or other.
    Detect,
    /// Stem each word of each line as Kazakh (the search stemmer), words separated by spaces.
    Stem,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Script {
    Latin,
    Cyrillic,
}

fn process(line: &str, command: &TextCommand) -> String {
    match command {
        TextCommand::Translit { to: Script::Latin } => kazakh::to_latin(line),
        TextCommand::Translit { to: Script::Cyrillic } => kazakh::to_cyrillic(line),
        TextCommand::Detect => match kazakh::detect(line) {
            kazakh::Lang::Kk => "kk",
            kazakh::Lang::Ru => "ru",
            kazakh::Lang::En => "en",
            kazakh::Lang::Other => "other",
        }
        .to_owned(),
        TextCommand::Stem => kazakh::tokens(line).map(kazakh::stem).collect::<Vec<_>>().join(" "),
    }
}

pub fn run(command: &TextCommand, input: impl BufRead, mut output: impl Write) -> anyhow::Result<()> {
    for line in input.split(b'\n') {
        let line = line?;
        let text = String::from_utf8_lossy(&line);
        writeln!(output, "{}", process(text.strip_suffix('\r').unwrap_or(&text), command))?;
    }
    output.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_on(command: TextCommand, input: &[u8]) -> String {
        let mut out = Vec::new();
        run(&command, input, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn one_output_line_per_input_line() {
        let out = run_on(TextCommand::Translit { to: Script::Latin }, "Қазақстан\n\nБірлік\n".as_bytes());
        assert_eq!(out.lines().count(), 3);
        assert_eq!(out.lines().next().unwrap(), kazakh::to_latin("Қазақстан"));
        assert_eq!(
            run_on(TextCommand::Detect, "Бұл қазақ тіліндегі сөйлем.\nThis is an English sentence.\n".as_bytes()),
            "kk\nen\n"
        );
        assert_eq!(
            run_on(TextCommand::Stem, "кітабы бірлігі\n".as_bytes()).trim(),
            format!("{} {}", kazakh::stem("кітабы"), kazakh::stem("бірлігі"))
        );
        assert_eq!(run_on(TextCommand::Detect, b"\xff\xfe broken\n").lines().count(), 1, "invalid UTF-8 is not fatal");
    }
}
