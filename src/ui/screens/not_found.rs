//! Shown for an address that names no screen.

use crate::ui::widgets::links::href;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>"Page introuvable"</h1>
        <p>"Cette adresse ne correspond à aucun écran d’Atelier CLS."</p>
        <p><A href=href("/")>"Revenir à mes contrats"</A></p>
    }
}
