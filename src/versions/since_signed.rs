//! What changed since a signed version, for the screens: the changes pending since the version
//! in force, each avenant's changes since the version before it (both with
//! `amendment_changes::changes_between`), and, cheaply enough for every keystroke, which fiches
//! changed and one fiche's fields, for the markers of the list and the fiche, and how many
//! items changed, for the contract screen's line (`count`).

mod count;

pub use count::pending_count;

use super::amendable::amendable_value;
use super::amendment_changes::{changes_between, ChangeGroup};
use super::diff::{field_changes, FieldChange, Vocabulary};
use super::item::ItemKind;
use crate::model::amendment::{signed_version, version_before};
use crate::model::json::to_tree;
use crate::model::{ActionSheet, Contract, Id};
use serde_json::Value;
use std::collections::HashSet;

/// « Modifications depuis la version en vigueur »: from the version last signed (by the
/// signature or the latest avenant) to the contract as it is; none before signing.
pub fn pending_changes(contract: &Contract) -> Vec<ChangeGroup> {
    signed_version(contract).map(|signed| changes_between(signed, contract)).unwrap_or_default()
}

/// What avenant `number` changed: from the version before it to its own frozen copy.
pub fn amendment_changes(contract: &Contract, number: u32) -> Vec<ChangeGroup> {
    let amendment = contract.amendments.iter().find(|a| a.number == number);
    let after = amendment.and_then(|a| a.frozen_copy.as_deref());
    match (version_before(contract, number), after) {
        (Some(before), Some(after)) => changes_between(before, after),
        _ => Vec::new(),
    }
}

/// How one fiche stands against the version in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetSince {
    /// Not signed yet, or nothing an avenant would record changed.
    Unchanged,
    /// Not in the version in force.
    Added,
    /// These fields changed (the same words as the avenant's list).
    Changed(Vec<FieldChange>),
}

/// The fiches that changed since the version in force (added ones included): for the list's
/// « Modifiée depuis la signature ». Fiches equal as data are skipped without writing JSON,
/// so a keystroke costs one comparison per fiche plus the fiche being typed in.
pub fn changed_sheets(contract: &Contract) -> HashSet<Id> {
    let Some(signed) = signed_version(contract) else { return HashSet::new() };
    let mut words = None;
    contract
        .sheets
        .iter()
        .filter(|sheet| match signed.sheet(sheet.id) {
            None => true,
            Some(before) if before == *sheet => false,
            Some(_) => {
                let words = words.get_or_insert_with(|| Vocabulary::of(&[signed, contract]));
                !matches!(compare(signed, sheet, words), SheetSince::Unchanged)
            }
        })
        .map(|sheet| sheet.id)
        .collect()
}

/// How fiche `id` stands against the version in force, field by field.
pub fn sheet_since_signed(contract: &Contract, id: Id) -> SheetSince {
    match (signed_version(contract), contract.sheet(id)) {
        (Some(signed), Some(sheet)) if signed.sheet(id) != Some(sheet) => {
            compare(signed, sheet, &Vocabulary::of(&[signed, contract]))
        }
        _ => SheetSince::Unchanged,
    }
}

fn compare(signed: &Contract, sheet: &ActionSheet, words: &Vocabulary) -> SheetSince {
    let Some(before) = signed.sheet(sheet.id) else { return SheetSince::Added };
    if before == sheet {
        return SheetSince::Unchanged;
    }
    let fields = field_changes(&sheet_value(before), &sheet_value(sheet), words);
    if fields.is_empty() {
        SheetSince::Unchanged
    } else {
        SheetSince::Changed(fields)
    }
}

/// A fiche as the avenant diff sees it: its JSON without its yearly follow-up.
fn sheet_value(sheet: &ActionSheet) -> Value {
    amendable_value(ItemKind::Sheet, &to_tree(sheet).unwrap_or_default())
}

/// The changes in words, one line per item and its fields, to prefill « Ce qu’il modifie »:
/// « Fiche action n°3 — Atelier cuisine (modifiée) : Actions › Atelier › Fin ; Objectifs… ».
pub fn summary(groups: &[ChangeGroup]) -> String {
    let lines: Vec<String> = groups
        .iter()
        .map(|group| {
            let change = group.change.label(group.kind);
            let fields: Vec<&str> = group.fields.iter().map(|f| f.field.as_str()).collect();
            match fields.is_empty() {
                true => format!("{} ({change})", group.title),
                false => format!("{} ({change}) : {}", group.title, fields.join(" ; ")),
            }
        })
        .collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests;
