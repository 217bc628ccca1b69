//! One action sheet (fiche action), opened from the sheet list.

use super::no_contract::RequireContract;
use leptos::prelude::*;

#[component]
pub fn SheetScreen() -> impl IntoView {
    view! {
        <h1>"Fiche action"</h1>
        <RequireContract>
            <p>"Le formulaire guidé de la fiche action sera affiché ici."</p>
        </RequireContract>
    }
}
