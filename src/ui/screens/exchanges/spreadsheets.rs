//! Downloading the open contract as three CSV tables (fiches action, actions, indicators) for
//! people who work in Excel or LibreOffice rather than in the app.

use crate::exchange::file_name::contract_slug;
use crate::exchange::spreadsheet::{actions_csv, indicators_csv, sheets_csv};
use crate::model::Contract;
use crate::ui::platform::download::{download, today_iso};
use crate::ui::state::AppState;
use crate::ui::widgets::notices::Level;
use leptos::prelude::*;

/// Downloads `cls-<territoire>-<what>-<date>.csv` made by `table` from the open contract.
fn save_table(state: AppState, what: &str, table: fn(&Contract) -> String) {
    let file = state.workspace.with_untracked(|ws| {
        ws.active()
            .map(|c| (format!("cls-{}-{what}-{}.csv", contract_slug(c), today_iso()), table(c)))
    });
    if let Some((name, text)) = file {
        if let Err(message) = download(&name, "text/csv;charset=utf-8", &text) {
            state.notices.push(Level::Error, message);
        }
    }
}

#[component]
pub fn Spreadsheets() -> impl IntoView {
    let state = AppState::get();
    let sheets = move |_| save_table(state, "fiches", sheets_csv);
    let actions = move |_| save_table(state, "actions", actions_csv);
    let indicators = move |_| save_table(state, "indicateurs", indicators_csv);
    view! {
        <section aria-labelledby="tableurs">
            <h2 id="tableurs">"Tableaux pour tableur (CSV)"</h2>
            <p>"Trois tableaux à ouvrir dans Excel ou LibreOffice, pour les partenaires qui travaillent sans l’application : une ligne par fiche action, par action ou par indicateur."</p>
            <div class="actions">
                <button type="button" class="secondary" on:click=sheets>"Télécharger les fiches action (CSV)"</button>
                <button type="button" class="secondary" on:click=actions>"Télécharger les actions (CSV)"</button>
                <button type="button" class="secondary" on:click=indicators>"Télécharger les indicateurs (CSV)"</button>
            </div>
        </section>
    }
}
