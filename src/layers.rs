//! The layers hold (README, « Layout »): a module imports only from the layers below its own,
//! tests included. Read from the sources, so that an import up the layers fails `cargo test`
//! rather than wait for someone to draw the imports by hand.

use std::fs;
use std::path::Path;

/// From the bottom up.
const LAYERS: [&str; 6] = ["model", "versions", "document", "exchange", "storage", "ui"];

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

#[test]
fn the_reader_of_imports_sees_grouped_and_plain_paths() {
    let text = "use crate::model::Id;\nuse crate::{versions::{diff, item}, ui::App};\n\
                let x = crate::storage::local::load();";
    assert_eq!(layers_named(text), ["model", "versions", "ui", "storage"]);
}
