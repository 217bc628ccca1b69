//! Receiving a partner's file: the file picker and the paste box (a drop anywhere on the page
//! lands in the same inbox, see `ui::platform::inbox`), then the preview of what it would change.

use super::preview::Preview;
use super::snapshots::Shelf;
use crate::ui::platform::inbox::{chosen_file, Inbox};
use crate::ui::widgets::fields::{unique_id, TextField};
use leptos::prelude::*;

#[component]
pub fn Import(shelf: Shelf) -> impl IntoView {
    let inbox = Inbox::get();
    let picker = unique_id("fichier-import");
    let pasted = RwSignal::new(String::new());
    let on_file = move |e: leptos::ev::Event| {
        if let Some(file) = chosen_file(&e) {
            inbox.receive_file(file);
        }
    };
    let check_pasted = move |_| {
        let text = pasted.get_untracked();
        if !text.trim().is_empty() {
            inbox.receive("texte collé".into(), text.into_bytes());
            pasted.set(String::new());
        }
    };
    view! {
        <section aria-labelledby="importer">
            <h2 id="importer">"Importer un fichier"</h2>
            <p>"Le fichier d’un partenaire est vérifié, puis un aperçu montre ce qu’il apporte : rien ne change dans "
               "vos contrats avant que vous l’appliquiez, et une copie de tout est gardée avant chaque import."</p>
            <div class="field">
                <label for=picker.clone()>"Choisir un fichier JSON"</label>
                <input type="file" id=picker accept=".json,application/json" on:change=on_file/>
                <span class="field__help">"Vous pouvez aussi déposer le fichier n’importe où sur la page."</span>
            </div>
            <TextField label="Ou collez le contenu d’un export" help="Par exemple le texte reçu dans un courriel"
                multiline=true value=pasted on_input=move |v| pasted.set(v)/>
            <div class="actions">
                <button type="button" class="secondary" on:click=check_pasted>"Vérifier le texte collé"</button>
            </div>
            <Preview shelf=shelf/>
        </section>
    }
}
