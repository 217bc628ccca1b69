//! Fetching a file published beside the app (the demonstration contract) as bytes. Callers pass
//! the path under the router base (`links::href`), so the address is right whatever screen is
//! showing and whatever sub-folder the app is served from.

use leptos::prelude::window;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why no bytes came back.
pub enum FetchError {
    /// No answer at all: offline, or the request was blocked.
    Unreachable,
    /// An HTTP error status (404 when the file was not deployed).
    Status(u16),
}

/// The body of the file at `url`, or why not.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, FetchError> {
    let answer = JsFuture::from(window().fetch_with_str(url)).await;
    let response = answer
        .ok()
        .and_then(|value| value.dyn_into::<web_sys::Response>().ok())
        .ok_or(FetchError::Unreachable)?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let body = response.array_buffer().map_err(|_| FetchError::Unreachable)?;
    let buffer = JsFuture::from(body).await.map_err(|_| FetchError::Unreachable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
