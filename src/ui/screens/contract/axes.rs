//! Axes and their strategic objectives: add, rename, tag mental health, reorder (buttons for
//! the keyboard, drag and drop for the pointer), delete with undo. Numbers follow the order.

use crate::model::entity::edit_by_id;
use crate::model::numbering::Numbering;
use crate::model::order::{move_by, move_item};
use crate::model::validation::Subject;
use crate::model::{Axis, Contract, Id, StrategicObjective};
use crate::ui::clock::now;
use crate::ui::fields::{CheckField, TextField};
use crate::ui::screens::issues::IssuesFor;
use crate::ui::state::{focus_after_render, restore_at, take_where, AppState};
use leptos::prelude::*;

#[component]
pub fn AxesSection() -> impl IntoView {
    let state = AppState::get();
    let numbering = state.numbering;
    let ids = Memo::new(move |_| {
        state.with_contract(|c| c.axes.iter().map(|a| a.id).collect::<Vec<_>>()).unwrap_or_default()
    });
    let dragged = RwSignal::new(None::<Id>);
    let new_title = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let title = new_title.get_untracked().trim().to_string();
        if title.is_empty() {
            return;
        }
        state.edit_contract(|c, now| c.axes.push(Axis::new(Id::random(), title, now)));
        new_title.set(String::new());
    };
    view! {
        <section id="axes" aria-labelledby="axes-titre">
            <h2 id="axes-titre">"Axes et objectifs stratégiques"</h2>
            <p class="muted">"Les numéros suivent l’ordre : déplacez un axe ou un objectif avec « Monter » et « Descendre », ou en le faisant glisser."</p>
            <ol class="axes">
                <For each=move || ids.get() key=|id| *id let:id>
                    <AxisRow id numbering dragged/>
                </For>
            </ol>
            <form on:submit=add class="add-form">
                <TextField label="Intitulé du nouvel axe" help="Par exemple : Santé mentale et précarité"
                    value=new_title on_input=move |v| new_title.set(v)/>
                <button type="submit">"Ajouter l’axe"</button>
            </form>
        </section>
    }
}

fn axis_index(c: &Contract, id: Id) -> Option<usize> {
    c.axes.iter().position(|a| a.id == id)
}

fn edit_axis(state: AppState, id: Id, change: impl FnOnce(&mut Axis)) {
    state.edit_contract(|c, now| {
        edit_by_id(&mut c.axes, id, now, change);
    });
}

#[component]
fn AxisRow(id: Id, numbering: Memo<Numbering>, dragged: RwSignal<Option<Id>>) -> impl IntoView {
    let state = AppState::get();
    let number = move || numbering.with(|n| n.label(id).to_string());
    let title = Signal::derive(move || {
        state.with_contract(|c| c.axis(id).map(|a| a.title.clone())).flatten().unwrap_or_default()
    });
    let mental_health = Signal::derive(move || {
        state.with_contract(|c| c.axis(id).is_some_and(|a| a.mental_health)).unwrap_or(false)
    });
    let objective_ids = Memo::new(move |_| {
        state
            .with_contract(|c| {
                c.axis(id).map(|a| a.objectives.iter().map(|o| o.id).collect::<Vec<_>>())
            })
            .flatten()
            .unwrap_or_default()
    });
    let shift = move |step: isize, button: &'static str| {
        state.edit_contract(|c, _| {
            if let Some(index) = axis_index(c, id) {
                move_by(&mut c.axes, index, step);
            }
        });
        focus_after_render(format!("{button}-{id}"));
    };
    let remove = move |_| {
        state.remove_with_undo(
            format!("L’axe « {} »", title.get_untracked()),
            |c| take_where(&mut c.axes, |a| a.id == id),
            |c, index, axis| restore_at(&mut c.axes, index, axis),
        )
    };
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
    let new_objective = RwSignal::new(String::new());
    let add_objective = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let title = new_objective.get_untracked().trim().to_string();
        if title.is_empty() {
            return;
        }
        edit_axis(state, id, |a| {
            a.objectives.push(StrategicObjective { id: Id::random(), modified_at: now(), title })
        });
        new_objective.set(String::new());
    };
    view! {
        <li class="axis" draggable="true"
            class:axis--dragged=move || dragged.get() == Some(id)
            on:dragstart=move |_| dragged.set(Some(id))
            on:dragend=move |_| dragged.set(None)
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=drop_here>
            <h3>{move || format!("Axe {}", number())}</h3>
            <TextField label=Signal::derive(move || format!("Intitulé de l’axe {}", number())) value=title
                on_input=move |v: String| edit_axis(state, id, |a| a.title = v)/>
            <CheckField label="Volet santé mentale (loi 3DS, art. 122)" checked=mental_health
                on_change=move |v: bool| edit_axis(state, id, |a| a.mental_health = v)/>
            <IssuesFor subject=Subject::Axis(id)/>
            <div class="actions">
                <button type="button" class="secondary" id=format!("monter-{id}") on:click=move |_| shift(-1, "monter")
                    aria-label=move || format!("Monter l’axe {}", number())>"Monter"</button>
                <button type="button" class="secondary" id=format!("descendre-{id}") on:click=move |_| shift(1, "descendre")
                    aria-label=move || format!("Descendre l’axe {}", number())>"Descendre"</button>
                <button type="button" class="danger" on:click=remove
                    aria-label=move || format!("Supprimer l’axe {}", number())>"Supprimer"</button>
            </div>
            <ol class="objectives">
                <For each=move || objective_ids.get() key=|id| *id let:objective>
                    <ObjectiveRow axis=id id=objective numbering/>
                </For>
            </ol>
            <form on:submit=add_objective class="add-form">
                <TextField label=Signal::derive(move || format!("Nouvel objectif stratégique de l’axe {}", number()))
                    value=new_objective on_input=move |v| new_objective.set(v)/>
                <button type="submit" aria-label=move || format!("Ajouter l’objectif à l’axe {}", number())>"Ajouter l’objectif"</button>
            </form>
        </li>
    }
}

#[component]
fn ObjectiveRow(axis: Id, id: Id, numbering: Memo<Numbering>) -> impl IntoView {
    let state = AppState::get();
    let number = move || numbering.with(|n| n.label(id).to_string());
    let title = Signal::derive(move || {
        state
            .with_contract(|c| c.axis(axis).and_then(|a| a.objective(id)).map(|o| o.title.clone()))
            .flatten()
            .unwrap_or_default()
    });
    let edit_title = Callback::new(move |value: String| {
        edit_axis(state, axis, |a| {
            edit_by_id(&mut a.objectives, id, now(), |o| o.title = value);
        })
    });
    let shift = move |step: isize, button: &'static str| {
        edit_axis(state, axis, |a| {
            if let Some(index) = a.objectives.iter().position(|o| o.id == id) {
                move_by(&mut a.objectives, index, step);
            }
        });
        focus_after_render(format!("{button}-{id}"));
    };
    let remove = move |_| {
        state.remove_with_undo(
            format!("L’objectif « {} »", title.get_untracked()),
            |c| {
                c.axes
                    .iter_mut()
                    .find(|a| a.id == axis)
                    .and_then(|a| take_where(&mut a.objectives, |o| o.id == id))
            },
            move |c, index, objective| {
                if let Some(a) = c.axes.iter_mut().find(|a| a.id == axis) {
                    restore_at(&mut a.objectives, index, objective);
                }
            },
        )
    };
    view! {
        <li class="objective">
            <TextField label=Signal::derive(move || format!("Objectif stratégique {}", number())) value=title on_input=edit_title/>
            <IssuesFor subject=Subject::Objective(id)/>
            <div class="actions">
                <button type="button" class="secondary" id=format!("monter-{id}") on:click=move |_| shift(-1, "monter")
                    aria-label=move || format!("Monter l’objectif {}", number())>"Monter"</button>
                <button type="button" class="secondary" id=format!("descendre-{id}") on:click=move |_| shift(1, "descendre")
                    aria-label=move || format!("Descendre l’objectif {}", number())>"Descendre"</button>
                <button type="button" class="danger" on:click=remove
                    aria-label=move || format!("Supprimer l’objectif {}", number())>"Supprimer"</button>
            </div>
        </li>
    }
}
