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
        crate::model::json::to_pretty_text(self).expect("a contract always serialises")
    }

    /// The file's text: pretty unless large (`json::to_file_text`).
    pub fn to_file_json(&self) -> String {
        crate::model::json::to_file_text(self).expect("a contract always serialises")
    }
}

/// The contract with only the chosen fiches action (in their order), for a partner who works on
/// those: the rest of the contract (identity, directory, governance, diagnostic, axes) comes
/// along so that every reference in the chosen sheets still resolves. Merging such a file
/// never deletes the sheets it leaves out.
pub fn with_only_sheets(contract: &Contract, chosen: &[crate::model::Id]) -> Contract {
    let mut selection = contract.clone();
    selection.sheets.retain(|s| chosen.contains(&s.id));
    selection
}

/// The sheets an organisation leads or co-leads, in the contract's order: "all the sheets one
/// partner leads".
pub fn sheets_led_by(contract: &Contract, organisation: crate::model::Id) -> Vec<crate::model::Id> {
    contract.sheets.iter().filter(|s| s.is_led_by(organisation)).map(|s| s.id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example::example_contract;

    #[test]
    fn a_selection_keeps_the_chosen_sheets_and_everything_they_refer_to() {
        let contract = example_contract();
        let lead = contract
            .sheets
            .iter()
            .find_map(|s| s.lead_ids().first().copied())
            .expect("a sheet of the example has a lead");
        let chosen = sheets_led_by(&contract, lead);
        assert!(!chosen.is_empty() && chosen.len() < contract.sheets.len());
        let selection = with_only_sheets(&contract, &chosen);
        assert!(selection.sheets.iter().all(|s| s.is_led_by(lead)));
        assert_eq!(selection.sheets.len(), chosen.len());
        assert_eq!(
            (selection.organisations, selection.axes),
            (contract.organisations, contract.axes)
        );
    }

    const EXAMPLE_JSON: &str = include_str!("../../examples/cls-aurillac-2024-2028.json");

    #[test]
    fn example_file_is_in_canonical_form() {
        let envelope: Envelope = serde_json::from_str(EXAMPLE_JSON).unwrap();
        assert_eq!(envelope.kind, super::super::ENVELOPE_TYPE);
        assert_eq!(envelope.schema_version, crate::model::SCHEMA_VERSION);
        let pretty = serde_json::to_string_pretty(&envelope).unwrap();
        let file = EXAMPLE_JSON.strip_suffix('\n').unwrap_or(EXAMPLE_JSON);
        assert!(pretty == file, "examples/cls-aurillac-2024-2028.json is not in canonical form");
    }

    /// `model::example` reads the example's contract only; the whole file passes the import
    /// checks and gives the same contract.
    #[test]
    fn the_example_file_passes_the_import_checks_as_the_example_contract() {
        let checked = crate::exchange::import::check_file(EXAMPLE_JSON.as_bytes()).unwrap();
        assert_eq!(checked.migrated_from, None);
        assert_eq!(checked.envelope.contract, example_contract());
    }
}
