//! Rules on where a sheet hangs: its axis and strategic objective, and the strategic
//! objective of each of its specific objectives, which together give them their numbers.

use super::checker::Checker;
use super::Subject;
use crate::model::{Axis, Id};

/// A sheet hangs under an axis and one of its strategic objectives, and each specific objective
/// under a strategic objective of that axis: that is what numbers them. A reference to a deleted
/// axis or objective, or to an objective of another axis, breaks the numbering.
///
/// When the sheet has no axis, its objectives are only checked for existence: the missing axis
/// is already a warning of its own.
pub(super) fn check_placement(check: &mut Checker) {
    let contract = check.contract;
    for sheet in contract.sheets_in_axis_order() {
        let axis = match sheet.axis_id {
            Some(id) if contract.axis(id).is_none() => {
                let path = check.sheet_path(sheet);
                check.error(
                    Subject::Sheet(sheet.id),
                    path,
                    "L’axe de cette fiche a été supprimé : choisissez à nouveau son axe stratégique.".into(),
                );
                None
            }
            Some(id) => contract.axis(id),
            None => None,
        };
        if let Some(objective) = sheet.objective_id {
            if let Some(message) = placement_problem(check, axis, objective, "de cette fiche") {
                let path = check.sheet_path(sheet);
                check.error(Subject::Sheet(sheet.id), path, message);
            }
        }
        for (rank, specific) in sheet.specific_objectives.iter().enumerate() {
            let Some(objective) = specific.strategic_objective_id else { continue };
            if let Some(message) =
                placement_problem(check, axis, objective, "de cet objectif spécifique")
            {
                let path = check.specific_path(sheet, rank);
                check.error(
                    Subject::SpecificObjective { sheet: sheet.id, id: specific.id },
                    path,
                    message,
                );
            }
        }
    }
}

/// What is wrong with pointing at `objective` from an item of a sheet under `axis`, if anything.
fn placement_problem(
    check: &Checker,
    axis: Option<&Axis>,
    objective: Id,
    of_what: &str,
) -> Option<String> {
    let numbers = check.numbers;
    match check.contract.axes.iter().find(|a| a.objective(objective).is_some()) {
        None => Some(format!(
            "L’objectif stratégique {of_what} a été supprimé : choisissez-le à nouveau."
        )),
        Some(owner) => match axis {
            Some(axis) if axis.id != owner.id => Some(format!(
                "L’objectif stratégique {of_what} ({}) appartient à l’axe {}, pas à l’axe {} de la fiche : choisissez un objectif de l’axe {} ou changez l’axe de la fiche.",
                numbers.label(objective),
                numbers.label(owner.id),
                numbers.label(axis.id),
                numbers.label(axis.id)
            )),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;
    use super::super::{validate, Subject};

    #[test]
    fn a_sheet_pointing_at_a_deleted_axis_is_an_error() {
        let mut c = clean();
        c.sheets[0].axis_id = Some(id(999));
        let issue = only_error(&c, Subject::Sheet(id(1000)));
        assert!(issue.message.contains("axe") && issue.message.contains("supprimé"));
    }

    #[test]
    fn a_sheet_pointing_at_a_deleted_objective_is_an_error() {
        let mut c = clean();
        c.sheets[0].objective_id = Some(id(999));
        assert_error(&only(&c), Subject::Sheet(id(1000)));
    }

    #[test]
    fn a_sheet_objective_from_another_axis_is_an_error() {
        let mut c = clean();
        c.sheets[0].objective_id = Some(id(21));
        let issue = only_error(&c, Subject::Sheet(id(1000)));
        assert!(
            issue.message.contains("(2.1) appartient à l’axe 2, pas à l’axe 1"),
            "{}",
            issue.message
        );
    }

    #[test]
    fn a_specific_objective_pointing_at_a_deleted_objective_is_an_error() {
        let mut c = clean();
        c.sheets[0].specific_objectives[0].strategic_objective_id = Some(id(999));
        let issue = only_error(&c, Subject::SpecificObjective { sheet: id(1000), id: id(1001) });
        // It has lost its number, so it is named by its text.
        assert_eq!(issue.path, "Fiche action n°1 › Objectif spécifique « Améliorer l'accès »");
    }

    #[test]
    fn a_specific_objective_from_another_axis_is_an_error() {
        let mut c = clean();
        c.sheets[0].specific_objectives[0].strategic_objective_id = Some(id(21));
        assert_error(&only(&c), Subject::SpecificObjective { sheet: id(1000), id: id(1001) });
        // Another objective of the same axis is fine.
        c.sheets[0].specific_objectives[0].strategic_objective_id = Some(id(12));
        assert!(validate(&c).is_empty());
    }
}
