//! The pages of a long « Suivi » table (`model::follow_up::TablePage`, the one shape of the
//! three tables): the pager (previous, next, and where one is; shown only when the table has
//! more than one page, which a real contract rarely does), and what a row reads of its line.

use super::FollowUpView;
use crate::model::follow_up::{Page, TablePage};
use leptos::prelude::*;

/// The pager of `table`'s page (« lignes 61 à 120 sur 1 100 »).
#[component]
pub fn Pager<L: Clone + PartialEq + Send + Sync + 'static>(
    table: Memo<TablePage<L>>,
    label: &'static str,
) -> impl IntoView {
    let page = Signal::derive(move || table.with(|t| t.page.clone()));
    let rows = Signal::derive(move || table.with(|t| t.rows));
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

/// What the line keyed `key` of `table` says now, through `words`. Rows are keyed by the ids
/// of what they show, so a row keeps its element while its words change (a subtotal follows
/// what is typed above it, a fiche renamed in another tab is renamed here): it reads them from
/// the table. Made in the row's body, the memo goes with the row; it keeps its last words when
/// the line has just left the page.
pub fn line_words<L, K, T>(
    table: Memo<TablePage<L>>,
    key: K,
    key_of: fn(&L) -> K,
    words: fn(&L) -> T,
) -> Memo<T>
where
    L: Send + Sync + 'static,
    K: PartialEq + Send + Sync + 'static,
    T: Clone + Default + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |old: Option<&T>| {
        table
            .with(|t| t.lines.iter().find(|l| key_of(l) == key).map(words))
            .or_else(|| old.cloned())
            .unwrap_or_default()
    })
}
