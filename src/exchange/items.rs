//! The units a merge works with: the contract's identity (name, period, territory, signing,
//! coordination) and each organisation, governance member and meeting, finding of the
//! diagnostic, axis (with its strategic objectives) and fiche action (with everything in it).
//!
//! A partner's file is merged item by item: a whole fiche action is taken, kept or doubled,
//! never half of one, so that what comes out is always a sheet someone actually wrote.
//! Items are read from the contract's JSON, so a field added to the model later takes part in
//! fingerprints, diffs and merges without touching this file.

use crate::model::text::shorten;
use crate::model::{Body, Contract, Fingerprint, Id, SharedVersions};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// What kind of item; also where its list sits in the contract's JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    Identity,
    Organisation,
    Member,
    Meeting,
    Finding,
    Axis,
    Sheet,
}

impl ItemKind {
    /// The lists, in the order a preview shows them (the identity comes first, on its own).
    pub const LISTS: [ItemKind; 6] =
        [Self::Organisation, Self::Member, Self::Meeting, Self::Finding, Self::Axis, Self::Sheet];

    pub fn label(self) -> &'static str {
        match self {
            Self::Identity => "Identité du contrat",
            Self::Organisation => "Organisation",
            Self::Member => "Membre d’une instance",
            Self::Meeting => "Réunion",
            Self::Finding => "Constat du diagnostic",
            Self::Axis => "Axe",
            Self::Sheet => "Fiche action",
        }
    }

    /// The path of the list in the contract's JSON.
    pub fn path(self) -> &'static [&'static str] {
        match self {
            Self::Identity => &[],
            Self::Organisation => &["organisations"],
            Self::Member => &["governance", "members"],
            Self::Meeting => &["governance", "meetings"],
            Self::Finding => &["diagnostic"],
            Self::Axis => &["axes"],
            Self::Sheet => &["sheets"],
        }
    }

    /// The field that names an item of this kind: "(version de …)" is added to it when both
    /// versions are kept.
    pub fn name_field(self) -> &'static str {
        match self {
            Self::Identity | Self::Organisation | Self::Member => "name",
            Self::Meeting => "notes",
            Self::Finding => "text",
            Self::Axis | Self::Sheet => "title",
        }
    }
}

/// Contract fields that are lists of items rather than part of its identity.
const LIST_FIELDS: [&str; 5] = ["organisations", "governance", "diagnostic", "axes", "sheets"];

/// One item of a contract, as JSON.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub kind: ItemKind,
    pub id: Id,
    /// How a person recognises it: a sheet's title, an organisation's name...
    pub label: String,
    pub value: Value,
    pub fingerprint: Fingerprint,
}

/// Every item of a contract: the identity first, then each list in `ItemKind::LISTS` order.
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
    }];
    for kind in ItemKind::LISTS {
        for value in list_at(json, kind) {
            let Some(id) = value.get("id").and_then(Value::as_str).and_then(Id::parse) else {
                continue;
            };
            items.push(Item {
                kind,
                id,
                label: label_of(kind, value),
                fingerprint: Fingerprint::of(value),
                value: value.clone(),
            });
        }
    }
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
            format!("{body} du {}", text_at(value, "date"))
        }
        ItemKind::Finding => shorten(named, 80),
        _ => named.to_string(),
    };
    if label.trim().is_empty() {
        "(sans titre)".to_string()
    } else {
        label
    }
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
                fields.values().for_each(|v| walk(v, found));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, found)),
            _ => {}
        }
    }
    let mut found = HashMap::new();
    walk(value, &mut found);
    found
}

/// Notes every item of this contract's JSON as shared: called for what goes out in an export
/// and for what comes in with an import.
pub fn record_shared(shared: &mut SharedVersions, items: &[Item]) {
    for item in items {
        shared.record(item.id, item.fingerprint);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::example::example_contract;

    #[test]
    fn every_entity_of_the_example_is_an_item_once() {
        let contract = example_contract();
        let items = items_of(&contract);
        let count = |kind| items.iter().filter(|i| i.kind == kind).count();
        assert_eq!(count(ItemKind::Identity), 1);
        assert_eq!(count(ItemKind::Organisation), contract.organisations.len());
        assert_eq!(count(ItemKind::Member), contract.governance.members.len());
        assert_eq!(count(ItemKind::Meeting), contract.governance.meetings.len());
        assert_eq!(count(ItemKind::Finding), contract.diagnostic.len());
        assert_eq!(count(ItemKind::Axis), contract.axes.len());
        assert_eq!(count(ItemKind::Sheet), contract.sheets.len());
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
}
