//! The planning of every action over the contract period.

use super::no_contract::RequireContract;
use leptos::prelude::*;

#[component]
pub fn PlanningScreen() -> impl IntoView {
    view! {
        <h1>"Planning"</h1>
        <RequireContract>
            <p>"Le planning de toutes les actions sur la période du contrat sera affiché ici."</p>
        </RequireContract>
    }
}
