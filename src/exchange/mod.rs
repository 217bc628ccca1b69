//! Files: what partners send each other and what a browser keeps or gives away. The JSON file
//! format (`envelope`), the import checks, merging what comes back (`merge`) and what another
//! tab saved (`tab_merge`), the backup of every contract, file names, the demonstration file
//! fetched on demand, the contract as CSV tables for people who work in a spreadsheet, and
//! documents as ODT files. What is compared when merging (items, field diffs) is `versions`'.

pub mod backup;
pub mod collection;
pub mod demonstration;
pub mod envelope;
pub mod file_name;
pub mod import;
pub mod merge;
pub mod odt;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod spreadsheet;
pub mod tab_merge;

pub use envelope::{Envelope, ENVELOPE_TYPE};

/// The example contract, where the storage's tests look for it (it lives in `model::example`;
/// `storage` is above `exchange`, so this is no upward import).
pub mod example {
    pub use crate::model::example::example_contract;
}

#[cfg(test)]
mod properties;
