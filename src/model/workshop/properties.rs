//! Property tests of the board: whatever the facilitator does, in any order (capture, group,
//! move, vote, merge groups or notes), no participant ever gives more dots than allowed, each
//! gives at most one vote per group or note, merging never loses an idea nor a dot, every note
//! is on the board exactly once, and the ranking is the groups sorted by votes, ties in board
//! order.

use super::{Speaker, StakeholderKind, VoteTarget, Workshop};
use crate::model::workshop::fixture::board;
use crate::model::Id;
use proptest::prelude::*;
use std::collections::HashSet;

/// One thing the facilitator does; indexes pick among what the board has at that moment.
#[derive(Clone, Debug)]
pub(crate) enum Step {
    Capture(usize),
    CreateGroup,
    Move(usize, Option<usize>),
    Vote(Option<usize>, bool, usize, u32),
    MergeGroups(usize, usize),
    MergeNotes(usize, usize),
}

pub(crate) fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0..6usize).prop_map(Step::Capture),
        1 => Just(Step::CreateGroup),
        3 => (0..40usize, prop::option::of(0..8usize)).prop_map(|(n, g)| Step::Move(n, g)),
        3 => (prop::option::of(0..4usize), any::<bool>(), 0..40usize, 0..4u32)
            .prop_map(|(p, g, t, d)| Step::Vote(p, g, t, d)),
        1 => (0..8usize, 0..8usize).prop_map(|(a, b)| Step::MergeGroups(a, b)),
        1 => (0..40usize, 0..40usize).prop_map(|(a, b)| Step::MergeNotes(a, b)),
    ]
}

/// Does `step` to the board, new ids from `next`; returns how many ideas it captured.
pub(crate) fn apply(w: &mut Workshop, step: &Step, next: &mut u128) -> u32 {
    let mut fresh = || {
        *next += 1;
        Id::from_u128(*next)
    };
    let note = |w: &Workshop, i: usize| w.notes.get(i % w.notes.len().max(1)).map(|n| n.id);
    let group = |w: &Workshop, i: usize| w.groups.get(i % w.groups.len().max(1)).map(|g| g.id);
    match *step {
        Step::Capture(kind) => {
            let speaker = match w.participants.get(kind) {
                Some(p) => Speaker::Participant(p.id),
                None => Speaker::Kind(StakeholderKind::ALL[kind % StakeholderKind::ALL.len()]),
            };
            return u32::from(w.add_note(fresh(), &format!("Idée {next}"), speaker, 1));
        }
        Step::CreateGroup => w.create_group(fresh(), "Groupe", 1),
        Step::Move(n, g) => {
            if let Some(n) = note(w, n) {
                let g = g.and_then(|g| group(w, g));
                w.move_note(n, g, 1);
            }
        }
        Step::Vote(p, to_group, t, dots) => {
            let participant = p.and_then(|p| w.participants.get(p)).map(|p| p.id);
            let target = if to_group {
                group(w, t).map(VoteTarget::Group)
            } else {
                note(w, t).map(VoteTarget::Note)
            };
            if let Some(target) = target {
                let _ = w.give_dots(participant, target, dots, 1);
            }
        }
        Step::MergeGroups(a, b) => {
            if let (Some(a), Some(b)) = (group(w, a), group(w, b)) {
                w.merge_groups(a, b, 1);
            }
        }
        Step::MergeNotes(a, b) => {
            if let (Some(a), Some(b)) = (note(w, a), note(w, b)) {
                w.merge_notes(a, b, 1);
            }
        }
    }
    0
}

fn total_dots(w: &Workshop) -> u32 {
    w.votes.iter().map(|v| v.dots).sum()
}

fn ideas(w: &Workshop) -> u32 {
    w.notes.iter().map(Workshop::ideas_in).sum()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_board_keeps_its_rules_whatever_the_facilitator_does(
        budget in prop::option::of(1..6u32),
        steps in prop::collection::vec(step(), 0..60),
    ) {
        let mut w = board();
        w.votes.clear();
        w.dots_per_participant = budget;
        let mut captured = ideas(&w);
        let mut next = 10_000;
        for step in &steps {
            let dots_before = total_dots(&w);
            captured += apply(&mut w, step, &mut next);
            if matches!(step, Step::MergeGroups(..) | Step::MergeNotes(..)) {
                prop_assert_eq!(total_dots(&w), dots_before, "a merge keeps every dot");
            }
            prop_assert_eq!(ideas(&w), captured, "no idea lost by {:?}", step);
            if let Some(budget) = budget {
                for p in &w.participants {
                    prop_assert!(w.dots_given_by(p.id) <= budget, "over budget after {:?}", step);
                }
            }
            let pairs: HashSet<_> = w.votes.iter().map(|v| (v.participant_id, v.target)).collect();
            prop_assert_eq!(pairs.len(), w.votes.len(), "one vote per participant and target");
            prop_assert!(w.votes.iter().all(|v| v.dots > 0));
            let ids: HashSet<Id> = w.votes.iter().map(|v| v.id).collect();
            prop_assert_eq!(ids.len(), w.votes.len());
        }
        let on_board = w.groups.iter().map(|g| w.notes_in(Some(g.id)).count()).sum::<usize>()
            + w.notes_in(None).count();
        prop_assert_eq!(on_board, w.notes.len(), "every note once on the board");
        let ranked = w.ranked_groups();
        prop_assert_eq!(ranked.len(), w.groups.len());
        for (i, line) in ranked.iter().enumerate() {
            prop_assert_eq!(line.dots, w.group_dots(line.group.id));
            let above = ranked.iter().filter(|r| r.dots > line.dots).count();
            prop_assert_eq!(line.rank, above + 1);
            if let Some(next) = ranked.get(i + 1) {
                prop_assert!(next.dots <= line.dots);
                let board_order = |id: Id| w.groups.iter().position(|g| g.id == id);
                if next.dots == line.dots {
                    prop_assert!(board_order(line.group.id) < board_order(next.group.id));
                }
            }
        }
    }
}
