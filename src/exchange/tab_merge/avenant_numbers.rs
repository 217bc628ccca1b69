//! Two tabs that create an avenant at the same moment both number it n°N: each decides under
//! the tabs' lock on the stored contract (`storage::tab_session`), but a browser may hand a tab a stale
//! read of local storage even then (Chromium updates each tab's copy of it asynchronously).
//! The merge settles it: the avenant already stored keeps its number, and the one only this
//! tab holds takes the next free number, which this tab then says.

use crate::model::{Id, Workspace};

/// One of this tab's avenants renumbered by a merge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Renumbered {
    pub contract: Id,
    pub from: u32,
    pub to: u32,
}

impl Renumbered {
    /// What the tab says.
    pub fn message(&self) -> String {
        format!(
            "Un autre onglet a créé l’avenant n°{} au même moment : le vôtre devient l’avenant n°{}.",
            self.from, self.to
        )
    }
}

/// Gives each avenant of `merged` that shares its number with another, and that `theirs` (the
/// stored workspace) does not hold, the next free number.
pub fn renumber_twins(merged: &mut Workspace, theirs: &Workspace) -> Vec<Renumbered> {
    let mut renumbered = Vec::new();
    for contract in &mut merged.contracts {
        let stored: Vec<Id> = theirs
            .contract(contract.id)
            .map(|c| c.amendments.iter().map(|a| a.id).collect())
            .unwrap_or_default();
        let numbers: Vec<u32> = contract.amendments.iter().map(|a| a.number).collect();
        let mut next = numbers.iter().copied().max().unwrap_or(0);
        for amendment in &mut contract.amendments {
            let twins = numbers.iter().filter(|n| **n == amendment.number).count();
            if twins > 1 && !stored.contains(&amendment.id) {
                next += 1;
                renumbered.push(Renumbered {
                    contract: contract.id,
                    from: amendment.number,
                    to: next,
                });
                amendment.number = next;
            }
        }
    }
    renumbered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::tab_merge::merge_tabs;
    use crate::model::amendment::{create_amendment, frozen};
    use crate::model::Contract;

    fn signed() -> Workspace {
        let mut contract = Contract::blank(Id::from_u128(1), "CLS", 0);
        contract.signing.frozen_copy = Some(frozen(&contract));
        let mut ws = Workspace::default();
        ws.add_contract(contract);
        ws
    }

    fn with_avenant(ws: &Workspace, id: u128, now: i64) -> Workspace {
        let mut ws = ws.clone();
        create_amendment(&mut ws.contracts[0], Id::from_u128(id), now, Default::default()).unwrap();
        ws
    }

    #[test]
    fn two_tabs_making_avenant_one_at_once_end_with_one_and_two() {
        let base = signed();
        let ours = with_avenant(&base, 0xa, 10);
        let theirs = with_avenant(&base, 0xb, 11);
        let merged = merge_tabs(&base, &ours, &theirs);
        let mut numbers: Vec<(Id, u32)> =
            merged.workspace.contracts[0].amendments.iter().map(|a| (a.id, a.number)).collect();
        numbers.sort();
        assert_eq!(numbers, vec![(Id::from_u128(0xa), 2), (Id::from_u128(0xb), 1)]);
        assert_eq!(
            merged.renumbered,
            vec![Renumbered { contract: Id::from_u128(1), from: 1, to: 2 }]
        );
        assert_eq!(
            merged.renumbered[0].message(),
            "Un autre onglet a créé l’avenant n°1 au même moment : le vôtre devient l’avenant n°2."
        );
        // The other tab, taking in what this one then writes, renumbers nothing.
        let again = merge_tabs(&theirs, &theirs, &merged.workspace);
        assert!(again.renumbered.is_empty());
    }

    #[test]
    fn avenants_with_their_own_numbers_are_left_alone() {
        let base = with_avenant(&signed(), 0xa, 10);
        let ours = with_avenant(&base, 0xb, 11);
        assert!(merge_tabs(&base, &ours, &base).renumbered.is_empty());
    }
}
