//! Links inside the app. Leptos' `<A>` leaves absolute hrefs as they are (only `navigate`
//! prepends the router base), so every link goes through `href`, which adds the folder the
//! app is served from.

use leptos::prelude::*;

/// The router base ("" at a host's root, "/outils/cls" under a sub-folder), provided by `App`.
#[derive(Clone)]
pub struct RouterBase(pub String);

/// The full href of a path of the app (`"/planning/"`, `"/fiche/?id=..."`).
pub fn href(path: &str) -> String {
    let base = use_context::<RouterBase>().map(|b| b.0).unwrap_or_default();
    format!("{base}{path}")
}
