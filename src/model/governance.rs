//! Governance: the bodies (COPIL, commission santé, CLSM, working groups...) with their duties
//! and how often they meet, who sits on them, and when they met. Members and meetings say the
//! kind of body they belong to. COPIL dates also appear as markers on the planning.

use super::closed_list::closed_list;
use super::{Id, Timestamp};
use serde::{Deserialize, Serialize};

closed_list! {
    /// The kind of a governance body of the contract.
    Body {
        NotStated => ("not_stated", "Non renseigné"),
        /// Comité de pilotage: the signatories, at least once a year.
        SteeringCommittee => ("steering_committee", "Comité de pilotage (COPIL)"),
        /// Commission santé: coordinator, elected referents and technicians.
        HealthCommission => ("health_commission", "Commission santé"),
        /// Conseil local de santé mentale.
        MentalHealthCouncil => ("mental_health_council", "Conseil local de santé mentale (CLSM)"),
        WorkingGroup => ("working_group", "Groupe de travail"),
        /// Any other body: its name says which.
        Other => ("other", "Autre instance"),
    }
}

/// A governance body as the contract describes it: its kind, its own name where the kind is
/// not enough (« Groupe de travail addictions »), its duties and how often it meets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GovernanceBody {
    pub id: Id,
    pub modified_at: Timestamp,
    pub kind: Body,
    /// Its name; empty for a COPIL or a commission santé, which their kind names.
    pub name: String,
    /// « Attributions » or « rôle », one per line.
    pub duties: String,
    /// « Au minimum une fois par an »: in words, as contracts state it.
    pub meeting_frequency: String,
}

impl GovernanceBody {
    pub fn new(id: Id, kind: Body, now: Timestamp) -> Self {
        GovernanceBody {
            id,
            modified_at: now,
            kind,
            name: String::new(),
            duties: String::new(),
            meeting_frequency: String::new(),
        }
    }

    /// Its name, else its kind's label.
    pub fn title(&self) -> &str {
        match self.name.trim() {
            "" => self.kind.label(),
            name => name,
        }
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
    #[cfg_attr(not(target_arch = "wasm32"), schemars(regex(pattern = crate::model::iso_date::SCHEMA_PATTERN)))]
    pub date: String,
    pub notes: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Governance {
    /// The bodies, in the order the contract presents them.
    pub bodies: Vec<GovernanceBody>,
    pub members: Vec<Member>,
    pub meetings: Vec<Meeting>,
}
