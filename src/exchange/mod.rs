//! Exchange between partners: the JSON file format, import checks, and merging what comes back;
//! the example and demonstration contracts (examples/);
//! the contract as CSV tables for people who work in a spreadsheet; documents as ODT files.

pub mod amendment_changes;
pub mod backup;
pub mod demonstration;
pub mod diff;
pub mod envelope;
pub mod example;
pub mod file_name;
pub mod follow_up;
pub mod import;
pub mod items;
pub mod merge;
pub mod odt;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod since_signed;
pub mod spreadsheet;
pub mod tab_merge;

pub use envelope::{Envelope, ENVELOPE_TYPE};

#[cfg(test)]
mod properties;
