//! The checks a file's tree gets beyond its shape: the frozen copies it carries (the signature's
//! and each avenant's) and the calendar dates it states.
//!
//! A frozen copy is the same contract at another time, so it is checked like one: its ids are
//! unique within it, it is a copy of *this* contract (its own id), and it holds no frozen copy
//! nor avenant of its own (copies never nest, see `model::amendment::frozen`). A file breaking
//! any of these was not written by the app: merged, it would print documents of another
//! contract or number avenants inside avenants.
//!
//! Dates (`DATE_KEYS`: signature, avenants, meetings, the collection's) are empty or a day that exists: the
//! app writes them from `<input type="date">`, and a « 2025-02-30 » inside a frozen copy would
//! print in the avenant's document with no validation ever looking at it.

use super::duplicated_ids::duplicated_ids_at;
use super::json_path::{render_path, Segment};
use super::{ImportProblem, MAX_PROBLEMS};
use crate::model::amendment::FROZEN_COPY_KEY;
use crate::model::iso_date::is_iso_date;
use serde_json::Value;

/// Every problem of the frozen copies of `contract` (found at `root`) and of its dates.
pub(super) fn tree_problems(contract: &Value, root: &[Segment]) -> Vec<ImportProblem> {
    let mut problems = Vec::new();
    let mut path = root.to_vec();
    impossible_dates(contract, &mut path, &mut problems);
    for (at, copy) in frozen_copies(contract, root) {
        problems.extend(copy_problems(contract, copy, at));
    }
    problems.truncate(MAX_PROBLEMS);
    problems
}

/// The frozen copies of a contract with their paths: its signature's, then each avenant's.
fn frozen_copies<'a>(contract: &'a Value, root: &[Segment]) -> Vec<(Vec<Segment>, &'a Value)> {
    let key = |name: &str| Segment::Key(name.into());
    let mut found = Vec::new();
    if let Some(copy) = contract.get("signing").and_then(|s| s.get(FROZEN_COPY_KEY)) {
        found.push(([root, &[key("signing"), key(FROZEN_COPY_KEY)]].concat(), copy));
    }
    let amendments = contract.get("amendments").and_then(Value::as_array);
    for (index, amendment) in amendments.into_iter().flatten().enumerate() {
        if let Some(copy) = amendment.get(FROZEN_COPY_KEY) {
            let at = [key("amendments"), Segment::Index(index), key(FROZEN_COPY_KEY)];
            found.push(([root, &at].concat(), copy));
        }
    }
    found.retain(|(_, copy)| copy.is_object());
    found
}

fn copy_problems(contract: &Value, copy: &Value, at: Vec<Segment>) -> Vec<ImportProblem> {
    let mut problems = Vec::new();
    let child = |name: &str| render_path(&[at.as_slice(), &[Segment::Key(name.into())]].concat());
    let own = contract.get("id").and_then(Value::as_str);
    let its = copy.get("id").and_then(Value::as_str);
    if let (Some(own), Some(its)) = (own, its) {
        if own != its {
            problems.push(ImportProblem::new(
                child("id"),
                format!(
                    "Cette copie figée est celle d’un autre contrat (identifiant {its}, alors que \
                     le contrat a l’identifiant {own})."
                ),
            ));
        }
    }
    let nested = copy.get("signing").and_then(|s| s.get(FROZEN_COPY_KEY));
    if nested.is_some_and(|n| !n.is_null()) {
        problems.push(ImportProblem::new(
            render_path(&[at.as_slice(), &[Segment::Key("signing".into())]].concat()),
            "Une copie figée ne peut pas contenir elle-même de copie figée.",
        ));
    }
    if copy.get("amendments").and_then(Value::as_array).is_some_and(|a| !a.is_empty()) {
        problems.push(ImportProblem::new(
            child("amendments"),
            "Une copie figée ne peut pas contenir d’avenants : chaque avenant a la sienne.",
        ));
    }
    problems.extend(duplicated_ids_at(copy, at));
    problems
}

/// Every `date` text of the tree, frozen copies included, that is neither empty nor a real day.
/// The fields that hold a calendar date: signature, avenants and meetings (`date`), and when a
/// lead of the collection was sent their spreadsheet and answered (`sent_on`, `received_on`).
const DATE_KEYS: [&str; 3] = ["date", "sent_on", "received_on"];

fn impossible_dates(value: &Value, path: &mut Vec<Segment>, problems: &mut Vec<ImportProblem>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                path.push(Segment::Key(key.clone()));
                match child {
                    Value::String(date) if DATE_KEYS.contains(&key.as_str()) => {
                        if !date.trim().is_empty() && !is_iso_date(date.trim()) {
                            problems.push(ImportProblem::new(
                                render_path(path),
                                format!(
                                    "La date « {date} » n’existe pas : une date réelle au format \
                                     aaaa-mm-jj est attendue (par exemple 2025-03-14), ou rien."
                                ),
                            ));
                        }
                    }
                    _ => impossible_dates(child, path, problems),
                }
                path.pop();
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                path.push(Segment::Index(index));
                impossible_dates(child, path, problems);
                path.pop();
            }
        }
        _ => {}
    }
}
