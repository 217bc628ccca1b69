//! The screens' stylesheet, fetched with the first part loaded on demand. The first visit gets
//! the first screen's styles inlined in `index.html`; the other screens' styles are one file
//! (`scripts/screens-css.mjs`), named by `<meta name="atelier-cls:screens-css">` where it
//! belongs in the cascade (before `print.css`, whose rules must come last). `ui::on_demand`
//! fetches it beside the part's code and shows the screen once both are there, so that no
//! screen ever shows unstyled.

use leptos::prelude::document;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const META: &str = "meta[name='atelier-cls:screens-css']";

/// Where the stylesheet is: fetched once per page, fetched again after a failure.
#[derive(Clone)]
enum Sheet {
    Absent,
    /// Its `<link>` is in the page; the promise settles with its load or error event.
    Loading(js_sys::Promise),
    Applied,
}

thread_local! {
    static SHEET: RefCell<Sheet> = const { RefCell::new(Sheet::Absent) };
}

/// Starts fetching the screens' stylesheet at once (beside the part), and ends once it applies;
/// `Err` when it could not be fetched (the next call tries again).
pub fn screens_stylesheet() -> impl std::future::Future<Output = Result<(), ()>> {
    let loading = match SHEET.with_borrow(Sheet::clone) {
        Sheet::Applied => None,
        Sheet::Loading(promise) => Some(promise),
        Sheet::Absent => start().inspect(|promise| {
            SHEET.set(Sheet::Loading(promise.clone()));
        }),
    };
    // Listened to at once: a failure met before the part is there must not go unhandled.
    let settled = loading.map(JsFuture::from);
    async move {
        let Some(settled) = settled else { return Ok(()) };
        let loaded = settled.await.is_ok();
        SHEET.set(if loaded { Sheet::Applied } else { Sheet::Absent });
        loaded.then_some(()).ok_or(())
    }
}

/// Puts a `<link>` to the stylesheet after its `<meta>`; `None` when the page names none (a
/// page without the post-build step: nothing to wait for). A link that failed before is
/// replaced, so that the browser asks again.
fn start() -> Option<js_sys::Promise> {
    let meta = document().query_selector(META).ok()??;
    let href = meta.get_attribute("content")?;
    if let Some(old) = meta.next_element_sibling().filter(|e| e.id() == "screens-css") {
        old.remove();
    }
    let link = document().create_element("link").ok()?.dyn_into::<web_sys::HtmlElement>().ok()?;
    Some(js_sys::Promise::new(&mut |resolve, reject| {
        link.set_onload(Some(&resolve));
        link.set_onerror(Some(&reject));
        link.set_id("screens-css");
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", &href);
        let _ = meta.after_with_node_1(&link);
    }))
}
