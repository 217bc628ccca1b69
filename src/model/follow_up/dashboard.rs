//! The figures at the top of « Suivi » for one year: actions by status for each axis (the
//! stacked bar chart and the table behind it) and the share of actions réalisées.
//!
//! Only actions are counted: a fiche's own bilan sums its actions up, so counting it too would
//! count the same work twice.

use super::percent_of;
use crate::model::axis::NO_AXIS;
use crate::model::numbering::Numbering;
use crate::model::review::{latest_status_until, status_of};
use crate::model::{Contract, Id, ReviewStatus, YearReview};

/// The columns of the counts: every status in list order, then « Non renseigné » (`None`).
pub const STATUS_COLUMNS: usize = ReviewStatus::ALL.len() + 1;

/// The column of a status in [`AxisCounts::counts`].
pub fn column_of(status: Option<ReviewStatus>) -> usize {
    status
        .and_then(|s| ReviewStatus::ALL.iter().position(|a| *a == s))
        .unwrap_or(ReviewStatus::ALL.len())
}

/// The status of a column (`None` for « Non renseigné »).
pub fn status_at(column: usize) -> Option<ReviewStatus> {
    ReviewStatus::ALL.get(column).copied()
}

/// The actions of one axis by status.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisCounts {
    pub axis_id: Option<Id>,
    /// « Axe 2 – Santé mentale », or « Sans axe ».
    pub label: String,
    /// « Axe 2 » (or « Sans axe »): short enough for the chart's margin.
    pub short_label: String,
    pub counts: [usize; STATUS_COLUMNS],
}

impl AxisCounts {
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    pub fn count(&self, status: Option<ReviewStatus>) -> usize {
        self.counts[column_of(status)]
    }
}

/// Réalisées (réalisé or partiellement réalisé) out of all actions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct DoneShare {
    pub done: usize,
    pub total: usize,
}

impl DoneShare {
    pub fn percent(self) -> u32 {
        percent_of(self.done, self.total)
    }
}

/// Everything the dashboard says about actions for one year.
#[derive(Clone, Debug, PartialEq)]
pub struct StatusCounts {
    pub year: i32,
    /// One entry per axis in order, then « Sans axe » when some fiche has no axis; axes with no
    /// action are left out (an empty bar says nothing).
    pub axes: Vec<AxisCounts>,
    /// Actions réalisées in the year itself.
    pub year_share: DoneShare,
    /// Actions whose latest status up to the year says réalisées: the contract so far.
    pub so_far_share: DoneShare,
}

impl StatusCounts {
    /// Totals over every axis.
    pub fn totals(&self) -> [usize; STATUS_COLUMNS] {
        let mut totals = [0; STATUS_COLUMNS];
        for axis in &self.axes {
            for (total, count) in totals.iter_mut().zip(axis.counts) {
                *total += count;
            }
        }
        totals
    }

    pub fn actions(&self) -> usize {
        self.totals().iter().sum()
    }

    /// The figures in one French sentence, for the chart's accessible name:
    /// « Actions par statut en 2025. Axe 1 : 2 Réalisé, 1 Non renseigné. Axe 2 : … ».
    pub fn describe(&self) -> String {
        describe_counts(&format!("Actions par statut en {}.", self.year), &self.axes)
    }
}

/// `intro`, then each axis's counts in words (« Axe 1 : 2 Réalisé, 1 Non renseigné. »): what a
/// chart of these counts says to someone who cannot see it.
pub fn describe_counts(intro: &str, axes: &[AxisCounts]) -> String {
    let mut text = intro.to_string();
    if axes.is_empty() {
        text.push_str(" Aucune action.");
    }
    for axis in axes {
        text.push_str(&format!(" {} :", axis.short_label));
        let parts: Vec<String> = (0..STATUS_COLUMNS)
            .filter(|c| axis.counts[*c] > 0)
            .map(|c| {
                format!("{} {}", axis.counts[c], crate::model::review::status_label(status_at(c)))
            })
            .collect();
        text.push(' ');
        text.push_str(&parts.join(", "));
        text.push('.');
    }
    text
}

/// Counts the actions of each axis by the status `status_of` reads in their reviews: the
/// year's status for « Suivi » and the annual report, the latest one for the evaluation.
/// Axes in order, then « Sans axe »; axes with no action are left out.
pub fn axis_counts(
    contract: &Contract,
    numbers: &Numbering,
    status_of: impl Fn(&[YearReview]) -> Option<ReviewStatus>,
) -> Vec<AxisCounts> {
    let mut axes = Vec::new();
    for (axis, sheets) in contract.sheets_by_axis() {
        let mut counts = [0; STATUS_COLUMNS];
        for action in sheets.iter().flat_map(|s| &s.actions) {
            counts[column_of(status_of(&action.reviews))] += 1;
        }
        if counts.iter().sum::<usize>() == 0 {
            continue;
        }
        let (label, short_label) = match axis {
            Some(axis) => (axis.label(numbers), format!("Axe {}", numbers.label(axis.id))),
            None => (NO_AXIS.to_string(), NO_AXIS.to_string()),
        };
        axes.push(AxisCounts { axis_id: axis.map(|a| a.id), label, short_label, counts });
    }
    axes
}

/// Counts the actions of the contract for `year`.
pub fn status_counts(contract: &Contract, numbers: &Numbering, year: i32) -> StatusCounts {
    let axes = axis_counts(contract, numbers, |reviews| status_of(reviews, year));
    let mut year_share = DoneShare::default();
    let mut so_far_share = DoneShare::default();
    for action in contract.sheets.iter().flat_map(|s| &s.actions) {
        let status = status_of(&action.reviews, year);
        year_share.total += 1;
        year_share.done += usize::from(status.is_some_and(ReviewStatus::counts_as_done));
        so_far_share.total += 1;
        let so_far = latest_status_until(&action.reviews, year);
        so_far_share.done += usize::from(so_far.is_some_and(ReviewStatus::counts_as_done));
    }
    StatusCounts { year, axes, year_share, so_far_share }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::planning::fixture::sample;

    #[test]
    fn actions_are_counted_by_axis_and_status_for_the_year() {
        let c = sample();
        let counts = status_counts(&c, &Numbering::of(&c), 2025);
        // Axis 1 (care: 2 actions, no review), axis 2 (suicide: done in 2025 + one not filled),
        // then « Sans axe » (coordination: 1 action).
        let labels: Vec<&str> = counts.axes.iter().map(|a| a.short_label.as_str()).collect();
        assert_eq!(labels, ["Axe 1", "Axe 2", "Sans axe"]);
        assert_eq!(counts.axes[1].count(Some(ReviewStatus::Done)), 1);
        assert_eq!(counts.axes[1].count(None), 1);
        assert_eq!(counts.axes[0].count(None), 2);
        assert_eq!(counts.actions(), 5);
        assert_eq!(counts.year_share, DoneShare { done: 1, total: 5 });
        assert_eq!(counts.year_share.percent(), 20);
        assert_eq!(
            counts.describe(),
            "Actions par statut en 2025. Axe 1 : 2 Non renseigné. \
             Axe 2 : 1 Réalisé, 1 Non renseigné. Sans axe : 1 Non renseigné."
        );
    }

    #[test]
    fn the_share_so_far_keeps_each_action_latest_status() {
        let mut c = sample();
        // 2024: not done; 2025: done; 2026: nothing yet.
        let in_2026 = status_counts(&c, &Numbering::of(&c), 2026);
        assert_eq!(in_2026.year_share.done, 0);
        assert_eq!(in_2026.so_far_share.done, 1);
        // A partly done action counts as réalisée; a barely done one does not.
        c.sheets[1].actions[0].reviews =
            vec![YearReview::with_status(2026, ReviewStatus::PartlyDone)];
        c.sheets[1].actions[1].reviews =
            vec![YearReview::with_status(2026, ReviewStatus::BarelyDone)];
        let counts = status_counts(&c, &Numbering::of(&c), 2026);
        assert_eq!(counts.year_share, DoneShare { done: 1, total: 5 });
        assert_eq!(counts.so_far_share, DoneShare { done: 2, total: 5 });
    }

    #[test]
    fn columns_and_statuses_match() {
        for column in 0..STATUS_COLUMNS {
            assert_eq!(column_of(status_at(column)), column);
        }
        assert_eq!(status_at(STATUS_COLUMNS - 1), None);
    }
}
