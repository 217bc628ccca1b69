//! « Créer l’avenant n°N »: its date, the decision that adopted it, its object and what it
//! changes (prefilled from the pending changes until typed in). Creating it freezes the
//! contract as it now stands.

use super::amendments::AdoptionFields;
use crate::model::amendment::{create_amendment, next_amendment_number, AmendmentFields};
use crate::model::Id;
use crate::ui::platform::tabs::edit_fresh;
use crate::ui::state::{focus_after_render, AppState};
use crate::ui::widgets::fields::TextField;
use crate::ui::widgets::notices::Level;
use crate::versions::amendment_changes::ChangeGroup;
use crate::versions::since_signed::summary;
use leptos::prelude::*;

#[component]
pub fn CreateAmendment(pending: Memo<Vec<ChangeGroup>>) -> impl IntoView {
    let state = AppState::get();
    let number = Memo::new(move |_| state.with_contract(next_amendment_number).unwrap_or(1));
    let date = RwSignal::new(String::new());
    let meeting = RwSignal::new(None::<Id>);
    let adopted_by = RwSignal::new(String::new());
    let object = RwSignal::new(String::new());
    let changes = RwSignal::new(String::new());
    let typed_changes = RwSignal::new(false);
    let other = RwSignal::new(false);
    Effect::new(move |_| {
        let text = pending.with(|groups| summary(groups));
        if !typed_changes.get_untracked() {
            changes.set(text);
        }
    });
    let create = move |_| {
        let fields = AmendmentFields {
            date: Some(date.get_untracked()),
            meeting_id: meeting.get_untracked(),
            adopted_by: adopted_by.get_untracked(),
            object: object.get_untracked(),
            changes: changes.get_untracked(),
        };
        // Numbered on the contract as stored now, under the lock the tabs share: another tab
        // may have created an avenant a moment ago.
        edit_fresh(move || {
            let id = Id::random();
            let mut created = None;
            state.edit_contract(|c, now| created = create_amendment(c, id, now, fields).ok());
            let Some(n) = created else { return };
            date.set(String::new());
            meeting.set(None);
            other.set(false);
            adopted_by.set(String::new());
            object.set(String::new());
            typed_changes.set(false);
            changes.set(String::new());
            state.notices.push(
                Level::Info,
                format!("Avenant n°{n} créé : la version du contrat qu’il établit est figée."),
            );
            focus_after_render(format!("avenant-{id}"));
        });
    };
    view! {
        <section aria-labelledby="creer-titre">
            <h2 id="creer-titre">{move || format!("Créer l’avenant n°{}", number.get())}</h2>
            <p class="muted">"Créer l’avenant fige la version actuelle du contrat : les modifications ci-dessus y sont enregistrées et la liste repart de zéro."</p>
            <TextField label="Date de l’avenant" kind="date" value=date on_input=move |v| date.set(v)/>
            <AdoptionFields other meeting adopted_by
                on_meeting=Callback::new(move |m| meeting.set(m))
                on_adopted_by=Callback::new(move |v| adopted_by.set(v))/>
            <TextField label="Objet de l’avenant" multiline=true
                help="Par exemple : report de la fiche action n°3 et nouvel objectif"
                value=object on_input=move |v| object.set(v)/>
            <TextField label="Ce qu’il modifie" multiline=true
                help="Prérempli avec les modifications depuis la version en vigueur : reformulez ou complétez"
                value=changes on_input=move |v| { typed_changes.set(true); changes.set(v) }/>
            <div class="actions">
                <button type="button" on:click=create>{move || format!("Créer l’avenant n°{}", number.get())}</button>
            </div>
        </section>
    }
}
