//! Reference lists a sheet is tagged with: the four legal fields of a CLS (loi HPST), the
//! determinants of health, and the other plans a sheet links to.

use serde::{Deserialize, Serialize};

/// Declares a closed list with a stable JSON key and a French label for each value.
macro_rules! reference_list {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => ($key:literal, $label:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        pub enum $name {
            $(#[serde(rename = $key)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            pub fn from_key(key: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.key() == key)
            }
        }
    };
}

reference_list! {
    /// The four fields a CLS acts on (art. L1434-10 CSP).
    HealthField {
        HealthPromotion => ("health_promotion", "Promotion de la santé"),
        Prevention => ("prevention", "Prévention"),
        Care => ("care", "Soins"),
        MedicoSocialSupport => ("medico_social_support", "Accompagnement médico-social"),
    }
}

reference_list! {
    /// Determinants of health a sheet acts upon.
    Determinant {
        Behaviours => ("behaviours", "Comportements et modes de vie"),
        SocialNetworks => ("social_networks", "Liens sociaux et communautaires"),
        LivingConditions => ("living_conditions", "Conditions de vie et de travail"),
        Environment => ("environment", "Environnement physique"),
        HealthSystem => ("health_system", "Accès au système de santé"),
        SocioEconomic => ("socio_economic", "Contexte socio-économique"),
    }
}

reference_list! {
    /// Other public plans a sheet contributes to.
    PlanLink {
        Prs => ("prs", "PRS / SRS (projet régional de santé)"),
        Praps => ("praps", "PRAPS (accès à la prévention et aux soins des plus démunis)"),
        Ptsm => ("ptsm", "PTSM / CLSM (santé mentale)"),
        Pat => ("pat", "PAT (projet alimentaire territorial)"),
        CityContract => ("city_contract", "Contrat de ville"),
        Other => ("other", "Autre plan"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_through_json() {
        for field in HealthField::ALL {
            let json = serde_json::to_string(field).unwrap();
            assert_eq!(json, format!("\"{}\"", field.key()));
            assert_eq!(HealthField::from_key(field.key()), Some(*field));
        }
        assert_eq!(PlanLink::from_key("ptsm"), Some(PlanLink::Ptsm));
        assert_eq!(Determinant::from_key("inconnu"), None);
    }
}
