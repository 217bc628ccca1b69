//! Property tests of the whole exchange: export then import gives back the same contract,
//! merging a file with itself changes nothing, and a merge never drops an item, whatever the
//! edits made on both sides and whatever the user chooses.
//!
//! Contracts are the example contract (every kind of item) after random edits: renamed,
//! deleted and added sheets, organisations and findings, a renamed contract, changed actions.
//! Added sheets and findings draw their ids from a small range so that both sides sometimes add
//! the same one.

use super::import::check_file;
use super::items::{ids_in, items_of, ItemKind};
use super::merge::{apply_merge, plan_merge, record_export, Choice};
use super::{example::example_contract, Envelope};
use crate::model::{
    Action, ActionSheet, Contract, Finding, FindingCategory, Id, SharedVersions, Workspace,
};
use proptest::prelude::*;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Debug)]
enum Edit {
    RenameContract(String),
    RenameSheet(usize, String),
    DeleteSheet(usize),
    AddSheet(u128, String),
    AddAction(usize, u128, String),
    RenameOrganisation(usize, String),
    DeleteOrganisation(usize),
    AddFinding(u128, String),
}

fn text() -> impl Strategy<Value = String> {
    "\\PC{0,24}"
}

/// `side` keeps the ids of actions added on each side apart: an action id reused in another
/// sheet only happens in hand-made files (see the merge's own tests).
fn edit(side: u128) -> impl Strategy<Value = Edit> {
    let new_id = 1_000u128..1_008;
    prop_oneof![
        text().prop_map(Edit::RenameContract),
        (any::<usize>(), text()).prop_map(|(i, t)| Edit::RenameSheet(i, t)),
        any::<usize>().prop_map(Edit::DeleteSheet),
        (new_id.clone(), text()).prop_map(|(n, t)| Edit::AddSheet(n, t)),
        (any::<usize>(), 2_000 + side..2_008 + side, text())
            .prop_map(|(i, n, t)| Edit::AddAction(i, n, t)),
        (any::<usize>(), text()).prop_map(|(i, t)| Edit::RenameOrganisation(i, t)),
        any::<usize>().prop_map(Edit::DeleteOrganisation),
        (3_000u128..3_008, text()).prop_map(|(n, t)| Edit::AddFinding(n, t)),
    ]
}

fn apply(contract: &mut Contract, edit: &Edit) {
    let sheets = contract.sheets.len().max(1);
    let organisations = contract.organisations.len().max(1);
    let taken = |c: &Contract, id: Id| {
        super::items::items_of(c).iter().any(|i| i.id == id)
            || c.sheets.iter().any(|s| s.actions.iter().any(|a| a.id == id))
    };
    match edit.clone() {
        Edit::RenameContract(name) => contract.name = name,
        Edit::RenameSheet(i, title) => {
            if let Some(sheet) = contract.sheets.get_mut(i % sheets) {
                sheet.title = title;
            }
        }
        Edit::DeleteSheet(i) if !contract.sheets.is_empty() => {
            contract.sheets.remove(i % sheets);
        }
        Edit::AddSheet(n, title) if !taken(contract, Id::from_u128(n)) => {
            contract.sheets.push(ActionSheet::new(Id::from_u128(n), title, 1))
        }
        Edit::AddAction(i, n, text) if !taken(contract, Id::from_u128(n)) => {
            if let Some(sheet) = contract.sheets.get_mut(i % sheets) {
                sheet.actions.push(Action::new(Id::from_u128(n), text, 1));
            }
        }
        Edit::RenameOrganisation(i, name) => {
            if let Some(organisation) = contract.organisations.get_mut(i % organisations) {
                organisation.name = name;
            }
        }
        Edit::DeleteOrganisation(i) if !contract.organisations.is_empty() => {
            contract.organisations.remove(i % organisations);
        }
        Edit::AddFinding(n, text) if !taken(contract, Id::from_u128(n)) => {
            contract.diagnostic.push(Finding {
                id: Id::from_u128(n),
                modified_at: 1,
                category: FindingCategory::HealthStatus,
                text,
            })
        }
        _ => {}
    }
}

fn edited(edits: &[Edit]) -> Contract {
    let mut contract = example_contract();
    edits.iter().for_each(|e| apply(&mut contract, e));
    contract
}

fn shared(with_history: bool) -> SharedVersions {
    let mut ws = Workspace::default();
    if with_history {
        record_export(&mut ws, &example_contract());
    }
    ws.shared_versions.into_values().next().unwrap_or_default()
}

fn fresh_counter() -> impl FnMut() -> Id {
    let mut next = 10_000u128;
    move || {
        next += 1;
        Id::from_u128(next)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn an_exported_contract_imports_identical(edits in prop::collection::vec(edit(0), 0..12)) {
        let contract = edited(&edits);
        let file = Envelope::new(contract.clone(), "2026-11-23T10:00:00.000Z".into(), "ARS".into()).to_pretty_json();
        let checked = check_file(file.as_bytes()).map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
        prop_assert_eq!(checked.envelope.contract, contract);
    }

    #[test]
    fn merging_a_file_with_itself_changes_nothing(edits in prop::collection::vec(edit(0), 0..12), history: bool) {
        let contract = edited(&edits);
        let plan = plan_merge(&contract, &contract, &shared(history));
        prop_assert!(plan.is_empty());
        let (merged, summary) = apply_merge(&contract, &contract, &plan, &HashMap::new(), "x", fresh_counter(), 99);
        prop_assert_eq!(merged, contract);
        prop_assert!(!summary.changed_anything());
    }

    #[test]
    fn a_merge_never_drops_an_item(
        ours in prop::collection::vec(edit(0), 0..10),
        theirs in prop::collection::vec(edit(100), 0..10),
        history: bool,
        picks in prop::collection::vec(any::<prop::sample::Index>(), 40),
    ) {
        let (mine, theirs) = (edited(&ours), edited(&theirs));
        let plan = plan_merge(&mine, &theirs, &shared(history));
        let decisions: HashMap<Id, Choice> = plan
            .proposals
            .iter()
            .zip(picks.iter().cycle())
            .map(|(p, pick)| (p.id, *pick.get(p.choices())))
            .collect();
        let (merged, summary) = apply_merge(&mine, &theirs, &plan, &decisions, "partenaire", fresh_counter(), 99);

        let after = items_of(&merged);
        let present: HashSet<(ItemKind, Id)> = after.iter().map(|i| (i.kind, i.id)).collect();
        for item in items_of(&mine) {
            prop_assert!(present.contains(&(item.kind, item.id)), "{:?} « {} » lost", item.kind, item.label);
        }
        let version_of = |id: Id| after.iter().find(|i| i.id == id).map(|i| i.fingerprint);
        let merged_json = serde_json::to_value(&merged).unwrap();
        prop_assert!(ids_in(&merged_json).values().all(|n| *n == 1), "an id is used twice after the merge");
        let theirs_items = items_of(&theirs);
        for proposal in &plan.proposals {
            let their = theirs_items.iter().find(|i| i.id == proposal.id).unwrap();
            match decisions[&proposal.id] {
                Choice::TakeTheirs => prop_assert_eq!(version_of(proposal.id), Some(their.fingerprint)),
                Choice::KeepMine | Choice::KeepBoth => {
                    let mine_version = items_of(&mine).into_iter().find(|i| i.id == proposal.id).map(|i| i.fingerprint);
                    prop_assert_eq!(version_of(proposal.id), mine_version);
                }
            }
        }
        prop_assert_eq!(after.len(), items_of(&mine).len() + summary.added + summary.doubled);
    }
}
