//! Strategic axes and their strategic objectives. Their numbers (axe 2, objectif 2.1) are
//! derived from their order, never stored: see `numbering`. How an axis is named on screen,
//! in prints and in exports also lives here.

use super::numbering::Numbering;
use super::{Id, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StrategicObjective {
    pub id: Id,
    pub modified_at: Timestamp,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Axis {
    pub id: Id,
    pub modified_at: Timestamp,
    pub title: String,
    /// Tagged as (part of) the contract's mental-health component required by loi 3DS.
    pub mental_health: bool,
    /// In display order.
    pub objectives: Vec<StrategicObjective>,
}

impl Axis {
    pub fn new(id: Id, title: impl Into<String>, now: Timestamp) -> Self {
        Axis {
            id,
            modified_at: now,
            title: title.into(),
            mental_health: false,
            objectives: Vec::new(),
        }
    }

    pub fn objective(&self, id: Id) -> Option<&StrategicObjective> {
        self.objectives.iter().find(|o| o.id == id)
    }

    /// "Axe 2 – Santé mentale" (see [`axis_label`]).
    pub fn label(&self, numbering: &Numbering) -> String {
        axis_label(numbering.label(self.id), &self.title)
    }
}

/// The group of sheets that have no axis, or whose axis was deleted.
pub const NO_AXIS: &str = "Sans axe";

/// "Axe 2 – Santé mentale", or "Axe 2" when the axis has no title yet: how every screen, print
/// and export names an axis.
pub fn axis_label(number: &str, title: &str) -> String {
    match title.trim() {
        "" => format!("Axe {number}"),
        title => format!("Axe {number} – {title}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_axis_is_named_by_its_number_and_title() {
        assert_eq!(axis_label("2", "Santé mentale"), "Axe 2 – Santé mentale");
        assert_eq!(axis_label("2", "  Santé mentale "), "Axe 2 – Santé mentale");
    }

    #[test]
    fn an_axis_without_title_is_named_by_its_number_alone() {
        assert_eq!(axis_label("2", ""), "Axe 2");
        assert_eq!(axis_label("3", "   "), "Axe 3");
    }

    #[test]
    fn the_label_follows_the_numbering() {
        let mut contract = super::super::Contract::blank(Id::from_u128(1), "CLS", 0);
        contract.axes.push(Axis::new(Id::from_u128(10), "Offre de soins", 0));
        contract.axes.push(Axis::new(Id::from_u128(20), "", 0));
        let numbering = Numbering::of(&contract);
        assert_eq!(contract.axes[0].label(&numbering), "Axe 1 – Offre de soins");
        assert_eq!(contract.axes[1].label(&numbering), "Axe 2");
    }
}
