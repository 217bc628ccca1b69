use super::*;
use crate::model::example::demonstration;
use crate::model::review::YearReview;
use crate::model::{ActionSheet, Id, YearMonth};
use proptest::prelude::*;

/// The demonstration contract (eight fiches with dated actions), twice.
fn signed_example() -> (Contract, Contract) {
    let contract = demonstration();
    (contract.clone(), contract)
}

fn third_sheet(contract: &mut Contract) -> &mut ActionSheet {
    let id = contract.sheets_in_axis_order()[2].id;
    contract.sheets.iter_mut().find(|s| s.id == id).expect("the example has eight fiches")
}

#[test]
fn nothing_changed_gives_nothing() {
    let (before, after) = signed_example();
    assert!(changes_between(&before, &after).is_empty());
}

#[test]
fn a_fiches_new_dates_and_objective_are_grouped_under_its_number() {
    let (before, mut after) = signed_example();
    let sheet = third_sheet(&mut after);
    let title = sheet.title.clone();
    sheet.actions[0].end = Some(YearMonth::new(2028, 12).expect("a month"));
    sheet.specific_objectives[0].text = "Former 40 animateurs".into();
    let groups = changes_between(&before, &after);
    assert_eq!(groups.len(), 1, "{groups:#?}");
    let group = &groups[0];
    assert_eq!(group.title, format!("Fiche action n°3 — {title}"));
    assert_eq!(group.change, Change::Changed);
    assert_eq!(group.fields.len(), 2, "{:#?}", group.fields);
    assert!(group.fields.iter().any(|f| f.field.ends_with("› Fin") && f.theirs == "décembre 2028"));
    assert!(group.fields.iter().any(|f| f.theirs == "Former 40 animateurs"));
}

#[test]
fn the_follow_up_signature_and_avenants_are_not_changes() {
    let (mut before, mut after) = signed_example();
    before.signing.frozen_copy = Some(frozen(&before));
    third_sheet(&mut after).reviews.push(YearReview::new(2025));
    third_sheet(&mut after).actions[0].reviews.push(YearReview::new(2026));
    after.signing.frozen_copy = Some(frozen(&before));
    after.amendments.push(crate::model::Amendment::new(Id::from_u128(9), 1, 0));
    assert!(changes_between(&before, &after).is_empty());
}

#[test]
fn added_and_removed_fiches_are_said_so_the_contract_first() {
    let (before, mut after) = signed_example();
    after.name = "CLS du Bassin d’Aurillac 2024-2028 (avenant)".into();
    let removed = after.sheets.remove(0);
    let mut added = ActionSheet::new(Id::from_u128(77), "Prévention des chutes", 0);
    added.axis_id = after.axes.last().map(|a| a.id);
    after.sheets.push(added);
    let groups = changes_between(&before, &after);
    let summary: Vec<(&str, Change)> =
        groups.iter().map(|g| (g.title.as_str(), g.change)).collect();
    assert_eq!(summary[0], ("Le contrat", Change::Changed));
    assert!(summary
        .iter()
        .any(|(t, c)| t.ends_with("Prévention des chutes") && *c == Change::Added));
    let gone = groups.iter().find(|g| g.change == Change::Removed).expect("a removed fiche");
    assert!(gone.title.ends_with(&removed.title) && gone.fields.is_empty());
    assert_eq!(Change::Removed.label(gone.kind), "supprimée");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]
    /// Moving any action's end gives exactly one group, the fiche's, naming « Fin ».
    #[test]
    fn any_moved_end_is_one_change_of_its_fiche(pick in 0usize..47, month in 1u8..=12) {
        let (before, mut after) = signed_example();
        let actions: Vec<(usize, usize)> = after.sheets.iter().enumerate()
            .flat_map(|(s, sheet)| (0..sheet.actions.len()).map(move |a| (s, a))).collect();
        let (s, a) = actions[pick % actions.len()];
        let action = &mut after.sheets[s].actions[a];
        let moved = YearMonth::new(2030, month).expect("a month");
        prop_assume!(action.end != Some(moved));
        action.end = Some(moved);
        let groups = changes_between(&before, &after);
        prop_assert_eq!(groups.len(), 1);
        prop_assert_eq!(groups[0].kind, ItemKind::Sheet);
        prop_assert!(groups[0].fields.iter().all(|f| f.field.ends_with("Fin")));
    }
}

#[test]
fn a_meeting_held_after_signature_is_not_a_change() {
    let (before, mut after) = signed_example();
    let mut meeting = after.governance.meetings[0].clone();
    meeting.id = Id::from_u128(404);
    after.governance.meetings.push(meeting);
    assert!(changes_between(&before, &after).is_empty());
}
