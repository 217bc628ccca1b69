//! The layers hold (README, « Layout »): a module imports only from the layers below its own,
//! tests included, and no two files import each other, even through others. Read from the
//! sources, so that an import up the layers or a circle fails `cargo test` rather than wait for
//! someone to draw the imports by hand.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// From the bottom up.
const LAYERS: [&str; 6] = ["model", "versions", "document", "exchange", "storage", "ui"];

/// The paths after `crate::` in a source text, as written (`model::json::to_text`), each item of
/// a group with the group's prefix (`versions::{diff, item}` gives `versions::diff` and
/// `versions::item`).
fn paths_named(text: &str) -> Vec<String> {
    let mut named = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        expand("", &text[at + "crate::".len()..], &mut named);
    }
    named
}

fn expand(prefix: &str, rest: &str, named: &mut Vec<String>) {
    let head = first_path(rest);
    let after = &rest[head.len()..];
    let path = format!("{prefix}{head}");
    if let Some(group) = after.strip_prefix('{') {
        for item in group_items(group) {
            expand(&path, item, named);
        }
    } else {
        named.push(path.trim_end_matches("::").to_string());
    }
}

/// `a::b::c` at the start of `text`, with a trailing `::` before a group.
fn first_path(text: &str) -> &str {
    let end =
        text.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).unwrap_or(text.len());
    &text[..end]
}

/// The layers named after `crate::` in a source text: `crate::model::…` and each item of
/// `crate::{model::…, versions::…}`.
fn layers_named(text: &str) -> Vec<&str> {
    let mut named = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            named.extend(group_items(group).into_iter().map(first_name));
        } else {
            named.push(first_name(rest));
        }
    }
    named
}

/// The items of a `{…}` group (its text after the opening brace), nested groups kept whole.
fn group_items(group: &str) -> Vec<&str> {
    let (mut items, mut depth, mut start) = (Vec::new(), 0, 0);
    for (at, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(group[start..at].trim());
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(group[start..at].trim());
                start = at + 1;
            }
            _ => {}
        }
    }
    items
}

fn first_name(path: &str) -> &str {
    let end = path.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(path.len());
    &path[..end]
}

/// Every `.rs` file below `dir`, with its text.
fn sources(dir: &Path, found: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).unwrap().map(Result::unwrap) {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push((path.display().to_string(), fs::read_to_string(&path).unwrap()));
        }
    }
}

#[test]
fn no_module_imports_from_a_layer_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut upward = Vec::new();
    for (rank, layer) in LAYERS.iter().enumerate() {
        let mut files = Vec::new();
        sources(&src.join(layer), &mut files);
        if let Ok(text) = fs::read_to_string(src.join(format!("{layer}.rs"))) {
            files.push((format!("{layer}.rs"), text));
        }
        for (file, text) in files {
            for named in layers_named(&text) {
                if LAYERS[rank + 1..].contains(&named) {
                    upward.push(format!("{file} imports crate::{named}"));
                }
            }
        }
    }
    assert!(upward.is_empty(), "imports up the layers:\n{}", upward.join("\n"));
}

/// Each file of `src/` as a module path (`model::json` for `src/model/json.rs` or
/// `src/model/json/mod.rs`) with its text.
fn modules(src: &Path) -> BTreeMap<String, String> {
    let mut files = Vec::new();
    sources(src, &mut files);
    let prefix = format!("{}/", src.display());
    files
        .into_iter()
        .filter(|(file, _)| !file.contains("/bin/"))
        .map(|(file, text)| {
            let path = file.trim_start_matches(&prefix).trim_end_matches(".rs");
            let path = path.trim_end_matches("/mod").replace('/', "::");
            (path, text)
        })
        .collect()
}

/// The files a file imports: for each path it names, the longest module path that exists,
/// leaving out its own module, its parents and its children (a folder's `mod.rs` and its files
/// belong together).
fn imports(modules: &BTreeMap<String, String>) -> BTreeMap<&str, BTreeSet<&str>> {
    let inside = |a: &str, b: &str| a == b || a.starts_with(&format!("{b}::"));
    modules
        .iter()
        .map(|(module, text)| {
            let mut found = BTreeSet::new();
            for path in paths_named(text) {
                let mut parts: Vec<&str> = path.split("::").collect();
                while !parts.is_empty() {
                    let candidate = parts.join("::");
                    if let Some((known, _)) = modules.get_key_value(&candidate) {
                        if !inside(module, known) && !inside(known, module) {
                            found.insert(known.as_str());
                        }
                        break;
                    }
                    parts.pop();
                }
            }
            (module.as_str(), found)
        })
        .collect()
}

/// A circle of imports, if any: the modules on it, in order.
fn circle<'a>(graph: &BTreeMap<&'a str, BTreeSet<&'a str>>) -> Option<Vec<&'a str>> {
    fn visit<'a>(
        node: &'a str,
        graph: &BTreeMap<&'a str, BTreeSet<&'a str>>,
        done: &mut BTreeSet<&'a str>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<&'a str>> {
        if let Some(at) = path.iter().position(|n| *n == node) {
            return Some(path[at..].to_vec());
        }
        if !done.insert(node) {
            return None;
        }
        path.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, done, path) {
                return Some(found);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|node| visit(node, graph, &mut done, &mut Vec::new()))
}

#[test]
fn no_two_files_import_each_other_even_through_others() {
    let modules = modules(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(modules.contains_key("model::json") && modules.contains_key("ui::screens"));
    let found = circle(&imports(&modules));
    assert_eq!(found, None, "a circle of imports");
}

#[test]
fn a_circle_is_found_through_a_third_file() {
    let graph: BTreeMap<&str, BTreeSet<&str>> = [
        ("a", BTreeSet::from(["b"])),
        ("b", BTreeSet::from(["c"])),
        ("c", BTreeSet::from(["a"])),
        ("d", BTreeSet::from(["a"])),
    ]
    .into_iter()
    .collect();
    assert_eq!(circle(&graph), Some(vec!["a", "b", "c"]));
    let without: BTreeMap<&str, BTreeSet<&str>> =
        [("a", BTreeSet::from(["b"])), ("b", BTreeSet::new())].into_iter().collect();
    assert_eq!(circle(&without), None);
}

#[test]
fn the_reader_of_imports_sees_grouped_and_plain_paths() {
    assert_eq!(
        paths_named("use crate::{model::json, versions::{diff, item::Item}};"),
        ["model::json", "versions::diff", "versions::item::Item"]
    );
    let text = "use crate::model::Id;\nuse crate::{versions::{diff, item}, ui::App};\n\
                let x = crate::storage::local::load();";
    assert_eq!(layers_named(text), ["model", "versions", "ui", "storage"]);
}
