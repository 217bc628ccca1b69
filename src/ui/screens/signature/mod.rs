//! « Signature et avenants »: before signing, what is missing and « Signer le contrat »; once
//! signed, the changes pending since the version in force, « Créer l’avenant n°N » and the
//! avenants, newest first, each with what it changed, and « Annuler la signature » while no
//! avenant exists. What the other screens show of
//! it (the fiche list's marker, the fiche's notice, the contract's line) is a widget:
//! `ui::widgets::signature_markers`.

mod amendments;
mod cancel;
mod changes;
mod create;
mod signed;
mod unsigned;

use crate::model::amendment::is_signed;
use crate::ui::state::AppState;
use crate::ui::widgets::issues::provide_issues;
use crate::ui::widgets::no_contract::RequireContract;
use leptos::prelude::*;

#[component]
pub fn SignatureScreen() -> impl IntoView {
    view! {
        <h1>"Signature et avenants"</h1>
        <RequireContract>
            <SignatureOrAmendments/>
        </RequireContract>
    }
}

#[component]
fn SignatureOrAmendments() -> impl IntoView {
    let state = AppState::get();
    // Each avenant shows its own validation issues (numbering, date, object, meeting).
    provide_issues();
    let signed = Memo::new(move |_| state.with_contract(is_signed).unwrap_or(false));
    move || {
        if signed.get() {
            view! { <signed::Signed/> }.into_any()
        } else {
            view! { <unsigned::Unsigned/> }.into_any()
        }
    }
}
