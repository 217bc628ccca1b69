//! The contract set-up: identity and period (more sections come with the contract issue).

use super::no_contract::RequireContract;
use crate::model::Contract;
use crate::ui::fields::{NumberField, TextField};
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn ContractScreen() -> impl IntoView {
    view! {
        <h1>"Le contrat"</h1>
        <RequireContract>
            <Identity/>
        </RequireContract>
    }
}

#[component]
fn Identity() -> impl IntoView {
    let state = AppState::get();
    let read = move |f: fn(&Contract) -> String| {
        Signal::derive(move || state.with_contract(f).unwrap_or_default())
    };
    let set_year = move |apply: fn(&mut Contract, i32)| {
        Callback::new(move |value: Option<i64>| {
            if let Some(year) = value.and_then(|v| i32::try_from(v).ok()) {
                state.edit_contract(|c, _| apply(c, year));
            }
        })
    };
    view! {
        <section aria-labelledby="identite">
            <h2 id="identite">"Identité et période"</h2>
            <TextField label="Nom du contrat"
                help="Le nom officiel, par exemple : Contrat local de santé du Bassin d’Aurillac 2024-2028"
                value=read(|c| c.name.clone())
                on_input=move |v: String| state.edit_contract(|c, _| c.name = v)/>
            <NumberField label="Première année"
                help="L’année de signature, par exemple 2024"
                value=Signal::derive(move || state.with_contract(|c| i64::from(c.period.first_year)))
                on_input=set_year(|c, year| c.period.first_year = year)/>
            <NumberField label="Dernière année"
                help="La dernière année couverte, par exemple 2028 pour un contrat de cinq ans"
                value=Signal::derive(move || state.with_contract(|c| i64::from(c.period.last_year)))
                on_input=set_year(|c, year| c.period.last_year = year)/>
        </section>
    }
}
