//! Applying a merge plan: each proposal follows the user's choice, and what comes out is always
//! a valid contract in which no two entities share an id.
//!
//! Items of the contract's lists are applied first, then the yearly follow-up: an entry can
//! only go to a fiche, action or indicator that is in the result, so one whose fiche was not
//! taken is left out rather than put somewhere else.
//!
//! A note, group or vote of a workshop's board goes into its workshop in the result, after the
//! workshops themselves: one whose workshop was not taken is left out, as a year's entry is.
//! A workshop taken from the file keeps the board it has here; the file's board comes item by
//! item.
//!
//! Avenants last: whatever was chosen, no two avenants leave with the same number (one that
//! arrived takes the next free number, and the summary counts it).
//!
//! An item merged field by field (`Proposal::fields`) is ours with the fields taken from the
//! file put in (`with_fields`): what only the file changed, and what the user chose to take.

use super::{Choice, MergePlan, MergeSummary, Proposal, Renumbering};
use crate::model::copy::with_fresh_ids;
use crate::model::json;
use crate::model::{Contract, Id, Timestamp};
use crate::versions::board;
use crate::versions::follow_up::{
    entries_by_owner, entries_mut, follow_up_items, put_entry, strip, with_entries_of,
};
use crate::versions::item::{FollowUpKey, ItemKind};
use crate::versions::items::{amendment_number, identity_of, ids_in, list_at, list_at_mut};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// A merge to apply: the partner's contract, the plan made against the contract here and the
/// user's decisions on it, and what the merge writes with.
pub struct MergeRequest<'a, F: FnMut() -> Id> {
    pub theirs: &'a Contract,
    pub plan: &'a MergePlan,
    pub decisions: &'a HashMap<Id, Choice>,
    /// Who sent the file: names the partner in the names of doubled items.
    pub origin: &'a str,
    /// Where the fresh ids of doubled items come from.
    pub fresh: F,
    /// The time stamp of what the merge changes.
    pub now: Timestamp,
}

impl<F: FnMut() -> Id> MergeRequest<'_, F> {
    /// `mine` with the plan applied: each proposal follows the user's decision, else its
    /// suggestion (or, for a year's entry, the choice made for its fiche), else "keep mine".
    pub fn apply(self, mine: &Contract) -> (Contract, MergeSummary) {
        apply(mine, self)
    }
}

fn apply<F: FnMut() -> Id>(
    mine: &Contract,
    request: MergeRequest<'_, F>,
) -> (Contract, MergeSummary) {
    let MergeRequest { theirs, plan, decisions, origin, fresh, now } = request;
    let mut merged = json::to_tree(mine).expect("a contract always serialises");
    // Left out of the JSON while empty: a workshop of the file needs the list to go into.
    if let Value::Object(fields) = &mut merged {
        fields.entry("workshops").or_insert_with(|| Value::Array(Vec::new()));
    }
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
        ids_here: None,
    };
    let mut summary = MergeSummary::default();
    let (entries, items): (Vec<_>, Vec<_>) =
        plan.proposals.iter().partition(|p| p.kind.is_follow_up());
    for proposal in items.into_iter().chain(entries) {
        let choice = plan.choice_of(proposal, decisions).unwrap_or(Choice::KeepMine);
        let taken = plan.fields_taken(proposal, decisions);
        let taken = Taken { all: taken.is_none(), keys: taken.unwrap_or_default() };
        let applied = match proposal.kind {
            ItemKind::Identity => take_identity(&mut merging.merged, &their_json, choice, &taken),
            kind if kind.is_follow_up() => merging.entry(kind, proposal.id, choice, &taken),
            kind if kind.is_board() => merging.board_item(proposal, choice, &taken),
            _ => merging.list_item(proposal, choice, &taken, &mut summary),
        };
        let applied = match applied {
            Applied::Replaced => taken.applied(proposal),
            other => other,
        };
        match applied {
            Applied::Added => summary.added += 1,
            Applied::Replaced => summary.replaced += 1,
            Applied::Merged => summary.merged += 1,
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
    /// Some fields taken from the file, others kept.
    Merged,
    Doubled,
    Kept,
}

/// What « take the file's version » takes: the whole item, or the keys of some of its fields.
struct Taken {
    all: bool,
    keys: Vec<String>,
}

impl Taken {
    /// The file's version where the whole item is taken, else ours with the fields taken.
    fn incoming(&self, mine: &Value, theirs: &Value) -> Value {
        if self.all {
            theirs.clone()
        } else {
            with_fields(mine, theirs, &self.keys)
        }
    }

    /// What taking the file's version did to an item present on both sides: replaced it, or,
    /// field by field, merged it (or nothing, when every field stayed ours).
    fn applied(&self, proposal: &Proposal) -> Applied {
        match (self.all, self.keys.len()) {
            (true, _) => Applied::Replaced,
            (false, 0) => Applied::Kept,
            (false, n) if n == proposal.fields.len() => Applied::Replaced,
            _ => Applied::Merged,
        }
    }
}

/// `mine` with the fields `keys` as `theirs` has them (taken out where theirs has none); its
/// time stamp is the later of the two.
fn with_fields(mine: &Value, theirs: &Value, keys: &[String]) -> Value {
    let mut merged = mine.clone();
    if let Value::Object(fields) = &mut merged {
        for key in keys {
            match theirs.get(key) {
                Some(value) => fields.insert(key.clone(), value.clone()),
                None => fields.remove(key),
            };
        }
        let stamp = |v: &Value| v.get("modified_at").and_then(Value::as_i64);
        if let (Some(ours), Some(their)) = (stamp(mine), stamp(theirs)) {
            fields.insert("modified_at".into(), Value::from(ours.max(their)));
        }
    }
    merged
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
    /// Every id in the result, gathered once at the first board item that arrives (they come
    /// after the contract's lists): a sub-group's board brings hundreds of notes, and walking
    /// the whole contract for each would be quadratic.
    ids_here: Option<HashSet<String>>,
}

impl<F: FnMut() -> Id> Merging<'_, F> {
    fn list_item(
        &mut self,
        proposal: &Proposal,
        choice: Choice,
        taken: &Taken,
        summary: &mut MergeSummary,
    ) -> Applied {
        let (kind, id) = (proposal.kind, proposal.id);
        let their_list = list_at(self.theirs, kind);
        let Some(their_item) = their_list.iter().find(|v| has_id(v, id)) else {
            return Applied::Kept;
        };
        // Field by field, what takes the place of ours is ours with the fields taken.
        let mine = list_at(&self.merged, kind).iter().find(|v| has_id(v, id));
        let incoming = match mine {
            // A workshop keeps its board here: the file's comes item by item.
            Some(mine) if choice == Choice::TakeTheirs && kind == ItemKind::Workshop => {
                board::with_board_of(&taken.incoming(mine, their_item), mine)
            }
            Some(mine) if choice == Choice::TakeTheirs => taken.incoming(mine, their_item),
            _ => their_item.clone(),
        };
        let clashes = clashing_ids(&self.merged, kind, id, &incoming);
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
                list[index] = with_entries_of(kind, &incoming, &self.kept_entries);
                Applied::Replaced
            }
            // Its board arrives after it, item by item, as a fiche's follow-up does.
            (Choice::TakeTheirs, None) if kind == ItemKind::Workshop && !clashes => {
                let index = insertion_point(list, their_list, id);
                list.insert(index, board::strip(their_item));
                Applied::Added
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

    /// A note, group or vote of a board: the file's version put in place of ours, added where
    /// the file has it, or doubled (a note or group, named « … (version de …) »), in its
    /// workshop when that one is in the result.
    fn board_item(&mut self, proposal: &Proposal, choice: Choice, taken: &Taken) -> Applied {
        let (kind, id) = (proposal.kind, proposal.id);
        let Some((workshop, their_list, their_item)) = board::find(self.theirs, kind, id) else {
            return Applied::Kept;
        };
        if choice == Choice::KeepMine {
            return Applied::Kept;
        }
        // Only a hand-made file reuses the id of something else here.
        let used_here = board::find(&self.merged, kind, id).is_none() && self.id_used(id);
        let Some(list) = board::list_mut(&mut self.merged, kind, workshop) else {
            return Applied::Kept;
        };
        let here = list.iter().position(|v| has_id(v, id));
        match (choice, here) {
            (Choice::TakeTheirs, Some(index)) => {
                list[index] = taken.incoming(&list[index], their_item);
                Applied::Replaced
            }
            (Choice::TakeTheirs, None) => {
                let index = insertion_point(list, their_list, id);
                let item = if used_here {
                    copy_of(kind, their_item, &mut self.fresh, self.now)
                } else {
                    their_item.clone()
                };
                if let Some(ids) = &mut self.ids_here {
                    ids.extend(ids_in(&item).into_keys().map(str::to_string));
                }
                list.insert(index, item);
                Applied::Added
            }
            _ => {
                let mut copy = copy_of(kind, their_item, &mut self.fresh, self.now);
                if let Some(Value::String(name)) = copy.get_mut(kind.name_field()) {
                    name.push_str(&format!(" (version de {})", self.origin.trim()));
                }
                let index = here.map_or_else(|| insertion_point(list, their_list, id), |i| i + 1);
                list.insert(index, copy);
                Applied::Doubled
            }
        }
    }

    /// Whether `id` is already used anywhere in the result.
    fn id_used(&mut self, id: Id) -> bool {
        let merged = &self.merged;
        let ids = self.ids_here.get_or_insert_with(|| {
            ids_in(merged).into_keys().map(str::to_string).collect::<HashSet<String>>()
        });
        ids.contains(&id.to_string())
    }

    /// A year's review or value: the file's entry put in place of ours, or added in year order,
    /// when its fiche, action or indicator is in the result.
    fn entry(&mut self, kind: ItemKind, id: Id, choice: Choice, taken: &Taken) -> Applied {
        if choice != Choice::TakeTheirs {
            return Applied::Kept;
        }
        let Some((key, entry)) = self.their_entries.get(&id) else { return Applied::Kept };
        let Some(entries) = entries_mut(&mut self.merged, kind, key.owner) else {
            return Applied::Kept;
        };
        let same_year = |e: &&Value| e.get("year") == entry.get("year");
        let entry = match entries.iter().find(same_year) {
            Some(mine) => taken.incoming(mine, entry),
            None => entry.clone(),
        };
        if put_entry(entries, entry) {
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

fn take_identity(merged: &mut Value, theirs: &Value, choice: Choice, taken: &Taken) -> Applied {
    if choice != Choice::TakeTheirs {
        return Applied::Kept;
    }
    if let (Value::Object(target), Value::Object(mut identity)) = (merged, identity_of(theirs)) {
        if !taken.all {
            for key in &taken.keys {
                if !identity.contains_key(key) {
                    target.remove(key);
                }
            }
            identity.retain(|key, _| taken.keys.contains(key));
        }
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
