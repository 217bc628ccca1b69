//! Exchange between partners: the JSON file format and, later, import checks and merge.

pub mod envelope;
pub mod example;
pub mod import;

pub use envelope::{Envelope, ENVELOPE_TYPE};
