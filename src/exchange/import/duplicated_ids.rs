//! The id check: every `id` of the contract must be unique, or merging and references would
//! confuse two items. Each repeat is reported with the paths of both occurrences.

use super::json_path::{render_path, Segment};
use super::{ImportProblem, MAX_PROBLEMS};
use crate::model::amendment::FROZEN_COPY_KEY;
use serde_json::Value;
use std::collections::HashMap;

/// Every "id" text in `contract` that appears more than once, each repeat against its first
/// occurrence.
pub(super) fn duplicated_ids(contract: &Value) -> Vec<ImportProblem> {
    duplicated_ids_at(contract, vec![Segment::Key("contract".into())])
}

/// As [`duplicated_ids`], for a contract found at `root` (`contracts[2]` in a backup file).
pub(super) fn duplicated_ids_at(contract: &Value, mut root: Vec<Segment>) -> Vec<ImportProblem> {
    let mut found: Vec<(String, String)> = Vec::new();
    collect_ids(contract, &mut root, &mut found);
    let mut first: HashMap<&str, &str> = HashMap::new();
    let mut problems = Vec::new();
    for (id, path) in &found {
        match first.get(id.as_str()) {
            Some(earlier) => problems.push(ImportProblem::new(
                path.clone(),
                format!("L’identifiant {id} apparaît plusieurs fois ({earlier} et {path})."),
            )),
            None => {
                first.insert(id, path);
            }
        }
        if problems.len() >= MAX_PROBLEMS {
            break;
        }
    }
    problems
}

pub(super) fn collect_ids(
    value: &Value,
    path: &mut Vec<Segment>,
    found: &mut Vec<(String, String)>,
) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(id)) = map.get("id") {
                path.push(Segment::Key("id".into()));
                found.push((id.clone(), render_path(path)));
                path.pop();
            }
            // A frozen copy repeats the contract's ids on purpose (the same items, earlier).
            for (key, child) in map.iter().filter(|(key, _)| key.as_str() != FROZEN_COPY_KEY) {
                if matches!(child, Value::Object(_) | Value::Array(_)) {
                    path.push(Segment::Key(key.clone()));
                    collect_ids(child, path, found);
                    path.pop();
                }
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                path.push(Segment::Index(index));
                collect_ids(child, path, found);
                path.pop();
            }
        }
        _ => {}
    }
}
