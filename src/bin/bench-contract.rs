//! Prints a stored workspace holding the generated benchmark contract (100 sheets of 10
//! actions: 1,000 bars on the planning), for `make bench` to put in the browser's storage.

use atelier_cls::model::planning::generated_contract;
use atelier_cls::model::Workspace;

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>());
    let sheets = args.next().and_then(Result::ok).unwrap_or(100);
    let actions = args.next().and_then(Result::ok).unwrap_or(10);
    let mut workspace = Workspace::default();
    workspace.add_contract(generated_contract(sheets, actions));
    println!("{}", atelier_cls::storage::encode(&workspace));
}
