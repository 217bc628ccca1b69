//! The contract and board the workshop's tests share (and the merge's, the documents').

use super::{Participant, Speaker, StakeholderKind, VoteTarget, Workshop};
use crate::model::{
    ActionSheet, Axis, Contract, Finding, FindingCategory, Id, Organisation, OrganisationKind,
    StrategicObjective,
};

/// The workshop's id in `contract_with_board`.
pub const WORKSHOP: u128 = 40;

pub fn id(n: u128) -> Id {
    Id::from_u128(n)
}

/// ARS (1) and CPAM (2) in the directory; axis « Personnes âgées » (30) with its objective
/// « Bien vieillir chez soi » (31); fiche « Santé mentale » (20); finding 60 of the diagnostic.
pub fn contract() -> Contract {
    let mut c = Contract::blank(id(100), "CLS", 0);
    for (n, name) in [(1, "ARS"), (2, "CPAM")] {
        c.organisations.push(Organisation::new(id(n), name, OrganisationKind::Other, 0));
    }
    let mut axis = Axis::new(id(30), "Personnes âgées", 0);
    axis.objectives.push(StrategicObjective {
        id: id(31),
        modified_at: 0,
        title: "Bien vieillir chez soi".into(),
    });
    c.axes.push(axis);
    c.sheets.push(ActionSheet::new(id(20), "Santé mentale", 0));
    c.diagnostic.push(Finding {
        id: id(60),
        modified_at: 0,
        category: FindingCategory::HealthStatus,
        text: "La sédentarité progresse chez les plus de 60 ans".into(),
    });
    c
}

/// « Sport santé », 12 March 2024, on axis 30, three participants (an elected member, a
/// doctor of CPAM, a resident), three groups: « Bouger plus » (4 notes, one quoting finding
/// 60), « Se nourrir mieux » (3), « Lien social » (2); one note not grouped; a few votes.
pub fn board() -> Workshop {
    let mut w = Workshop::new(id(WORKSHOP), "Sport santé", 0);
    w.date = Some("2024-03-12".into());
    w.place = "Salle des fêtes de Riom".into();
    w.axis_ids = vec![id(30)];
    w.facilitator = "Claire Coordinatrice".into();
    w.participants = vec![
        Participant::person(id(41), "Léa Maire", "Mairie de Riom", StakeholderKind::Elected, 0),
        Participant::from_directory(id(42), id(2), StakeholderKind::HealthProfessional, 0),
        Participant::person(id(43), "Jean Habitant", "", StakeholderKind::Resident, 0),
    ];
    w.participants[1].person = "Dr Paul Martin".into();
    let groups = [
        (
            50,
            "Bouger plus",
            &[
                "Un parcours sportif en plein air",
                "Des séances en salle",
                "Des créneaux sport sur ordonnance",
                "La sédentarité progresse chez les plus de 60 ans",
            ][..],
        ),
        (
            51,
            "Se nourrir mieux",
            &["Un marché de producteurs", "Des ateliers cuisine", "La cantine bio"][..],
        ),
        (52, "Lien social", &["Un café des aidants", "Des visites à domicile"][..]),
    ];
    let speakers = [
        Speaker::Participant(id(41)),
        Speaker::Participant(id(42)),
        Speaker::Kind(StakeholderKind::Resident),
    ];
    let mut n = 200;
    for (group, name, notes) in groups {
        w.create_group(id(group), name, 0);
        for text in notes {
            n += 1;
            w.add_note(id(n), text, speakers[(n % 3) as usize], 0);
            w.move_note(id(n), Some(id(group)), 0);
        }
    }
    if let Some(note) = w.notes.iter_mut().find(|n| n.text.starts_with("La sédentarité")) {
        note.finding_id = Some(id(60));
    }
    w.add_note(id(299), "Plus de médecins", Speaker::Kind(StakeholderKind::Association), 0);
    for (group, dots) in [(50, 5), (51, 2), (52, 1)] {
        w.give_dots(None, VoteTarget::Group(id(group)), dots, 0).expect("a group of the board");
    }
    w
}

/// `contract()` holding `board()`, with a fourth group « Divers » left empty.
pub fn contract_with_board() -> Contract {
    let mut c = contract();
    let mut w = board();
    w.create_group(id(53), "Divers", 0);
    c.workshops.push(w);
    c
}
