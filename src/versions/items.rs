//! The units a merge works with: the contract's identity (name, period, territory, co-leads,
//! texts, signing with its frozen copy, coordination, the previous contract's bilan) and each
//! organisation, governance body, member and meeting, finding of the diagnostic, axis (with its
//! strategic objectives), fiche action (with everything in it but its follow-up), contract
//! indicator and avenant (with the version it froze); then the follow-up, each year's review of a fiche or an
//! action and each year's target and result of an indicator (`follow_up`).
//!
//! A partner's file is merged item by item, and an item both sides changed field by field, a
//! field being a top-level field of the item (a fiche's title, its « Moyens humains », its
//! actions as a whole): what comes out is always made of values someone actually wrote. Its
//! yearly follow-up is apart, so that filling in a year never makes the whole fiche conflict.
//! Items are read from the contract's JSON, so a field added to the model later takes part in
//! fingerprints, diffs and merges without touching this file.

use super::follow_up::{follow_up_items, strip};
use super::item::{Item, ItemKind};
use crate::model::amendment::FROZEN_COPY_KEY;
use crate::model::text::shorten;
use crate::model::{Body, Contract, Fingerprint, Id, SharedVersions};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Contract fields that are lists of items rather than part of its identity.
const LIST_FIELDS: [&str; 8] = [
    "organisations",
    "governance",
    "diagnostic",
    "axes",
    "sheets",
    "indicators",
    "amendments",
    "workshops",
];

/// Every item of a contract: the identity first, then each list in `ItemKind::LISTS` order,
/// then the workshops' boards, then the follow-up.
pub fn items_of(contract: &Contract) -> Vec<Item> {
    let json = crate::model::json::to_tree(contract).expect("a contract always serialises");
    items_of_json(&json, contract.id)
}

/// The same, from the contract's JSON.
pub fn items_of_json(json: &Value, contract_id: Id) -> Vec<Item> {
    let identity = identity_of(json);
    let mut items = vec![Item {
        kind: ItemKind::Identity,
        id: contract_id,
        label: text_at(&identity, "name").to_string(),
        fingerprint: Fingerprint::of(&identity),
        value: identity,
        follow_up: None,
    }];
    for kind in ItemKind::LISTS {
        for value in list_at(json, kind) {
            let Some(id) = value.get("id").and_then(Value::as_str).and_then(Id::parse) else {
                continue;
            };
            let value = match kind {
                ItemKind::Workshop => super::board::strip(value),
                _ => strip(kind, value),
            };
            items.push(Item {
                kind,
                id,
                label: label_of(kind, &value),
                fingerprint: Fingerprint::of(&value),
                value,
                follow_up: None,
            });
        }
    }
    items.extend(super::board::board_items(json));
    items.extend(follow_up_items(json));
    items
}

/// The contract's own fields, without its id, time stamp and lists.
pub fn identity_of(json: &Value) -> Value {
    let mut identity = Map::new();
    if let Value::Object(fields) = json {
        for (key, value) in fields {
            if key != "id" && key != "modified_at" && !LIST_FIELDS.contains(&key.as_str()) {
                identity.insert(key.clone(), value.clone());
            }
        }
    }
    Value::Object(identity)
}

/// The items of one kind in the contract's JSON (empty when the list is absent).
pub fn list_at(json: &Value, kind: ItemKind) -> &[Value] {
    let mut here = json;
    for key in kind.path() {
        match here.get(key) {
            Some(next) => here = next,
            None => return &[],
        }
    }
    here.as_array().map_or(&[], Vec::as_slice)
}

/// The same list, to change it.
pub fn list_at_mut(json: &mut Value, kind: ItemKind) -> Option<&mut Vec<Value>> {
    let mut here = json;
    for key in kind.path() {
        here = here.get_mut(key)?;
    }
    here.as_array_mut()
}

fn label_of(kind: ItemKind, value: &Value) -> String {
    let named = text_at(value, kind.name_field());
    let label = match kind {
        ItemKind::Meeting => {
            let body =
                value.get("body").and_then(|b| crate::model::json::from_tree::<Body>(b).ok());
            let body = body.map_or("Réunion", Body::label);
            format!("{body} du {}", crate::model::iso_date::french_date(text_at(value, "date")))
        }
        ItemKind::Finding => shorten(named, 80),
        ItemKind::Amendment => amendment_label(value),
        ItemKind::GovernanceBody => {
            let kind =
                value.get("kind").and_then(|b| crate::model::json::from_tree::<Body>(b).ok());
            match named.trim() {
                "" => kind.map_or("Instance", Body::label).to_string(),
                name => name.to_string(),
            }
        }
        _ => named.to_string(),
    };
    if label.trim().is_empty() {
        "(sans titre)".to_string()
    } else {
        label
    }
}

/// « Avenant n°2 — Prolongation de la fiche 3 », or « Avenant n°2 » while it has no object.
pub fn amendment_label(value: &Value) -> String {
    let number = amendment_number(value).map_or_else(|| "?".to_string(), |n| n.to_string());
    match text_at(value, "object").trim() {
        "" => format!("Avenant n°{number}"),
        object => format!("Avenant n°{number} — {}", shorten(object, 80)),
    }
}

/// An avenant's number, as its JSON holds it.
pub fn amendment_number(value: &Value) -> Option<u32> {
    value.get("number").and_then(Value::as_u64).and_then(|n| u32::try_from(n).ok())
}

fn text_at<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or("")
}

/// Every id written in this JSON (entities nested at any depth), with how many times.
pub fn ids_in(value: &Value) -> HashMap<&str, usize> {
    fn walk<'a>(value: &'a Value, found: &mut HashMap<&'a str, usize>) {
        match value {
            Value::Object(fields) => {
                if let Some(Value::String(id)) = fields.get("id") {
                    *found.entry(id.as_str()).or_default() += 1;
                }
                // A frozen copy repeats the contract's ids on purpose (the same items, earlier).
                fields
                    .iter()
                    .filter(|(key, _)| key.as_str() != FROZEN_COPY_KEY)
                    .for_each(|(_, v)| walk(v, found));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, found)),
            _ => {}
        }
    }
    let mut found = HashMap::new();
    walk(value, &mut found);
    found
}

/// Notes every item of this contract's JSON as shared, with its fields (so that the next merge
/// can go field by field): called for what goes out in an export and for what comes in with
/// an import.
pub fn record_shared(shared: &mut SharedVersions, items: &[Item]) {
    for item in items {
        shared.record_with_fields(item.id, item.fingerprint, &item.value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example::example_contract;
    use crate::versions::follow_up::tests::followed_up;

    #[test]
    fn every_entity_of_the_example_is_an_item_once() {
        let contract = example_contract();
        let items = items_of(&contract);
        let count = |kind| items.iter().filter(|i| i.kind == kind).count();
        assert_eq!(count(ItemKind::Identity), 1);
        assert_eq!(count(ItemKind::Organisation), contract.organisations.len());
        assert_eq!(count(ItemKind::Member), contract.governance.members.len());
        assert_eq!(count(ItemKind::GovernanceBody), contract.governance.bodies.len());
        assert_eq!(count(ItemKind::Meeting), contract.governance.meetings.len());
        assert_eq!(count(ItemKind::Finding), contract.diagnostic.len());
        assert_eq!(count(ItemKind::Axis), contract.axes.len());
        assert_eq!(count(ItemKind::Sheet), contract.sheets.len());
        assert_eq!(count(ItemKind::ContractIndicator), contract.indicators.len());
        assert_eq!(count(ItemKind::Amendment), contract.amendments.len());
        assert_eq!(count(ItemKind::Review) + count(ItemKind::YearValue), 0, "nothing followed up");
        assert_eq!(items[0].label, contract.name);
        assert!(items.iter().all(|i| !i.label.is_empty()));
    }

    #[test]
    fn the_identity_leaves_the_lists_out() {
        let identity = identity_of(&serde_json::to_value(example_contract()).unwrap());
        for key in LIST_FIELDS.iter().chain(&["id", "modified_at"]) {
            assert!(identity.get(key).is_none(), "{key}");
        }
        assert!(identity.get("territory").is_some());
    }

    #[test]
    fn a_fiche_item_leaves_its_follow_up_to_items_of_their_own() {
        let contract = followed_up();
        let items = items_of(&contract);
        let sheet = items.iter().find(|i| i.kind == ItemKind::Sheet).unwrap();
        assert_eq!(sheet.value["reviews"], serde_json::json!([]));
        assert_eq!(sheet.value["actions"][0]["reviews"], serde_json::json!([]));
        let mut bare = contract.clone();
        bare.sheets[0].reviews.clear();
        bare.sheets[0].actions[0].reviews.clear();
        let bare_sheet = items_of(&bare).into_iter().find(|i| i.kind == ItemKind::Sheet).unwrap();
        assert_eq!(sheet.fingerprint, bare_sheet.fingerprint, "as without any follow-up");
        let labels: Vec<&str> =
            items.iter().filter(|i| i.kind.is_follow_up()).map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["Bilan 2025 — fiche Nutrition", "Bilan 2024 — Atelier cuisine"]);
    }
}
