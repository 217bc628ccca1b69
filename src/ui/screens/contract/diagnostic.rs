//! The local health diagnostic, grouped by the five usual categories.

use crate::model::entity::edit_by_id;
use crate::model::list_edit::{restore_at, take_where};
use crate::model::{Finding, FindingCategory, Id};
use crate::ui::state::AppState;
use crate::ui::widgets::fields::TextField;
use leptos::prelude::*;

#[component]
pub fn DiagnosticSection() -> impl IntoView {
    view! {
        <section id="diagnostic" aria-labelledby="diagnostic-titre">
            <h2 id="diagnostic-titre">"Diagnostic local de santé"</h2>
            {FindingCategory::ALL.into_iter().map(|category| view! { <Category category/> }).collect_view()}
        </section>
    }
}

#[component]
fn Category(category: FindingCategory) -> impl IntoView {
    let state = AppState::get();
    let ids = Memo::new(move |_| {
        state
            .with_contract(|c| {
                c.diagnostic
                    .iter()
                    .filter(|f| f.category == category)
                    .map(|f| f.id)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let add = move |_| {
        state.edit_contract(|c, now| {
            c.diagnostic.push(Finding {
                id: Id::random(),
                modified_at: now,
                category,
                text: String::new(),
            })
        })
    };
    view! {
        <h3>{category.label()}</h3>
        <ul class="rows">
            <For each=move || ids.get() key=|id| *id let:id>
                <FindingRow id category/>
            </For>
        </ul>
        <button type="button" class="secondary" on:click=add>{format!("Ajouter un constat : {}", category.label())}</button>
    }
}

#[component]
fn FindingRow(id: Id, category: FindingCategory) -> impl IntoView {
    let state = AppState::get();
    let text = Signal::derive(move || {
        state
            .with_contract(|c| c.diagnostic.iter().find(|f| f.id == id).map(|f| f.text.clone()))
            .flatten()
            .unwrap_or_default()
    });
    let edit = Callback::new(move |value: String| {
        state.edit_contract(|c, now| {
            edit_by_id(&mut c.diagnostic, id, now, |f| f.text = value);
        })
    });
    let remove = move |_| {
        state.remove_with_undo(
            "Le constat".to_string(),
            |c| take_where(&mut c.diagnostic, |f| f.id == id),
            |c, index, f| restore_at(&mut c.diagnostic, index, f),
        )
    };
    view! {
        <li class="row row--inline">
            <TextField label=format!("Constat ({})", category.label()) multiline=true
                help="Une phrase courte, chiffrée si possible : « 30 % des médecins généralistes ont plus de 60 ans »"
                value=text on_input=edit/>
            <button type="button" class="danger" on:click=remove aria-label="Supprimer ce constat">"Supprimer"</button>
        </li>
    }
}
