#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let st = kazakh::stem(s);
    assert!(st.len() <= 4 * s.len() + 8);
    let f = kazakh::fold(s);
    assert!(f.len() <= 4 * s.len() + 8);
});
