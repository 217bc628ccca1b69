//! The dot vote: each participant has a number of dots (set by the facilitator) to give to
//! groups or notes, or the facilitator counts a show of hands. A vote is a record of its own
//! (who, for what, how many dots) so that two laptops' votes add up in a merge, each record
//! being an item; the totals are derived, never stored.

use super::Workshop;
use crate::model::{Id, Timestamp};
use serde::{Deserialize, Serialize};

/// What dots are given to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum VoteTarget {
    Group(Id),
    Note(Id),
}

/// Dots given: by one participant, or by a show of hands counted by the facilitator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Vote {
    pub id: Id,
    pub modified_at: Timestamp,
    pub target: VoteTarget,
    /// The participant who gave them; `None` for a show of hands.
    pub participant_id: Option<Id>,
    pub dots: u32,
}

/// Why dots were refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VoteRefused {
    /// The participant would give more dots than the facilitator allowed.
    OverBudget {
        budget: u32,
        already: u32,
    },
    UnknownTarget,
    UnknownParticipant,
}

impl VoteRefused {
    pub fn message_fr(&self) -> String {
        match self {
            Self::OverBudget { budget, already } => format!(
                "Chaque participant dispose de {budget} gommette(s) ; celui-ci en a déjà donné {already}."
            ),
            Self::UnknownTarget => "Ce groupe ou cette idée n’est plus sur le tableau.".into(),
            Self::UnknownParticipant => "Ce participant n’est plus dans la liste.".into(),
        }
    }
}

impl Workshop {
    /// Sets the dots `participant` gives to `target` (a show of hands when `None`: the count
    /// the facilitator enters replaces the previous one). Zero takes the vote away. A
    /// participant never gives more than `dots_per_participant` in all.
    pub fn give_dots(
        &mut self,
        participant: Option<Id>,
        target: VoteTarget,
        dots: u32,
        now: Timestamp,
    ) -> Result<(), VoteRefused> {
        if !self.has_target(target) {
            return Err(VoteRefused::UnknownTarget);
        }
        if let Some(p) = participant {
            self.participant(p).ok_or(VoteRefused::UnknownParticipant)?;
            let already = self.dots_given_by(p) - self.dots_of(Some(p), target);
            match self.dots_per_participant {
                Some(budget) if already.saturating_add(dots) > budget => {
                    return Err(VoteRefused::OverBudget { budget, already })
                }
                _ => {}
            }
        }
        let at =
            self.votes.iter().position(|v| v.target == target && v.participant_id == participant);
        match (at, dots) {
            (Some(i), 0) => {
                self.votes.remove(i);
            }
            (Some(i), dots) => {
                self.votes[i].dots = dots;
                self.votes[i].modified_at = now;
            }
            (None, 0) => {}
            (None, dots) => self.votes.push(Vote {
                id: vote_id(self.id, participant, target),
                modified_at: now,
                target,
                participant_id: participant,
                dots,
            }),
        }
        self.modified_at = now;
        Ok(())
    }

    /// The dots of all votes for `target`.
    pub fn dots_for(&self, target: VoteTarget) -> u32 {
        let votes = self.votes.iter().filter(|v| v.target == target);
        votes.fold(0, |sum, v| sum.saturating_add(v.dots))
    }

    /// A group's votes: the dots given to it and to its notes, since a room votes for an idea
    /// as much as for its group.
    pub fn group_dots(&self, group: Id) -> u32 {
        let notes = self.notes_in(Some(group)).map(|n| self.dots_for(VoteTarget::Note(n.id)));
        notes.fold(self.dots_for(VoteTarget::Group(group)), u32::saturating_add)
    }

    /// The dots `participant` gave in all.
    pub fn dots_given_by(&self, participant: Id) -> u32 {
        let votes = self.votes.iter().filter(|v| v.participant_id == Some(participant));
        votes.fold(0, |sum, v| sum.saturating_add(v.dots))
    }

    /// The dots a participant has left (`None` without a budget).
    pub fn dots_left(&self, participant: Id) -> Option<u32> {
        let budget = self.dots_per_participant?;
        Some(budget.saturating_sub(self.dots_given_by(participant)))
    }

    /// The participants who gave more dots than allowed, with how many they gave: only two
    /// laptops' boards merged can do that (each kept the budget on its own), and the screen
    /// says so rather than take dots away by itself.
    pub fn over_budget(&self) -> Vec<(Id, u32)> {
        let Some(budget) = self.dots_per_participant else { return Vec::new() };
        let given = self.participants.iter().map(|p| (p.id, self.dots_given_by(p.id)));
        given.filter(|(_, dots)| *dots > budget).collect()
    }

    /// Moves the votes of one target to another (a merged group or note), adding up those of
    /// the same participant so that each keeps one vote per target.
    pub(super) fn move_votes(&mut self, from: VoteTarget, to: VoteTarget, now: Timestamp) {
        let (moved, kept): (Vec<Vote>, Vec<Vote>) =
            std::mem::take(&mut self.votes).into_iter().partition(|v| v.target == from);
        self.votes = kept;
        for vote in moved {
            match self
                .votes
                .iter_mut()
                .find(|v| v.target == to && v.participant_id == vote.participant_id)
            {
                Some(existing) => {
                    existing.dots = existing.dots.saturating_add(vote.dots);
                    existing.modified_at = now;
                }
                None => self.votes.push(Vote { target: to, modified_at: now, ..vote }),
            }
        }
    }

    fn dots_of(&self, participant: Option<Id>, target: VoteTarget) -> u32 {
        let vote =
            self.votes.iter().find(|v| v.target == target && v.participant_id == participant);
        vote.map_or(0, |v| v.dots)
    }

    fn has_target(&self, target: VoteTarget) -> bool {
        match target {
            VoteTarget::Group(id) => self.group(id).is_some(),
            VoteTarget::Note(id) => self.note(id).is_some(),
        }
    }
}

/// The id of the vote of `participant` for `target`: derived, not random, so that the same
/// participant's vote for the same group typed on two laptops is one item in a merge (and
/// conflicts when the counts differ) rather than two votes adding up.
pub fn vote_id(workshop: Id, participant: Option<Id>, target: VoteTarget) -> Id {
    let mut hash = crate::model::shared_versions::Fnv::new();
    hash.write(b"vote:");
    hash.write(&workshop.as_u128().to_le_bytes());
    hash.write(&participant.map_or(0, Id::as_u128).to_le_bytes());
    let (tag, target) = match target {
        VoteTarget::Group(id) => (b"g", id),
        VoteTarget::Note(id) => (b"n", id),
    };
    hash.write(tag);
    let low = hash.0;
    hash.write(&target.as_u128().to_le_bytes());
    let bits = (u128::from(hash.0) << 64) | u128::from(low);
    Id::from_u128(bits ^ target.as_u128().rotate_left(29))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workshop::fixture::{board, id};

    #[test]
    fn a_participant_never_gives_more_dots_than_allowed() {
        let mut w = board();
        w.dots_per_participant = Some(3);
        let (a, b) = (VoteTarget::Group(w.groups[0].id), VoteTarget::Group(w.groups[1].id));
        let p = Some(w.participants[0].id);
        w.give_dots(p, a, 2, 1).unwrap();
        assert_eq!(w.give_dots(p, b, 2, 1), Err(VoteRefused::OverBudget { budget: 3, already: 2 }));
        w.give_dots(p, b, 1, 1).unwrap();
        assert_eq!(w.dots_left(w.participants[0].id), Some(0));
        w.give_dots(p, a, 1, 1).unwrap();
        assert_eq!(w.dots_left(w.participants[0].id), Some(1), "changing a vote frees dots");
        w.give_dots(p, a, 0, 1).unwrap();
        assert_eq!(w.dots_given_by(w.participants[0].id), 1);
        assert!(VoteRefused::OverBudget { budget: 3, already: 2 }
            .message_fr()
            .contains("3 gommette"));
    }

    #[test]
    fn dots_over_the_budget_after_a_merge_are_reported() {
        let mut w = board();
        let p = w.participants[0].id;
        w.give_dots(Some(p), VoteTarget::Group(w.groups[0].id), 3, 1).unwrap();
        w.give_dots(Some(p), VoteTarget::Group(w.groups[1].id), 2, 1).unwrap();
        assert!(w.over_budget().is_empty(), "no budget set");
        w.dots_per_participant = Some(4);
        assert_eq!(w.over_budget(), [(p, 5)]);
    }

    #[test]
    fn a_show_of_hands_replaces_the_previous_count_without_any_budget() {
        let mut w = board();
        w.dots_per_participant = Some(1);
        let group = VoteTarget::Group(w.groups[2].id);
        w.give_dots(None, group, 12, 1).unwrap();
        w.give_dots(None, group, 14, 2).unwrap();
        assert_eq!(w.dots_for(group), 14);
        assert_eq!(w.votes.iter().filter(|v| v.target == group).count(), 1);
    }

    #[test]
    fn votes_for_what_is_not_there_are_refused() {
        let mut w = board();
        let group = VoteTarget::Group(w.groups[0].id);
        assert_eq!(
            w.give_dots(None, VoteTarget::Note(id(999)), 1, 1),
            Err(VoteRefused::UnknownTarget)
        );
        assert_eq!(w.give_dots(Some(id(999)), group, 1, 1), Err(VoteRefused::UnknownParticipant));
    }

    #[test]
    fn a_group_counts_its_own_dots_and_its_notes() {
        let mut w = board();
        let group = w.groups[0].id;
        let before = w.group_dots(group);
        let note = w.notes_in(Some(group)).next().unwrap().id;
        w.give_dots(None, VoteTarget::Note(note), 4, 1).unwrap();
        assert_eq!(w.group_dots(group), before + 4);
    }

    #[test]
    fn the_same_vote_typed_on_two_laptops_has_one_id() {
        let (w, p, g) = (id(1), Some(id(2)), VoteTarget::Group(id(3)));
        assert_eq!(vote_id(w, p, g), vote_id(w, p, g));
        assert_ne!(vote_id(w, p, g), vote_id(w, None, g));
        assert_ne!(vote_id(w, p, g), vote_id(w, p, VoteTarget::Note(id(3))));
    }
}
