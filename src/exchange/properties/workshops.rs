//! Property tests of merging two boards of one workshop: from a board shared by an export, two
//! laptops do anything a facilitator can (`model::workshop::properties`); merging the second
//! into the first, whatever the user chooses for each conflict, keeps every note, group and
//! vote of the first, brings every one the second added, never uses an id twice, and leaves
//! every note on the board exactly once.

use super::fresh_counter;
use crate::exchange::merge::{apply_merge, plan_merge, shared_after_export, Choice};
use crate::model::workshop::fixture::{contract_with_board, id, WORKSHOP};
use crate::model::workshop::properties::{apply, step, Step};
use crate::model::{Contract, Id};
use crate::versions::items::ids_in;
use proptest::prelude::*;
use std::collections::{HashMap, HashSet};

/// The base after `steps` on its board, new ids from `first` on.
fn laptop(base: &Contract, steps: &[Step], first: u128) -> Contract {
    let mut contract = base.clone();
    let board = contract.workshop_mut(id(WORKSHOP)).expect("the fixture's workshop");
    let mut next = first;
    for step in steps {
        apply(board, step, &mut next);
    }
    contract
}

/// The ids of the notes, groups and votes of the board.
fn board_ids(contract: &Contract) -> HashSet<Id> {
    let Some(w) = contract.workshop(id(WORKSHOP)) else { return HashSet::new() };
    let notes = w.notes.iter().map(|n| n.id);
    notes.chain(w.groups.iter().map(|g| g.id)).chain(w.votes.iter().map(|v| v.id)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn two_boards_of_one_workshop_merge_without_losing_anything(
        ours in prop::collection::vec(step(), 0..30),
        theirs in prop::collection::vec(step(), 0..30),
        take_theirs in prop::collection::vec(any::<bool>(), 64),
    ) {
        let base = contract_with_board();
        let shared = shared_after_export(&base);
        let (mine, their) = (laptop(&base, &ours, 10_000), laptop(&base, &theirs, 20_000));
        let plan = plan_merge(&mine, &their, &shared);
        let pending = plan.pending(&HashMap::new());
        let decisions: HashMap<Id, Choice> = pending
            .iter()
            .zip(take_theirs.iter().cycle())
            .map(|(id, take)| (*id, if *take { Choice::TakeTheirs } else { Choice::KeepMine }))
            .collect();
        let (merged, _) = apply_merge(&mine, &their, &plan, &decisions, "Groupe 2", fresh_counter(), 9);

        let after = board_ids(&merged);
        let before = board_ids(&base);
        for kept in board_ids(&mine) {
            prop_assert!(after.contains(&kept), "{kept} of this laptop lost");
        }
        let mine_ids = board_ids(&mine);
        for added in board_ids(&their).difference(&before) {
            // A vote both added for the same participant and target is one item, settled once.
            prop_assert!(after.contains(added) || mine_ids.contains(added), "{added} of the other laptop not brought");
        }
        let json = serde_json::to_value(&merged).unwrap();
        prop_assert!(ids_in(&json).values().all(|n| *n == 1), "an id is used twice after the merge");
        let w = merged.workshop(id(WORKSHOP)).unwrap();
        let on_board = w.groups.iter().map(|g| w.notes_in(Some(g.id)).count()).sum::<usize>()
            + w.notes_in(None).count();
        prop_assert_eq!(on_board, w.notes.len(), "every note once on the board");
        prop_assert_eq!(w.ranked_groups().len(), w.groups.len());
    }
}
