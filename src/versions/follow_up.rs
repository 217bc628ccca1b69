//! The yearly follow-up as merge items of its own: a year's review (bilan) of a fiche or of an
//! action, and an indicator's target and result for one year.
//!
//! Two partners fill in the follow-up of the same contract at the same time (each for the
//! actions they lead, or both for the same one in a COPIL). Were the follow-up part of the fiche,
//! filling in a review would make the whole fiche conflict with any other edit of it. So an entry
//! is an item of its own, known by what it belongs to and its year — never by a random id: two
//! partners who each fill in 2025 for the same action must meet on the same item, and conflict
//! when they disagree. The fiche and contract-indicator items are read without their follow-up
//! (`strip`), which comes back with them through these items only.

use super::item::{FollowUpKey, Item, ItemKind};
use crate::model::text::shorten;
use crate::model::{Fingerprint, Id};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

const REVIEWS: &str = "reviews";
const VALUES: &str = "values";

/// The field of an owner that holds entries of this kind.
fn field_of(kind: ItemKind) -> &'static str {
    if kind == ItemKind::Review {
        REVIEWS
    } else {
        VALUES
    }
}

/// The id of the item for `kind` entries of `owner` in `year`: the same on both sides whoever
/// wrote the entry first. Scrambled so that it never looks like, nor meets, an entity's id.
pub fn item_id(kind: ItemKind, owner: Id, year: Option<i32>) -> Id {
    fn scramble(mut x: u128) -> u128 {
        const ODD: u128 = 0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835;
        x ^= x >> 64;
        x = x.wrapping_mul(ODD);
        x ^= x >> 59;
        x = x.wrapping_mul(ODD);
        x ^ (x >> 64)
    }
    let tag: u128 = if kind == ItemKind::Review { 1 } else { 2 };
    let year = year.map_or(1 << 40, |y| u128::from(y as u32));
    Id::from_u128(scramble(scramble(owner.as_u128()) ^ (tag << 64 | year)))
}

/// An owner of follow-up entries in the contract's JSON.
struct Owner<'a> {
    kind: ItemKind,
    value: &'a Value,
    container: Id,
    /// A fiche's own reviews, rather than an action's.
    is_sheet: bool,
}

impl Owner<'_> {
    /// How a preview names it: « fiche Nutrition », « Atelier cuisine », « Taux de dépistage ».
    fn name(&self) -> String {
        let (key, fallback) = match (self.kind, self.is_sheet) {
            (ItemKind::YearValue, _) => ("name", "indicateur sans nom"),
            (_, true) => ("title", "fiche sans titre"),
            _ => ("description", "action sans description"),
        };
        let name = shorten(text(self.value, key), 60);
        match (name.trim().is_empty(), self.is_sheet) {
            (true, _) => format!("({fallback})"),
            (false, true) => format!("fiche {name}"),
            (false, false) => name,
        }
    }
}

/// Every owner of follow-up entries, in reading order: each fiche, its actions and its
/// indicators, then the contract's own indicators.
fn owners(json: &Value) -> Vec<Owner<'_>> {
    let mut found = Vec::new();
    let review =
        |value, container, is_sheet| Owner { kind: ItemKind::Review, value, container, is_sheet };
    let indicator =
        |value, container| Owner { kind: ItemKind::YearValue, value, container, is_sheet: false };
    for sheet in array(json, "sheets") {
        let Some(container) = id_of(sheet) else { continue };
        found.push(review(sheet, container, true));
        found.extend(array(sheet, "actions").iter().map(|action| review(action, container, false)));
        found.extend(array(sheet, "indicators").iter().map(|i| indicator(i, container)));
    }
    for contract_indicator in array(json, "indicators") {
        if let Some(container) = id_of(contract_indicator) {
            found.push(indicator(contract_indicator, container));
        }
    }
    found
}

/// The follow-up items of a contract's JSON. A second entry for the same owner and year (only
/// a hand-made file has one) is not an item: the merge neither compares nor brings it.
pub fn follow_up_items(json: &Value) -> Vec<Item> {
    let mut items = Vec::new();
    let mut seen = HashSet::new();
    for owner in owners(json) {
        let Some(owner_id) = id_of(owner.value) else { continue };
        for entry in array(owner.value, field_of(owner.kind)) {
            let year = year_of(entry);
            let id = item_id(owner.kind, owner_id, year);
            if !seen.insert(id) {
                continue;
            }
            let year_text = year.map_or_else(|| "sans année".to_string(), |y| y.to_string());
            let label = match owner.kind {
                ItemKind::Review => format!("Bilan {year_text} — {}", owner.name()),
                _ => format!("{} — {year_text}", owner.name()),
            };
            items.push(Item {
                kind: owner.kind,
                id,
                label,
                fingerprint: Fingerprint::of(entry),
                value: entry.clone(),
                follow_up: Some(FollowUpKey { owner: owner_id, year, container: owner.container }),
            });
        }
    }
    items
}

/// The ids of every fiche, action and indicator, the owners follow-up entries can go to, and of
/// every workshop, the owners of board items (`board`), which arrive with them the same way.
pub fn owner_ids(json: &Value) -> HashSet<Id> {
    let follow_up = owners(json).into_iter().filter_map(|o| id_of(o.value));
    follow_up.chain(super::board::workshop_ids(json)).collect()
}

/// A fiche or contract indicator without its follow-up (emptied, so that an item without any
/// has the fingerprint it always had).
pub fn strip(kind: ItemKind, item: &Value) -> Value {
    let mut item = item.clone();
    each_owner_mut(kind, &mut item, &mut |owner, field| {
        if let Some(entries) = owner.get_mut(field) {
            *entries = Value::Array(Vec::new());
        }
    });
    item
}

/// The follow-up entries of every owner in a contract's JSON, by owner id.
pub fn entries_by_owner(json: &Value) -> HashMap<Id, Value> {
    owners(json)
        .into_iter()
        .filter_map(|o| Some((id_of(o.value)?, o.value.get(field_of(o.kind))?.clone())))
        .collect()
}

/// `item` (a fiche or contract indicator taken from the file) with the follow-up that its
/// owners have here (`kept`, from `entries_by_owner`); an owner new here gets none, its entries
/// arriving as items of their own.
pub fn with_entries_of(kind: ItemKind, item: &Value, kept: &HashMap<Id, Value>) -> Value {
    let mut item = item.clone();
    each_owner_mut(kind, &mut item, &mut |owner, field| {
        let entries = id_of(owner).and_then(|id| kept.get(&id).cloned());
        if let Some(slot) = owner.get_mut(field) {
            *slot = entries.unwrap_or_else(|| Value::Array(Vec::new()));
        }
    });
    item
}

/// Calls `visit` with each owner inside a fiche (the fiche, its actions, its indicators) or a
/// contract indicator, and the field holding its entries.
fn each_owner_mut(kind: ItemKind, item: &mut Value, visit: &mut impl FnMut(&mut Value, &str)) {
    match kind {
        ItemKind::Sheet => {
            visit(item, REVIEWS);
            for action in array_mut(item, "actions") {
                visit(action, REVIEWS);
            }
            for indicator in array_mut(item, "indicators") {
                visit(indicator, VALUES);
            }
        }
        ItemKind::ContractIndicator => visit(item, VALUES),
        _ => {}
    }
}

/// The entries of `owner` in the contract's JSON, to change them; `None` when the owner is not
/// there (its fiche was not taken, or was deleted here).
pub fn entries_mut(json: &mut Value, kind: ItemKind, owner: Id) -> Option<&mut Vec<Value>> {
    let found = entities_mut(json, &["sheets", "indicators"]).find_map(|entity| {
        if has_id(entity, owner) {
            Some(entity)
        } else {
            entities_mut(entity, &["actions", "indicators"]).find(|inner| has_id(inner, owner))
        }
    });
    found?.get_mut(field_of(kind))?.as_array_mut()
}

/// The elements of the lists `keys` of an object, to change them.
fn entities_mut<'a>(
    value: &'a mut Value,
    keys: &'a [&str],
) -> impl Iterator<Item = &'a mut Value> + 'a {
    let fields = value.as_object_mut().into_iter().flat_map(|fields| fields.iter_mut());
    fields
        .filter(|(key, _)| keys.contains(&key.as_str()))
        .flat_map(|(_, list)| list.as_array_mut().into_iter().flatten())
}

/// Puts `entry` in `entries` in place of the one of its year, else in year order. Returns
/// whether it was added rather than replaced.
pub fn put_entry(entries: &mut Vec<Value>, entry: Value) -> bool {
    let year = year_of(&entry);
    if let Some(index) = entries.iter().position(|e| year_of(e) == year) {
        entries[index] = entry;
        return false;
    }
    let later = |e: &Value| match (year_of(e), year) {
        (Some(here), Some(year)) => here > year,
        (Some(_), None) => false,
        (None, _) => true,
    };
    let at = entries.iter().position(later).unwrap_or(entries.len());
    entries.insert(at, entry);
    true
}

fn year_of(entry: &Value) -> Option<i32> {
    entry.get("year").and_then(Value::as_i64).and_then(|y| i32::try_from(y).ok())
}

fn array<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn array_mut<'a>(value: &'a mut Value, key: &str) -> impl Iterator<Item = &'a mut Value> {
    value.get_mut(key).and_then(Value::as_array_mut).into_iter().flatten()
}

fn id_of(value: &Value) -> Option<Id> {
    value.get("id").and_then(Value::as_str).and_then(Id::parse)
}

fn has_id(value: &Value, id: Id) -> bool {
    id_of(value) == Some(id)
}

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or("")
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::{Action, ActionSheet, Contract, ReviewStatus, YearReview};

    #[test]
    fn an_entry_is_known_by_its_owner_year_and_kind_only() {
        let (a, b) = (Id::from_u128(1), Id::from_u128(2));
        let review = |owner, year| item_id(ItemKind::Review, owner, Some(year));
        assert_eq!(review(a, 2025), review(a, 2025));
        let all = [
            review(a, 2025),
            review(a, 2024),
            review(b, 2025),
            item_id(ItemKind::YearValue, a, Some(2025)),
            item_id(ItemKind::YearValue, a, None),
        ];
        let distinct: HashSet<Id> = all.iter().copied().chain([a, b]).collect();
        assert_eq!(distinct.len(), all.len() + 2);
    }

    /// A fiche and an action followed up, with a year written twice (as only a hand-made file
    /// has): the items' tests use it too.
    pub(in crate::versions) fn followed_up() -> Contract {
        let mut contract = Contract::blank(Id::from_u128(1), "CLS", 0);
        let mut sheet = ActionSheet::new(Id::from_u128(2), "Nutrition", 0);
        sheet.reviews.push(YearReview::with_status(2025, ReviewStatus::Done));
        let mut action = Action::new(Id::from_u128(3), "Atelier cuisine", 0);
        action.reviews.push(YearReview::with_status(2024, ReviewStatus::Postponed));
        // A second entry for the same year, as only a hand-made file has.
        action.reviews.push(YearReview::with_status(2024, ReviewStatus::Done));
        sheet.actions.push(action);
        contract.sheets.push(sheet);
        contract
    }

    #[test]
    fn entries_go_back_in_year_order_in_place_of_the_same_year() {
        let mut json = crate::model::json::to_tree(&followed_up()).unwrap();
        let owner = Id::from_u128(3);
        let entries = entries_mut(&mut json, ItemKind::Review, owner).unwrap();
        let entry = |year: i32| serde_json::json!({ "year": year, "comment": "x" });
        assert!(put_entry(entries, entry(2023)));
        assert!(!put_entry(entries, entry(2024)));
        assert!(put_entry(entries, entry(2026)));
        let years: Vec<Option<i32>> = entries.iter().map(year_of).collect();
        assert_eq!(years, [Some(2023), Some(2024), Some(2024), Some(2026)]);
        assert!(entries_mut(&mut json, ItemKind::Review, Id::from_u128(9)).is_none());
        assert!(entries_mut(&mut json, ItemKind::Review, Id::from_u128(2)).is_some());
    }
}
