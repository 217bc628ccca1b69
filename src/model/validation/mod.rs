//! Validation of a contract: the problems a coordinator can act on, each pointing at the item
//! it concerns so the screens can show it right beside that item.
//!
//! Two severities:
//! - an **error** is something that is wrong and would make the contract or its export
//!   misleading: a period that makes no sense, an action dated outside the contract, a
//!   reference to an organisation, an axis or an objective that was deleted;
//! - a **warning** is something missing or doubtful that the coordinator should look at before
//!   the COPIL: a sheet without a lead or an axis, an indicator without a target, two items
//!   with the same title, the missing mental-health component required by law.
//!
//! Validation is a pure function of the contract (no clock, no browser): it is recomputed on
//! every change and tested natively. Locations (`Issue::path`) use the derived numbers of
//! [`Numbering`], so they read like the printed contract ("Axe 2 › Objectif 2.1").
//!
//! Issues come out in a stable order: contract-level issues first, then in document order
//! (directory, governance, axes and their objectives, the contract's own indicators, sheets in
//! reading order with their specific objectives, actions, funding lines and indicators).
//!
//! The rules live one family per file (`contract_rules`, `parties`, `titles`, `placement`,
//! `references`, `actors`, `calendar`, `completeness`, `indicators`); they all write into the `checker`, and `order`
//! sorts the result.

mod actors;
mod calendar;
mod checker;
mod completeness;
mod contract_rules;
#[cfg(test)]
mod fixture;
mod indicators;
mod order;
mod parties;
mod placement;
mod references;
mod titles;
#[cfg(test)]
mod typography;

use super::numbering::Numbering;
use super::{Contract, Id};
use checker::Checker;

/// How serious an issue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Severity {
    /// Wrong: must be fixed before the contract is shared or signed.
    Error,
    /// Missing or doubtful: worth a look, but the contract stays usable.
    Warning,
}

/// Where an issue points, so the UI can show it beside the item it concerns.
///
/// `ContractIndicator` is one of the contract's own evaluation indicators. `IndicatorValue`
/// is one yearly entry of an indicator, the one at `index` in its `values`, so that each entry
/// (two for the same year, several without a year) shows its own issues; its `sheet` is `None`
/// for an indicator of the contract itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Subject {
    Contract,
    Period,
    Territory,
    /// The contract's co-leads (« Copilotes du contrat »).
    ContractLeads,
    Organisation(Id),
    GovernanceBody(Id),
    Axis(Id),
    Objective(Id),
    Sheet(Id),
    SpecificObjective {
        sheet: Id,
        id: Id,
    },
    Action {
        sheet: Id,
        id: Id,
    },
    Indicator {
        sheet: Id,
        id: Id,
    },
    Funding {
        sheet: Id,
        id: Id,
    },
    Member(Id),
    Meeting(Id),
    /// A row of the previous contract's bilan, in its former fiche.
    FormerItem {
        sheet: Id,
        id: Id,
    },
    ContractIndicator(Id),
    IndicatorValue {
        sheet: Option<Id>,
        id: Id,
        index: usize,
    },
    Amendment(Id),
}

impl Subject {
    /// The sheet this subject belongs to (the sheet itself or one of its parts), so a sheet
    /// editor can gather every issue of the sheet at once.
    pub fn sheet(self) -> Option<Id> {
        match self {
            Subject::Sheet(sheet)
            | Subject::SpecificObjective { sheet, .. }
            | Subject::Action { sheet, .. }
            | Subject::Indicator { sheet, .. }
            | Subject::Funding { sheet, .. } => Some(sheet),
            Subject::IndicatorValue { sheet, .. } => sheet,
            _ => None,
        }
    }
}

/// One problem found in a contract.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub severity: Severity,
    pub subject: Subject,
    /// A human-readable location, e.g. "Fiche action n°3 › Action 2".
    pub path: String,
    /// Plain French for the coordinator: what is wrong and how to fix it.
    pub message: String,
}

impl Issue {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// How many of the issues are errors.
pub fn errors(issues: &[Issue]) -> usize {
    issues.iter().filter(|i| i.is_error()).count()
}

/// The issues that point at one subject.
pub fn issues_for(issues: &[Issue], subject: Subject) -> impl Iterator<Item = &Issue> + '_ {
    issues.iter().filter(move |i| i.subject == subject)
}

/// Every issue of a contract, contract-level first, then in document order.
pub fn validate(contract: &Contract) -> Vec<Issue> {
    validate_numbered(contract, &Numbering::of(contract))
}

/// [`validate`] with the contract's numbering already computed: the screens derive it once
/// per change and share it between the issues, the lists and the forms.
pub fn validate_numbered(contract: &Contract, numbering: &Numbering) -> Vec<Issue> {
    let mut check = Checker::new(contract, numbering);
    contract_rules::check_contract(&mut check);
    contract_rules::check_period(&mut check);
    contract_rules::check_mental_health(&mut check);
    contract_rules::check_meeting_dates(&mut check);
    parties::check_contract_leads(&mut check);
    parties::check_signatories(&mut check);
    parties::check_bodies(&mut check);
    parties::check_previous_review(&mut check);
    parties::check_amendments(&mut check);
    titles::check_titles(&mut check);
    titles::check_duplicates(&mut check);
    placement::check_placement(&mut check);
    references::check_references(&mut check);
    actors::check_actors(&mut check);
    calendar::check_calendar(&mut check);
    completeness::check_completeness(&mut check);
    indicators::check_yearly_values(&mut check);
    let mut issues = check.issues;
    order::sort_in_document_order(contract, &mut issues);
    issues
}

#[cfg(test)]
mod tests {
    use super::fixture::*;
    use super::*;

    #[test]
    fn a_complete_contract_has_no_issue() {
        assert_eq!(validate(&clean()), Vec::<Issue>::new());
    }

    #[test]
    fn a_numbering_computed_by_the_caller_gives_the_same_issues() {
        let mut c = clean();
        c.sheets[0].leads.clear();
        c.axes[1].title.clear();
        let issues = validate_numbered(&c, &Numbering::of(&c));
        assert_eq!(issues.len(), 2);
        assert_eq!(issues, validate(&c));
    }

    #[test]
    fn helpers_count_errors_and_filter_by_subject() {
        let mut c = clean();
        c.sheets[0].leads.clear(); // warning on sheet 1000
        c.sheets[0].funding[0].year = 2040; // error on a part of sheet 1000
        c.name.clear(); // error on the contract
        let issues = validate(&c);
        assert_eq!(issues.len(), 3);
        assert_eq!(errors(&issues), 2);
        assert!(issues[0].is_error());
        assert_eq!(issues_for(&issues, Subject::Sheet(id(1000))).count(), 1);
        assert_eq!(issues_for(&issues, Subject::Contract).count(), 1);
        assert_eq!(issues_for(&issues, Subject::Sheet(id(2000))).count(), 0);
        let of_sheet = issues.iter().filter(|i| i.subject.sheet() == Some(id(1000))).count();
        assert_eq!(of_sheet, 2);
    }
}
