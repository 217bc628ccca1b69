//! Step 7 – Évaluation: process and outcome indicators, each with its definition, unit,
//! baseline, target, source, collection frequency and the person who collects it.

use super::access::{edit_sheet, read_sheet};
use crate::model::entity::edit_by_id;
use crate::model::validation::Subject;
use crate::model::{Frequency, Id, Indicator, IndicatorKind};
use crate::ui::clock::now;
use crate::ui::fields::{SelectField, TextField};
use crate::ui::options::key_options;
use crate::ui::screens::issues::IssuesFor;
use crate::ui::state::{restore_at, take_where, AppState};
use leptos::prelude::*;

#[component]
pub fn Evaluation(id: Id) -> impl IntoView {
    let state = AppState::get();
    let ids = Memo::new(move |_| {
        read_sheet(state, id, |_, s| s.indicators.iter().map(|i| i.id).collect::<Vec<_>>())
    });
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

fn edit_indicator(state: AppState, sheet: Id, id: Id, change: impl FnOnce(&mut Indicator)) {
    edit_sheet(state, sheet, |s| {
        edit_by_id(&mut s.indicators, id, now(), change);
    });
}

#[component]
fn IndicatorRow(sheet: Id, id: Id) -> impl IntoView {
    let state = AppState::get();
    let read = move |f: fn(&Indicator) -> String| {
        Signal::derive(move || {
            read_sheet(state, sheet, |_, s| {
                s.indicators.iter().find(|i| i.id == id).map(f).unwrap_or_default()
            })
        })
    };
    let edit = move |write: fn(&mut Indicator, String)| {
        Callback::new(move |v: String| edit_indicator(state, sheet, id, |i| write(i, v)))
    };
    let position = move || {
        read_sheet(state, sheet, |_, s| {
            s.indicators.iter().position(|i| i.id == id).map_or(0, |p| p + 1)
        })
    };
    let kind = read(|i| i.kind.label().to_string());
    let legend = move || format!("Indicateur {} ({})", position(), kind.get().to_lowercase());
    let remove = move |_| {
        state.remove_with_undo(
            format!("L’indicateur {}", position()),
            |c| c.sheet_mut(sheet).and_then(|s| take_where(&mut s.indicators, |i| i.id == id)),
            move |c, index, i| {
                if let Some(s) = c.sheet_mut(sheet) {
                    restore_at(&mut s.indicators, index, i)
                }
            },
        )
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
                <TextField label="Source des données" help="Par exemple : feuilles d’émargement, données CPAM" value=read(|i| i.source.clone()) on_input=edit(|i, v| i.source = v)/>
                <SelectField label="Fréquence de recueil" options=key_options(Frequency::ALL, Frequency::key, Frequency::label)
                    value=read(|i| i.frequency.key().to_string())
                    on_change=edit(|i, v| if let Some(f) = Frequency::from_key(&v) { i.frequency = f })/>
                <TextField label="Personne chargée du recueil" help="Par exemple : la coordinatrice du CLS" value=read(|i| i.collector.clone()) on_input=edit(|i, v| i.collector = v)/>
                <IssuesFor subject=Subject::Indicator { sheet, id }/>
                <button type="button" class="danger" on:click=remove aria-label=move || format!("Supprimer l’indicateur {}", position())>"Supprimer"</button>
            </fieldset>
        </li>
    }
}
