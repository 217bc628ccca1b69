//! The groups ranked by votes, as the board shows them after the dot vote: most dots first,
//! ties kept in board order so that the ranking never jumps between two equal groups.

use super::{Group, Workshop};

/// One line of the ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedGroup<'a> {
    /// 1 for the first; equal dots share a rank (« 1, 2, 2, 4 »).
    pub rank: usize,
    pub group: &'a Group,
    pub dots: u32,
    /// Ideas in the group, merged duplicates counted.
    pub ideas: u32,
}

impl Workshop {
    /// Every group, most dots first; ties in board order.
    pub fn ranked_groups(&self) -> Vec<RankedGroup<'_>> {
        let mut lines: Vec<RankedGroup<'_>> = self
            .groups
            .iter()
            .map(|group| RankedGroup {
                rank: 0,
                group,
                dots: self.group_dots(group.id),
                ideas: self.group_ideas(group.id),
            })
            .collect();
        // Stable: equal dots stay in board order.
        lines.sort_by_key(|line| std::cmp::Reverse(line.dots));
        for i in 0..lines.len() {
            lines[i].rank = match i {
                0 => 1,
                _ if lines[i].dots == lines[i - 1].dots => lines[i - 1].rank,
                _ => i + 1,
            };
        }
        lines
    }

    /// The ideas of a group: its notes and the duplicates merged into them.
    pub fn group_ideas(&self, group: crate::model::Id) -> u32 {
        self.notes_in(Some(group)).map(Workshop::ideas_in).fold(0, u32::saturating_add)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::workshop::fixture::board;
    use crate::model::workshop::VoteTarget;

    #[test]
    fn groups_are_ranked_by_dots_with_ties_sharing_a_rank_in_board_order() {
        let mut w = board();
        w.votes.clear();
        let ids: Vec<_> = w.groups.iter().map(|g| g.id).collect();
        for (group, dots) in ids.iter().zip([3, 7, 3]) {
            w.give_dots(None, VoteTarget::Group(*group), dots, 1).unwrap();
        }
        let ranked: Vec<_> =
            w.ranked_groups().iter().map(|r| (r.rank, r.group.id, r.dots)).collect();
        assert_eq!(ranked, [(1, ids[1], 7), (2, ids[0], 3), (2, ids[2], 3)]);
    }
}
