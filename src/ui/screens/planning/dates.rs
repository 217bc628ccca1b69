//! Changing an action's dates from the planning, with the form's rules (inside the contract
//! period, start before end): by dragging a bar's ends, or with a small keyboard-friendly editor.

use crate::document::chart_lines::percent;
use crate::model::planning::{bar_position, month_at, set_action_dates};
use crate::model::{Id, YearMonth};
use crate::ui::platform::clock::now;
use crate::ui::state::AppState;
use crate::ui::widgets::fields::TextField;
use crate::ui::widgets::notices::Level;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Applies new dates; a refusal comes back as the French reason.
fn apply(
    state: AppState,
    sheet: Id,
    action: Id,
    start: YearMonth,
    end: YearMonth,
) -> Result<(), String> {
    let mut result = Ok(());
    state.edit_contract(|c, _| result = set_action_dates(c, sheet, action, start, end, now()));
    result
}

/// The action's current dates.
fn current(state: AppState, sheet: Id, action: Id) -> (Option<YearMonth>, Option<YearMonth>) {
    state
        .workspace
        .with_untracked(|ws| {
            ws.active()
                .and_then(|c| c.sheet(sheet))
                .and_then(|s| s.actions.iter().find(|a| a.id == action))
                .map(|a| (a.start, a.end))
        })
        .unwrap_or((None, None))
}

#[component]
pub fn DateEditor(
    sheet: Id,
    action: Id,
    start: Option<YearMonth>,
    end: Option<YearMonth>,
    editing: RwSignal<Option<Id>>,
) -> impl IntoView {
    let state = AppState::get();
    let start_text = RwSignal::new(start.map(YearMonth::to_iso).unwrap_or_default());
    let end_text = RwSignal::new(end.map(YearMonth::to_iso).unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(start), Some(end)) = (
            YearMonth::parse_iso(&start_text.get_untracked()),
            YearMonth::parse_iso(&end_text.get_untracked()),
        ) else {
            error.set(Some("Indiquez le mois de début et le mois de fin.".into()));
            return;
        };
        match apply(state, sheet, action, start, end) {
            Ok(()) => editing.set(None),
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
                <button type="button" class="secondary" on:click=move |_| editing.set(None)>"Annuler"</button>
            </div>
        </form>
    }
}

/// Dragging a bar's ends, month by month. One listener on the whole list (the bars are drawn
/// once, with no handlers of their own for this): the grip pressed names its bar, whose
/// `data-fiche` and `data-action` name the action. With the pointer captured by the grip,
/// every move and the release reach the list through it.
#[derive(Clone, Copy)]
pub struct DragState {
    state: AppState,
    window: Memo<(i32, i32)>,
    current: StoredValue<Option<Drag>>,
}

#[derive(Clone, Copy)]
struct Drag {
    sheet: Id,
    action: Id,
    end: bool,
    month: Option<YearMonth>,
}

fn grip(ev: &web_sys::PointerEvent) -> Option<web_sys::Element> {
    let element: web_sys::Element = ev.target()?.dyn_into().ok()?;
    element.class_list().contains("bar__handle").then_some(element)
}

impl DragState {
    pub fn new(state: AppState, window: Memo<(i32, i32)>) -> Self {
        DragState { state, window, current: StoredValue::new(None) }
    }

    fn month_under(self, grip: &web_sys::Element, ev: &web_sys::PointerEvent) -> Option<YearMonth> {
        let track = grip.closest(".plan-row__track").ok()??;
        let rect = track.get_bounding_client_rect();
        let percent = (f64::from(ev.client_x()) - rect.left()) / rect.width().max(1.0) * 100.0;
        let (first, last) = self.window.get_untracked();
        Some(month_at(percent, first, last))
    }

    /// Moves the bar on screen (not yet saved) to show where the end would go.
    fn preview(self, grip: &web_sys::Element, drag: Drag, month: YearMonth) {
        let (start, finish) = current(self.state, drag.sheet, drag.action);
        let (start, finish) = if drag.end { (start, Some(month)) } else { (Some(month), finish) };
        let (first, last) = self.window.get_untracked();
        if let (Some(bar), Some((left, width))) =
            (grip.parent_element(), bar_position(start, finish, first, last))
        {
            let _ = bar.set_attribute(
                "style",
                &format!("left:{};width:{}", percent(left), percent(width)),
            );
        }
    }

    pub fn down(self, ev: web_sys::PointerEvent) {
        let Some(grip) = grip(&ev) else { return };
        let Some(bar) = grip.parent_element() else { return };
        let (Some(sheet), Some(action)) = (
            bar.get_attribute("data-fiche").and_then(|v| Id::parse(&v)),
            bar.get_attribute("data-action").and_then(|v| Id::parse(&v)),
        ) else {
            return;
        };
        ev.prevent_default();
        let _ = grip.set_pointer_capture(ev.pointer_id());
        let end = grip.class_list().contains("bar__handle--end");
        self.current.set_value(Some(Drag {
            sheet,
            action,
            end,
            month: self.month_under(&grip, &ev),
        }));
    }

    pub fn moved(self, ev: web_sys::PointerEvent) {
        let (Some(mut drag), Some(grip)) = (self.current.get_value(), grip(&ev)) else { return };
        if let Some(month) = self.month_under(&grip, &ev) {
            drag.month = Some(month);
            self.current.set_value(Some(drag));
            self.preview(&grip, drag, month);
        }
    }

    pub fn up(self, ev: web_sys::PointerEvent) {
        let Some(drag) = self.current.get_value() else { return };
        self.current.set_value(None);
        let Some(month) = drag.month else { return };
        let (start, finish) = current(self.state, drag.sheet, drag.action);
        let (start, finish) = if drag.end {
            (start.unwrap_or(month), month)
        } else {
            (month, finish.unwrap_or(month))
        };
        if let Err(message) = apply(self.state, drag.sheet, drag.action, start, finish) {
            self.state.notices.push(Level::Error, format!("Dates non modifiées : {message}"));
            // Put the bar back where the saved dates say.
            let (start, finish) = current(self.state, drag.sheet, drag.action);
            if let (Some(grip), Some(month)) = (grip(&ev), if drag.end { finish } else { start }) {
                self.preview(&grip, drag, month);
            }
        }
    }
}
