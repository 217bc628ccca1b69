//! The snapshots shelf: a copy of the workspace is taken before every import and before every
//! restore, listed with its date, and any of them can be put back. Putting one back first takes
//! a snapshot of the present, so restoring is itself undoable.

use crate::model::storage_use::Shortfall;
use crate::model::Workspace;
use crate::storage::local::{
    keep_snapshot, read_snapshots, restore_snapshot, room_checked, room_for, snapshot_of,
};
use crate::storage::snapshots::{push, Snapshot};
use crate::ui::state::AppState;
use crate::ui::widgets::notices::Level;
use leptos::prelude::*;

/// The snapshots of this browser, newest first (as stored, or kept in memory when local
/// storage had no room for them).
#[derive(Clone, Copy)]
pub struct Shelf(RwSignal<Vec<Snapshot>>);

impl Shelf {
    pub fn load() -> Self {
        Shelf(RwSignal::new(read_snapshots(js_sys::Date::now())))
    }

    /// Changes the workspace by `change`, after keeping a snapshot of it as it is now, when
    /// both the result and the snapshot fit in local storage; otherwise says what it would need
    /// and changes nothing (no snapshot is dropped to make room). Gives the snapshot and what
    /// `change` said.
    pub fn apply<R>(
        self,
        state: AppState,
        label: String,
        what: &str,
        change: impl FnOnce(&mut Workspace) -> R,
    ) -> Option<(Snapshot, R)> {
        let mut next = state.workspace.get_untracked();
        let said = change(&mut next);
        let before = snapshot_now(state, label);
        if let Err(shortfall) = room_for(&next, Some(&before)) {
            state.notices.push(Level::Error, shortfall.message_fr(what));
            return None;
        }
        room_checked();
        self.keep(state, before.clone());
        state.workspace.set(next);
        Some((before, said))
    }

    /// Keeps a snapshot: stored, or in memory until the tab is closed when storage refuses.
    fn keep(self, state: AppState, snapshot: Snapshot) {
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
    }

    /// Puts a snapshot's workspace back, after taking one of the present.
    pub fn restore(self, state: AppState, snapshot: &Snapshot) {
        let workspace = match restore_snapshot(snapshot) {
            Ok(workspace) => workspace,
            Err(error) => {
                state.notices.push(
                    Level::Error,
                    format!("Cet instantané ne peut pas être restauré : {}.", error.message_fr()),
                );
                return;
            }
        };
        let label = format!(
            "Avant la restauration de l’instantané du {}",
            local_date_time(&snapshot.taken_at)
        );
        let restored =
            self.apply(state, label, "L’instantané restauré", move |ws| *ws = workspace);
        let Some((before, ())) = restored else { return };
        offer_back(
            state,
            format!("Instantané du {} restauré.", local_date_time(&snapshot.taken_at)),
            "Annuler la restauration",
            before,
        );
    }
}

/// A snapshot of the workspace as it is now, not kept yet.
fn snapshot_now(state: AppState, label: String) -> Snapshot {
    let taken_at = String::from(js_sys::Date::new_0().to_iso_string());
    state.workspace.with_untracked(|ws| snapshot_of(ws, label, taken_at))
}

/// Whether what `change` makes of the workspace, with the snapshot taken before, would fit in
/// local storage: the preview says so before anything is applied.
pub fn room_after(state: AppState, change: impl FnOnce(&mut Workspace)) -> Result<(), Shortfall> {
    let mut next = state.workspace.get_untracked();
    change(&mut next);
    let before = snapshot_now(state, String::new());
    room_for(&next, Some(&before))
}

/// Offers an "Annuler" that puts `snapshot` back.
pub fn offer_back(state: AppState, text: String, label: &str, snapshot: Snapshot) {
    let workspace: Option<Workspace> = restore_snapshot(&snapshot).ok();
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
