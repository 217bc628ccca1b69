//! « Suivi »'s long tables, cut into pages of whole groups: a fiche stays on one page with its
//! actions, so that the COPIL goes through a fiche without turning a page.
//!
//! Why pages at all: a contract of a thousand actions would put three thousand text fields in
//! one table, and every keystroke would then wait for the browser to lay out and paint them
//! all (`make bench`). A real contract (a dozen fiches, fifty actions) fits on one page.

use std::ops::Range;

/// The most rows a page holds, unless one group alone is longer (it then has a page of its own).
pub const PAGE_ROWS: usize = 60;

/// One page of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// From 1.
    pub number: usize,
    /// How many pages the table has: at least 1, even when empty.
    pub count: usize,
    /// The rows of this page, as indices into the whole list.
    pub rows: Range<usize>,
}

impl Default for Page {
    /// The one page of an empty table.
    fn default() -> Self {
        Page { number: 1, count: 1, rows: 0..0 }
    }
}

impl Page {
    pub fn has_previous(&self) -> bool {
        self.number > 1
    }

    pub fn has_next(&self) -> bool {
        self.number < self.count
    }
}

/// What a paged table shows: the lines of one page (its rows, and headings among them), the
/// page, and how many rows the whole table has (« lignes 61 à 120 sur 1 100 »). The one shape
/// of « Suivi »'s three tables.
#[derive(Clone, Debug, PartialEq)]
pub struct TablePage<L> {
    pub lines: Vec<L>,
    pub page: Page,
    pub rows: usize,
}

impl<L> Default for TablePage<L> {
    fn default() -> Self {
        TablePage { lines: Vec::new(), page: Page::default(), rows: 0 }
    }
}

/// Page `wanted` of a table whose rows have the groups `groups` (a page holds whole groups of
/// at most [`PAGE_ROWS`] rows), with the lines `lines` writes for that page.
pub fn table_page<K: PartialEq, L>(
    groups: &[K],
    wanted: usize,
    lines: impl FnOnce(&Page) -> Vec<L>,
) -> TablePage<L> {
    let page = page_of(groups, wanted, PAGE_ROWS);
    TablePage { lines: lines(&page), page, rows: groups.len() }
}

/// Page `wanted` (from 1, brought back into range) of rows whose groups are `groups`, in order:
/// each page takes whole groups while they fit in `max` rows.
pub fn page_of<K: PartialEq>(groups: &[K], wanted: usize, max: usize) -> Page {
    let starts = page_starts(groups, max);
    let count = starts.len();
    let number = wanted.clamp(1, count);
    let start = starts[number - 1];
    let end = starts.get(number).copied().unwrap_or(groups.len());
    Page { number, count, rows: start..end }
}

/// Where each page starts: always 0 first, then at a group boundary when the page is full.
fn page_starts<K: PartialEq>(groups: &[K], max: usize) -> Vec<usize> {
    let mut starts = vec![0];
    let mut group_start = 0;
    for i in 1..=groups.len() {
        if i < groups.len() && groups[i] == groups[i - 1] {
            continue;
        }
        // The group [group_start, i) ends here: it opens a new page if the page would overflow.
        let page_start = *starts.last().unwrap_or(&0);
        if i - page_start > max && group_start > page_start {
            starts.push(group_start);
        }
        group_start = i;
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_table_page_has_the_lines_of_its_rows_and_counts_them_all() {
        let groups: Vec<usize> = (0..100).map(|row| row / 10).collect();
        let table = table_page(&groups, 2, |page| groups[page.rows.clone()].to_vec());
        assert_eq!(table.page, Page { number: 2, count: 2, rows: 60..100 });
        assert_eq!(table.lines.first(), Some(&6), "whole groups: the seventh starts page 2");
        assert_eq!((table.lines.len(), table.rows), (40, 100));
        assert_eq!(table_page::<u8, u8>(&[], 1, |_| Vec::new()), TablePage::default());
    }

    #[test]
    fn a_short_table_is_one_page() {
        let page = page_of(&[1, 1, 2, 2, 2], 1, 60);
        assert_eq!(page, Page { number: 1, count: 1, rows: 0..5 });
        assert!(!page.has_previous() && !page.has_next());
        assert_eq!(page_of::<u8>(&[], 3, 60), Page { number: 1, count: 1, rows: 0..0 });
    }

    #[test]
    fn a_page_takes_whole_groups_and_a_long_group_gets_its_own() {
        let groups = [1, 1, 1, 2, 2, 3, 3, 3, 3, 3, 3, 4];
        assert_eq!(page_of(&groups, 1, 5).rows, 0..5);
        assert_eq!(page_of(&groups, 2, 5).rows, 5..11);
        assert_eq!(page_of(&groups, 3, 5).rows, 11..12);
        assert_eq!(page_of(&groups, 9, 5), Page { number: 3, count: 3, rows: 11..12 });
        assert_eq!(page_of(&groups, 0, 5).number, 1);
    }

    proptest! {
        #[test]
        fn pages_cover_every_row_once_without_splitting_a_group(
            sizes in proptest::collection::vec(1usize..12, 0..40),
            max in 1usize..30,
        ) {
            let groups: Vec<usize> =
                sizes.iter().enumerate().flat_map(|(g, n)| std::iter::repeat_n(g, *n)).collect();
            let count = page_of(&groups, 1, max).count;
            let mut next = 0;
            for number in 1..=count {
                let page = page_of(&groups, number, max);
                prop_assert_eq!(page.rows.start, next);
                prop_assert!(!page.rows.is_empty() || groups.is_empty());
                let one_group = page.rows.clone().all(|i| groups[i] == groups[page.rows.start]);
                prop_assert!(page.rows.len() <= max || one_group);
                if page.rows.start > 0 {
                    prop_assert_ne!(groups[page.rows.start - 1], groups[page.rows.start]);
                }
                next = page.rows.end;
            }
            prop_assert_eq!(next, groups.len());
        }
    }
}
