//! The box a wide table scrolls in, so that on a phone (360 px) the table scrolls sideways
//! inside it and never the page: a labelled region (landmark) that takes the keyboard focus,
//! so that a keyboard user can scroll it with the arrow keys (WCAG 2.1.1; axe-core's
//! `scrollable-region-focusable`).

use leptos::prelude::*;

#[component]
pub fn TableScroll(#[prop(into)] label: Signal<String>, children: Children) -> impl IntoView {
    view! {
        <div class="table-scroll" role="region" aria-label=move || label.get() tabindex="0">
            {children()}
        </div>
    }
}
