//! The geometry of the stacked bars of actions by status, in SVG units: pure, so that it is
//! tested natively. Two drawers share it, so the file shows the bars of the screen: the
//! dashboard's component (`ui/screens/follow_up/chart.rs`) and the ODT writer's image
//! (`exchange/odt/chart.rs`).

use crate::model::follow_up::{status_at, STATUS_COLUMNS};
use crate::model::ReviewStatus;

pub const WIDTH: usize = 640;
pub const LABEL_WIDTH: usize = 80;
pub const ROW_HEIGHT: usize = 30;
pub const BAR_HEIGHT: usize = 20;

/// The width a bar may take: the longest bar ends here, leaving room for its total.
pub const ROOM: usize = WIDTH - LABEL_WIDTH - 40;

/// One segment of a bar, in SVG units.
pub struct Segment {
    pub x: usize,
    pub width: usize,
    pub status: Option<ReviewStatus>,
    pub count: usize,
}

/// The segments of a bar of `counts`, scaled so that `longest` actions fill the width.
pub fn segments(counts: &[usize; STATUS_COLUMNS], longest: usize) -> Vec<Segment> {
    let mut x = LABEL_WIDTH;
    let mut before = 0;
    let mut out = Vec::new();
    for (column, count) in counts.iter().enumerate().filter(|(_, n)| **n > 0) {
        // Ends are placed from the running total, so rounding never makes the bar drift.
        let end = LABEL_WIDTH + (before + count) * ROOM / longest.max(1);
        out.push(Segment { x, width: end - x, status: status_at(column), count: *count });
        before += count;
        x = end;
    }
    out
}

/// Where a bar's total is written: just after the bar's end.
pub fn total_x(total: usize, longest: usize) -> usize {
    LABEL_WIDTH + total * ROOM / longest.max(1) + 6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_fill_the_bar_in_order_without_gaps() {
        let mut counts = [0; STATUS_COLUMNS];
        counts[0] = 1;
        counts[2] = 2;
        counts[STATUS_COLUMNS - 1] = 3;
        let parts = segments(&counts, 6);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0].x, LABEL_WIDTH);
        for pair in parts.windows(2) {
            assert_eq!(pair[0].x + pair[0].width, pair[1].x);
        }
        let last = parts.last().unwrap();
        assert_eq!(last.x + last.width, WIDTH - 40);
        assert_eq!(last.status, None);
    }
}
