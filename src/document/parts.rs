//! Pieces the documents share: the cover, a yearly review as table cells, the chart and table
//! of actions by status and axis, a fiche's lead, how an indicator is named, and counts
//! written in French words. Kept in
//! one place so that the annual report, the evaluation and the contract say things alike.

use super::{Block, Cell, CellKind, Document, ParagraphKind, StatusBar, StatusChart, Table};
use crate::model::follow_up::{status_at, AxisCounts, IndicatorOwner, STATUS_COLUMNS};
use crate::model::numbering::Numbering;
use crate::model::review::status_label;
use crate::model::{ActionSheet, Contract, Indicator, YearReview};

/// What a document writes where nothing was filled in.
pub const DASH: &str = "—";

pub use crate::model::funding::NO_FUNDER;

/// The text trimmed, or a dash when there is none: a blank cell would read as a layout error.
pub fn or_dash(text: &str) -> String {
    match text.trim() {
        "" => DASH.to_string(),
        text => text.to_string(),
    }
}

/// A list, or `empty` as a sentence when there is nothing to list: a heading is never left
/// with nothing under it.
pub fn list_or(items: Vec<String>, empty: &str) -> Block {
    if items.is_empty() {
        Block::Paragraph { text: empty.to_string(), kind: ParagraphKind::Body }
    } else {
        Block::List(items)
    }
}

/// The cover: the contract's name, period and territory, then `lines`, all set as cover lines.
pub fn cover(doc: &mut Document, contract: &Contract, lines: impl IntoIterator<Item = String>) {
    doc.paragraph_of(ParagraphKind::Cover, or_dash(&contract.name));
    doc.paragraph_of(ParagraphKind::Cover, format!("Période : {}", contract.period.label()));
    if !contract.territory.name.trim().is_empty() {
        let territory = format!("Territoire : {}", contract.territory.name.trim());
        doc.paragraph_of(ParagraphKind::Cover, territory);
    }
    for line in lines {
        doc.paragraph_of(ParagraphKind::Cover, line);
    }
}

/// A review as the cells after its row's label: the status (« à confirmer » when carried over
/// and not confirmed), « Ce qui a été fait », « Pourquoi ? » (never for « Réalisé », where the
/// question does not arise) and « Suite prévue ». No review reads « Non renseigné ».
pub fn review_cells(review: Option<&YearReview>) -> [Cell; 4] {
    let status = review.and_then(|r| r.status);
    let mut status_cell = Cell::status(status);
    if review.is_some_and(|r| r.to_confirm) {
        status_cell.text.push_str(" (à confirmer)");
    }
    let text = |pick: fn(&YearReview) -> &str| Cell::text(or_dash(review.map_or("", pick)));
    let reason = match status {
        Some(status) if !status.asks_why() => Cell::text(DASH),
        _ => text(|r| &r.reason),
    };
    [status_cell, text(|r| &r.comment), reason, text(|r| &r.next_steps)]
}

/// The headers of [`review_cells`], after the row label's and with the status column's own.
pub fn review_header(label: &str, status: String) -> Vec<String> {
    let rest = ["Ce qui a été fait", "Pourquoi ?", "Suite prévue"].map(String::from);
    [label.to_string(), status].into_iter().chain(rest).collect()
}

/// The stacked bars of `axes`, described in words by `description`.
pub fn status_chart(description: String, axes: &[AxisCounts]) -> Block {
    let bars = axes
        .iter()
        .map(|axis| StatusBar { label: axis.short_label.clone(), counts: axis.counts })
        .collect();
    Block::StatusChart(StatusChart { description, bars })
}

/// The counts of `axes` as a table: one row per axis, one column per status and « Non
/// renseigné », a total column and a total row, so that the figures of the chart can be read.
pub fn counts_table(caption: String, axes: &[AxisCounts]) -> Block {
    let header = std::iter::once("Axe".to_string())
        .chain((0..STATUS_COLUMNS).map(|c| status_label(status_at(c)).to_string()))
        .chain(["Total".to_string()])
        .collect();
    let figures = |label: Cell, counts: &[usize; STATUS_COLUMNS], kind: CellKind| {
        let total: usize = counts.iter().sum();
        std::iter::once(label)
            .chain(counts.iter().chain([&total]).map(|n| Cell { text: n.to_string(), kind }))
            .collect::<Vec<Cell>>()
    };
    let mut rows: Vec<Vec<Cell>> = axes
        .iter()
        .map(|axis| figures(Cell::text(&axis.label), &axis.counts, CellKind::Number))
        .collect();
    let mut totals = [0; STATUS_COLUMNS];
    for axis in axes {
        totals.iter_mut().zip(axis.counts).for_each(|(total, count)| *total += count);
    }
    rows.push(figures(Cell::total("Total"), &totals, CellKind::Total));
    Block::Table(Table { caption, header, rows })
}

/// The fiche's leads: each organisation and the person there, co-leads after the first joined
/// by « / », « Non précisé » when nobody is named yet.
pub fn lead_text(contract: &Contract, sheet: &ActionSheet) -> String {
    let leads: Vec<String> = sheet
        .leads
        .iter()
        .filter_map(|lead| {
            let organisation = lead.organisation_id.map(|id| contract.organisation_name(id));
            match (organisation, lead.person.trim()) {
                (None, "") => None,
                (None, person) => Some(person.to_string()),
                (Some(organisation), "") => Some(organisation.to_string()),
                (Some(organisation), person) => Some(format!("{organisation} ({person})")),
            }
        })
        .collect();
    match leads.is_empty() {
        true => "Non précisé".to_string(),
        false => leads.join(" / "),
    }
}

/// Who holds an indicator, short enough for a table's first column: « Contrat », « Fiche n°3 ».
pub fn owner_label(owner: IndicatorOwner, numbers: &Numbering) -> String {
    match owner {
        IndicatorOwner::Contract => "Contrat".to_string(),
        IndicatorOwner::Sheet(id) => format!("Fiche n°{}", numbers.label(id)),
    }
}

/// The indicator's name with its unit: « Étudiants accueillis (étudiants) ».
pub fn indicator_name(indicator: &Indicator) -> String {
    match indicator.unit.trim() {
        "" => or_dash(&indicator.name),
        unit => format!("{} ({unit})", or_dash(&indicator.name)),
    }
}

/// « aucune action », « 1 action », « 12 actions »: a count of a feminine noun in words, as
/// the documents' sentences need it (French puts zero and one in the singular).
pub fn count_of(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => format!("aucune {one}"),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// The plural ending for `n` things in French: nothing for zero and one.
pub fn plural(n: usize) -> &'static str {
    if n > 1 {
        "s"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ReviewStatus;

    #[test]
    fn a_done_action_is_never_asked_why() {
        let mut review = YearReview::with_status(2025, ReviewStatus::Done);
        review.reason = "reste d’une saisie précédente".into();
        review.comment = "12 séances".into();
        let cells = review_cells(Some(&review));
        assert_eq!(cells[0].kind, CellKind::Status(Some(ReviewStatus::Done)));
        assert_eq!([cells[1].text.as_str(), cells[2].text.as_str()], ["12 séances", DASH]);
        review.status = Some(ReviewStatus::NotDone);
        review.to_confirm = true;
        let cells = review_cells(Some(&review));
        assert_eq!(cells[0].text, "Non réalisé (à confirmer)");
        assert_eq!(cells[2].text, "reste d’une saisie précédente");
        assert_eq!(review_cells(None)[0].text, "Non renseigné");
    }

    #[test]
    fn counts_are_written_in_french() {
        assert_eq!(count_of(0, "action", "actions"), "aucune action");
        assert_eq!(count_of(1, "fiche", "fiches"), "1 fiche");
        assert_eq!(count_of(12, "action", "actions"), "12 actions");
        assert_eq!([plural(0), plural(1), plural(2)], ["", "", "s"]);
    }
}
