//! The kinds of stakeholder a workshop hears: the colour of a sticky note on the board, always
//! said in words too (never by colour alone), and a column of the notes' CSV.

use crate::model::closed_list::closed_list;

closed_list! {
    /// Who speaks through a note: the kinds seed 002 lists for its concertations.
    StakeholderKind {
        Elected => ("elected", "Élu"),
        HealthProfessional => ("health_professional", "Professionnel de santé"),
        Association => ("association", "Association"),
        Institution => ("institution", "Institution"),
        Resident => ("resident", "Habitant"),
        Other => ("other", "Autre"),
    }
}

impl StakeholderKind {
    /// A short word shown on the note beside its colour (« Élu », « Pro santé »), so that the
    /// kind reads without colour and fits a sticky note seen from the back of a room.
    pub fn short_label(self) -> &'static str {
        match self {
            Self::HealthProfessional => "Pro santé",
            other => other.label(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_distinct_key_and_a_typographic_label() {
        let keys: std::collections::HashSet<_> =
            StakeholderKind::ALL.iter().map(|k| k.key()).collect();
        assert_eq!(keys.len(), 6);
        for kind in StakeholderKind::ALL {
            crate::model::typography::assert_typographic(kind.key(), kind.label());
            assert_eq!(StakeholderKind::from_key(kind.key()), Some(*kind));
            assert!(!kind.short_label().is_empty());
        }
    }
}
