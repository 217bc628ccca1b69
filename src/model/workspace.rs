//! The workspace: every contract kept in this browser, and which one is open.

use super::{Contract, Id, SharedVersions};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version of the stored and exchanged format. Bump it with a migration in
/// `model::migration` whenever a change would stop an older file from loading.
pub const SCHEMA_VERSION: u32 = 4;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    pub schema_version: u32,
    pub contracts: Vec<Contract>,
    /// The contract shown by the screens; `None` shows the contract list.
    pub active_contract: Option<Id>,
    /// For each contract, the versions of its items shared with partners (see
    /// `shared_versions`). Absent from workspaces saved before exchanges existed.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub shared_versions: BTreeMap<Id, SharedVersions>,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            schema_version: SCHEMA_VERSION,
            contracts: Vec::new(),
            active_contract: None,
            shared_versions: BTreeMap::new(),
        }
    }
}

impl Workspace {
    pub fn contract(&self, id: Id) -> Option<&Contract> {
        self.contracts.iter().find(|c| c.id == id)
    }

    pub fn contract_mut(&mut self, id: Id) -> Option<&mut Contract> {
        self.contracts.iter_mut().find(|c| c.id == id)
    }

    /// The open contract, if it still exists.
    pub fn active(&self) -> Option<&Contract> {
        self.active_contract.and_then(|id| self.contract(id))
    }

    pub fn active_mut(&mut self) -> Option<&mut Contract> {
        let id = self.active_contract?;
        self.contract_mut(id)
    }
}

/// A contract taken out of the list, kept so that "Annuler" can put it back where it was.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedContract {
    pub index: usize,
    pub contract: Contract,
    pub was_active: bool,
}

impl Workspace {
    /// Adds a blank contract and opens it.
    pub fn create_contract(&mut self, id: Id, name: &str, now: super::Timestamp) {
        self.contracts.push(Contract::blank(id, name, now));
        self.active_contract = Some(id);
    }

    /// Adds a contract (an example, an import) and opens it.
    pub fn add_contract(&mut self, contract: Contract) {
        self.active_contract = Some(contract.id);
        self.contracts.push(contract);
    }

    /// The contract already named `name` (the first in the list), if any. Loading the example
    /// or the demonstration a second time finds the one loaded before, to offer to open it
    /// rather than add a second contract that nobody could tell from the first.
    pub fn contract_named(&self, name: &str) -> Option<Id> {
        let name = name.trim();
        self.contracts.iter().find(|c| c.name.trim() == name).map(|c| c.id)
    }

    /// The name of one more copy of the contract named `name`, one no contract has:
    /// « … (copie) », then « … (copie 2) », « … (copie 3) »...
    pub fn copy_name(&self, name: &str) -> String {
        let base = name.trim();
        let mut copy = format!("{base} (copie)");
        let mut n = 2;
        while self.contract_named(&copy).is_some() {
            copy = format!("{base} (copie {n})");
            n += 1;
        }
        copy
    }

    /// Adds `contract` (and opens it) as one more copy of a contract already here, named by
    /// [`Workspace::copy_name`].
    pub fn add_copy(&mut self, mut contract: Contract) {
        contract.name = self.copy_name(&contract.name);
        self.add_contract(contract);
    }

    pub fn rename_contract(&mut self, id: Id, name: &str, now: super::Timestamp) {
        if let Some(contract) = self.contract_mut(id) {
            contract.name = name.to_string();
            contract.modified_at = now;
        }
    }

    /// Inserts a copy with fresh ids right after the original, named "… (copie)".
    pub fn duplicate_contract(
        &mut self,
        id: Id,
        fresh: impl FnMut() -> Id,
        now: super::Timestamp,
    ) -> Option<Id> {
        let index = self.contracts.iter().position(|c| c.id == id)?;
        let mut copy = super::copy::with_fresh_ids(&self.contracts[index], fresh, now);
        copy.name = format!("{} (copie)", copy.name);
        let copy_id = copy.id;
        self.contracts.insert(index + 1, copy);
        Some(copy_id)
    }

    pub fn remove_contract(&mut self, id: Id) -> Option<RemovedContract> {
        let index = self.contracts.iter().position(|c| c.id == id)?;
        let contract = self.contracts.remove(index);
        let was_active = self.active_contract == Some(id);
        if was_active {
            self.active_contract = None;
        }
        Some(RemovedContract { index, contract, was_active })
    }

    /// Undoes `remove_contract`.
    pub fn restore_contract(&mut self, removed: RemovedContract) {
        let index = removed.index.min(self.contracts.len());
        if removed.was_active {
            self.active_contract = Some(removed.contract.id);
        }
        self.contracts.insert(index, removed.contract);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace() -> Workspace {
        let mut ws = Workspace::default();
        ws.create_contract(Id::from_u128(1), "Aurillac", 0);
        ws.create_contract(Id::from_u128(2), "Saint-Flour", 0);
        ws
    }

    #[test]
    fn creating_opens_the_new_contract() {
        let ws = workspace();
        assert_eq!(ws.active().map(|c| c.name.as_str()), Some("Saint-Flour"));
    }

    #[test]
    fn duplicate_sits_after_the_original() {
        let mut ws = workspace();
        let copy = ws.duplicate_contract(Id::from_u128(1), Id::random, 5).unwrap();
        assert_eq!(ws.contracts[1].id, copy);
        assert_eq!(ws.contracts[1].name, "Aurillac (copie)");
    }

    #[test]
    fn a_contract_is_found_by_its_name_spaces_around_aside() {
        let ws = workspace();
        assert_eq!(ws.contract_named("Saint-Flour"), Some(Id::from_u128(2)));
        assert_eq!(ws.contract_named("  Aurillac "), Some(Id::from_u128(1)));
        assert_eq!(ws.contract_named("Riom"), None);
        assert_eq!(ws.contract_named("aurillac"), None, "a name differing in case is another");
    }

    #[test]
    fn another_copy_takes_a_name_nobody_has_and_is_opened() {
        let mut ws = workspace();
        for (n, expected) in
            [(3, "Aurillac (copie)"), (4, "Aurillac (copie 2)"), (5, "Aurillac (copie 3)")]
        {
            assert_eq!(ws.copy_name(" Aurillac"), expected);
            ws.add_copy(Contract::blank(Id::from_u128(n), "Aurillac", 0));
            assert_eq!(ws.contracts.last().unwrap().name, expected);
            assert_eq!(ws.active_contract, Some(Id::from_u128(n)));
        }
        assert_eq!(ws.contract_named("Aurillac"), Some(Id::from_u128(1)), "the first is kept");
    }

    #[test]
    fn remove_then_restore_gives_back_the_same_workspace() {
        let mut ws = workspace();
        let before = ws.clone();
        let removed = ws.remove_contract(Id::from_u128(2)).unwrap();
        assert_eq!(ws.contracts.len(), 1);
        assert_eq!(ws.active_contract, None);
        ws.restore_contract(removed);
        assert_eq!(ws, before);
    }
}
