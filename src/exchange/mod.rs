//! Exchange between partners: the JSON file format and, later, import checks and merge.

pub mod envelope;
pub mod example;
pub mod import;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;

pub use envelope::{Envelope, ENVELOPE_TYPE};
