//! The cells of the spreadsheet made for one lead: « Mode d’emploi », then « Actions »,
//! « Indicateurs » and « Dépenses » with their headers and one row per row asked
//! (`model::collection::rows_for`). Values only, in the order they are written: the `.xlsx`,
//! `.ods` and CSV writers lay them out (widths, the status drop-down list, the cells to fill
//! marked, protection), and reading the answer back is tested against exactly these cells.

use super::columns::{Column, Part};
use super::fingerprint::{funding_made_with, indicator_made_with, review_made_with};
use super::table::{SheetCells, Workbook};
use crate::model::amount::plain_euros;
use crate::model::collection::{
    answer_by_words, rows_for, AskedFunding, AskedIndicator, AskedReview, Reference, Target,
};
use crate::model::review::status_label;
use crate::model::{Contract, Id};

/// The first sheet's name.
pub const GUIDE: &str = "Mode d’emploi";

/// The legend of the cells to fill, which the `.xlsx` and `.ods` writers colour (never colour
/// alone: this line says it, and each cell to fill says « À remplir » when selected).
pub const TO_FILL_LEGEND: &str = "Les cellules à remplir sont sur fond jaune ; les autres sont \
     protégées (sans mot de passe) pour éviter de les modifier par erreur.";

/// The label of the cell where a lead may date their answer (read back by `answers`).
pub const ANSWER_DATE: &str = "Date de la réponse";

/// The workbook made for `lead` in the collection of `year`, named `file`.
pub fn lead_workbook(contract: &Contract, year: i32, lead: Id, file: &str) -> Workbook {
    let rows = rows_for(contract, year, lead);
    let sheets = vec![
        SheetCells::new(GUIDE, guide(contract, year, lead)),
        part_sheet(Part::Reviews, rows.reviews.iter().map(review_cells)),
        part_sheet(Part::Indicators, rows.indicators.iter().map(indicator_cells)),
        part_sheet(Part::Funding, rows.funding.iter().map(funding_cells)),
    ];
    Workbook { file: file.to_string(), sheets }
}

/// « Mode d’emploi »: in plain French, what to fill, whom to send it to; the lead's reference,
/// which tells whose answer the file is.
fn guide(contract: &Contract, year: i32, lead: Id) -> Vec<Vec<String>> {
    let coordinator = &contract.coordinator;
    let send_to = [coordinator.name.trim(), coordinator.email.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let send_to = match answer_by_words(contract, year) {
        by if by.is_empty() => send_to,
        by if send_to.is_empty() => format!("avant {by}"),
        by => format!("{send_to}, avant {by}"),
    };
    let lines = [
        vec![format!("Bilan {year} du {}", contract.name.trim())],
        vec!["Pilote".into(), contract.organisation_name(lead).to_string()],
        vec![
            "Référence du pilote".into(),
            Reference::new(year, Target::Lead(lead)).to_string(),
        ],
        vec!["À renvoyer à".into(), send_to],
        vec![String::new()],
        vec![format!(
            "Feuille « Actions » : pour chaque ligne, choisissez le statut de l’année {year} dans la \
             liste, puis dites ce qui a été fait, pourquoi si ce n’est pas réalisé, et la suite prévue."
        )],
        vec!["Feuille « Indicateurs » : le résultat de l’année et, si besoin, un commentaire.".into()],
        vec!["Feuille « Dépenses » : le montant dépensé sur chaque ligne de financement.".into()],
        vec![
            "Ne modifiez pas la colonne « Référence » : elle permet de retrouver chaque ligne.".into(),
        ],
        vec![TO_FILL_LEGEND.into()],
        vec![String::new()],
        vec![ANSWER_DATE.into(), String::new()],
    ];
    lines.into_iter().collect()
}

fn part_sheet(part: Part, rows: impl Iterator<Item = Vec<String>>) -> SheetCells {
    let header = part.columns().iter().map(|c| c.header().to_string()).collect();
    SheetCells::new(part.name(), std::iter::once(header).chain(rows).collect())
}

/// A row's cells in `part.columns()`'s order, from what each column holds.
fn in_order(part: Part, value: impl Fn(Column) -> String) -> Vec<String> {
    part.columns().iter().map(|c| value(*c)).collect()
}

fn review_cells(row: &AskedReview) -> Vec<String> {
    in_order(Part::Reviews, |column| match column {
        Column::Reference => row.reference.to_string(),
        Column::SheetNumber => row.sheet_number.clone(),
        Column::SheetTitle => row.sheet_title.clone(),
        Column::ActionNumber => row.action_number.map(|n| n.to_string()).unwrap_or_default(),
        Column::Action => row.label.clone(),
        Column::LastYearStatus => status_label(row.last_year_status).to_string(),
        Column::LastYearNextSteps => row.last_year_next_steps.clone(),
        Column::Status => row.current.status.map(|s| s.label().to_string()).unwrap_or_default(),
        Column::Comment => row.current.comment.clone(),
        Column::Reason => row.current.reason.clone(),
        Column::NextSteps => row.current.next_steps.clone(),
        Column::MadeWith => review_made_with(row),
        _ => String::new(),
    })
}

fn indicator_cells(row: &AskedIndicator) -> Vec<String> {
    in_order(Part::Indicators, |column| match column {
        Column::Reference => row.reference.to_string(),
        Column::SheetNumber => row.sheet_number.clone(),
        Column::SheetTitle => row.sheet_title.clone(),
        Column::Indicator => row.name.clone(),
        Column::Unit => row.unit.clone(),
        Column::Target => row.target.clone(),
        Column::Result => row.result.clone(),
        Column::ResultComment => row.result_comment.clone(),
        Column::MadeWith => indicator_made_with(row),
        _ => String::new(),
    })
}

fn funding_cells(row: &AskedFunding) -> Vec<String> {
    in_order(Part::Funding, |column| match column {
        Column::Reference => row.reference.to_string(),
        Column::SheetNumber => row.sheet_number.clone(),
        Column::SheetTitle => row.sheet_title.clone(),
        Column::Funder => row.funder.clone(),
        Column::Planned => row.planned.map(plain_euros).unwrap_or_default(),
        Column::Spent => row.spent.map(plain_euros).unwrap_or_default(),
        Column::MadeWith => funding_made_with(row),
        _ => String::new(),
    })
}
