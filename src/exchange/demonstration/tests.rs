//! The demonstration file: read through the import checks, in canonical form, fictional, and
//! showing every feature it is there to show (each test names one), with ids that are unique
//! and references that resolve. Validation finds nothing to say about it.

use super::*;
use crate::exchange::Envelope;
use crate::model::amendment::{is_signed, signed_version, FROZEN_COPY_KEY};
use crate::model::copy::with_fresh_ids;
use crate::model::example::example_contract;
use crate::model::validation::validate;
use crate::model::{
    completeness, Body, Id, IndicatorKind, IndicatorScale, ReviewStatus, YearReview,
};
use crate::versions::since_signed::{amendment_changes, pending_changes};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

const FILE: &str = include_str!("../../../examples/cls-demonstration-2024-2028.json");

/// The years of follow-up the demonstration shows.
const FOLLOWED: [i32; 2] = [2024, 2025];

fn demo() -> Contract {
    demonstration_contract(FILE.as_bytes()).expect("the demonstration file loads")
}

/// Every yearly review of the contract, fiches and actions alike.
fn reviews(contract: &Contract) -> impl Iterator<Item = &YearReview> {
    contract
        .sheets
        .iter()
        .flat_map(|s| s.reviews.iter().chain(s.actions.iter().flat_map(|a| a.reviews.iter())))
}

#[test]
fn it_loads_through_the_import_checks_in_the_current_format() {
    let checked = check_file(FILE.as_bytes()).expect("valid exchange file");
    assert_eq!(checked.migrated_from, None, "written in the current format");
    assert_eq!(checked.envelope.schema_version, crate::model::SCHEMA_VERSION);
    assert_eq!(checked.envelope.kind, crate::exchange::ENVELOPE_TYPE);
}

/// The tests of the layers below read the file for its contract only (`model::example`): the
/// same contract as through the import checks.
#[test]
fn the_tests_fixture_is_the_checked_contract() {
    assert_eq!(crate::model::example::demonstration(), demo());
}

#[test]
fn it_is_in_canonical_form() {
    let envelope: Envelope = serde_json::from_str(FILE).unwrap();
    let pretty = serde_json::to_string_pretty(&envelope).unwrap();
    assert!(
        format!("{pretty}\n") == FILE,
        "examples/cls-demonstration-2024-2028.json is not in canonical form (serde_json's pretty \
         output, two spaces, non-ASCII unescaped, final newline)"
    );
}

#[test]
fn it_is_what_the_model_makes() {
    assert!(
        signed::signed_file(FILE) == FILE,
        "{} is not what the app's signature and avenant make of it: run `{}`",
        signed::FILE,
        signed::REGENERATE
    );
}

/// Signed the day its identity says, before any follow-up, with one avenant that extends an
/// action and raises a line of its budget, adopted at the COPIL of 4 December 2025; nothing has
/// changed since that avenant.
#[test]
fn it_is_signed_with_one_avenant_that_extends_an_action_and_its_budget() {
    let contract = demo();
    assert!(is_signed(&contract));
    let at_signature = contract.signing.frozen_copy.as_deref().expect("a signed copy");
    assert_eq!(at_signature.signing.date.as_deref(), Some("2024-02-15"));
    assert_eq!(at_signature.signing.place, "Sorel-sur-Lende");
    assert_eq!(reviews(at_signature).count(), 0, "signed before any follow-up");
    assert!(at_signature.governance.meetings.is_empty(), "and before any meeting");
    assert_eq!(contract.amendments.len(), 1);
    let amendment = &contract.amendments[0];
    assert_eq!((amendment.number, amendment.date.as_deref()), (1, Some("2025-12-04")));
    let meeting = contract.governance.meetings.iter().find(|m| Some(m.id) == amendment.meeting_id);
    let meeting = meeting.map(|m| (m.body, m.date.as_str()));
    assert_eq!(meeting, Some((Body::SteeringCommittee, "2025-12-04")));
    assert!(amendment.object.starts_with("Prolongation"), "{}", amendment.object);
    assert!(amendment.changes.contains("prolongée de 6 mois"), "{}", amendment.changes);
    let changes = amendment_changes(&contract, 1);
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert!(changes[0].title.starts_with("Fiche action n°1 — "), "{}", changes[0].title);
    let fields: Vec<(&str, &str, &str)> = changes[0]
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.mine.as_str(), f.theirs.as_str()))
        .collect();
    assert_eq!(fields.len(), 2, "{fields:?}");
    assert!(fields[0].0.ends_with("› Fin") && fields[0].2.contains("2026"), "{fields:?}");
    assert!(fields[1].0.contains("Montant prévu"), "{fields:?}");
    assert_eq!(signed_version(&contract), amendment.frozen_copy.as_deref());
    assert!(pending_changes(&contract).is_empty(), "nothing changed since the avenant");
}

#[test]
fn it_says_it_is_fictional_in_its_name_and_its_flag() {
    let contract = demo();
    assert!(contract.fictional);
    assert!(contract.name.contains("démonstration") && contract.name.contains("fictif"));
    assert!(contract.territory.name.contains("fictif"));
    assert!(!example_contract().fictional, "the real example is not fictional");
}

#[test]
fn a_contract_that_is_not_fictional_is_not_taken_for_the_demonstration() {
    let envelope = Envelope::new(example_contract(), "2026-01-15T00:00:00Z".into(), "".into());
    let failure = demonstration_contract(envelope.to_pretty_json().as_bytes()).unwrap_err();
    assert_eq!(failure, LoadFailure::NotFictional);
}

#[test]
fn failures_say_what_happened_in_french_and_that_nothing_changed() {
    let refused = demonstration_contract(b"<!DOCTYPE html><html></html>").unwrap_err();
    assert!(matches!(refused, LoadFailure::Refused(_)));
    for (failure, words) in [
        (LoadFailure::Unreachable, "connexion"),
        (LoadFailure::Status(404), "introuvable"),
        (LoadFailure::Status(500), "code 500"),
        (refused, "pas lisible"),
        (LoadFailure::NotFictional, "pas le contrat de démonstration"),
    ] {
        let message = failure.message_fr();
        assert!(message.starts_with("La démonstration n’a pas pu être chargée : "), "{message}");
        assert!(message.contains(words), "{message}");
        assert!(message.ends_with("Vos contrats n’ont pas changé."), "{message}");
    }
}

#[test]
fn it_has_eight_fiches_one_on_each_of_the_eight_axes_of_seed_001() {
    let contract = demo();
    let titles = |c: &Contract| c.axes.iter().map(|a| a.title.clone()).collect::<Vec<_>>();
    assert_eq!(titles(&contract), titles(&example_contract()));
    assert_eq!(contract.sheets.len(), 8);
    for (axis, sheet) in contract.axes.iter().zip(contract.sheets_in_axis_order()) {
        assert_eq!(sheet.axis_id, Some(axis.id), "{}", sheet.title);
    }
    assert!(contract.has_mental_health_component());
}

#[test]
fn every_fiche_is_fully_filled() {
    let contract = demo();
    for sheet in &contract.sheets {
        assert!(completeness::is_complete(sheet), "{}: {:?}", sheet.title, {
            completeness::checklist(sheet).into_iter().filter(|c| !c.done).collect::<Vec<_>>()
        });
        let filled = [
            &sheet.local_findings,
            &sheet.general_objective,
            &sheet.expected_results,
            &sheet.leads[0].person,
            &sheet.human_means,
            &sheet.material_means,
        ];
        assert!(filled.iter().all(|t| !t.trim().is_empty()), "{}", sheet.title);
        assert!(!sheet.finding_ids.is_empty() && !sheet.partner_ids.is_empty(), "{}", sheet.title);
        assert!(sheet.specific_objectives.len() >= 2, "{}", sheet.title);
        assert!(!sheet.health_fields.is_empty() && !sheet.determinants.is_empty());
    }
}

#[test]
fn it_has_at_least_forty_dated_actions_with_milestones_and_partners_as_leads() {
    let contract = demo();
    let actions: Vec<_> = contract.sheets.iter().flat_map(|s| &s.actions).collect();
    assert!(actions.len() >= 40, "{} actions", actions.len());
    assert!(contract.sheets.iter().all(|s| (5..=6).contains(&s.actions.len())));
    assert!(actions.iter().filter(|a| a.milestone).count() >= 5);
    assert!(actions.iter().filter(|a| a.lead_id.is_some()).count() >= 10);
    for action in &actions {
        let (start, end) = (action.start.unwrap(), action.end.unwrap());
        assert!(
            start <= end && contract.period.contains_year(start.year),
            "{}",
            action.description
        );
        assert!(contract.period.contains_year(end.year), "{}", action.description);
    }
    let years: HashSet<i32> =
        actions.iter().flat_map(|a| [a.start, a.end]).flatten().map(|m| m.year).collect();
    assert!(contract.period.years().all(|y| years.contains(&y)), "spread over the period");
}

#[test]
fn two_years_of_follow_up_use_every_status_at_least_twice() {
    let contract = demo();
    let mut uses: HashMap<ReviewStatus, usize> = HashMap::new();
    for review in reviews(&contract) {
        assert!(FOLLOWED.contains(&review.year), "follow-up of {} only", review.year);
        if let Some(status) = review.status {
            *uses.entry(status).or_default() += 1;
            let explained = !status.asks_why() || !review.reason.trim().is_empty();
            assert!(explained && !review.comment.trim().is_empty(), "{review:?}");
        }
    }
    for &status in ReviewStatus::ALL {
        assert!(uses.get(&status).copied().unwrap_or(0) >= 2, "{} used {uses:?}", status.label());
    }
}

#[test]
fn every_row_has_its_2024_review_and_a_few_2025_rows_are_left_not_filled() {
    let contract = demo();
    let mut rows = Vec::new();
    for sheet in &contract.sheets {
        rows.push(&sheet.reviews);
        rows.extend(sheet.actions.iter().map(|a| &a.reviews));
    }
    let status = |reviews: &Vec<YearReview>, year| crate::model::review::status_of(reviews, year);
    assert!(rows.iter().all(|r| status(r, 2024).is_some()), "every row reviewed in 2024");
    let not_filled = rows.iter().filter(|r| status(r, 2025).is_none()).count();
    assert!((2..=6).contains(&not_filled), "{not_filled} rows « Non renseigné » in 2025");
    let to_confirm: Vec<_> = reviews(&contract).filter(|r| r.to_confirm).collect();
    assert!(!to_confirm.is_empty() && to_confirm.iter().all(|r| r.year == 2025));
}

#[test]
fn indicators_have_targets_and_results_some_reached_some_not() {
    let contract = demo();
    let mut reached = HashSet::new();
    let mut scales = HashSet::new();
    let all = contract.sheets.iter().flat_map(|s| &s.indicators).chain(&contract.indicators);
    for indicator in all {
        scales.insert(indicator.scale);
        assert!(!indicator.target.is_empty() && !indicator.source.is_empty(), "{}", indicator.name);
        assert!(!indicator.baseline.is_empty(), "{}", indicator.name);
        for year in FOLLOWED {
            let value =
                indicator.value_of(year).unwrap_or_else(|| panic!("{year}: {}", indicator.name));
            assert!(!value.target.is_empty() && value.has_result(), "{year}: {}", indicator.name);
            match indicator.target_reached(year) {
                Some(yes) => drop(reached.insert(yes)),
                None => assert_eq!(indicator.scale, IndicatorScale::Text, "{}", indicator.name),
            }
        }
    }
    assert_eq!(reached, HashSet::from([true, false]), "some targets reached, some not");
    assert_eq!(scales.len(), IndicatorScale::ALL.len(), "every scale is shown");
    for sheet in &contract.sheets {
        assert!(sheet.indicators.iter().any(|i| i.kind == IndicatorKind::Process));
        assert!(sheet.indicators.iter().any(|i| i.kind == IndicatorKind::Outcome));
    }
    let kinds = |kind| contract.indicators.iter().filter(|i| i.kind == kind).count();
    assert_eq!(kinds(IndicatorKind::Process), 3);
    assert!((3..=4).contains(&kinds(IndicatorKind::Outcome)));
}

/// The contract's indicator « Part des actions réalisées » says what the follow-up says.
#[test]
fn the_share_of_actions_done_agrees_with_the_follow_up() {
    let contract = demo();
    let indicator = contract
        .indicators
        .iter()
        .find(|i| i.name.starts_with("Part des actions réalisées"))
        .expect("the contract follows its share of actions done");
    let actions: Vec<_> = contract.sheets.iter().flat_map(|s| &s.actions).collect();
    for year in FOLLOWED {
        let done = actions
            .iter()
            .filter(|a| {
                crate::model::review::status_of(&a.reviews, year)
                    .is_some_and(|s| s.counts_as_done())
            })
            .count();
        let percent = (200 * done + actions.len()) / (2 * actions.len());
        assert_eq!(indicator.value_of(year).unwrap().result, format!("{percent} %"), "{year}");
    }
}

#[test]
fn budgets_are_planned_every_year_and_spent_in_the_followed_years() {
    let contract = demo();
    let lines: Vec<_> = contract.sheets.iter().flat_map(|s| &s.funding).collect();
    let (mut under, mut over) = (0, 0);
    for line in &lines {
        assert!(contract.period.contains_year(line.year) && line.funder_id.is_some());
        match (FOLLOWED.contains(&line.year), line.actual_euros) {
            (true, Some(spent)) if Some(spent) < line.planned_euros => under += 1,
            (true, Some(spent)) if Some(spent) > line.planned_euros => over += 1,
            (true, Some(_)) => {}
            (true, None) => panic!("nothing spent in {}", line.year),
            (false, spent) => assert_eq!(spent, None, "spent in {}, not yet followed", line.year),
        }
    }
    assert!(under > 0 && over > 0, "{under} lines under, {over} over");
    for sheet in &contract.sheets {
        let years: HashSet<i32> = sheet.funding.iter().map(|l| l.year).collect();
        assert_eq!(years.len(), 5, "{} is funded every year", sheet.title);
    }
}

#[test]
fn governance_meets_in_both_followed_years() {
    let contract = demo();
    let governance = &contract.governance;
    for &body in &Body::ALL[1..3] {
        assert!(governance.members.iter().any(|m| m.body == body));
        for year in FOLLOWED {
            assert!(
                governance
                    .meetings
                    .iter()
                    .any(|m| m.body == body && m.date.starts_with(&year.to_string())),
                "{} in {year}",
                body.label()
            );
        }
    }
    assert!(!contract.diagnostic.is_empty() && contract.territory.communes.len() >= 10);
    assert!(contract.signing.date.is_some() && !contract.coordinator.name.is_empty());
}

/// Every object with an `id`, anywhere in the file but in its frozen copies (which repeat the
/// contract's ids on purpose: they are the same contract at another time).
fn ids(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(id)) = map.get("id") {
                found.push(id.clone());
            }
            map.iter()
                .filter(|(key, _)| key.as_str() != FROZEN_COPY_KEY)
                .for_each(|(_, v)| ids(v, found));
        }
        Value::Array(items) => items.iter().for_each(|v| ids(v, found)),
        _ => {}
    }
}

#[test]
fn ids_are_unique_and_apart_from_the_example() {
    let file: Value = serde_json::from_str(FILE).unwrap();
    let mut found = Vec::new();
    ids(&file, &mut found);
    let unique: HashSet<&String> = found.iter().collect();
    assert_eq!(unique.len(), found.len());
    let mut example = Vec::new();
    ids(&serde_json::to_value(example_contract()).unwrap(), &mut example);
    assert!(example.iter().all(|id| !unique.contains(id)));
}

#[test]
fn references_resolve_and_validation_has_nothing_to_say() {
    let contract = demo();
    let organisations: HashSet<Id> = contract.organisations.iter().map(|o| o.id).collect();
    let findings: HashSet<Id> = contract.diagnostic.iter().map(|f| f.id).collect();
    for sheet in &contract.sheets {
        let axis = contract.axis_of(sheet).expect("axis");
        assert!(axis.objective(sheet.objective_id.expect("objective")).is_some());
        for specific in &sheet.specific_objectives {
            assert!(axis.objective(specific.strategic_objective_id.expect("attached")).is_some());
        }
        assert!(sheet.finding_ids.iter().all(|f| findings.contains(f)));
        let mut used = sheet.partner_ids.clone();
        used.extend(sheet.lead_ids());
        used.extend(sheet.actions.iter().filter_map(|a| a.lead_id));
        used.extend(sheet.funding.iter().filter_map(|l| l.funder_id));
        assert!(used.iter().all(|o| organisations.contains(o)), "{}", sheet.title);
    }
    let members = contract.governance.members.iter().filter_map(|m| m.organisation_id);
    assert!(members.into_iter().all(|o| organisations.contains(&o)));
    assert_eq!(validate(&contract), Vec::new());
}

#[test]
fn fresh_ids_keep_it_fictional_and_share_nothing_with_the_file() {
    let contract = demo();
    let copy = with_fresh_ids(&contract, Id::random, 0);
    assert!(copy.fictional);
    let (mut before, mut after) = (Vec::new(), Vec::new());
    ids(&serde_json::to_value(&contract).unwrap(), &mut before);
    ids(&serde_json::to_value(&copy).unwrap(), &mut after);
    assert_eq!(before.len(), after.len());
    assert!(after.iter().all(|id| !before.contains(id)));
    assert_eq!(validate(&copy), Vec::new(), "references follow the new ids");
}

/// The demonstration is followed in 2024 and 2025: in 2026 it opens on 2025, not on a year with
/// « 0 sur 47 » filled in (`model::follow_up::opening_year`).
#[test]
fn the_demonstration_opens_on_its_second_year_of_follow_up() {
    let demonstration = demonstration_contract(FILE.as_bytes()).unwrap();
    assert_eq!(crate::model::follow_up::opening_year(&demonstration, 2026), 2025);
    assert_eq!(crate::model::follow_up::opening_year(&demonstration, 2031), 2025);
}
