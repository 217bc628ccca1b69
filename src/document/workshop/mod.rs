//! The documents of a workshop (« Atelier »): its compte rendu (`report`: who came, the ideas
//! by group with their votes, what each group became, « Suites ») and its attendance sheet
//! (`attendance`: the feuille d’émargement funders ask for). Both are [`Document`]s, so the
//! screen, the A4 print and the ODT writer show them as they show the other documents.
//!
//! [`Document`]: super::Document

mod attendance;
mod report;

pub use attendance::{attendance_sheet, BLANK_LINES};
pub use report::workshop_report;
