//! Step 7 – Évaluation: process and outcome indicators, each with its definition, unit,
//! baseline, target, source, collection frequency and the person who collects it.

use super::access::edit_sheet;
use crate::model::validation::Subject;
use crate::model::{Frequency, Id, Indicator, IndicatorKind};
use crate::ui::clock::now;
use crate::ui::fields::{SelectField, TextField};
use crate::ui::options::key_options;
use crate::ui::row_buttons::RemoveButton;
use crate::ui::row_lens::{row_ids, RowLens};
use crate::ui::screens::issues::IssuesFor;
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn Evaluation(id: Id) -> impl IntoView {
    let state = AppState::get();
    let ids = row_ids::<Indicator>(state, Some(id));
    let add = move |kind: IndicatorKind| {
        edit_sheet(state, id, |s| s.indicators.push(Indicator::new(Id::random(), kind, "", now())))
    };
    view! {
        <p class="muted">"Un indicateur de processus dit si l’action a été faite (nombre d’ateliers) ; un indicateur de résultat dit si elle a changé quelque chose (part des participants qui pratiquent une activité physique six mois après)."</p>
        <ol class="rows">
            <For each=move || ids.get() key=|id| *id let:indicator>
                <IndicatorRow sheet=id id=indicator/>
            </For>
        </ol>
        <div class="actions">
            <button type="button" class="secondary" on:click=move |_| add(IndicatorKind::Process)>"Ajouter un indicateur de processus"</button>
            <button type="button" class="secondary" on:click=move |_| add(IndicatorKind::Outcome)>"Ajouter un indicateur de résultat"</button>
        </div>
    }
}

#[component]
fn IndicatorRow(sheet: Id, id: Id) -> impl IntoView {
    let state = AppState::get();
    let row = RowLens::<Indicator>::new(state, sheet, id);
    let read = move |get: fn(&Indicator) -> String| row.read(get);
    let edit = move |set: fn(&mut Indicator, String)| row.write(set);
    let position = row.position();
    let kind = read(|i| i.kind.label().to_string());
    let legend = move || format!("Indicateur {} ({})", position.get(), kind.get().to_lowercase());
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
                <TextField label="Source des données" help="Par exemple : feuilles d’émargement, données CPAM" value=read(|i| i.source.clone()) on_input=edit(|i, v| i.source = v)/>
                <SelectField label="Fréquence de recueil" options=key_options(Frequency::ALL, Frequency::key, Frequency::label)
                    value=read(|i| i.frequency.key().to_string())
                    on_change=edit(|i, v| if let Some(f) = Frequency::from_key(&v) { i.frequency = f })/>
                <TextField label="Personne chargée du recueil" help="Par exemple : la coordinatrice du CLS" value=read(|i| i.collector.clone()) on_input=edit(|i, v| i.collector = v)/>
                <IssuesFor subject=Subject::Indicator { sheet, id }/>
                <RemoveButton name=Signal::derive(move || format!("l’indicateur {}", position.get()))
                    on_remove=move || row.remove_with_undo(format!("L’indicateur {}", position.get_untracked()))/>
            </fieldset>
        </li>
    }
}
