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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workshop::fixture::contract;

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
