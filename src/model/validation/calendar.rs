//! Rules on the calendar of each sheet: its actions, funding lines and yearly reviews must
//! fall inside the contract period, and an action must not end before it starts.

use super::checker::Checker;
use super::Subject;
use crate::model::YearMonth;

/// Every date of a sheet must fall inside the contract period: an action, a funding line or a
/// bilan outside it would not appear on the planning nor in the yearly review. Skipped when the
/// period itself is inverted (that error comes first, and every date would otherwise be
/// flagged); an action ending before it starts is checked regardless.
pub(super) fn check_calendar(check: &mut Checker) {
    let contract = check.contract;
    let period = contract.period;
    let usable = period.first_year <= period.last_year;
    let span = period.label();
    for sheet in contract.sheets_in_axis_order() {
        for (rank, action) in sheet.actions.iter().enumerate() {
            let subject = Subject::Action { sheet: sheet.id, id: action.id };
            let mut messages = Vec::new();
            if usable {
                if let Some(start) = action.start {
                    messages.extend(outside_period(check, "commence", start));
                }
                if let Some(end) = action.end {
                    messages.extend(outside_period(check, "se termine", end));
                }
                for review in action.reviews.iter().filter(|r| !period.contains_year(r.year)) {
                    messages.push(review_outside(review.year, &span));
                }
            }
            if let (Some(start), Some(end)) = (action.start, action.end) {
                if end < start {
                    messages.push(format!("L’action se termine en {end}, avant d’avoir commencé ({start}) : corrigez l’une des deux dates."));
                }
            }
            // The location is written only for an action that has something to say: this
            // runs for every action of the contract on every keystroke.
            if !messages.is_empty() {
                let path = check.within(sheet, format!("Action {}", rank + 1));
                for message in messages {
                    check.error(subject, path.clone(), message);
                }
            }
        }
        if !usable {
            continue;
        }
        for (rank, line) in sheet.funding.iter().enumerate() {
            if !period.contains_year(line.year) {
                let path = check.within(sheet, format!("Ligne de financement {}", rank + 1));
                check.error(
                    Subject::Funding { sheet: sheet.id, id: line.id },
                    path,
                    format!("Ce financement est prévu en {}, en dehors de la période du contrat ({span}).", line.year),
                );
            }
        }
        for review in sheet.reviews.iter().filter(|r| !period.contains_year(r.year)) {
            let path = check.within(sheet, format!("Bilan {}", review.year));
            check.error(Subject::Sheet(sheet.id), path, review_outside(review.year, &span));
        }
    }
}

/// The message for an action date outside the period, if it is.
fn outside_period(check: &Checker, verb: &str, when: YearMonth) -> Option<String> {
    let period = check.contract.period;
    let year = when.year;
    if year < period.first_year {
        Some(format!(
            "L’action {verb} en {when}, avant le début du contrat ({}).",
            period.first_year
        ))
    } else if year > period.last_year {
        Some(format!("L’action {verb} en {when}, après la fin du contrat ({}).", period.last_year))
    } else {
        None
    }
}

fn review_outside(year: i32, span: &str) -> String {
    format!("Le bilan de l’année {year} est en dehors de la période du contrat ({span}) : corrigez son année.")
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;
    use super::super::{validate, Subject};
    use proptest::prelude::*;

    #[test]
    fn an_action_starting_before_the_contract_is_an_error() {
        let mut c = clean();
        c.sheets[0].actions[0].start = ym(2023, 11);
        let issue = only_error(&c, Subject::Action { sheet: id(1000), id: id(1002) });
        assert_eq!(
            issue.message,
            "L’action commence en novembre 2023, avant le début du contrat (2024)."
        );
    }

    #[test]
    fn an_action_ending_after_the_contract_is_an_error() {
        let mut c = clean();
        c.sheets[1].actions[0].end = ym(2030, 3);
        let issue = only_error(&c, Subject::Action { sheet: id(2000), id: id(2002) });
        assert_eq!(
            issue.message,
            "L’action se termine en mars 2030, après la fin du contrat (2028)."
        );
        assert_eq!(issue.path, "Fiche action n°2 › Action 1");
    }

    #[test]
    fn an_action_starting_after_the_contract_is_an_error() {
        let mut c = clean();
        c.sheets[0].actions[0].start = ym(2029, 1);
        c.sheets[0].actions[0].end = None;
        assert!(only(&c).message.contains("après la fin du contrat"));
    }

    #[test]
    fn an_action_ending_before_it_starts_is_an_error() {
        let mut c = clean();
        c.sheets[0].actions[0].start = ym(2026, 6);
        c.sheets[0].actions[0].end = ym(2026, 3);
        let issue = only_error(&c, Subject::Action { sheet: id(1000), id: id(1002) });
        assert!(issue.message.contains("avant d’avoir commencé"), "{}", issue.message);
    }

    #[test]
    fn a_funding_year_outside_the_period_is_an_error() {
        let mut c = clean();
        c.sheets[0].funding[0].year = 2031;
        let issue = only_error(&c, Subject::Funding { sheet: id(1000), id: id(1003) });
        assert_eq!(issue.path, "Fiche action n°1 › Ligne de financement 1");
        assert!(issue.message.contains("2031") && issue.message.contains("2024-2028"));
    }

    #[test]
    fn a_sheet_review_outside_the_period_is_an_error() {
        let mut c = clean();
        c.sheets[0].reviews.push(review(2023));
        let issue = only_error(&c, Subject::Sheet(id(1000)));
        assert_eq!(issue.path, "Fiche action n°1 › Bilan 2023");
    }

    #[test]
    fn an_action_review_outside_the_period_is_an_error() {
        let mut c = clean();
        c.sheets[0].actions[0].reviews.push(review(2029));
        assert_error(&only(&c), Subject::Action { sheet: id(1000), id: id(1002) });
    }

    proptest! {

        #[test]
        fn actions_are_flagged_exactly_when_outside_the_period(
            first in 2000i32..2090,
            length in 0i32..10,
            start in (1995i32..2105, 1u8..=12),
            end in (1995i32..2105, 1u8..=12),
        ) {
            let mut c = clean();
            c.period.first_year = first;
            c.period.last_year = first + length;
            // Keep every other date of the contract inside the period.
            for sheet in &mut c.sheets {
                sheet.reviews.clear();
                sheet.funding.clear();
                for action in &mut sheet.actions {
                    action.start = None;
                    action.end = None;
                    action.reviews.clear();
                }
            }
            let (start, end) = (ym(start.0, start.1).unwrap(), ym(end.0, end.1).unwrap());
            c.sheets[0].actions[0].start = Some(start);
            c.sheets[0].actions[0].end = Some(end);
            let expected = usize::from(!c.period.contains_year(start.year))
                + usize::from(!c.period.contains_year(end.year))
                + usize::from(end < start);
            let issues = validate(&c);
            prop_assert_eq!(issues.len(), expected, "{:#?}", issues);
            let action = Subject::Action { sheet: id(1000), id: id(1002) };
            let all_on_the_action = issues.iter().all(|i| i.is_error() && i.subject == action);
            prop_assert!(all_on_the_action);
        }
    }
}
