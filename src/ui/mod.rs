//! The user interface. Components render the model and dispatch changes defined in `model`;
//! they hold no business rule. `screen`, `html`, `chart_lines`, the writing of addresses in
//! `address` and `status_bars` (the documents', re-exported) are pure (tested natively);
//! the rest needs a browser.

pub mod address;
pub mod chart_lines;
pub mod html;
pub mod screen;
/// The chart's geometry lives with the documents (the ODT writer draws the same bars).
pub use crate::document::status_bars;

#[cfg(target_arch = "wasm32")]
mod add_by_name;
#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod autosave;
#[cfg(target_arch = "wasm32")]
mod clock;
#[cfg(target_arch = "wasm32")]
mod download;
#[cfg(target_arch = "wasm32")]
mod fetch;
#[cfg(target_arch = "wasm32")]
mod fields;
#[cfg(target_arch = "wasm32")]
mod inbox;
#[cfg(target_arch = "wasm32")]
mod links;
#[cfg(target_arch = "wasm32")]
mod notices;
#[cfg(target_arch = "wasm32")]
mod on_demand;
#[cfg(target_arch = "wasm32")]
mod options;
#[cfg(target_arch = "wasm32")]
pub mod panic;
#[cfg(target_arch = "wasm32")]
mod parts;
#[cfg(target_arch = "wasm32")]
mod persistence;
#[cfg(target_arch = "wasm32")]
mod platform;
#[cfg(target_arch = "wasm32")]
mod row_buttons;
#[cfg(target_arch = "wasm32")]
mod row_lens;
#[cfg(target_arch = "wasm32")]
mod screens;
#[cfg(target_arch = "wasm32")]
mod shell;
#[cfg(target_arch = "wasm32")]
mod state;
#[cfg(target_arch = "wasm32")]
mod table_scroll;
#[cfg(target_arch = "wasm32")]
mod web_lock;

#[cfg(target_arch = "wasm32")]
pub use app::App;

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
