//! The plan of a merge: where each item of the file stands against the contract here.

use super::{Carrier, Choice, MergePlan, Proposal, Status};
use crate::exchange::diff::{field_changes, FieldChange, Vocabulary};
use crate::exchange::follow_up::{owner_ids, FollowUpKey};
use crate::exchange::items::{items_of, items_of_json, Item, ItemKind};
use crate::model::json;
use crate::model::{Contract, Id, SharedVersions};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// What the file would change in `mine` (the same contract, by id), item by item.
pub fn plan_merge(mine: &Contract, theirs: &Contract, shared: &SharedVersions) -> MergePlan {
    let words = Vocabulary::of(&[mine, theirs]);
    let mine_json = json::to_tree(mine).expect("a contract always serialises");
    let owners_here = owner_ids(&mine_json);
    let here: HashMap<(ItemKind, Id), Item> =
        items_of_json(&mine_json, mine.id).into_iter().map(|i| ((i.kind, i.id), i)).collect();
    let ids_here: HashSet<Id> = here.keys().map(|(_, id)| *id).collect();
    let mut plan = MergePlan { proposals: Vec::new(), unchanged: 0, newer_here: 0 };
    // The proposals for fiches and contract indicators, by id: what an entry may arrive with.
    let mut carriers: HashMap<Id, usize> = HashMap::new();
    for item in items_of(theirs) {
        let verdict = match item.follow_up {
            Some(key) if !owners_here.contains(&key.owner) => {
                let carrier = carriers.get(&key.container).map(|&i| &plan.proposals[i]);
                Verdict::Propose(carried(&item, key, carrier, shared, &words))
            }
            _ => compare(here.get(&(item.kind, item.id)), &item, shared, &ids_here, &words),
        };
        match verdict {
            Verdict::Unchanged => plan.unchanged += 1,
            Verdict::NewerHere => plan.newer_here += 1,
            Verdict::Propose(proposal) => {
                if !proposal.kind.is_follow_up() {
                    carriers.insert(proposal.id, plan.proposals.len());
                }
                plan.proposals.push(proposal);
            }
        }
    }
    plan
}

enum Verdict {
    /// Identical on both sides.
    Unchanged,
    /// Changed here only since the last exchange: ours stays.
    NewerHere,
    Propose(Proposal),
}

/// An item of the file against the same item here, if any.
fn compare(
    mine: Option<&Item>,
    item: &Item,
    shared: &SharedVersions,
    ids_here: &HashSet<Id>,
    words: &Vocabulary,
) -> Verdict {
    let proposal = |label: &str, status, changes, suggested| {
        Verdict::Propose(Proposal {
            kind: item.kind,
            id: item.id,
            label: label.to_string(),
            status,
            changes,
            suggested,
            carried: None,
        })
    };
    let Some(mine) = mine else {
        if shared.knows(item.id) && !ids_here.contains(&item.id) {
            let unchanged_since = shared.rank(item.id, item.fingerprint).is_some();
            let suggested = unchanged_since.then_some(Choice::KeepMine);
            return proposal(&item.label, Status::DeletedHere, contents(item, words), suggested);
        }
        let suggested = Some(Choice::TakeTheirs);
        return proposal(&item.label, Status::New, contents(item, words), suggested);
    };
    if mine.fingerprint == item.fingerprint {
        return Verdict::Unchanged;
    }
    let (status, suggested) =
        match (shared.rank(item.id, mine.fingerprint), shared.rank(item.id, item.fingerprint)) {
            (None, Some(_)) => return Verdict::NewerHere,
            (Some(ours), Some(their)) if their < ours => return Verdict::NewerHere,
            (Some(_), _) => (Status::ChangedThere, Some(Choice::TakeTheirs)),
            (None, None) => (Status::Conflict, None),
        };
    // The name it has here: the one the user knows it by.
    let changes = field_changes(&mine.value, &item.value, words);
    proposal(&mine.label, status, changes, suggested)
}

/// A year's review or value whose fiche, action or indicator is not here: it arrives with the
/// file's fiche or indicator when that one is proposed (new, or deleted here), and follows the
/// choice made for it; else what it belongs to was deleted here, and it stays out.
fn carried(
    item: &Item,
    key: FollowUpKey,
    carrier: Option<&Proposal>,
    shared: &SharedVersions,
    words: &Vocabulary,
) -> Proposal {
    let known = if shared.knows(item.id) { Status::DeletedHere } else { Status::New };
    let (status, suggested, carried) = match carrier {
        Some(carrier) => {
            (known, carrier.suggested.map(Choice::for_entry), Carrier::Item(key.container))
        }
        None => (Status::DeletedHere, Some(Choice::KeepMine), Carrier::Gone),
    };
    Proposal {
        kind: item.kind,
        id: item.id,
        label: item.label.clone(),
        status,
        changes: contents(item, words),
        suggested,
        carried: Some(carried),
    }
}

/// What an item absent here holds, as differences from nothing: the fields it fills in.
fn contents(item: &Item, words: &Vocabulary) -> Vec<FieldChange> {
    let mut filled = field_changes(&Value::Object(Default::default()), &item.value, words);
    filled.retain(|change| change.theirs != "—");
    filled
}
