//! Downloading a file made in the browser (CSV, iCalendar, JSON, ODT): a Blob, an object URL
//! and a click on a temporary link. Nothing leaves the computer.

use leptos::prelude::document;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

pub fn download(filename: &str, mime: &str, content: &str) -> Result<(), String> {
    report(filename, save(filename, mime, &js_sys::Array::of1(&JsValue::from_str(content))))
}

/// As [`download`], for a binary file (an ODT document).
pub fn download_bytes(filename: &str, mime: &str, content: &[u8]) -> Result<(), String> {
    let bytes = js_sys::Uint8Array::from(content);
    report(filename, save(filename, mime, &js_sys::Array::of1(&bytes)))
}

fn report(filename: &str, saved: Result<(), JsValue>) -> Result<(), String> {
    saved.map_err(|e| {
        format!(
            "Le téléchargement de « {filename} » a échoué ({}).",
            e.as_string().unwrap_or_else(|| "erreur du navigateur".into())
        )
    })
}

fn save(filename: &str, mime: &str, parts: &js_sys::Array) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_blob_sequence_and_options(parts, &options)?;
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
