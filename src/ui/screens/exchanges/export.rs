//! Exporting the open contract in the exchange format (download or clipboard), which is also
//! the way to keep a copy of one's work outside the browser.

use crate::exchange::Envelope;
use crate::ui::download::{contract_slug, download, today_iso};
use crate::ui::fields::TextField;
use crate::ui::notices::Level;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// The open contract in the exchange format, and the file name partners will see.
fn export_file(state: AppState, exported_by: String) -> Option<(String, String)> {
    state.workspace.with_untracked(|ws| {
        ws.active().map(|c| {
            let exported_at = String::from(js_sys::Date::new_0().to_iso_string());
            (format!("cls-{}-{}.json", contract_slug(c), today_iso()), Envelope::new(c.clone(), exported_at, exported_by).to_pretty_json())
        })
    })
}

#[component]
pub fn Export() -> impl IntoView {
    let state = AppState::get();
    let exported_by = RwSignal::new(state.workspace.with_untracked(|ws| ws.active().map(|c| c.coordinator.organisation.clone())).unwrap_or_default());
    let save = move |_| {
        if let Some((name, json)) = export_file(state, exported_by.get_untracked()) {
            if let Err(message) = download(&name, "application/json", &json) {
                state.notices.push(Level::Error, message);
            }
        }
    };
    let copy = move |_| {
        let Some((_, json)) = export_file(state, exported_by.get_untracked()) else { return };
        let clipboard = window().navigator().clipboard();
        leptos::task::spawn_local(async move {
            let result = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&json)).await;
            match result {
                Ok(_) => state.notices.push(Level::Info, "Le contrat est copié dans le presse-papiers : collez-le dans un courriel ou un document."),
                Err(_) => state.notices.push(Level::Error, "Le navigateur a refusé la copie dans le presse-papiers : utilisez « Télécharger le contrat »."),
            }
        });
    };
    view! {
        <section aria-labelledby="exporter">
            <h2 id="exporter">"Exporter le contrat"</h2>
            <p>"Un fichier JSON contient tout le contrat : envoyez-le aux partenaires, ou gardez-le comme copie de sauvegarde hors du navigateur."</p>
            <TextField label="Organisation qui exporte" help="Elle est écrite dans le fichier, pour que les partenaires sachent d’où il vient"
                value=exported_by on_input=move |v| exported_by.set(v)/>
            <div class="actions">
                <button type="button" on:click=save>"Télécharger le contrat (JSON)"</button>
                <button type="button" class="secondary" on:click=copy>"Copier dans le presse-papiers"</button>
            </div>
        </section>
    }
}
