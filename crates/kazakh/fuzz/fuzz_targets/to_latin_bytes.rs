#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|b: &[u8]| {
    let out = kazakh::to_latin_bytes(b);
    assert!(out.len() <= 3 * b.len());
});
