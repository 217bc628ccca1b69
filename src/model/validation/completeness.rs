//! Rules on what a sheet needs to be followed: a lead, an axis, and a target for each
//! indicator.

use super::checker::Checker;
use super::Subject;

/// What a sheet needs to be followed: a lead who answers for it, an axis that places it in
/// the contract, and a target for each indicator so the bilan can say whether it was reached.
pub(super) fn check_completeness(check: &mut Checker) {
    let contract = check.contract;
    for sheet in contract.sheets_in_axis_order() {
        if sheet.lead_ids().is_empty() {
            let path = check.sheet_path(sheet);
            check.warning(
                Subject::Sheet(sheet.id),
                path,
                "Cette fiche n’a pas de pilote : choisissez dans l’annuaire l’organisation qui la porte.".into(),
            );
        }
        if sheet.axis_id.is_none() {
            let path = check.sheet_path(sheet);
            check.warning(
                Subject::Sheet(sheet.id),
                path,
                "Cette fiche n’est rattachée à aucun axe stratégique : choisissez son axe pour la situer dans le contrat.".into(),
            );
        }
        for (rank, indicator) in sheet.indicators.iter().enumerate() {
            if indicator.target.trim().is_empty() {
                let path = check.indicator_path(Some(sheet), rank, indicator);
                check.warning(
                    Subject::Indicator { sheet: sheet.id, id: indicator.id },
                    path,
                    "Cet indicateur n’a pas de valeur cible : sans elle, le bilan ne pourra pas dire si l’objectif est atteint.".into(),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;
    use super::super::Subject;

    #[test]
    fn a_sheet_without_lead_is_a_warning() {
        let mut c = clean();
        c.sheets[1].leads.clear();
        let issue = only_warning(&c, Subject::Sheet(id(2000)));
        assert!(issue.message.contains("pilote"));
    }

    #[test]
    fn a_sheet_without_axis_is_a_warning() {
        let mut c = clean();
        c.sheets[0].axis_id = None;
        let issue = only_warning(&c, Subject::Sheet(id(1000)));
        // Without an axis it is read last, so it becomes n°2.
        assert_eq!(issue.path, "Fiche action n°2");
    }

    #[test]
    fn an_indicator_without_target_is_a_warning() {
        let mut c = clean();
        c.sheets[0].indicators[0].target = " \t ".into();
        let issue = only_warning(&c, Subject::Indicator { sheet: id(1000), id: id(1004) });
        assert_eq!(issue.path, "Fiche action n°1 › Indicateur « Nombre de participants »");
        c.sheets[0].indicators[0].name.clear();
        assert_eq!(only(&c).path, "Fiche action n°1 › Indicateur 1");
    }
}
