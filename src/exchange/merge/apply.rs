//! Applying a merge plan: each proposal follows the user's choice, and what comes out is always
//! a valid contract in which no two entities share an id.
//!
//! Items of the contract's lists are applied first, then the yearly follow-up: an entry can
//! only go to a fiche, action or indicator that is in the result, so one whose fiche was not
//! taken is left out rather than put somewhere else.
//!
//! Avenants last: whatever was chosen, no two avenants leave with the same number (one that
//! arrived takes the next free number, and the summary counts it).

use super::{Choice, MergePlan, MergeSummary, Proposal, Renumbering};
use crate::exchange::follow_up::{
    entries_by_owner, entries_mut, follow_up_items, put_entry, strip, with_entries_of, FollowUpKey,
};
use crate::exchange::items::{
    amendment_number, identity_of, ids_in, list_at, list_at_mut, ItemKind,
};
use crate::model::copy::with_fresh_ids;
use crate::model::json;
use crate::model::{Contract, Id, Timestamp};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

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
    let amendments_here: HashSet<Id> = mine.amendments.iter().map(|a| a.id).collect();
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
            _ => merging.list_item(proposal, choice, &mut summary),
        };
        match applied {
            Applied::Added => summary.added += 1,
            Applied::Replaced => summary.replaced += 1,
            Applied::Doubled => summary.doubled += 1,
            Applied::Kept => summary.kept += 1,
        }
    }
    summary.renumbered += settle_numbers(&mut merging.merged, &amendments_here);
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
    fn list_item(
        &mut self,
        proposal: &Proposal,
        choice: Choice,
        summary: &mut MergeSummary,
    ) -> Applied {
        let (kind, id) = (proposal.kind, proposal.id);
        let their_list = list_at(self.theirs, kind);
        let Some(their_item) = their_list.iter().find(|v| has_id(v, id)) else {
            return Applied::Kept;
        };
        let clashes = clashing_ids(&self.merged, kind, id, their_item);
        let Some(list) = list_at_mut(&mut self.merged, kind) else { return Applied::Kept };
        let here = list.iter().position(|v| has_id(v, id));
        // The avenant here with the same number as the file's, when the user chose about it.
        let numbered = proposal.renumbering.and_then(|r| {
            let replaces = r.replaces?;
            let at = list.iter().position(|v| has_id(v, replaces))?;
            Some((r, at))
        });
        match (choice, here) {
            (Choice::KeepMine, _) => Applied::Kept,
            (Choice::TakeTheirs, None) if numbered.is_some() => {
                let (_, at) = numbered.expect("checked just above");
                list[at] = if clashes {
                    copy_of(kind, their_item, &mut self.fresh, self.now)
                } else {
                    their_item.clone()
                };
                Applied::Replaced
            }
            (Choice::KeepBoth, None) if numbered.is_some() => {
                let (Renumbering { kept_both_as, .. }, at) = numbered.expect("checked just above");
                // Its own id is new here: kept, so that the same file next time asks nothing.
                let mut item = if clashes {
                    copy_of(kind, their_item, &mut self.fresh, self.now)
                } else {
                    their_item.clone()
                };
                item["number"] = Value::from(kept_both_as);
                list.insert(at + 1, item);
                summary.renumbered += 1;
                Applied::Doubled
            }
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
                    copy_of(kind, their_item, &mut self.fresh, self.now)
                } else {
                    strip(kind, their_item)
                };
                list.insert(index, item);
                Applied::Added
            }
            (Choice::KeepBoth, _) => {
                let mut copy = copy_of(kind, their_item, &mut self.fresh, self.now);
                if let Some(Value::String(name)) = copy.get_mut(kind.name_field()) {
                    name.push_str(&format!(" (version de {})", self.origin.trim()));
                }
                if let Some(renumbering) = proposal.renumbering {
                    copy["number"] = Value::from(renumbering.kept_both_as);
                    summary.renumbered += 1;
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

/// Gives the next free number to any avenant whose number an earlier one already has, those
/// that were here before the merge keeping theirs first; returns how many were renumbered.
/// Only a choice that kept an avenant renumbered by the file beside one it did not get there.
fn settle_numbers(merged: &mut Value, here_before: &HashSet<Id>) -> usize {
    let Some(list) = list_at_mut(merged, ItemKind::Amendment) else { return 0 };
    let was_here = |v: &Value| {
        v.get("id")
            .and_then(Value::as_str)
            .and_then(Id::parse)
            .is_some_and(|id| here_before.contains(&id))
    };
    let mut taken = HashSet::new();
    let mut arrived = Vec::new();
    for (index, item) in list.iter().enumerate() {
        let number = amendment_number(item);
        if was_here(item) && taken.insert(number) {
            continue;
        }
        arrived.push(index);
    }
    let mut next = list.iter().filter_map(amendment_number).max().unwrap_or(0);
    let mut renumbered = 0;
    for index in arrived {
        let number = amendment_number(&list[index]);
        if taken.insert(number) {
            continue;
        }
        next = next.saturating_add(1);
        list[index]["number"] = Value::from(next);
        taken.insert(Some(next));
        renumbered += 1;
    }
    renumbered
}

/// A copy of an item of the file with fresh ids. An avenant's frozen copy keeps the ids it
/// has: they are those of the contract's fiches and actions, which it records at a time.
fn copy_of(kind: ItemKind, item: &Value, fresh: &mut impl FnMut() -> Id, now: Timestamp) -> Value {
    if kind != ItemKind::Amendment {
        return with_fresh_ids(item, fresh, now);
    }
    let mut copy = item.clone();
    copy["id"] = Value::from(fresh().to_string());
    copy["modified_at"] = Value::from(now);
    copy
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
