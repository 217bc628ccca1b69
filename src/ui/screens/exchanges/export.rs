//! Exporting the open contract in the exchange format (download or clipboard), whole or with a
//! chosen set of fiches action (for example those one partner leads). It is also the way to keep
//! a copy of one's work outside the browser. What goes out is noted as shared, so that the
//! partner's file, when it comes back, is merged against it.

use crate::exchange::envelope::{sheets_led_by, with_only_sheets};
use crate::exchange::file_name::contract_slug;
use crate::exchange::merge::record_export;
use crate::exchange::Envelope;
use crate::model::list_edit::toggle;
use crate::model::{Contract, Id};
use crate::ui::platform::backup::Backups;
use crate::ui::platform::clock::now;
use crate::ui::platform::download::{download, today_iso};
use crate::ui::state::AppState;
use crate::ui::widgets::fields::{ChoiceList, SelectField, TextField};
use crate::ui::widgets::notices::Level;
use leptos::prelude::*;

/// What goes in the file.
#[derive(Clone, Copy, PartialEq)]
enum Scope {
    WholeContract,
    ChosenSheets,
}

/// The file for the open contract: its name, its text, and the contract it holds.
fn export_file(
    state: AppState,
    exported_by: String,
    chosen: Option<&[Id]>,
) -> Option<(String, String, Contract)> {
    state.workspace.with_untracked(|ws| {
        ws.active().map(|c| {
            let contract = chosen.map_or_else(|| c.clone(), |ids| with_only_sheets(c, ids));
            let exported_at = String::from(js_sys::Date::new_0().to_iso_string());
            let text = Envelope::new(contract.clone(), exported_at, exported_by).to_file_json();
            (format!("cls-{}-{}.json", contract_slug(c), today_iso()), text, contract)
        })
    })
}

#[component]
pub fn Export() -> impl IntoView {
    let state = AppState::get();
    let exported_by = RwSignal::new(
        state
            .workspace
            .with_untracked(|ws| ws.active().map(|c| c.coordinator.organisation.clone()))
            .unwrap_or_default(),
    );
    let scope = RwSignal::new(Scope::WholeContract);
    let chosen = RwSignal::new(Vec::<Id>::new());
    let file = move || {
        let ids = chosen.get_untracked();
        let selection = (scope.get_untracked() == Scope::ChosenSheets).then_some(ids.as_slice());
        export_file(state, exported_by.get_untracked(), selection)
    };
    let backups = Backups::get();
    // A whole contract in a file is also a copy of it (the reminder to back up counts it); a
    // selection of fiches is not.
    let shared = move |contract: &Contract| {
        state.workspace.update(|ws| record_export(ws, contract));
        if scope.get_untracked() == Scope::WholeContract {
            backups.exported(state, &[contract.id], now());
        }
    };
    let save = move |_| {
        let Some((name, json, contract)) = file() else { return };
        match download(&name, "application/json", &json) {
            Ok(()) => shared(&contract),
            Err(message) => state.notices.push(Level::Error, message),
        }
    };
    let copy = move |_| {
        let Some((_, json, contract)) = file() else { return };
        let clipboard = window().navigator().clipboard();
        leptos::task::spawn_local(async move {
            let result = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&json)).await;
            match result {
                Ok(_) => {
                    shared(&contract);
                    state.notices.push(Level::Info, "Le contrat est copié dans le presse-papiers : collez-le dans un courriel ou un document.");
                }
                Err(_) => state.notices.push(Level::Error, "Le navigateur a refusé la copie dans le presse-papiers : utilisez « Télécharger le contrat »."),
            }
        });
    };
    view! {
        <section aria-labelledby="exporter">
            <h2 id="exporter">"Exporter le contrat"</h2>
            <p>"Un fichier JSON contient le contrat : envoyez-le aux partenaires, ou gardez-le comme copie de sauvegarde hors du navigateur."</p>
            <TextField label="Organisation qui exporte" help="Elle est écrite dans le fichier, pour que les partenaires sachent d’où il vient"
                value=exported_by on_input=move |v| exported_by.set(v)/>
            <ScopeChoice scope/>
            <Show when=move || scope.get() == Scope::ChosenSheets>
                <SheetSelection chosen/>
            </Show>
            <div class="actions">
                <button type="button" on:click=save>"Télécharger le contrat (JSON)"</button>
                <button type="button" class="secondary" on:click=copy>"Copier dans le presse-papiers"</button>
            </div>
        </section>
    }
}

#[component]
fn ScopeChoice(scope: RwSignal<Scope>) -> impl IntoView {
    let option = move |value: Scope, id: &'static str, label: &'static str| {
        view! {
            <label class="radio" for=id>
                <input type="radio" id=id name="portee-export" prop:checked=move || scope.get() == value
                    on:change=move |_| scope.set(value)/>
                {label}
            </label>
        }
    };
    view! {
        <fieldset>
            <legend>"Contenu du fichier"</legend>
            {option(Scope::WholeContract, "export-tout", "Tout le contrat")}
            {option(Scope::ChosenSheets, "export-choix", "Une sélection de fiches action")}
        </fieldset>
    }
}

/// The sheets to export, ticked one by one or all those of one lead at once.
#[component]
fn SheetSelection(chosen: RwSignal<Vec<Id>>) -> impl IntoView {
    let state = AppState::get();
    let sheets = Memo::new(move |_| {
        let numbers = state.numbering.read();
        state
            .with_contract(|c| {
                c.sheets_in_axis_order()
                    .into_iter()
                    .map(|s| {
                        (
                            s.id.to_string(),
                            format!("{} {}", numbers.label(s.id), s.title).trim().to_string(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let leads = Memo::new(move |_| {
        let mut options = vec![(String::new(), "—".to_string())];
        if let Some(list) = state.with_contract(|c| {
            c.organisations
                .iter()
                .filter(|o| !sheets_led_by(c, o.id).is_empty())
                .map(|o| (o.id.to_string(), o.name.clone()))
                .collect::<Vec<_>>()
        }) {
            options.extend(list);
        }
        options
    });
    let pick_lead = move |key: String| {
        let Some(organisation) = Id::parse(&key) else { return };
        if let Some(ids) = state.with_contract(|c| sheets_led_by(c, organisation)) {
            chosen.set(ids);
        }
    };
    let selected =
        Signal::derive(move || chosen.get().iter().map(Id::to_string).collect::<Vec<_>>());
    let on_toggle = move |(key, on): (String, bool)| {
        if let Some(id) = Id::parse(&key) {
            chosen.update(|list| toggle(list, id, on));
        }
    };
    let count = move || {
        let n = chosen.with(Vec::len);
        match n {
            0 => "Aucune fiche action cochée : le fichier ne contiendra que le cadre du contrat (annuaire, axes, gouvernance).".to_string(),
            1 => "1 fiche action sera exportée, avec le cadre du contrat.".to_string(),
            n => format!("{n} fiches action seront exportées, avec le cadre du contrat."),
        }
    };
    view! {
        <SelectField label="Cocher les fiches pilotées par" help="Coche d’un coup toutes les fiches d’un pilote"
            options=leads value=Signal::derive(String::new) on_change=pick_lead/>
        <ChoiceList legend="Fiches action à exporter" options=sheets selected on_toggle/>
        <p role="status">{count}</p>
    }
}
