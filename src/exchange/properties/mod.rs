//! Property tests of the whole exchange: export then import gives back the same contract,
//! merging a file with itself changes nothing, and a merge never drops an item nor invents a
//! follow-up entry, whatever the edits made on both sides and whatever the user chooses; a
//! field changed on both sides since the last exchange is always a conflict, and edits of
//! disjoint fields merge into both (`fields`); two boards of one workshop merge without loss
//! (`workshops`).
//!
//! Contracts are the example contract with some follow-up (`versions::edits::base`) after
//! random edits (`versions::edits::edit`), the follow-up included.

mod fields;
mod workshops;

use super::import::check_file;
use super::merge::{
    apply_merge, plan_merge, record_export, ChangedBy, Choice, FieldMerge, MergePlan, Proposal,
    Status,
};
use super::Envelope;
use crate::model::shared_versions::{field_fingerprint, field_keys};
use crate::model::{Contract, Id, SharedVersions, Workspace};
use crate::versions::edits::{base, edit, edited, Edit};
use crate::versions::follow_up::owner_ids;
use crate::versions::item::{Item, ItemKind};
use crate::versions::items::{ids_in, items_of};
use proptest::prelude::*;
use std::collections::{HashMap, HashSet};

fn shared(with_history: bool) -> SharedVersions {
    let mut ws = Workspace::default();
    if with_history {
        record_export(&mut ws, &base());
    }
    ws.shared_versions.into_values().next().unwrap_or_default()
}

/// Both sides after their edits, the history they share (none without `with_history`), and
/// the plan of merging theirs into ours.
fn both_edited(
    ours: &[Edit],
    theirs: &[Edit],
    with_history: bool,
) -> (Contract, Contract, SharedVersions, MergePlan) {
    let (mine, theirs) = (edited(ours), edited(theirs));
    let shared = shared(with_history);
    let plan = plan_merge(&mine, &theirs, &shared);
    (mine, theirs, shared, plan)
}

fn fresh_counter() -> impl FnMut() -> Id {
    let mut next = 10_000u128;
    move || {
        next += 1;
        Id::from_u128(next)
    }
}

/// The items of the contract's lists and identity, leaving the follow-up out.
fn top_level(items: &[Item]) -> usize {
    items.iter().filter(|i| !i.kind.is_follow_up()).count()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn an_exported_contract_imports_identical(edits in prop::collection::vec(edit(0), 0..16)) {
        let contract = edited(&edits);
        let file = Envelope::new(contract.clone(), "2026-11-23T10:00:00.000Z".into(), "ARS".into()).to_pretty_json();
        let checked = check_file(file.as_bytes()).map_err(|p| TestCaseError::fail(format!("{p:?}")))?;
        prop_assert_eq!(checked.envelope.contract, contract);
    }

    #[test]
    fn merging_a_file_with_itself_changes_nothing(edits in prop::collection::vec(edit(0), 0..16), history: bool) {
        let contract = edited(&edits);
        let plan = plan_merge(&contract, &contract, &shared(history));
        prop_assert!(plan.is_empty());
        let (merged, summary) = apply_merge(&contract, &contract, &plan, &HashMap::new(), "x", fresh_counter(), 99);
        prop_assert_eq!(merged, contract);
        prop_assert!(!summary.changed_anything());
    }

    #[test]
    fn a_merge_never_drops_an_item(
        ours in prop::collection::vec(edit(0), 0..14),
        theirs in prop::collection::vec(edit(100), 0..14),
        history: bool,
        picks in prop::collection::vec(any::<prop::sample::Index>(), 40),
    ) {
        let (mine, theirs, _, plan) = both_edited(&ours, &theirs, history);
        // A choice for every item that has some, and for every field changed on both sides.
        let mut decisions: HashMap<Id, Choice> = plan
            .proposals
            .iter()
            .zip(picks.iter().cycle())
            .filter(|(p, _)| !p.choices().is_empty())
            .map(|(p, pick)| (p.id, *pick.get(p.choices())))
            .collect();
        let fields = plan.proposals.iter().flat_map(|p| &p.fields);
        decisions.extend(fields.zip(picks.iter().rev().cycle()).map(|(f, pick)| (f.id, *pick.get(&FieldMerge::CHOICES))));
        let choice = |p: &Proposal| plan.choice_of(p, &decisions).unwrap_or(Choice::KeepMine);
        let (merged, _) = apply_merge(&mine, &theirs, &plan, &decisions, "partenaire", fresh_counter(), 99);

        let (mine_items, their_items, after) = (items_of(&mine), items_of(&theirs), items_of(&merged));
        let merged_json = serde_json::to_value(&merged).unwrap();
        prop_assert!(ids_in(&merged_json).values().all(|n| *n == 1), "an id is used twice after the merge");
        // Follow-up goes with its fiche, action or indicator: when the partner's version of a
        // fiche without one of ours is taken, that one's follow-up goes with it.
        let owners_after = owner_ids(&merged_json);
        let owner_stays = |item: &Item| item.follow_up.is_none_or(|k| owners_after.contains(&k.owner));
        let present: HashSet<(ItemKind, Id)> = after.iter().map(|i| (i.kind, i.id)).collect();
        for item in mine_items.iter().filter(|i| owner_stays(i)) {
            prop_assert!(present.contains(&(item.kind, item.id)), "{:?} « {} » lost", item.kind, item.label);
        }
        let version = |items: &[Item], id: Id| items.iter().find(|i| i.id == id).map(|i| i.fingerprint);
        let item = |items: &[Item], id: Id| items.iter().find(|i| i.id == id).cloned();
        // Field by field, each field after the merge is one side's.
        let one_sides = |after: &Item| {
            let sides = [item(&mine_items, after.id), item(&their_items, after.id)];
            field_keys(&after.value).all(|key| {
                let value = field_fingerprint(&after.value, key);
                sides.iter().flatten().any(|side| field_fingerprint(&side.value, key) == value)
            })
        };
        for proposal in &plan.proposals {
            let their = their_items.iter().find(|i| i.id == proposal.id).unwrap();
            if proposal.by_field() {
                let after = item(&after, proposal.id);
                prop_assert!(after.as_ref().is_some_and(one_sides), "« {} » mixes what neither side wrote", proposal.label);
                continue;
            }
            let expected = match choice(proposal) {
                Choice::TakeTheirs if owner_stays(their) => Some(their.fingerprint),
                Choice::TakeTheirs => None,
                Choice::KeepMine | Choice::KeepBoth => version(&mine_items, proposal.id),
            };
            prop_assert_eq!(version(&after, proposal.id), expected, "{:?} « {} »", proposal.kind, proposal.label);
        }
        let grown = plan.proposals.iter().filter(|p| !p.kind.is_follow_up()).filter(|p| match choice(p) {
            Choice::KeepBoth => true,
            Choice::TakeTheirs => matches!(p.status, Status::New | Status::DeletedHere),
            Choice::KeepMine => false,
        });
        prop_assert_eq!(top_level(&after), top_level(&mine_items) + grown.count());
        // Every entry after the merge is one side's, or came with a copy of the partner's fiche.
        let owners_before: HashSet<Id> = [&mine, &theirs].iter().flat_map(|c| owner_ids(&serde_json::to_value(c).unwrap())).collect();
        for item in after.iter().filter(|i| i.kind.is_follow_up()) {
            let written = version(&mine_items, item.id) == Some(item.fingerprint)
                || version(&their_items, item.id) == Some(item.fingerprint)
                || !owners_before.contains(&item.follow_up.unwrap().owner)
                || one_sides(item);
            prop_assert!(written, "« {} » was written by neither side", item.label);
        }
    }

    /// Every item both changed: with its fields' history, each field both changed is a
    /// conflict of its own and nothing else is asked; without it, the whole item is.
    #[test]
    fn a_field_changed_on_both_sides_is_a_conflict(
        ours in prop::collection::vec(edit(0), 0..14),
        theirs in prop::collection::vec(edit(100), 0..14),
        history: bool,
    ) {
        let (mine, theirs, shared, plan) = both_edited(&ours, &theirs, history);
        let here: HashMap<(ItemKind, Id), Item> = items_of(&mine).into_iter().map(|i| ((i.kind, i.id), i)).collect();
        for item in items_of(&theirs) {
            let Some(mine) = here.get(&(item.kind, item.id)) else { continue };
            let proposal = plan.proposals.iter().find(|p| p.id == item.id);
            if mine.fingerprint == item.fingerprint || !shared.knows_fields(item.id) {
                continue;
            }
            let mut both = Vec::new();
            for key in field_keys(&mine.value).chain(field_keys(&item.value)) {
                let (a, b) = (field_fingerprint(&mine.value, key), field_fingerprint(&item.value, key));
                if a != b && shared.field_rank(item.id, key, a).is_none() && shared.field_rank(item.id, key, b).is_none() && !both.contains(key) {
                    both.push(key.clone());
                }
            }
            let asked: Vec<String> = proposal.map_or_else(Vec::new, |p| {
                p.fields.iter().filter(|f| f.changed_by == ChangedBy::Both).map(|f| f.key.clone()).collect()
            });
            both.sort();
            let mut asked_sorted = asked.clone();
            asked_sorted.sort();
            prop_assert_eq!(&asked_sorted, &both, "{:?} « {} »", item.kind, item.label);
            if let Some(p) = proposal.filter(|_| !both.is_empty()) {
                prop_assert_eq!((p.status, p.choices().len()), (Status::Conflict, 0));
                prop_assert_eq!(plan.pending(&HashMap::new()).iter().filter(|id| p.fields.iter().any(|f| f.id == **id)).count(), both.len());
            }
        }
    }

    #[test]
    fn an_entry_changed_on_both_sides_is_a_conflict(
        ours in prop::collection::vec(edit(0), 0..14),
        theirs in prop::collection::vec(edit(100), 0..14),
        history: bool,
    ) {
        let (mine, theirs, shared, plan) = both_edited(&ours, &theirs, history);
        let here: HashMap<Id, Item> = items_of(&mine).into_iter().map(|i| (i.id, i)).collect();
        for item in items_of(&theirs).into_iter().filter(|i| i.kind.is_follow_up()) {
            let Some(mine) = here.get(&item.id) else { continue };
            // Without a history of its fields (never shared: both wrote that year).
            let both_changed = mine.fingerprint != item.fingerprint
                && !shared.knows_fields(item.id)
                && shared.rank(item.id, mine.fingerprint).is_none()
                && shared.rank(item.id, item.fingerprint).is_none();
            if both_changed {
                let proposal = plan.proposals.iter().find(|p| p.id == item.id);
                prop_assert_eq!(proposal.map(|p| (p.status, p.suggested)), Some((Status::Conflict, None)));
            }
        }
    }
}
