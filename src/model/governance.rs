//! Governance: who sits on the steering committee (COPIL) and the commission santé, and when
//! they meet. COPIL dates also appear as markers on the planning.

use super::{Id, Timestamp};
use serde::{Deserialize, Serialize};

/// A governance body of the contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Body {
    /// Comité de pilotage: the signatories, at least once a year.
    SteeringCommittee,
    /// Commission santé: coordinator, elected referents and technicians.
    HealthCommission,
}

impl Body {
    pub const ALL: [Body; 2] = [Body::SteeringCommittee, Body::HealthCommission];

    pub fn label(self) -> &'static str {
        match self {
            Body::SteeringCommittee => "Comité de pilotage (COPIL)",
            Body::HealthCommission => "Commission santé",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Body::SteeringCommittee => "steering_committee",
            Body::HealthCommission => "health_commission",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.key() == key)
    }
}

/// A person sitting on a governance body, for an organisation of the directory (or none).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub id: Id,
    pub modified_at: Timestamp,
    pub body: Body,
    pub name: String,
    pub organisation_id: Option<Id>,
    /// "Présidente", "référent élu santé"...
    pub role: String,
}

/// A meeting of a governance body. The date is ISO (`2025-03-14`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub id: Id,
    pub modified_at: Timestamp,
    pub body: Body,
    pub date: String,
    pub notes: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Governance {
    pub members: Vec<Member>,
    pub meetings: Vec<Meeting>,
}
