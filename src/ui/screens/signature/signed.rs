//! Once signed: where and when, the changes pending since the version in force, the form that
//! makes them an avenant, then the avenants.

use super::amendments::AmendmentList;
use super::cancel::CancelSignature;
use super::changes::ChangeList;
use super::create::CreateAmendment;
use crate::model::amendment::{signed_statement, unchanged_since_in_force};
use crate::ui::state::AppState;
use crate::versions::since_signed::pending_changes;
use leptos::prelude::*;

#[component]
pub fn Signed() -> impl IntoView {
    let state = AppState::get();
    let statement = Memo::new(move |_| state.with_contract(signed_statement).unwrap_or_default());
    let pending = Memo::new(move |_| state.with_contract(pending_changes).unwrap_or_default());
    let unchanged = Signal::derive(move || {
        let said = state.with_contract(unchanged_since_in_force).unwrap_or_default();
        format!("Aucune modification depuis la version en vigueur : {said}.")
    });
    view! {
        <p class="banner banner--info" id="signature-etat" tabindex="-1">{move || statement.get()}</p>
        <section aria-labelledby="modifications-titre">
            <h2 id="modifications-titre">"Modifications depuis la version en vigueur"</h2>
            <p class="muted">"Ce qui a changé depuis la version signée (ou depuis le dernier avenant), fiche par fiche. Le suivi annuel n’en fait pas partie."</p>
            <ChangeList groups=pending level=3 empty=unchanged/>
        </section>
        <CreateAmendment pending/>
        <AmendmentList/>
        <CancelSignature/>
    }
}
