//! Evaluation indicators of a sheet: process indicators (was it done?) and outcome indicators
//! (did it change anything?), each with its target and where the figure comes from.

use super::{Id, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    Process,
    Outcome,
}

impl IndicatorKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Process => "Indicateur de processus",
            Self::Outcome => "Indicateur de résultat",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Monthly,
    Quarterly,
    Yearly,
    EndOfContract,
}

impl Frequency {
    pub fn label(self) -> &'static str {
        match self {
            Self::Monthly => "Mensuelle",
            Self::Quarterly => "Trimestrielle",
            Self::Yearly => "Annuelle",
            Self::EndOfContract => "En fin de contrat",
        }
    }
}

/// A measured value for one year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IndicatorValue {
    pub year: i32,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: Id,
    pub modified_at: Timestamp,
    pub kind: IndicatorKind,
    pub name: String,
    pub definition: String,
    pub unit: String,
    pub baseline: String,
    /// The target value ("valeur cible"); empty when not yet set, which validation reports.
    pub target: String,
    pub source: String,
    pub frequency: Frequency,
    /// Who collects the figure.
    pub collector: String,
    pub values: Vec<IndicatorValue>,
}

impl Indicator {
    pub fn new(id: Id, kind: IndicatorKind, name: impl Into<String>, now: Timestamp) -> Self {
        Indicator {
            id,
            modified_at: now,
            kind,
            name: name.into(),
            definition: String::new(),
            unit: String::new(),
            baseline: String::new(),
            target: String::new(),
            source: String::new(),
            frequency: Frequency::Yearly,
            collector: String::new(),
            values: Vec::new(),
        }
    }
}
