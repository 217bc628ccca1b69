//! Snapshots: copies of the whole workspace taken before every import (and before restoring an
//! older snapshot), kept in local storage under their own key so that an import can be undone
//! even after a reload. The newest come first; only the last few are kept.
//!
//! A snapshot keeps the workspace as stored JSON and is read back through `codec::decode`, so
//! a snapshot taken by an older version of the app is migrated like any stored workspace.

use super::codec::{decode, encode, LoadError, Loaded};
use crate::model::Workspace;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The local-storage key of the snapshot list.
pub const SNAPSHOTS_KEY: &str = "atelier-cls.v1.instantanes";

/// How many snapshots are kept at most; fewer when local storage runs short (see `local`).
pub const SNAPSHOTS_KEPT: usize = 5;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// ISO 8601 date-time (UTC) it was taken; also tells snapshots apart.
    pub taken_at: String,
    /// Why it was taken: "Avant l’import de « cls-aurillac-2026-11-23.json »".
    pub label: String,
    /// What it holds, for the list: "2 contrats, 37 fiches action".
    pub summary: String,
    pub workspace: Value,
}

impl Snapshot {
    pub fn of(
        workspace: &Workspace,
        label: impl Into<String>,
        taken_at: impl Into<String>,
    ) -> Self {
        Snapshot {
            taken_at: taken_at.into(),
            label: label.into(),
            summary: describe(workspace),
            workspace: serde_json::from_str(&encode(workspace))
                .expect("an encoded workspace is JSON"),
        }
    }

    /// The workspace it holds, upgraded if it was taken by an older version.
    pub fn restore(&self) -> Result<Workspace, LoadError> {
        match decode(Some(&self.workspace.to_string()))? {
            Loaded::Current(workspace) | Loaded::Migrated { workspace, .. } => Ok(workspace),
            Loaded::Fresh => Ok(Workspace::default()),
        }
    }
}

fn describe(workspace: &Workspace) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n > 1 { many } else { one });
    let sheets: usize = workspace.contracts.iter().map(|c| c.sheets.len()).sum();
    format!(
        "{}, {}",
        plural(workspace.contracts.len(), "contrat", "contrats"),
        plural(sheets, "fiche action", "fiches action")
    )
}

/// Puts a new snapshot first and forgets the oldest beyond `SNAPSHOTS_KEPT`.
pub fn push(list: &mut Vec<Snapshot>, snapshot: Snapshot) {
    list.insert(0, snapshot);
    list.truncate(SNAPSHOTS_KEPT);
}

pub fn encode_list(list: &[Snapshot]) -> String {
    serde_json::to_string(list).expect("snapshots always serialise")
}

/// The stored list; `None` when what is stored cannot be read (then it is left as it is).
pub fn decode_list(raw: Option<&str>) -> Option<Vec<Snapshot>> {
    match raw {
        None => Some(Vec::new()),
        Some(raw) => serde_json::from_str(raw).ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::example::example_contract;

    fn workspace() -> Workspace {
        let mut ws = Workspace::default();
        ws.add_contract(example_contract());
        ws
    }

    #[test]
    fn a_snapshot_gives_back_the_workspace_it_was_taken_of() {
        let ws = workspace();
        let snapshot = Snapshot::of(&ws, "Avant l’import", "2026-11-23T10:00:00.000Z");
        assert_eq!(snapshot.restore().unwrap(), ws);
        let stored = encode_list(std::slice::from_ref(&snapshot));
        assert_eq!(decode_list(Some(&stored)), Some(vec![snapshot]));
    }

    #[test]
    fn the_summary_counts_contracts_and_sheets() {
        let ws = workspace();
        let sheets = ws.contracts[0].sheets.len();
        assert_eq!(Snapshot::of(&ws, "", "").summary, format!("1 contrat, {sheets} fiches action"));
        assert_eq!(
            Snapshot::of(&Workspace::default(), "", "").summary,
            "0 contrat, 0 fiche action"
        );
    }

    #[test]
    fn newest_first_and_only_the_last_ones() {
        let mut list = Vec::new();
        for n in 0..8 {
            push(&mut list, Snapshot::of(&Workspace::default(), format!("{n}"), format!("{n}")));
        }
        assert_eq!(list.len(), SNAPSHOTS_KEPT);
        assert_eq!(list[0].label, "7");
        assert_eq!(list[SNAPSHOTS_KEPT - 1].label, "3");
    }

    #[test]
    fn unreadable_lists_are_reported_not_replaced() {
        assert_eq!(decode_list(None), Some(Vec::new()));
        assert_eq!(decode_list(Some("{pas une liste")), None);
    }
}
