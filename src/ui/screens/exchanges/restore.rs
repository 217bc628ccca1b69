//! The preview of a backup file (every contract of a browser, « Télécharger une sauvegarde »):
//! each contract with what restoring does with it, then « Restaurer la sauvegarde ». As for a
//! partner's file, a snapshot of everything is taken first and « Annuler l’import » puts it
//! back. What restoring does is `exchange::backup::restore`: it never replaces nor deletes.

use super::snapshots::{local_date_time, offer_back, room_after, Shelf};
use crate::exchange::backup::{restore, Arrival};
use crate::exchange::import::CheckedBackup;
use crate::model::{Id, Timestamp};
use crate::ui::platform::backup::Backups;
use crate::ui::platform::clock::now;
use crate::ui::platform::inbox::Inbox;
use crate::ui::state::AppState;
use leptos::prelude::*;

fn count(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => format!("aucun {one}"),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

#[component]
pub fn BackupPreview(name: String, checked: CheckedBackup, shelf: Shelf) -> impl IntoView {
    let state = AppState::get();
    let inbox = Inbox::get();
    let exported_at = checked.backup.exported_at.clone();
    let about = format!(
        "Sauvegarde de {} faite le {}.",
        count(checked.backup.contracts.len(), "contrat", "contrats"),
        local_date_time(&exported_at)
    );
    let migrated = checked.migrated_from.map(|from| format!("Cette sauvegarde venait d’une version plus ancienne d’Atelier CLS (format {from}) : elle a été mise à jour."));
    let day = checked.backup.day();
    let backup = StoredValue::new(checked.backup);
    let rows = Memo::new(move |_| {
        state.workspace.with(|ws| {
            backup.with_value(|b| {
                b.contracts
                    .iter()
                    .map(|c| {
                        let sheets = match c.sheets.len() {
                            0 => "aucune fiche action".to_string(),
                            1 => "1 fiche action".to_string(),
                            n => format!("{n} fiches action"),
                        };
                        (c.name.clone(), sheets, Arrival::of(ws, c))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let brings_something =
        move || rows.with(|rows| rows.iter().any(|(_, _, arrival)| *arrival != Arrival::Identical));
    let file_name = name.clone();
    let refusal = room_after(state, move |ws| {
        backup.with_value(|b| restore(ws, b, Id::random, now()));
    })
    .err()
    .map(|shortfall| shortfall.message_fr("Cette sauvegarde"));
    let cannot = refusal.is_some();
    let apply = move |_| {
        let label = format!("Avant l’import de « {file_name} »");
        let applied = shelf.apply(state, label, "Cette sauvegarde", |ws| {
            backup.with_value(|b| restore(ws, b, Id::random, now()))
        });
        let Some((before, (restored, added))) = applied else { return };
        // The contracts put back as they were are in the file: a copy made when it was written.
        let written = js_sys::Date::parse(&exported_at);
        if written.is_finite() {
            Backups::get().exported(state, &added, written as Timestamp);
        }
        inbox.clear();
        offer_back(
            state,
            format!("Sauvegarde « {file_name} » restaurée : {}.", restored.describe()),
            "Annuler l’import",
            before,
        );
    };
    view! {
        <div class="import-preview" role="region" aria-labelledby="apercu">
            <h3 id="apercu" tabindex="-1">{format!("Aperçu de la sauvegarde « {name} »")}</h3>
            <p>{about}</p>
            {migrated.map(|m| view! { <p>{m}</p> })}
            <ul class="backup-contracts">
                {move || rows.get().into_iter().map(|(name, sheets, arrival)| view! {
                    <li><strong>{name}</strong>{format!(" ({sheets}) : {}.", arrival.describe(&day))}</li>
                }).collect_view()}
            </ul>
            <Show when=brings_something
                fallback=|| view! { <p role="status">"Tout ce que contient cette sauvegarde est déjà dans ce navigateur."</p> }>
                <p>"Rien n’est remplacé ni supprimé, et un instantané de tous vos contrats est pris avant."</p>
                {refusal.clone().map(|m| view! { <p class="banner banner--error" role="alert">{m}</p> })}
                <div class="actions">
                    <button type="button" disabled=cannot on:click=apply.clone()>"Restaurer la sauvegarde"</button>
                </div>
            </Show>
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| inbox.clear()>"Ne pas importer"</button>
            </div>
        </div>
    }
}
