//! The snapshots shelf: a copy of the workspace is taken before every import and before every
//! restore, listed with its date, and any of them can be put back. Putting one back first takes
//! a snapshot of the present, so restoring is itself undoable.

use crate::model::Workspace;
use crate::storage::local::{keep_snapshot, read_snapshots};
use crate::storage::snapshots::{push, Snapshot};
use crate::ui::notices::Level;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// The snapshots of this browser, newest first (as stored, or kept in memory when local
/// storage had no room for them).
#[derive(Clone, Copy)]
pub struct Shelf(RwSignal<Vec<Snapshot>>);

impl Shelf {
    pub fn load() -> Self {
        Shelf(RwSignal::new(read_snapshots(js_sys::Date::now())))
    }

    /// Takes a snapshot of the workspace as it is now and returns it.
    pub fn take(self, state: AppState, label: String) -> Snapshot {
        let taken_at = String::from(js_sys::Date::new_0().to_iso_string());
        let snapshot = state.workspace.with_untracked(|ws| Snapshot::of(ws, label, taken_at));
        match keep_snapshot(snapshot.clone(), js_sys::Date::now()) {
            Ok(list) => self.0.set(list),
            Err(_) => {
                self.0.update(|list| push(list, snapshot.clone()));
                state.notices.push(
                    Level::Warning,
                    "Le stockage du navigateur est plein : l’instantané pris avant cette opération n’est gardé que \
                     jusqu’à la fermeture de l’onglet. Exportez le contrat pour en garder une copie.",
                );
            }
        }
        snapshot
    }

    /// Puts a snapshot's workspace back, after taking one of the present.
    pub fn restore(self, state: AppState, snapshot: &Snapshot) {
        let workspace = match snapshot.restore() {
            Ok(workspace) => workspace,
            Err(error) => {
                state.notices.push(
                    Level::Error,
                    format!("Cet instantané ne peut pas être restauré : {}.", error.message_fr()),
                );
                return;
            }
        };
        let before = self.take(
            state,
            format!(
                "Avant la restauration de l’instantané du {}",
                local_date_time(&snapshot.taken_at)
            ),
        );
        state.workspace.set(workspace);
        offer_back(
            state,
            format!("Instantané du {} restauré.", local_date_time(&snapshot.taken_at)),
            "Annuler la restauration",
            before,
        );
    }
}

/// Offers an "Annuler" that puts `snapshot` back.
pub fn offer_back(state: AppState, text: String, label: &str, snapshot: Snapshot) {
    let workspace: Option<Workspace> = snapshot.restore().ok();
    state.notices.offer_undo(text, label, move || {
        if let Some(workspace) = workspace.clone() {
            state.workspace.set(workspace);
        }
    });
}

/// "23/11/2026 à 11:05", in the browser's time zone.
pub fn local_date_time(iso: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    format!(
        "{:02}/{:02}/{:04} à {:02}:{:02}",
        date.get_date(),
        date.get_month() + 1,
        date.get_full_year(),
        date.get_hours(),
        date.get_minutes()
    )
}

#[component]
pub fn SnapshotList(shelf: Shelf) -> impl IntoView {
    let state = AppState::get();
    view! {
        <section aria-labelledby="instantanes">
            <h2 id="instantanes">"Instantanés"</h2>
            <p>"Avant chaque import et chaque restauration, Atelier CLS garde une copie de tous vos contrats. Les "
               {crate::storage::snapshots::SNAPSHOTS_KEPT} " dernières sont listées ici."</p>
            {move || {
                let list = shelf.0.get();
                if list.is_empty() {
                    view! { <p class="muted">"Aucun instantané pour l’instant."</p> }.into_any()
                } else {
                    view! {
                        <ul class="snapshots">
                            {list.into_iter().map(|snapshot| {
                                let when = local_date_time(&snapshot.taken_at);
                                let name = format!("Restaurer l’instantané du {when}");
                                let label = snapshot_label(&snapshot);
                                let restore = move |_| shelf.restore(state, &snapshot);
                                view! {
                                    <li>
                                        <span class="snapshots__when">{when.clone()}</span>
                                        <span>{label}</span>
                                        <button type="button" class="secondary" aria-label=name on:click=restore>"Restaurer"</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
    }
}

fn snapshot_label(snapshot: &Snapshot) -> String {
    format!("{} — {}", snapshot.label, snapshot.summary)
}
