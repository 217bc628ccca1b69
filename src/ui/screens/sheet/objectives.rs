//! Step 3 – Objectives: the general objective, the specific objectives (numbered under their
//! strategic objective: 2.1.1, 2.1.2...) and the expected results.

use super::access::{edit_sheet, read_sheet, sheet_edit, sheet_field};
use crate::model::validation::Subject;
use crate::model::{Id, SpecificObjective};
use crate::ui::platform::clock::now;
use crate::ui::row_lens::{row_ids, RowLens};
use crate::ui::state::AppState;
use crate::ui::widgets::fields::{SelectField, TextField};
use crate::ui::widgets::issues::IssuesFor;
use crate::ui::widgets::row_buttons::RemoveButton;
use leptos::prelude::*;

#[component]
pub fn Objectives(id: Id) -> impl IntoView {
    let state = AppState::get();
    let ids = row_ids::<SpecificObjective>(state, Some(id));
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
            value=sheet_field(state, id, |s| s.general_objective.clone()) on_input=sheet_edit(state, id, |s, v| s.general_objective = v)/>
        <h3>"Objectifs spécifiques"</h3>
        <ol class="rows">
            <For each=move || ids.get() key=|id| *id let:objective>
                <SpecificRow sheet=id id=objective/>
            </For>
        </ol>
        <button type="button" class="secondary" on:click=add>"Ajouter un objectif spécifique"</button>
        <TextField label="Résultats attendus" multiline=true
            help="Ce qui sera mesurable à la fin : « 200 personnes de plus de 60 ans dépistées chaque année »"
            value=sheet_field(state, id, |s| s.expected_results.clone()) on_input=sheet_edit(state, id, |s, v| s.expected_results = v)/>
    }
}

#[component]
fn SpecificRow(sheet: Id, id: Id) -> impl IntoView {
    let state = AppState::get();
    let row = RowLens::<SpecificObjective>::new(state, sheet, id);
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
    view! {
        <li class="row">
            <TextField label=label multiline=true help="Précis et mesurable : « Former 30 professionnels au repérage de la crise suicidaire d’ici 2026 »"
                value=row.read(|o| o.text.clone()) on_input=row.write(|o, v| o.text = v)/>
            <SelectField label="Rattaché à l’objectif stratégique" options=parents
                value=row.read(|o| o.strategic_objective_id.map(|p| p.to_string()).unwrap_or_default())
                on_change=row.write(|o, v: String| o.strategic_objective_id = Id::parse(&v))/>
            <IssuesFor subject=Subject::SpecificObjective { sheet, id }/>
            <RemoveButton name=Signal::derive(move || format!("l’{}", label.get().to_lowercase()))
                on_remove=move || row.remove_with_undo(label.get_untracked())/>
        </li>
    }
}
