//! « Sauvegarde et stockage » in Échanges: « Télécharger une sauvegarde » (every contract in
//! one file, which « Importer un fichier » takes back), and what the browser says about its
//! storage: whether it is persistent, how much is used out of what is available, and what that
//! means (`ui::platform::persistence` asks, `model::storage_use` words it).

use crate::model::storage_use::{local_storage_text, usage_text};
use crate::storage::local::used_units;
use crate::ui::platform::backup::download_backup;
use crate::ui::platform::persistence::{read_facts, StorageFacts};
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn StorageAndBackup() -> impl IntoView {
    let state = AppState::get();
    let facts = RwSignal::new(None::<StorageFacts>);
    leptos::task::spawn_local(async move {
        let read = read_facts().await;
        // The screen may have been left meanwhile.
        let _ = facts.try_set(Some(read));
    });
    let none = move || state.workspace.with(|ws| ws.contracts.is_empty());
    view! {
        <section aria-labelledby="sauvegarde">
            <h2 id="sauvegarde">"Sauvegarde et stockage"</h2>
            <p>"Une sauvegarde est un seul fichier qui contient tous les contrats de ce navigateur : gardez-la hors du "
               "navigateur (clé USB, espace partagé). « Importer un fichier », ci-dessous, la remet en place dans ce "
               "navigateur ou dans un autre."</p>
            <div class="actions">
                <button type="button" disabled=none on:click=move |_| download_backup(state)>"Télécharger une sauvegarde"</button>
            </div>
            {move || match facts.get() {
                None => view! { <p role="status">"Lecture de l’état du stockage…"</p> }.into_any(),
                Some(facts) => view! { <StorageState facts/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn StorageState(facts: StorageFacts) -> impl IntoView {
    let usage = facts.usage.map_or_else(
        || "inconnu (ce navigateur ne le dit pas)".to_string(),
        |(used, available)| usage_text(used, available),
    );
    let state = AppState::get();
    // Read again whenever the workspace changes (a save follows each change).
    let local = Memo::new(move |_| {
        state.workspace.track();
        local_storage_text(used_units())
    });
    view! {
        <dl class="storage-facts">
            <dt>"Stockage persistant"</dt>
            <dd>{facts.persistence.label()}</dd>
            <dt>"Stockage local (contrats, versions signées, instantanés)"</dt>
            <dd>{local}</dd>
            <dt>"Autres données du site, selon l’estimation du navigateur (hors stockage local)"</dt>
            <dd>{usage}</dd>
        </dl>
        <p>{facts.persistence.meaning()}</p>
    }
}
