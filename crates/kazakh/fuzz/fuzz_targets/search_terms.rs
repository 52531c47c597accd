#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    for lang in [kazakh::Lang::Kk, kazakh::Lang::Ru, kazakh::Lang::En, kazakh::Lang::Other] {
        let terms = kazakh::search_terms(s, lang);
        assert!(terms.iter().map(String::len).sum::<usize>() <= 4 * s.len() + 8);
    }
    let _ = kazakh::query_terms(s);
});
