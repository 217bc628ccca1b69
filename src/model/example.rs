//! The example contract ("Charger l'exemple"): the signed CLS 2024-2028 of the Bassin
//! d'Aurillac, du Carladès et de la Châtaigneraie, rebuilt from the seed document and kept in
//! `examples/` in the exchange format. It is compiled into the app so it loads offline. For
//! tests, also the demonstration contract (the app fetches it: `exchange::demonstration`).
//!
//! Here so that every layer's tests reach these fixtures without importing from a layer above
//! their own. The files are read for their contract only, upgraded to the current schema; that
//! they pass every import check is `exchange`'s test (`exchange::envelope`,
//! `exchange::demonstration`).

use crate::model::json;
use crate::model::migration::migrate_contract;
use crate::model::Contract;
use serde_json::Value;

const EXAMPLE_JSON: &str = include_str!("../../examples/cls-aurillac-2024-2028.json");

/// The example contract as written in the file (fixed ids: callers give it fresh ones).
pub fn example_contract() -> Contract {
    contract_in(EXAMPLE_JSON).expect("examples/cls-aurillac-2024-2028.json is valid")
}

/// The demonstration contract (Pays de Val-Sorel 2024-2028, follow-up of 2024 and 2025), for
/// tests.
#[cfg(test)]
pub fn demonstration() -> Contract {
    const FILE: &str = include_str!("../../examples/cls-demonstration-2024-2028.json");
    contract_in(FILE).expect("examples/cls-demonstration-2024-2028.json is valid")
}

/// The contract of an exchange file's text, upgraded to the current schema.
fn contract_in(file: &str) -> Option<Contract> {
    let mut file: Value = json::from_text(file).ok()?;
    let version = u32::try_from(file.get("schema_version")?.as_u64()?).ok()?;
    let contract = migrate_contract(file.get_mut("contract")?.take(), version).ok()?;
    json::from_tree(&contract).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::numbering::Numbering;
    use crate::model::{Id, Participation, Priority, ReviewStatus, SheetKind};
    use std::collections::HashSet;

    // model::json's own tests, on the example: here rather than there, so that the fixture
    // (which reads its file through model::json) and model::json import each other in no way.
    #[test]
    fn pretty_text_is_serde_json_pretty_output() {
        let contract = example_contract();
        assert_eq!(
            json::to_pretty_text(&contract).unwrap(),
            serde_json::to_string_pretty(&contract).unwrap()
        );
    }

    #[test]
    fn trees_round_trip_like_serde_json_values() {
        let contract = example_contract();
        let tree = json::to_tree(&contract).unwrap();
        assert_eq!(tree, serde_json::to_value(&contract).unwrap());
        assert_eq!(json::from_tree::<crate::model::Contract>(&tree).unwrap(), contract);
    }

    /// Specific objectives per sheet, as numbered in the signed contract (section 3.5).
    const SPECIFIC_PER_SHEET: [usize; 8] = [7, 3, 5, 7, 7, 12, 9, 8];

    fn strategic_objective_ids(contract: &Contract) -> HashSet<Id> {
        contract.axes.iter().flat_map(|a| a.objectives.iter().map(|o| o.id)).collect()
    }

    #[test]
    fn example_parses_with_the_shape_of_the_signed_contract() {
        let contract = example_contract();
        assert_eq!(contract.period.first_year, 2024);
        assert_eq!(contract.period.last_year, 2028);
        assert_eq!(contract.generation, 3, "the seed is the third CLS of the territory");
        assert_eq!(contract.axes.len(), 8);
        assert_eq!(contract.axes.iter().map(|a| a.objectives.len()).sum::<usize>(), 10);
        assert_eq!(contract.sheets.len(), 8);
        assert_eq!(contract.organisations.iter().filter(|o| o.is_signatory()).count(), 10);
        let per_sheet: Vec<usize> =
            contract.sheets.iter().map(|s| s.specific_objectives.len()).collect();
        assert_eq!(per_sheet, SPECIFIC_PER_SHEET);
        assert_eq!(per_sheet.iter().sum::<usize>(), 58);
        assert!(contract.has_mental_health_component());
        assert!(contract.axes[1].mental_health && contract.sheets[1].mental_health);
        let coordination: Vec<&str> = contract
            .sheets
            .iter()
            .filter(|s| s.kind == SheetKind::Coordination)
            .map(|s| s.title.as_str())
            .collect();
        assert_eq!(coordination, ["Animation du contrat local de santé"]);
    }

    /// The figures of seed 001 that the example must keep: a drift in any of them means the
    /// example no longer says what the signed contract says.
    #[test]
    fn example_keeps_the_seed_counts() {
        let c = example_contract();
        let counts = [
            c.axes.len(),
            c.axes.iter().map(|a| a.objectives.len()).sum(),
            c.sheets.len(),
            c.sheets.iter().map(|s| s.specific_objectives.len()).sum(),
            c.organisations.iter().filter(|o| o.is_signatory()).count(),
            c.previous_review.items().count(),
        ];
        assert_eq!(
            counts,
            [8, 10, 8, 58, 10, 27],
            "axes, strategic objectives, fiches, specific objectives, signatories, bilan rows"
        );
    }

    #[test]
    fn example_signs_as_the_seed_prints_it() {
        let c = example_contract();
        assert_eq!(
            (c.signing.place.as_str(), c.signing.date.as_deref()),
            ("Aurillac", Some("2025-03-11"))
        );
        let blocks: Vec<(&str, bool, &str)> =
            crate::model::organisation::signatories_in_order(&c.organisations)
                .into_iter()
                .map(|(_, s)| (s.signer.as_str(), s.by_delegation, s.capacity.as_str()))
                .collect();
        assert_eq!(blocks[0], ("Cécile COURREGES", false, "Madame la Directrice générale"));
        assert_eq!(blocks[1], ("Pierre MATHONIER", false, "Monsieur le Président"));
        assert_eq!(blocks[4], ("Colette DIJOLS", true, "Madame la Conseillère Ordinale"));
        assert_eq!(blocks[7], ("Blandine SEGUY", true, "Madame la Directrice adjointe"));
        assert_eq!(blocks[9], ("Elodie MARTRES", false, "Madame la Présidente"));
        assert_eq!(blocks.iter().filter(|(_, delegation, _)| *delegation).count(), 4);
        let leads: Vec<&str> = c
            .leads
            .iter()
            .filter_map(|l| l.organisation_id)
            .map(|o| c.organisation_name(o))
            .collect();
        assert_eq!(
            leads,
            [
                "Agence Régionale de Santé Auvergne-Rhône-Alpes",
                "Syndicat Mixte du SCoT du Bassin d’Aurillac, du Carladès et de la Châtaigneraie Cantalienne"
            ],
            "the ARS co-pilots the contract with the SCoT"
        );
        assert!(c
            .texts
            .legal_references
            .contains("délibération du Conseil syndical du SCoT en date du 6 Mars 2025"));
        assert!(c.texts.termination.contains("trois mois à l’avance"));
        assert!(c.texts.duration.contains("du 1er Janvier 2024 au 31 Décembre 2028"));
    }

    #[test]
    fn example_bilan_says_only_what_the_seed_says() {
        let c = example_contract();
        let statuses: Vec<Option<ReviewStatus>> =
            c.previous_review.items().map(|i| i.status).collect();
        let count = |s| statuses.iter().filter(|x| **x == Some(s)).count();
        assert_eq!(
            [
                count(ReviewStatus::Done),
                count(ReviewStatus::PartlyDone),
                count(ReviewStatus::BarelyDone),
                count(ReviewStatus::NotDone)
            ],
            [13, 6, 4, 4]
        );
        let residences =
            c.previous_review.items().find(|i| i.action == "Résidences séniors").unwrap();
        assert!(residences.comment.starts_with(
            "8 projets de résidence séniors ont émergé. Certains ont été accompagnés"
        ));
        let all_text = crate::model::json::to_text(&c).unwrap();
        assert!(!all_text.contains("8 projets accompagnés") && !all_text.contains("huit"));
        assert!(c.previous_review.consultation.contains("60 réponses au questionnaire"));
        assert!(!c.previous_review.recommendations.is_empty());
    }

    #[test]
    fn example_states_nothing_the_seed_does_not() {
        let c = example_contract();
        for sheet in &c.sheets {
            assert_eq!(sheet.priority, Priority::NotStated, "{}", sheet.title);
            assert_eq!(sheet.participation, Participation::NotStated, "{}", sheet.title);
            assert!(sheet.funding.is_empty(), "the seed gives no budget");
        }
        // Nothing in the example is dated before the signature (11 March 2025, 00:00 UTC).
        const SIGNED: i64 = 1_741_651_200_000;
        fn stamps(value: &serde_json::Value, found: &mut Vec<i64>) {
            match value {
                serde_json::Value::Object(map) => {
                    found.extend(map.get("modified_at").and_then(serde_json::Value::as_i64));
                    map.values().for_each(|v| stamps(v, found));
                }
                serde_json::Value::Array(items) => items.iter().for_each(|v| stamps(v, found)),
                _ => {}
            }
        }
        let mut found = Vec::new();
        stamps(&serde_json::to_value(&c).unwrap(), &mut found);
        assert!(found.len() > 100 && found.iter().all(|t| *t >= SIGNED));
    }

    #[test]
    fn example_numbers_specific_objectives_as_the_signed_contract() {
        let contract = example_contract();
        let numbering = Numbering::of(&contract);
        let objectives: Vec<&str> = contract
            .axes
            .iter()
            .flat_map(|a| a.objectives.iter().map(|o| numbering.label(o.id)))
            .collect();
        assert_eq!(
            objectives,
            ["1.1", "2.1", "2.2", "3.1", "4.1", "4.2", "5.1", "6.1", "7.1", "8.1"]
        );
        let numbers: Vec<&str> = contract
            .sheets
            .iter()
            .flat_map(|s| s.specific_objectives.iter().map(|o| numbering.label(o.id)))
            .collect();
        assert_eq!(numbers.len(), 58);
        assert_eq!(&numbers[..3], ["1.1.1", "1.1.2", "1.1.3"]);
        assert_eq!(&numbers[7..10], ["2.1.1", "2.2.1", "2.2.2"]);
        assert_eq!(
            &numbers[15..22],
            ["4.1.1", "4.1.2", "4.2.1", "4.2.2", "4.2.3", "4.2.4", "4.2.5"]
        );
        assert_eq!(numbers[40], "6.1.12");
        assert_eq!(numbers[57], "8.1.8");
    }

    #[test]
    fn example_references_all_resolve_inside_the_contract() {
        let contract = example_contract();
        let organisations: HashSet<Id> = contract.organisations.iter().map(|o| o.id).collect();
        let findings: HashSet<Id> = contract.diagnostic.iter().map(|f| f.id).collect();
        let strategic = strategic_objective_ids(&contract);
        for member in &contract.governance.members {
            if let Some(org) = member.organisation_id {
                assert!(organisations.contains(&org), "member {} -> {org}", member.role);
            }
        }
        for sheet in &contract.sheets {
            let axis = contract
                .axis(sheet.axis_id.expect("every sheet has an axis"))
                .unwrap_or_else(|| panic!("axis of {}", sheet.title));
            let objective = sheet.objective_id.expect("every sheet has a strategic objective");
            assert!(axis.objective(objective).is_some(), "objective of {}", sheet.title);
            for specific in &sheet.specific_objectives {
                let parent = specific.strategic_objective_id.expect("attached");
                assert!(strategic.contains(&parent), "{}", specific.text);
                assert!(
                    axis.objective(parent).is_some(),
                    "{} is under its sheet's axis",
                    specific.text
                );
            }
            for finding in &sheet.finding_ids {
                assert!(findings.contains(finding), "finding of {}", sheet.title);
            }
            for lead in sheet.lead_ids() {
                assert!(organisations.contains(&lead), "lead of {}", sheet.title);
            }
            for partner in &sheet.partner_ids {
                assert!(organisations.contains(partner), "partner of {}", sheet.title);
            }
            for action in &sheet.actions {
                if let Some(lead) = action.lead_id {
                    assert!(organisations.contains(&lead), "action lead in {}", sheet.title);
                }
            }
            for line in &sheet.funding {
                if let Some(funder) = line.funder_id {
                    assert!(organisations.contains(&funder), "funder in {}", sheet.title);
                }
            }
        }
    }

    #[test]
    fn example_ids_are_unique() {
        let c = example_contract();
        let mut ids = vec![c.id];
        ids.extend(c.organisations.iter().map(|o| o.id));
        ids.extend(c.governance.members.iter().map(|m| m.id));
        ids.extend(c.governance.meetings.iter().map(|m| m.id));
        ids.extend(c.diagnostic.iter().map(|f| f.id));
        for axis in &c.axes {
            ids.push(axis.id);
            ids.extend(axis.objectives.iter().map(|o| o.id));
        }
        for sheet in &c.sheets {
            ids.push(sheet.id);
            ids.extend(sheet.specific_objectives.iter().map(|o| o.id));
            ids.extend(sheet.actions.iter().map(|a| a.id));
            ids.extend(sheet.funding.iter().map(|f| f.id));
            ids.extend(sheet.indicators.iter().map(|i| i.id));
        }
        ids.extend(c.governance.bodies.iter().map(|b| b.id));
        for former in &c.previous_review.sheets {
            ids.push(former.id);
            ids.extend(former.items.iter().map(|i| i.id));
        }
        let unique: HashSet<Id> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len());
    }
}
