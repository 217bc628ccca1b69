//! The order issues are listed in: contract-level first, then document order (co-leads,
//! directory, governance, the previous bilan, axes and their objectives, the contract's own
//! indicators, sheets in reading order with their parts, avenants).

use super::{Issue, Subject};
use crate::model::{Contract, Id, Indicator};
use std::collections::{HashMap, HashSet};

/// Every subject of the contract in document order: contract-level items, the directory,
/// governance, axes with their objectives, the contract's own indicators (the « Contrat »
/// screen shows them last), then sheets in reading order with their parts.
pub(super) fn document_order(contract: &Contract) -> Vec<Subject> {
    let mut order =
        vec![Subject::Contract, Subject::Period, Subject::Territory, Subject::ContractLeads];
    order.extend(contract.organisations.iter().map(|o| Subject::Organisation(o.id)));
    order.extend(contract.governance.bodies.iter().map(|b| Subject::GovernanceBody(b.id)));
    order.extend(contract.governance.members.iter().map(|m| Subject::Member(m.id)));
    order.extend(contract.governance.meetings.iter().map(|m| Subject::Meeting(m.id)));
    for former in &contract.previous_review.sheets {
        let sheet = former.id;
        order.extend(former.items.iter().map(|i| Subject::FormerItem { sheet, id: i.id }));
    }
    for axis in &contract.axes {
        order.push(Subject::Axis(axis.id));
        order.extend(axis.objectives.iter().map(|o| Subject::Objective(o.id)));
    }
    for indicator in &contract.indicators {
        order.push(Subject::ContractIndicator(indicator.id));
        order.extend(value_subjects(None, indicator));
    }
    for sheet in contract.sheets_in_axis_order() {
        let s = sheet.id;
        order.push(Subject::Sheet(s));
        order.extend(
            sheet
                .specific_objectives
                .iter()
                .map(|o| Subject::SpecificObjective { sheet: s, id: o.id }),
        );
        order.extend(sheet.actions.iter().map(|a| Subject::Action { sheet: s, id: a.id }));
        order.extend(sheet.funding.iter().map(|f| Subject::Funding { sheet: s, id: f.id }));
        for indicator in &sheet.indicators {
            order.push(Subject::Indicator { sheet: s, id: indicator.id });
            order.extend(value_subjects(Some(s), indicator));
        }
    }
    order.extend(contract.amendments.iter().map(|a| Subject::Amendment(a.id)));
    order
}

/// The subjects of an indicator's yearly entries, in their order.
fn value_subjects(sheet: Option<Id>, indicator: &Indicator) -> impl Iterator<Item = Subject> {
    let id = indicator.id;
    (0..indicator.values.len()).map(move |index| Subject::IndicatorValue { sheet, id, index })
}

/// Stable sort by document order: issues of one subject keep the order the rules produced them.
pub(super) fn sort_in_document_order(contract: &Contract, issues: &mut [Issue]) {
    if issues.len() < 2 {
        return;
    }
    // Only the subjects that have issues are ranked: a large contract has thousands of
    // subjects and usually few issues.
    let concerned: HashSet<Subject> = issues.iter().map(|issue| issue.subject).collect();
    let mut rank: HashMap<Subject, usize> = HashMap::new();
    for (position, subject) in document_order(contract).into_iter().enumerate() {
        if concerned.contains(&subject) {
            rank.entry(subject).or_insert(position);
        }
    }
    issues.sort_by_key(|issue| rank.get(&issue.subject).copied().unwrap_or(usize::MAX));
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;
    use super::super::{validate, Subject};

    #[test]
    fn issues_come_contract_first_then_in_document_order() {
        let mut c = clean();
        c.sheets[1].indicators[0].target.clear(); // sheet n°2
        c.sheets[0].actions[0].end = ym(2045, 1); // sheet n°1
        c.axes[1].title.clear(); // axis 2
        c.governance.meetings[0].date = "demain".into();
        c.organisations[1].name = "Ars Auvergne-Rhone-Alpes".into();
        c.axes[1].mental_health = false; // contract-level
        c.period.last_year = 2040; // period
        let subjects: Vec<Subject> = validate(&c).into_iter().map(|i| i.subject).collect();
        assert_eq!(
            subjects,
            vec![
                Subject::Contract,
                Subject::Period,
                Subject::Organisation(id(101)),
                Subject::Meeting(id(210)),
                Subject::Axis(id(20)),
                Subject::Action { sheet: id(1000), id: id(1002) },
                Subject::Indicator { sheet: id(2000), id: id(2004) },
            ]
        );
    }

    #[test]
    fn sheets_are_reported_in_reading_order_with_their_derived_numbers() {
        let mut c = clean();
        c.axes.swap(0, 1); // the mental-health sheet becomes n°1
        c.sheets[0].leads.clear();
        c.sheets[1].leads.clear();
        let issues = validate(&c);
        let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(paths, ["Fiche action n°1", "Fiche action n°2"]);
        assert_eq!(issues[0].subject, Subject::Sheet(id(2000)));
    }
}
