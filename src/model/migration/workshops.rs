//! Format 3 to 4: workshops (« Ateliers »). A contract gains its list of workshops and a fiche
//! its origins in them; both are left out of the JSON while empty, so a format-3 contract is
//! already a format-4 one and this step changes nothing in it.
//!
//! The version still goes up: an older app reading a file that holds a workshop would refuse
//! the unknown field `workshops` with a message about the file's structure; with format 4 it
//! says instead that the file comes from a newer version of the app, which is the truth.

use serde_json::Value;

pub(super) fn upgrade(contract: Value) -> Result<Value, String> {
    if !contract.is_object() {
        return Err("le contrat n’est pas un objet JSON".into());
    }
    Ok(contract)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contract, Id};
    use serde_json::json;

    #[test]
    fn a_format_3_contract_reads_unchanged_with_no_workshop() {
        let three =
            crate::model::json::to_tree(&Contract::blank(Id::from_u128(1), "CLS", 0)).unwrap();
        assert!(three.get("workshops").is_none(), "left out while empty");
        let four = upgrade(three.clone()).unwrap();
        assert_eq!(four, three);
        let contract: Contract = crate::model::json::from_tree(&four).unwrap();
        assert!(contract.workshops.is_empty());
        assert!(upgrade(json!([1])).is_err());
    }
}
