//! Downloading the collection's spreadsheets: the format chosen once for every lead, one lead's
//! file, or every asked lead's at once in a `.zip`.

use crate::exchange::collection::{all_files, lead_file, SheetFile, SheetFormat};
use crate::model::{Contract, Id};
use crate::ui::platform::download::download_bytes;
use crate::ui::state::AppState;
use crate::ui::widgets::notices::Level;
use leptos::prelude::*;

/// Downloads the file `make` writes from the open contract, or says why it cannot.
fn save(state: AppState, make: impl FnOnce(&Contract) -> Result<Option<SheetFile>, String>) {
    let made = state.with_contract(make).unwrap_or(Ok(None));
    let saved = made.and_then(|file| match file {
        Some(file) => download_bytes(&file.name, file.media_type, &file.bytes),
        None => Err("Personne n’est sollicité cette année : aucun tableau à télécharger.".into()),
    });
    if let Err(message) = saved {
        state.notices.push(Level::Error, message);
    }
}

/// Downloads `lead`'s spreadsheet of `year` in `format`.
pub fn save_lead_file(state: AppState, year: i32, lead: Id, format: SheetFormat) {
    save(state, |c| lead_file(c, year, lead, format).map(Some));
}

/// The format of the spreadsheets, then every asked lead's file in one `.zip`.
#[component]
pub fn AllFiles(year: Memo<i32>, format: RwSignal<SheetFormat>) -> impl IntoView {
    let state = AppState::get();
    let choice = move |option: SheetFormat| {
        view! {
            <label class="radio">
                <input type="radio" name="format-collecte" prop:checked=move || format.get() == option
                    on:change=move |_| format.set(option)/>
                {option.label()}
            </label>
        }
    };
    let all = move |_| save(state, |c| all_files(c, year.get_untracked(), format.get_untracked()));
    view! {
        <fieldset class="choices collection-format">
            <legend>"Format des tableaux"</legend>
            {SheetFormat::ALL.into_iter().map(choice).collect_view()}
        </fieldset>
        <div class="actions">
            <button type="button" class="secondary" on:click=all>"Télécharger tous les tableaux (.zip)"</button>
        </div>
    }
}
