//! The territory: name, member EPCIs and communes, population, priority neighbourhoods.

use super::identity::{contract_edit, contract_text};
use super::issues::IssuesFor;
use crate::model::validation::Subject;
use crate::ui::fields::{NumberField, TextField};
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Lists are typed one item per line: what people do in a Word table, and easy on a keyboard.
fn lines(text: &str) -> Vec<String> {
    text.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect()
}

#[component]
pub fn TerritorySection() -> impl IntoView {
    let state = AppState::get();
    let list = move |read: fn(&crate::model::Contract) -> &Vec<String>| {
        Signal::derive(move || state.with_contract(|c| read(c).join("\n")).unwrap_or_default())
    };
    let set_list = move |write: fn(&mut crate::model::Contract, Vec<String>)| {
        Callback::new(move |text: String| state.edit_contract(|c, _| write(c, lines(&text))))
    };
    let set_population = Callback::new(move |v: Option<i64>| {
        state.edit_contract(|c, _| c.territory.population = v.and_then(|v| u32::try_from(v).ok()))
    });
    view! {
        <section id="territoire" aria-labelledby="territoire-titre">
            <h2 id="territoire-titre">"Territoire"</h2>
            <TextField label="Nom du territoire" help="Par exemple : Bassin d’Aurillac, Carladès et Châtaigneraie"
                value=contract_text(state, |c| c.territory.name.clone())
                on_input=contract_edit(state, |c, v| c.territory.name = v)/>
            <TextField label="EPCI membres" multiline=true help="Une intercommunalité par ligne"
                value=list(|c| &c.territory.epcis) on_input=set_list(|c, v| c.territory.epcis = v)/>
            <TextField label="Communes" multiline=true help="Une commune par ligne (facultatif)"
                value=list(|c| &c.territory.communes) on_input=set_list(|c, v| c.territory.communes = v)/>
            <NumberField label="Population" help="Nombre d’habitants, par exemple 80000"
                value=Signal::derive(move || state.with_contract(|c| c.territory.population.map(i64::from)).flatten())
                on_input=set_population/>
            <TextField label="Quartiers prioritaires (QPV)" multiline=true
                help="Un quartier prioritaire de la politique de la ville par ligne"
                value=list(|c| &c.territory.priority_neighbourhoods)
                on_input=set_list(|c, v| c.territory.priority_neighbourhoods = v)/>
            <IssuesFor subject=Subject::Territory/>
        </section>
    }
}
