//! The directory of organisations: add, edit, mark signatory/partner, merge duplicates, delete
//! (with undo). Sheets, governance and funding pick organisations from here.

use crate::model::directory::{merge_organisations, organisation_options};
use crate::model::validation::Subject;
use crate::model::{Id, Organisation, OrganisationKind};
use crate::ui::add_by_name::AddByName;
use crate::ui::fields::{CheckField, SelectField, TextField};
use crate::ui::options::with_first;
use crate::ui::row_buttons::RemoveButton;
use crate::ui::row_lens::{row_ids, RowLens};
use crate::ui::screens::issues::IssuesFor;
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn Directory() -> impl IntoView {
    let state = AppState::get();
    let ids = row_ids::<Organisation>(state, None);
    let add = move |name: String| {
        state.edit_contract(|c, now| {
            c.organisations.push(Organisation::new(
                Id::random(),
                name,
                OrganisationKind::Other,
                now,
            ))
        })
    };
    view! {
        <section id="annuaire" aria-labelledby="annuaire-titre">
            <h2 id="annuaire-titre">"Organisations"</h2>
            <p class="muted">"L’annuaire du contrat : signataires et partenaires, repris dans les fiches action."</p>
            <ul class="rows">
                <For each=move || ids.get() key=|id| *id let:id>
                    <OrganisationRow id/>
                </For>
            </ul>
            <AddByName label="Nom de la nouvelle organisation" help="Par exemple : CPAM du Cantal"
                button="Ajouter l’organisation" on_add=add/>
        </section>
    }
}

#[component]
fn OrganisationRow(id: Id) -> impl IntoView {
    let state = AppState::get();
    let row = RowLens::<Organisation>::of_contract(state, id);
    let read = move |get: fn(&Organisation) -> String| row.read(get);
    let flag = move |get: fn(&Organisation) -> bool| row.read(get);
    let edit = move |set: fn(&mut Organisation, String)| row.write(set);
    let set_flag = move |set: fn(&mut Organisation, bool)| row.write(set);
    let name = read(|o| o.name.clone());
    let kinds = Signal::derive(|| {
        OrganisationKind::ALL.iter().map(|k| (k.key().to_string(), k.label().to_string())).collect()
    });
    let others = Signal::derive(move || {
        let own_key = id.to_string();
        let mut others = state.with_contract(organisation_options).unwrap_or_default();
        others.retain(|(key, _)| *key != own_key);
        with_first("— choisir —", others)
    });
    let merge_into = RwSignal::new(String::new());
    let merge = move |_| {
        let Some(kept) = Id::parse(&merge_into.get_untracked()) else { return };
        state.edit_contract(|c, now| {
            merge_organisations(c, kept, id, now);
        });
    };
    view! {
        <li class="row">
            <fieldset>
                <legend>{move || name.get()}</legend>
                <TextField label="Nom" value=name on_input=edit(|o, v| o.name = v)/>
                <SelectField label="Type d’organisation" options=kinds value=read(|o| o.kind.key().to_string())
                    on_change=edit(|o, v| if let Some(kind) = OrganisationKind::from_key(&v) { o.kind = kind })/>
                <CheckField label="Signataire du contrat" checked=flag(|o| o.signatory) on_change=set_flag(|o, v| o.signatory = v)/>
                <CheckField label="Partenaire" checked=flag(|o| o.partner) on_change=set_flag(|o, v| o.partner = v)/>
                <TextField label="Personne contact" value=read(|o| o.contact.name.clone()) on_input=edit(|o, v| o.contact.name = v)/>
                <TextField label="Courriel du contact" kind="email" value=read(|o| o.contact.email.clone())
                    on_input=edit(|o, v| o.contact.email = v)/>
                <TextField label="Téléphone du contact" kind="tel" value=read(|o| o.contact.phone.clone())
                    on_input=edit(|o, v| o.contact.phone = v)/>
                <IssuesFor subject=Subject::Organisation(id)/>
                <div class="actions">
                    <SelectField label="Doublon de" help="Fusionne cette organisation dans celle choisie : les fiches qui la citent suivent."
                        options=others value=merge_into on_change=move |v| merge_into.set(v)/>
                    <button type="button" class="secondary" on:click=merge disabled=move || merge_into.with(String::is_empty)
                        aria-label=move || format!("Fusionner « {} » avec l’organisation choisie", name.get())>"Fusionner"</button>
                    <RemoveButton name=Signal::derive(move || format!("l’organisation « {} »", name.get()))
                        on_remove=move || row.remove_with_undo(format!("L’organisation « {} »", name.get_untracked()))/>
                </div>
            </fieldset>
        </li>
    }
}
