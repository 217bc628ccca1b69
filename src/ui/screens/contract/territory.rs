//! The territory: name, member EPCIs and communes, population, priority neighbourhoods.

use crate::model::validation::Subject;
use crate::ui::state::AppState;
use crate::ui::state::{contract_edit, contract_text};
use crate::ui::widgets::fields::{LinesField, NumberField, TextField};
use crate::ui::widgets::issues::IssuesFor;
use leptos::prelude::*;

#[component]
pub fn TerritorySection() -> impl IntoView {
    let state = AppState::get();
    let list = move |read: fn(&crate::model::Contract) -> &Vec<String>| {
        Signal::derive(move || state.with_contract(|c| read(c).clone()).unwrap_or_default())
    };
    let set_list = move |write: fn(&mut crate::model::Contract, Vec<String>)| {
        Callback::new(move |items: Vec<String>| state.edit_contract(|c, _| write(c, items)))
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
            <LinesField label="EPCI membres" help="Une intercommunalité par ligne"
                value=list(|c| &c.territory.epcis) on_input=set_list(|c, v| c.territory.epcis = v)/>
            <LinesField label="Communes" help="Une commune par ligne (facultatif)"
                value=list(|c| &c.territory.communes) on_input=set_list(|c, v| c.territory.communes = v)/>
            <NumberField label="Population" help="Nombre d’habitants, par exemple 80000"
                value=Signal::derive(move || state.with_contract(|c| c.territory.population.map(i64::from)).flatten())
                on_input=set_population/>
            <LinesField label="Quartiers prioritaires (QPV)"
                help="Un quartier prioritaire de la politique de la ville par ligne"
                value=list(|c| &c.territory.priority_neighbourhoods)
                on_input=set_list(|c, v| c.territory.priority_neighbourhoods = v)/>
            <IssuesFor subject=Subject::Territory/>
        </section>
    }
}
