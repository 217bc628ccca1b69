//! The pages of a long « Suivi » table: previous, next, and where one is. Shown only when the
//! table has more than one page (a real contract rarely does).

use super::FollowUpView;
use crate::model::follow_up::Page;
use leptos::prelude::*;

/// `rows`: how many rows the whole table has, for « lignes 61 à 120 sur 1 100 ».
#[component]
pub fn Pager(page: Signal<Page>, rows: Signal<usize>, label: &'static str) -> impl IntoView {
    let views = FollowUpView::get();
    let go = move |number: usize| views.set(|v| v.page = number);
    let position = move || {
        let p = page.get();
        format!(
            "Page {} sur {} (lignes {} à {} sur {})",
            p.number,
            p.count,
            p.rows.start + 1,
            p.rows.end,
            rows.get()
        )
    };
    view! {
        <Show when=move || page.with(|p| p.count > 1)>
            <nav class="pager no-print" aria-label=label>
                <button type="button" class="secondary" disabled=move || !page.with(Page::has_previous)
                    on:click=move |_| go(page.with_untracked(|p| p.number) - 1)>"Page précédente"</button>
                <span class="pager__position" aria-live="polite">{position}</span>
                <button type="button" class="secondary" disabled=move || !page.with(Page::has_next)
                    on:click=move |_| go(page.with_untracked(|p| p.number) + 1)>"Page suivante"</button>
            </nav>
        </Show>
    }
}
