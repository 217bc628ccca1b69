//! Writing a contract without its frozen copies, for the browser's storage, which keeps each
//! frozen copy once under a key of its own (`storage::frozen`): they never change once made, and
//! writing them again on every keystroke's save made a five-year contract with four avenants
//! write five copies of itself each time.
//!
//! The switch is a flag of the thread, set for the length of one serialisation by
//! [`without_frozen_copies`]: the frozen copies sit deep in the model (the signature's and each
//! avenant's), and a flag read by their two fields' `serialize_with` keeps one serde path for
//! the whole model (`model::json`) instead of a second model written for storage. Exchange
//! files never set it: they carry every copy whole.

use crate::model::Contract;
use serde::{Serialize, Serializer};
use std::cell::Cell;

thread_local! {
    static OMIT: Cell<bool> = const { Cell::new(false) };
}

/// Runs `write` with every frozen copy written as `null`.
pub fn without_frozen_copies<R>(write: impl FnOnce() -> R) -> R {
    let before = OMIT.with(|omit| omit.replace(true));
    let written = write();
    OMIT.with(|omit| omit.set(before));
    written
}

/// `serialize_with` of the frozen copy fields: the copy, or `null` inside
/// [`without_frozen_copies`].
pub fn serialize<S: Serializer>(
    copy: &Option<std::sync::Arc<Contract>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    if OMIT.with(Cell::get) {
        serializer.serialize_none()
    } else {
        copy.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::amendment::frozen;
    use crate::model::{json, Amendment, Id};

    #[test]
    fn frozen_copies_are_left_out_only_when_asked() {
        let mut contract = Contract::blank(Id::from_u128(1), "CLS", 0);
        contract.signing.frozen_copy = Some(frozen(&contract));
        let mut amendment = Amendment::new(Id::from_u128(2), 1, 0);
        amendment.frozen_copy = Some(frozen(&contract));
        contract.amendments.push(amendment);
        let whole = json::to_text(&contract).unwrap();
        let apart = without_frozen_copies(|| json::to_text(&contract).unwrap());
        let read: Contract = json::from_text(&apart).unwrap();
        assert!(read.signing.frozen_copy.is_none() && read.amendments[0].frozen_copy.is_none());
        assert_eq!(json::from_text::<Contract>(&whole).unwrap(), contract);
        assert!(apart.len() * 2 < whole.len(), "{} vs {}", apart.len(), whole.len());
    }
}
