//! The contract's own texts, apart from its fiches: the legal references (« Vu… »), the
//! preamble and the clauses on duration, revision and termination. Each is free text as the
//! signed document words it; the contract document prints them in that order.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ContractTexts {
    /// « Vu le code de la santé publique… », one reference per line.
    pub legal_references: String,
    /// Why the parties contract: the context and the shared aims.
    pub preamble: String,
    /// The clause on duration (« Le présent contrat prend effet du… »).
    pub duration: String,
    /// The clause on revision (modification by avenant).
    pub revision: String,
    /// The clause on termination (résiliation).
    pub termination: String,
}

impl ContractTexts {
    /// Each text with its French title and the help shown under its field, in document order.
    pub fn sections(&self) -> [(TextSection, &str); 5] {
        TextSection::ALL.map(|section| (section, section.of(self)))
    }
}

/// One of the contract's texts: its title and the help shown under its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextSection {
    LegalReferences,
    Preamble,
    Duration,
    Revision,
    Termination,
}

impl TextSection {
    pub const ALL: [TextSection; 5] =
        [Self::LegalReferences, Self::Preamble, Self::Duration, Self::Revision, Self::Termination];

    pub fn title(self) -> &'static str {
        match self {
            Self::LegalReferences => "Références juridiques (« Vu… »)",
            Self::Preamble => "Préambule",
            Self::Duration => "Durée du contrat",
            Self::Revision => "Révision du contrat",
            Self::Termination => "Résiliation du contrat",
        }
    }

    pub fn help(self) -> &'static str {
        match self {
            Self::LegalReferences => {
                "Les textes sur lesquels le contrat se fonde, un par ligne : « Vu le code de la \
                 santé publique… », « Vu la délibération du… »."
            }
            Self::Preamble => {
                "Le contexte et les objectifs partagés qui conduisent les parties à conclure le \
                 contrat."
            }
            Self::Duration => {
                "Quand le contrat prend effet et quand il prend fin, et s’il peut être prorogé \
                 ou renouvelé."
            }
            Self::Revision => {
                "Comment le contrat peut être modifié en cours de route : par avenant, approuvé \
                 par le comité de pilotage."
            }
            Self::Termination => {
                "Comment une partie peut mettre fin au contrat : forme et préavis."
            }
        }
    }

    pub fn of(self, texts: &ContractTexts) -> &str {
        match self {
            Self::LegalReferences => &texts.legal_references,
            Self::Preamble => &texts.preamble,
            Self::Duration => &texts.duration,
            Self::Revision => &texts.revision,
            Self::Termination => &texts.termination,
        }
    }

    pub fn of_mut(self, texts: &mut ContractTexts) -> &mut String {
        match self {
            Self::LegalReferences => &mut texts.legal_references,
            Self::Preamble => &mut texts.preamble,
            Self::Duration => &mut texts.duration,
            Self::Revision => &mut texts.revision,
            Self::Termination => &mut texts.termination,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_section_reads_and_writes_its_own_text() {
        let mut texts = ContractTexts::default();
        for (n, section) in TextSection::ALL.into_iter().enumerate() {
            *section.of_mut(&mut texts) = n.to_string();
            assert!(!section.help().is_empty() && !section.title().is_empty());
        }
        let read: Vec<&str> = texts.sections().iter().map(|(_, text)| *text).collect();
        assert_eq!(read, ["0", "1", "2", "3", "4"]);
    }
}
