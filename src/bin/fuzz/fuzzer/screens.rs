//! What the screens compute from a contract once it is open: a file the importer accepts must
//! not crash the app a moment later. Numbering and validation (every screen), the planning's
//! rows, summaries and exports, « Suivi »'s figures of the shown year, the spreadsheet tables,
//! and now and then the documents (annual report, bilan, the contract, each fiche).

use super::rng::Rng;
use atelier_cls::document::{
    amendment_document, annual_report, contract_document, evaluation, fiche_document,
};
use atelier_cls::exchange::spreadsheet::{actions_csv, indicators_csv, sheets_csv};
use atelier_cls::model::follow_up::{
    budget_of_year, follow_up_rows, indicator_rows, row_facts, shown_year, status_counts,
};
use atelier_cls::model::numbering::Numbering;
use atelier_cls::model::planning::{
    load_per_lead, milestones_ics, plan_csv, plan_rows, yearly_summary,
};
use atelier_cls::model::validation::validate_numbered;
use atelier_cls::model::Contract;

/// The year « Suivi » would show on 23 November 2026, or now and then any year of the period.
fn a_year(contract: &Contract, rng: &mut Rng) -> i32 {
    let asked = if rng.one_in(2) {
        None
    } else {
        Some(contract.period.first_year.saturating_add(rng.below(6) as i32))
    };
    shown_year(contract.period, asked, 2026)
}

pub fn open(contract: &Contract, rng: &mut Rng) {
    let numbers = Numbering::of(contract);
    validate_numbered(contract, &numbers);
    let year = a_year(contract, rng);
    let rows = plan_rows(contract, year);
    yearly_summary(&rows, contract.period);
    load_per_lead(&rows, contract.period);
    plan_csv(contract, &rows);
    milestones_ics(contract, "20261123T100000Z");
    follow_up_rows(contract, &numbers, year);
    row_facts(contract, year);
    status_counts(contract, &numbers, year);
    indicator_rows(contract, &numbers, year);
    budget_of_year(contract, year);
    sheets_csv(contract);
    actions_csv(contract);
    indicators_csv(contract);
    if rng.one_in(8) {
        annual_report(contract, year, "2026-11-23");
        evaluation(contract, "2026-11-23");
        contract_document(contract);
        for sheet in &contract.sheets {
            fiche_document(contract, sheet.id);
        }
        for amendment in &contract.amendments {
            amendment_document(contract, amendment.number);
        }
    }
}
