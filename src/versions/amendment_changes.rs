//! What an avenant changes: the differences between two versions of the contract (the signed one
//! and the next, or one avenant's and the next's), item by item and field by field, in the
//! words of the import preview (`versions::diff`, the same code).
//!
//! Grouped as a reader of an avenant expects: the contract's own fields first, then each
//! organisation, body, finding, axis, each fiche action by its number, each contract indicator.
//! The yearly follow-up (reviews, targets and results) and the meetings held are left out:
//! filling in a year's bilan or recording a COPIL is living with the contract, not amending it. So are the signature and the avenants
//! themselves, which are what records the versions.

use super::amendable::amendable_value;
use super::diff::{field_changes, FieldChange, Vocabulary};
use super::item::{Item, ItemKind};
use super::items::items_of;
use crate::model::amendment::frozen;
use crate::model::numbering::Numbering;
use crate::model::Contract;
use serde_json::Value;

/// What happened to one item between the two versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Added,
    Removed,
    Changed,
}

impl Change {
    /// Said after the item's title, in the feminine or masculine of its kind.
    pub fn label(self, kind: ItemKind) -> &'static str {
        let feminine = matches!(
            kind,
            ItemKind::Organisation | ItemKind::GovernanceBody | ItemKind::Meeting | ItemKind::Sheet
        );
        match (self, feminine) {
            (Change::Added, true) => "ajoutée",
            (Change::Added, false) => "ajouté",
            (Change::Removed, true) => "supprimée",
            (Change::Removed, false) => "supprimé",
            (Change::Changed, true) => "modifiée",
            (Change::Changed, false) => "modifié",
        }
    }
}

/// One item that differs, with its fields: in each [`FieldChange`], `mine` is the value before
/// and `theirs` the value after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeGroup {
    pub kind: ItemKind,
    /// « Fiche action n°3 — Atelier cuisine », « Organisation — CPAM du Cantal ».
    pub title: String,
    pub change: Change,
    /// For an added item, the fields it fills in; for a removed one, none.
    pub fields: Vec<FieldChange>,
}

/// Everything that differs from `before` to `after`, in reading order (see the module's doc).
pub fn changes_between(before: &Contract, after: &Contract) -> Vec<ChangeGroup> {
    let (before, after) = (frozen(before), frozen(after));
    let words = Vocabulary::of(&[&before, &after]);
    let titles = Titles { before: Numbering::of(&before), after: Numbering::of(&after) };
    let old = amendable_items(&before);
    let new = amendable_items(&after);
    let mut groups = Vec::new();
    for item in &new {
        let previous = old.iter().find(|o| o.kind == item.kind && o.id == item.id);
        let (change, fields) = match previous {
            Some(previous) if previous.fingerprint == item.fingerprint => continue,
            Some(previous) => {
                (Change::Changed, field_changes(&previous.value, &item.value, &words))
            }
            None => (Change::Added, filled_in(&item.value, &words)),
        };
        if change == Change::Changed && fields.is_empty() {
            continue;
        }
        groups.push(ChangeGroup { kind: item.kind, title: titles.after(item), change, fields });
    }
    for item in old.iter().filter(|o| !new.iter().any(|n| n.kind == o.kind && n.id == o.id)) {
        let title = titles.before(item);
        groups.push(ChangeGroup {
            kind: item.kind,
            title,
            change: Change::Removed,
            fields: vec![],
        });
    }
    groups.sort_by_key(|g| kind_rank(g.kind));
    groups
}

/// The items an avenant can change, fiches in their numbered order.
fn amendable_items(contract: &Contract) -> Vec<Item> {
    let numbering = Numbering::of(contract);
    let mut items: Vec<Item> = items_of(contract)
        .into_iter()
        .filter(|item| amendable(item.kind))
        .map(|mut item| {
            item.value = amendable_value(item.kind, &item.value);
            item
        })
        .collect();
    items.sort_by_key(|item| (kind_rank(item.kind), sheet_rank(&numbering, item)));
    items
}

/// Not the follow-up nor the meetings held (see the module's doc).
fn amendable(kind: ItemKind) -> bool {
    !kind.is_follow_up()
        && !kind.is_board()
        && !matches!(kind, ItemKind::Meeting | ItemKind::Workshop)
}

fn sheet_rank(numbering: &Numbering, item: &Item) -> usize {
    match item.kind {
        ItemKind::Sheet => {
            numbering.get(item.id).and_then(|n| n.parse().ok()).unwrap_or(usize::MAX)
        }
        _ => 0,
    }
}

fn kind_rank(kind: ItemKind) -> usize {
    match kind {
        ItemKind::Identity => 0,
        other => {
            1 + ItemKind::LISTS.iter().position(|k| *k == other).unwrap_or(ItemKind::LISTS.len())
        }
    }
}

/// What a new item holds: its filled-in fields, as differences from nothing.
fn filled_in(value: &Value, words: &Vocabulary) -> Vec<FieldChange> {
    let mut filled = field_changes(&Value::Object(Default::default()), value, words);
    filled.retain(|change| change.theirs != "—");
    filled
}

/// Titles of items, a fiche by its number in the version it belongs to.
struct Titles {
    before: Numbering,
    after: Numbering,
}

impl Titles {
    fn after(&self, item: &Item) -> String {
        title(&self.after, item)
    }

    fn before(&self, item: &Item) -> String {
        title(&self.before, item)
    }
}

fn title(numbering: &Numbering, item: &Item) -> String {
    match item.kind {
        ItemKind::Identity => "Le contrat".into(),
        ItemKind::Sheet => match numbering.get(item.id) {
            Some(number) => format!("Fiche action n°{number} — {}", item.label),
            None => format!("Fiche action — {}", item.label),
        },
        kind => format!("{} — {}", kind.label(), item.label),
    }
}

#[cfg(test)]
mod tests;
