//! Signature and avenants (amendments): the data they keep. Signing records the date and place
//! and a frozen copy of the contract as signed; each avenant is numbered and dated, says which
//! COPIL adopted it, its object and what it changes, and freezes the version it creates. The
//! frozen copies live inside the contract's data so that they travel with an exported file.
//!
//! A frozen copy repeats the ids of the live contract on purpose (it is the same contract at
//! another time): the id checks and id walks skip what sits under [`FROZEN_COPY_KEY`].

mod adoption;
pub mod frozen_form;
mod signature;
mod versions;

pub use adoption::{adopted_by_label, adopting_meetings, meeting_label};
pub use signature::{
    is_signed, missing_before_signing, set_signing_date, set_signing_place, sign, unsign,
    why_not_unsignable, Missing, RecordedBySignature, SignRefusal, UnsignRefusal,
};
pub use versions::{
    amendments_newest_first, create_amendment, next_amendment_number, version_before,
    AmendmentFields, NotSigned,
};

use super::{Contract, Id, Timestamp};
use serde::{Deserialize, Serialize};

/// The JSON key under which a frozen copy of the contract is kept.
pub const FROZEN_COPY_KEY: &str = "frozen_copy";

/// An avenant to the contract.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Amendment {
    pub id: Id,
    pub modified_at: Timestamp,
    /// « Avenant n°2 ».
    pub number: u32,
    /// ISO date (`2026-03-12`), as an `<input type="date">` gives it.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = crate::model::iso_date::SCHEMA_PATTERN)))]
    pub date: Option<String>,
    /// The COPIL meeting that adopted it, when it is among the contract's meetings.
    pub meeting_id: Option<Id>,
    /// The decision that adopted it, in words (« COPIL du 12 mars 2026, relevé de décisions »).
    pub adopted_by: String,
    /// Its object.
    pub object: String,
    /// What it changes: fiches added or changed, dates, budget.
    pub changes: String,
    /// The contract as this avenant leaves it (its own signature and avenants left out).
    #[serde(serialize_with = "frozen_form::serialize")]
    pub frozen_copy: Option<std::sync::Arc<Contract>>,
}

impl Amendment {
    pub fn new(id: Id, number: u32, now: Timestamp) -> Self {
        Amendment {
            id,
            modified_at: now,
            number,
            date: None,
            meeting_id: None,
            adopted_by: String::new(),
            object: String::new(),
            changes: String::new(),
            frozen_copy: None,
        }
    }
}

/// A copy of `contract` to freeze: without its own frozen copies and avenants, so that copies
/// never nest, and without its collection record (`collection`). Shared (`Arc`), never changed once made: a clone of the workspace shares its
/// copies, and storage tells a copy it already holds by its address (`storage::frozen`)
/// instead of comparing a whole contract at every save.
pub fn frozen(contract: &Contract) -> std::sync::Arc<Contract> {
    let mut copy = contract.clone();
    copy.signing.frozen_copy = None;
    copy.amendments.clear();
    // Who was asked for a bilan and when is living with the contract, as the bilans are, not
    // part of what was signed.
    copy.collections.clear();
    // So are the workshops: a board is how fiches were prepared, never what was signed.
    copy.workshops.clear();
    std::sync::Arc::new(copy)
}

/// The version in force as last signed: the copy frozen by the latest avenant, else the copy
/// frozen at signature; `None` before « Signer le contrat ».
pub fn signed_version(contract: &Contract) -> Option<&Contract> {
    let frozen_by_amendment = contract.amendments.iter().filter(|a| a.frozen_copy.is_some());
    let latest = frozen_by_amendment.max_by_key(|a| a.number);
    latest.and_then(|a| a.frozen_copy.as_deref()).or(contract.signing.frozen_copy.as_deref())
}

/// The avenant whose frozen copy is the version in force (the highest-numbered one that froze
/// a copy); `None` when the version in force is the signed one, or before signature.
pub fn in_force_amendment(contract: &Contract) -> Option<u32> {
    contract.amendments.iter().filter(|a| a.frozen_copy.is_some()).map(|a| a.number).max()
}

/// What a contract with no change since the version in force is, in words: « le contrat est
/// tel qu’il a été signé », or, once an avenant froze a version, « … tel que l’a modifié
/// l’avenant n°2 ».
pub fn unchanged_since_in_force(contract: &Contract) -> String {
    match in_force_amendment(contract) {
        Some(n) => format!("le contrat est tel que l’a modifié l’avenant n°{n}"),
        None => "le contrat est tel qu’il a été signé".to_string(),
    }
}

/// « Signé à Aurillac le 11 mars 2025 », with the version in force when an avenant made it.
pub fn signed_statement(contract: &Contract) -> String {
    let place = contract.signing.place.trim();
    let date =
        contract.signing.date.as_deref().map(super::iso_date::french_date).unwrap_or_default();
    let signed = match (place, date.as_str()) {
        ("", "") => "Signé".to_string(),
        ("", date) => format!("Signé le {date}"),
        (place, "") => format!("Signé à {place}"),
        (place, date) => format!("Signé à {place} le {date}"),
    };
    let latest = contract.amendments.iter().filter(|a| a.frozen_copy.is_some());
    match latest.max_by_key(|a| a.number) {
        Some(a) if signed_version(contract).is_some() => {
            format!("{signed}. Version en vigueur : avenant n°{}.", a.number)
        }
        _ => format!("{signed}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unchanged_contract_is_as_signed_or_as_its_latest_avenant_left_it() {
        let mut contract = Contract::blank(Id::from_u128(1), "CLS", 0);
        contract.signing.frozen_copy = Some(frozen(&contract));
        assert_eq!(unchanged_since_in_force(&contract), "le contrat est tel qu’il a été signé");
        let mut first = Amendment::new(Id::from_u128(2), 1, 0);
        first.frozen_copy = Some(frozen(&contract));
        contract.amendments.push(first);
        contract.amendments.push(Amendment::new(Id::from_u128(3), 2, 0));
        assert_eq!(in_force_amendment(&contract), Some(1), "n°2 froze nothing");
        assert_eq!(
            unchanged_since_in_force(&contract),
            "le contrat est tel que l’a modifié l’avenant n°1"
        );
    }

    #[test]
    fn a_frozen_copy_never_holds_another() {
        let mut contract = Contract::blank(Id::from_u128(1), "CLS", 0);
        contract.signing.frozen_copy = Some(frozen(&contract));
        contract.amendments.push(Amendment::new(Id::from_u128(2), 1, 0));
        let copy = frozen(&contract);
        assert!(copy.signing.frozen_copy.is_none() && copy.amendments.is_empty());
        assert_eq!(copy.name, "CLS");
    }

    #[test]
    fn the_signed_version_is_the_latest_avenants_else_the_signatures() {
        let mut contract = Contract::blank(Id::from_u128(1), "Signé", 0);
        assert!(signed_version(&contract).is_none());
        contract.signing.frozen_copy = Some(frozen(&contract));
        contract.name = "Avenant 2".into();
        let mut second = Amendment::new(Id::from_u128(3), 2, 0);
        second.frozen_copy = Some(frozen(&contract));
        contract.amendments.push(second);
        contract.amendments.push(Amendment::new(Id::from_u128(2), 1, 0));
        assert_eq!(signed_version(&contract).map(|c| c.name.as_str()), Some("Avenant 2"));
        contract.amendments.clear();
        assert_eq!(signed_version(&contract).map(|c| c.name.as_str()), Some("Signé"));
    }

    #[test]
    fn the_signed_statement_says_where_when_and_which_version_is_in_force() {
        let mut contract = Contract::blank(Id::from_u128(1), "CLS", 0);
        assert_eq!(signed_statement(&contract), "Signé.");
        contract.signing.place = "Aurillac".into();
        contract.signing.date = Some("2025-03-11".into());
        contract.signing.frozen_copy = Some(frozen(&contract));
        assert_eq!(signed_statement(&contract), "Signé à Aurillac le 11 mars 2025.");
        let mut first = Amendment::new(Id::from_u128(2), 1, 0);
        first.frozen_copy = Some(frozen(&contract));
        contract.amendments.push(first);
        assert_eq!(
            signed_statement(&contract),
            "Signé à Aurillac le 11 mars 2025. Version en vigueur : avenant n°1."
        );
    }
}
