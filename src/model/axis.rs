//! Strategic axes and their strategic objectives. Their numbers (axe 2, objectif 2.1) are
//! derived from their order, never stored: see `numbering`.

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
}
