//! The direction of dependencies, read from the sources: the platform imports no capability (nor the
//! composition root), nothing imports the composition root or the command line, and capabilities do not import
//! each other in a circle. A capability is a top-level module of `src/` other than `platform`, `app`, `commands`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const ROOTS: [&str; 2] = ["app", "commands"];

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
            found.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`None` for `lib.rs` and `main.rs`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next()?.as_os_str().to_str()?.to_owned();
    match first.strip_suffix(".rs") {
        Some("lib" | "main") => None,
        Some(name) => Some(name.to_owned()),
        None => Some(first),
    }
}

/// The top-level modules a file refers to: `crate::x` in Rust (comments left out), and the templates an askama
/// template includes or extends (`"x/…"`).
fn references(file: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(file).unwrap();
    let mut found = BTreeSet::new();
    let is_html = file.extension().is_some_and(|e| e == "html");
    for line in text.lines() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        let needles: &[&str] = if is_html { &["{% include \"", "{% extends \""] } else { &["crate::"] };
        for needle in needles {
            let mut rest = line;
            while let Some(at) = rest.find(needle) {
                rest = &rest[at + needle.len()..];
                // `crate::{a, b::c}` names several modules at once.
                let names = match rest.strip_prefix('{') {
                    Some(group) => group.split('}').next().unwrap_or("").split(',').map(str::trim).collect(),
                    None => vec![rest],
                };
                for name in names {
                    let name: String = name.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                    if !name.is_empty() {
                        found.insert(name);
                    }
                }
            }
        }
    }
    found
}

/// Who refers to whom, by top-level module.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let Some(module) = module_of(&src, &file) else { continue };
        let refs: Vec<String> = references(&file).into_iter().filter(|r| *r != module).collect();
        graph.entry(module).or_default().extend(refs);
    }
    graph
}

/// A circle through `start`, if there is one.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_owned(), vec![start.to_owned()])];
    let mut seen = BTreeSet::new();
    while let Some((node, path)) = stack.pop() {
        for next in graph.get(&node).into_iter().flatten() {
            if next == start {
                return Some([path.clone(), vec![start.to_owned()]].concat());
            }
            if seen.insert(next.clone()) {
                stack.push((next.clone(), [path.clone(), vec![next.clone()]].concat()));
            }
        }
    }
    None
}

#[test]
fn dependencies_point_down() {
    let graph = graph();
    assert!(graph.contains_key("platform") && graph.contains_key("registry"), "the sources were not found: {graph:?}");
    let platform = &graph["platform"];
    let upward: Vec<&String> = platform.iter().filter(|r| graph.contains_key(*r)).collect();
    assert!(upward.is_empty(), "the platform imports {upward:?}: it must know no capability");
    for (module, refs) in &graph {
        for root in ROOTS {
            assert!(
                module == root || ROOTS.contains(&module.as_str()) || !refs.contains(root),
                "{module} imports {root}"
            );
        }
    }
    for capability in graph.keys().filter(|m| *m != "platform" && !ROOTS.contains(&m.as_str())) {
        assert_eq!(circle(&graph, capability), None, "capabilities import each other in a circle");
    }
}

#[test]
fn the_check_sees_a_circle_and_an_upward_import() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("registry".to_owned(), BTreeSet::from(["consultations".to_owned()])),
        ("consultations".to_owned(), BTreeSet::from(["registry".to_owned()])),
        ("platform".to_owned(), BTreeSet::new()),
    ]
    .into();
    assert_eq!(
        circle(&graph, "registry"),
        Some(vec!["registry".to_owned(), "consultations".to_owned(), "registry".to_owned()])
    );
    let line = std::env::temp_dir().join(format!("birlik-arch-{}.rs", std::process::id()));
    std::fs::write(&line, "use crate::consultations::Runtime;\nuse crate::{app, registry::x};\n// crate::accounts\n")
        .unwrap();
    assert_eq!(references(&line), ["app", "consultations", "registry"].map(str::to_owned).into());
    std::fs::remove_file(line).unwrap();
}
