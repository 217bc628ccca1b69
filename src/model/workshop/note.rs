//! A sticky note of the board: an idea as a participant said it, or a « constat » taken from
//! the contract's diagnostic. Capturing, moving and merging notes are here; they never wait on
//! anything, each is one pass over a few hundred notes at most.

use super::{StakeholderKind, VoteTarget, Workshop};
use crate::model::{Id, Timestamp};
use serde::{Deserialize, Serialize};

/// One note.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: Id,
    pub modified_at: Timestamp,
    pub text: String,
    /// Who spoke, as a kind: the note's colour and its word. Set from the participant when
    /// there is one, and kept if that participant is removed later.
    pub stakeholder: StakeholderKind,
    /// The participant who said it, when the facilitator attributed it to one.
    pub participant_id: Option<Id>,
    /// The finding of the diagnostic this note quotes (a « constat »).
    pub finding_id: Option<Id>,
    /// Its group; `None` while it waits to be grouped.
    pub group_id: Option<Id>,
    /// How many duplicate notes were merged into this one: the same idea said that many more
    /// times, which the compte rendu says.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub merged_duplicates: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// Who a new note comes from, as the capture field chose it (the last choice kept).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speaker {
    Kind(StakeholderKind),
    Participant(Id),
}

impl Note {
    pub fn new(
        id: Id,
        text: impl Into<String>,
        stakeholder: StakeholderKind,
        now: Timestamp,
    ) -> Self {
        Note {
            id,
            modified_at: now,
            text: text.into(),
            stakeholder,
            participant_id: None,
            finding_id: None,
            group_id: None,
            merged_duplicates: 0,
        }
    }
}

impl Workshop {
    /// Captures an idea: a new note at the end, in no group, attributed to `speaker`. An empty
    /// text adds nothing (Entrée pressed twice); returns whether a note was added.
    pub fn add_note(&mut self, id: Id, text: &str, speaker: Speaker, now: Timestamp) -> bool {
        let text = text.trim();
        if text.is_empty() {
            return false;
        }
        let (stakeholder, participant_id) = match speaker {
            Speaker::Kind(kind) => (kind, None),
            Speaker::Participant(p) => match self.participant(p) {
                Some(participant) => (participant.kind, Some(p)),
                None => (StakeholderKind::Other, None),
            },
        };
        let mut note = Note::new(id, text, stakeholder, now);
        note.participant_id = participant_id;
        self.notes.push(note);
        self.modified_at = now;
        true
    }

    /// Captures a « constat » of the diagnostic as a note, its text quoted.
    pub fn add_finding_note(
        &mut self,
        id: Id,
        finding: &crate::model::Finding,
        speaker: Speaker,
        now: Timestamp,
    ) -> bool {
        let added = self.add_note(id, &finding.text, speaker, now);
        if let Some(note) = added.then(|| self.note_mut(id)).flatten() {
            note.finding_id = Some(finding.id);
        }
        added
    }

    /// Moves a note into a group (`None`: back to the notes not grouped). Nothing for an
    /// unknown note or group; returns whether the note moved.
    pub fn move_note(&mut self, note: Id, group: Option<Id>, now: Timestamp) -> bool {
        if group.is_some_and(|g| self.group(g).is_none()) {
            return false;
        }
        match self.note_mut(note) {
            Some(n) if n.group_id != group => {
                n.group_id = group;
                n.modified_at = now;
                true
            }
            _ => false,
        }
    }

    /// Merges the note `duplicate` into `kept`: the same idea said twice. The duplicate leaves
    /// the board, its dots go to the note kept, which counts it among its duplicates; `kept`
    /// keeps its text and group. Returns whether anything was merged.
    pub fn merge_notes(&mut self, kept: Id, duplicate: Id, now: Timestamp) -> bool {
        if kept == duplicate || self.note(kept).is_none() {
            return false;
        }
        let Some(index) = self.notes.iter().position(|n| n.id == duplicate) else { return false };
        let gone = self.notes.remove(index);
        if let Some(note) = self.note_mut(kept) {
            note.merged_duplicates =
                note.merged_duplicates.saturating_add(1 + gone.merged_duplicates);
            note.modified_at = now;
        }
        self.move_votes(VoteTarget::Note(duplicate), VoteTarget::Note(kept), now);
        self.modified_at = now;
        true
    }

    /// How many ideas a note stands for: itself and the duplicates merged into it.
    pub fn ideas_in(note: &Note) -> u32 {
        note.merged_duplicates.saturating_add(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workshop::fixture::{board, id};
    use crate::model::workshop::Participant;

    #[test]
    fn an_idea_is_captured_with_its_speaker_and_empty_ones_are_not() {
        let mut w = Workshop::new(id(1), "Atelier", 0);
        w.participants.push(Participant::person(id(2), "Léa", "", StakeholderKind::Elected, 0));
        assert!(w.add_note(
            id(10),
            "  Un cabinet médical partagé ",
            Speaker::Participant(id(2)),
            5
        ));
        assert!(!w.add_note(id(11), "   ", Speaker::Kind(StakeholderKind::Resident), 5));
        assert!(w.add_note(id(12), "Des navettes", Speaker::Kind(StakeholderKind::Resident), 5));
        assert!(w.add_note(id(13), "Un club de marche", Speaker::Participant(id(99)), 5));
        let notes: Vec<_> =
            w.notes.iter().map(|n| (n.text.as_str(), n.stakeholder, n.participant_id)).collect();
        assert_eq!(
            notes,
            [
                ("Un cabinet médical partagé", StakeholderKind::Elected, Some(id(2))),
                ("Des navettes", StakeholderKind::Resident, None),
                ("Un club de marche", StakeholderKind::Other, None),
            ]
        );
        assert!(w.notes.iter().all(|n| n.group_id.is_none()));
        assert_eq!(w.modified_at, 5);
    }

    #[test]
    fn a_finding_of_the_diagnostic_becomes_a_note_that_quotes_it() {
        let mut w = Workshop::new(id(1), "Atelier", 0);
        let finding = crate::model::Finding {
            id: id(50),
            modified_at: 0,
            category: crate::model::FindingCategory::HealthStatus,
            text: "Une population vieillissante".into(),
        };
        assert!(w.add_finding_note(
            id(10),
            &finding,
            Speaker::Kind(StakeholderKind::Institution),
            1
        ));
        assert_eq!(w.notes[0].finding_id, Some(id(50)));
        assert_eq!(w.notes[0].text, "Une population vieillissante");
    }

    #[test]
    fn a_note_moves_into_an_existing_group_and_back() {
        let mut w = board();
        let note = w.notes[0].id;
        let group = w.groups[1].id;
        assert!(w.move_note(note, Some(group), 9));
        assert_eq!(w.note(note).map(|n| (n.group_id, n.modified_at)), Some((Some(group), 9)));
        assert!(!w.move_note(note, Some(group), 9), "already there");
        assert!(!w.move_note(note, Some(id(999)), 9), "no such group");
        assert!(w.move_note(note, None, 10));
        assert!(!w.move_note(id(999), None, 10), "no such note");
    }

    #[test]
    fn merging_a_duplicate_keeps_one_note_with_both_notes_dots() {
        let mut w = board();
        let (kept, duplicate) = (w.notes[0].id, w.notes[1].id);
        w.give_dots(None, VoteTarget::Note(kept), 2, 1).unwrap();
        w.give_dots(None, VoteTarget::Note(duplicate), 3, 1).unwrap();
        let before = w.notes.len();
        assert!(w.merge_notes(kept, duplicate, 7));
        assert_eq!(w.notes.len(), before - 1);
        assert_eq!(w.dots_for(VoteTarget::Note(kept)), 5);
        assert_eq!(w.dots_for(VoteTarget::Note(duplicate)), 0);
        assert_eq!(Workshop::ideas_in(w.note(kept).unwrap()), 2);
        assert!(!w.merge_notes(kept, kept, 7));
        assert!(!w.merge_notes(kept, duplicate, 7), "already merged");
    }
}
