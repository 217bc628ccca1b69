//! Step 1 – Identification: where the sheet sits in the contract, what it is, what it touches.

use super::access::{edit_sheet, read_sheet, sheet_edit, sheet_field};
use crate::model::list_edit::toggle;
use crate::model::reference::{Determinant, HealthField, PlanLink};
use crate::model::{Id, Priority, SheetKind};
use crate::ui::state::AppState;
use crate::ui::widgets::fields::{CheckField, ChoiceList, SelectField, TextField};
use crate::ui::widgets::options::{axis_options, key_options};
use leptos::prelude::*;

#[component]
pub fn Identification(id: Id) -> impl IntoView {
    let state = AppState::get();
    let axes = axis_options(state, "— choisir un axe —");
    let objectives = Signal::derive(move || {
        let mut options = vec![(String::new(), "— choisir un objectif —".to_string())];
        options.extend(state.numbering.with(|n| {
            read_sheet(state, id, |c, s| {
                s.axis_id
                    .and_then(|axis| c.axis(axis))
                    .map(|a| {
                        a.objectives
                            .iter()
                            .map(|o| (o.id.to_string(), format!("{} – {}", n.label(o.id), o.title)))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        }));
        options
    });
    let number = move || state.numbering.with(|n| n.label(id).to_string());
    let set_axis = Callback::new(move |v: String| {
        edit_sheet(state, id, |s| {
            s.axis_id = Id::parse(&v);
            s.objective_id = None;
        })
    });
    view! {
        <p class="derived-number">{move || format!("Numéro (calculé) : fiche action n°{}", number())}</p>
        <SelectField label="Axe stratégique" help="L’axe du contrat auquel la fiche contribue"
            options=axes value=sheet_field(state, id, |s| s.axis_id.map(|a| a.to_string()).unwrap_or_default()) on_change=set_axis/>
        <SelectField label="Objectif stratégique" help="Choisissez d’abord l’axe ; par exemple « 2.1 – Améliorer l’accès aux soins »"
            options=objectives value=sheet_field(state, id, |s| s.objective_id.map(|a| a.to_string()).unwrap_or_default())
            on_change=sheet_edit(state, id, |s, v: String| s.objective_id = Id::parse(&v))/>
        <TextField label="Intitulé de la fiche" help="Un titre court et actif, par exemple : Développer le sport santé"
            value=sheet_field(state, id, |s| s.title.clone()) on_input=sheet_edit(state, id, |s, v| s.title = v)/>
        <SelectField label="Type de fiche" help="Thématique (une action de santé), coordination (l’animation du CLS) ou partenaire (portée par un signataire)"
            options=key_options(SheetKind::ALL, SheetKind::key, SheetKind::label) value=sheet_field(state, id, |s| s.kind.key().to_string())
            on_change=sheet_edit(state, id, |s, v: String| if let Some(k) = SheetKind::from_key(&v) { s.kind = k })/>
        <SelectField label="Priorité" help="Haute pour ce qui doit démarrer dès la première année"
            options=key_options(Priority::ALL, Priority::key, Priority::label) value=sheet_field(state, id, |s| s.priority.key().to_string())
            on_change=sheet_edit(state, id, |s, v: String| if let Some(p) = Priority::from_key(&v) { s.priority = p })/>
        <CheckField label="Cette fiche relève du volet santé mentale (loi 3DS)"
            checked=sheet_field(state, id, |s| s.mental_health) on_change=sheet_edit(state, id, |s, v| s.mental_health = v)/>
        <ChoiceList legend="Champs d’intervention" help="Les champs du CLS (article L1434-10 du code de la santé publique) concernés"
            options=key_options(HealthField::ALL, HealthField::key, HealthField::label)
            selected=Signal::derive(move || read_sheet(state, id, |_, s| s.health_fields.iter().map(|f| f.key().to_string()).collect()))
            on_toggle=move |(key, on): (String, bool)| if let Some(f) = HealthField::from_key(&key) { edit_sheet(state, id, |s| toggle(&mut s.health_fields, f, on)) }/>
        <ChoiceList legend="Déterminants de santé" help="Sur quoi l’action agit, par exemple : comportements, accès aux soins"
            options=key_options(Determinant::ALL, Determinant::key, Determinant::label)
            selected=Signal::derive(move || read_sheet(state, id, |_, s| s.determinants.iter().map(|f| f.key().to_string()).collect()))
            on_toggle=move |(key, on): (String, bool)| if let Some(f) = Determinant::from_key(&key) { edit_sheet(state, id, |s| toggle(&mut s.determinants, f, on)) }/>
        <ChoiceList legend="Liens avec d’autres plans" help="Par exemple le PTSM pour une action de santé mentale"
            options=key_options(PlanLink::ALL, PlanLink::key, PlanLink::label)
            selected=Signal::derive(move || read_sheet(state, id, |_, s| s.plan_links.iter().map(|f| f.key().to_string()).collect()))
            on_toggle=move |(key, on): (String, bool)| if let Some(f) = PlanLink::from_key(&key) { edit_sheet(state, id, |s| toggle(&mut s.plan_links, f, on)) }/>
    }
}
