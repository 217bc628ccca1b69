//! « Signer le contrat »: what a coordinator must have filled in first, and signing itself,
//! which records the date and place and freezes a copy of the contract as signed.

use crate::model::iso_date::is_iso_date;
use crate::model::{Contract, Timestamp};

/// Something the contract must state before it is signed, in the order the screen lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// The contract's name, as the signature page prints it.
    Name,
    /// A period whose first year is not after its last, and of at most ten years.
    Period,
    /// The signing date, a real date.
    Date,
    /// The place of signature (« Fait à Aurillac »).
    Place,
    /// At least one signatory organisation whose block names the person who signs.
    Signatory,
}

/// The longest period a contract may be signed for: validation calls a longer one an error.
const LONGEST_PERIOD: u64 = 10;

impl Missing {
    pub const ALL: [Missing; 5] =
        [Self::Name, Self::Period, Self::Date, Self::Place, Self::Signatory];

    /// What to fill in, as the screen says it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Name => "Le nom du contrat",
            Self::Period => "La période du contrat (première et dernière année, dix ans au plus)",
            Self::Date => "La date de signature",
            Self::Place => "Le lieu de signature",
            Self::Signatory => {
                "Au moins une organisation signataire, avec le nom de la personne qui signe"
            }
        }
    }

    fn is_missing(self, contract: &Contract) -> bool {
        match self {
            Self::Name => contract.name.trim().is_empty(),
            Self::Period => {
                let period = contract.period;
                period.first_year > period.last_year || period.length() > LONGEST_PERIOD
            }
            Self::Date => !contract.signing.date.as_deref().is_some_and(is_iso_date),
            Self::Place => contract.signing.place.trim().is_empty(),
            Self::Signatory => !contract
                .organisations
                .iter()
                .filter_map(|o| o.signatory.as_ref())
                .any(|s| !s.signer.trim().is_empty()),
        }
    }
}

/// What the contract still lacks to be signed; empty when « Signer le contrat » can be done.
pub fn missing_before_signing(contract: &Contract) -> Vec<Missing> {
    Missing::ALL.into_iter().filter(|m| m.is_missing(contract)).collect()
}

/// Signed in the tool: there is a version in force, frozen by « Signer le contrat » or by an
/// avenant (a file merged from a partner may bring avenants before its signed copy). A date
/// typed in the identity alone is not a signature: the example states one but froze no copy.
pub fn is_signed(contract: &Contract) -> bool {
    super::signed_version(contract).is_some()
}

/// Why `sign` did nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignRefusal {
    /// The contract already holds a signed copy: it is the reference every avenant and marker
    /// compares with, so it is never replaced (an avenant records what changed since).
    AlreadySigned,
    /// These are still to be filled in.
    Missing(Vec<Missing>),
}

/// « Signer le contrat »: records the date and place, stamps the contract, then keeps a frozen
/// copy of it as signed (holding that date and place). Refused, leaving the contract as it
/// was, when it is already signed or when something is missing.
pub fn sign(
    contract: &mut Contract,
    date: &str,
    place: &str,
    now: Timestamp,
) -> Result<(), SignRefusal> {
    if is_signed(contract) {
        return Err(SignRefusal::AlreadySigned);
    }
    let (date, place) = (date.trim(), place.trim());
    let mut missing = missing_before_signing(contract);
    missing.retain(|m| !matches!(m, Missing::Date | Missing::Place));
    if !is_iso_date(date) {
        missing.push(Missing::Date);
    }
    if place.is_empty() {
        missing.push(Missing::Place);
    }
    if !missing.is_empty() {
        missing.sort_by_key(|m| Missing::ALL.iter().position(|a| a == m));
        return Err(SignRefusal::Missing(missing));
    }
    contract.signing.date = Some(date.to_string());
    contract.signing.place = place.to_string();
    contract.modified_at = now;
    contract.signing.frozen_copy = Some(super::frozen(contract));
    Ok(())
}

#[cfg(test)]
mod tests;
