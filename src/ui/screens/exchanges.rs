//! Sharing with partners: export and import of JSON files.

use super::no_contract::RequireContract;
use leptos::prelude::*;

#[component]
pub fn ExchangesScreen() -> impl IntoView {
    view! {
        <h1>"Échanges"</h1>
        <RequireContract>
            <p>"L’export et l’import de fichiers entre partenaires seront proposés ici."</p>
        </RequireContract>
    }
}
