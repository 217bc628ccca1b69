//! Downloading a file made in the browser (CSV, iCalendar, JSON): a Blob, an object URL and a
//! click on a temporary link. Nothing leaves the computer.

use leptos::prelude::document;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

pub fn download(filename: &str, mime: &str, content: &str) -> Result<(), String> {
    save(filename, mime, content).map_err(|e| {
        format!(
            "Le téléchargement de « {filename} » a échoué ({}).",
            e.as_string().unwrap_or_else(|| "erreur du navigateur".into())
        )
    })
}

fn save(filename: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let link: HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(filename);
    let body = document().body().ok_or("pas de body")?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    Url::revoke_object_url(&url)?;
    Ok(())
}

/// Today as ISO "yyyy-mm-dd" (local time), for file names and the planning's today marker.
pub fn today_iso() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// Now in UTC as iCalendar wants it ("20261123T101500Z").
pub fn now_utc_compact() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        now.get_utc_full_year(),
        now.get_utc_month() + 1,
        now.get_utc_date(),
        now.get_utc_hours(),
        now.get_utc_minutes(),
        now.get_utc_seconds()
    )
}

/// A file-name-safe slug of a territory name: "Bassin d’Aurillac" -> "bassin-d-aurillac".
pub fn slug(text: &str) -> String {
    let folded = crate::model::text::fold(text);
    let mut slug = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').chars().take(40).collect()
}

/// The part of an exported file's name that says which contract it is: the territory, or the
/// contract's name when the territory is not filled in.
pub fn contract_slug(contract: &crate::model::Contract) -> String {
    let name = contract.territory.name.trim();
    slug(if name.is_empty() { &contract.name } else { name })
}
