//! Prints a stored workspace holding the generated benchmark contract (100 sheets of 10
//! actions: 1,000 bars on the planning), for `make bench` to put in the browser's storage.
//! With a third argument `suivi`, the contract also has two years of follow-up (bilans,
//! indicator values, amounts spent), for the benchmark of « Suivi »; with a fourth, a number
//! N, it is signed and has N avenants, each changing a fiche's title (the storage benchmark).
//! `bench-contract demonstration N` prints the demonstration, signed, with N avenants.
//!
//! The workspace is printed with its frozen copies inline, as older versions stored it: the
//! app reads it, then stores it its own way at the first save. With `BENCH_STORED=1`, what the
//! app stores is printed instead: a JSON object of local storage's keys and values (the
//! workspace, its frozen copies apart), for a contract too large to be stored inline.
//!
//! Usage: `bench-contract [sheets] [actions] [suivi] [avenants]`,
//! `bench-contract demonstration [avenants]`.

use atelier_cls::exchange::demonstration::demonstration_contract;
use atelier_cls::model::amendment::{create_amendment, frozen};
use atelier_cls::model::follow_up::with_follow_up;
use atelier_cls::model::planning::generated_contract;
use atelier_cls::model::{Contract, Id, Workspace};
use atelier_cls::storage::frozen::FrozenCopies;
use atelier_cls::storage::{encode_apart, WORKSPACE_KEY};
use std::collections::BTreeMap;

const DEMONSTRATION: &[u8] = include_bytes!("../../examples/cls-demonstration-2024-2028.json");

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number =
        |rank: usize, default| args.get(rank).and_then(|a| a.parse().ok()).unwrap_or(default);
    let (mut contract, avenants) = if args.first().is_some_and(|a| a == "demonstration") {
        (demonstration_contract(DEMONSTRATION).expect("the demonstration loads"), number(1, 0))
    } else {
        let mut contract = generated_contract(number(0, 100), number(1, 10));
        if args.get(2).is_some_and(|a| a == "suivi") {
            with_follow_up(&mut contract);
        }
        (contract, number(3, 0))
    };
    if avenants > 0 {
        sign_with_avenants(&mut contract, avenants);
    }
    let mut workspace = Workspace::default();
    workspace.add_contract(contract);
    if std::env::var("BENCH_STORED").is_ok_and(|v| v == "1") {
        // Deflated, as a page stores them once a part loaded on demand gave it the code.
        let copies = &mut FrozenCopies::in_memory();
        copies.set_deflate(atelier_cls::storage::compressed::compress);
        let text = encode_apart(&workspace, copies);
        let mut stored: BTreeMap<String, String> = copies.take_unwritten().into_iter().collect();
        stored.insert(WORKSPACE_KEY.to_string(), text);
        println!("{}", serde_json::to_string(&stored).expect("text serialises"));
    } else {
        println!("{}", atelier_cls::storage::encode(&workspace));
    }
}

/// Signs `contract` (2025-03-11, Aurillac) and makes `avenants` avenants, each after a change
/// of one fiche's title. The demonstration comes signed with an avenant of its own, set aside
/// here so that the contract has exactly `avenants`, as the benchmark's figures assume.
fn sign_with_avenants(contract: &mut Contract, avenants: usize) {
    contract.amendments.clear();
    contract.signing.date = Some("2025-03-11".into());
    contract.signing.place = "Aurillac".into();
    contract.signing.frozen_copy = Some(frozen(contract));
    for n in 1..=avenants {
        let count = contract.sheets.len().max(1);
        if let Some(sheet) = contract.sheets.get_mut(n % count) {
            sheet.title.push_str(&format!(" (avenant n°{n})"));
        }
        let id = Id::from_u128(0xbe0c_0000 + n as u128);
        create_amendment(contract, id, n as i64, Default::default()).expect("signed");
    }
}
