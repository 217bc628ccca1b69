//! The user interface. Components render the model and dispatch changes defined in `model`;
//! they hold no business rule. Three folders:
//! - `platform/`: the browser's plumbing (autosave, saving between tabs and the lock they share,
//!   the backup reminder, persistent storage, clock, downloads, fetches, the inbox of arriving
//!   files, panics);
//! - `widgets/`: components shared by several screens (fields, row buttons, notices, links,
//!   validation issues, the indicator editor...);
//! - `screens/`: the screens, one module each.
//!
//! At the root: the app and its routes (`app`), the frame around every screen (`shell`), the
//! state every screen shares (`state`), the two ways a row of a list reads it (`row_signals`
//! for lists that can be long, `row_lens` for short ones it also edits), the screens loaded on
//! demand (`on_demand`, `parts`), and two pure modules
//! tested natively: the screens and their addresses (`screen`) and the writing of an address
//! with its query (`address`). Pure builders the screens draw from (the planning's lines as
//! HTML, the status bars' geometry) live below the UI, in `document`.

pub mod address;
pub mod screen;

// Compiled for the browser only: each of these says so in its first line
// (`#![cfg(target_arch = "wasm32")]`); the three below, with a `#[cfg]` here.
mod platform;
mod row_lens;
mod row_signals;
mod screens;
mod shell;
mod state;
mod widgets;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod on_demand;
#[cfg(target_arch = "wasm32")]
mod parts;

#[cfg(target_arch = "wasm32")]
pub use app::App;
/// `main.rs` installs the panic hook before mounting.
#[cfg(target_arch = "wasm32")]
pub use platform::panic;

/// Mounts the app on the page, replacing the loading message, and marks the moment the app
/// is interactive (`performance.mark("atelier-cls:pret")`, read by `make bench`).
#[cfg(target_arch = "wasm32")]
pub fn mount() {
    let document = leptos::prelude::document();
    if let Some(loading) = document.get_element_by_id("chargement") {
        loading.remove();
    }
    simulate_crash_if_asked();
    leptos::mount::mount_to_body(App);
    if let Some(window) = web_sys::window() {
        if let Some(performance) = window.performance() {
            let _ = performance.mark("atelier-cls:pret");
        }
    }
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-pret", "");
    }
}

/// `?simuler-panne` in the address makes the app panic at start: the browser tests prove with it
/// that a crash shows the French banner rather than a blank page.
#[cfg(target_arch = "wasm32")]
fn simulate_crash_if_asked() {
    let search = leptos::prelude::window().location().search().unwrap_or_default();
    if search.contains("simuler-panne") {
        panic!("panne simulée à la demande (?simuler-panne)");
    }
}
