//! Exports of the planning: CSV for spreadsheets, iCalendar of milestones and COPIL dates, and
//! a landscape print of the chart.

use super::Rows;
use crate::exchange::file_name::contract_slug;
use crate::model::planning::{milestones_ics, plan_csv};
use crate::ui::platform::download::{download, now_utc_compact, today_iso};
use crate::ui::state::AppState;
use crate::ui::widgets::notices::Level;
use leptos::prelude::*;

#[component]
pub fn Exports(visible: Memo<Rows>) -> impl IntoView {
    let state = AppState::get();
    let name = move || state.with_contract(contract_slug).unwrap_or_default();
    // Downloads `text` as « {stem}-{contract}-{today}.{ext} »; a failure becomes a notice.
    let save = move |stem: &str, ext: &str, mime: &str, text: Option<String>| {
        let Some(text) = text else { return };
        let file = format!("{stem}-{}-{}.{ext}", name(), today_iso());
        if let Err(message) = download(&file, mime, &text) {
            state.notices.push(Level::Error, message);
        }
    };
    let csv = move |_| {
        let text = visible.with_untracked(|rows| {
            state.workspace.with_untracked(|ws| ws.active().map(|c| plan_csv(c, rows)))
        });
        save("planning", "csv", "text/csv;charset=utf-8", text);
    };
    let ics = move |_| {
        let text = state
            .workspace
            .with_untracked(|ws| ws.active().map(|c| milestones_ics(c, &now_utc_compact())));
        save("jalons", "ics", "text/calendar;charset=utf-8", text);
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <div class="actions no-print">
            <button type="button" class="secondary" on:click=csv>"Exporter le planning (CSV)"</button>
            <button type="button" class="secondary" on:click=ics>"Exporter les jalons et COPIL (iCalendar)"</button>
            <button type="button" class="secondary" on:click=print>"Imprimer le planning"</button>
        </div>
    }
}
