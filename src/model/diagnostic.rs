//! The local health diagnostic: findings grouped by the five usual categories. Sheets cite the
//! findings that justify them.
//!
//! In the code, « finding » means a *constat* and nothing else: an entry of this diagnostic, a
//! sheet's own findings (`local_findings`) and the sheet's « Constat » step that gathers both.
//! Validation results are *issues* ([`crate::model::validation::Issue`]).

use super::{Id, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FindingCategory {
    SocioEconomicDeterminants,
    EnvironmentalDeterminants,
    HealthStatus,
    CareProvision,
    SocialMedicoSocialProvision,
}

impl FindingCategory {
    pub const ALL: [FindingCategory; 5] = [
        Self::SocioEconomicDeterminants,
        Self::EnvironmentalDeterminants,
        Self::HealthStatus,
        Self::CareProvision,
        Self::SocialMedicoSocialProvision,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::SocioEconomicDeterminants => "Déterminants socio-économiques",
            Self::EnvironmentalDeterminants => "Déterminants environnementaux",
            Self::HealthStatus => "État de santé de la population",
            Self::CareProvision => "Offre de soins",
            Self::SocialMedicoSocialProvision => "Offre sociale, sanitaire et médico-sociale",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::SocioEconomicDeterminants => "socio_economic_determinants",
            Self::EnvironmentalDeterminants => "environmental_determinants",
            Self::HealthStatus => "health_status",
            Self::CareProvision => "care_provision",
            Self::SocialMedicoSocialProvision => "social_medico_social_provision",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// One finding of the diagnostic, a short text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub id: Id,
    pub modified_at: Timestamp,
    pub category: FindingCategory,
    pub text: String,
}
