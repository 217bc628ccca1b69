//! Autosave: every change of the workspace is written to local storage shortly after the last
//! keystroke (debounced), and at once when the page is hidden or closed, so that a reload never
//! loses the last thing typed. Writing merges what another tab wrote meanwhile, and a write by
//! another tab is merged in (`platform/tabs.rs`); failures become notices.

use super::tabs::Tabs;
use crate::ui::state::{AppState, SaveStatus};
use leptos::ev;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::{closure::Closure, JsCast};

const DEBOUNCE: Duration = Duration::from_millis(400);

#[derive(Clone, Copy)]
struct Autosave {
    state: AppState,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Writes, merging what other tabs wrote (`platform/tabs.rs`).
    tabs: Tabs,
}

impl Autosave {
    fn schedule(self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        if !self.tabs.may_retry() {
            // Storage was full and nothing since could make room: the notice says what to do.
            return;
        }
        self.state.save_status.set(SaveStatus::Pending);
        let handle = set_timeout_with_handle(move || self.flush(), DEBOUNCE).ok();
        self.timer.set_value(handle);
    }

    fn cancel_timer(self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
            self.timer.set_value(None);
        }
    }

    /// Saves under the lock the tabs share.
    fn flush(self) {
        self.cancel_timer();
        self.tabs.save();
    }

    /// Saves at once, without waiting for the lock: the page is going away, or hidden (a
    /// hidden page may be frozen or discarded without another event).
    fn flush_now(self) {
        self.cancel_timer();
        self.tabs.save_now();
    }
}

/// Starts saving. `can_save` is false when stored data could not be set aside: then nothing
/// is written, so that it is not overwritten.
pub fn start(state: AppState, can_save: bool) {
    if !can_save {
        state.save_status.set(SaveStatus::Disabled);
        return;
    }
    let autosave = Autosave { state, timer: StoredValue::new(None), tabs: Tabs::new(state) };
    provide_context(autosave.tabs);

    Effect::new(move |previous: Option<()>| {
        state.workspace.track();
        if previous.is_some() {
            autosave.schedule();
        }
    });

    let flush = move || {
        if autosave.state.save_status.get_untracked() == SaveStatus::Pending {
            autosave.flush_now();
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
    std::mem::forget(window_event_listener(ev::storage, move |e| autosave.tabs.on_storage(e)));
}

/// Page lifecycle events have no typed descriptor in Leptos: plain DOM listeners, kept for ever.
fn on_page_event(target: &web_sys::EventTarget, name: &str, run: impl Fn() + 'static) {
    let listener = Closure::<dyn Fn()>::new(run);
    let _ = target.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
    listener.forget();
}
