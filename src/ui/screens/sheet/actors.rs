//! Step 5 – Acteurs: lead organisation and person, co-leads (co-pilotage), partners (from the
//! directory or added on the fly), target audiences, territory covered, citizen participation.

use super::access::{edit_sheet, read_sheet, sheet_edit, sheet_field};
use crate::model::list_edit::toggle;
use crate::model::{Id, Lead, Organisation, OrganisationKind, Participation};
use crate::ui::platform::clock::now;
use crate::ui::state::AppState;
use crate::ui::widgets::add_by_name::AddByName;
use crate::ui::widgets::fields::{CheckField, ChoiceList, LinesField, SelectField, TextField};
use crate::ui::widgets::options::{key_options, organisation_options, organisations};
use leptos::prelude::*;

#[component]
pub fn Actors(id: Id) -> impl IntoView {
    let state = AppState::get();
    let partners = organisations(state);
    let chosen = Signal::derive(move || {
        read_sheet(state, id, |_, s| s.partner_ids.iter().map(Id::to_string).collect())
    });
    let toggle_partner = Callback::new(move |(key, on): (String, bool)| {
        if let Some(org) = Id::parse(&key) {
            edit_sheet(state, id, |s| toggle(&mut s.partner_ids, org, on));
        }
    });
    let add_partner = move |name| {
        let org = Organisation::new(Id::random(), name, OrganisationKind::NotStated, now());
        let org_id = org.id;
        state.edit_contract(|c, _| c.organisations.push(org));
        edit_sheet(state, id, |s| s.partner_ids.push(org_id));
    };
    let co_leads = Signal::derive(move || {
        read_sheet(state, id, |_, s| {
            s.leads
                .iter()
                .skip(1)
                .filter_map(|l| l.organisation_id)
                .map(|o| o.to_string())
                .collect()
        })
    });
    let toggle_co_lead = Callback::new(move |(key, on): (String, bool)| {
        let Some(org) = Id::parse(&key) else { return };
        edit_sheet(state, id, |s| {
            if on {
                s.lead_mut();
                s.leads.push(Lead { organisation_id: Some(org), person: String::new() });
            } else if let Some(at) =
                s.leads.iter().skip(1).position(|l| l.organisation_id == Some(org))
            {
                s.leads.remove(at + 1);
            }
        });
    });
    let whole = sheet_field(state, id, |s| s.coverage.whole_territory);
    let set_audiences =
        Callback::new(move |items: Vec<String>| edit_sheet(state, id, |s| s.audiences = items));
    let set_places = Callback::new(move |items: Vec<String>| {
        edit_sheet(state, id, |s| s.coverage.places = items)
    });
    view! {
        <SelectField label="Organisation pilote" help="La structure qui porte la fiche et rend compte au COPIL"
            options=organisation_options(state, "— choisir le pilote —")
            value=sheet_field(state, id, |s| s.leads.first().and_then(|l| l.organisation_id).map(|o| o.to_string()).unwrap_or_default())
            on_change=sheet_edit(state, id, |s, v: String| s.lead_mut().organisation_id = Id::parse(&v))/>
        <TextField label="Personne référente chez le pilote" help="Nom et fonction : « Julie Bernard, chargée de prévention »"
            value=sheet_field(state, id, |s| s.leads.first().map(|l| l.person.clone()).unwrap_or_default())
            on_input=sheet_edit(state, id, |s, v| s.lead_mut().person = v)/>
        <ChoiceList legend="Copilotes" help="Les autres organisations qui pilotent la fiche avec le pilote (copilotage)"
            options=organisations(state) selected=co_leads on_toggle=toggle_co_lead/>
        <ChoiceList legend="Partenaires" help="Cochez les organisations associées ; ajoutez-en une nouvelle si besoin"
            options=partners selected=chosen on_toggle=toggle_partner/>
        <AddByName label="Nouveau partenaire" help="Il est ajouté à l’annuaire du contrat et coché ici"
            button="Ajouter le partenaire" secondary=true on_add=add_partner/>
        <LinesField label="Publics cibles" help="Un public par ligne, par exemple : Personnes de plus de 60 ans isolées"
            value=Signal::derive(move || read_sheet(state, id, |_, s| s.audiences.clone()))
            on_input=set_audiences/>
        <CheckField label="Toute la population du territoire du contrat" checked=whole
            on_change=sheet_edit(state, id, |s, v| s.coverage.whole_territory = v)/>
        <Show when=move || !whole.get()>
            <LinesField label="Territoires concernés" help="Un par ligne : EPCI, communes ou quartier prioritaire (QPV)"
                value=Signal::derive(move || read_sheet(state, id, |_, s| s.coverage.places.clone()))
                on_input=set_places/>
        </Show>
        <SelectField label="Participation des habitants" help="De la simple information jusqu’à la co-construction de l’action"
            options=key_options(Participation::ALL, Participation::key, Participation::label)
            value=sheet_field(state, id, |s| s.participation.key().to_string())
            on_change=sheet_edit(state, id, |s, v: String| if let Some(p) = Participation::from_key(&v) { s.participation = p })/>
    }
}
