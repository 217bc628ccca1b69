//! Format 2 to 3: parties and signature, co-pilotage, the contract's texts, governance bodies,
//! the previous contract's bilan, « Non renseigné » in the closed lists, and room for the
//! signed version and the avenants.
//!
//! - An organisation's `signatory: true` becomes its signature block with no signer or capacity
//!   yet (nobody typed them), ranked in the directory's order; `false` becomes `null`.
//! - A fiche's single `lead` becomes its list `leads` (empty when nobody was designated).
//! - The contract gains empty `leads`, `texts`, `previous_review` and `amendments`, and its
//!   `signing` an empty `frozen_copy`: a migration never claims the contract was frozen.
//! - Governance gains its `bodies`: one per kind of body its members and meetings name, with no
//!   duties or frequency yet. Their ids derive from the contract's, so that two partners who
//!   upgrade the same contract get the same bodies and a merge does not double them.
//! - « Only a default », and so « Non renseigné »: a closed-list field whose value is the old
//!   default on every fiche (or indicator, or funding line) of the contract was never moved off
//!   that default by anyone, so it states nothing: priority « Moyenne », participation
//!   « Aucune », kind « Fiche thématique », indicator frequency « Annuelle », funding kind
//!   « Fonctionnement », organisation type « Autre ». Where at least one differs, someone chose
//!   values and all are kept. (An indicator's kind was always chosen, by the button that added
//!   it; a member's or meeting's body is kept too: the planning's COPIL markers rely on it.)
//! - A funding line of 0 € planned, with nothing spent and no days in kind, named a funder
//!   without an amount (the only way format 2 could): its amount becomes « à préciser ».

use serde_json::{json, Map, Value};

type Object = Map<String, Value>;

pub(super) fn upgrade(mut contract: Value) -> Result<Value, String> {
    let contract_id = contract
        .get("id")
        .and_then(Value::as_str)
        .and_then(crate::model::Id::parse)
        .map_or(0, crate::model::Id::as_u128);
    let fields = contract.as_object_mut().ok_or("le contrat n’est pas un objet JSON")?;
    fields.entry("leads").or_insert_with(|| json!([]));
    fields.entry("texts").or_insert_with(|| {
        json!({"legal_references": "", "preamble": "", "duration": "", "revision": "", "termination": ""})
    });
    fields
        .entry("previous_review")
        .or_insert_with(|| json!({"consultation": "", "sheets": [], "recommendations": ""}));
    fields.entry("amendments").or_insert_with(|| json!([]));
    if let Some(Value::Object(signing)) = fields.get_mut("signing") {
        signing.entry("frozen_copy").or_insert(Value::Null);
    }
    if let Some(Value::Array(organisations)) = fields.get_mut("organisations") {
        upgrade_signatories(organisations);
    }
    if let Some(Value::Object(governance)) = fields.get_mut("governance") {
        add_bodies(governance, contract_id);
    }
    if let Some(Value::Array(sheets)) = fields.get_mut("sheets") {
        for sheet in sheets.iter_mut().filter_map(Value::as_object_mut) {
            if sheet.contains_key("leads") && !sheet.contains_key("lead") {
                continue; // Already a list: a file that says format 2 but was written later.
            }
            let lead = sheet.remove("lead");
            let named = lead.as_ref().is_some_and(|lead| {
                !lead["organisation_id"].is_null()
                    || lead["person"].as_str().is_some_and(|p| !p.trim().is_empty())
            });
            let leads = if named { vec![lead.unwrap_or(Value::Null)] } else { Vec::new() };
            sheet.insert("leads".into(), Value::Array(leads));
            if let Some(Value::Array(lines)) = sheet.get_mut("funding") {
                lines.iter_mut().filter_map(Value::as_object_mut).for_each(amount_to_specify);
            }
        }
    }
    only_defaults_state_nothing(fields);
    Ok(contract)
}

fn upgrade_signatories(organisations: &mut [Value]) {
    let mut rank = 0;
    for organisation in organisations.iter_mut().filter_map(Value::as_object_mut) {
        let block = match organisation.get("signatory") {
            Some(Value::Bool(true)) => {
                rank += 1;
                json!({"signer": "", "capacity": "", "by_delegation": false, "rank": rank, "commitments": ""})
            }
            // Already a block: a file that says format 2 but was written later keeps it.
            Some(block @ Value::Object(_)) => block.clone(),
            _ => Value::Null,
        };
        organisation.insert("signatory".into(), block);
    }
}

/// The kinds of body named by members and meetings, in the order of the list of kinds.
fn add_bodies(governance: &mut Object, contract_id: u128) {
    if governance.contains_key("bodies") {
        return;
    }
    let named: Vec<&str> = ["members", "meetings"]
        .iter()
        .filter_map(|list| governance.get(*list).and_then(Value::as_array))
        .flatten()
        .filter_map(|entry| entry.get("body").and_then(Value::as_str))
        .collect();
    let bodies: Vec<Value> = crate::model::Body::ALL
        .iter()
        .enumerate()
        .filter(|(_, kind)| named.contains(&kind.key()))
        .map(|(n, kind)| {
            let id = crate::model::Id::from_u128(contract_id ^ ((0xB0D1 + n as u128) << 64));
            let modified_at = governance_time(governance);
            json!({"id": id.to_string(), "modified_at": modified_at, "kind": kind.key(), "name": "",
                   "duties": "", "meeting_frequency": ""})
        })
        .collect();
    governance.insert("bodies".into(), Value::Array(bodies));
}

/// The latest time stamp of the members and meetings: a body is as old as what names it.
fn governance_time(governance: &Object) -> i64 {
    ["members", "meetings"]
        .iter()
        .filter_map(|list| governance.get(*list).and_then(Value::as_array))
        .flatten()
        .filter_map(|entry| entry.get("modified_at").and_then(Value::as_i64))
        .max()
        .unwrap_or(0)
}

fn amount_to_specify(line: &mut Object) {
    let zero = line.get("planned_euros").and_then(Value::as_u64) == Some(0);
    let nothing_else = ["actual_euros", "in_kind_days"]
        .iter()
        .all(|key| line.get(*key).is_none_or(Value::is_null));
    if zero && nothing_else {
        line.insert("planned_euros".into(), Value::Null);
    }
}

/// Where a closed-list field sits: on each organisation, on each fiche, on each indicator (of
/// a fiche or of the contract), or on each funding line.
#[derive(Clone, Copy)]
enum Holder {
    Organisation,
    Sheet,
    Indicator,
    FundingLine,
}

/// Calls `visit` on every entry of that kind in the contract.
fn each(contract: &mut Object, holder: Holder, visit: &mut dyn FnMut(&mut Object)) {
    fn list(value: Option<&mut Value>, visit: &mut dyn FnMut(&mut Object)) {
        if let Some(Value::Array(entries)) = value {
            entries.iter_mut().filter_map(Value::as_object_mut).for_each(visit);
        }
    }
    match holder {
        Holder::Organisation => return list(contract.get_mut("organisations"), visit),
        Holder::Indicator => list(contract.get_mut("indicators"), visit),
        _ => {}
    }
    list(contract.get_mut("sheets"), &mut |sheet: &mut Object| match holder {
        Holder::Sheet => visit(sheet),
        Holder::Organisation => {}
        Holder::Indicator => list(sheet.get_mut("indicators"), visit),
        Holder::FundingLine => list(sheet.get_mut("funding"), visit),
    });
}

/// Rewrites `field` to « Non renseigné » on every entry when every entry holds `default`.
fn unstate_if_uniform(contract: &mut Object, holder: Holder, field: &str, default: &str) {
    let (mut seen, mut uniform) = (false, true);
    each(contract, holder, &mut |entry| {
        seen = true;
        uniform &= entry.get(field).and_then(Value::as_str) == Some(default);
    });
    if seen && uniform {
        each(contract, holder, &mut |entry| {
            entry.insert(field.into(), json!("not_stated"));
        });
    }
}

fn only_defaults_state_nothing(contract: &mut Object) {
    unstate_if_uniform(contract, Holder::Organisation, "kind", "other");
    unstate_if_uniform(contract, Holder::Sheet, "priority", "medium");
    unstate_if_uniform(contract, Holder::Sheet, "participation", "none");
    unstate_if_uniform(contract, Holder::Sheet, "kind", "thematic");
    unstate_if_uniform(contract, Holder::Indicator, "frequency", "yearly");
    unstate_if_uniform(contract, Holder::FundingLine, "kind", "operating");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json::from_tree;
    use crate::model::{
        Body, Contract, FundingKind, OrganisationKind, Participation, Priority, SheetKind,
    };

    /// The example as format 2 wrote it (examples/ before this step), in an exchange file.
    const FORMAT_2_FILE: &str = include_str!("fixtures/aurillac-format-2.json");

    fn format_2() -> Value {
        let file: Value = serde_json::from_str(FORMAT_2_FILE).unwrap();
        assert_eq!(file["schema_version"], json!(2));
        file["contract"].clone()
    }

    #[test]
    fn the_format_2_example_reads_as_format_3() {
        let old = format_2();
        let contract: Contract = from_tree(&upgrade(old.clone()).unwrap()).unwrap();
        let signing: Vec<(&str, u32)> = contract
            .organisations
            .iter()
            .filter_map(|o| o.signatory.as_ref().map(|s| (o.name.as_str(), s.rank)))
            .collect();
        assert_eq!(signing.len(), 10);
        assert_eq!(signing[0], ("Agence Régionale de Santé Auvergne-Rhône-Alpes", 1));
        assert_eq!(signing[9].1, 10, "ranked in the directory's order");
        let signatory = contract.organisations[0].signatory.as_ref().unwrap();
        assert!(signatory.signer.is_empty() && signatory.capacity.is_empty(), "never invented");
        let coordination = &contract.sheets[7];
        assert_eq!(coordination.leads.len(), 1, "the one named lead is kept");
        assert_eq!(coordination.leads[0].person, "Coordinatrice territoriale de santé");
        assert!(contract.sheets[0].leads.is_empty(), "no lead becomes no leads");
        assert!(contract
            .sheets
            .iter()
            .all(|s| s.priority == Priority::NotStated
                && s.participation == Participation::NotStated));
        assert_eq!(coordination.kind, SheetKind::Coordination, "kinds differ: all kept");
        assert_eq!(contract.organisations[0].kind, OrganisationKind::Ars, "types differ: kept");
        let kinds: Vec<Body> = contract.governance.bodies.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [Body::SteeringCommittee, Body::HealthCommission]);
        assert!(contract.leads.is_empty() && contract.amendments.is_empty());
        assert!(contract.signing.frozen_copy.is_none() && contract.previous_review.is_empty());
        assert_eq!(contract.signing.place, "Aurillac");
        // Upgrading again, as another partner would, gives the same bodies.
        let again: Contract = from_tree(&upgrade(old).unwrap()).unwrap();
        assert_eq!(again.governance.bodies, contract.governance.bodies);
    }

    /// A file labelled format 2 that already holds format-3 parts loses none of them.
    #[test]
    fn upgrading_twice_changes_nothing_more() {
        let once = upgrade(format_2()).unwrap();
        let mut signed = once.clone();
        signed["organisations"][0]["signatory"]["signer"] = json!("Cécile COURREGES");
        signed["sheets"][0]["leads"] = json!([{"organisation_id": null, "person": "Mme Martin"}]);
        assert_eq!(upgrade(signed.clone()).unwrap(), signed);
    }

    #[test]
    fn values_someone_chose_are_kept() {
        let mut old = format_2();
        old["sheets"][2]["priority"] = json!("high");
        old["sheets"][3]["participation"] = json!("consultation");
        let contract: Contract = from_tree(&upgrade(old).unwrap()).unwrap();
        assert_eq!(contract.sheets[2].priority, Priority::High);
        assert_eq!(contract.sheets[0].priority, Priority::Medium, "one differs: all are facts");
        assert_eq!(contract.sheets[0].participation, Participation::None);
    }

    #[test]
    fn organisation_types_left_at_their_default_everywhere_state_nothing() {
        let mut old = format_2();
        for organisation in old["organisations"].as_array_mut().unwrap() {
            organisation["kind"] = json!("other");
        }
        let contract: Contract = from_tree(&upgrade(old).unwrap()).unwrap();
        assert!(contract.organisations.iter().all(|o| o.kind == OrganisationKind::NotStated));
    }

    #[test]
    fn a_zero_amount_with_nothing_else_becomes_to_be_specified() {
        let mut old = format_2();
        let line = |planned: u64, actual: Value, kind: &str| {
            json!({"id": crate::model::Id::random().to_string(), "modified_at": 0, "year": 2025,
                   "funder_id": null, "kind": kind, "planned_euros": planned,
                   "actual_euros": actual, "in_kind_days": null})
        };
        old["sheets"][0]["funding"] =
            json!([line(0, Value::Null, "operating"), line(0, json!(50), "operating")]);
        old["sheets"][1]["funding"] = json!([line(1200, Value::Null, "investment")]);
        let contract: Contract = from_tree(&upgrade(old).unwrap()).unwrap();
        let lines = &contract.sheets[0].funding;
        assert_eq!(lines[0].planned_euros, None, "montant à préciser");
        assert_eq!(lines[1].planned_euros, Some(0), "something was spent: 0 € was stated");
        assert_eq!(lines[0].kind, FundingKind::Operating, "kinds differ: all kept");
        assert_eq!(contract.sheets[1].funding[0].planned_euros, Some(1200));
    }
}
