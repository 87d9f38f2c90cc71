//! The crate's modules form no import circle: a lower module never names a higher one. A
//! module names another by a `crate::…` path, a `super::…` path, or a path through a child it
//! declares (`child::item`). Test modules are left out (a test may use what it tests from).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every source file as its module path (`read::anchored::align`, `` for lib.rs) and text.
fn modules() -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    let mut stack: Vec<PathBuf> = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().and_then(|e| e.to_str()) != Some("rs") {
                continue;
            }
            let rel = path
                .strip_prefix(&root)
                .expect("under src")
                .with_extension("");
            let mut name = rel.to_string_lossy().replace(['/', '\\'], "::");
            if name == "lib" {
                name.clear();
            } else if let Some(stem) = name.strip_suffix("::mod") {
                name = stem.to_string();
            }
            if name == "main" || name == "wasm" {
                continue; // the binaries' and the browser's entry points sit above everything
            }
            let text = std::fs::read_to_string(&path).expect("readable");
            out.insert(name, without_tests_and_comments(&text));
        }
    }
    out
}

fn without_tests_and_comments(text: &str) -> String {
    let code = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    code.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The longest module path that `path` starts with.
fn owner(path: &[&str], mods: &BTreeSet<String>) -> Option<String> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].join("::"))
        .find(|m| mods.contains(m))
}

fn parent(m: &str) -> &str {
    m.rsplit_once("::").map_or("", |(p, _)| p)
}

/// The paths a text names: each run of `ident::ident::…` with its first segment.
fn paths(text: &str) -> Vec<Vec<&str>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = 0;
    while i < bytes.len() {
        if !ident(bytes[i]) || (i > 0 && (ident(bytes[i - 1]) || bytes[i - 1] == b':')) {
            i += 1;
            continue;
        }
        let mut parts = Vec::new();
        let mut j = i;
        loop {
            let start = j;
            while j < bytes.len() && ident(bytes[j]) {
                j += 1;
            }
            parts.push(&text[start..j]);
            if text[j..].starts_with("::") && j + 2 < bytes.len() && ident(bytes[j + 2]) {
                j += 2;
            } else {
                break;
            }
        }
        if parts.len() >= 2 {
            out.push(parts);
        }
        i = j.max(i + 1);
    }
    out
}

fn edges(mods: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let names: BTreeSet<String> = mods.keys().cloned().collect();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (m, text) in mods {
        let to = out.entry(m.clone()).or_default();
        for p in paths(text) {
            let target = match p[0] {
                "crate" => owner(&p[1..], &names),
                "super" => {
                    let mut base = m.as_str();
                    let ups = p.iter().take_while(|s| **s == "super").count();
                    for _ in 0..ups {
                        base = parent(base);
                    }
                    let mut full: Vec<&str> = base.split("::").filter(|s| !s.is_empty()).collect();
                    full.extend(&p[ups..]);
                    owner(&full, &names).or(Some(base.to_string()))
                }
                first => {
                    let child = if m.is_empty() {
                        first.to_string()
                    } else {
                        format!("{m}::{first}")
                    };
                    names.contains(&child).then_some(child)
                }
            };
            if let Some(t) = target.filter(|t| t != m) {
                to.insert(t);
            }
        }
    }
    out
}

/// A circle of modules, if any: a path back to where it started.
fn circle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        m: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(m.to_string(), 1);
        path.push(m.to_string());
        for t in edges.get(m).into_iter().flatten() {
            match state.get(t) {
                Some(1) => {
                    let at = path.iter().position(|p| p == t).unwrap_or(0);
                    let mut c = path[at..].to_vec();
                    c.push(t.clone());
                    return Some(c);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(t, edges, state, path) {
                        return Some(c);
                    }
                }
            }
        }
        path.pop();
        state.insert(m.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for m in edges.keys() {
        if !state.contains_key(m) {
            if let Some(c) = visit(m, edges, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn no_module_names_a_module_that_names_it_back() {
    let mods = modules();
    assert!(
        mods.contains_key("read::anchored::align"),
        "{:?}",
        mods.keys()
    );
    let edges = edges(&mods);
    // the reader's stages: the pipeline names them, they never name it
    assert!(edges["read"].contains("read::anchored"));
    assert!(!edges["read::anchored::glued"].contains("read"));
    if let Some(c) = circle(&edges) {
        panic!("an import circle: {}", c.join(" → "));
    }
}

#[test]
fn a_circle_is_found_where_there_is_one() {
    let mut mods = BTreeMap::new();
    mods.insert("a".to_string(), "use crate::b::x;".to_string());
    mods.insert("b".to_string(), "fn f() { crate::a::y(); }".to_string());
    mods.insert("c".to_string(), "use crate::a;".to_string());
    let c = circle(&edges(&mods)).expect("a circle");
    assert!(c.contains(&"a".to_string()) && c.contains(&"b".to_string()));
    mods.remove("b");
    assert_eq!(circle(&edges(&mods)), None);
}
