//! The people and organisations present at a workshop: an organisation of the directory, a
//! person by name (with their organisation, from the directory or typed on the spot when it is
//! not there), each with the kind of stakeholder they speak as. The attendance sheet
//! (`document::attendance_sheet`) and the compte rendu list them.

use super::StakeholderKind;
use crate::model::{Contract, Id, Timestamp};
use serde::{Deserialize, Serialize};

/// One participant of a workshop.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub id: Id,
    pub modified_at: Timestamp,
    /// The person's name; empty when an organisation takes part as such.
    pub person: String,
    /// Their organisation when the directory has it.
    pub organisation_id: Option<Id>,
    /// Their organisation typed on the spot, when the directory does not have it (a resident's
    /// association, a school): nobody stops a workshop to fill in the directory.
    pub organisation: String,
    pub kind: StakeholderKind,
}

impl Participant {
    /// A person by name, with an organisation typed on the spot (possibly empty).
    pub fn person(
        id: Id,
        name: impl Into<String>,
        organisation: impl Into<String>,
        kind: StakeholderKind,
        now: Timestamp,
    ) -> Self {
        Participant {
            id,
            modified_at: now,
            person: name.into(),
            organisation_id: None,
            organisation: organisation.into(),
            kind,
        }
    }

    /// An organisation of the directory, with or without a person named.
    pub fn from_directory(
        id: Id,
        organisation_id: Id,
        kind: StakeholderKind,
        now: Timestamp,
    ) -> Self {
        Participant {
            id,
            modified_at: now,
            person: String::new(),
            organisation_id: Some(organisation_id),
            organisation: String::new(),
            kind,
        }
    }

    /// The organisation's name: the directory's when it has it, else the one typed (empty when
    /// neither is known). A directory entry deleted since reads as the directory says.
    pub fn organisation_name<'a>(&'a self, contract: &'a Contract) -> &'a str {
        match self.organisation_id {
            Some(id) => contract.organisation_name(id),
            None => self.organisation.trim(),
        }
    }

    /// How lists name them: « Marie Durand (CPAM) », « CPAM » for an organisation alone,
    /// « Marie Durand » without one.
    pub fn display_name(&self, contract: &Contract) -> String {
        let organisation = self.organisation_name(contract);
        match (self.person.trim(), organisation) {
            ("", "") => "(participant sans nom)".to_string(),
            ("", organisation) => organisation.to_string(),
            (person, "") => person.to_string(),
            (person, organisation) => format!("{person} ({organisation})"),
        }
    }
}

impl super::Workshop {
    /// Adds a participant at the end of the list (the order they signed in); nothing when one
    /// with that id is already there, or when the directory's organisation is already there
    /// with nobody named (one line per organisation on the attendance sheet). Returns whether
    /// they were added.
    pub fn add_participant(&mut self, participant: Participant, now: Timestamp) -> bool {
        let organisation_alone =
            |p: &Participant| p.person.trim().is_empty() && p.organisation_id.is_some();
        let duplicate = self.participants.iter().any(|p| {
            p.id == participant.id
                || (organisation_alone(p)
                    && organisation_alone(&participant)
                    && p.organisation_id == participant.organisation_id)
        });
        if duplicate {
            return false;
        }
        self.participants.push(participant);
        self.modified_at = now;
        true
    }

    /// Takes a participant off the list (signed in by mistake). Their notes stay, with their
    /// kind of stakeholder, and are no longer attributed to them; their dots stay in the count,
    /// as the room saw them given.
    pub fn remove_participant(&mut self, id: Id, now: Timestamp) -> bool {
        let before = self.participants.len();
        self.participants.retain(|p| p.id != id);
        if self.participants.len() == before {
            return false;
        }
        for note in self.notes.iter_mut().filter(|n| n.participant_id == Some(id)) {
            note.participant_id = None;
            note.modified_at = now;
        }
        self.modified_at = now;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workshop::fixture::contract;

    #[test]
    fn participants_are_added_once_and_removed_without_losing_their_notes() {
        let mut w = crate::model::workshop::fixture::board();
        let cpam = Participant::from_directory(
            Id::from_u128(90),
            Id::from_u128(2),
            StakeholderKind::Institution,
            0,
        );
        assert!(w.add_participant(cpam.clone(), 3));
        let again = Participant { id: Id::from_u128(91), ..cpam };
        assert!(!w.add_participant(again, 3), "the organisation alone is already there");
        let walk_in =
            Participant::person(Id::from_u128(92), "Zoé", "École", StakeholderKind::Other, 0);
        assert!(w.add_participant(walk_in.clone(), 3));
        assert!(!w.add_participant(walk_in, 3), "same id");
        let lea = w.participants[0].id;
        let notes = w.notes.iter().filter(|n| n.participant_id == Some(lea)).count();
        assert!(notes > 0);
        assert!(w.remove_participant(lea, 4));
        assert!(w.notes.iter().all(|n| n.participant_id != Some(lea)));
        assert_eq!(
            w.notes.iter().filter(|n| n.stakeholder == StakeholderKind::Elected).count(),
            notes
        );
        assert!(!w.remove_participant(lea, 4));
    }

    #[test]
    fn a_participant_is_named_by_person_and_organisation() {
        let c = contract();
        let marie =
            Participant::person(Id::from_u128(1), "Marie Durand", "", StakeholderKind::Resident, 0);
        assert_eq!(marie.display_name(&c), "Marie Durand");
        let mut cpam = Participant::from_directory(
            Id::from_u128(2),
            Id::from_u128(2),
            StakeholderKind::Institution,
            0,
        );
        assert_eq!(cpam.display_name(&c), "CPAM");
        cpam.person = "Paul Martin".into();
        assert_eq!(cpam.display_name(&c), "Paul Martin (CPAM)");
        let typed = Participant::person(
            Id::from_u128(3),
            " ",
            "École Jules Ferry",
            StakeholderKind::Other,
            0,
        );
        assert_eq!(typed.display_name(&c), "École Jules Ferry");
        let nobody = Participant::person(Id::from_u128(4), "", "", StakeholderKind::Other, 0);
        assert_eq!(nobody.display_name(&c), "(participant sans nom)");
    }
}
