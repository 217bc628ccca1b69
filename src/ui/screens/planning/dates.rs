//! Changing an action's dates from the planning, with the form's rules (inside the contract
//! period, start before end): by dragging a bar's ends, or with a small keyboard-friendly editor.

use crate::model::planning::{bar_position, month_at, set_action_dates};
use crate::model::{Id, YearMonth};
use crate::ui::clock::now;
use crate::ui::fields::TextField;
use crate::ui::notices::Level;
use crate::ui::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Applies new dates; a refusal comes back as the French reason.
fn apply(state: AppState, sheet: Id, action: Id, start: YearMonth, end: YearMonth) -> Result<(), String> {
    let mut result = Ok(());
    state.edit_contract(|c, _| result = set_action_dates(c, sheet, action, start, end, now()));
    result
}

/// The action's current dates.
fn current(state: AppState, sheet: Id, action: Id) -> (Option<YearMonth>, Option<YearMonth>) {
    state
        .workspace
        .with_untracked(|ws| ws.active().and_then(|c| c.sheet(sheet)).and_then(|s| s.actions.iter().find(|a| a.id == action)).map(|a| (a.start, a.end)))
        .unwrap_or((None, None))
}

#[component]
pub fn DateEditor(sheet: Id, action: Id, start: Option<YearMonth>, end: Option<YearMonth>, editing: RwSignal<bool>) -> impl IntoView {
    let state = AppState::get();
    let start_text = RwSignal::new(start.map(YearMonth::to_iso).unwrap_or_default());
    let end_text = RwSignal::new(end.map(YearMonth::to_iso).unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(start), Some(end)) = (YearMonth::parse_iso(&start_text.get_untracked()), YearMonth::parse_iso(&end_text.get_untracked())) else {
            error.set(Some("Indiquez le mois de début et le mois de fin.".into()));
            return;
        };
        match apply(state, sheet, action, start, end) {
            Ok(()) => editing.set(false),
            Err(message) => error.set(Some(message)),
        }
    };
    view! {
        <form class="date-editor" on:submit=save aria-label="Modifier les dates">
            <TextField label="Nouveau début" kind="month" value=start_text on_input=move |v| start_text.set(v)/>
            <TextField label="Nouvelle fin" kind="month" value=end_text on_input=move |v| end_text.set(v)/>
            {move || error.get().map(|e| view! { <p class="issue issue--error" role="alert">{e}</p> })}
            <div class="actions">
                <button type="submit">"Enregistrer les dates"</button>
                <button type="button" class="secondary" on:click=move |_| editing.set(false)>"Annuler"</button>
            </div>
        </form>
    }
}

/// A grip at one end of a bar: dragging it moves that end month by month. Leptos delegates
/// events to the document, so the element is the event's `target` (the grip has no children).
#[component]
pub fn DragHandle(sheet: Id, action: Id, end: bool, window: Memo<(i32, i32)>) -> impl IntoView {
    let state = AppState::get();
    let dragging = StoredValue::new(None::<YearMonth>);
    let month_under = move |ev: &web_sys::PointerEvent| -> Option<YearMonth> {
        let handle: web_sys::Element = ev.target()?.dyn_into().ok()?;
        let track = handle.closest(".plan-row__track").ok()??;
        let rect = track.get_bounding_client_rect();
        let percent = (f64::from(ev.client_x()) - rect.left()) / rect.width().max(1.0) * 100.0;
        let (first, last) = window.get_untracked();
        Some(month_at(percent, first, last))
    };
    let preview = move |ev: &web_sys::PointerEvent, month: YearMonth| {
        let (start, finish) = current(state, sheet, action);
        let (start, finish) = if end { (start, Some(month)) } else { (Some(month), finish) };
        let (first, last) = window.get_untracked();
        let bar = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|h| h.parent_element());
        if let (Some(bar), Some((left, width))) = (bar, bar_position(start, finish, first, last)) {
            let _ = bar.set_attribute("style", &format!("left:{left:.4}%;width:{width:.4}%"));
        }
    };
    let down = move |ev: web_sys::PointerEvent| {
        ev.prevent_default();
        ev.stop_propagation();
        if let Some(handle) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = handle.set_pointer_capture(ev.pointer_id());
        }
        dragging.set_value(month_under(&ev));
    };
    let moved = move |ev: web_sys::PointerEvent| {
        if dragging.get_value().is_none() {
            return;
        }
        if let Some(month) = month_under(&ev) {
            dragging.set_value(Some(month));
            preview(&ev, month);
        }
    };
    let up = move |ev: web_sys::PointerEvent| {
        let Some(month) = dragging.get_value() else { return };
        dragging.set_value(None);
        let (start, finish) = current(state, sheet, action);
        let (start, finish) = if end { (start.unwrap_or(month), month) } else { (month, finish.unwrap_or(month)) };
        if let Err(message) = apply(state, sheet, action, start, finish) {
            state.notices.push(Level::Error, format!("Dates non modifiées : {message}"));
            // Put the bar back where the saved dates say.
            let (start, finish) = current(state, sheet, action);
            if let Some(month) = if end { finish } else { start } {
                preview(&ev, month);
            }
        }
    };
    view! {
        <span class=if end { "bar__handle bar__handle--end" } else { "bar__handle bar__handle--start" }
            aria-hidden="true"
            on:pointerdown=down on:pointermove=moved on:pointerup=up
            on:click=|ev| ev.stop_propagation()></span>
    }
}
