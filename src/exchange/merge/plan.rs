//! The plan of a merge: where each item of the file stands against the contract here, and for
//! avenants, whether the file's number is already taken here by another one.

use super::{
    field_id, Carrier, ChangedBy, Choice, FieldMerge, MergePlan, Proposal, Renumbering, Status,
};
use crate::model::json;
use crate::model::shared_versions::{field_fingerprint, field_keys};
use crate::model::{Contract, Id, SharedVersions};
use crate::versions::diff::{field_changes, field_label, field_rank, FieldChange, Vocabulary};
use crate::versions::follow_up::owner_ids;
use crate::versions::item::{FollowUpKey, Item, ItemKind};
use crate::versions::items::{amendment_number, items_of, items_of_json};
use serde_json::{Map, Value};
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
    let their_items = items_of(theirs);
    for item in &their_items {
        let verdict = match item.follow_up {
            Some(key) if !owners_here.contains(&key.owner) => {
                let carrier = carriers.get(&key.container).map(|&i| &plan.proposals[i]);
                Verdict::Propose(carried(item, key, carrier, shared, &words))
            }
            _ => compare(here.get(&(item.kind, item.id)), item, shared, &ids_here, &words),
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
    number_amendments(&mut plan, &here, &their_items, &words);
    plan
}

/// Avenants are numbered: an avenant of the file that is not here (by id) but whose number one
/// here already has is a conflict (both partners wrote « avenant n°2 »), shown against that one;
/// and every avenant that could be kept beside another gets the next free number for that case.
/// An avenant here that the file itself renumbers is not in the way.
fn number_amendments(
    plan: &mut MergePlan,
    here: &HashMap<(ItemKind, Id), Item>,
    theirs: &[Item],
    words: &Vocabulary,
) {
    let amendments = |items: &mut dyn Iterator<Item = &Item>| -> Vec<(Id, u32)> {
        items
            .filter(|i| i.kind == ItemKind::Amendment)
            .filter_map(|i| Some((i.id, amendment_number(&i.value)?)))
            .collect()
    };
    let mut mine = amendments(&mut here.values());
    mine.sort_unstable();
    let their_numbers: HashMap<Id, u32> = amendments(&mut theirs.iter()).into_iter().collect();
    let numbers = mine.iter().map(|(_, n)| *n).chain(their_numbers.values().copied());
    let mut next = numbers.max().unwrap_or(0);
    for proposal in plan.proposals.iter_mut().filter(|p| p.kind == ItemKind::Amendment) {
        let Some(&number) = their_numbers.get(&proposal.id) else { continue };
        let absent_here = matches!(proposal.status, Status::New | Status::DeletedHere);
        let in_the_way = mine.iter().find(|(id, n)| {
            *id != proposal.id
                && *n == number
                && their_numbers.get(id).is_none_or(|in_file| *in_file == number)
        });
        let replaces = match (absent_here, in_the_way) {
            (true, Some((other, _))) => Some(*other),
            (true, None) => continue,
            (false, _) => None,
        };
        if let Some(other) = replaces.and_then(|id| here.get(&(ItemKind::Amendment, id))) {
            let their_value = theirs.iter().find(|i| i.id == proposal.id).map(|i| &i.value);
            if let Some(their_value) = their_value {
                proposal.changes = field_changes(&other.value, their_value, words);
            }
            proposal.label = other.label.clone();
            proposal.status = Status::Conflict;
            proposal.suggested = None;
        }
        next = next.saturating_add(1);
        proposal.renumbering = Some(Renumbering { number, replaces, kept_both_as: next });
    }
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
            renumbering: None,
            fields: Vec::new(),
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
    if shared.knows_fields(item.id) {
        return compare_fields(mine, item, shared, words);
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

/// An item changed since the last exchange whose fields' shared versions are known: field by
/// field, the same rule as for whole items. A field whose value here was shared while the
/// file's was not changed there; one whose value in the file is an older shared one than ours
/// changed here; neither shared, it changed on both sides.
fn compare_fields(
    mine: &Item,
    item: &Item,
    shared: &SharedVersions,
    words: &Vocabulary,
) -> Verdict {
    let mut keys: Vec<&String> = field_keys(&mine.value).collect();
    keys.extend(field_keys(&item.value).filter(|k| mine.value.get(k.as_str()).is_none()));
    keys.sort_by_key(|k| field_rank(k));
    let mut fields = Vec::new();
    for key in keys {
        let (ours, theirs) =
            (field_fingerprint(&mine.value, key), field_fingerprint(&item.value, key));
        if ours == theirs {
            continue;
        }
        let changed_by = match (
            shared.field_rank(item.id, key, ours),
            shared.field_rank(item.id, key, theirs),
        ) {
            (None, Some(_)) => ChangedBy::Here,
            (Some(ours), Some(their)) if their < ours => ChangedBy::Here,
            (Some(_), _) => ChangedBy::There,
            (None, None) => ChangedBy::Both,
        };
        let alone = |value: &Value| {
            let mut object = Map::new();
            if let Some(field) = value.get(key.as_str()) {
                object.insert(key.clone(), field.clone());
            }
            Value::Object(object)
        };
        fields.push(FieldMerge {
            key: key.clone(),
            id: field_id(item.id, key),
            label: field_label(key),
            changed_by,
            changes: field_changes(&alone(&mine.value), &alone(&item.value), words),
        });
    }
    let by = |side| fields.iter().any(|f| f.changed_by == side);
    let status = match (by(ChangedBy::Both), by(ChangedBy::There)) {
        (true, _) => Status::Conflict,
        (false, true) => Status::ChangedThere,
        (false, false) if fields.is_empty() => return Verdict::Unchanged,
        (false, false) => return Verdict::NewerHere,
    };
    Verdict::Propose(Proposal {
        kind: item.kind,
        id: item.id,
        // The name it has here: the one the user knows it by.
        label: mine.label.clone(),
        status,
        changes: fields.iter().flat_map(|f| f.changes.iter().cloned()).collect(),
        suggested: Some(Choice::TakeTheirs),
        carried: None,
        renumbering: None,
        fields,
    })
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
        renumbering: None,
        fields: Vec::new(),
    }
}

/// What an item absent here holds, as differences from nothing: the fields it fills in.
fn contents(item: &Item, words: &Vocabulary) -> Vec<FieldChange> {
    let mut filled = field_changes(&Value::Object(Default::default()), &item.value, words);
    filled.retain(|change| change.theirs != "—");
    filled
}
