//! What an avenant can change in an item: all of it but its yearly follow-up. The bilans, the
//! indicators' results (`follow_up::strip`) and the amounts spent are reported by the pilotes
//! every year under the contract as signed; none of them is a change the COPIL adopts, so none
//! marks a fiche « Modifiée » nor goes into « Ce qu’il modifie ». The amounts planned are the
//! contract's own word, and stay.

use super::follow_up::strip;
use super::item::ItemKind;
use serde_json::Value;

/// `item`'s JSON as every avenant comparison reads it (the count, the marks, the list).
pub fn amendable_value(kind: ItemKind, item: &Value) -> Value {
    let mut value = strip(kind, item);
    if kind == ItemKind::Sheet {
        let lines = value.get_mut("funding").and_then(Value::as_array_mut);
        for line in lines.into_iter().flatten() {
            if let Some(spent) = line.get_mut("actual_euros") {
                *spent = Value::Null;
            }
        }
    }
    value
}
