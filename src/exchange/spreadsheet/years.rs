//! The columns per year of the spreadsheet tables: a fiche's budget planned and spent, an
//! action's status and comment, an indicator's target and result.
//!
//! The years are those of the contract's period and any other year the data holds (a review or
//! a funding line outside the period is a validation finding, but it must not vanish from the
//! file). A year with nothing in it is an empty cell, never a default: no status that nobody
//! gave, no « 0 » spent that nobody reported.

use crate::model::amount::{plain_euros, AmountSum};
use crate::model::review::review_of;
use crate::model::{ActionSheet, Contract, Indicator, YearReview};
use std::collections::BTreeSet;

/// Every year of the period, and the `others` (in order, once each).
fn years_with(contract: &Contract, others: impl Iterator<Item = i32>) -> Vec<i32> {
    let mut years: BTreeSet<i32> = contract.period.years().collect();
    years.extend(others);
    years.into_iter().collect()
}

fn pairs(years: &[i32], first: &str, second: &str) -> Vec<String> {
    years.iter().flat_map(|y| [format!("{first} {y}"), format!("{second} {y}")]).collect()
}

/// The years of the fiches' budget columns.
pub fn budget_years(contract: &Contract) -> Vec<i32> {
    years_with(contract, contract.sheets.iter().flat_map(|s| &s.funding).map(|line| line.year))
}

pub fn budget_header(years: &[i32]) -> Vec<String> {
    pairs(years, "Prévu", "Dépensé")
}

/// Planned and spent euros of each year over the sheet's funding lines. Planned is empty for a
/// year with no line, or whose every amount is still to be specified (unknown is not 0), and
/// « 0 » only for a sheet that says it needs no money and has no line; spent is empty for a
/// year where no line has an amount spent yet.
pub fn budget_columns(sheet: &ActionSheet, years: &[i32]) -> Vec<String> {
    let needs_nothing = sheet.funding.is_empty() && sheet.no_funding_needed;
    let mut cells = Vec::with_capacity(years.len() * 2);
    for year in years {
        let lines: Vec<_> = sheet.funding.iter().filter(|line| line.year == *year).collect();
        let planned: AmountSum = lines.iter().map(|line| line.planned_euros).collect();
        let spent = lines
            .iter()
            .filter_map(|line| line.actual_euros)
            .reduce(|sum, euros| sum.saturating_add(euros));
        cells.push(match lines.is_empty() {
            true if needs_nothing => plain_euros(0),
            true => String::new(),
            false => planned.plain(),
        });
        cells.push(spent.map(plain_euros).unwrap_or_default());
    }
    cells
}

/// The years of the actions' review columns.
pub fn review_years(contract: &Contract) -> Vec<i32> {
    let actions = contract.sheets.iter().flat_map(|s| &s.actions);
    years_with(contract, actions.flat_map(|a| &a.reviews).map(|review| review.year))
}

/// The four columns of each year: « Statut 2024 », « Commentaire 2024 » (what was done),
/// « Pourquoi ? 2024 », « Suite prévue 2024 ».
pub fn review_header(years: &[i32]) -> Vec<String> {
    years.iter().flat_map(|y| REVIEW_COLUMNS.map(|column| format!("{column} {y}"))).collect()
}

/// The names of the columns of a year's review, before the year.
pub const REVIEW_COLUMNS: [&str; 4] = ["Statut", "Commentaire", "Pourquoi ?", "Suite prévue"];

/// Status (French label), « Ce qui a été fait », « Pourquoi ? » and « Suite prévue » of each
/// year: empty cells for a year without review, and an empty status for a review that has none
/// yet.
pub fn year_review_columns(reviews: &[YearReview], years: &[i32]) -> Vec<String> {
    let mut cells = Vec::with_capacity(years.len() * REVIEW_COLUMNS.len());
    for year in years {
        let review = review_of(reviews, *year);
        cells.push(review.and_then(|r| r.status).map_or("", |s| s.label()).to_string());
        cells.push(review.map_or("", |r| r.comment.trim()).to_string());
        cells.push(review.map_or("", |r| r.reason.trim()).to_string());
        cells.push(review.map_or("", |r| r.next_steps.trim()).to_string());
    }
    cells
}

/// The years of the indicators' value columns.
pub fn value_years(contract: &Contract) -> Vec<i32> {
    let sheets = contract.sheets.iter().flat_map(|s| &s.indicators);
    let values = contract.indicators.iter().chain(sheets).flat_map(|i| &i.values);
    years_with(contract, values.filter_map(|v| v.year))
}

pub fn value_header(years: &[i32]) -> Vec<String> {
    pairs(years, "Cible", "Résultat")
}

/// Target and result of each year.
pub fn value_columns(indicator: &Indicator, years: &[i32]) -> Vec<String> {
    let mut cells = Vec::with_capacity(years.len() * 2);
    for year in years {
        let value = indicator.value_of(*year);
        cells.push(value.map_or("", |v| v.target.trim()).to_string());
        cells.push(value.map_or("", |v| v.result.trim()).to_string());
    }
    cells
}
