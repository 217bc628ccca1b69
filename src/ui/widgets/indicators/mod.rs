//! The indicator editor, one component for both places indicators live: a sheet's own (the
//! fiche's « Évaluation » step) and the contract's (« Indicateurs d’évaluation du contrat » on
//! the « Contrat » screen). `owner` is the sheet, or `None` for the contract; `RowLens` and
//! `row_ids` find the list from it (see `Listed for Indicator` in row_lens.rs).

mod yearly;

use crate::model::validation::Subject;
use crate::model::{Frequency, Id, Indicator, IndicatorKind, IndicatorScale};
use crate::ui::platform::clock::now;
use crate::ui::row_lens::{push_row, row_ids, RowLens};
use crate::ui::state::AppState;
use crate::ui::widgets::fields::{SelectField, TextField};
use crate::ui::widgets::issues::IssuesFor;
use crate::ui::widgets::options::key_options;
use crate::ui::widgets::row_buttons::RowButtons;
use leptos::prelude::*;
use yearly::YearlyValues;

/// The indicators of `owner` (a sheet; the contract itself when `None`), with the buttons
/// that add one of each kind.
#[component]
pub fn IndicatorList(owner: Option<Id>) -> impl IntoView {
    let state = AppState::get();
    let ids = row_ids::<Indicator>(state, owner);
    let add = move |kind: IndicatorKind| {
        push_row(state, owner, Indicator::new(Id::random(), kind, "", now()));
    };
    view! {
        <ol class="rows">
            <For each=move || ids.get() key=|id| *id let:indicator>
                <IndicatorRow owner id=indicator/>
            </For>
        </ol>
        <div class="actions">
            <button type="button" class="secondary" on:click=move |_| add(IndicatorKind::Process)>"Ajouter un indicateur de processus"</button>
            <button type="button" class="secondary" on:click=move |_| add(IndicatorKind::Outcome)>"Ajouter un indicateur de résultat"</button>
        </div>
    }
}

#[component]
fn IndicatorRow(owner: Option<Id>, id: Id) -> impl IntoView {
    let state = AppState::get();
    let row = RowLens::<Indicator>::under(state, owner, id);
    let read = move |get: fn(&Indicator) -> String| row.read(get);
    let edit = move |set: fn(&mut Indicator, String)| row.write(set);
    let position = row.position();
    let kind = read(|i| i.kind.label().to_string());
    let legend = move || format!("Indicateur {} ({})", position.get(), kind.get().to_lowercase());
    let name = Signal::derive(move || format!("l’indicateur {}", position.get()));
    let subject = match owner {
        Some(sheet) => Subject::Indicator { sheet, id },
        None => Subject::ContractIndicator(id),
    };
    view! {
        <li class="row">
            <fieldset>
                <legend>{legend}</legend>
                <SelectField label="Type d’indicateur" options=key_options(IndicatorKind::ALL, IndicatorKind::key, IndicatorKind::label)
                    value=read(|i| i.kind.key().to_string())
                    on_change=edit(|i, v| if let Some(k) = IndicatorKind::from_key(&v) { i.kind = k })/>
                <TextField label="Nom de l’indicateur" help="Par exemple : Nombre de personnes ayant participé aux ateliers"
                    value=read(|i| i.name.clone()) on_input=edit(|i, v| i.name = v)/>
                <TextField label="Définition" multiline=true help="Ce qui est compté exactement, et comment"
                    value=read(|i| i.definition.clone()) on_input=edit(|i, v| i.definition = v)/>
                <TextField label="Unité" help="Par exemple : personnes, %, ateliers" value=read(|i| i.unit.clone()) on_input=edit(|i, v| i.unit = v)/>
                <TextField label="Valeur de départ" help="La situation aujourd’hui, par exemple : 0 ou 35 %" value=read(|i| i.baseline.clone()) on_input=edit(|i, v| i.baseline = v)/>
                <TextField label="Valeur cible" help="Ce qu’on vise à la fin du contrat, par exemple : 120 personnes" value=read(|i| i.target.clone()) on_input=edit(|i, v| i.target = v)/>
                <SelectField label="Type de valeur" help="Chiffré : le suivi dira chaque année si la cible est atteinte"
                    options=key_options(IndicatorScale::ALL, IndicatorScale::key, IndicatorScale::label)
                    value=read(|i| i.scale.key().to_string())
                    on_change=edit(|i, v| if let Some(s) = IndicatorScale::from_key(&v) { i.scale = s })/>
                <TextField label="Source des données" help="Par exemple : feuilles d’émargement, données CPAM" value=read(|i| i.source.clone()) on_input=edit(|i, v| i.source = v)/>
                <SelectField label="Fréquence de recueil" options=key_options(Frequency::ALL, Frequency::key, Frequency::label)
                    value=read(|i| i.frequency.key().to_string())
                    on_change=edit(|i, v| if let Some(f) = Frequency::from_key(&v) { i.frequency = f })/>
                <TextField label="Personne chargée du recueil" help="Par exemple : la coordinatrice du CLS" value=read(|i| i.collector.clone()) on_input=edit(|i, v| i.collector = v)/>
                <YearlyValues row position/>
                <IssuesFor subject/>
                <RowButtons row name removed=move || format!("L’indicateur {}", position.get_untracked())/>
            </fieldset>
        </li>
    }
}
