//! The points the COPIL has to decide on: the actions of the year that are reportées, non
//! réalisées or abandonnées (with why and what comes next), and the fiches whose follow-up of
//! the year is missing or incomplete (nothing entered, the fiche's own bilan without a status,
//! actions without a status), each saying what is missing.

use super::super::parts::review_cells;
use super::super::{Block, Cell, Document, ParagraphKind, Table};
use crate::model::follow_up::FollowUpRow;
use crate::model::numbering::Numbering;
use crate::model::YearReview;

pub(super) fn write(
    doc: &mut Document,
    rows: &[FollowUpRow],
    numbers: &Numbering,
    year: i32,
    followed: bool,
) {
    doc.heading(1, "Points soumis à la décision du COPIL");
    let fiches: Vec<&[FollowUpRow]> = rows.chunk_by(|_, next| !next.is_sheet()).collect();
    if !followed {
        let text = match fiches.len() {
            0 => "Le contrat n’a pas encore de fiche action.".to_string(),
            1 => format!("Aucun suivi n’a été saisi pour {year} : la fiche du contrat est à renseigner."),
            n => format!("Aucun suivi n’a été saisi pour {year} : les {n} fiches du contrat sont à renseigner."),
        };
        doc.paragraph_of(ParagraphKind::Notice, text);
        return;
    }
    slipped(doc, rows, numbers, year);
    incomplete(doc, &fiches, year);
}

/// The actions whose status of the year calls for a decision.
fn slipped(doc: &mut Document, rows: &[FollowUpRow], numbers: &Numbering, year: i32) {
    doc.heading(2, "Actions reportées, non réalisées ou abandonnées");
    let table_rows: Vec<Vec<Cell>> = rows
        .iter()
        .filter(|row| !row.is_sheet() && row.status().is_some_and(|s| s.needs_decision()))
        .map(|row| {
            let [status, _done, why, next] = review_cells(row.review.as_ref());
            let fiche = format!("n°{}", numbers.label(row.owner.sheet()));
            vec![Cell::text(fiche), Cell::text(&row.label), status, why, next]
        })
        .collect();
    if table_rows.is_empty() {
        let text = format!("Aucune action n’est reportée, non réalisée ou abandonnée en {year}.");
        doc.paragraph(text);
        return;
    }
    doc.push(Block::Table(Table {
        caption: format!("Actions reportées, non réalisées ou abandonnées en {year}"),
        header: ["Fiche", "Action"]
            .into_iter()
            .map(String::from)
            .chain([format!("Statut {year}"), "Pourquoi ?".into(), "Suite prévue".into()])
            .collect(),
        rows: table_rows,
    }));
}

/// The fiches whose follow-up of the year is missing or incomplete, each saying what lacks.
fn incomplete(doc: &mut Document, fiches: &[&[FollowUpRow]], year: i32) {
    doc.heading(2, format!("Fiches dont le suivi {year} est incomplet"));
    let items: Vec<String> = fiches
        .iter()
        .filter_map(|rows| missing(rows).map(|what| format!("{} : {what}.", rows[0].sheet_label)))
        .collect();
    if items.is_empty() {
        doc.paragraph(format!("Toutes les fiches et leurs actions ont un statut pour {year}."));
    } else {
        doc.push(Block::List(items));
    }
}

/// What a fiche's rows (its own, then its actions') lack for the year, `None` when nothing.
fn missing(rows: &[FollowUpRow]) -> Option<String> {
    if rows.iter().all(|row| row.review.as_ref().is_none_or(YearReview::is_blank)) {
        return Some("aucun suivi saisi".to_string());
    }
    let mut lacks = Vec::new();
    if rows[0].status().is_none() {
        lacks.push("bilan de la fiche non renseigné".to_string());
    }
    let actions = &rows[1..];
    let unfilled = actions.iter().filter(|row| row.status().is_none()).count();
    match unfilled {
        0 => {}
        1 => lacks.push(format!("1 action sur {} sans statut", actions.len())),
        n => lacks.push(format!("{n} actions sur {} sans statut", actions.len())),
    }
    (!lacks.is_empty()).then(|| lacks.join(", "))
}
