//! « Comparer à la version signée »: the signed version's dates (the signature's frozen copy, or
//! the latest avenant's) as a pale baseline under each bar, so that a delayed action is visible
//! at a glance; each bar's name then says its signed dates and by how much it moved
//! (`model::planning::SignedDates`, drawn by `document::chart_lines::chart_lines_beside`).
//!
//! Kept in the address (`comparer=signee`) like the filters and colours, not in this browser as
//! the density is: it is about what the view shows, and a coordinator sends « the planning
//! against the signed version » to a partner before a COPIL as a link. Before signature the box
//! is disabled and says why.

use super::{View, ViewState};
use crate::model::amendment::signed_version;
use crate::model::planning::SignedDates;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// The address's key and value when the comparison is on.
pub const QUERY_KEY: &str = "comparer";
pub const QUERY_VALUE: &str = "signee";

/// Why the box is disabled before signature.
pub const NOT_SIGNED: &str =
    "Le contrat n’est pas encore signé : la comparaison sera possible après « Signer le contrat ».";

const BOX_ID: &str = "planning-comparer";
const HELP_ID: &str = "planning-comparer-aide";

/// The signed version's dates while the comparison is on and the contract is signed, else
/// `None` (and nothing of the signed copy is read while it is off).
pub fn signed_dates(state: AppState, view: Memo<View>) -> Memo<Option<SignedDates>> {
    Memo::new(move |_| {
        if view.with(|v| v.compare) {
            state.with_contract(SignedDates::of).flatten()
        } else {
            None
        }
    })
}

/// The checkbox « Comparer à la version signée », disabled with its reason before signature.
#[component]
pub fn BaselineToggle() -> impl IntoView {
    let state = AppState::get();
    let views = expect_context::<ViewState>();
    let signed =
        Memo::new(move |_| state.with_contract(|c| signed_version(c).is_some()).unwrap_or(false));
    let checked = move || signed.get() && views.view.with(|v| v.compare);
    view! {
        <div class="planning-baseline no-print">
            <div class="checkbox">
                <input type="checkbox" id=BOX_ID prop:checked=checked disabled=move || !signed.get()
                    aria-describedby=move || (!signed.get()).then_some(HELP_ID)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        views.set(|v| v.compare = on);
                    }/>
                <label for=BOX_ID>"Comparer à la version signée"</label>
            </div>
            <Show when=move || !signed.get()>
                <p id=HELP_ID class="field__help planning-baseline__why">{NOT_SIGNED}</p>
            </Show>
        </div>
    }
}
