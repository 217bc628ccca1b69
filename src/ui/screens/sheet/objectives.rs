//! Step 3 – Objectives: the general objective, the specific objectives (numbered under their
//! strategic objective: 2.1.1, 2.1.2...) and the expected results.

use super::access::{edit_sheet, read_sheet, sheet_edit, sheet_text};
use crate::model::entity::edit_by_id;
use crate::model::validation::Subject;
use crate::model::{Id, SpecificObjective};
use crate::ui::clock::now;
use crate::ui::fields::{SelectField, TextField};
use crate::ui::screens::issues::IssuesFor;
use crate::ui::state::{restore_at, take_where, AppState};
use leptos::prelude::*;

#[component]
pub fn Objectives(id: Id) -> impl IntoView {
    let state = AppState::get();
    let ids = Memo::new(move |_| {
        read_sheet(state, id, |_, s| s.specific_objectives.iter().map(|o| o.id).collect::<Vec<_>>())
    });
    let add = move |_| {
        edit_sheet(state, id, |s| {
            let parent = s.objective_id;
            s.specific_objectives.push(SpecificObjective {
                id: Id::random(),
                modified_at: now(),
                strategic_objective_id: parent,
                text: String::new(),
            })
        })
    };
    view! {
        <TextField label="Objectif général" multiline=true
            help="Le changement visé, en une phrase : « Améliorer l’accès à la prévention des personnes âgées isolées »"
            value=sheet_text(state, id, |s| s.general_objective.clone()) on_input=sheet_edit(state, id, |s, v| s.general_objective = v)/>
        <h3>"Objectifs spécifiques"</h3>
        <ol class="rows">
            <For each=move || ids.get() key=|id| *id let:objective>
                <SpecificRow sheet=id id=objective/>
            </For>
        </ol>
        <button type="button" class="secondary" on:click=add>"Ajouter un objectif spécifique"</button>
        <TextField label="Résultats attendus" multiline=true
            help="Ce qui sera mesurable à la fin : « 200 personnes de plus de 60 ans dépistées chaque année »"
            value=sheet_text(state, id, |s| s.expected_results.clone()) on_input=sheet_edit(state, id, |s, v| s.expected_results = v)/>
    }
}

fn edit_specific(state: AppState, sheet: Id, id: Id, change: impl FnOnce(&mut SpecificObjective)) {
    edit_sheet(state, sheet, |s| {
        edit_by_id(&mut s.specific_objectives, id, now(), change);
    });
}

#[component]
fn SpecificRow(sheet: Id, id: Id) -> impl IntoView {
    let state = AppState::get();
    let read = move |f: fn(&SpecificObjective) -> String| {
        Signal::derive(move || {
            read_sheet(state, sheet, |_, s| {
                s.specific_objectives.iter().find(|o| o.id == id).map(f).unwrap_or_default()
            })
        })
    };
    let label = Signal::derive(move || {
        let position = read_sheet(state, sheet, |_, s| {
            s.specific_objectives.iter().position(|o| o.id == id).map_or(0, |p| p + 1)
        });
        state.numbering.with(|n| match n.get(id) {
            Some(number) => format!("Objectif spécifique {number}"),
            None => format!("Objectif spécifique n°{position} (non rattaché)"),
        })
    });
    let parents = Signal::derive(move || {
        let mut options = vec![(String::new(), "— non rattaché —".to_string())];
        options.extend(state.numbering.with(|n| {
            read_sheet(state, sheet, |c, _| {
                c.axes
                    .iter()
                    .flat_map(|a| a.objectives.iter())
                    .map(|o| (o.id.to_string(), format!("{} – {}", n.label(o.id), o.title)))
                    .collect::<Vec<_>>()
            })
        }));
        options
    });
    let remove = move |_| {
        state.remove_with_undo(
            label.get_untracked(),
            |c| {
                c.sheet_mut(sheet)
                    .and_then(|s| take_where(&mut s.specific_objectives, |o| o.id == id))
            },
            move |c, index, o| {
                if let Some(s) = c.sheet_mut(sheet) {
                    restore_at(&mut s.specific_objectives, index, o)
                }
            },
        )
    };
    view! {
        <li class="row">
            <TextField label=label multiline=true help="Précis et mesurable : « Former 30 professionnels au repérage de la crise suicidaire d’ici 2026 »"
                value=read(|o| o.text.clone())
                on_input=move |v: String| edit_specific(state, sheet, id, |o| o.text = v)/>
            <SelectField label="Rattaché à l’objectif stratégique" options=parents
                value=read(|o| o.strategic_objective_id.map(|p| p.to_string()).unwrap_or_default())
                on_change=move |v: String| edit_specific(state, sheet, id, |o| o.strategic_objective_id = Id::parse(&v))/>
            <IssuesFor subject=Subject::SpecificObjective { sheet, id }/>
            <button type="button" class="danger" on:click=remove aria-label=move || format!("Supprimer l’{}", label.get().to_lowercase())>"Supprimer"</button>
        </li>
    }
}
