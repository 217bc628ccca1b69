//! Snapshots: copies of the whole workspace taken before every import (and before restoring an
//! older snapshot), kept in local storage under their own key so that an import can be undone
//! even after a reload. The newest come first; only the last few are kept.
//!
//! A snapshot keeps the workspace as stored and is read back through `codec::decode_with`, so
//! a snapshot taken by an older version of the app is migrated like any stored workspace. It
//! is kept compressed, and names the frozen copies it needs (stored apart and shared with the
//! workspace, `storage::frozen`) rather than holding them: ten snapshots of a signed contract
//! with five avenants cost about ten compressed contracts, not seventy.

use super::codec::{decode_with, encode_apart, LoadError, Loaded};
use super::compressed::{compress, decompress};
use super::frozen::{keys_named, FrozenCopies};
use crate::model::Workspace;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The local-storage key of the snapshot list.
pub const SNAPSHOTS_KEY: &str = "atelier-cls.v1.instantanes";

/// How many snapshots are kept at most: the oldest beyond is forgotten. Never fewer to make
/// room: an operation whose snapshot does not fit is refused before it changes anything.
pub const SNAPSHOTS_KEPT: usize = 10;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// ISO 8601 date-time (UTC) it was taken; also tells snapshots apart.
    pub taken_at: String,
    /// Why it was taken: "Avant l’import de « cls-aurillac-2026-11-23.json »".
    pub label: String,
    /// What it holds, for the list: "2 contrats, 37 fiches action".
    pub summary: String,
    /// The workspace as stored, compressed (`compressed::MARK…`); a JSON object in snapshots
    /// taken before frozen copies were stored apart.
    pub workspace: Value,
    /// The keys of the frozen copies it names: kept as long as the snapshot is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frozen: Vec<String>,
}

impl Snapshot {
    /// A snapshot of `workspace`; the frozen copies not stored yet wait in `copies`.
    pub fn of(
        workspace: &Workspace,
        label: impl Into<String>,
        taken_at: impl Into<String>,
        copies: &mut FrozenCopies,
    ) -> Self {
        let text = encode_apart(workspace, copies);
        let mut frozen = keys_named(&text);
        frozen.sort();
        frozen.dedup();
        Snapshot {
            taken_at: taken_at.into(),
            label: label.into(),
            summary: describe(workspace),
            workspace: Value::String(compress(&text)),
            frozen,
        }
    }

    /// The workspace it holds, upgraded if it was taken by an older version.
    pub fn restore(&self, copies: &mut FrozenCopies) -> Result<Workspace, LoadError> {
        let text = match &self.workspace {
            Value::String(stored) => decompress(stored)
                .ok_or_else(|| LoadError::NotAWorkspace("instantané illisible".into()))?,
            whole => whole.to_string(),
        };
        match decode_with(Some(&text), copies)? {
            Loaded::Current(workspace)
            | Loaded::Migrated { workspace, .. }
            | Loaded::Repaired { workspace, .. } => Ok(workspace),
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
        let copies = &mut FrozenCopies::in_memory();
        let snapshot = Snapshot::of(&ws, "Avant l’import", "2026-11-23T10:00:00.000Z", copies);
        assert_eq!(snapshot.restore(copies).unwrap(), ws);
        let stored = encode_list(std::slice::from_ref(&snapshot));
        assert_eq!(decode_list(Some(&stored)), Some(vec![snapshot]));
    }

    #[test]
    fn the_summary_counts_contracts_and_sheets() {
        let ws = workspace();
        let sheets = ws.contracts[0].sheets.len();
        let copies = &mut FrozenCopies::in_memory();
        let summary = Snapshot::of(&ws, "", "", copies).summary;
        assert_eq!(summary, format!("1 contrat, {sheets} fiches action"));
        assert_eq!(
            Snapshot::of(&Workspace::default(), "", "", copies).summary,
            "0 contrat, 0 fiche action"
        );
    }

    #[test]
    fn newest_first_and_only_the_last_ones() {
        let mut list = Vec::new();
        for n in 0..SNAPSHOTS_KEPT + 3 {
            let copies = &mut FrozenCopies::in_memory();
            let snapshot =
                Snapshot::of(&Workspace::default(), format!("{n}"), format!("{n}"), copies);
            push(&mut list, snapshot);
        }
        assert_eq!(list.len(), SNAPSHOTS_KEPT);
        assert_eq!(list[0].label, format!("{}", SNAPSHOTS_KEPT + 2));
        assert_eq!(list[SNAPSHOTS_KEPT - 1].label, "3");
    }

    #[test]
    fn a_snapshot_of_a_signed_contract_names_its_frozen_copies_and_stays_small() {
        let mut ws = workspace();
        let contract = &mut ws.contracts[0];
        contract.signing.frozen_copy = Some(crate::model::amendment::frozen(contract));
        let copies = &mut FrozenCopies::in_memory();
        let snapshot = Snapshot::of(&ws, "Avant", "2026-12-07T08:00:00.000Z", copies);
        assert_eq!(snapshot.frozen.len(), 1);
        let whole = crate::storage::encode(&ws).len();
        let kept = encode_list(std::slice::from_ref(&snapshot)).len();
        assert!(kept * 6 < whole, "{kept} vs {whole}");
        assert_eq!(snapshot.restore(copies).unwrap(), ws);
    }

    #[test]
    fn a_snapshot_kept_by_an_older_version_still_restores() {
        let ws = workspace();
        let older = Snapshot {
            taken_at: "2026-11-23T10:00:00.000Z".into(),
            label: "Avant l’import".into(),
            summary: String::new(),
            workspace: serde_json::from_str(&crate::storage::encode(&ws)).unwrap(),
            frozen: Vec::new(),
        };
        let text = encode_list(&[older]);
        assert!(!text.contains("\"frozen\":"), "older lists had no such field");
        let read = decode_list(Some(&text)).unwrap();
        assert_eq!(read[0].restore(&mut FrozenCopies::in_memory()).unwrap(), ws);
    }

    #[test]
    fn unreadable_lists_are_reported_not_replaced() {
        assert_eq!(decode_list(None), Some(Vec::new()));
        assert_eq!(decode_list(Some("{pas une liste")), None);
    }
}
