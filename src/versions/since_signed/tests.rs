use super::*;
use crate::model::amendment::{create_amendment, frozen, AmendmentFields};
use crate::model::example::demonstration;
use crate::model::review::YearReview;
use crate::model::{Body, Meeting, YearMonth};
use crate::versions::amendment_changes::Change;
use crate::versions::edits::{apply, base, edit, Edit};
use proptest::prelude::*;

/// The demonstration (fiches with dated actions), with a frozen copy as if signed as it now
/// stands, without its avenant.
fn signed() -> Contract {
    let mut contract = demonstration();
    contract.amendments.clear();
    contract.signing.frozen_copy = Some(frozen(&contract));
    contract
}

#[test]
fn nothing_is_pending_before_signing_or_right_after() {
    let mut contract = signed();
    assert!(pending_changes(&contract).is_empty() && changed_sheets(&contract).is_empty());
    contract.signing.frozen_copy = None;
    contract.name = "Autre".into();
    assert!(pending_changes(&contract).is_empty() && changed_sheets(&contract).is_empty());
}

#[test]
fn a_fiches_new_end_is_pending_marked_and_listed_then_recorded_by_the_avenant() {
    let mut contract = signed();
    let id = contract.sheets[1].id;
    contract.sheets[1].actions[0].end = Some(YearMonth::new(2028, 12).expect("a month"));
    contract.sheets[1].reviews.push(YearReview::new(2025));
    contract.sheets[2].reviews.push(YearReview::new(2025));
    assert_eq!(changed_sheets(&contract), HashSet::from([id]));
    let SheetSince::Changed(fields) = sheet_since_signed(&contract, id) else {
        panic!("the fiche changed")
    };
    assert_eq!(fields.len(), 1);
    assert_eq!(fields[0].theirs, "décembre 2028");
    let pending = pending_changes(&contract);
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].fields, fields, "the fiche's notice and the avenant say the same");
    let text = summary(&pending);
    assert!(
        text.starts_with("Fiche action n°")
            && text.contains("(modifiée) : ")
            && text.ends_with("Fin")
    );
    create_amendment(&mut contract, Id::random(), 5, AmendmentFields::default()).expect("signed");
    assert!(pending_changes(&contract).is_empty() && changed_sheets(&contract).is_empty());
    assert_eq!(amendment_changes(&contract, 1), pending);
    assert!(amendment_changes(&contract, 2).is_empty());
}

#[test]
fn a_new_fiche_is_added() {
    let mut contract = signed();
    let sheet = ActionSheet::new(Id::from_u128(77), "Prévention des chutes", 0);
    contract.sheets.push(sheet);
    assert_eq!(sheet_since_signed(&contract, Id::from_u128(77)), SheetSince::Added);
    let pending = pending_changes(&contract);
    assert_eq!(pending[0].change, Change::Added);
    assert!(summary(&pending).contains("(ajoutée)"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    /// The list's markers are exactly the fiches the pending changes list.
    #[test]
    fn markers_match_the_pending_changes(edits in proptest::collection::vec((0usize..8, 0u8..3), 0..4)) {
        let mut contract = signed();
        for (sheet, what) in edits {
            let count = contract.sheets.len();
            let sheet = &mut contract.sheets[sheet % count];
            match what {
                0 => sheet.title.push('!'),
                1 => sheet.reviews.push(YearReview::new(2027)),
                _ => sheet.modified_at += 1,
            }
        }
        let marked = changed_sheets(&contract);
        let sheet_groups = pending_changes(&contract).iter().filter(|g| g.kind == ItemKind::Sheet).count();
        prop_assert_eq!(marked.len(), sheet_groups);
    }
}

#[test]
fn nothing_changed_counts_nothing_before_signing_either() {
    let mut contract = signed();
    assert_eq!(pending_count(&contract), 0);
    contract.signing.frozen_copy = None;
    contract.name = "Autre".into();
    assert_eq!(pending_count(&contract), 0, "not signed");
}

#[test]
fn time_stamps_alone_count_nothing() {
    let mut contract = signed();
    contract.modified_at += 1;
    contract.sheets[0].modified_at += 1;
    contract.sheets[0].actions[0].modified_at += 1;
    contract.organisations[0].modified_at += 1;
    contract.axes[0].modified_at += 1;
    assert_eq!(pending_count(&contract), 0);
    assert!(pending_changes(&contract).is_empty());
}

/// Asking the leads for their bilan and recording their answers is living with the contract:
/// no avenant records it, and a frozen copy does not carry it.
#[test]
fn the_collection_after_signing_is_follow_up_not_a_change() {
    let mut contract = signed();
    let organisation = contract.organisations[0].id;
    let choice = crate::model::collection::RecipientChoice::Removed;
    contract.collection_mut(2025).recipient_mut(organisation, choice).sent_on =
        Some("2026-01-15".into());
    assert_eq!(pending_count(&contract), 0);
    assert!(pending_changes(&contract).is_empty());
    assert!(frozen(&contract).collections.is_empty());
}

#[test]
fn an_amount_spent_after_signing_is_follow_up_not_a_change() {
    let mut contract = signed();
    let sheet = contract.sheets.iter_mut().find(|s| !s.funding.is_empty()).expect("funded");
    let id = sheet.id;
    sheet.funding[0].actual_euros = Some(sheet.funding[0].actual_euros.unwrap_or(0) + 1_234);
    assert_eq!(pending_count(&contract), 0);
    assert!(pending_changes(&contract).is_empty());
    assert!(changed_sheets(&contract).is_empty());
    assert!(matches!(sheet_since_signed(&contract, id), SheetSince::Unchanged));
    // The amount planned is the contract's word: an avenant changes it.
    let sheet = contract.sheets.iter_mut().find(|s| s.id == id).expect("there");
    sheet.funding[0].planned_euros = Some(sheet.funding[0].planned_euros.unwrap_or(0) + 1_000);
    assert_eq!(pending_count(&contract), 1);
    let changes = pending_changes(&contract);
    assert_eq!(changes.len(), 1);
    assert!(changes[0].fields.iter().all(|f| !f.field.contains("Dépensé")), "{changes:?}");
}

#[test]
fn a_fiche_and_the_contracts_name_count_two() {
    let mut contract = signed();
    contract.name.push_str(" (avenant)");
    contract.sheets[3].actions[0].end = Some(YearMonth::new(2029, 6).expect("a month"));
    contract.sheets[5].reviews.push(YearReview::new(2026));
    assert_eq!(pending_count(&contract), 2);
    assert_eq!(pending_changes(&contract).len(), 2);
}

/// An edit after signing: one of the exchange's (fiches, organisations, findings, indicators,
/// the follow-up), or what they lack here: time stamps only, dates, meetings held, axes and
/// governance, an edit undone, an avenant that records what is pending.
#[derive(Clone, Debug)]
enum Step {
    Exchange(Edit),
    Touch(usize),
    MoveEnd(usize, u8),
    HoldMeeting,
    RenameAxis(usize),
    Duties(usize),
    Role(usize),
    Undone(usize),
    SignedPlace,
    Amend,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => edit(0).prop_map(Step::Exchange),
        2 => any::<usize>().prop_map(Step::Touch),
        2 => (any::<usize>(), 1u8..=12).prop_map(|(s, m)| Step::MoveEnd(s, m)),
        1 => Just(Step::HoldMeeting),
        1 => any::<usize>().prop_map(Step::RenameAxis),
        1 => any::<usize>().prop_map(Step::Duties),
        1 => any::<usize>().prop_map(Step::Role),
        1 => any::<usize>().prop_map(Step::Undone),
        1 => Just(Step::SignedPlace),
        1 => Just(Step::Amend),
    ]
}

fn take(step: &Step, contract: &mut Contract) {
    let pick = |n: usize, len: usize| n % len.max(1);
    let sheets = contract.sheets.len();
    match step {
        Step::Exchange(edit) => apply(contract, edit),
        Step::Touch(n) => {
            contract.modified_at += 1;
            if let Some(sheet) = contract.sheets.get_mut(pick(*n, sheets)) {
                sheet.modified_at += 1;
                sheet.actions.iter_mut().for_each(|a| a.modified_at += 1);
            }
            contract.organisations.iter_mut().for_each(|o| o.modified_at += 1);
        }
        Step::MoveEnd(n, month) => {
            let count = contract.sheets.iter().map(|s| s.actions.len()).sum();
            let mut actions = contract.sheets.iter_mut().flat_map(|s| s.actions.iter_mut());
            if let Some(action) = actions.nth(pick(*n, count)) {
                action.end = YearMonth::new(2028, *month);
            }
        }
        Step::HoldMeeting => contract.governance.meetings.push(Meeting {
            id: Id::random(),
            modified_at: 3,
            body: Body::SteeringCommittee,
            body_id: None,
            date: "2026-03-12".into(),
            notes: "COPIL annuel".into(),
        }),
        Step::RenameAxis(n) => {
            let count = contract.axes.len();
            contract.axes[pick(*n, count)].title.push('!');
        }
        Step::Duties(n) => {
            let count = contract.governance.bodies.len();
            contract.governance.bodies[pick(*n, count)].duties.push_str(" Suivi.");
        }
        Step::Role(n) => {
            let count = contract.governance.members.len();
            contract.governance.members[pick(*n, count)].role.push('.');
        }
        Step::Undone(n) => {
            if let Some(sheet) = contract.sheets.get_mut(pick(*n, sheets)) {
                let title = sheet.title.clone();
                sheet.title.push('!');
                sheet.modified_at += 1;
                sheet.title = title;
            }
        }
        Step::SignedPlace => contract.signing.place.push('.'),
        Step::Amend => {
            create_amendment(contract, Id::random(), 7, AmendmentFields::default())
                .expect("signed");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// The contract screen's count is always the number of groups of the pending changes.
    #[test]
    fn the_count_is_the_pending_changes(steps in proptest::collection::vec(step(), 0..8)) {
        let mut contract = base();
        contract.signing.frozen_copy = Some(frozen(&contract));
        for step in &steps {
            take(step, &mut contract);
        }
        prop_assert_eq!(pending_count(&contract), pending_changes(&contract).len());
    }
}
