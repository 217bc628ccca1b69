//! The contract as tables for people who work in a spreadsheet rather than in the app (the
//! ARS, a funder, a COPIL member preparing the yearly review): the fiches action, their actions
//! and their indicators, as three CSV files that French spreadsheets open right
//! (`model::french_csv`); and the notes of a workshop's board (`workshop_notes`).
//!
//! Choices worth knowing:
//! - one row per item, sheets in reading order (axis order, then sheet order) and their
//!   actions and indicators in the sheet's order; sheet numbers are those of the app;
//! - the three files start with the same three columns (fiche number, title, axis), so a
//!   spreadsheet can sort, filter or put them side by side without a lookup;
//! - a missing value is an empty cell (never "—" nor "Sans titre"), so that filters show
//!   "(vides)"; free text is written trimmed, line breaks kept;
//! - enum values are written with their French `label()`, as the screens show them;
//! - once the contract is signed, each fiche and action has its dates in the signed version
//!   (the latest avenant's, else the signature's) beside today's, empty for what is new since;
//! - the yearly follow-up comes as columns per year (`years`): every year of the contract's
//!   period, and any other year the data holds, so that nothing is left out of the file.

mod workshop_notes;
mod years;

pub use workshop_notes::workshop_notes_csv;

use crate::model::amount::plain_euros;
use crate::model::french_csv::{self, list, month, yes_no};
use crate::model::funding::planned_total;
use crate::model::numbering::Numbering;
use crate::model::planning::{sheet_calendar, signed_cells, SignedDates};
use crate::model::review::{latest_review, status_label};
use crate::model::{ActionSheet, Contract, Id, Indicator, YearReview};
use years::{
    budget_columns, budget_header, budget_years, review_header, review_years, value_columns,
    value_header, value_years, year_review_columns,
};

/// The first columns of the fiches action file; "Prévu 2024", "Dépensé 2024", "Prévu 2025"...
/// follow, two per year.
pub const SHEETS_HEADER: [&str; 24] = [
    "N° fiche",
    "Fiche action",
    "Axe",
    "Objectif stratégique",
    "Type",
    "Priorité",
    "Volet santé mentale",
    "Pilote",
    "Personne pilote",
    "Copilotes",
    "Partenaires",
    "Publics cibles",
    "Territoire concerné",
    "Participation des habitants",
    "Budget prévu (€)",
    "Montants à préciser",
    "Début",
    "Fin",
    "Début (version signée)",
    "Fin (version signée)",
    "Nombre d’actions",
    "Nombre d’indicateurs",
    "Dernier bilan",
    "Année du dernier bilan",
];

/// The first columns of the actions file; "Statut 2024", "Commentaire 2024", "Pourquoi ? 2024",
/// "Suite prévue 2024", "Statut 2025"... follow, four per year.
pub const ACTIONS_HEADER: [&str; 12] = [
    "N° fiche",
    "Fiche action",
    "Axe",
    "Action",
    "Pilote",
    "Début",
    "Fin",
    "Début (version signée)",
    "Fin (version signée)",
    "Jalon",
    "Dernier bilan",
    "Année du dernier bilan",
];

/// The first columns of the indicators file; "Cible 2024", "Résultat 2024", "Cible 2025"...
/// follow, two per year.
pub const INDICATORS_HEADER: [&str; 13] = [
    "N° fiche",
    "Fiche action",
    "Axe",
    "Type d’indicateur",
    "Indicateur",
    "Définition",
    "Unité",
    "Valeur de départ",
    "Valeur cible",
    "Type de valeur",
    "Source des données",
    "Fréquence de recueil",
    "Personne chargée du recueil",
];

/// What the coverage cell says when the sheet covers the whole contract.
pub const WHOLE_TERRITORY: &str = "Tout le territoire du contrat";

/// What the « Fiche action » cell of the contract's own indicators says (they have no number
/// and no axis).
pub const CONTRACT_INDICATORS: &str = "Indicateurs du contrat";

/// One row per fiche action: where it sits in the contract, who carries it, for whom and where,
/// its planned budget, its calendar (first and last month of its actions) today and as signed,
/// how many actions and indicators it has, its latest yearly review, then its budget planned and spent each year.
pub fn sheets_csv(contract: &Contract) -> String {
    let numbers = Numbering::of(contract);
    let years = budget_years(contract);
    let signed = SignedDates::of(contract);
    let rows = contract.sheets_in_axis_order().into_iter().map(|sheet| {
        let (first, last) = sheet_calendar(sheet);
        let [signed_first, signed_last] =
            signed_cells(signed.as_ref().and_then(|s| s.sheet(sheet.id)));
        let review = latest_review(&sheet.reviews);
        let first_lead = sheet.leads.first();
        let mut row = Vec::from(sheet_columns(contract, &numbers, sheet));
        row.extend([
            strategic_objective(contract, &numbers, sheet),
            sheet.kind.label().to_string(),
            sheet.priority.label().to_string(),
            yes_no(sheet.mental_health).to_string(),
            organisation(contract, first_lead.and_then(|l| l.organisation_id)),
            first_lead.map_or("", |l| l.person.trim()).to_string(),
            list(sheet.leads.iter().skip(1).map(|l| lead_words(contract, l))),
            list(sheet.partner_ids.iter().map(|id| contract.organisation_name(*id))),
            list(sheet.audiences.iter().map(|a| a.trim())),
            coverage(sheet),
            sheet.participation.label().to_string(),
            budget(sheet),
            amounts_to_specify(sheet),
            month(first),
            month(last),
            signed_first,
            signed_last,
            sheet.actions.len().to_string(),
            sheet.indicators.len().to_string(),
        ]);
        row.extend(review_columns(review));
        row.extend(budget_columns(sheet, &years));
        row
    });
    french_csv::write(&with_years(&SHEETS_HEADER, budget_header(&years)), rows)
}

/// One row per action of every sheet: its description in full, its lead (the action's own,
/// else the sheet's, as the planning shows it), its months today and as signed, whether it is a
/// milestone, and its
/// own latest review (the sheet's is in the fiches file), then its status and comment each year.
pub fn actions_csv(contract: &Contract) -> String {
    let numbers = Numbering::of(contract);
    let years = review_years(contract);
    let signed = SignedDates::of(contract);
    let mut rows = Vec::new();
    for sheet in contract.sheets_in_axis_order() {
        let columns = sheet_columns(contract, &numbers, sheet);
        for action in &sheet.actions {
            let [signed_start, signed_end] =
                signed_cells(signed.as_ref().and_then(|s| s.action(action.id)));
            let mut row = Vec::from(columns.clone());
            row.extend([
                action.description.trim().to_string(),
                match action.lead_id {
                    Some(id) => organisation(contract, Some(id)),
                    None => list(sheet.lead_ids().iter().map(|id| contract.organisation_name(*id))),
                },
                month(action.start),
                month(action.end),
                signed_start,
                signed_end,
                yes_no(action.milestone).to_string(),
            ]);
            row.extend(review_columns(latest_review(&action.reviews)));
            row.extend(year_review_columns(&action.reviews, &years));
            rows.push(row);
        }
    }
    french_csv::write(&with_years(&ACTIONS_HEADER, review_header(&years)), rows)
}

/// One row per indicator: the contract's own first (no number, no axis), then those of every
/// sheet; every field of the evaluation step, then the target and result of each year, so the
/// yearly review can be filled in the file.
pub fn indicators_csv(contract: &Contract) -> String {
    let numbers = Numbering::of(contract);
    let years = value_years(contract);
    let own = [String::new(), CONTRACT_INDICATORS.to_string(), String::new()];
    let mut rows: Vec<Vec<String>> =
        contract.indicators.iter().map(|i| indicator_row(&own, i, &years)).collect();
    for sheet in contract.sheets_in_axis_order() {
        let columns = sheet_columns(contract, &numbers, sheet);
        rows.extend(sheet.indicators.iter().map(|i| indicator_row(&columns, i, &years)));
    }
    french_csv::write(&with_years(&INDICATORS_HEADER, value_header(&years)), rows)
}

fn indicator_row(first: &[String; 3], indicator: &Indicator, years: &[i32]) -> Vec<String> {
    let mut row = Vec::from(first.clone());
    row.extend([
        indicator.kind.label().to_string(),
        indicator.name.trim().to_string(),
        indicator.definition.trim().to_string(),
        indicator.unit.trim().to_string(),
        indicator.baseline.trim().to_string(),
        indicator.target.trim().to_string(),
        indicator.scale.label().to_string(),
        indicator.source.trim().to_string(),
        indicator.frequency.label().to_string(),
        indicator.collector.trim().to_string(),
    ]);
    row.extend(value_columns(indicator, years));
    row
}

/// A file's fixed columns followed by its columns per year.
fn with_years(first: &[&str], per_year: Vec<String>) -> Vec<String> {
    first.iter().map(|h| h.to_string()).chain(per_year).collect()
}

/// Number, title and axis of a sheet: the first three columns of every file.
fn sheet_columns(contract: &Contract, numbers: &Numbering, sheet: &ActionSheet) -> [String; 3] {
    let axis = sheet.axis_id.and_then(|id| contract.axis(id));
    [
        numbers.label(sheet.id).to_string(),
        sheet.title.trim().to_string(),
        axis.map(|a| a.label(numbers)).unwrap_or_default(),
    ]
}

/// "2.1 – Title" (or "2.1"), looked up in the sheet's own axis as the sheet's page does.
fn strategic_objective(contract: &Contract, numbers: &Numbering, sheet: &ActionSheet) -> String {
    let axis = sheet.axis_id.and_then(|id| contract.axis(id));
    let objective = axis.and_then(|a| sheet.objective_id.and_then(|id| a.objective(id)));
    objective.map_or_else(String::new, |o| match o.title.trim() {
        "" => numbers.label(o.id).to_string(),
        title => format!("{} – {title}", numbers.label(o.id)),
    })
}

fn organisation(contract: &Contract, id: Option<Id>) -> String {
    id.map(|id| contract.organisation_name(id).to_string()).unwrap_or_default()
}

/// A co-lead as a cell reads it: « CPAM (Mme Martin) », the organisation or the person alone.
fn lead_words(contract: &Contract, lead: &crate::model::Lead) -> String {
    let name = lead.organisation_id.map(|id| contract.organisation_name(id));
    match (name, lead.person.trim()) {
        (None, person) => person.to_string(),
        (Some(name), "") => name.to_string(),
        (Some(name), person) => format!("{name} ({person})"),
    }
}

fn coverage(sheet: &ActionSheet) -> String {
    if sheet.coverage.whole_territory {
        WHOLE_TERRITORY.to_string()
    } else {
        list(sheet.coverage.places.iter().map(|p| p.trim()))
    }
}

/// The planned total of the amounts known; "0" when the sheet says it needs no money, an empty
/// cell when its budget is simply not filled in yet (so the two do not look alike) or when no
/// amount of it is known yet (« montant à préciser » is not 0).
fn budget(sheet: &ActionSheet) -> String {
    if sheet.funding.is_empty() {
        if sheet.no_funding_needed {
            plain_euros(0)
        } else {
            String::new()
        }
    } else {
        planned_total(&sheet.funding).plain()
    }
}

/// How many funding lines name a funder but no amount yet, so that a planned total that leaves
/// some out says so; empty when the sheet has no funding line.
fn amounts_to_specify(sheet: &ActionSheet) -> String {
    match sheet.funding.is_empty() {
        true => String::new(),
        false => planned_total(&sheet.funding).unknown.to_string(),
    }
}

/// Status label and year of a review, or two empty cells.
fn review_columns(review: Option<&YearReview>) -> [String; 2] {
    match review {
        Some(r) => [status_label(r.status).to_string(), r.year.to_string()],
        None => [String::new(), String::new()],
    }
}

#[cfg(test)]
mod tests;
