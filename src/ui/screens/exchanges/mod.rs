//! Sharing with partners: export of the contract, import with merge, snapshots, spreadsheets;
//! and keeping one's own work: the one-file backup and the state of the browser's storage.

mod export;
mod import;
mod preview;
mod restore;
pub(crate) mod snapshots;
mod spreadsheets;
mod storage;

use crate::ui::widgets::no_contract::RequireContract;
use export::Export;
use import::Import;
use leptos::prelude::*;
use snapshots::{Shelf, SnapshotList};
use spreadsheets::Spreadsheets;
use storage::StorageAndBackup;

#[component]
pub fn ExchangesScreen() -> impl IntoView {
    let shelf = Shelf::load();
    view! {
        <h1>"Échanges"</h1>
        <RequireContract>
            <Export/>
            <Spreadsheets/>
        </RequireContract>
        <StorageAndBackup/>
        <Import shelf/>
        <SnapshotList shelf/>
    }
}
