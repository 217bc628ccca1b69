//! The reminder to back up (on every screen, under the navigation) and « Télécharger une
//! sauvegarde » (every contract in one file). When it shows is decided in
//! `model::backup_reminder`; the file is `exchange::backup`'s; what the browser remembers
//! about copies is kept by `storage::backup_record`, and read again when another tab writes it.

use crate::exchange::backup::{backup_file_name, Backup};
use crate::model::backup_reminder::{reminder, BackupRecord, WHY_BACK_UP};
use crate::model::{Id, Timestamp};
use crate::storage::backup_record::{change_record, is_record_key, read_record};
use crate::storage::local::BrowserStore;
use crate::ui::platform::clock::now;
use crate::ui::platform::download::{download, today_iso};
use crate::ui::state::{focus_after_render, AppState};
use crate::ui::widgets::notices::Level;
use leptos::ev;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Backups {
    pub record: RwSignal<BackupRecord>,
}

impl Backups {
    pub fn provide() {
        let backups = Backups { record: RwSignal::new(read_record(&BrowserStore)) };
        std::mem::forget(window_event_listener(ev::storage, move |e| {
            if is_record_key(e.key().as_deref()) {
                backups.record.set(read_record(&BrowserStore));
            }
        }));
        provide_context(backups);
    }

    pub fn get() -> Self {
        expect_context::<Backups>()
    }

    /// Changes the record and writes it. A write that fails (storage full or blocked) only
    /// costs a reminder shown again: the autosave already reports such storage problems.
    fn change(self, edit: impl FnOnce(&mut BackupRecord)) {
        self.record.update(|record| {
            let _ = change_record(&BrowserStore, record, edit);
        });
    }

    /// Notes that these contracts were just written to a file, whole.
    pub fn exported(self, state: AppState, ids: &[Id], at: Timestamp) {
        let present: Vec<Id> =
            state.workspace.with_untracked(|ws| ws.contracts.iter().map(|c| c.id).collect());
        self.change(|record| record.record_export(ids, at, &present));
    }

    /// Notes that this contract was just loaded from the example or the demonstration, stamped
    /// `at`: no reminder for it until it changes.
    pub fn loaded_example(self, state: AppState, id: Id, at: Timestamp) {
        let present: Vec<Id> =
            state.workspace.with_untracked(|ws| ws.contracts.iter().map(|c| c.id).collect());
        self.change(|record| record.record_loaded_example(id, at, &present));
    }

    fn dismiss(self) {
        self.change(|record| record.dismissed_at = Some(now()));
    }
}

/// Downloads every contract of this browser in one file, and notes it as a copy of each.
pub fn download_backup(state: AppState) {
    let at = now();
    let exported_at = String::from(js_sys::Date::new_0().to_iso_string());
    let (text, ids) = state.workspace.with_untracked(|ws| {
        let ids: Vec<Id> = ws.contracts.iter().map(|c| c.id).collect();
        (Backup::of(ws, exported_at).to_file_json(), ids)
    });
    match download(&backup_file_name(&today_iso()), "application/json", &text) {
        Ok(()) => {
            Backups::get().exported(state, &ids, at);
            let count = match ids.len() {
                1 => "le contrat".to_string(),
                n => format!("les {n} contrats"),
            };
            state.notices.push(
                Level::Info,
                format!(
                    "Sauvegarde téléchargée : {count} de ce navigateur dans un seul fichier. Gardez-le hors \
                     du navigateur ; « Importer un fichier » (Échanges) le remet en place."
                ),
            );
        }
        Err(message) => state.notices.push(Level::Error, message),
    }
}

/// The discreet notice « Dernière copie de sauvegarde : il y a N jours », with the download
/// beside it and « Masquer le rappel », which hides it until the next change.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = AppState::get();
    let backups = Backups::get();
    let shown = Memo::new(move |_| {
        let record = backups.record.read();
        state
            .workspace
            .with(|ws| reminder(ws.contracts.iter().map(|c| (c.id, c.modified_at)), &record, now()))
    });
    let dismiss = move |_| {
        backups.dismiss();
        // The buttons are gone: the keyboard goes on from the content.
        focus_after_render("contenu".into());
    };
    view! {
        {move || shown.get().headline().map(|headline| view! {
            <aside class="backup-reminder" aria-label="Rappel de sauvegarde">
                <p><strong>{headline}</strong><span class="backup-reminder__why">" "{WHY_BACK_UP}</span></p>
                <div class="backup-reminder__actions">
                    <button type="button" on:click=move |_| download_backup(state)>"Télécharger une sauvegarde"</button>
                    <button type="button" class="secondary" on:click=dismiss>"Masquer le rappel"</button>
                </div>
            </aside>
        })}
    }
}
