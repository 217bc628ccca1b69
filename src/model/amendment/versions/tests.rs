use super::*;
use crate::model::amendment::{sign, signed_version};
use crate::model::example::example_contract;
use proptest::prelude::*;

fn signed() -> Contract {
    let mut contract = example_contract();
    sign(&mut contract, "2025-03-11", "Aurillac", 1).expect("the example signs");
    contract
}

fn fields(object: &str) -> AmendmentFields {
    AmendmentFields { object: object.into(), ..Default::default() }
}

#[test]
fn an_unsigned_contract_has_no_avenant() {
    let mut contract = example_contract();
    assert_eq!(create_amendment(&mut contract, Id::from_u128(9), 2, fields("x")), Err(NotSigned));
    assert!(contract.amendments.is_empty());
}

#[test]
fn an_avenant_freezes_the_version_it_creates_and_takes_the_next_number() {
    let mut contract = signed();
    assert_eq!(next_amendment_number(&contract), 1);
    contract.name = "Version 1".into();
    let typed = AmendmentFields {
        date: Some("2026-03-12".into()),
        meeting_id: Some(Id::from_u128(5)),
        adopted_by: String::new(),
        object: "Report de la fiche 3".into(),
        changes: "Dates".into(),
    };
    assert_eq!(create_amendment(&mut contract, Id::from_u128(10), 3, typed), Ok(1));
    let first = &contract.amendments[0];
    assert_eq!(
        (first.number, first.modified_at, first.object.as_str()),
        (1, 3, "Report de la fiche 3")
    );
    assert_eq!(first.meeting_id, Some(Id::from_u128(5)));
    assert_eq!(first.frozen_copy.as_ref().map(|c| c.name.as_str()), Some("Version 1"));
    assert_eq!(signed_version(&contract).map(|c| c.name.as_str()), Some("Version 1"));
    contract.name = "Version 2".into();
    assert_eq!(create_amendment(&mut contract, Id::from_u128(11), 4, fields("b")), Ok(2));
    let numbers: Vec<u32> = amendments_newest_first(&contract).iter().map(|a| a.number).collect();
    assert_eq!(numbers, [2, 1]);
    assert_eq!(version_before(&contract, 2).map(|c| c.name.as_str()), Some("Version 1"));
    assert_eq!(
        version_before(&contract, 1).map(|c| c.name.as_str()),
        Some(contract.signing.frozen_copy.as_ref().unwrap().name.as_str())
    );
    assert!(contract.amendments[1].frozen_copy.as_ref().unwrap().amendments.is_empty());
}

#[test]
fn an_empty_date_is_none() {
    let mut contract = signed();
    let typed = AmendmentFields { date: Some(" ".into()), ..Default::default() };
    create_amendment(&mut contract, Id::from_u128(12), 3, typed).expect("created");
    assert_eq!(contract.amendments[0].date, None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Whatever numbers a file came with, the next is above them all, and each avenant's
    /// previous version is the frozen copy of the highest number below it, else the signature.
    #[test]
    fn numbers_and_previous_versions(numbers in proptest::collection::vec(1u32..20, 0..6)) {
        let mut contract = signed();
        for (i, n) in numbers.iter().enumerate() {
            let mut amendment = Amendment::new(Id::from_u128(100 + i as u128), *n, 0);
            let mut copy = (*frozen(&contract)).clone();
            copy.name = format!("v{n}");
            amendment.frozen_copy = Some(std::sync::Arc::new(copy));
            contract.amendments.push(amendment);
        }
        let next = next_amendment_number(&contract);
        prop_assert!(numbers.iter().all(|n| *n < next));
        for n in 1..=20u32 {
            let expected = numbers.iter().filter(|m| **m < n).max()
                .map_or_else(|| contract.name.clone(), |m| format!("v{m}"));
            prop_assert_eq!(version_before(&contract, n).map(|c| c.name.clone()), Some(expected));
        }
    }
}
