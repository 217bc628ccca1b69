//! The groups of the board: named columns the notes are moved into, in display order, each
//! recording what it became in the contract (`Became`) once the facilitator turned it into a
//! fiche, an objective or actions.

use super::{Became, VoteTarget, Workshop};
use crate::model::{Id, Timestamp};
use serde::{Deserialize, Serialize};

/// One group of notes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: Id,
    pub modified_at: Timestamp,
    pub name: String,
    /// What it became, in the order the facilitator did it (a group may become a fiche, then
    /// also give actions to another): the link back from the board to the contract.
    pub became: Vec<Became>,
}

impl Group {
    pub fn new(id: Id, name: impl Into<String>, now: Timestamp) -> Self {
        Group { id, modified_at: now, name: name.into(), became: Vec::new() }
    }

    /// Its name, or « Groupe sans nom » while it has none.
    pub fn label(&self) -> &str {
        match self.name.trim() {
            "" => "Groupe sans nom",
            name => name,
        }
    }
}

impl Workshop {
    /// Adds a group at the end of the board.
    pub fn create_group(&mut self, id: Id, name: &str, now: Timestamp) {
        self.groups.push(Group::new(id, name.trim(), now));
        self.modified_at = now;
    }

    /// Renames a group; returns whether its name changed.
    pub fn rename_group(&mut self, id: Id, name: &str, now: Timestamp) -> bool {
        match self.group_mut(id) {
            Some(group) if group.name != name.trim() => {
                group.name = name.trim().to_string();
                group.modified_at = now;
                true
            }
            _ => false,
        }
    }

    /// Merges the group `absorbed` into `kept`: its notes and dots go to `kept`, and so does
    /// what it became, then it leaves the board. Returns whether anything was merged.
    pub fn merge_groups(&mut self, kept: Id, absorbed: Id, now: Timestamp) -> bool {
        if kept == absorbed || self.group(kept).is_none() {
            return false;
        }
        let Some(index) = self.groups.iter().position(|g| g.id == absorbed) else { return false };
        let gone = self.groups.remove(index);
        for note in self.notes.iter_mut().filter(|n| n.group_id == Some(absorbed)) {
            note.group_id = Some(kept);
            note.modified_at = now;
        }
        if let Some(group) = self.group_mut(kept) {
            group.became.extend(gone.became);
            group.modified_at = now;
        }
        self.move_votes(VoteTarget::Group(absorbed), VoteTarget::Group(kept), now);
        self.modified_at = now;
        true
    }

    /// Moves a group one place left (`step < 0`) or right on the board; returns whether it
    /// moved.
    pub fn move_group(&mut self, id: Id, step: isize) -> bool {
        let Some(from) = self.groups.iter().position(|g| g.id == id) else { return false };
        let Some(to) = from.checked_add_signed(step).filter(|to| *to < self.groups.len()) else {
            return false;
        };
        let group = self.groups.remove(from);
        self.groups.insert(to, group);
        to != from
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workshop::fixture::{board, id};

    #[test]
    fn groups_are_created_renamed_and_moved() {
        let mut w = Workshop::new(id(1), "Atelier", 0);
        w.create_group(id(2), " Mobilité ", 3);
        w.create_group(id(3), "", 3);
        assert_eq!(w.groups[0].label(), "Mobilité");
        assert_eq!(w.groups[1].label(), "Groupe sans nom");
        assert!(w.rename_group(id(3), "Prévention", 4));
        assert!(!w.rename_group(id(3), "Prévention ", 4), "same name");
        assert!(!w.rename_group(id(9), "X", 4));
        assert!(w.move_group(id(3), -1));
        assert_eq!(w.groups[0].id, id(3));
        assert!(!w.move_group(id(3), -1), "already first");
        assert!(!w.move_group(id(2), 1), "already last");
    }

    #[test]
    fn merging_groups_gathers_their_notes_and_dots() {
        let mut w = board();
        let (kept, absorbed) = (w.groups[0].id, w.groups[1].id);
        let notes = w.notes_in(Some(kept)).count() + w.notes_in(Some(absorbed)).count();
        let dots = w.group_dots(kept) + w.group_dots(absorbed);
        assert!(w.merge_groups(kept, absorbed, 8));
        assert_eq!(w.notes_in(Some(kept)).count(), notes);
        assert_eq!(w.group_dots(kept), dots);
        assert!(w.group(absorbed).is_none());
        assert!(!w.merge_groups(kept, absorbed, 8), "already merged");
        assert!(!w.merge_groups(kept, kept, 8));
    }
}
