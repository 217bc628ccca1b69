//! Evaluation indicators of a sheet: process indicators (was it done?) and outcome indicators
//! (did it change anything?), each with its target and where the figure comes from.

use super::closed_list::closed_list;
use super::{Id, Timestamp};
use serde::{Deserialize, Serialize};

closed_list! {
    IndicatorKind {
        Process => ("process", "Indicateur de processus"),
        Outcome => ("outcome", "Indicateur de résultat"),
    }
}

closed_list! {
    Frequency {
        Monthly => ("monthly", "Mensuelle"),
        Quarterly => ("quarterly", "Trimestrielle"),
        Yearly => ("yearly", "Annuelle"),
        EndOfContract => ("end_of_contract", "En fin de contrat"),
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
