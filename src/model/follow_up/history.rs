//! The review history of one sheet, as the fiche's summary and its « Relecture » step show it
//! (« Suivi annuel »): a row for the sheet's own bilan, then one per action, and for each the
//! review of every year of the period, « Non renseigné » included.
//!
//! Years with no review are kept as blank reviews rather than left out, so that a gap reads
//! as a gap; a review dated outside the period (an error validation reports) still gets its
//! column, so that nothing written is hidden.

use crate::model::review::review_of;
use crate::model::text::shorten;
use crate::model::{ActionSheet, Period, YearReview};

/// How much of an action's description a row's label quotes.
const QUOTED_ACTION: usize = 90;

/// One row of the history: what it follows, and its review of each year of `History::years`.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryRow {
    /// « La fiche (bilan d’ensemble) », « Action 2 – Former les médecins ».
    pub label: String,
    /// One per year of the history, in order; a blank review where nothing was said.
    pub years: Vec<YearReview>,
}

/// The review history of a sheet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    /// The years shown: the contract period, and any other year that has a review.
    pub years: Vec<i32>,
    /// The sheet's own row first, then its actions in order.
    pub rows: Vec<HistoryRow>,
}

impl History {
    /// Whether nobody has reviewed anything yet: the screens then say so in one sentence
    /// rather than print a grid of « Non renseigné ».
    pub fn is_blank(&self) -> bool {
        self.rows.iter().all(|row| row.years.iter().all(YearReview::is_blank))
    }
}

/// The history of `sheet` over `period`.
pub fn sheet_history(sheet: &ActionSheet, period: Period) -> History {
    let mut years: Vec<i32> = period.years().collect();
    let reviewed = sheet.reviews.iter().chain(sheet.actions.iter().flat_map(|a| &a.reviews));
    years.extend(reviewed.map(|review| review.year));
    years.sort_unstable();
    years.dedup();
    let row = |label: String, reviews: &[YearReview]| HistoryRow {
        label,
        years: years
            .iter()
            .map(|year| {
                review_of(reviews, *year).cloned().unwrap_or_else(|| YearReview::new(*year))
            })
            .collect(),
    };
    let mut rows = vec![row("La fiche (bilan d’ensemble)".to_string(), &sheet.reviews)];
    rows.extend(sheet.actions.iter().enumerate().map(|(rank, action)| {
        let label = match action.description.trim() {
            "" => format!("Action {}", rank + 1),
            text => format!("Action {} – {}", rank + 1, shorten(text, QUOTED_ACTION)),
        };
        row(label, &action.reviews)
    }));
    History { years, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Id, ReviewStatus};

    fn period() -> Period {
        Period { first_year: 2024, last_year: 2026 }
    }

    #[test]
    fn every_year_of_the_period_has_a_cell_for_the_sheet_and_each_action() {
        let mut sheet = ActionSheet::new(Id::from_u128(1), "Sport santé", 0);
        let mut first = Action::new(Id::from_u128(2), "Former les médecins", 0);
        let mut review = YearReview::with_status(2025, ReviewStatus::PartlyDone);
        review.comment = "12 médecins formés".into();
        review.to_confirm = true;
        first.reviews = vec![review.clone()];
        sheet.actions = vec![first, Action::new(Id::from_u128(3), "  ", 0)];
        sheet.reviews = vec![YearReview::with_status(2024, ReviewStatus::Done)];

        let history = sheet_history(&sheet, period());
        assert_eq!(history.years, [2024, 2025, 2026]);
        let labels: Vec<&str> = history.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            ["La fiche (bilan d’ensemble)", "Action 1 – Former les médecins", "Action 2"]
        );
        assert_eq!(history.rows[0].years[0].status, Some(ReviewStatus::Done));
        assert!(history.rows[0].years[1].is_blank(), "a year nobody filled in stays blank");
        assert_eq!(history.rows[1].years[1], review);
        assert_eq!(history.rows[2].years.len(), 3);
        assert!(!history.is_blank());
    }

    #[test]
    fn a_review_outside_the_period_keeps_its_column() {
        let mut sheet = ActionSheet::new(Id::from_u128(1), "Sport santé", 0);
        sheet.reviews = vec![YearReview::with_status(2030, ReviewStatus::Abandoned)];
        let history = sheet_history(&sheet, period());
        assert_eq!(history.years, [2024, 2025, 2026, 2030]);
        assert_eq!(history.rows[0].years[3].status, Some(ReviewStatus::Abandoned));
    }

    #[test]
    fn a_sheet_nobody_reviewed_has_a_blank_history() {
        let mut sheet = ActionSheet::new(Id::from_u128(1), "Sport santé", 0);
        sheet.actions = vec![Action::new(Id::from_u128(2), "Former", 0)];
        let history = sheet_history(&sheet, period());
        assert!(history.is_blank());
        assert_eq!(history.rows.len(), 2);
    }
}
