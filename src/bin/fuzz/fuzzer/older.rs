//! Older formats, written back from today's: the contract of a stored workspace or an exchange
//! file as an older version of Atelier CLS wrote it, so that every migration runs on the
//! fuzzer's inputs. One step per format, the reverse of `model::migration`'s steps; the test
//! below fails when a format has no step back.

use serde_json::{json, Map, Value};

/// One step back, from format `to + 1` to format `to`.
struct Downgrade {
    to: u32,
    apply: fn(&mut Value),
}

const DOWNGRADES: &[Downgrade] = &[
    Downgrade { to: 1, apply: to_format_1 },
    Downgrade { to: 2, apply: to_format_2 },
    Downgrade { to: 3, apply: to_format_3 },
];

/// The oldest format that is still read.
pub const OLDEST: u32 = 1;

/// `contract` (a tree in today's format) as format `version` wrote it.
pub fn contract_as(contract: &mut Value, version: u32) {
    let mut now = atelier_cls::model::SCHEMA_VERSION;
    while now > version {
        now -= 1;
        if let Some(step) = DOWNGRADES.iter().find(|d| d.to == now) {
            (step.apply)(contract);
        }
    }
}

/// Format 4 to 3: no workshops, and no fiche knows it came from one.
fn to_format_3(contract: &mut Value) {
    let Some(fields) = contract.as_object_mut() else { return };
    fields.remove("workshops");
    objects(fields.get_mut("sheets"), &mut |sheet| {
        sheet.remove("origins");
    });
}

/// Format 3 to 2: one lead per fiche (an empty one when none), signatories as a yes/no flag,
/// a funding line's amount always stated (0 when « à préciser »), no « Non renseigné » (each
/// list's old default), only the COPIL and the commission santé, and none of the contract's
/// texts, co-leads, bodies, previous bilan, avenants or frozen copy.
fn to_format_2(contract: &mut Value) {
    let Some(fields) = contract.as_object_mut() else { return };
    for key in ["leads", "texts", "previous_review", "amendments"] {
        fields.remove(key);
    }
    if let Some(Value::Object(signing)) = fields.get_mut("signing") {
        signing.remove("frozen_copy");
    }
    if let Some(Value::Object(governance)) = fields.get_mut("governance") {
        governance.remove("bodies");
        for list in ["members", "meetings"] {
            if let Some(Value::Array(entries)) = governance.get_mut(list) {
                entries.iter_mut().filter_map(Value::as_object_mut).for_each(|entry| {
                    let old = ["steering_committee", "health_commission"];
                    if !old.contains(&entry.get("body").and_then(Value::as_str).unwrap_or("")) {
                        entry.insert("body".into(), json!("steering_committee"));
                    }
                });
            }
        }
    }
    objects(fields.get_mut("organisations"), &mut |organisation| {
        let signs = organisation.get("signatory").is_some_and(Value::is_object);
        organisation.insert("signatory".into(), Value::Bool(signs));
        stated(organisation, "kind", "other");
    });
    objects(fields.get_mut("indicators"), &mut |indicator| old_indicator(indicator));
    objects(fields.get_mut("sheets"), &mut |sheet| {
        let first = match sheet.remove("leads") {
            Some(Value::Array(leads)) => leads.into_iter().next(),
            _ => None,
        };
        let lead = first.unwrap_or_else(|| json!({"organisation_id": null, "person": ""}));
        sheet.insert("lead".into(), lead);
        stated(sheet, "priority", "medium");
        stated(sheet, "participation", "none");
        stated(sheet, "kind", "thematic");
        objects(sheet.get_mut("indicators"), &mut |indicator| old_indicator(indicator));
        objects(sheet.get_mut("funding"), &mut |line| {
            if line.get("planned_euros").is_none_or(Value::is_null) {
                line.insert("planned_euros".into(), json!(0));
            }
            stated(line, "kind", "operating");
        });
    });
}

fn old_indicator(indicator: &mut Map<String, Value>) {
    stated(indicator, "frequency", "yearly");
    stated(indicator, "kind", "process");
}

/// Each object of a list, when `list` is one.
fn objects(list: Option<&mut Value>, visit: &mut dyn FnMut(&mut Map<String, Value>)) {
    if let Some(Value::Array(entries)) = list {
        entries.iter_mut().filter_map(Value::as_object_mut).for_each(visit);
    }
}

/// A closed list's « Non renseigné », which format 2 did not have, as its old default.
fn stated(owner: &mut Map<String, Value>, field: &str, default: &str) {
    if owner.get(field).and_then(Value::as_str) == Some("not_stated") {
        owner.insert(field.into(), json!(default));
    }
}

/// Format 2 to 1: no contract indicators nor `fictional`, three-field reviews without
/// `to_confirm`, an indicator's yearly value as one `value` and no `scale`.
fn to_format_1(contract: &mut Value) {
    let Some(fields) = contract.as_object_mut() else { return };
    fields.remove("indicators");
    fields.remove("fictional");
    let Some(Value::Array(sheets)) = fields.get_mut("sheets") else { return };
    for sheet in sheets.iter_mut().filter_map(Value::as_object_mut) {
        old_reviews(sheet);
        if let Some(Value::Array(actions)) = sheet.get_mut("actions") {
            actions.iter_mut().filter_map(Value::as_object_mut).for_each(old_reviews);
        }
        if let Some(Value::Array(indicators)) = sheet.get_mut("indicators") {
            for indicator in indicators.iter_mut().filter_map(Value::as_object_mut) {
                indicator.remove("scale");
                if let Some(Value::Array(values)) = indicator.get_mut("values") {
                    for value in values.iter_mut() {
                        let year = value.get("year").cloned().unwrap_or(Value::Null);
                        let result = value.get("result").cloned().unwrap_or_else(|| json!(""));
                        *value = json!({ "year": year, "value": result });
                    }
                }
            }
        }
    }
}

fn old_reviews(owner: &mut Map<String, Value>) {
    let Some(Value::Array(reviews)) = owner.get_mut("reviews") else { return };
    for review in reviews.iter_mut().filter_map(Value::as_object_mut) {
        review.remove("to_confirm");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use atelier_cls::exchange::demonstration::demonstration_contract;
    use atelier_cls::model::json::{from_tree, to_tree};
    use atelier_cls::model::migration::migrate_contract;
    use atelier_cls::model::{Contract, SCHEMA_VERSION};

    #[test]
    fn every_older_format_has_a_step_back() {
        for version in OLDEST..SCHEMA_VERSION {
            assert!(DOWNGRADES.iter().any(|d| d.to == version), "no step back to {version}");
        }
    }

    #[test]
    fn a_contract_written_back_then_migrated_keeps_its_sheets() {
        let file = include_bytes!("../../../../examples/cls-demonstration-2024-2028.json");
        let mut contract = demonstration_contract(file).expect("the demonstration loads");
        // A workshop, so that the step back to format 3 has something to take out.
        let workshop =
            atelier_cls::model::Workshop::new(atelier_cls::model::Id::from_u128(1), "Atelier", 0);
        contract.workshops.push(workshop);
        for version in OLDEST..SCHEMA_VERSION {
            let mut tree = to_tree(&contract).expect("a contract serialises");
            contract_as(&mut tree, version);
            assert_ne!(tree, to_tree(&contract).expect("a contract serialises"));
            let upgraded = migrate_contract(tree, version).expect("an old contract migrates");
            let back: Contract = from_tree(&upgraded).expect("a migrated contract reads");
            assert_eq!(back.sheets.len(), contract.sheets.len());
            assert_eq!(back.id, contract.id);
        }
    }
}
