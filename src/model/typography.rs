//! Guard on the French the app writes itself: the screens use the typographic apostrophe
//! (« n’a pas », U+2019), so every message, label and hint built in Rust must too. A straight
//! one (') typed by habit in a new message fails these tests instead of showing up, mixed with
//! the other kind, on a screen or in a printed document.
//!
//! Here: the shared check, and the guard over the lists of labels that can be enumerated
//! (closed lists, the fiche checklist, the sections of the contract's texts, what signing
//! needs). Validation's messages have their own guard in `validation/typography.rs`, over
//! contracts broken in every way it checks.

/// Panics unless `text`, which the app wrote for `source`, has no straight apostrophe.
pub(crate) fn assert_typographic(source: &str, text: &str) {
    assert!(
        !text.contains('\''),
        "{source}: « {text} » has a straight apostrophe ('): write ’ (U+2019) as the screens do"
    );
}

mod tests {
    use super::assert_typographic;
    use crate::model::amendment::Missing;
    use crate::model::completeness::{checklist, CompletenessFilter, Criterion};
    use crate::model::contract_texts::TextSection;
    use crate::model::planning::Scale;
    use crate::model::reference::{Determinant, HealthField, PlanLink};
    use crate::model::{
        Action, ActionSheet, Body, FindingCategory, Frequency, FundingKind, Id, Indicator,
        IndicatorKind, IndicatorScale, OrganisationKind, Participation, Priority, ReviewStatus,
        SheetKind, SpecificObjective,
    };

    /// Checks every label of a closed list (`closed_list!` or a hand-written `ALL`).
    fn labels<T: Copy + std::fmt::Debug>(all: &[T], label: fn(T) -> &'static str) {
        for value in all {
            assert_typographic(&format!("{value:?}"), label(*value));
        }
    }

    #[test]
    fn closed_lists_are_labelled_with_typographic_apostrophes() {
        labels(HealthField::ALL, HealthField::label);
        labels(Determinant::ALL, Determinant::label);
        labels(PlanLink::ALL, PlanLink::label);
        labels(SheetKind::ALL, SheetKind::label);
        labels(Priority::ALL, Priority::label);
        labels(Participation::ALL, Participation::label);
        labels(IndicatorKind::ALL, IndicatorKind::label);
        labels(IndicatorScale::ALL, IndicatorScale::label);
        labels(Frequency::ALL, Frequency::label);
        labels(FundingKind::ALL, FundingKind::label);
        labels(Body::ALL, Body::label);
        labels(ReviewStatus::ALL, ReviewStatus::label);
        labels(&FindingCategory::ALL, FindingCategory::label);
        labels(&OrganisationKind::ALL, OrganisationKind::label);
        labels(&Scale::ALL, Scale::label);
        labels(&Criterion::ALL, Criterion::label);
        labels(&CompletenessFilter::ALL, CompletenessFilter::label);
        labels(&Missing::ALL, Missing::label);
        labels(&TextSection::ALL, TextSection::title);
        labels(&TextSection::ALL, TextSection::help);
    }

    /// Every hint of the checklist: an empty fiche misses everything; a half-filled one gets
    /// the other wording of each criterion (one or several undated actions, a target without
    /// a source, a general objective without specific ones and the reverse).
    #[test]
    fn checklist_hints_use_typographic_apostrophes() {
        let id = Id::from_u128;
        let empty = ActionSheet::new(id(1), "Fiche vide", 0);
        let mut half = empty.clone();
        half.general_objective = "Réduire les délais".into();
        half.actions = vec![Action::new(id(2), "Première", 0), Action::new(id(3), "Deuxième", 0)];
        half.indicators = IndicatorKind::ALL
            .iter()
            .enumerate()
            .map(|(n, kind)| Indicator::new(id(10 + n as u128), *kind, "Sans source", 0))
            .collect();
        let mut other = half.clone();
        other.general_objective.clear();
        other.specific_objectives = vec![SpecificObjective {
            id: id(4),
            modified_at: 0,
            strategic_objective_id: None,
            text: "Mieux orienter".into(),
        }];
        other.actions.truncate(1);
        let mut hints = 0;
        for sheet in [&empty, &half, &other] {
            for check in checklist(sheet) {
                assert_typographic(check.label, check.label);
                assert_typographic(check.label, &check.hint);
                hints += usize::from(!check.hint.is_empty());
            }
        }
        assert!(hints >= 15, "the three fiches miss most criteria: {hints} hints");
    }
}
