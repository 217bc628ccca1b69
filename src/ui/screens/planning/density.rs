//! The planning's density: « Affichage compact » puts each action on one line of 28 px (name
//! and lead side by side, smaller grips and buttons) instead of two, so that 1,000 actions make
//! a page of 28,000 px rather than 54,000.
//!
//! Remembered in this browser under a local storage key of its own, not in the address as the
//! filters are: density is a matter of one's screen and eyes, not of what a view shows, so a
//! link shared with a partner must not impose it, and the navigation's « Planning » link (which
//! carries no query) must still find it.

use crate::ui::widgets::fields::CheckField;
use leptos::prelude::*;

/// The local storage key; « oui » when compact, absent otherwise.
pub const DENSITY_KEY: &str = "atelier-cls.v1.planning.compact";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether this browser chose the compact density (false when storage is unreadable).
pub fn remembered() -> bool {
    storage().and_then(|s| s.get_item(DENSITY_KEY).ok().flatten()).as_deref() == Some("oui")
}

/// Remembers the choice; a full or refused storage only loses the memory, not the choice.
fn remember(compact: bool) {
    if let Some(storage) = storage() {
        let _ = if compact {
            storage.set_item(DENSITY_KEY, "oui")
        } else {
            storage.remove_item(DENSITY_KEY)
        };
    }
}

/// The checkbox « Affichage compact ».
#[component]
pub fn DensityToggle(compact: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="planning-density no-print">
            <CheckField label="Affichage compact" checked=compact
                on_change=move |on: bool| {
                    remember(on);
                    compact.set(on);
                }/>
        </div>
    }
}
