//! What a contract screen shows when no contract is open.

use crate::ui::state::AppState;
use crate::ui::widgets::links::href;
use leptos::prelude::*;
use leptos_router::components::A;

/// Renders `children` when a contract is open, otherwise an invitation to open one.
#[component]
pub fn RequireContract(children: ChildrenFn) -> impl IntoView {
    let state = AppState::get();
    let open = Memo::new(move |_| state.workspace.with(|ws| ws.active().is_some()));
    move || {
        if open.get() {
            children().into_any()
        } else {
            view! {
                <div class="empty-state">
                    <p>"Aucun contrat n’est ouvert."</p>
                    <p><A href=href("/")>"Choisir ou créer un contrat"</A></p>
                </div>
            }
            .into_any()
        }
    }
}
