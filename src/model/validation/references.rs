//! Rules on references by id to the directory and the diagnostic: an organisation or a
//! diagnostic entry deleted while still cited leaves a hole to fill again.

use super::checker::Checker;
use super::Subject;
use crate::model::Id;

/// Organisations are typed once in the directory and referenced everywhere by id: deleting one
/// from the directory leaves holes that must be filled again. A cited diagnostic finding that
/// was deleted is only a **warning**: the sheet loses a citation, not a piece of its content,
/// and the fix is just to remove it or pick another finding.
pub(super) fn check_references(check: &mut Checker) {
    let contract = check.contract;
    let known = |id: &Id| contract.organisation(*id).is_some();
    for member in &contract.governance.members {
        if member.organisation_id.is_some_and(|id| !known(&id)) {
            let path = check.member_path(member.body, &member.name, member.id);
            check.error(
                Subject::Member(member.id),
                path,
                deleted_organisation("L’organisation de ce membre"),
            );
        }
    }
    for sheet in contract.sheets_in_axis_order() {
        let subject = Subject::Sheet(sheet.id);
        if sheet.leads.iter().any(|l| l.organisation_id.is_some_and(|id| !known(&id))) {
            let path = check.sheet_path(sheet);
            check.error(
                subject,
                path,
                deleted_organisation("L’organisation pilote de cette fiche"),
            );
        }
        for _ in sheet.partner_ids.iter().filter(|id| !known(id)) {
            let path = check.sheet_path(sheet);
            check.error(
                subject,
                path,
                deleted_organisation("Une organisation partenaire de cette fiche"),
            );
        }
        for _ in
            sheet.finding_ids.iter().filter(|id| !contract.diagnostic.iter().any(|f| f.id == **id))
        {
            let path = check.sheet_path(sheet);
            check.warning(
                subject,
                path,
                "Un constat du diagnostic cité par cette fiche a été supprimé : retirez-le ou choisissez-en un autre.".into(),
            );
        }
        for (rank, action) in sheet.actions.iter().enumerate() {
            if action.lead_id.is_some_and(|id| !known(&id)) {
                let path = check.within(sheet, format!("Action {}", rank + 1));
                check.error(
                    Subject::Action { sheet: sheet.id, id: action.id },
                    path,
                    deleted_organisation("L’organisation qui porte cette action"),
                );
            }
        }
        for (rank, line) in sheet.funding.iter().enumerate() {
            if line.funder_id.is_some_and(|id| !known(&id)) {
                let path = check.within(sheet, format!("Ligne de financement {}", rank + 1));
                check.error(
                    Subject::Funding { sheet: sheet.id, id: line.id },
                    path,
                    deleted_organisation("L’organisation qui finance cette ligne"),
                );
            }
        }
    }
}

/// The subject is always « organisation » (feminine), so the agreement and « choisissez-la » hold.
fn deleted_organisation(who: &str) -> String {
    format!("{who} a été supprimée de l’annuaire : choisissez-la à nouveau.")
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;
    use super::super::order::document_order;
    use super::super::{errors, validate, Severity, Subject};
    use crate::model::Contract;
    use proptest::prelude::*;

    fn without_organisation(n: u128) -> Contract {
        let mut c = clean();
        c.organisations.retain(|o| o.id != id(n));
        c
    }

    #[test]
    fn a_deleted_sheet_lead_is_an_error() {
        let mut c = clean();
        c.sheets[0].lead_mut().organisation_id = Some(id(999));
        let issue = only_error(&c, Subject::Sheet(id(1000)));
        assert!(
            issue.message.contains("supprimée")
                && issue.message.contains("choisissez-la à nouveau")
        );
    }

    #[test]
    fn a_deleted_partner_is_an_error() {
        let issue = only(&{
            let mut c = without_organisation(102);
            c.sheets[1].partner_ids.retain(|p| *p != id(102));
            c
        });
        // Org 102 is only a partner of sheet 1000 now.
        assert_error(&issue, Subject::Sheet(id(1000)));
        assert!(issue.message.contains("partenaire"));
    }

    #[test]
    fn a_deleted_action_lead_is_an_error() {
        let mut c = clean();
        c.sheets[1].actions[0].lead_id = Some(id(999));
        assert_error(&only(&c), Subject::Action { sheet: id(2000), id: id(2002) });
    }

    #[test]
    fn a_deleted_funder_is_an_error() {
        let mut c = clean();
        c.sheets[1].funding[0].funder_id = Some(id(999));
        let issue = only_error(&c, Subject::Funding { sheet: id(2000), id: id(2003) });
        assert_eq!(
            issue.message,
            "L’organisation qui finance cette ligne a été supprimée de l’annuaire : choisissez-la à nouveau."
        );
    }

    #[test]
    fn a_deleted_member_organisation_is_an_error() {
        let mut c = clean();
        c.governance.members[0].organisation_id = Some(id(999));
        let issue = only_error(&c, Subject::Member(id(200)));
        assert_eq!(issue.path, "Gouvernance › Comité de pilotage (COPIL) › Marie Dupont");
    }

    #[test]
    fn deleting_a_shared_organisation_flags_every_place_it_was_used() {
        // Org 100 leads both sheets, funds both, and sits on the COPIL.
        let issues = validate(&without_organisation(100));
        assert_eq!(issues.len(), 5, "{issues:#?}");
        assert_eq!(errors(&issues), 5);
        assert_eq!(issues[0].subject, Subject::Member(id(200)));
    }

    #[test]
    fn a_deleted_diagnostic_finding_is_a_warning() {
        let mut c = clean();
        c.diagnostic.clear();
        let issues = validate(&c);
        assert_eq!(issues.len(), 2);
        assert!(issues
            .iter()
            .all(|i| i.severity == Severity::Warning && i.message.contains("constat")));
        assert_eq!(issues[0].subject, Subject::Sheet(id(1000)));
        assert_eq!(issues[1].subject, Subject::Sheet(id(2000)));
    }

    proptest! {

        #[test]
        fn each_dangling_organisation_reference_is_one_error_in_document_order(
            deleted in proptest::sample::subsequence(vec![100u128, 101, 102], 0..=3),
            axes_swapped in any::<bool>(),
        ) {
            let mut c = clean();
            if axes_swapped {
                c.axes.swap(0, 1);
            }
            let references = |n: u128| {
                let o = Some(id(n));
                let members = c.governance.members.iter().filter(|m| m.organisation_id == o).count();
                let sheets: usize = c.sheets.iter().map(|s| {
                    usize::from(s.leads.iter().any(|l| l.organisation_id == o))
                        + s.partner_ids.iter().filter(|p| **p == id(n)).count()
                        + s.actions.iter().filter(|a| a.lead_id == o).count()
                        + s.funding.iter().filter(|f| f.funder_id == o).count()
                }).sum();
                members + sheets
            };
            let expected: usize = deleted.iter().map(|n| references(*n)).sum();
            c.organisations.retain(|o| !deleted.iter().any(|n| o.id == id(*n)));
            let issues = validate(&c);
            prop_assert_eq!(issues.len(), expected);
            prop_assert_eq!(errors(&issues), expected);
            prop_assert!(issues.iter().all(|i| i.message.contains("supprimée de l’annuaire")));
            // Sorted: ranks in document order never go back.
            let order = document_order(&c);
            let ranks: Vec<usize> = issues.iter()
                .map(|i| order.iter().position(|s| *s == i.subject).unwrap())
                .collect();
            prop_assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{:?}", ranks);
            // Deterministic.
            prop_assert_eq!(validate(&c), issues);
        }
    }
}
