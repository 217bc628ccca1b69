//! Prints a stored workspace holding the generated benchmark contract (100 sheets of 10
//! actions: 1,000 bars on the planning), for `make bench` to put in the browser's storage.
//! With a third argument `suivi`, the contract also has two years of follow-up (bilans,
//! indicator values, amounts spent), for the benchmark of « Suivi ».
//!
//! Usage: `bench-contract [sheets] [actions] [suivi]`.

use atelier_cls::model::follow_up::with_follow_up;
use atelier_cls::model::planning::generated_contract;
use atelier_cls::model::Workspace;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number =
        |rank: usize, default| args.get(rank).and_then(|a| a.parse().ok()).unwrap_or(default);
    let mut contract = generated_contract(number(0, 100), number(1, 10));
    if args.get(2).is_some_and(|a| a == "suivi") {
        with_follow_up(&mut contract);
    }
    let mut workspace = Workspace::default();
    workspace.add_contract(contract);
    println!("{}", atelier_cls::storage::encode(&workspace));
}
