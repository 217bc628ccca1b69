//! The list of action sheets of the open contract, by axis.

use super::no_contract::RequireContract;
use crate::model::numbering::Numbering;
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn SheetsScreen() -> impl IntoView {
    view! {
        <h1>"Fiches action"</h1>
        <RequireContract>
            <SheetsByAxis/>
        </RequireContract>
    }
}

#[component]
fn SheetsByAxis() -> impl IntoView {
    let state = AppState::get();
    let groups = Memo::new(move |_| {
        state.with_contract(|c| {
            let numbers = Numbering::of(c);
            c.axes
                .iter()
                .map(|axis| {
                    let sheets: Vec<String> = c
                        .sheets
                        .iter()
                        .filter(|s| s.axis_id == Some(axis.id))
                        .map(|s| format!("Fiche action n°{} – {}", numbers.label(s.id), s.title))
                        .collect();
                    (format!("Axe {} – {}", numbers.label(axis.id), axis.title), sheets)
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    view! {
        {move || groups.get().into_iter().map(|(axis, sheets)| view! {
            <section>
                <h2>{axis}</h2>
                <ul>{sheets.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
            </section>
        }).collect_view()}
    }
}
