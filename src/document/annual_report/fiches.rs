//! The annual report's body: one section per axis, then per fiche in reading order, each with
//! the fiche's status for the year and its lead, then a table of the fiche's own bilan and of
//! each action (status, what was done, why not, what comes next), as « Suivi » shows them.

use super::super::parts::{lead_text, review_cells, review_header};
use super::super::{Block, Cell, Document, ParagraphKind, Table};
use crate::model::follow_up::FollowUpRow;
use crate::model::review::status_label;
use crate::model::{Contract, YearReview};

/// The sections of every axis that has fiches; `rows` are « Suivi »'s rows of the year.
pub(super) fn write(doc: &mut Document, contract: &Contract, rows: &[FollowUpRow], year: i32) {
    for axis in rows.chunk_by(|a, b| a.axis_id == b.axis_id) {
        doc.heading(1, &axis[0].axis_label);
        for fiche in axis.chunk_by(|_, next| !next.is_sheet()) {
            write_fiche(doc, contract, fiche, year);
        }
    }
}

/// One fiche: `rows` are its own row, then its actions'. A fiche nobody reviewed this year
/// says so in a sentence instead of a table of « Non renseigné ».
fn write_fiche(doc: &mut Document, contract: &Contract, rows: &[FollowUpRow], year: i32) {
    let own = &rows[0];
    doc.heading(2, &own.sheet_label);
    let lead = contract.sheet(own.owner.sheet()).map(|s| lead_text(contract, s));
    doc.paragraph(format!(
        "Statut de la fiche en {year} : {}. Pilote : {}.",
        status_label(own.status()),
        lead.unwrap_or_default()
    ));
    if rows.iter().all(|row| row.review.as_ref().is_none_or(YearReview::is_blank)) {
        let text = format!("Aucun suivi n’a été saisi pour cette fiche en {year}.");
        doc.paragraph_of(ParagraphKind::Notice, text);
        return;
    }
    let rows = rows
        .iter()
        .map(|row| {
            let label = Cell::text(&row.label);
            std::iter::once(label).chain(review_cells(row.review.as_ref())).collect()
        })
        .collect();
    doc.push(Block::Table(Table {
        caption: format!("Suivi {year} – {}", own.sheet_label),
        header: review_header("Fiche ou action", format!("Statut {year}")),
        rows,
    }));
}
