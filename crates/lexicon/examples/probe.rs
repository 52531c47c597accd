fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang = lexicon::Lang::from_code(&args[0]);
    for w in &args[1..] {
        println!("{w}\t{}", kazakh::term(w, lang));
    }
}
