//! Axes and their strategic objectives: add, rename, tag mental health, reorder (buttons for
//! the keyboard, drag and drop for the pointer), delete with undo. Numbers follow the order.

use crate::model::numbering::Numbering;
use crate::model::order::move_item;
use crate::model::validation::Subject;
use crate::model::{Axis, Contract, Id, StrategicObjective};
use crate::ui::platform::clock::now;
use crate::ui::row_lens::{row_ids, RowLens};
use crate::ui::state::AppState;
use crate::ui::widgets::add_by_name::AddByName;
use crate::ui::widgets::fields::{CheckField, TextField};
use crate::ui::widgets::issues::IssuesFor;
use crate::ui::widgets::row_buttons::RowButtons;
use leptos::prelude::*;

#[component]
pub fn AxesSection() -> impl IntoView {
    let state = AppState::get();
    let numbering = state.numbering;
    let ids = row_ids::<Axis>(state, None);
    let dragged = RwSignal::new(None::<Id>);
    let add =
        move |title| state.edit_contract(|c, now| c.axes.push(Axis::new(Id::random(), title, now)));
    view! {
        <section id="axes" aria-labelledby="axes-titre">
            <h2 id="axes-titre">"Axes et objectifs stratégiques"</h2>
            <p class="muted">"Les numéros suivent l’ordre : déplacez un axe ou un objectif avec « Monter » et « Descendre », ou en le faisant glisser."</p>
            <ol class="axes">
                <For each=move || ids.get() key=|id| *id let:id>
                    <AxisRow id numbering dragged/>
                </For>
            </ol>
            <AddByName label="Intitulé du nouvel axe" help="Par exemple : Santé mentale et précarité"
                button="Ajouter l’axe" on_add=add/>
        </section>
    }
}

fn axis_index(c: &Contract, id: Id) -> Option<usize> {
    c.axes.iter().position(|a| a.id == id)
}

#[component]
fn AxisRow(id: Id, numbering: Memo<Numbering>, dragged: RwSignal<Option<Id>>) -> impl IntoView {
    let state = AppState::get();
    let number = move || numbering.with(|n| n.label(id).to_string());
    let row = RowLens::<Axis>::of_contract(state, id);
    let title = row.read(|a| a.title.clone());
    let objective_ids = row_ids::<StrategicObjective>(state, Some(id));
    let drop_here = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        let Some(from_id) = dragged.get_untracked() else { return };
        state.edit_contract(|c, _| {
            if let (Some(from), Some(to)) = (axis_index(c, from_id), axis_index(c, id)) {
                move_item(&mut c.axes, from, to);
            }
        });
        dragged.set(None);
    };
    let add_objective = move |title| {
        row.edit(|a| {
            a.objectives.push(StrategicObjective { id: Id::random(), modified_at: now(), title })
        })
    };
    let name = Signal::derive(move || format!("l’axe {}", number()));
    view! {
        <li class="axis" draggable="true"
            class:axis--dragged=move || dragged.get() == Some(id)
            on:dragstart=move |_| dragged.set(Some(id))
            on:dragend=move |_| dragged.set(None)
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=drop_here>
            <h3>{move || format!("Axe {}", number())}</h3>
            <TextField label=Signal::derive(move || format!("Intitulé de l’axe {}", number())) value=title
                on_input=row.write(|a, v| a.title = v)/>
            <CheckField label="Volet santé mentale (loi 3DS, art. 122)" checked=row.read(|a| a.mental_health)
                on_change=row.write(|a, v| a.mental_health = v)/>
            <IssuesFor subject=Subject::Axis(id)/>
            <RowButtons row name removed=move || format!("L’axe « {} »", title.get_untracked())/>
            <ol class="objectives">
                <For each=move || objective_ids.get() key=|id| *id let:objective>
                    <ObjectiveRow axis=id id=objective numbering/>
                </For>
            </ol>
            <AddByName label=Signal::derive(move || format!("Nouvel objectif stratégique de l’axe {}", number()))
                button="Ajouter l’objectif" button_label=Signal::derive(move || format!("Ajouter l’objectif à l’axe {}", number()))
                on_add=add_objective/>
        </li>
    }
}

#[component]
fn ObjectiveRow(axis: Id, id: Id, numbering: Memo<Numbering>) -> impl IntoView {
    let state = AppState::get();
    let number = move || numbering.with(|n| n.label(id).to_string());
    let row = RowLens::<StrategicObjective>::new(state, axis, id);
    let title = row.read(|o| o.title.clone());
    let name = Signal::derive(move || format!("l’objectif {}", number()));
    view! {
        <li class="objective">
            <TextField label=Signal::derive(move || format!("Objectif stratégique {}", number())) value=title
                on_input=row.write(|o, v| o.title = v)/>
            <IssuesFor subject=Subject::Objective(id)/>
            <RowButtons row name removed=move || format!("L’objectif « {} »", title.get_untracked())/>
        </li>
    }
}
