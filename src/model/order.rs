//! Reordering lists (axes, objectives, sheets): numbering is derived from order, so moving an
//! item is all it takes to renumber.

/// Moves the item at `from` to position `to` (clamped), keeping the others in order.
/// Returns whether anything moved.
pub fn move_item<T>(items: &mut Vec<T>, from: usize, to: usize) -> bool {
    if from >= items.len() {
        return false;
    }
    let to = to.min(items.len() - 1);
    if from == to {
        return false;
    }
    let item = items.remove(from);
    items.insert(to, item);
    true
}

/// Moves the item at `from` one step up (`-1`) or down (`+1`).
pub fn move_by<T>(items: &mut Vec<T>, from: usize, step: isize) -> bool {
    match from.checked_add_signed(step) {
        Some(to) if to < items.len() => move_item(items, from, to),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn moves_up_and_down() {
        let mut v = vec!['a', 'b', 'c'];
        assert!(move_by(&mut v, 2, -1));
        assert_eq!(v, ['a', 'c', 'b']);
        assert!(!move_by(&mut v, 0, -1));
        assert!(!move_by(&mut v, 2, 1));
        assert!(move_item(&mut v, 0, 9));
        assert_eq!(v, ['c', 'b', 'a']);
    }

    proptest! {
        #[test]
        fn moving_keeps_every_item(mut v in proptest::collection::vec(0u32..1000, 0..20), from in 0usize..25, to in 0usize..25) {
            let mut before = v.clone();
            move_item(&mut v, from, to);
            let mut after = v.clone();
            before.sort_unstable();
            after.sort_unstable();
            prop_assert_eq!(before, after);
        }
    }
}
