//! « Signer le contrat »: what a coordinator must have filled in first, and signing itself,
//! which records the date and place and freezes a copy of the contract as signed. Once signed,
//! what the signature recorded is read-only: the date and place change only after « Annuler la
//! signature » ([`unsign`]), which is possible while no avenant rests on the signature.

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

/// Why the date or place of signature did not change: the signature recorded them, and every
/// avenant and marker refers to that signature (« signé le 15 mars 2025 »).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordedBySignature;

/// Sets the date of signature (ISO, empty for none), refused once the contract is signed.
pub fn set_signing_date(contract: &mut Contract, date: String) -> Result<(), RecordedBySignature> {
    if is_signed(contract) {
        return Err(RecordedBySignature);
    }
    contract.signing.date = (!date.is_empty()).then_some(date);
    Ok(())
}

/// Sets the place of signature, refused once the contract is signed.
pub fn set_signing_place(
    contract: &mut Contract,
    place: String,
) -> Result<(), RecordedBySignature> {
    if is_signed(contract) {
        return Err(RecordedBySignature);
    }
    contract.signing.place = place;
    Ok(())
}

/// Why `unsign` did nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnsignRefusal {
    /// There is no signature to cancel.
    NotSigned,
    /// These avenants (their numbers, in order) amend the signed contract: cancelling the
    /// signature would leave them amending nothing.
    Amendments(Vec<u32>),
}

/// « Annuler la signature »: drops the copy frozen at signature, so that the contract is no
/// longer signed and its date and place can be changed again (they are kept as they were, to
/// be corrected rather than typed again). Refused while an avenant exists, and when the
/// contract is not signed; the contract is then left as it was.
pub fn unsign(contract: &mut Contract, now: Timestamp) -> Result<(), UnsignRefusal> {
    if !contract.amendments.is_empty() {
        let mut numbers: Vec<u32> = contract.amendments.iter().map(|a| a.number).collect();
        numbers.sort_unstable();
        numbers.dedup();
        return Err(UnsignRefusal::Amendments(numbers));
    }
    if contract.signing.frozen_copy.is_none() {
        return Err(UnsignRefusal::NotSigned);
    }
    contract.signing.frozen_copy = None;
    contract.modified_at = now;
    Ok(())
}

/// Why « Annuler la signature » is not offered, as the screen says it; `None` when it is.
pub fn why_not_unsignable(contract: &Contract) -> Option<String> {
    match contract.amendments.iter().map(|a| a.number).min() {
        None if is_signed(contract) => None,
        None => Some("Le contrat n’est pas signé.".to_string()),
        Some(_) => {
            let count = contract.amendments.len();
            let which = match count {
                1 => format!("l’avenant n°{} s’appuie", contract.amendments[0].number),
                n => format!("{n} avenants s’appuient"),
            };
            Some(format!(
                "La signature ne peut plus être annulée : {which} sur elle. Pour changer ce qu’elle a enregistré, passez par un avenant."
            ))
        }
    }
}

#[cfg(test)]
mod tests;
