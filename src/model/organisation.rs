//! The directory of organisations of a contract: signatories and partners, reused by every
//! sheet (lead, partners, funders) so that a name is typed once.

use super::{Id, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    Ars,
    Epci,
    Commune,
    Prefecture,
    ConseilDepartemental,
    Hospital,
    Cpam,
    Msa,
    Caf,
    Carsat,
    Cpts,
    EducationNationale,
    Association,
    Other,
}

impl OrganisationKind {
    pub const ALL: [OrganisationKind; 14] = [
        Self::Ars,
        Self::Epci,
        Self::Commune,
        Self::Prefecture,
        Self::ConseilDepartemental,
        Self::Hospital,
        Self::Cpam,
        Self::Msa,
        Self::Caf,
        Self::Carsat,
        Self::Cpts,
        Self::EducationNationale,
        Self::Association,
        Self::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Ars => "ARS",
            Self::Epci => "EPCI (intercommunalité)",
            Self::Commune => "Commune",
            Self::Prefecture => "Préfecture",
            Self::ConseilDepartemental => "Conseil départemental",
            Self::Hospital => "Hôpital / CHU",
            Self::Cpam => "CPAM",
            Self::Msa => "MSA",
            Self::Caf => "CAF",
            Self::Carsat => "CARSAT",
            Self::Cpts => "CPTS",
            Self::EducationNationale => "Éducation nationale",
            Self::Association => "Association",
            Self::Other => "Autre",
        }
    }

    /// The stable key written in JSON, also used as an `<option>` value.
    pub fn key(self) -> &'static str {
        match self {
            Self::Ars => "ars",
            Self::Epci => "epci",
            Self::Commune => "commune",
            Self::Prefecture => "prefecture",
            Self::ConseilDepartemental => "conseil_departemental",
            Self::Hospital => "hospital",
            Self::Cpam => "cpam",
            Self::Msa => "msa",
            Self::Caf => "caf",
            Self::Carsat => "carsat",
            Self::Cpts => "cpts",
            Self::EducationNationale => "education_nationale",
            Self::Association => "association",
            Self::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A contact person inside an organisation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    pub email: String,
    pub phone: String,
}

/// An organisation of the contract's directory.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub id: Id,
    pub modified_at: Timestamp,
    pub name: String,
    pub kind: OrganisationKind,
    /// Signs the contract.
    pub signatory: bool,
    /// Takes part in actions without necessarily signing.
    pub partner: bool,
    pub contact: Contact,
}

impl Organisation {
    pub fn new(id: Id, name: impl Into<String>, kind: OrganisationKind, now: Timestamp) -> Self {
        Organisation {
            id,
            modified_at: now,
            name: name.into(),
            kind,
            signatory: false,
            partner: true,
            contact: Contact::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_distinct_key_that_round_trips() {
        for kind in OrganisationKind::ALL {
            assert_eq!(OrganisationKind::from_key(kind.key()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.key()));
        }
    }
}
