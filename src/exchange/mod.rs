//! Exchange between partners: the JSON file format and, later, import checks and merge; the
//! contract as CSV tables for people who work in a spreadsheet.

pub mod envelope;
pub mod example;
pub mod import;
pub mod spreadsheet;

pub use envelope::{Envelope, ENVELOPE_TYPE};
