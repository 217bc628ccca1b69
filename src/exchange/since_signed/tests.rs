use super::*;
use crate::exchange::amendment_changes::Change;
use crate::exchange::demonstration::demonstration_contract;
use crate::model::amendment::{create_amendment, frozen, AmendmentFields};
use crate::model::review::YearReview;
use crate::model::YearMonth;
use proptest::prelude::*;

/// The demonstration (fiches with dated actions), with a frozen copy as if signed.
fn signed() -> Contract {
    let file = include_str!("../../../examples/cls-demonstration-2024-2028.json");
    let mut contract = demonstration_contract(file.as_bytes()).expect("the demonstration loads");
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
