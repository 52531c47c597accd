#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let out = kazakh::to_latin(s);
    assert!(out.len() <= 2 * s.len());
});
