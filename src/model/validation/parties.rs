//! Rules on what format 3 added: the contract's co-leads, the signatories' blocks, governance
//! bodies, the previous contract's bilan and the avenants. They only inform: a block without a
//! signer's name is worth a look before printing the signature page, never a reason to stop.

use super::checker::{organisation_path, Checker, QUOTED_IN_PATH};
use super::Subject;
use crate::model::iso_date::{french_date, is_iso_date};
use crate::model::text::shorten;
use crate::model::Body;
use std::collections::BTreeSet;

/// Where the co-lead issues point: the « Pilotage et textes du contrat » section.
const LEADS_PATH: &str = "Pilotage du contrat › Copilotes";

/// The contract's co-leads are organisations of the directory, like a fiche's leads.
pub(super) fn check_contract_leads(check: &mut Checker) {
    let contract = check.contract;
    let gone = contract
        .leads
        .iter()
        .filter(|l| l.organisation_id.is_some_and(|id| contract.organisation(id).is_none()))
        .count();
    if gone > 0 {
        check.error(
            Subject::ContractLeads,
            LEADS_PATH.into(),
            "Un copilote du contrat a été supprimé de l’annuaire : « Retirer les copilotes supprimés » le retire, cochez-en un autre s’il le faut.".into(),
        );
    }
}

/// A signatory's block prints « Pour <organisation> », the capacity and the name: without them
/// the signature page has a hole.
pub(super) fn check_signatories(check: &mut Checker) {
    for (rank, organisation) in check.contract.organisations.iter().enumerate() {
        let Some(signatory) = &organisation.signatory else { continue };
        let subject = Subject::Organisation(organisation.id);
        let path = format!("{} › Signature", organisation_path(&organisation.name, rank));
        if signatory.signer.trim().is_empty() {
            check.warning(
                subject,
                path.clone(),
                "Le bloc de signature n’indique pas le nom du signataire.".into(),
            );
        }
        if signatory.capacity.trim().is_empty() {
            check.warning(
                subject,
                path,
                "Le bloc de signature n’indique pas la qualité du signataire (par exemple « Madame la Directrice générale »).".into(),
            );
        }
    }
}

/// A body of kind « Autre instance » is known only by its name.
pub(super) fn check_bodies(check: &mut Checker) {
    for (rank, body) in check.contract.governance.bodies.iter().enumerate() {
        if body.kind == Body::Other && body.name.trim().is_empty() {
            check.warning(
                Subject::GovernanceBody(body.id),
                format!("Gouvernance › Instance {}", rank + 1),
                "Cette instance est de type « Autre instance » mais n’a pas de nom : nommez-la, par exemple « Groupe de travail addictions ».".into(),
            );
        }
    }
}

/// A row of the previous bilan says how far the action went: that is what the table is for.
pub(super) fn check_previous_review(check: &mut Checker) {
    for sheet in &check.contract.previous_review.sheets {
        for (rank, item) in sheet.items.iter().enumerate() {
            if item.status.is_some() {
                continue;
            }
            let action = match item.action.trim() {
                "" => format!("Action {}", rank + 1),
                action => format!("« {} »", shorten(action, QUOTED_IN_PATH)),
            };
            let title = shorten(sheet.title.trim(), QUOTED_IN_PATH);
            check.warning(
                Subject::FormerItem { sheet: sheet.id, id: item.id },
                format!("Bilan du précédent contrat › {title} › {action}"),
                "Cette action n’a pas de statut : dites si elle a été réalisée, partiellement, peu ou pas.".into(),
            );
        }
    }
}

/// Avenants are numbered from 1 without a gap nor a repeat, dated after the signature, adopted
/// at a meeting of the contract, and say what they are about.
pub(super) fn check_amendments(check: &mut Checker) {
    let contract = check.contract;
    let numbers: BTreeSet<u32> = contract.amendments.iter().map(|a| a.number).collect();
    let signed = contract.signing.date.as_deref().map(str::trim).filter(|d| is_iso_date(d));
    let mut seen = BTreeSet::new();
    for amendment in &contract.amendments {
        let number = amendment.number;
        let subject = Subject::Amendment(amendment.id);
        let path = format!("Avenant n°{number}");
        if !seen.insert(number) {
            check.error(
                subject,
                path.clone(),
                format!("Deux avenants portent le n°{number} : renumérotez l’un d’eux."),
            );
        } else if let Some(gap) = gap_before(&numbers, number) {
            check.warning(subject, path.clone(), gap);
        }
        if amendment.object.trim().is_empty() {
            check.warning(
                subject,
                path.clone(),
                "Cet avenant n’a pas d’objet : dites en une phrase ce qu’il change.".into(),
            );
        }
        if let Some(date) = amendment.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            if !is_iso_date(date) {
                check.warning(
                    subject,
                    path.clone(),
                    format!("La date de cet avenant (« {date} ») n’est pas une date valide : choisissez-la à nouveau dans le calendrier."),
                );
            } else if let Some(signed) = signed.filter(|signed| date < *signed) {
                check.warning(
                    subject,
                    path.clone(),
                    format!(
                        "Cet avenant est daté du {}, avant la signature du contrat ({}).",
                        french_date(date),
                        french_date(signed)
                    ),
                );
            }
        }
        let meetings = &contract.governance.meetings;
        if amendment.meeting_id.is_some_and(|id| !meetings.iter().any(|m| m.id == id)) {
            check.error(
                subject,
                path,
                "La réunion qui a adopté cet avenant a été supprimée : choisissez-la à nouveau."
                    .into(),
            );
        }
    }
}

/// What is missing just before avenant n°`number`: « Il manque l'avenant n°2 » when n°1 and
/// n°3 exist; `None` when the number follows the one before it.
fn gap_before(numbers: &BTreeSet<u32>, number: u32) -> Option<String> {
    if number == 0 {
        return Some("Les avenants se numérotent à partir de 1.".into());
    }
    let previous = numbers.range(..number).next_back().copied().unwrap_or(0);
    let (first, last) = (previous + 1, number - 1);
    match last.checked_sub(first) {
        None => None,
        Some(0) => Some(format!("Il manque l’avenant n°{first} avant celui-ci.")),
        Some(_) => Some(format!("Il manque les avenants n°{first} à n°{last} avant celui-ci.")),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;
    use super::super::{validate, Subject};
    use crate::model::{
        Amendment, Body, FormerItem, FormerSheet, GovernanceBody, Lead, ReviewStatus, Signatory,
    };

    fn with_amendments(numbers: &[u32]) -> crate::model::Contract {
        let mut c = clean();
        for (rank, number) in numbers.iter().enumerate() {
            let mut amendment = Amendment::new(id(500 + rank as u128), *number, 0);
            amendment.object = format!("Objet {number}");
            amendment.date = Some("2025-06-01".into());
            amendment.meeting_id = Some(id(210));
            c.amendments.push(amendment);
        }
        c
    }

    #[test]
    fn a_complete_avenant_and_signatory_have_no_issue() {
        let mut c = with_amendments(&[1, 2]);
        c.organisations[0].signatory = Some(Signatory {
            signer: "Cécile COURREGES".into(),
            capacity: "Madame la Directrice générale".into(),
            rank: 1,
            ..Default::default()
        });
        c.leads = vec![Lead { organisation_id: Some(id(100)), person: String::new() }];
        let mut other = GovernanceBody::new(id(220), Body::Other, 0);
        other.name = "Groupe de travail addictions".into();
        c.governance.bodies.push(other);
        let mut former = FormerSheet::new(id(400), "Fiche action n°1", 0);
        let mut item = FormerItem::new(id(401), "Bourses d’études", 0);
        item.status = Some(ReviewStatus::Done);
        former.items.push(item);
        c.previous_review.sheets.push(former);
        assert_eq!(validate(&c), Vec::new());
    }

    #[test]
    fn a_signature_block_without_the_signers_name_or_capacity_is_a_warning() {
        let mut c = clean();
        c.organisations[1].signatory =
            Some(Signatory { capacity: "Monsieur le Directeur".into(), ..Default::default() });
        let issue = only_warning(&c, Subject::Organisation(id(101)));
        assert_eq!(issue.path, "Annuaire › CPAM du Cantal › Signature");
        assert!(issue.message.contains("nom du signataire"), "{}", issue.message);
        c.organisations[1].signatory =
            Some(Signatory { signer: "Pascal PONS".into(), ..Default::default() });
        assert!(only(&c).message.contains("qualité du signataire"));
    }

    #[test]
    fn another_body_without_a_name_is_a_warning() {
        let mut c = clean();
        c.governance.bodies.push(GovernanceBody::new(id(220), Body::SteeringCommittee, 0));
        c.governance.bodies.push(GovernanceBody::new(id(221), Body::Other, 0));
        let issue = only_warning(&c, Subject::GovernanceBody(id(221)));
        assert_eq!(issue.path, "Gouvernance › Instance 2");
        assert!(issue.message.contains("n’a pas de nom"));
    }

    #[test]
    fn a_previous_bilan_row_without_a_status_is_a_warning() {
        let mut c = clean();
        let mut former = FormerSheet::new(id(400), "Fiche action n°1 : Démographie médicale", 0);
        former.items.push(FormerItem::new(id(401), "Bourses d’études", 0));
        c.previous_review.sheets.push(former);
        let issue = only_warning(&c, Subject::FormerItem { sheet: id(400), id: id(401) });
        assert_eq!(
            issue.path,
            "Bilan du précédent contrat › Fiche action n°1 : Démographie médicale › « Bourses d’études »"
        );
    }

    #[test]
    fn a_co_lead_missing_from_the_directory_is_an_error() {
        let mut c = clean();
        c.leads = vec![
            Lead { organisation_id: Some(id(100)), person: String::new() },
            Lead { organisation_id: Some(id(999)), person: String::new() },
        ];
        let issue = only_error(&c, Subject::ContractLeads);
        assert!(issue.message.contains("supprimé de l’annuaire"));
    }

    #[test]
    fn avenant_numbers_repeat_or_skip() {
        let mut c = with_amendments(&[1, 1]);
        let issue = only_error(&c, Subject::Amendment(id(501)));
        assert_eq!(issue.path, "Avenant n°1");
        assert!(issue.message.contains("Deux avenants portent le n°1"));

        c = with_amendments(&[1, 3]);
        let issue = only_warning(&c, Subject::Amendment(id(501)));
        assert_eq!(issue.message, "Il manque l’avenant n°2 avant celui-ci.");
        c = with_amendments(&[4, 1]);
        assert_eq!(only(&c).message, "Il manque les avenants n°2 à n°3 avant celui-ci.");
        c = with_amendments(&[2]);
        assert_eq!(only(&c).message, "Il manque l’avenant n°1 avant celui-ci.");
    }

    #[test]
    fn an_avenant_dated_before_the_signature_is_a_warning() {
        let mut c = with_amendments(&[1]);
        c.amendments[0].date = Some("2024-03-01".into());
        let issue = only_warning(&c, Subject::Amendment(id(500)));
        assert_eq!(
            issue.message,
            "Cet avenant est daté du 1er mars 2024, avant la signature du contrat (27 juin 2024)."
        );
        c.amendments[0].date = Some("01/03/2025".into());
        assert!(only(&c).message.contains("n’est pas une date valide"));
        c.signing.date = None;
        c.amendments[0].date = Some("2024-03-01".into());
        assert!(validate(&c).is_empty(), "no signature date, nothing to compare with");
    }

    #[test]
    fn an_avenant_without_object_or_with_a_deleted_meeting() {
        let mut c = with_amendments(&[1]);
        c.amendments[0].object = " ".into();
        let issue = only_warning(&c, Subject::Amendment(id(500)));
        assert!(issue.message.contains("pas d’objet"));
        c.amendments[0].object = "Objet".into();
        c.amendments[0].meeting_id = Some(id(999));
        let issue = only_error(&c, Subject::Amendment(id(500)));
        assert!(issue.message.contains("réunion qui a adopté"));
    }

    #[test]
    fn format_3_issues_come_in_document_order() {
        let mut c = with_amendments(&[2]);
        c.leads = vec![Lead { organisation_id: Some(id(999)), person: String::new() }];
        c.governance.bodies.push(GovernanceBody::new(id(221), Body::Other, 0));
        let mut former = FormerSheet::new(id(400), "Fiche 1", 0);
        former.items.push(FormerItem::new(id(401), "Bourses", 0));
        c.previous_review.sheets.push(former);
        c.organisations[2].signatory = Some(Signatory::default());
        let subjects: Vec<Subject> = validate(&c).into_iter().map(|i| i.subject).collect();
        assert_eq!(
            subjects,
            [
                Subject::ContractLeads,
                Subject::Organisation(id(102)),
                Subject::Organisation(id(102)),
                Subject::GovernanceBody(id(221)),
                Subject::FormerItem { sheet: id(400), id: id(401) },
                Subject::Amendment(id(500)),
            ]
        );
    }
}
