//! The notes of a workshop's board as a CSV file (`model::french_csv`): one row per note, for
//! the coordinator who writes the compte rendu in a word processor or sorts ideas in a
//! spreadsheet. Notes come group by group in board order, then those in no group; a missing
//! value is an empty cell, as in the other spreadsheets.

use crate::model::french_csv::{self, yes_no};
use crate::model::workshop::{Note, VoteTarget, Workshop};
use crate::model::{Contract, Id};

const HEADER: [&str; 6] =
    ["Groupe", "Idée", "Type d’acteur", "Participant", "Constat du diagnostic", "Voix"];

/// The CSV of workshop `id`'s notes; `None` when the contract has no such workshop.
pub fn workshop_notes_csv(contract: &Contract, id: Id) -> Option<String> {
    let workshop = contract.workshop(id)?;
    let grouped = workshop.groups.iter().flat_map(|g| workshop.notes_in(Some(g.id)));
    // `notes_in(None)` holds a note whose group is gone too: every note has its row.
    let rows = grouped.chain(workshop.notes_in(None)).map(|note| row(contract, workshop, note));
    Some(french_csv::write(&HEADER, rows))
}

fn row(contract: &Contract, workshop: &Workshop, note: &Note) -> [String; 6] {
    let group = note.group_id.and_then(|g| workshop.group(g)).map_or("", |g| g.name.trim());
    let participant = note.participant_id.and_then(|p| workshop.participant(p));
    [
        group.to_string(),
        note.text.trim().to_string(),
        note.stakeholder.label().to_string(),
        participant.map_or_else(String::new, |p| p.display_name(contract)),
        yes_no(note.finding_id.is_some()).to_string(),
        workshop.dots_for(VoteTarget::Note(note.id)).to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workshop::fixture::{contract_with_board, id, WORKSHOP};

    #[test]
    fn one_row_per_note_group_by_group_then_the_loose_ones() {
        let mut c = contract_with_board();
        let w = c.workshop_mut(id(WORKSHOP)).unwrap();
        w.give_dots(None, VoteTarget::Note(id(201)), 3, 1).unwrap();
        w.note_mut(id(202)).unwrap().text = "=SOMME(A1)".into();
        let csv = workshop_notes_csv(&c, id(WORKSHOP)).unwrap();
        assert!(csv.starts_with('\u{FEFF}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').split("\r\n").collect();
        assert_eq!(lines[0], "Groupe;Idée;Type d’acteur;Participant;Constat du diagnostic;Voix");
        assert_eq!(
            lines[1],
            "Bouger plus;Un parcours sportif en plein air;Élu;Léa Maire (Mairie de Riom);Non;3"
        );
        assert_eq!(
            lines[2],
            "Bouger plus;'=SOMME(A1);Professionnel de santé;Dr Paul Martin (CPAM);Non;0"
        );
        assert!(lines[4].ends_with(";Oui;0"), "the « constat »: {}", lines[4]);
        assert_eq!(lines[10], ";Plus de médecins;Association;;Non;0");
        assert_eq!(lines.len(), 1 + 10 + 1, "header, ten notes, and the last line end");
        assert!(workshop_notes_csv(&c, id(999)).is_none());
    }
}
