//! Avenants as versions of the contract: the next number, creating one (which freezes the
//! contract as it now stands), and the version each avenant starts from, so that its changes
//! are those between that version and its own frozen copy.

use super::{frozen, is_signed, Amendment};
use crate::model::{Contract, Id, Timestamp};

/// What the coordinator types when creating an avenant (its number and frozen copy are not
/// typed: they follow).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AmendmentFields {
    pub date: Option<String>,
    pub meeting_id: Option<Id>,
    pub adopted_by: String,
    pub object: String,
    pub changes: String,
}

/// `create_amendment` refused: an avenant amends a signed contract, and there is none yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotSigned;

/// The number the next avenant takes: one more than the highest so far (numbers are never
/// reused, even when a file came with a gap).
pub fn next_amendment_number(contract: &Contract) -> u32 {
    contract.amendments.iter().map(|a| a.number).max().unwrap_or(0).saturating_add(1)
}

/// Creates the next avenant with `fields`, freezing the contract as it now stands into it;
/// gives its number.
pub fn create_amendment(
    contract: &mut Contract,
    id: Id,
    now: Timestamp,
    fields: AmendmentFields,
) -> Result<u32, NotSigned> {
    if !is_signed(contract) {
        return Err(NotSigned);
    }
    let number = next_amendment_number(contract);
    contract.modified_at = now;
    let AmendmentFields { date, meeting_id, adopted_by, object, changes } = fields;
    let amendment = Amendment {
        date: date.filter(|d| !d.trim().is_empty()),
        meeting_id,
        adopted_by,
        object,
        changes,
        frozen_copy: Some(frozen(contract)),
        ..Amendment::new(id, number, now)
    };
    contract.amendments.push(amendment);
    Ok(number)
}

/// The version avenant `number` amends: the frozen copy of the highest-numbered avenant below
/// it, else the contract as signed; `None` when neither was frozen.
pub fn version_before(contract: &Contract, number: u32) -> Option<&Contract> {
    let earlier = contract.amendments.iter().filter(|a| a.number < number);
    let previous = earlier.filter(|a| a.frozen_copy.is_some()).max_by_key(|a| a.number);
    previous.and_then(|a| a.frozen_copy.as_deref()).or(contract.signing.frozen_copy.as_deref())
}

/// The avenants as the screen lists them, newest (highest number) first.
pub fn amendments_newest_first(contract: &Contract) -> Vec<&Amendment> {
    let mut list: Vec<&Amendment> = contract.amendments.iter().collect();
    list.sort_by_key(|a| std::cmp::Reverse(a.number));
    list
}

#[cfg(test)]
mod tests;
