//! The annual report's figures: the indicators of the year (target, result, the gap between
//! them, whether the target is reached; the contract's own first) and the budget of the year
//! (planned and spent per fiche and per funder, with totals). A spent amount nobody entered is
//! said to be missing, never shown as zero.

use super::super::parts::{indicator_name, owner_label, DASH, NO_FUNDER};
use super::super::{Block, Cell, Document, ParagraphKind, Table};
use crate::model::figure::gap;
use crate::model::follow_up::{budget_of_year, indicator_rows, IndicatorOwner, Planned};
use crate::model::numbering::Numbering;
use crate::model::{Contract, Indicator};

/// The indicators' section: one table, or a sentence when there is nothing for the year.
pub(super) fn indicators(doc: &mut Document, contract: &Contract, numbers: &Numbering, year: i32) {
    doc.heading(1, format!("Indicateurs {year}"));
    let found: Vec<(IndicatorOwner, &Indicator)> = indicator_rows(contract, numbers, year)
        .into_iter()
        .filter_map(|row| {
            let list = row.owner.indicators(contract)?;
            list.iter().find(|i| i.id == row.indicator_id).map(|i| (row.owner, i))
        })
        .collect();
    let notice = if found.is_empty() {
        "Ni le contrat ni ses fiches n’ont d’indicateur.".to_string()
    } else if found.iter().all(|(_, i)| i.value_of(year).is_none()) {
        format!("Aucune cible ni aucun résultat d’indicateur n’est saisi pour {year}.")
    } else {
        let rows = found.iter().map(|(owner, i)| indicator_row(*owner, i, numbers, year));
        doc.push(Block::Table(Table {
            caption: format!("Indicateurs {year} : cible, résultat et écart"),
            header: ["Indicateur de", "Indicateur"]
                .into_iter()
                .map(String::from)
                .chain([format!("Cible {year}"), format!("Résultat {year}")])
                .chain(["Écart", "Cible atteinte"].map(String::from))
                .collect(),
            rows: rows.collect(),
        }));
        return;
    };
    doc.paragraph_of(ParagraphKind::Notice, notice);
}

/// One indicator's row: where it belongs, its name, the target of the year (the overall
/// target, said so, when the year has none), the result with its comment, the gap (numbers
/// only) and whether the target is reached.
fn indicator_row(
    owner: IndicatorOwner,
    indicator: &Indicator,
    numbers: &Numbering,
    year: i32,
) -> Vec<Cell> {
    let value = indicator.value_of(year);
    let target = indicator.target_of(year);
    let own_target = value.is_some_and(|v| !v.target.trim().is_empty());
    let target_text = match target {
        "" => DASH.to_string(),
        target if own_target => target.to_string(),
        target => format!("{target} (cible finale)"),
    };
    let result = value.map_or("", |v| v.result.trim());
    let result_text = match (result, value.map_or("", |v| v.result_comment.trim())) {
        ("", _) => DASH.to_string(),
        (result, "") => result.to_string(),
        (result, comment) => format!("{result} – {comment}"),
    };
    let difference = indicator.scale.is_numeric().then(|| gap(result, target)).flatten();
    let reached = match indicator.target_reached(year) {
        Some(true) => "Oui",
        Some(false) => "Non",
        None => DASH,
    };
    vec![
        Cell::text(owner_label(owner, numbers)),
        Cell::text(indicator_name(indicator)),
        Cell::number(target_text),
        Cell::number(result_text),
        Cell::number(difference.unwrap_or_else(|| DASH.to_string())),
        Cell::text(reached),
    ]
}

/// The budget's section: planned and spent per fiche, then per funder.
pub(super) fn budget(doc: &mut Document, contract: &Contract, numbers: &Numbering, year: i32) {
    doc.heading(1, format!("Budget {year}"));
    let budget = budget_of_year(contract, year);
    if budget.lines.is_empty() {
        let text = format!("Aucune ligne de financement n’est prévue pour {year}.");
        doc.paragraph_of(ParagraphKind::Notice, text);
        return;
    }
    let per_sheet = budget.per_sheet.iter().map(|(id, planned)| {
        let name = contract.sheet(*id).map(|s| s.label(numbers)).unwrap_or_default();
        (name, *planned)
    });
    doc.push(amounts(format!("Budget {year} par fiche"), "Fiche", per_sheet, budget.contract));
    let per_funder = budget.per_funder.iter().map(|(funder, planned)| {
        let name = funder.map_or(NO_FUNDER, |id| contract.organisation_name(id));
        (name.to_string(), *planned)
    });
    let caption = format!("Budget {year} par financeur");
    doc.push(amounts(caption, "Financeur", per_funder, budget.contract));
}

/// A table of planned and spent amounts with a total row.
fn amounts(
    caption: String,
    first: &str,
    lines: impl Iterator<Item = (String, Planned)>,
    total: Planned,
) -> Block {
    let row = |name: Cell, amounts: Planned, cell: fn(String) -> Cell| {
        vec![name, cell(amounts.planned.text()), cell(amounts.spent_text())]
    };
    let mut rows: Vec<Vec<Cell>> =
        lines.map(|(name, amounts)| row(Cell::text(name), amounts, Cell::number)).collect();
    rows.push(row(Cell::total("Total"), total, Cell::total));
    let header = [first, "Prévu", "Dépensé"].map(String::from).to_vec();
    Block::Table(Table { caption, header, rows })
}
