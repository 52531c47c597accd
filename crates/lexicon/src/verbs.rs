//! Kazakh verbs. The `kazakh` stemmer strips the endings of nouns, not of verbs, so өлтірді, өлтіреміз
//! and өлтіріңдер have three keys, none of them өлтіру's. A Kazakh term word in the verbal noun (the
//! dictionary form of a verb: өлтіру, жою, өртеу, шығу) therefore also matches its root followed by one
//! of the verb's endings listed here: past, present-future, future, imperative and optative, participles,
//! converbs, conditional, desire, each also negated (-ма/-ме, -ба/-бе, -па/-пе), the verbal noun and the
//! agent noun (-ушы) with their case and possessive endings. The ending must agree with the root's
//! vowels (back or front). Voice (passive -ыл, causative -дыр) is derivation: not included.
//!
//! Root and ending meet in the Kazakh fold (2021 Latin), where жой + а and жоя are both `joia`: the
//! spelling of й before a vowel needs no rule. A root ending in ғ, г or б is also tried with қ, к or п
//! (шығ-у, шық-ты).

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

/// The vowel class of a root, which picks its endings.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Harmony {
    Back,
    Front,
    /// Only neutral vowels (и, у): either.
    Any,
}

/// Endings in back harmony; `{x,y}` is a choice (the consonant a suffix begins with depends on the sound
/// before it; the vowel-final and consonant-final forms differ). The front forms are derived.
const PATTERNS: &[&str] = &[
    // Past: өлтір-ді, өлтір-дік, өлтір-ме-ді-ңдер.
    "{,ма,ба,па}{д,т}ы{,м,ң,ңыз,қ,ңдар,ңыздар}",
    // Present-future: өлтір-е-міз, өрте-й-міз, өлтір-ме-й-ді.
    "{а,й,май,бай,пай}{,мын,сың,сыз,ды,мыз,сыңдар,сыздар,тын,тындар,тынды,тынға}",
    // Future and aorist: өлтір-ер, өлтір-ер-міз, өлтір-ме-с.
    "{ар,р}{,мын,сың,сыз,мыз,сыңдар,сыздар}",
    "{мас,бас,пас}{,пын,сың,сыз,пыз,сыңдар}",
    // Imperative and optative: өлтір-іңдер, өлтір-сін, өлтір-ейік, өлтір-ме, өлтір-ме-ңдер. Not the bare
    // root (өлтір!), which is too often a noun as well (құрт "dried cheese", қу "sly", ат "horse").
    "{,ма,ба,па}{шы,ңыз,ңдар,ңыздар,ыңыз,ыңдар,ыңыздар,ңызшы,сын,йын,йық,айын,айық,айықшы}",
    "{ма,ба,па}",
    // Participles: өлтір-ген, өлтір-ген-дер-ді, өлтір-етін, өлтір-мек.
    "{,ма,ба,па}{ған,қан}{,дар,тар,дары,дарды,дарға,ды,ға,да,дан,ы,ымыз,ың,ыңыз,мын,мыз,быз,пыз,сың,сыз,сыңдар,дай,ша}",
    "{,ма,ба,па}{атын,йтын}{,дар,ды,ға,дай}",
    "{мақ,бақ,пақ}{,шы,шымын,шымыз}",
    "{ғалы,қалы}",
    // Converbs: өлтір-іп, өрте-п, өлтір-ме-й, өлтір-генше; evidential past өлтір-іп-ті.
    "{п,ып}{,ты,тық,пын,пыз,сың}",
    "{,ма,ба,па}{й,ғанша,қанша,ғай,қай}",
    // Conditional: өлтір-се, өлтір-се-к.
    "{,ма,ба,па}са{,м,ң,ңыз,қ,ңдар,ңыздар}",
    // Desire: өлтір-гі-м кел-.
    "{ғы,қы}{м,ң,ңыз,сы,мыз,лары,ларың}",
    // The verbal noun and the agent noun, with their endings: өлтіру-ге, өлтіру-ді, өлтіруші-лер.
    "у{,ға,ды,дың,да,дан,мен,лар,ларды,ларға,ы,ын,ына,ында,ынан,ымыз,ың,ыңыз}",
    "ушы{,лар,ларды,ларға,лардың,ны,ға,ның,сы,мыз}",
];

/// The back form of an ending into its front form.
fn front(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'а' => 'е',
            'ы' => 'і',
            'ұ' => 'ү',
            'о' => 'ө',
            'ғ' => 'г',
            'қ' => 'к',
            c => c,
        })
        .collect()
}

fn expand(pattern: &str, out: &mut Vec<String>) {
    let mut acc = vec![String::new()];
    let mut rest = pattern;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('{') {
            let (group, tail) = after.split_once('}').unwrap_or((after, ""));
            acc = acc.iter().flat_map(|a| group.split(',').map(move |g| format!("{a}{g}"))).collect();
            rest = tail;
        } else {
            let end = rest.find('{').unwrap_or(rest.len());
            let (lit, tail) = rest.split_at(end);
            for a in &mut acc {
                a.push_str(lit);
            }
            rest = tail;
        }
    }
    out.extend(acc);
}

struct Endings {
    back: FxHashSet<Box<[u8]>>,
    front: FxHashSet<Box<[u8]>>,
}

/// The endings, folded (2021 Latin, ı = i), by harmony.
static ENDINGS: LazyLock<Endings> = LazyLock::new(|| {
    let mut raw = Vec::new();
    for p in PATTERNS {
        expand(p, &mut raw);
    }
    let fold = |e: &str| kazakh::fold(e).into_bytes().into_boxed_slice();
    let back = raw.iter().map(|e| fold(e)).collect();
    let front = raw.iter().map(|e| fold(&front(e))).collect();
    Endings { back, front }
});

/// Whether `ending` (folded) is a verb ending for a root of this harmony.
pub(crate) fn is_ending(ending: &[u8], harmony: Harmony) -> bool {
    let e = &*ENDINGS;
    match harmony {
        Harmony::Back => e.back.contains(ending),
        Harmony::Front => e.front.contains(ending),
        Harmony::Any => e.back.contains(ending) || e.front.contains(ending),
    }
}

/// If a Kazakh reading is a verbal noun, its root's folded forms (one, or two when the root ends in ғ, г
/// or б) and its harmony. The root keeps two letters and a vowel.
pub(crate) fn verb_root(reading: &str) -> Option<(Vec<String>, Harmony)> {
    let cyr = if reading.chars().any(|c| c.is_ascii_alphabetic() || "äöüşğñūı".contains(c)) {
        kazakh::to_cyrillic(reading)
    } else {
        reading.to_owned()
    };
    let root = if let Some(r) = cyr.strip_suffix('ю') { format!("{r}й") } else { cyr.strip_suffix('у')?.to_owned() };
    let vowels = |c: char| "аәеоөұүыіиуэяюё".contains(c);
    if root.chars().count() < 2
        || !root.chars().any(vowels)
        || !root.chars().all(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
    {
        return None;
    }
    let harmony = root
        .chars()
        .rev()
        .find_map(|c| match c {
            'а' | 'о' | 'ұ' | 'ы' | 'я' | 'ё' | 'ю' => Some(Harmony::Back),
            'ә' | 'е' | 'ө' | 'ү' | 'і' | 'э' => Some(Harmony::Front),
            _ => None,
        })
        .unwrap_or(Harmony::Any);
    let mut forms = vec![kazakh::fold(&root)];
    let devoiced = match root.chars().next_back() {
        Some('ғ') => Some('қ'),
        Some('г') => Some('к'),
        Some('б') => Some('п'),
        _ => None,
    };
    if let Some(d) = devoiced {
        let mut r = root.clone();
        r.pop();
        r.push(d);
        forms.push(kazakh::fold(&r));
    }
    Some((forms, harmony))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn matches(term: &str, word: &str) -> bool {
        let Some((roots, h)) = verb_root(term) else { return false };
        let w = kazakh::fold(word);
        roots.iter().any(|r| w.strip_prefix(r.as_str()).is_some_and(|e| is_ending(e.as_bytes(), h)))
    }

    #[test]
    fn forms_of_a_verb() {
        for w in [
            "өлтіру",
            "өлтірді",
            "өлтірдік",
            "өлтіреміз",
            "өлтіріңдер",
            "өлтірейік",
            "өлтірсін",
            "өлтірген",
            "өлтіргендерді",
            "өлтіретін",
            "өлтірмек",
            "өлтіріп",
            "өлтірмеді",
            "өлтірмеңдер",
            "өлтіруге",
            "өлтіруді",
            "өлтірушілер",
            "өлтірер",
            "өлтірсек",
            "өлтіргім",
            "өлтірме",
            "öltırdı",
            "ÖLTIREMIZ",
        ] {
            assert!(matches("өлтіру", w), "{w}");
        }
        for w in ["жою", "жойды", "жоямыз", "жойыңдар", "жойған", "жояйық", "жоюға"]
        {
            assert!(matches("жою", w), "{w}");
        }
        for w in ["өртеу", "өртейміз", "өртеңдер", "өртеді", "өртейік", "өртеп"]
        {
            assert!(matches("өртеу", w), "{w}");
        }
        for w in ["шығу", "шығамыз", "шықты", "шыққан", "шығыңдар"] {
            assert!(matches("шығу", w), "{w}");
        }
        for w in ["қуу", "қуамыз", "қуды", "қуыңдар", "қуған"] {
            assert!(matches("қуу", w), "{w}");
        }
    }

    #[test]
    fn other_words_are_not_its_forms() {
        // қуану "to rejoice" is not қуу "to chase"; жойқын "mighty" is not жою; өлтіру's harmony is front.
        for (term, w) in [
            ("қуу", "қуанамыз"),
            ("қуу", "қуаныш"),
            ("қуу", "қуыршақ"),
            ("жою", "жойқын"),
            ("жою", "жойылды"),
            ("өлтіру", "өлтірады"),
            ("өртеу", "өрт"),
            ("өртеу", "өртті"),
            ("құрту", "құрт"),
            ("өлтіру", "өлтір"),
        ] {
            assert!(!matches(term, w), "{term} / {w}");
        }
        assert!(verb_root("бала").is_none());
        assert!(verb_root("у").is_none());
    }
}
