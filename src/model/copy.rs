//! Copies of a contract with fresh identities: "Dupliquer" and "Charger l'exemple" must not
//! produce a second contract whose entities share ids with the first, or a later merge would
//! mistake one for the other.
//!
//! The copy walks the JSON form: every `"id"` field gets a new UUID, then every string equal to
//! an old id (the references: `axis_id`, `partner_ids`...) is rewritten. Working on the JSON
//! means a field added to the model later is remapped without touching this file.

use super::{Id, Timestamp};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use std::collections::HashMap;

/// A copy of `item` (a contract, a sheet...) in which every entity inside has a new id and every
/// reference to one of them follows. References to entities outside `item` (a sheet's axis or
/// lead organisation) are left alone, so a duplicated sheet stays in its axis.
pub fn with_fresh_ids<T: Serialize + DeserializeOwned>(
    item: &T,
    mut fresh: impl FnMut() -> Id,
    now: Timestamp,
) -> T {
    let mut value = super::json::to_tree(item).expect("model types always serialise");
    let mut renamed = HashMap::new();
    collect_ids(&value, &mut |old| {
        renamed.entry(old.to_string()).or_insert_with(|| fresh().to_string());
    });
    rewrite(&mut value, &renamed, now);
    super::json::from_tree(&value).expect("renaming ids keeps the data well formed")
}

fn collect_ids(value: &Value, found: &mut impl FnMut(&str)) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(id)) = map.get("id") {
                found(id);
            }
            map.values().for_each(|v| collect_ids(v, found));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_ids(v, found)),
        _ => {}
    }
}

fn rewrite(value: &mut Value, renamed: &HashMap<String, String>, now: Timestamp) {
    match value {
        Value::String(text) => {
            if let Some(new) = renamed.get(text.as_str()) {
                *text = new.clone();
            }
        }
        Value::Object(map) => {
            if map.contains_key("modified_at") {
                map.insert("modified_at".into(), Value::from(now));
            }
            map.values_mut().for_each(|v| rewrite(v, renamed, now));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| rewrite(v, renamed, now)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, ActionSheet, Axis, Contract, StrategicObjective};

    #[test]
    fn every_id_changes_and_references_follow() {
        let mut c = Contract::blank(Id::from_u128(1), "CLS", 0);
        let mut axis = Axis::new(Id::from_u128(2), "Axe", 0);
        axis.objectives.push(StrategicObjective {
            id: Id::from_u128(3),
            modified_at: 0,
            title: "Obj".into(),
        });
        c.axes.push(axis);
        let mut sheet = ActionSheet::new(Id::from_u128(4), "Fiche", 0);
        sheet.axis_id = Some(Id::from_u128(2));
        sheet.objective_id = Some(Id::from_u128(3));
        c.sheets.push(sheet);

        let copy = with_fresh_ids(&c, Id::random, 99);
        assert_ne!(copy.id, c.id);
        assert_ne!(copy.axes[0].id, c.axes[0].id);
        assert_eq!(copy.sheets[0].axis_id, Some(copy.axes[0].id));
        assert_eq!(copy.sheets[0].objective_id, Some(copy.axes[0].objectives[0].id));
        assert_eq!(copy.sheets[0].modified_at, 99);
        assert_eq!(copy.name, "CLS");
    }

    #[test]
    fn a_copied_sheet_keeps_its_outside_references() {
        let mut sheet = ActionSheet::new(Id::from_u128(4), "Fiche", 0);
        sheet.axis_id = Some(Id::from_u128(2));
        sheet.actions.push(Action::new(Id::from_u128(5), "Étape", 0));
        let copy = with_fresh_ids(&sheet, Id::random, 1);
        assert_ne!(copy.id, sheet.id);
        assert_ne!(copy.actions[0].id, sheet.actions[0].id);
        assert_eq!(copy.axis_id, sheet.axis_id);
    }
}
