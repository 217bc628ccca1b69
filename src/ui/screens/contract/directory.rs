//! The directory of organisations: add, edit, mark signatory/partner, merge duplicates, delete
//! (with undo). A signatory gets its signature block (signer, capacity, « Par délégation »,
//! order on the signature page, commitments). Sheets, governance and funding pick organisations
//! from here.

use crate::model::directory::{merge_organisations, organisation_options};
use crate::model::organisation::next_signatory_rank;
use crate::model::validation::Subject;
use crate::model::{Id, Organisation, OrganisationKind, Signatory};
use crate::ui::row_lens::{row_ids, RowLens};
use crate::ui::state::AppState;
use crate::ui::widgets::add_by_name::AddByName;
use crate::ui::widgets::fields::{CheckField, NumberField, SelectField, TextField};
use crate::ui::widgets::issues::IssuesFor;
use crate::ui::widgets::options::with_first;
use crate::ui::widgets::row_buttons::RemoveButton;
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
                OrganisationKind::NotStated,
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
    let signs = flag(|o| o.is_signatory());
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
                <CheckField label="Signataire du contrat" checked=signs on_change=move |on: bool| {
                    state.edit_contract(|c, now| {
                        let rank = next_signatory_rank(&c.organisations);
                        if let Some(o) = c.organisations.iter_mut().find(|o| o.id == id) {
                            match (on, o.signatory.is_some()) {
                                (true, false) => o.signatory = Some(Signatory { rank, ..Default::default() }),
                                (false, true) => o.signatory = None,
                                _ => return,
                            }
                            o.modified_at = now;
                        }
                    })
                }/>
                <Show when=move || signs.get()>
                    <SignatoryFields id/>
                </Show>
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

/// The signature block of a signatory organisation, as the signature page prints it.
#[component]
fn SignatoryFields(id: Id) -> impl IntoView {
    let state = AppState::get();
    let row = RowLens::<Organisation>::of_contract(state, id);
    let text = move |get: fn(&Signatory) -> String| {
        row.read_by(move |o| o.signatory.as_ref().map(get).unwrap_or_default())
    };
    let edit = move |set: fn(&mut Signatory, String)| {
        Callback::new(move |v: String| {
            row.edit(|o| {
                if let Some(s) = o.signatory.as_mut() {
                    set(s, v)
                }
            })
        })
    };
    let delegation = row.read(|o| o.signatory.as_ref().is_some_and(|s| s.by_delegation));
    let set_delegation = row.write(|o: &mut Organisation, v: bool| {
        if let Some(s) = o.signatory.as_mut() {
            s.by_delegation = v
        }
    });
    let rank = row.read(|o| o.signatory.as_ref().map(|s| i64::from(s.rank)));
    let set_rank = row.write(|o: &mut Organisation, v: Option<i64>| {
        if let Some(s) = o.signatory.as_mut() {
            s.rank = v.unwrap_or(0).clamp(0, 999) as u32
        }
    });
    view! {
        <fieldset class="signatory">
            <legend>"Bloc de signature"</legend>
            <TextField label="Nom du signataire" help="Tel qu’il figure sous la signature : « Cécile COURREGES »"
                value=text(|s| s.signer.clone()) on_input=edit(|s, v| s.signer = v)/>
            <TextField label="Qualité du signataire" help="Par exemple : « Madame la Directrice générale », « Monsieur le Président »"
                value=text(|s| s.capacity.clone()) on_input=edit(|s, v| s.capacity = v)/>
            <CheckField label="Signe par délégation" checked=delegation on_change=set_delegation/>
            <NumberField label="Ordre sur la page des signatures" help="1 pour le premier bloc ; à égalité, l’ordre de l’annuaire"
                value=rank on_input=set_rank/>
            <TextField label="Engagements du signataire" multiline=true
                help="« Engagements des signataires » : ce à quoi l’organisation s’engage sur la durée du contrat, un engagement par ligne"
                value=text(|s| s.commitments.clone()) on_input=edit(|s, v| s.commitments = v)/>
        </fieldset>
    }
}
