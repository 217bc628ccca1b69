//! Links inside the app. Leptos' `<A>` leaves absolute hrefs as they are (only `navigate`
//! prepends the router base), so every link goes through `href`, which adds the folder the
//! app is served from.
//!
//! A link to a part of the screen shown (`InPageLink`: « Aller au contenu », the contract's
//! table of sections) cannot be a bare `href="#id"`: the pages of the screens' folders carry
//! `<base href="../">`, against which `#id` names the app's root, « Mes contrats ».

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// The router base ("" at a host's root, "/outils/cls" under a sub-folder), provided by `App`.
#[derive(Clone)]
pub struct RouterBase(pub String);

/// The full href of a path of the app (`"/planning/"`, `"/fiche/?id=..."`).
pub fn href(path: &str) -> String {
    let base = use_context::<RouterBase>().map(|b| b.0).unwrap_or_default();
    format!("{base}{path}")
}

/// A link to the element `target` (its id) of the screen shown. Its href names the current
/// address with the fragment, for a look at where it goes; followed, it moves the focus to
/// the target (given `tabindex="-1"` if it had no way to take it) and scrolls it into view,
/// changing neither the address nor the screen. rel="external": the router leaves it alone.
#[component]
pub fn InPageLink(
    target: &'static str,
    #[prop(optional)] class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let location = use_location();
    // The router's address (the address bar changes only once a new screen is drawn): its
    // whole path, the app's folder included, and its query without « ? ».
    let address = move || {
        let search = location.search.get();
        let query = if search.is_empty() { String::new() } else { format!("?{search}") };
        format!("{}{query}#{target}", location.pathname.get())
    };
    let follow = move |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        focus_element(target);
    };
    view! { <a class=class href=address rel="external" on:click=follow>{children()}</a> }
}

/// Moves the focus to the element with this id and scrolls it into view.
pub fn focus_element(id: &str) {
    let element = document().get_element_by_id(id);
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !element.has_attribute("tabindex") {
            let _ = element.set_attribute("tabindex", "-1");
        }
        let _ = element.focus();
        element.scroll_into_view();
    }
}
