//! Rules on titles: an axis, objective or sheet needs one, and two items of the same kind
//! should not share one (nor two organisations of the directory their name).

use super::checker::{organisation_path, Checker};
use super::Subject;
use crate::model::text::fold;
use std::collections::HashMap;

/// An axis, objective or sheet without a title cannot be told apart in lists and exports.
pub(super) fn check_titles(check: &mut Checker) {
    let contract = check.contract;
    for axis in &contract.axes {
        if axis.title.trim().is_empty() {
            let path = check.axis_path(axis);
            check.warning(Subject::Axis(axis.id), path, "Cet axe n’a pas de titre.".into());
        }
        for objective in &axis.objectives {
            if objective.title.trim().is_empty() {
                let path = check.objective_path(axis, objective);
                check.warning(
                    Subject::Objective(objective.id),
                    path,
                    "Cet objectif stratégique n’a pas de titre.".into(),
                );
            }
        }
    }
    for sheet in contract.sheets_in_axis_order() {
        if sheet.title.trim().is_empty() {
            let path = check.sheet_path(sheet);
            check.warning(
                Subject::Sheet(sheet.id),
                path,
                "Cette fiche action n’a pas de titre.".into(),
            );
        }
    }
}

/// Two items with the same title (ignoring case, accents and spacing) are usually a copy made
/// twice in a workshop; two organisations with the same name split their sheets and funding.
/// The later item is flagged and the message names the earlier one.
pub(super) fn check_duplicates(check: &mut Checker) {
    let contract = check.contract;
    for (later, earlier) in duplicates(contract.axes.iter().map(|a| a.title.as_str())) {
        let (axis, first) = (&contract.axes[later], &contract.axes[earlier]);
        let path = check.axis_path(axis);
        let message = format!(
            "L’axe {} porte déjà ce titre : renommez l’un des deux ou regroupez-les.",
            check.numbers.label(first.id)
        );
        check.warning(Subject::Axis(axis.id), path, message);
    }
    for axis in &contract.axes {
        for (later, earlier) in duplicates(axis.objectives.iter().map(|o| o.title.as_str())) {
            let (objective, first) = (&axis.objectives[later], &axis.objectives[earlier]);
            let path = check.objective_path(axis, objective);
            let message = format!(
                "L’objectif {} de cet axe porte déjà ce titre : renommez l’un des deux ou regroupez-les.",
                check.numbers.label(first.id)
            );
            check.warning(Subject::Objective(objective.id), path, message);
        }
    }
    let sheets = contract.sheets_in_axis_order();
    for (later, earlier) in duplicates(sheets.iter().map(|s| s.title.as_str())) {
        let path = check.sheet_path(sheets[later]);
        let message = format!(
            "La fiche action n°{} porte déjà ce titre : renommez l’une des deux ou regroupez-les.",
            check.numbers.label(sheets[earlier].id)
        );
        check.warning(Subject::Sheet(sheets[later].id), path, message);
    }
    for (later, earlier) in duplicates(contract.organisations.iter().map(|o| o.name.as_str())) {
        let (organisation, first) =
            (&contract.organisations[later], &contract.organisations[earlier]);
        let path = organisation_path(&organisation.name, later);
        let message = format!(
            "Une autre organisation de l’annuaire porte déjà ce nom (« {} ») : fusionnez-les pour que les fiches et les financements pointent vers une seule.",
            first.name.trim()
        );
        check.warning(Subject::Organisation(organisation.id), path, message);
    }
}

/// Pairs `(later, earlier)` of positions whose titles fold to the same non-empty text; each
/// repeat points at the first occurrence. Empty titles are left to `check_titles`.
fn duplicates<'t>(titles: impl Iterator<Item = &'t str>) -> Vec<(usize, usize)> {
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    let mut pairs = Vec::new();
    for (position, title) in titles.enumerate() {
        let key = fold(title);
        if key.is_empty() {
            continue;
        }
        match first_seen.get(&key) {
            Some(&earlier) => pairs.push((position, earlier)),
            None => {
                first_seen.insert(key, position);
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;
    use super::super::{validate, Severity, Subject};

    #[test]
    fn empty_titles_are_warnings() {
        let mut c = clean();
        c.axes[0].title = " ".into();
        c.axes[1].objectives[0].title.clear();
        c.sheets[1].title.clear();
        let issues = validate(&c);
        let subjects: Vec<_> = issues.iter().map(|i| (i.severity, i.subject)).collect();
        assert_eq!(
            subjects,
            vec![
                (Severity::Warning, Subject::Axis(id(10))),
                (Severity::Warning, Subject::Objective(id(21))),
                (Severity::Warning, Subject::Sheet(id(2000))),
            ]
        );
        assert_eq!(issues[1].path, "Axe 2 › Objectif 2.1");
    }

    #[test]
    fn duplicate_axis_titles_are_a_warning_ignoring_case_accents_and_spaces() {
        let mut c = clean();
        c.axes[1].title = "  ACCÈS   aux soins ".into();
        let issue = only_warning(&c, Subject::Axis(id(20)));
        assert!(issue.message.contains("L’axe 1"), "{}", issue.message);
    }

    #[test]
    fn duplicate_objective_titles_in_one_axis_are_a_warning() {
        let mut c = clean();
        c.axes[0].objectives[1].title = "attirer des Médecins".into();
        let issue = only_warning(&c, Subject::Objective(id(12)));
        assert_eq!(issue.path, "Axe 1 › Objectif 1.2");
        // The same title under another axis is fine.
        let mut c = clean();
        c.axes[1].objectives[0].title = "Attirer des médecins".into();
        assert!(validate(&c).is_empty());
    }

    #[test]
    fn duplicate_sheet_titles_are_a_warning() {
        let mut c = clean();
        c.sheets[1].title = "ATTRACTIVITE MEDICALE".into();
        let issue = only_warning(&c, Subject::Sheet(id(2000)));
        assert!(issue.message.contains("n°1"));
    }

    #[test]
    fn duplicate_organisation_names_suggest_merging() {
        let mut c = clean();
        c.organisations[2].name = "cpam du  cantal".into();
        let issue = only_warning(&c, Subject::Organisation(id(102)));
        assert!(issue.message.contains("fusionnez"), "{}", issue.message);
        assert_eq!(issue.path, "Annuaire › cpam du  cantal");
    }
}
