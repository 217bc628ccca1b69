//! The follow-up of a signed contract, year by year: the « Suivi » screen's rows and filters,
//! its dashboard figures (actions by status and axis, the share of actions réalisées,
//! indicators with a result or reaching their target, budget planned against spent).
//!
//! Everything here is pure: the screen passes the chosen year, and the current year where it
//! needs one ([`default_year`]).
//!
//! Choices worth knowing:
//! - a row is an action or a fiche (its own bilan); a year with no review, or a review with no
//!   status, is « Non renseigné » and counted as such, never as a default status;
//! - « réalisées » counts réalisé and partiellement réalisé; the share « so far » takes each
//!   action's latest status up to the chosen year;
//! - percentages are whole numbers, rounded down, so that 99.6 % never shows as 100 %.

mod budget;
mod dashboard;
mod filter;
mod generate;
pub mod history;
mod indicators;
mod opening;
mod pages;
mod rows;

pub use budget::{
    budget_of_year, budget_table, spent_text, BudgetLine, BudgetLineKey, BudgetTableLine,
    BudgetTotals, Planned,
};
pub use dashboard::{
    axis_counts, column_of, describe_counts, status_at, status_counts, AxisCounts, DoneShare,
    StatusCounts, STATUS_COLUMNS,
};
pub use filter::{FollowUpFilter, StatusChoice, NOT_FILLED_KEY};
pub use generate::{with_follow_up, FOLLOWED_YEARS};
pub use indicators::{
    indicator_rows, IndicatorOwner, IndicatorRow, IndicatorSummary, CONTRACT_GROUP,
};
pub use opening::opening_year;
pub use pages::{page_of, table_page, Page, TablePage, PAGE_ROWS};
pub use rows::{
    action_label, action_status, axis_label, carry_over_rows, follow_up_rows, row_facts,
    rows_to_carry_over, FollowUpRow, RowFacts, RowOwner, SHEET_ROW_LABEL,
};

use super::Period;

/// The year « Suivi » opens on: this year when the contract covers it, else the nearest year
/// of the period (the first before it starts, the last once it has ended).
pub fn default_year(period: Period, this_year: i32) -> i32 {
    this_year.clamp(period.first_year, period.last_year.max(period.first_year))
}

/// The year a screen shows (« Suivi », the annual report, the planning's « Année du statut »):
/// the one asked for in the address when the period holds it, else [`default_year`].
pub fn shown_year(period: Period, asked: Option<i32>, this_year: i32) -> i32 {
    asked.filter(|y| period.contains_year(*y)).unwrap_or_else(|| default_year(period, this_year))
}

/// `part` out of `whole` in whole percent, rounded down; 0 when `whole` is 0.
pub fn percent_of(part: usize, whole: usize) -> u32 {
    (part.min(whole) * 100).checked_div(whole).unwrap_or(0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_year_is_this_year_or_the_nearest_of_the_period() {
        let period = Period { first_year: 2024, last_year: 2028 };
        assert_eq!(default_year(period, 2026), 2026);
        assert_eq!(default_year(period, 2021), 2024);
        assert_eq!(default_year(period, 2031), 2028);
        let inverted = Period { first_year: 2026, last_year: 2024 };
        assert_eq!(default_year(inverted, 2030), 2026);
    }

    #[test]
    fn the_year_asked_for_is_shown_when_the_period_holds_it() {
        let period = Period { first_year: 2024, last_year: 2028 };
        assert_eq!(shown_year(period, Some(2025), 2026), 2025);
        assert_eq!(shown_year(period, Some(2031), 2026), 2026);
        assert_eq!(shown_year(period, None, 2031), 2028);
    }

    #[test]
    fn percentages_round_down() {
        assert_eq!(percent_of(2, 3), 66);
        assert_eq!(percent_of(199, 200), 99);
        assert_eq!(percent_of(3, 3), 100);
        assert_eq!(percent_of(1, 0), 0);
    }
}
