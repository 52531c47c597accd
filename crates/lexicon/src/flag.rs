//! What `birlik moderation flag --lang kk|ru|en --lexicon FILE` does: the lines of its input that a
//! lexicon flags, with the terms found.

use kazakh::Lang;

use crate::lexicon::{Error, Lexicon};

/// A line of the input in which some term was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag<'t, 'l> {
    /// The line number, from 1.
    pub line: usize,
    /// The line as it was read (without its line break).
    pub text: &'t str,
    /// The terms found in it, each once, in the order of their first occurrence.
    pub terms: Vec<&'l str>,
}

/// The lines of `input` in which `lexicon` finds a term.
pub fn flag_lines<'t, 'l>(lexicon: &'l Lexicon, input: &'t str) -> impl Iterator<Item = Flag<'t, 'l>> {
    let mut matcher = lexicon.matcher();
    input.lines().enumerate().filter_map(move |(i, text)| {
        let mut terms: Vec<&'l str> = Vec::new();
        for m in matcher.matches(text) {
            if !terms.contains(&m.term) {
                terms.push(m.term);
            }
        }
        (!terms.is_empty()).then_some(Flag { line: i + 1, text, terms })
    })
}

/// The whole command: parse the lexicon file, read the input line by line, and give one line per flagged
/// input line, tab-separated: the line number, the terms found (separated by `"; "`), the line.
///
/// ```
/// use lexicon::{Lang, flag_tsv};
/// let out = flag_tsv(Lang::En, "kill\ncasino\n", "hello\nk i l l them\nbest cas1no\n").unwrap();
/// assert_eq!(out, "2\tkill\tk i l l them\n3\tcasino\tbest cas1no\n");
/// ```
pub fn flag_tsv(lang: Lang, lexicon_file: &str, input: &str) -> Result<String, Error> {
    let lexicon = Lexicon::parse(lang, lexicon_file)?;
    let mut out = String::new();
    for f in flag_lines(&lexicon, input) {
        out.push_str(&f.line.to_string());
        out.push('\t');
        out.push_str(&f.terms.join("; "));
        out.push('\t');
        out.push_str(f.text);
        out.push('\n');
    }
    Ok(out)
}
