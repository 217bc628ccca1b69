//! Format 1 to 2: the yearly follow-up.
//!
//! - Reviews keep their status key (the three old statuses are among the eight new ones) and
//!   gain `to_confirm`; a review with an unknown status keeps its words and becomes « Non
//!   renseigné » rather than failing the whole file.
//! - An indicator's yearly `value` becomes that year's `result`, with an empty target and
//!   comments, and the indicator is qualitative (`scale: "text"`) until someone says it counts
//!   figures: a migration never invents a target to reach.
//! - The contract gains its own list of indicators, empty, and says it is not a fictional
//!   (demonstration) contract: only the demonstration file says `fictional: true`.

use serde_json::{json, Map, Value};

const STATUSES: [&str; 8] = [
    "upcoming",
    "in_progress",
    "done",
    "partly_done",
    "barely_done",
    "not_done",
    "postponed",
    "abandoned",
];

pub(super) fn upgrade(mut contract: Value) -> Result<Value, String> {
    let fields = contract.as_object_mut().ok_or("le contrat n’est pas un objet JSON")?;
    fields.entry("indicators").or_insert_with(|| json!([]));
    fields.entry("fictional").or_insert(Value::Bool(false));
    if let Some(Value::Array(sheets)) = fields.get_mut("sheets") {
        for sheet in sheets.iter_mut().filter_map(Value::as_object_mut) {
            upgrade_reviews(sheet);
            if let Some(Value::Array(actions)) = sheet.get_mut("actions") {
                actions.iter_mut().filter_map(Value::as_object_mut).for_each(upgrade_reviews);
            }
            if let Some(Value::Array(indicators)) = sheet.get_mut("indicators") {
                indicators.iter_mut().filter_map(Value::as_object_mut).for_each(upgrade_indicator);
            }
        }
    }
    Ok(contract)
}

fn upgrade_reviews(owner: &mut Map<String, Value>) {
    let Some(Value::Array(reviews)) = owner.get_mut("reviews") else { return };
    for review in reviews.iter_mut().filter_map(Value::as_object_mut) {
        let known =
            review.get("status").and_then(Value::as_str).is_some_and(|s| STATUSES.contains(&s));
        if !known {
            review.insert("status".into(), Value::Null);
        }
        review.entry("to_confirm").or_insert(Value::Bool(false));
    }
}

fn upgrade_indicator(indicator: &mut Map<String, Value>) {
    indicator.entry("scale").or_insert_with(|| json!("text"));
    let Some(Value::Array(values)) = indicator.get_mut("values") else { return };
    for value in values.iter_mut() {
        let Some(old) = value.as_object() else { continue };
        *value = json!({
            "year": old.get("year").cloned().unwrap_or(Value::Null),
            "target": "",
            "target_comment": "",
            "result": old.get("value").cloned().unwrap_or_else(|| json!("")),
            "result_comment": "",
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json::from_tree;
    use crate::model::{Contract, ReviewStatus};

    /// A contract as format 1 wrote it: one sheet with a three-value review on the sheet and
    /// on an action, and an indicator with one yearly value.
    fn format_1() -> Value {
        let review = |status: &str| json!({"year": 2024, "status": status, "comment": "c", "reason": "", "next_steps": "n"});
        let mut contract =
            crate::model::json::to_tree(&Contract::blank(crate::model::Id::from_u128(1), "CLS", 0))
                .unwrap();
        contract.as_object_mut().unwrap().remove("indicators");
        contract.as_object_mut().unwrap().remove("fictional");
        let mut sheet = crate::model::json::to_tree(&crate::model::ActionSheet::new(
            crate::model::Id::from_u128(2),
            "Fiche",
            0,
        ))
        .unwrap();
        sheet["reviews"] = json!([review("partly_done")]);
        let mut action = crate::model::json::to_tree(&crate::model::Action::new(
            crate::model::Id::from_u128(3),
            "Action",
            0,
        ))
        .unwrap();
        action["reviews"] = json!([review("not_done"), review("fini")]);
        sheet["actions"] = json!([action]);
        let mut indicator = crate::model::json::to_tree(&crate::model::Indicator::new(
            crate::model::Id::from_u128(4),
            crate::model::IndicatorKind::Process,
            "Séances",
            0,
        ))
        .unwrap();
        let object = indicator.as_object_mut().unwrap();
        object.remove("scale");
        object.insert("values".into(), json!([{"year": 2025, "value": "12"}]));
        sheet["indicators"] = json!([indicator]);
        contract["sheets"] = json!([sheet]);
        contract
    }

    #[test]
    fn a_format_1_contract_reads_as_format_2() {
        let upgraded = upgrade(format_1()).unwrap();
        assert_eq!(upgraded["fictional"], json!(false), "written out, not left to the default");
        let contract: Contract = from_tree(&upgraded).unwrap();
        assert!(contract.indicators.is_empty());
        assert!(!contract.fictional);
        let sheet = &contract.sheets[0];
        assert_eq!(sheet.reviews[0].status, Some(ReviewStatus::PartlyDone));
        assert!(!sheet.reviews[0].to_confirm);
        let reviews = &sheet.actions[0].reviews;
        assert_eq!(reviews[0].status, Some(ReviewStatus::NotDone));
        assert_eq!(reviews[1].status, None, "an unknown status becomes « Non renseigné »");
        assert_eq!(reviews[1].comment, "c", "and keeps its words");
        let value = &sheet.indicators[0].values[0];
        assert_eq!(
            (value.year, value.result.as_str(), value.target.as_str()),
            (Some(2025), "12", "")
        );
        assert_eq!(sheet.indicators[0].scale, crate::model::IndicatorScale::Text);
    }

    #[test]
    fn every_old_status_keeps_its_meaning() {
        for (old, new) in [
            ("done", ReviewStatus::Done),
            ("partly_done", ReviewStatus::PartlyDone),
            ("not_done", ReviewStatus::NotDone),
        ] {
            let mut sheet = Map::new();
            sheet.insert("reviews".into(), json!([{"year": 2024, "status": old}]));
            upgrade_reviews(&mut sheet);
            assert_eq!(sheet["reviews"][0]["status"], json!(new.key()));
        }
    }
}
