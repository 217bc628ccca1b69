//! A workshop as the contract keeps it: what it is about, when and where, who came, and its
//! board (notes, groups and the dots given). Kept in the contract so that it travels in the
//! JSON export, where each note, group and vote is an item of its own (`versions::items`).

use super::{Group, Note, Participant, Vote};
use crate::model::{Contract, Id, Timestamp};
use serde::{Deserialize, Serialize};

/// One workshop (« atelier », « groupe thématique ») of the contract.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    pub id: Id,
    pub modified_at: Timestamp,
    /// Its title or theme (« Le parcours de la personne âgée et le bien-vieillir »).
    pub title: String,
    /// ISO date (`2024-03-12`), as an `<input type="date">` gives it.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = crate::model::iso_date::SCHEMA_PATTERN)))]
    pub date: Option<String>,
    /// Where it takes place; ignored when `remote`.
    pub place: String,
    /// Held « à distance » (a video call) rather than in a room.
    pub remote: bool,
    /// The axes it concerns.
    pub axis_ids: Vec<Id>,
    /// Who leads it (a name, as the coordinator is often the facilitator).
    pub facilitator: String,
    /// In the order they signed in.
    pub participants: Vec<Participant>,
    /// The dots each participant may give in the vote, as the facilitator set it; `None` when
    /// votes are only counted by a show of hands, with no budget to respect.
    pub dots_per_participant: Option<u32>,
    /// In the order they were captured.
    pub notes: Vec<Note>,
    /// In display order: the board's columns.
    pub groups: Vec<Group>,
    /// The dots given, to groups or to notes.
    pub votes: Vec<Vote>,
}

impl Workshop {
    pub fn new(id: Id, title: impl Into<String>, now: Timestamp) -> Self {
        Workshop {
            id,
            modified_at: now,
            title: title.into(),
            date: None,
            place: String::new(),
            remote: false,
            axis_ids: Vec::new(),
            facilitator: String::new(),
            participants: Vec::new(),
            dots_per_participant: None,
            notes: Vec::new(),
            groups: Vec::new(),
            votes: Vec::new(),
        }
    }

    pub fn participant(&self, id: Id) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }

    pub fn note(&self, id: Id) -> Option<&Note> {
        self.notes.iter().find(|n| n.id == id)
    }

    pub fn note_mut(&mut self, id: Id) -> Option<&mut Note> {
        self.notes.iter_mut().find(|n| n.id == id)
    }

    pub fn group(&self, id: Id) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    pub fn group_mut(&mut self, id: Id) -> Option<&mut Group> {
        self.groups.iter_mut().find(|g| g.id == id)
    }

    /// The notes of a group, in capture order; `None` gives the notes in no group yet, and
    /// those whose group is gone (merged away on one laptop while the other moved a note into
    /// it): no note is ever off the board.
    pub fn notes_in(&self, group: Option<Id>) -> impl Iterator<Item = &Note> {
        self.notes.iter().filter(move |n| match group {
            Some(_) => n.group_id == group,
            None => n.group_id.is_none_or(|g| self.group(g).is_none()),
        })
    }

    /// « à distance », or the place typed (possibly empty).
    pub fn place_label(&self) -> &str {
        if self.remote {
            "à distance"
        } else {
            self.place.trim()
        }
    }

    /// « 12 mars 2024 », or « date à préciser ».
    pub fn date_label(&self) -> String {
        match self.date.as_deref().map(str::trim) {
            Some(date) if !date.is_empty() => crate::model::iso_date::french_date(date),
            _ => "date à préciser".to_string(),
        }
    }

    /// « l’atelier « Sport santé » du 12 mars 2024 »: how provenance and documents name it.
    pub fn name_with_date(&self) -> String {
        let title = match self.title.trim() {
            "" => "sans titre",
            title => title,
        };
        format!("l’atelier « {title} » du {}", self.date_label())
    }
}

impl Contract {
    pub fn workshop(&self, id: Id) -> Option<&Workshop> {
        self.workshops.iter().find(|w| w.id == id)
    }

    pub fn workshop_mut(&mut self, id: Id) -> Option<&mut Workshop> {
        self.workshops.iter_mut().find(|w| w.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workshop_names_itself_with_its_date_and_place() {
        let mut w = Workshop::new(Id::from_u128(1), "Sport santé", 0);
        assert_eq!(w.name_with_date(), "l’atelier « Sport santé » du date à préciser");
        w.date = Some("2024-03-12".into());
        assert_eq!(w.name_with_date(), "l’atelier « Sport santé » du 12 mars 2024");
        w.place = " Salle des fêtes ".into();
        assert_eq!(w.place_label(), "Salle des fêtes");
        w.remote = true;
        assert_eq!(w.place_label(), "à distance");
        w.title = " ".into();
        assert_eq!(w.name_with_date(), "l’atelier « sans titre » du 12 mars 2024");
    }
}
