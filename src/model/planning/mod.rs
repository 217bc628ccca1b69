//! The planning: every action of the contract on one time line (a Gantt chart over the
//! contract period), with the filters a coordinator uses before a COPIL, the yearly counts and
//! load per lead, and the exports people take to their own tools (a CSV for spreadsheets, an
//! iCalendar file of the milestones and COPIL meetings).
//!
//! Everything here is pure: no browser, no clock (callers pass `today` / `now`). The screen
//! renders [`PlanRow`]s placed with [`bar_position`] under the [`header`] of a [`Scale`], and
//! writes changes made by dragging a bar back with [`set_action_dates`].
//!
//! Choices worth knowing:
//! - an action with only one date is one month long, at that date; an action with none is
//!   listed but has no bar, counts in no year and is dropped by a year filter;
//! - an inverted action (end before start) is drawn and counted from the earlier month to the
//!   later one (validation reports it as an error anyway);
//! - a sheet pointing at a deleted axis is shown under "Sans axe".

mod baseline;
mod chart;
mod edit;
mod export;
mod filter;
mod generate;
mod rows;
mod summary;

#[cfg(test)]
pub(crate) mod fixture;

pub use baseline::{sheet_calendar, signed_cells, Compared, Dates, Shift, SignedDates};
pub use chart::{bar_position, date_position, header, month_at, Header, Scale};
pub use edit::set_action_dates;
pub use export::{milestones_ics, plan_csv};
pub use filter::PlanFilter;
pub use generate::generated_contract;
pub use rows::{plan_rows, PlanRow};
pub use summary::{load_per_lead, yearly_summary, YearSummary};
