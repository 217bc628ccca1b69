//! The rows a recipient is asked for in a year: one per fiche they lead (its own bilan) and per
//! action that falls to them, each fiche's indicators with the year's target, and its funding
//! lines of the year with the planned amount. Pure data, in the contract's reading order and
//! numbering, from which any spreadsheet format is written.
//!
//! Each row carries the values the contract holds when it is made (the year's status, comments,
//! result, amount spent): the spreadsheet shows them pre-filled, and reading the answers back
//! compares with them to tell what the lead changed from what the coordinator typed since.

use super::record::RecipientChoice;
use super::reference::{Reference, Target};
use crate::model::follow_up::{action_label, RowOwner, SHEET_ROW_LABEL};
use crate::model::funding::NO_FUNDER;
use crate::model::numbering::Numbering;
use crate::model::review::{previous_review, review_of};
use crate::model::{ActionSheet, Contract, Id, ReviewStatus, YearReview};

/// A row of bilan: a fiche's own, or an action's.
#[derive(Clone, Debug, PartialEq)]
pub struct AskedReview {
    pub reference: Reference,
    pub owner: RowOwner,
    /// « 3 »: the fiche's number, as the contract shows it (« Fiche action n°3 »).
    pub sheet_number: String,
    pub sheet_title: String,
    /// The action's rank in its fiche (« Action 2 »); `None` for the fiche's own row.
    pub action_number: Option<usize>,
    /// « Bilan de la fiche », or the action's first line.
    pub label: String,
    /// Read-only in the spreadsheet: where the row stood the year before.
    pub last_year_status: Option<ReviewStatus>,
    pub last_year_next_steps: String,
    /// The review of the year as the contract holds it when the sheet is made (blank if none).
    pub current: YearReview,
}

/// An indicator of a fiche, for the year.
#[derive(Clone, Debug, PartialEq)]
pub struct AskedIndicator {
    pub reference: Reference,
    pub sheet_id: Id,
    pub indicator_id: Id,
    pub sheet_number: String,
    pub sheet_title: String,
    pub name: String,
    pub unit: String,
    /// The target that holds for the year (its own, else the indicator's overall one).
    pub target: String,
    /// Result and its comment as the contract holds them when the sheet is made.
    pub result: String,
    pub result_comment: String,
}

/// A funding line of the year.
#[derive(Clone, Debug, PartialEq)]
pub struct AskedFunding {
    pub reference: Reference,
    pub sheet_id: Id,
    pub line_id: Id,
    pub sheet_number: String,
    pub sheet_title: String,
    /// The funder's name, or « Financeur non précisé ».
    pub funder: String,
    /// `None`: « montant à préciser ».
    pub planned: Option<u64>,
    /// The amount spent as the contract holds it when the sheet is made.
    pub spent: Option<u64>,
}

/// Everything one recipient is asked for in a year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LeadRows {
    pub reviews: Vec<AskedReview>,
    pub indicators: Vec<AskedIndicator>,
    pub funding: Vec<AskedFunding>,
}

impl LeadRows {
    pub fn is_empty(&self) -> bool {
        self.reviews.is_empty() && self.indicators.is_empty() && self.funding.is_empty()
    }

    /// How many rows there are to answer, of every kind.
    pub fn len(&self) -> usize {
        self.reviews.len() + self.indicators.len() + self.funding.len()
    }

    /// How many are answered: a bilan with a status, an indicator with a result, a funding
    /// line with its amount spent.
    pub fn answered(&self) -> usize {
        let reviews = self.reviews.iter().filter(|r| r.current.status.is_some()).count();
        let indicators = self.indicators.iter().filter(|i| !i.result.trim().is_empty()).count();
        reviews + indicators + self.funding.iter().filter(|f| f.spent.is_some()).count()
    }
}

/// Whether `organisation` answers for the whole of `sheet` in `year`: a lead or co-lead of it,
/// or a recipient the coordinator added for it.
fn answers_for_sheet(
    contract: &Contract,
    year: i32,
    sheet: &ActionSheet,
    organisation: Id,
) -> bool {
    sheet.is_led_by(organisation)
        || contract
            .collection(year)
            .and_then(|c| c.recipient(organisation))
            .is_some_and(|r| r.choice == RecipientChoice::Added && r.sheet_ids.contains(&sheet.id))
}

/// The rows `organisation` is asked for in `year` (empty when it leads nothing).
pub fn rows_for(contract: &Contract, year: i32, organisation: Id) -> LeadRows {
    let numbers = Numbering::of(contract);
    let mut rows = LeadRows::default();
    for sheet in contract.sheets_in_axis_order() {
        let whole = answers_for_sheet(contract, year, sheet, organisation);
        let falls_to = |lead: Option<Id>| match lead {
            Some(lead) => lead == organisation,
            None => whole,
        };
        let place = Place { year, sheet, number: numbers.label(sheet.id) };
        if whole {
            rows.reviews.push(place.review(None));
        }
        for (rank, action) in sheet.actions.iter().enumerate() {
            if falls_to(action.lead_id) {
                rows.reviews.push(place.review(Some(rank)));
            }
        }
        if whole {
            rows.indicators.extend(sheet.indicators.iter().map(|i| place.indicator(i)));
            let lines = sheet.funding.iter().filter(|l| l.year == year);
            rows.funding.extend(lines.map(|l| place.funding(contract, l)));
        }
    }
    rows
}

/// The bilan rows of `year` that no recipient asked is asked for: a fiche without a lead from
/// the directory, an action whose only lead was removed from the list.
pub fn unassigned_rows(contract: &Contract, year: i32) -> Vec<RowOwner> {
    let asked: Vec<Id> = super::recipients(contract, year)
        .into_iter()
        .filter(|r| r.asked)
        .map(|r| r.organisation_id)
        .collect();
    let mut covered = std::collections::HashSet::new();
    for organisation in asked {
        covered.extend(rows_for(contract, year, organisation).reviews.into_iter().map(|r| r.owner));
    }
    let mut missing = Vec::new();
    for sheet in contract.sheets_in_axis_order() {
        let owners = std::iter::once(RowOwner::Sheet(sheet.id)).chain(
            sheet.actions.iter().map(|a| RowOwner::Action { sheet: sheet.id, action: a.id }),
        );
        missing.extend(owners.filter(|o| !covered.contains(o)));
    }
    missing
}

/// A fiche, seen from the rows made for it.
struct Place<'a> {
    year: i32,
    sheet: &'a ActionSheet,
    number: &'a str,
}

impl Place<'_> {
    fn review(&self, action: Option<usize>) -> AskedReview {
        let sheet = self.sheet;
        let (owner, target, label, reviews) = match action.map(|rank| &sheet.actions[rank]) {
            None => (
                RowOwner::Sheet(sheet.id),
                Target::Sheet(sheet.id),
                SHEET_ROW_LABEL.to_string(),
                &sheet.reviews,
            ),
            Some(a) => (
                RowOwner::Action { sheet: sheet.id, action: a.id },
                Target::Action(a.id),
                action_label(a),
                &a.reviews,
            ),
        };
        let last = previous_review(reviews, self.year);
        AskedReview {
            reference: Reference::new(self.year, target),
            owner,
            sheet_number: self.number.to_string(),
            sheet_title: sheet.title.trim().to_string(),
            action_number: action.map(|rank| rank + 1),
            label,
            last_year_status: last.and_then(|r| r.status),
            last_year_next_steps: last.map(|r| r.next_steps.trim().to_string()).unwrap_or_default(),
            current: review_of(reviews, self.year)
                .cloned()
                .unwrap_or_else(|| YearReview::new(self.year)),
        }
    }

    fn indicator(&self, indicator: &crate::model::Indicator) -> AskedIndicator {
        let value = indicator.value_of(self.year);
        AskedIndicator {
            reference: Reference::new(self.year, Target::Indicator(indicator.id)),
            sheet_id: self.sheet.id,
            indicator_id: indicator.id,
            sheet_number: self.number.to_string(),
            sheet_title: self.sheet.title.trim().to_string(),
            name: indicator.name.trim().to_string(),
            unit: indicator.unit.trim().to_string(),
            target: indicator.target_of(self.year).to_string(),
            result: value.map(|v| v.result.clone()).unwrap_or_default(),
            result_comment: value.map(|v| v.result_comment.clone()).unwrap_or_default(),
        }
    }

    fn funding(&self, contract: &Contract, line: &crate::model::FundingLine) -> AskedFunding {
        AskedFunding {
            reference: Reference::new(self.year, Target::Funding(line.id)),
            sheet_id: self.sheet.id,
            line_id: line.id,
            sheet_number: self.number.to_string(),
            sheet_title: self.sheet.title.trim().to_string(),
            funder: line
                .funder_id
                .map_or(NO_FUNDER, |id| contract.organisation_name(id))
                .to_string(),
            planned: line.planned_euros,
            spent: line.actual_euros,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::collection::fixture::{contract, org};

    #[test]
    fn a_lead_and_a_co_lead_are_asked_the_same_rows() {
        let c = contract();
        let lead = rows_for(&c, 2025, org(1));
        assert_eq!(lead, rows_for(&c, 2025, org(2)));
        let labels: Vec<(&str, Option<usize>, &str)> = lead
            .reviews
            .iter()
            .map(|r| (r.sheet_number.as_str(), r.action_number, r.label.as_str()))
            .collect();
        assert_eq!(labels, [("1", None, "Bilan de la fiche"), ("1", Some(1), "Former les élus")]);
        assert_eq!(lead.len(), 4, "two bilans, one indicator, one funding line of 2025");
    }

    #[test]
    fn an_action_with_its_own_lead_goes_to_that_lead_only() {
        let c = contract();
        let msa = rows_for(&c, 2025, org(3));
        assert_eq!(msa.reviews.len(), 1);
        assert_eq!(
            msa.reviews[0].owner,
            RowOwner::Action { sheet: Id::from_u128(10), action: Id::from_u128(12) }
        );
        assert_eq!(msa.reviews[0].action_number, Some(2));
        assert!(msa.indicators.is_empty() && msa.funding.is_empty(), "the fiche's are its leads'");
        assert!(rows_for(&c, 2025, org(4)).is_empty());
    }

    #[test]
    fn rows_carry_last_year_the_year_target_and_the_planned_amount() {
        let c = contract();
        let rows = rows_for(&c, 2025, org(1));
        let action = &rows.reviews[1];
        assert_eq!(action.reference.to_string(), format!("action:2025:{}", Id::from_u128(11)));
        assert_eq!(action.last_year_status, Some(ReviewStatus::InProgress));
        assert_eq!(action.last_year_next_steps, "Deux sessions en 2025");
        assert!(action.current.is_blank());
        assert_eq!(rows.indicators[0].target, "12", "the year's own target");
        assert_eq!(rows_for(&c, 2027, org(1)).indicators[0].target, "20", "else the overall one");
        assert_eq!(rows.funding.len(), 1, "the line of 2025 only");
        assert_eq!(
            (rows.funding[0].funder.as_str(), rows.funding[0].planned),
            ("ARS", Some(5_000))
        );
        assert_eq!(
            rows.funding[0].reference,
            Reference::new(2025, Target::Funding(Id::from_u128(14)))
        );
    }

    #[test]
    fn rows_without_a_recipient_are_listed() {
        let c = contract();
        let missing = unassigned_rows(&c, 2025);
        let fiche2 = Id::from_u128(20);
        assert_eq!(
            missing,
            [
                RowOwner::Sheet(fiche2),
                RowOwner::Action { sheet: fiche2, action: Id::from_u128(21) }
            ]
        );
    }
}
