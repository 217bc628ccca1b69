//! The attendance sheet (« feuille d’émargement ») of a workshop: one line per participant
//! (name, organisation, a column to sign), then blank lines for those who come unannounced. The
//! workshop's title and date head every printed page (`Document::page_mark`), as funders ask.

use crate::document::{Block, Cell, Document, ParagraphKind, Table};
use crate::model::workshop::Workshop;
use crate::model::{Contract, Id};

/// Blank lines after the participants: people always come who were not expected.
pub const BLANK_LINES: usize = 10;

/// The sheet of workshop `id`; `None` when the contract has no such workshop.
pub fn attendance_sheet(contract: &Contract, id: Id) -> Option<Document> {
    let workshop = contract.workshop(id)?;
    let title = match workshop.title.trim() {
        "" => "Feuille d’émargement".to_string(),
        name => format!("Feuille d’émargement — {name}"),
    };
    let mut doc = Document::new(title, contract.name.trim());
    doc.page_mark = Some(page_mark(workshop));
    for line in cover_lines(workshop) {
        doc.paragraph_of(ParagraphKind::Cover, line);
    }
    let mut rows: Vec<Vec<Cell>> = workshop
        .participants
        .iter()
        .map(|p| {
            let name = p.person.trim();
            vec![Cell::text(name), Cell::text(p.organisation_name(contract)), Cell::text("")]
        })
        .collect();
    rows.extend((0..BLANK_LINES).map(|_| vec![Cell::text(""); 3]));
    doc.push(Block::Table(Table {
        caption: "Émargement des participants".into(),
        header: ["Nom", "Organisation", "Signature"].map(String::from).to_vec(),
        rows,
    }));
    Some(doc)
}

/// « Atelier « Sport santé » — 12 mars 2024 », on every page.
fn page_mark(workshop: &Workshop) -> String {
    let title = match workshop.title.trim() {
        "" => "Atelier",
        title => title,
    };
    format!("Atelier « {title} » — {}", workshop.date_label())
}

/// The date, the place and who leads it, as far as they are known.
pub(super) fn cover_lines(workshop: &Workshop) -> Vec<String> {
    let mut lines = vec![format!("Date : {}", workshop.date_label())];
    match workshop.place_label() {
        "" => lines.push("Lieu : à préciser".into()),
        place => lines.push(format!("Lieu : {place}")),
    }
    if !workshop.facilitator.trim().is_empty() {
        lines.push(format!("Animation : {}", workshop.facilitator.trim()));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::test_support::table;
    use crate::model::workshop::fixture::{contract_with_board, id, WORKSHOP};

    #[test]
    fn every_participant_has_a_line_to_sign_and_blank_lines_follow() {
        let c = contract_with_board();
        let doc = attendance_sheet(&c, id(WORKSHOP)).unwrap();
        assert_eq!(doc.title, "Feuille d’émargement — Sport santé");
        assert_eq!(doc.page_mark.as_deref(), Some("Atelier « Sport santé » — 12 mars 2024"));
        let sheet = table(&doc, "Émargement");
        assert_eq!(sheet.header, ["Nom", "Organisation", "Signature"]);
        assert_eq!(sheet.rows.len(), 3 + BLANK_LINES);
        let line = |i: usize| sheet.rows[i].iter().map(|c| c.text.as_str()).collect::<Vec<_>>();
        assert_eq!(line(0), ["Léa Maire", "Mairie de Riom", ""]);
        assert_eq!(line(1), ["Dr Paul Martin", "CPAM", ""]);
        assert_eq!(line(3), ["", "", ""]);
        let texts: Vec<&str> = doc.texts().collect();
        assert!(texts.contains(&"Lieu : Salle des fêtes de Riom"));
        assert!(texts.contains(&"Animation : Claire Coordinatrice"));
        assert!(attendance_sheet(&c, id(999)).is_none());
        for text in texts {
            crate::model::typography::assert_typographic("émargement", text);
        }
    }
}
