//! How many items changed since the version in force, for the contract screen's line « N
//! éléments modifiés depuis la version en vigueur », recomputed on every edit of the contract.
//!
//! The same number as `pending_changes(contract).len()`, without its cost: that one writes both
//! versions whole as JSON and words every change of every item. Here items equal as data (all
//! but the one being typed in, usually) are passed over with `==`, which is exact because every
//! model type derives `PartialEq` and `Serialize` over plain fields (no maps, no floats): equal
//! data make equal JSON, hence equal fingerprints, hence no group. Only items that differ as
//! data are written as JSON and diffed, as `changes_between` does, so that what the avenant
//! diff ignores (time stamps, the yearly follow-up) is ignored here too.

use crate::model::amendment::signed_version;
use crate::model::json::to_tree;
use crate::model::{Contract, Governance, Id, Signing};
use crate::versions::amendable::amendable_value;
use crate::versions::diff::{field_changes, Vocabulary};
use crate::versions::item::ItemKind;
use crate::versions::items::identity_of;
use serde::Serialize;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// The number of groups `pending_changes` lists: items added, removed, or changed in a way an
/// avenant records; 0 before signing.
pub fn pending_count(contract: &Contract) -> usize {
    let Some(signed) = signed_version(contract) else { return 0 };
    let mut counter = Counter { versions: [signed, contract], words: None };
    let identity = counter.list(ItemKind::Identity, &[shell(signed)], &[shell(contract)], |c| c.id);
    let lists: usize =
        ItemKind::LISTS.iter().map(|kind| counter.kind(*kind, signed, contract)).sum();
    identity + lists
}

/// Counts item by item; the vocabulary that `field_changes` needs is gathered only once an
/// item differs as data.
struct Counter<'a> {
    versions: [&'a Contract; 2],
    words: Option<Vocabulary>,
}

impl Counter<'_> {
    /// The groups of one kind of item. The match has no catch-all so that a new kind of item
    /// needs a decision here too.
    fn kind(&mut self, kind: ItemKind, before: &Contract, after: &Contract) -> usize {
        let (b, a) = (&before.governance, &after.governance);
        match kind {
            ItemKind::Organisation => {
                self.list(kind, &before.organisations, &after.organisations, |o| o.id)
            }
            ItemKind::GovernanceBody => self.list(kind, &b.bodies, &a.bodies, |g| g.id),
            ItemKind::Member => self.list(kind, &b.members, &a.members, |m| m.id),
            ItemKind::Finding => self.list(kind, &before.diagnostic, &after.diagnostic, |f| f.id),
            ItemKind::Axis => self.list(kind, &before.axes, &after.axes, |x| x.id),
            ItemKind::Sheet => self.list(kind, &before.sheets, &after.sheets, |s| s.id),
            ItemKind::ContractIndicator => {
                self.list(kind, &before.indicators, &after.indicators, |i| i.id)
            }
            // Not amendable (`amendment_changes::amendable`), or dropped from both versions
            // by `amendment::frozen` (the avenants), or counted apart (the identity).
            ItemKind::Identity
            | ItemKind::Meeting
            | ItemKind::Review
            | ItemKind::YearValue
            | ItemKind::Amendment
            | ItemKind::Workshop
            | ItemKind::WorkshopNote
            | ItemKind::WorkshopGroup
            | ItemKind::WorkshopVote => 0,
        }
    }

    /// As `changes_between` pairs them: an item of `after` is compared with the first of
    /// `before` with its id, is added when there is none, and each item of `before` whose id
    /// is gone is removed.
    fn list<T: PartialEq + Serialize>(
        &mut self,
        kind: ItemKind,
        before: &[T],
        after: &[T],
        id: impl Fn(&T) -> Id,
    ) -> usize {
        let mut first = HashMap::new();
        for item in before {
            first.entry(id(item)).or_insert(item);
        }
        let kept: HashSet<Id> = after.iter().map(&id).collect();
        let changed = after
            .iter()
            .filter(|item| match first.get(&id(item)) {
                None => true,
                Some(previous) => *previous != *item && self.differs(kind, *previous, item),
            })
            .count();
        changed + before.iter().filter(|item| !kept.contains(&id(item))).count()
    }

    /// Whether the avenant diff finds a field changed between two versions of an item.
    fn differs<T: Serialize>(&mut self, kind: ItemKind, before: &T, after: &T) -> bool {
        let versions = self.versions;
        let words = self.words.get_or_insert_with(|| Vocabulary::of(&versions));
        !field_changes(&value_of(kind, before), &value_of(kind, after), words).is_empty()
    }
}

/// An item's JSON as the avenant diff reads it (`items::items_of_json`).
fn value_of<T: Serialize>(kind: ItemKind, item: &T) -> Value {
    let json = to_tree(item).unwrap_or_default();
    match kind {
        ItemKind::Identity => identity_of(&json),
        _ => amendable_value(kind, &json),
    }
}

/// The contract's identity without cloning its lists: its own fields, with what
/// `items::identity_of` and `amendment::frozen` leave out emptied (the time stamp, the lists,
/// the frozen copy). Written field by field, without `..`, so that a new field of the contract
/// needs a decision here too.
fn shell(contract: &Contract) -> Contract {
    let Signing { date, place, frozen_copy: _ } = &contract.signing;
    Contract {
        id: contract.id,
        modified_at: 0,
        name: contract.name.clone(),
        fictional: contract.fictional,
        generation: contract.generation,
        period: contract.period,
        territory: contract.territory.clone(),
        leads: contract.leads.clone(),
        texts: contract.texts.clone(),
        signing: Signing { date: date.clone(), place: place.clone(), frozen_copy: None },
        coordinator: contract.coordinator.clone(),
        organisations: Vec::new(),
        governance: Governance::default(),
        diagnostic: Vec::new(),
        previous_review: contract.previous_review.clone(),
        axes: Vec::new(),
        sheets: Vec::new(),
        indicators: Vec::new(),
        amendments: Vec::new(),
        collections: Vec::new(),
        workshops: Vec::new(),
    }
}
