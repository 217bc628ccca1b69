//! The buttons at the foot of a row: « Monter » and « Descendre » (the keyboard's way to
//! reorder, beside drag and drop) and « Supprimer ». Their visible text is one word; what they
//! act on is in their accessible name (« Monter l’axe 2 »), so a screen reader tells the rows
//! apart.

use crate::model::Id;
use crate::ui::row_lens::{Listed, RowLens};
use crate::ui::state::focus_after_render;
use leptos::prelude::*;

/// « Monter » and « Descendre » for the row `id`. `name` is what follows the verb in the
/// accessible name (« l’axe 2 »). The focus stays on the button pressed, which moves with
/// its row: hence the ids, `monter-{id}` and `descendre-{id}`.
#[component]
pub fn MoveButtons(
    id: Id,
    #[prop(into)] name: Signal<String>,
    #[prop(into)] on_move: Callback<isize>,
) -> impl IntoView {
    let name = Memo::new(move |_| name.get());
    let button = move |verb: &'static str, step: isize| {
        let button_id = format!("{}-{id}", verb.to_lowercase());
        let focus = button_id.clone();
        view! {
            <button type="button" class="secondary" id=button_id
                on:click=move |_| {
                    on_move.run(step);
                    focus_after_render(focus.clone());
                }
                aria-label=move || format!("{verb} {}", name.get())>{verb}</button>
        }
    };
    view! { {button("Monter", -1)} {button("Descendre", 1)} }
}

/// « Supprimer »; `name` is what follows the verb in the accessible name (« l’action 2 »).
#[component]
pub fn RemoveButton(
    #[prop(into)] name: Signal<String>,
    on_remove: impl Fn() + 'static,
) -> impl IntoView {
    let name = Memo::new(move |_| name.get());
    view! {
        <button type="button" class="danger" on:click=move |_| on_remove()
            aria-label=move || format!("Supprimer {}", name.get())>"Supprimer"</button>
    }
}

/// The three buttons of a row of a list (`RowLens`) that can be reordered: « Monter »,
/// « Descendre » and « Supprimer ». `removed` names what the notice offers to put back
/// (« L’axe « Santé mentale » »).
#[component]
pub fn RowButtons<T: Listed>(
    row: RowLens<T>,
    #[prop(into)] name: Signal<String>,
    removed: impl Fn() -> String + 'static,
) -> impl IntoView {
    view! {
        <div class="actions">
            <MoveButtons id=row.id() name on_move=move |step| row.shift(step)/>
            <RemoveButton name on_remove=move || row.remove_with_undo(removed())/>
        </div>
    }
}
