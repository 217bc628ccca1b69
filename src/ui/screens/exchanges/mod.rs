//! Sharing with partners: export of the contract, import with merge, snapshots, spreadsheets.

mod export;
mod spreadsheets;

use super::no_contract::RequireContract;
use export::Export;
use leptos::prelude::*;

#[component]
pub fn ExchangesScreen() -> impl IntoView {
    view! {
        <h1>"Échanges"</h1>
        <RequireContract>
            <Export/>
            <spreadsheets::Spreadsheets/>
        </RequireContract>
    }
}

