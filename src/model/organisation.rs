//! The directory of organisations of a contract: signatories and partners, reused by every
//! sheet (lead, partners, funders) so that a name is typed once. A signatory organisation
//! carries its block of the signature page ([`Signatory`]).

use super::{Id, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    NotStated,
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
    pub const ALL: [OrganisationKind; 15] = [
        Self::NotStated,
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
            Self::NotStated => "Non renseigné",
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
            Self::NotStated => "not_stated",
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

/// How an organisation signs: its block on the signature page (« Pour <organisation> », « Par
/// délégation », the capacity, the name) and what it commits to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    /// The person who signs: « Cécile COURREGES ».
    pub signer: String,
    /// Their capacity as printed: « Madame la Directrice générale ».
    pub capacity: String,
    /// « Par délégation »: the signer signs on behalf of the organisation's head.
    pub by_delegation: bool,
    /// Place on the signature page, 1 first; equal ranks keep the directory's order.
    pub rank: u32,
    /// « Engagements des signataires »: what this organisation commits to, one per line.
    pub commitments: String,
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
    /// Signs the contract: its signature block; `None` for an organisation that does not sign.
    pub signatory: Option<Signatory>,
    /// Takes part in actions without necessarily signing.
    pub partner: bool,
    pub contact: Contact,
}

impl Organisation {
    pub fn is_signatory(&self) -> bool {
        self.signatory.is_some()
    }

    pub fn new(id: Id, name: impl Into<String>, kind: OrganisationKind, now: Timestamp) -> Self {
        Organisation {
            id,
            modified_at: now,
            name: name.into(),
            kind,
            signatory: None,
            partner: true,
            contact: Contact::default(),
        }
    }
}

/// The signatory organisations in the order of the signature page: by rank, then in the
/// directory's order.
pub fn signatories_in_order(organisations: &[Organisation]) -> Vec<(&Organisation, &Signatory)> {
    let mut signing: Vec<(&Organisation, &Signatory)> =
        organisations.iter().filter_map(|o| o.signatory.as_ref().map(|s| (o, s))).collect();
    signing.sort_by_key(|(_, s)| s.rank);
    signing
}

/// The rank a newly designated signatory takes: after every other one.
pub fn next_signatory_rank(organisations: &[Organisation]) -> u32 {
    organisations.iter().filter_map(|o| o.signatory.as_ref()).map(|s| s.rank).max().unwrap_or(0) + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatories_follow_their_rank_then_the_directory() {
        let org = |n: u128, rank: Option<u32>| {
            let mut o =
                Organisation::new(Id::from_u128(n), format!("{n}"), OrganisationKind::Other, 0);
            o.signatory = rank.map(|rank| Signatory { rank, ..Default::default() });
            o
        };
        let list = [org(1, Some(2)), org(2, None), org(3, Some(1)), org(4, Some(2))];
        let names: Vec<&str> =
            signatories_in_order(&list).into_iter().map(|(o, _)| o.name.as_str()).collect();
        assert_eq!(names, ["3", "1", "4"]);
        assert_eq!(next_signatory_rank(&list), 3);
        assert_eq!(next_signatory_rank(&[]), 1);
    }

    #[test]
    fn every_kind_has_a_distinct_key_that_round_trips() {
        for kind in OrganisationKind::ALL {
            assert_eq!(OrganisationKind::from_key(kind.key()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.key()));
        }
    }
}
