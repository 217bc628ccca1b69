//! A board of any size, for `make bench` and the browser tests: `notes` notes spread over
//! `groups` groups in turn (every seventh left ungrouped), from the six kinds of stakeholder,
//! with a few dots per group. Ids are derived from numbers, so two calls give the same board.

use super::{Speaker, StakeholderKind, VoteTarget, Workshop};
use crate::model::Id;

/// A workshop of `notes` notes in `groups` groups (the bench: 300 in 12).
pub fn generated_workshop(notes: usize, groups: usize) -> Workshop {
    let mut w = Workshop::new(Id::from_u128(0x7000), "Atelier généré", 0);
    w.date = Some("2024-03-12".into());
    w.place = "Salle des fêtes".into();
    let group_id = |g: usize| Id::from_u128(0x7100 + g as u128);
    for g in 0..groups {
        w.create_group(group_id(g), &format!("Groupe {}", g + 1), 0);
    }
    for n in 0..notes {
        let id = Id::from_u128(0x8000 + n as u128);
        let kind = StakeholderKind::ALL[n % StakeholderKind::ALL.len()];
        w.add_note(id, &format!("Idée n°{}", n + 1), Speaker::Kind(kind), 0);
        if groups > 0 && n % 7 != 6 {
            w.move_note(id, Some(group_id(n % groups)), 0);
        }
    }
    for g in 0..groups {
        let dots = (g % 5) as u32 + 1;
        let _ = w.give_dots(None, VoteTarget::Group(group_id(g)), dots, 0);
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bench_board_has_its_notes_in_its_groups() {
        let w = generated_workshop(300, 12);
        assert_eq!((w.notes.len(), w.groups.len()), (300, 12));
        assert_eq!(w.notes_in(None).count(), 300 / 7);
        assert_eq!(w.ranked_groups()[0].dots, 5);
        assert_eq!(generated_workshop(300, 12), w, "the same board each time");
        assert_eq!(generated_workshop(5, 0).notes_in(None).count(), 5);
    }
}
