//! Single-core throughput of `Lexicon::matches` with 10,000 terms per language.
//!
//! `cargo bench -p lexicon --bench throughput` (release profile). For each language the lexicon is the
//! evaluation lexicon plus generated terms up to 10,000: words of the language's letters and syllable
//! shapes (some of them wildcard prefixes), and two-word terms whose second word is a common word. The text
//! is the language's sentences of the `kazakh` crate's language sets and of this crate's evaluation set
//! (which hides terms with lookalikes, invisible characters and spaced letters), repeated to about 8 MB.
//!
//! One word of four letters or more in ten gets a random letter put in at a random place (a rare form, a
//! typo, a name), so that the text has a long tail of words seen once, as real text does. With
//! `LEXICON_TAIL=made-up` they are replaced by made-up words shaped like the generated terms instead (a
//! harsher case: such words often begin like a term and must be stemmed); `LEXICON_TAIL=none` keeps the
//! sentences as they are.
//!
//! Ways of calling, each the best of five runs (three for the last two):
//! * lines, one `Matcher`: a call per line (the sentences are 10–300 bytes: a comment, a statement, a
//!   title), as a bulk scan of items would do;
//! * lines, `Lexicon::matches`: the same with a fresh matcher per line, as flagging one item does;
//! * 4 KiB chunks (cut at a line end), one `Matcher`;
//! * the whole text in one call;
//! * a worst case: the terms are the text's own most frequent words (all of its vocabulary but the
//!   long tail), so that nearly every word must be stemmed.
//!
//! `LEXICON_BENCH_LANG=kk|ru|en` runs one language; `LEXICON_BENCH_ONLY_MATCHER=1` only the first way of
//! calling (for comparing builds).

use std::collections::HashMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use lexicon::{Lang, Lexicon};

const TERMS: usize = 10_000;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[(self.next() % v.len() as u64) as usize]
    }
}

fn sentences(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for file in [
        include_str!("../../kazakh/tests/data/langid_eval.tsv"),
        include_str!("../../kazakh/tests/data/langid_heldout.tsv"),
        include_str!("../../kazakh/tests/data/langid_heldout2.tsv"),
    ] {
        for line in file.lines() {
            if let Some(s) = line.strip_prefix(code).and_then(|s| s.strip_prefix('\t')) {
                out.push(s.to_owned());
            }
        }
    }
    let eval = match code {
        "kk" => include_str!("../eval/kk.tsv"),
        "ru" => include_str!("../eval/ru.tsv"),
        _ => include_str!("../eval/en.tsv"),
    };
    for line in eval.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        if let Some(text) = line.splitn(4, '\t').nth(3) {
            out.push(text.to_owned());
        }
    }
    out
}

fn pseudo_word(rng: &mut Rng, lang: Lang) -> String {
    let (cons, vows): (Vec<char>, Vec<char>) = match lang {
        Lang::Kk => ("бвгғджзйкқлмнңпрстшх".chars().collect(), "аәеоөұүыіу".chars().collect()),
        Lang::Ru => ("бвгджзклмнпрстфхцчшщ".chars().collect(), "аеиоуыэюя".chars().collect()),
        _ => ("bcdfghjklmnprstvwz".chars().collect(), "aeiou".chars().collect()),
    };
    let mut w = String::new();
    for _ in 0..2 + rng.next() % 3 {
        w.push(*rng.pick(&cons));
        w.push(*rng.pick(&vows));
        if rng.next().is_multiple_of(3) {
            w.push(*rng.pick(&cons));
        }
    }
    w
}

/// The long tail of the text: none, real words with a letter put in (rare forms, typos, names), or
/// made-up words of the same shape as the generated terms (a harsher case: they often begin like a term).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tail {
    None,
    Typos,
    MadeUp,
}

fn tail() -> Tail {
    match std::env::var("LEXICON_TAIL").as_deref() {
        Ok("none") => Tail::None,
        Ok("made-up") => Tail::MadeUp,
        _ => Tail::Typos,
    }
}

/// A word with a letter of the language put in at a random place.
fn typo(rng: &mut Rng, lang: Lang, word: &str) -> String {
    let letters: Vec<char> = match lang {
        Lang::Kk => "абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя".chars().collect(),
        Lang::Ru => "абвгдеёжзийклмнопрстуфхцчшщъыьэюя".chars().collect(),
        _ => "abcdefghijklmnopqrstuvwxyz".chars().collect(),
    };
    let mut chars: Vec<char> = word.chars().collect();
    let at = (rng.next() % (chars.len() as u64 + 1)) as usize;
    chars.insert(at, *rng.pick(&letters));
    chars.into_iter().collect()
}

fn generated_terms(lang: Lang, eval_lexicon: &str, common: &[String]) -> Vec<String> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ lang.code().len() as u64 ^ (lang.code().as_bytes()[0] as u64) << 32);
    let mut terms: Vec<String> = eval_lexicon
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    while terms.len() < TERMS {
        let w = pseudo_word(&mut rng, lang);
        let t = match rng.next() % 10 {
            0 | 1 => format!("{w} {}", rng.pick(common)),
            2 if w.chars().count() >= 4 => format!("{w}*"),
            _ => w,
        };
        terms.push(t);
    }
    terms
}

/// The time this thread has run on a CPU (Linux: the first field of `/proc/thread-self/schedstat`, in
/// nanoseconds), so that the time spent waiting for a core on a shared machine can be told apart.
fn cpu_time() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(s.split_whitespace().next()?.parse().ok()?))
}

/// The best wall-clock time and the best CPU time of `runs` runs.
fn best_of<F: FnMut()>(runs: usize, mut f: F) -> (Duration, Option<Duration>) {
    let (mut wall, mut cpu) = (Duration::MAX, None::<Duration>);
    for _ in 0..runs {
        let c = cpu_time();
        let t = Instant::now();
        f();
        wall = wall.min(t.elapsed());
        if let (Some(a), Some(b)) = (c, cpu_time()) {
            cpu = Some(cpu.map_or(b - a, |x| x.min(b - a)));
        }
    }
    (wall, cpu)
}

fn rate(mb: f64, (wall, cpu): (Duration, Option<Duration>)) -> String {
    let cpu = cpu.map_or(String::new(), |c| format!(", {:>6.1} MB/s of CPU time", mb / c.as_secs_f64()));
    format!("{:>6.1} MB/s{cpu}", mb / wall.as_secs_f64())
}

fn main() {
    let tail = tail();
    println!(
        "lexicon throughput, one thread; MB = 10^6 bytes of UTF-8 text; long tail: {}",
        match tail {
            Tail::None => "none",
            Tail::Typos => "one word in ten of four letters or more with a letter put in",
            Tail::MadeUp => "one word in ten of four letters or more replaced by a made-up word",
        }
    );
    for (lang, eval_lexicon) in [
        (Lang::Kk, include_str!("../eval/lexicon.kk.txt")),
        (Lang::Ru, include_str!("../eval/lexicon.ru.txt")),
        (Lang::En, include_str!("../eval/lexicon.en.txt")),
    ] {
        if std::env::var("LEXICON_BENCH_LANG").is_ok_and(|l| l != lang.code()) {
            continue;
        }
        let base = sentences(lang.code());
        let mut freq: HashMap<String, usize> = HashMap::new();
        for s in &base {
            for w in kazakh::tokens(s) {
                *freq.entry(w.to_lowercase()).or_default() += 1;
            }
        }
        let mut by_freq: Vec<(String, usize)> = freq.into_iter().collect();
        by_freq.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let common: Vec<String> = by_freq.iter().take(50).map(|(w, _)| w.clone()).collect();

        let terms = generated_terms(lang, eval_lexicon, &common);
        let t = Instant::now();
        let lex = Lexicon::new(lang, terms.iter().map(String::as_str)).unwrap();
        let built = t.elapsed();

        // About 8 MB of lines: the sentences again and again, with one word of four letters or more in ten
        // given a letter more (a rare form, a typo, a name), so that the vocabulary has a long tail as real
        // text does and the words a matcher has stemmed do not cover it.
        let mut rng = Rng(0x2545_F491_4F6C_DD1D ^ u64::from(lang.code().as_bytes()[1]));
        let mut lines: Vec<String> = Vec::new();
        let mut total = 0;
        while total < 8_000_000 {
            for s in &base {
                let mut line = String::with_capacity(s.len() + 8);
                let mut last = 0;
                for (start, word) in kazakh::token_spans(s) {
                    if word.chars().count() >= 4 && rng.next().is_multiple_of(10) && tail != Tail::None {
                        line.push_str(&s[last..start]);
                        let fresh = match tail {
                            Tail::MadeUp => pseudo_word(&mut rng, lang),
                            _ => typo(&mut rng, lang, word),
                        };
                        if word.chars().next().is_some_and(char::is_uppercase) {
                            let mut c = fresh.chars();
                            line.extend(c.next().into_iter().flat_map(char::to_uppercase));
                            line.push_str(c.as_str());
                        } else {
                            line.push_str(&fresh);
                        }
                        last = start + word.len();
                    }
                }
                line.push_str(&s[last..]);
                total += line.len() + 1;
                lines.push(line);
            }
        }
        let text: String = lines.iter().flat_map(|l| [l.as_str(), "\n"]).collect();
        let mut chunks: Vec<&str> = Vec::new();
        let mut rest = text.as_str();
        while !rest.is_empty() {
            let mut cut = rest.len().min(4096);
            while !rest.is_char_boundary(cut) {
                cut += 1;
            }
            let cut = rest[cut..].find('\n').map_or(rest.len(), |i| cut + i + 1);
            chunks.push(&rest[..cut]);
            rest = &rest[cut..];
        }
        let mb = text.len() as f64 / 1e6;
        let mut found = 0;
        let d_matcher = best_of(5, || {
            let mut m = lex.matcher();
            found = 0;
            for l in &lines {
                found += black_box(m.matches(black_box(l))).len();
            }
        });
        if std::env::var("LEXICON_BENCH_ONLY_MATCHER").is_ok() {
            println!("{}: lines, one Matcher {}", lang.code(), rate(mb, d_matcher));
            continue;
        }
        let d_fresh = best_of(5, || {
            for l in &lines {
                black_box(lex.matches(black_box(l)));
            }
        });
        let d_chunks = best_of(5, || {
            let mut m = lex.matcher();
            for c in &chunks {
                black_box(m.matches(black_box(c)));
            }
        });
        let d_whole = best_of(3, || {
            black_box(lex.matches(black_box(&text)));
        });

        let vocab: Vec<&str> = by_freq.iter().take(TERMS).map(|(w, _)| w.as_str()).collect();
        let worst = Lexicon::new(lang, vocab.iter().copied()).unwrap();
        let d_vocab = best_of(3, || {
            let mut m = worst.matcher();
            for l in &lines {
                black_box(m.matches(black_box(l)));
            }
        });
        println!(
            "{}: {} terms ({} distinct, built in {:.0?}), {:.1} MB in {} lines (avg {} B), {} matches",
            lang.code(),
            terms.len(),
            lex.len(),
            built,
            mb,
            lines.len(),
            text.len() / lines.len(),
            found
        );
        println!("    lines, one Matcher          {}", rate(mb, d_matcher));
        println!("    lines, Lexicon::matches     {}", rate(mb, d_fresh));
        println!("    4 KiB chunks, one Matcher   {}", rate(mb, d_chunks));
        println!("    whole text, one call        {}", rate(mb, d_whole));
        println!(
            "    worst case, lines, Matcher  {}  ({} most frequent words of the text as the terms)",
            rate(mb, d_vocab),
            vocab.len()
        );
    }
}
