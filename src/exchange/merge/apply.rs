//! Applying a merge plan: each proposal follows the user's choice, and what comes out is always
//! a valid contract in which no two entities share an id.
//!
//! Items of the contract's lists are applied first, then the yearly follow-up: an entry can
//! only go to a fiche, action or indicator that is in the result, so one whose fiche was not
//! taken is left out rather than put somewhere else.

use super::{Choice, MergePlan, MergeSummary};
use crate::exchange::follow_up::{
    entries_by_owner, entries_mut, follow_up_items, put_entry, strip, with_entries_of, FollowUpKey,
};
use crate::exchange::items::{identity_of, ids_in, list_at, list_at_mut, ItemKind};
use crate::model::copy::with_fresh_ids;
use crate::model::json;
use crate::model::{Contract, Id, Timestamp};
use serde_json::Value;
use std::collections::HashMap;

/// `mine` with the plan applied: each proposal follows the user's decision, else its
/// suggestion (or, for a year's entry, the choice made for its fiche), else "keep mine".
/// `origin` names the partner in the names of doubled items.
pub fn apply_merge(
    mine: &Contract,
    theirs: &Contract,
    plan: &MergePlan,
    decisions: &HashMap<Id, Choice>,
    origin: &str,
    fresh: impl FnMut() -> Id,
    now: Timestamp,
) -> (Contract, MergeSummary) {
    let merged = json::to_tree(mine).expect("a contract always serialises");
    let their_json = json::to_tree(theirs).expect("a contract always serialises");
    let mut merging = Merging {
        kept_entries: entries_by_owner(&merged),
        merged,
        their_entries: follow_up_items(&their_json)
            .into_iter()
            .filter_map(|item| Some((item.id, (item.follow_up?, item.value))))
            .collect(),
        theirs: &their_json,
        origin,
        fresh,
        now,
    };
    let mut summary = MergeSummary::default();
    let (entries, items): (Vec<_>, Vec<_>) =
        plan.proposals.iter().partition(|p| p.kind.is_follow_up());
    for proposal in items.into_iter().chain(entries) {
        let choice = plan.choice_of(proposal, decisions).unwrap_or(Choice::KeepMine);
        let applied = match proposal.kind {
            ItemKind::Identity => take_identity(&mut merging.merged, &their_json, choice),
            kind if kind.is_follow_up() => merging.entry(kind, proposal.id, choice),
            kind => merging.list_item(kind, proposal.id, choice),
        };
        match applied {
            Applied::Added => summary.added += 1,
            Applied::Replaced => summary.replaced += 1,
            Applied::Doubled => summary.doubled += 1,
            Applied::Kept => summary.kept += 1,
        }
    }
    let mut contract: Contract = json::from_tree(&merging.merged)
        .expect("items of two valid contracts make a valid contract");
    if summary.changed_anything() {
        contract.modified_at = now;
    }
    (contract, summary)
}

enum Applied {
    Added,
    Replaced,
    Doubled,
    Kept,
}

/// The contract being merged, and what applying needs from both sides.
struct Merging<'a, F> {
    merged: Value,
    theirs: &'a Value,
    /// The follow-up of every fiche, action and indicator here, which stays with them when the
    /// file's version of their fiche is taken.
    kept_entries: HashMap<Id, Value>,
    /// The file's follow-up entries by item id.
    their_entries: HashMap<Id, (FollowUpKey, Value)>,
    origin: &'a str,
    fresh: F,
    now: Timestamp,
}

impl<F: FnMut() -> Id> Merging<'_, F> {
    fn list_item(&mut self, kind: ItemKind, id: Id, choice: Choice) -> Applied {
        let their_list = list_at(self.theirs, kind);
        let Some(their_item) = their_list.iter().find(|v| has_id(v, id)) else {
            return Applied::Kept;
        };
        let clashes = clashing_ids(&self.merged, kind, id, their_item);
        let Some(list) = list_at_mut(&mut self.merged, kind) else { return Applied::Kept };
        let here = list.iter().position(|v| has_id(v, id));
        match (choice, here) {
            (Choice::KeepMine, _) => Applied::Kept,
            // Only a hand-made file reuses an id of another item: never let two items share one.
            (Choice::TakeTheirs, Some(_)) if clashes => Applied::Kept,
            (Choice::TakeTheirs, Some(index)) => {
                list[index] = with_entries_of(kind, their_item, &self.kept_entries);
                Applied::Replaced
            }
            (Choice::TakeTheirs, None) => {
                let index = insertion_point(list, their_list, id);
                // Its follow-up arrives after it, as items of its own; a copy with fresh ids
                // takes its follow-up along, as nothing else could bring it.
                let item = if clashes {
                    with_fresh_ids(their_item, &mut self.fresh, self.now)
                } else {
                    strip(kind, their_item)
                };
                list.insert(index, item);
                Applied::Added
            }
            (Choice::KeepBoth, _) => {
                let mut copy = with_fresh_ids(their_item, &mut self.fresh, self.now);
                if let Some(Value::String(name)) = copy.get_mut(kind.name_field()) {
                    name.push_str(&format!(" (version de {})", self.origin.trim()));
                }
                let index = here.map_or_else(|| insertion_point(list, their_list, id), |i| i + 1);
                list.insert(index, copy);
                Applied::Doubled
            }
        }
    }

    /// A year's review or value: the file's entry put in place of ours, or added in year order,
    /// when its fiche, action or indicator is in the result.
    fn entry(&mut self, kind: ItemKind, id: Id, choice: Choice) -> Applied {
        if choice != Choice::TakeTheirs {
            return Applied::Kept;
        }
        let Some((key, entry)) = self.their_entries.get(&id) else { return Applied::Kept };
        let Some(entries) = entries_mut(&mut self.merged, kind, key.owner) else {
            return Applied::Kept;
        };
        if put_entry(entries, entry.clone()) {
            Applied::Added
        } else {
            Applied::Replaced
        }
    }
}

fn take_identity(merged: &mut Value, theirs: &Value, choice: Choice) -> Applied {
    if choice != Choice::TakeTheirs {
        return Applied::Kept;
    }
    if let (Value::Object(target), Value::Object(identity)) = (merged, identity_of(theirs)) {
        target.extend(identity);
    }
    Applied::Replaced
}

/// Whether an id inside `item` is already used here by anything but the item it would replace.
fn clashing_ids(merged: &Value, kind: ItemKind, id: Id, item: &Value) -> bool {
    let mut used = ids_in(merged);
    if let Some(replaced) = list_at(merged, kind).iter().find(|v| has_id(v, id)) {
        for (inner, count) in ids_in(replaced) {
            if let Some(n) = used.get_mut(inner) {
                *n -= count.min(*n);
            }
        }
    }
    ids_in(item).keys().any(|inner| used.get(inner).is_some_and(|n| *n > 0))
}

/// Where an item new to this list goes: after the nearest item that precedes it in the file
/// and is here, else before the nearest that follows it, else at the end.
fn insertion_point(list: &[Value], their_list: &[Value], id: Id) -> usize {
    let position_here = |v: &Value| list.iter().position(|mine| same_id(mine, v));
    let Some(at) = their_list.iter().position(|v| has_id(v, id)) else { return list.len() };
    their_list[..at]
        .iter()
        .rev()
        .find_map(position_here)
        .map(|i| i + 1)
        .or_else(|| their_list[at + 1..].iter().find_map(position_here))
        .unwrap_or(list.len())
}

fn has_id(value: &Value, id: Id) -> bool {
    value.get("id").and_then(Value::as_str).and_then(Id::parse) == Some(id)
}

fn same_id(a: &Value, b: &Value) -> bool {
    a.get("id").is_some() && a.get("id") == b.get("id")
}
