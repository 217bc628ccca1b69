//! The reference of a row of a collection spreadsheet: « action:2025:<id> ». Written in a
//! column of its own, it finds the row again however the lead sorted, moved or filtered the
//! rows, and says which year the answer is for, so that last year's file sent back by mistake is
//! told apart. The ids are the model's own (they never change); the words are French because a
//! lead sees them.

use crate::model::Id;
use std::fmt;

/// What a row is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// The lead the file was made for (on the « Mode d’emploi » sheet).
    Lead(Id),
    /// A fiche's own bilan.
    Sheet(Id),
    Action(Id),
    Indicator(Id),
    /// A funding line.
    Funding(Id),
}

impl Target {
    fn word(self) -> &'static str {
        match self {
            Target::Lead(_) => "pilote",
            Target::Sheet(_) => "fiche",
            Target::Action(_) => "action",
            Target::Indicator(_) => "indicateur",
            Target::Funding(_) => "financement",
        }
    }

    pub fn id(self) -> Id {
        match self {
            Target::Lead(id)
            | Target::Sheet(id)
            | Target::Action(id)
            | Target::Indicator(id)
            | Target::Funding(id) => id,
        }
    }
}

/// A row's reference: the year asked and what the row is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reference {
    pub year: i32,
    pub target: Target,
}

impl Reference {
    pub fn new(year: i32, target: Target) -> Self {
        Reference { year, target }
    }

    /// Reads a reference back: spaces around and the case of the word do not matter (a
    /// spreadsheet may capitalise a cell's first letter); anything else is `None`.
    pub fn parse(text: &str) -> Option<Reference> {
        let mut parts = text.trim().splitn(3, ':');
        let (word, year, id) = (parts.next()?, parts.next()?, parts.next()?);
        let year: i32 = year.trim().parse().ok()?;
        let id = Id::parse(id.trim())?;
        let target = match word.trim().to_lowercase().as_str() {
            "pilote" => Target::Lead(id),
            "fiche" => Target::Sheet(id),
            "action" => Target::Action(id),
            "indicateur" => Target::Indicator(id),
            "financement" => Target::Funding(id),
            _ => return None,
        };
        Some(Reference { year, target })
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.target.word(), self.year, self.target.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_reference_reads_in_french_and_tolerates_what_a_spreadsheet_does_to_it() {
        let id = Id::from_u128(0x1234);
        let reference = Reference::new(2025, Target::Action(id));
        let text = reference.to_string();
        assert_eq!(text, format!("action:2025:{id}"));
        assert_eq!(Reference::parse(&format!("  Action:2025:{id} ")), Some(reference));
        assert_eq!(
            Reference::parse(&format!("ACTION:2025:{}", id.to_string().to_uppercase())),
            Some(reference)
        );
        assert_eq!(Reference::parse("action:2025"), None);
        assert_eq!(Reference::parse(&format!("tâche:2025:{id}")), None);
        assert_eq!(Reference::parse(&format!("action:deux:{id}")), None);
        assert_eq!(Reference::parse("action:2025:pas-un-id"), None);
        assert_eq!(Reference::parse(""), None);
    }

    fn target() -> impl Strategy<Value = Target> {
        (0u8..5, any::<u128>()).prop_map(|(kind, n)| {
            let id = Id::from_u128(n);
            match kind {
                0 => Target::Lead(id),
                1 => Target::Sheet(id),
                2 => Target::Action(id),
                3 => Target::Indicator(id),
                _ => Target::Funding(id),
            }
        })
    }

    proptest! {
        #[test]
        fn every_reference_reads_back_as_itself(year in any::<i32>(), target in target()) {
            let reference = Reference::new(year, target);
            prop_assert_eq!(Reference::parse(&reference.to_string()), Some(reference));
        }
    }
}
