//! Sharing with partners: export of the contract, import with merge, snapshots, spreadsheets.

mod export;
mod import;
mod preview;
mod snapshots;
mod spreadsheets;

use super::no_contract::RequireContract;
use export::Export;
use import::Import;
use leptos::prelude::*;
use snapshots::{Shelf, SnapshotList};
use spreadsheets::Spreadsheets;

#[component]
pub fn ExchangesScreen() -> impl IntoView {
    let shelf = Shelf::load();
    view! {
        <h1>"Échanges"</h1>
        <RequireContract>
            <Export/>
            <Spreadsheets/>
        </RequireContract>
        <Import shelf/>
        <SnapshotList shelf/>
    }
}
