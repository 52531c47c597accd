#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let out = kazakh::to_cyrillic(s);
    assert!(out.len() <= 2 * s.len());
    // Cyrillic → Latin → Cyrillic of what came out must not panic either.
    let _ = kazakh::to_cyrillic(&kazakh::to_latin(&out));
});
