//! Small edits of the lists a contract holds, shared by every screen: taking an item out and
//! putting it back where it was (delete, then « Annuler »), ticking an item of a checklist,
//! and reading a list typed one item per line.

/// Takes the item matching `is_it` out of `items`, with its position (for `restore_at`).
pub fn take_where<T>(items: &mut Vec<T>, is_it: impl Fn(&T) -> bool) -> Option<(usize, T)> {
    let index = items.iter().position(is_it)?;
    Some((index, items.remove(index)))
}

/// Puts an item back at its former position (or at the end if the list got shorter).
pub fn restore_at<T>(items: &mut Vec<T>, index: usize, item: T) {
    items.insert(index.min(items.len()), item);
}

/// Adds or removes `item` from a list, keeping its order and no duplicates.
pub fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T, on: bool) {
    let present = list.contains(&item);
    if on && !present {
        list.push(item);
    } else if !on && present {
        list.retain(|x| *x != item);
    }
}

/// Splits a list typed one item per line, ignoring blank lines and surrounding spaces.
pub fn parse_lines(text: &str) -> Vec<String> {
    text.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn an_item_taken_out_goes_back_where_it_was() {
        let mut items = vec!['a', 'b', 'c'];
        let (index, item) = take_where(&mut items, |x| *x == 'b').unwrap();
        assert_eq!((index, item, items.clone()), (1, 'b', vec!['a', 'c']));
        restore_at(&mut items, index, item);
        assert_eq!(items, ['a', 'b', 'c']);
        assert_eq!(take_where(&mut items, |x| *x == 'z'), None);
    }

    #[test]
    fn an_item_goes_back_at_the_end_when_the_list_got_shorter() {
        let mut items = vec!['a'];
        restore_at(&mut items, 5, 'b');
        assert_eq!(items, ['a', 'b']);
    }

    #[test]
    fn toggling_keeps_the_order_and_no_duplicates() {
        let mut list = vec![1, 2];
        toggle(&mut list, 3, true);
        toggle(&mut list, 3, true);
        assert_eq!(list, [1, 2, 3]);
        toggle(&mut list, 1, false);
        toggle(&mut list, 9, false);
        assert_eq!(list, [2, 3]);
    }

    #[test]
    fn lines_are_trimmed_and_blank_ones_skipped() {
        assert_eq!(parse_lines("  Jeunes \n\n\tAînés\r\n  "), ["Jeunes", "Aînés"]);
        assert!(parse_lines("").is_empty());
    }

    proptest! {
        #[test]
        fn take_then_restore_gives_the_list_back(items in proptest::collection::vec(0u8..20, 0..12), wanted in 0u8..20) {
            let mut edited = items.clone();
            if let Some((index, item)) = take_where(&mut edited, |x| *x == wanted) {
                prop_assert!(edited.len() + 1 == items.len());
                restore_at(&mut edited, index, item);
            }
            prop_assert_eq!(edited, items);
        }

        #[test]
        fn typed_lines_round_trip(items in proptest::collection::vec("[^\\s]([^\\n\\r]*[^\\s])?", 0..6)) {
            prop_assert_eq!(parse_lines(&items.join("\n")), items);
        }
    }
}
