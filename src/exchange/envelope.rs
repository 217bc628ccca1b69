//! The exchange file: an envelope with a type marker, the schema version, who exported it and
//! when, then the contract. Files are pretty-printed with a stable key order (struct order) so
//! that two exports of the same contract diff line by line.

use crate::model::Contract;
use serde::{Deserialize, Serialize};

/// The type marker that tells an Atelier CLS file from any other JSON file.
pub const ENVELOPE_TYPE: &str = "atelier-cls/contrat";

/// An Atelier CLS exchange file: one contract, with who exported it and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Envelope {
    /// Always "atelier-cls/contrat": tells an Atelier CLS file from any other JSON file.
    #[serde(rename = "type")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = ENVELOPE_TYPE)))]
    pub kind: String,
    /// The version of the contract's shape: older files are upgraded on import, newer ones
    /// refused (they need a newer Atelier CLS).
    pub schema_version: u32,
    /// The version of Atelier CLS that wrote the file.
    pub app_version: String,
    /// ISO 8601 date-time of the export (UTC).
    pub exported_at: String,
    /// The organisation that exported the file, as typed by the user.
    pub exported_by: String,
    pub contract: Contract,
}

impl Envelope {
    pub fn new(contract: Contract, exported_at: String, exported_by: String) -> Self {
        Envelope {
            kind: ENVELOPE_TYPE.to_string(),
            schema_version: crate::model::SCHEMA_VERSION,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            exported_at,
            exported_by,
            contract,
        }
    }

    pub fn to_pretty_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a contract always serialises")
    }
}
