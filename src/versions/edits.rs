//! Random edits of a contract for property tests (the merge's in `exchange::properties`, the
//! changes since signature's in `since_signed`): renamed, deleted and added sheets,
//! organisations, findings and contract indicators, a renamed contract, added actions and
//! indicators, and the yearly follow-up (reviews with any of the eight statuses or none,
//! cleared reviews, targets and results, a value without a year as hand-made files have).
//!
//! Added sheets, findings and contract indicators draw their ids from a small range so that
//! both sides sometimes add the same one; actions and sheet indicators from a range of each
//! side, as an id reused in another sheet only happens in hand-made files.

use crate::model::indicator::IndicatorValue;
use crate::model::review::edit_review;
use crate::model::{
    Action, ActionSheet, Contract, Finding, FindingCategory, Id, Indicator, IndicatorKind,
    ReviewStatus, YearReview,
};
use crate::versions::items::items_of;
use proptest::prelude::*;

#[derive(Clone, Debug)]
pub enum Edit {
    RenameContract(String),
    RenameSheet(usize, String),
    DeleteSheet(usize),
    AddSheet(u128, String),
    AddAction(usize, u128, String),
    DeleteAction(usize, usize),
    RenameOrganisation(usize, String),
    DeleteOrganisation(usize),
    AddFinding(u128, String),
    /// The review of a year of a sheet (no action) or of one of its actions.
    Review {
        sheet: usize,
        action: Option<usize>,
        year: i32,
        status: Option<usize>,
        comment: String,
    },
    ClearReview {
        sheet: usize,
        action: Option<usize>,
        year: i32,
    },
    /// A year's target and result of one of all the indicators (the contract's, then sheets').
    Value {
        indicator: usize,
        year: Option<i32>,
        target: String,
        result: String,
    },
    /// An indicator of the contract (no sheet) or of a sheet.
    AddIndicator {
        sheet: Option<usize>,
        id: u128,
        name: String,
    },
    RenameContractIndicator(usize, String),
    DeleteContractIndicator(usize),
}

fn text() -> impl Strategy<Value = String> {
    "\\PC{0,24}"
}

/// `side` keeps the ids of actions and sheet indicators added on each side apart.
pub fn edit(side: u128) -> impl Strategy<Value = Edit> {
    let new_id = 1_000u128..1_008;
    let action = prop::option::of(any::<usize>());
    // Mostly what the base contract follows up (its first two sheets, 2024 and 2025), so that
    // both sides often touch the same entry.
    let followed = || prop_oneof![3 => 0..2usize, 1 => any::<usize>()];
    let year = || prop_oneof![3 => 2024..2026, 1 => 2023..2030];
    prop_oneof![
        1 => text().prop_map(Edit::RenameContract),
        1 => (any::<usize>(), text()).prop_map(|(i, t)| Edit::RenameSheet(i, t)),
        1 => any::<usize>().prop_map(Edit::DeleteSheet),
        1 => (new_id.clone(), text()).prop_map(|(n, t)| Edit::AddSheet(n, t)),
        1 => (any::<usize>(), 2_000 + side..2_008 + side, text())
            .prop_map(|(i, n, t)| Edit::AddAction(i, n, t)),
        1 => (any::<usize>(), text()).prop_map(|(i, t)| Edit::RenameOrganisation(i, t)),
        1 => any::<usize>().prop_map(Edit::DeleteOrganisation),
        1 => (followed(), any::<usize>()).prop_map(|(s, a)| Edit::DeleteAction(s, a)),
        1 => (3_000u128..3_008, text()).prop_map(|(n, t)| Edit::AddFinding(n, t)),
        3 => (followed(), action.clone(), year(), prop::option::of(0..8usize), text())
            .prop_map(|(sheet, action, year, status, comment)| Edit::Review {
                sheet, action, year, status, comment
            }),
        1 => (followed(), action, year())
            .prop_map(|(sheet, action, year)| Edit::ClearReview { sheet, action, year }),
        2 => (prop_oneof![3 => 0..4usize, 1 => any::<usize>()], prop::option::weighted(0.9, year()), text(), text())
            .prop_map(|(indicator, year, target, result)| Edit::Value {
                indicator, year, target, result
            }),
        1 => (prop::option::of(any::<usize>()), 0u128..8, text()).prop_map(move |(sheet, n, name)| {
            // Contract indicators take the shared range, sheet indicators a side's own.
            let id = if sheet.is_none() { 4_000 + n } else { 5_000 + side + n };
            Edit::AddIndicator { sheet, id, name }
        }),
        1 => (any::<usize>(), text()).prop_map(|(i, t)| Edit::RenameContractIndicator(i, t)),
        1 => any::<usize>().prop_map(Edit::DeleteContractIndicator),
    ]
}

/// The example contract, followed up: two actions in each of its first two sheets, reviews of
/// sheets and actions over 2024-2025, an indicator in the first sheet, values of the contract's
/// indicators. Both sides of a merge start from it.
pub fn base() -> Contract {
    let mut contract = crate::model::example::example_contract();
    for (s, sheet) in contract.sheets.iter_mut().take(2).enumerate() {
        sheet.reviews.push(YearReview::with_status(2024, ReviewStatus::ALL[s]));
        for a in 0..2 {
            let id = Id::from_u128(600 + (s * 2 + a) as u128);
            let mut action = Action::new(id, format!("Action {a} de la fiche {s}"), 0);
            action.reviews.push(YearReview::with_status(2024, ReviewStatus::ALL[a + 2]));
            action.reviews.push(YearReview::with_status(2025, ReviewStatus::ALL[a + 4]));
            sheet.actions.push(action);
        }
    }
    let mut indicator = Indicator::new(Id::from_u128(700), IndicatorKind::Outcome, "Taux", 0);
    indicator.edit_value(2024, |v| v.target = "10".into());
    contract.sheets[0].indicators.push(indicator);
    for (n, indicator) in contract.indicators.iter_mut().take(3).enumerate() {
        indicator.edit_value(2024 + n as i32, |v| v.result = format!("{n}"));
    }
    contract
}

pub fn edited(edits: &[Edit]) -> Contract {
    let mut contract = base();
    edits.iter().for_each(|e| apply(&mut contract, e));
    contract
}

pub fn apply(contract: &mut Contract, edit: &Edit) {
    let sheets = contract.sheets.len().max(1);
    let organisations = contract.organisations.len().max(1);
    let indicators = contract.indicators.len().max(1);
    match edit.clone() {
        Edit::RenameContract(name) => contract.name = name,
        Edit::RenameSheet(i, title) => {
            if let Some(sheet) = contract.sheets.get_mut(i % sheets) {
                sheet.title = title;
            }
        }
        Edit::DeleteSheet(i) if !contract.sheets.is_empty() => {
            contract.sheets.remove(i % sheets);
        }
        Edit::AddSheet(n, title) if !taken(contract, n) => {
            contract.sheets.push(ActionSheet::new(Id::from_u128(n), title, 1))
        }
        Edit::AddAction(i, n, text) if !taken(contract, n) => {
            if let Some(sheet) = contract.sheets.get_mut(i % sheets) {
                sheet.actions.push(Action::new(Id::from_u128(n), text, 1));
            }
        }
        Edit::DeleteAction(i, a) => {
            if let Some(sheet) = contract.sheets.get_mut(i % sheets) {
                if !sheet.actions.is_empty() {
                    sheet.actions.remove(a % sheet.actions.len());
                }
            }
        }
        Edit::RenameOrganisation(i, name) => {
            if let Some(organisation) = contract.organisations.get_mut(i % organisations) {
                organisation.name = name;
            }
        }
        Edit::DeleteOrganisation(i) if !contract.organisations.is_empty() => {
            contract.organisations.remove(i % organisations);
        }
        Edit::AddFinding(n, text) if !taken(contract, n) => contract.diagnostic.push(Finding {
            id: Id::from_u128(n),
            modified_at: 1,
            category: FindingCategory::HealthStatus,
            text,
        }),
        Edit::Review { sheet, action, year, status, comment } => {
            if let Some(reviews) = reviews_of(contract, sheet, action) {
                edit_review(reviews, year, |r| {
                    r.status = status.map(|s| ReviewStatus::ALL[s]);
                    r.comment = comment;
                });
            }
        }
        Edit::ClearReview { sheet, action, year } => {
            if let Some(reviews) = reviews_of(contract, sheet, action) {
                edit_review(reviews, year, |r| *r = YearReview::new(year));
            }
        }
        Edit::Value { indicator, year, target, result } => {
            set_value(contract, indicator, year, target, result)
        }
        Edit::AddIndicator { sheet, id, name } if !taken(contract, id) => {
            let indicator = Indicator::new(Id::from_u128(id), IndicatorKind::Process, name, 1);
            match sheet.and_then(|i| contract.sheets.get_mut(i % sheets)) {
                Some(sheet) => sheet.indicators.push(indicator),
                None => contract.indicators.push(indicator),
            }
        }
        Edit::RenameContractIndicator(i, name) => {
            if let Some(indicator) = contract.indicators.get_mut(i % indicators) {
                indicator.name = name;
            }
        }
        Edit::DeleteContractIndicator(i) if !contract.indicators.is_empty() => {
            contract.indicators.remove(i % indicators);
        }
        _ => {}
    }
}

fn taken(contract: &Contract, n: u128) -> bool {
    let id = Id::from_u128(n);
    let in_sheets = contract
        .sheets
        .iter()
        .any(|s| s.actions.iter().any(|a| a.id == id) || s.indicators.iter().any(|i| i.id == id));
    in_sheets || items_of(contract).iter().any(|i| i.id == id)
}

fn reviews_of(
    contract: &mut Contract,
    sheet: usize,
    action: Option<usize>,
) -> Option<&mut Vec<YearReview>> {
    let count = contract.sheets.len().max(1);
    let sheet = contract.sheets.get_mut(sheet % count)?;
    match action {
        None => Some(&mut sheet.reviews),
        Some(a) => {
            let count = sheet.actions.len().max(1);
            sheet.actions.get_mut(a % count).map(|action| &mut action.reviews)
        }
    }
}

fn set_value(
    contract: &mut Contract,
    indicator: usize,
    year: Option<i32>,
    target: String,
    result: String,
) {
    let mut all: Vec<&mut Indicator> = contract.indicators.iter_mut().collect();
    all.extend(contract.sheets.iter_mut().flat_map(|s| s.indicators.iter_mut()));
    let count = all.len().max(1);
    let Some(indicator) = all.into_iter().nth(indicator % count) else { return };
    match year {
        Some(year) => {
            indicator.edit_value(year, |v| {
                v.target = target;
                v.result = result;
            });
        }
        // At most one value without a year, as the merge knows values by year.
        None if indicator.values.iter().all(|v| v.year.is_some()) => {
            indicator.values.push(IndicatorValue {
                year: None,
                target,
                result,
                ..Default::default()
            });
        }
        None => {}
    }
}
