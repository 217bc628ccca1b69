//! The app's parts loaded on demand (`ui/on_demand.rs` says how they load), one split point per
//! screen, in four parts: writing the contract (« Contrat », the fiches, « Signature et
//! avenants »), living with it (« Planning », « Suivi » and the documents), « Échanges », and
//! the yearly collection's spreadsheets (« Collecte » in « Suivi »). The
//! contract list is in the first part, which every visit loads.
//!
//! Why three and not one per screen: the splitter puts the code that several parts share into a
//! `chunk` per set of parts that share it, fetched with the first of them. One part per area made
//! 91 chunks and up to 60 requests for one screen; three parts make at most four chunks, so
//! a screen costs its part and at most three chunks, fetched at once (bench/SIZE.md).
//!
//! Every split point also gives the page the deflate code of frozen copies (`provide_deflate`):
//! the code that signs, makes avenants or imports is in these parts, and the first visit only
//! inflates. The tab merge's split point is beside its only user (`platform::tabs`), which
//! screens import.
//!
//! `scripts/wasm-split.sh` names each part's file after the first argument of its `wasm_split`
//! (`split_<part>-<build hash>.wasm`, `chunk_<n>-<build hash>.wasm`).

use super::on_demand::{PartUnavailable, PartView};
use super::screens::follow_up::collection::CollectionScreen;
use super::screens::{
    ContractDocumentScreen, ContractScreen, EvaluationScreen, ExchangesScreen, FollowUpScreen,
    PlanningScreen, ReportScreen, SheetScreen, SheetsScreen, SignatureScreen,
};
use crate::exchange::demonstration::{demonstration_contract, LoadFailure};
use crate::exchange::import::{check_any, CheckedFile, ImportProblem};
use crate::model::example::example_contract;
use crate::model::Contract;
use crate::storage::local::provide_deflate;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

/// Declares the split point of a screen: an async function giving its view from `part`.
macro_rules! split_point {
    ($name:ident, $part:ident, $screen:ident) => {
        #[wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name() -> PartView {
            provide_deflate();
            Ok(view! { <$screen/> }.into_any())
        }
    };
}

split_point!(contract, writing, ContractScreen);
split_point!(sheets, writing, SheetsScreen);
split_point!(sheet, writing, SheetScreen);
split_point!(signature, writing, SignatureScreen);
split_point!(planning, living, PlanningScreen);
split_point!(follow_up, living, FollowUpScreen);
split_point!(report, living, ReportScreen);
split_point!(evaluation, living, EvaluationScreen);
split_point!(contract_document, living, ContractDocumentScreen);
split_point!(exchanges, exchanges, ExchangesScreen);
// « Collecte » (a part of « Suivi »): the spreadsheets' writers and readers (rust_xlsxwriter,
// calamine, zip) are most of its weight, and nothing else needs them (bench/SIZE.md).
split_point!(collection, collecting, CollectionScreen);

// What reads files lives with « Échanges », whose screen needs it anyway: the first visit does not
// pay for the import's checks nor for the code that builds the example, and loading the example,
// the demonstration or a dropped file costs the « Échanges » part once.

/// The example contract (seed 001), built by code only its button needs.
#[wasm_split(exchanges, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn example() -> Result<Contract, PartUnavailable> {
    provide_deflate();
    Ok(example_contract())
}

/// The demonstration's file read and checked (`exchange::demonstration`).
#[wasm_split(exchanges, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn demonstration(bytes: Vec<u8>) -> Result<Result<Contract, LoadFailure>, PartUnavailable> {
    provide_deflate();
    Ok(demonstration_contract(&bytes))
}

/// A file that arrived (picked, pasted or dropped anywhere) checked by the import.
#[wasm_split(exchanges, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn check_file(
    bytes: Vec<u8>,
) -> Result<Result<CheckedFile, Vec<ImportProblem>>, PartUnavailable> {
    provide_deflate();
    Ok(check_any(&bytes))
}
