//! The backup file: every contract of this browser in one file (« Télécharger une
//! sauvegarde »), and putting it back (« Importer », with its preview).
//!
//! It is the exchange file's sibling, told apart by its type marker (`atelier-cls/sauvegarde`
//! against `atelier-cls/contrat`), with a list of contracts where the exchange file has one.
//! The importer checks it with the same checks, contract by contract (`import::check_any`).
//! Unlike the exchange file it also carries what this browser shared with partners
//! (`shared_versions`): it is a copy of this browser's own work, so that a browser restored
//! from it merges a partner's next file exactly as the lost one would have.
//!
//! Restoring never replaces nor deletes anything: a contract not here is added as it was; one
//! here and identical is left; one here that differs is added beside it as a copy named after
//! the backup's date, so that nothing done since the backup is lost.

use crate::model::iso_date::french_date;
use crate::model::{copy, Contract, Id, SharedVersions, Timestamp, Workspace};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The type marker of a backup file.
pub const BACKUP_TYPE: &str = "atelier-cls/sauvegarde";

/// Every contract of one browser, with who wrote the file and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    /// Always "atelier-cls/sauvegarde".
    #[serde(rename = "type")]
    pub kind: String,
    /// The version of the contracts' shape, as in the exchange file.
    pub schema_version: u32,
    /// The version of Atelier CLS that wrote the file.
    pub app_version: String,
    /// ISO 8601 date-time of the backup (UTC).
    pub exported_at: String,
    pub contracts: Vec<Contract>,
    /// What this browser had shared with partners, per contract (see `shared_versions`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub shared_versions: BTreeMap<Id, SharedVersions>,
}

impl Backup {
    /// The backup of a whole workspace.
    pub fn of(workspace: &Workspace, exported_at: String) -> Self {
        Backup {
            kind: BACKUP_TYPE.to_string(),
            schema_version: crate::model::SCHEMA_VERSION,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            exported_at,
            contracts: workspace.contracts.clone(),
            shared_versions: workspace.shared_versions.clone(),
        }
    }

    pub fn to_pretty_json(&self) -> String {
        crate::model::json::to_pretty_text(self).expect("a backup always serialises")
    }

    /// The file's text: pretty unless large (`json::to_file_text`).
    pub fn to_file_json(&self) -> String {
        crate::model::json::to_file_text(self).expect("a backup always serialises")
    }

    /// The day of the backup (« 3 décembre 2026 »), from its ISO date-time.
    pub fn day(&self) -> String {
        french_date(self.exported_at.get(..10).unwrap_or_default())
    }
}

/// `atelier-cls-sauvegarde-2026-12-03.json`.
pub fn backup_file_name(today_iso: &str) -> String {
    format!("atelier-cls-sauvegarde-{today_iso}.json")
}

/// What restoring does with one contract of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// Not in this browser: added as it is.
    New,
    /// Already here, the same: left alone.
    Identical,
    /// Already here, different: the file's version is added beside it as a copy.
    Different,
}

impl Arrival {
    pub fn of(workspace: &Workspace, contract: &Contract) -> Self {
        match workspace.contract(contract.id) {
            None => Arrival::New,
            Some(here) if here == contract => Arrival::Identical,
            Some(_) => Arrival::Different,
        }
    }

    /// What the preview says for this contract.
    pub fn describe(self, day: &str) -> String {
        match self {
            Arrival::New => "absent de ce navigateur : il sera ajouté".to_string(),
            Arrival::Identical => "déjà dans ce navigateur, identique : rien ne change".to_string(),
            Arrival::Different => format!(
                "déjà dans ce navigateur, avec des différences : le vôtre reste tel quel, et la \
                 version de la sauvegarde est ajoutée à côté, nommée « … (sauvegarde du {day}) »"
            ),
        }
    }
}

/// What a restore did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Restored {
    pub added: usize,
    pub copies: usize,
    pub identical: usize,
}

impl Restored {
    /// « 3 contrats ajoutés, 1 copie ajoutée à côté du vôtre, 1 déjà identique ».
    pub fn describe(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n > 1 { many } else { one });
        let mut parts = vec![plural(self.added, "contrat ajouté", "contrats ajoutés")];
        if self.copies > 0 {
            parts.push(plural(
                self.copies,
                "copie ajoutée à côté de votre version",
                "copies ajoutées à côté de vos versions",
            ));
        }
        if self.identical > 0 {
            parts.push(plural(self.identical, "déjà identique", "déjà identiques"));
        }
        parts.join(", ")
    }
}

/// Puts a backup back (see the module's comment). The open contract stays open; with none
/// open, the first contract added is opened. Returns what was done, and the ids of the
/// contracts added as they were in the file (they are copies of the file, not of this browser).
pub fn restore(
    workspace: &mut Workspace,
    backup: &Backup,
    fresh: impl FnMut() -> Id,
    now: Timestamp,
) -> (Restored, Vec<Id>) {
    let mut fresh = fresh;
    let mut done = Restored::default();
    let mut added = Vec::new();
    let mut first = None;
    let day = backup.day();
    for contract in &backup.contracts {
        match Arrival::of(workspace, contract) {
            Arrival::Identical => done.identical += 1,
            Arrival::New => {
                if let Some(shared) = backup.shared_versions.get(&contract.id) {
                    workspace.shared_versions.insert(contract.id, shared.clone());
                }
                workspace.contracts.push(contract.clone());
                added.push(contract.id);
                first = first.or(Some(contract.id));
                done.added += 1;
            }
            Arrival::Different => {
                let mut copy = copy::with_fresh_ids(contract, &mut fresh, now);
                copy.name = format!("{} (sauvegarde du {day})", contract.name);
                first = first.or(Some(copy.id));
                workspace.contracts.push(copy);
                done.copies += 1;
            }
        }
    }
    if workspace.active().is_none() {
        workspace.active_contract = first.or(workspace.active_contract);
    }
    (done, added)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example::example_contract;

    fn workspace_of_two() -> Workspace {
        let mut ws = Workspace::default();
        ws.add_contract(example_contract());
        ws.create_contract(Id::from_u128(7), "CLS du Pays de Mauriac", 5);
        ws
    }

    #[test]
    fn a_backup_restores_every_contract_into_an_empty_browser() {
        let ws = workspace_of_two();
        let backup = Backup::of(&ws, "2026-12-03T10:00:00.000Z".into());
        let text = backup.to_pretty_json();
        let read: Backup = crate::model::json::from_text(&text).unwrap();
        assert_eq!(read, backup);
        let mut fresh = Workspace::default();
        let (done, added) = restore(&mut fresh, &read, Id::random, 9);
        assert_eq!(done, Restored { added: 2, copies: 0, identical: 0 });
        assert_eq!(added.len(), 2);
        assert_eq!(fresh.contracts, ws.contracts);
        assert_eq!(fresh.active_contract, Some(ws.contracts[0].id));
        assert_eq!(done.describe(), "2 contrats ajoutés");
    }

    #[test]
    fn restoring_twice_changes_nothing() {
        let mut ws = workspace_of_two();
        let backup = Backup::of(&ws, "2026-12-03T10:00:00.000Z".into());
        let before = ws.clone();
        let (done, added) = restore(&mut ws, &backup, Id::random, 9);
        assert_eq!(done, Restored { added: 0, copies: 0, identical: 2 });
        assert!(added.is_empty());
        assert_eq!(ws, before);
    }

    #[test]
    fn a_contract_changed_since_is_kept_and_the_backup_version_added_beside_it() {
        let mut ws = workspace_of_two();
        let backup = Backup::of(&ws, "2026-12-03T10:00:00.000Z".into());
        ws.rename_contract(Id::from_u128(7), "CLS de Mauriac, revu", 10);
        let (done, _) = restore(&mut ws, &backup, Id::random, 11);
        assert_eq!(done, Restored { added: 0, copies: 1, identical: 1 });
        let names: Vec<&str> = ws.contracts.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names[1..],
            ["CLS de Mauriac, revu", "CLS du Pays de Mauriac (sauvegarde du 3 décembre 2026)"]
        );
        assert_ne!(ws.contracts[2].id, Id::from_u128(7), "the copy has ids of its own");
        assert_eq!(ws.active_contract, Some(Id::from_u128(7)), "the open contract stays open");
        assert_eq!(
            done.describe(),
            "0 contrat ajouté, 1 copie ajoutée à côté de votre version, 1 déjà identique"
        );
    }

    /// Avenants and the signed version come back with their contract; a copy beside a changed
    /// contract keeps its frozen copies in step with its own fresh ids.
    #[test]
    fn a_backup_brings_back_avenants_and_frozen_copies() {
        use crate::model::amendment::{frozen, Amendment};
        let mut ws = workspace_of_two();
        let contract = &mut ws.contracts[0];
        contract.signing.frozen_copy = Some(frozen(contract));
        let mut second = Amendment::new(Id::from_u128(90), 2, 5);
        second.object = "Report de la fiche 3".into();
        second.frozen_copy = Some(frozen(contract));
        contract.amendments.push(second);
        let backup = Backup::of(&ws, "2026-12-03T10:00:00.000Z".into());
        let read: Backup = crate::model::json::from_text(&backup.to_pretty_json()).unwrap();
        let mut empty = Workspace::default();
        restore(&mut empty, &read, Id::random, 9);
        assert_eq!(empty.contracts, ws.contracts);

        ws.contracts[0].name.push_str(" (revu)");
        let (done, _) = restore(&mut ws, &read, Id::random, 11);
        assert_eq!(done.copies, 1);
        let copy = ws.contracts.last().unwrap();
        let sheet_ids = |c: &Contract| c.sheets.iter().map(|s| s.id).collect::<Vec<_>>();
        assert_ne!(sheet_ids(copy), sheet_ids(&ws.contracts[0]));
        let signed = copy.signing.frozen_copy.as_deref().unwrap();
        assert_eq!(sheet_ids(signed), sheet_ids(copy));
        let amended = copy.amendments[0].frozen_copy.as_deref().unwrap();
        assert_eq!(sheet_ids(amended), sheet_ids(copy));
        assert_eq!(copy.amendments[0].object, "Report de la fiche 3");
    }

    #[test]
    fn the_file_name_and_day_are_readable() {
        let backup = Backup::of(&Workspace::default(), "2026-03-01T08:00:00.000Z".into());
        assert_eq!(backup.day(), "1er mars 2026");
        assert_eq!(backup_file_name("2026-03-01"), "atelier-cls-sauvegarde-2026-03-01.json");
    }
}
