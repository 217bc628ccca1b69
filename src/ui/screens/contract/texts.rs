//! The contract's co-leads and its texts: legal references (« Vu… »), preamble, and the
//! clauses on duration, revision and termination, each a text area with its French help. A
//! co-lead deleted from the directory has no box left to uncheck: validation says so, and a
//! button takes it out.

use crate::model::contract_texts::TextSection;
use crate::model::validation::Subject;
use crate::model::{Contract, Id, Lead};
use crate::ui::state::AppState;
use crate::ui::widgets::fields::{ChoiceList, TextField};
use crate::ui::widgets::issues::IssuesFor;
use crate::ui::widgets::options::organisations;
use leptos::prelude::*;

#[component]
pub fn TextsSection() -> impl IntoView {
    let state = AppState::get();
    let leads = Signal::derive(move || {
        state
            .with_contract(|c| {
                c.leads.iter().filter_map(|l| l.organisation_id).map(|o| o.to_string()).collect()
            })
            .unwrap_or_default()
    });
    let toggle_lead = Callback::new(move |(key, on): (String, bool)| {
        let Some(org) = Id::parse(&key) else { return };
        state.edit_contract(|c, _| {
            let at = c.leads.iter().position(|l| l.organisation_id == Some(org));
            match (on, at) {
                (true, None) => {
                    c.leads.push(Lead { organisation_id: Some(org), person: String::new() })
                }
                (false, Some(at)) => {
                    c.leads.remove(at);
                }
                _ => {}
            }
        })
    });
    let deleted_leads = move |c: &Contract| {
        c.leads.iter().any(|l| l.organisation_id.is_some_and(|id| c.organisation(id).is_none()))
    };
    let has_deleted = Memo::new(move |_| state.with_contract(deleted_leads).unwrap_or(false));
    let remove_deleted = move |_| {
        state.edit_contract(|c, _| {
            let known: Vec<Id> = c.organisations.iter().map(|o| o.id).collect();
            c.leads.retain(|l| l.organisation_id.is_none_or(|id| known.contains(&id)));
        })
    };
    view! {
        <section id="textes" aria-labelledby="textes-titre">
            <h2 id="textes-titre">"Pilotage et textes du contrat"</h2>
            <ChoiceList legend="Copilotes du contrat" help="Les organisations qui pilotent ensemble le contrat, par exemple l’ARS et la collectivité porteuse"
                options=organisations(state) selected=leads on_toggle=toggle_lead/>
            <IssuesFor subject=Subject::ContractLeads/>
            {move || has_deleted.get().then(|| view! {
                <button type="button" class="secondary" on:click=remove_deleted>"Retirer les copilotes supprimés"</button>
            })}
            {TextSection::ALL.into_iter().map(|section| view! {
                <TextField label=section.title() help=section.help().to_string() multiline=true
                    value=Signal::derive(move || state.with_contract(|c| section.of(&c.texts).to_string()).unwrap_or_default())
                    on_input=Callback::new(move |v: String| state.edit_contract(|c, _| *section.of_mut(&mut c.texts) = v))/>
            }).collect_view()}
        </section>
    }
}
