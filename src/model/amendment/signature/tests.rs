use super::*;
use crate::model::example::example_contract;
use crate::model::{Id, Organisation, OrganisationKind, Signatory};
use proptest::prelude::*;

#[test]
fn the_example_can_be_signed_at_once() {
    let contract = example_contract();
    assert_eq!(missing_before_signing(&contract), vec![]);
    assert!(!is_signed(&contract), "the example states a date but froze no copy");
}

#[test]
fn a_blank_contract_lacks_everything_but_its_period() {
    let mut contract = Contract::blank(Id::from_u128(1), " ", 0);
    assert_eq!(
        missing_before_signing(&contract),
        [Missing::Name, Missing::Date, Missing::Place, Missing::Signatory]
    );
    let mut org = Organisation::new(Id::from_u128(2), "ARS", OrganisationKind::Ars, 0);
    org.signatory = Some(Signatory::default());
    contract.organisations.push(org);
    assert!(missing_before_signing(&contract).contains(&Missing::Signatory), "no signer named");
    contract.period.last_year = 2020;
    assert!(missing_before_signing(&contract).contains(&Missing::Period));
}

#[test]
fn signing_records_date_and_place_and_freezes_that_version() {
    let mut contract = example_contract();
    sign(&mut contract, "2025-03-12", " Saint-Flour ", 42).expect("nothing is missing");
    assert_eq!(contract.signing.date.as_deref(), Some("2025-03-12"));
    assert_eq!(contract.signing.place, "Saint-Flour");
    assert_eq!(contract.modified_at, 42);
    let copy = contract.signing.frozen_copy.as_deref().expect("a frozen copy");
    assert_eq!(copy.signing.place, "Saint-Flour");
    assert!(copy.signing.frozen_copy.is_none());
    assert_eq!(copy.sheets, contract.sheets);
}

#[test]
fn signing_twice_is_refused_and_keeps_the_first_copy() {
    let mut contract = example_contract();
    sign(&mut contract, "2025-03-11", "Aurillac", 1).expect("signed");
    contract.name = "Renommé".into();
    let before = contract.clone();
    assert_eq!(sign(&mut contract, "2026-01-01", "Mauriac", 2), Err(SignRefusal::AlreadySigned));
    assert_eq!(contract, before);
}

#[test]
fn an_avenants_frozen_version_counts_as_signed() {
    let mut contract = example_contract();
    let mut amendment = crate::model::Amendment::new(Id::from_u128(3), 1, 0);
    amendment.frozen_copy = Some(crate::model::amendment::frozen(&contract));
    contract.amendments.push(amendment);
    assert!(is_signed(&contract));
    assert_eq!(sign(&mut contract, "2025-03-11", "Aurillac", 2), Err(SignRefusal::AlreadySigned));
}

#[test]
fn a_refusal_says_what_is_missing_and_changes_nothing() {
    let mut contract = example_contract();
    contract.name.clear();
    let before = contract.clone();
    let refused = sign(&mut contract, "11/03/2025", "", 5);
    assert_eq!(
        refused,
        Err(SignRefusal::Missing(vec![Missing::Name, Missing::Date, Missing::Place]))
    );
    assert_eq!(contract, before);
}

#[test]
fn once_signed_the_date_and_place_are_read_only() {
    let mut contract = example_contract();
    set_signing_date(&mut contract, "2025-03-15".into()).expect("not signed yet");
    set_signing_place(&mut contract, "Saint-Flour".into()).expect("not signed yet");
    set_signing_date(&mut contract, String::new()).expect("emptied before signing");
    assert_eq!(contract.signing.date, None);
    sign(&mut contract, "2025-03-15", "Saint-Flour", 1).expect("signed");
    let before = contract.clone();
    assert_eq!(set_signing_date(&mut contract, "2025-04-01".into()), Err(RecordedBySignature));
    assert_eq!(set_signing_place(&mut contract, "Murat".into()), Err(RecordedBySignature));
    assert_eq!(contract, before);
}

#[test]
fn cancelling_the_signature_drops_the_frozen_copy_and_frees_the_date() {
    let mut contract = example_contract();
    assert_eq!(unsign(&mut contract, 2), Err(UnsignRefusal::NotSigned));
    sign(&mut contract, "2025-03-15", "Saint-Flour", 1).expect("signed");
    assert_eq!(why_not_unsignable(&contract), None);
    unsign(&mut contract, 3).expect("no avenant yet");
    assert!(!is_signed(&contract));
    assert_eq!(contract.modified_at, 3);
    assert_eq!(contract.signing.date.as_deref(), Some("2025-03-15"), "kept, to be corrected");
    assert_eq!(contract.signing.place, "Saint-Flour");
    set_signing_date(&mut contract, "2025-04-01".into()).expect("editable again");
    sign(&mut contract, "2025-04-01", "Saint-Flour", 4).expect("signed again");
    assert_eq!(
        contract.signing.frozen_copy.as_ref().unwrap().signing.date.as_deref(),
        Some("2025-04-01")
    );
}

#[test]
fn the_signature_cannot_be_cancelled_under_an_avenant() {
    let mut contract = example_contract();
    sign(&mut contract, "2025-03-15", "Saint-Flour", 1).expect("signed");
    let fields = crate::model::amendment::AmendmentFields::default();
    crate::model::amendment::create_amendment(&mut contract, Id::from_u128(9), 2, fields)
        .expect("signed");
    let before = contract.clone();
    assert_eq!(unsign(&mut contract, 3), Err(UnsignRefusal::Amendments(vec![1])));
    assert_eq!(contract, before);
    assert_eq!(
        why_not_unsignable(&contract).as_deref(),
        Some("La signature ne peut plus être annulée : l’avenant n°1 s’appuie sur elle. Pour changer ce qu’elle a enregistré, passez par un avenant.")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Whatever is typed, signing either freezes a copy equal to the contract signed, or leaves
    /// the contract untouched; it succeeds exactly when the date is real and the place given.
    #[test]
    fn signing_freezes_exactly_what_was_signed(date in "[0-9-]{0,10}|20[0-9]{2}-0[1-9]-[0-2][1-9]",
                                                place in "[ a-zA-Zé-]{0,12}") {
        let mut contract = example_contract();
        let before = contract.clone();
        match sign(&mut contract, &date, &place, 7) {
            Ok(()) => {
                prop_assert!(is_iso_date(date.trim()) && !place.trim().is_empty());
                let copy = contract.signing.frozen_copy.clone().expect("frozen");
                let mut live = contract.clone();
                live.signing.frozen_copy = None;
                prop_assert_eq!(&*copy, &live);
            }
            Err(_) => {
                prop_assert!(!is_iso_date(date.trim()) || place.trim().is_empty());
                prop_assert_eq!(contract, before);
            }
        }
    }
}
