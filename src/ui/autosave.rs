//! Autosave: every change of the workspace is written to local storage shortly after the last
//! keystroke (debounced), and at once when the page is hidden or closed, so that a reload never
//! loses the last thing typed. Writes by another tab are picked up; failures become notices.

use super::notices::Level;
use super::state::{AppState, SaveStatus};
use crate::storage::{codec, local, WORKSPACE_KEY};
use leptos::ev;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::{closure::Closure, JsCast};

const DEBOUNCE: Duration = Duration::from_millis(400);
const SAVE_NOTICE: &str = "save";

#[derive(Clone, Copy)]
struct Autosave {
    state: AppState,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// The text last written (or read from another tab): identical states are not rewritten,
    /// which also stops two tabs from echoing each other's writes for ever.
    last_written: StoredValue<String>,
}

impl Autosave {
    fn schedule(self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        self.state.save_status.set(SaveStatus::Pending);
        let handle = set_timeout_with_handle(move || self.flush(), DEBOUNCE).ok();
        self.timer.set_value(handle);
    }

    fn flush(self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
            self.timer.set_value(None);
        }
        let text = self.state.workspace.with_untracked(codec::encode);
        if text == self.last_written.get_value() {
            self.state.save_status.set(SaveStatus::Saved);
            return;
        }
        match local::save_encoded(&text) {
            Ok(()) => {
                super::persistence::ask_once();
                self.last_written.set_value(text);
                self.state.save_status.set(SaveStatus::Saved);
                self.state.notices.clear_keyed(SAVE_NOTICE);
            }
            Err(error) => {
                self.state.save_status.set(SaveStatus::Failed);
                self.state.notices.set_keyed(SAVE_NOTICE, Level::Error, error.message_fr());
            }
        }
    }

    /// Another tab saved: take its version unless this tab has changes not yet written.
    fn on_other_tab(self, event: web_sys::StorageEvent) {
        if event.key().as_deref() != Some(WORKSPACE_KEY) {
            return;
        }
        if self.state.save_status.get_untracked() == SaveStatus::Pending {
            self.state.notices.set_keyed(
                "other-tab",
                Level::Warning,
                "Ce navigateur a un autre onglet ouvert sur Atelier CLS qui vient d’enregistrer. Les modifications \
                 de cet onglet-ci sont conservées et remplacent les siennes ; fermez l’un des deux onglets.",
            );
            return;
        }
        if let Some(workspace) = local::read_current() {
            self.last_written.set_value(event.new_value().unwrap_or_default());
            self.state.workspace.set(workspace);
            self.state.notices.set_keyed(
                "other-tab",
                Level::Info,
                "Mis à jour avec les modifications faites dans un autre onglet.",
            );
        }
    }
}

/// Starts saving. `can_save` is false when stored data could not be set aside: then nothing
/// is written, so that it is not overwritten.
pub fn start(state: AppState, can_save: bool) {
    if !can_save {
        state.save_status.set(SaveStatus::Disabled);
        return;
    }
    let initial = state.workspace.with_untracked(codec::encode);
    let autosave =
        Autosave { state, timer: StoredValue::new(None), last_written: StoredValue::new(initial) };

    Effect::new(move |previous: Option<()>| {
        state.workspace.track();
        if previous.is_some() {
            autosave.schedule();
        }
    });

    let flush = move || {
        if autosave.state.save_status.get_untracked() == SaveStatus::Pending {
            autosave.flush();
        }
    };
    // Listeners stay registered for the whole life of the page.
    on_page_event(window().as_ref(), "pagehide", flush);
    on_page_event(window().as_ref(), "beforeunload", flush);
    on_page_event(document().as_ref(), "visibilitychange", move || {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush();
        }
    });
    std::mem::forget(window_event_listener(ev::storage, move |e| autosave.on_other_tab(e)));
}

/// Page lifecycle events have no typed descriptor in Leptos: plain DOM listeners, kept for ever.
fn on_page_event(target: &web_sys::EventTarget, name: &str, run: impl Fn() + 'static) {
    let listener = Closure::<dyn Fn()>::new(run);
    let _ = target.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
    listener.forget();
}
