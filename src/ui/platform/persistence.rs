//! Persistent storage (`navigator.storage`): asking the browser once, at the first real change,
//! not to erase the site's data on its own (`persist()`), and reading what Échanges shows
//! (`persisted()`, `estimate()`). The words are chosen in `model::storage_use`.
//!
//! Every call is guarded: a browser without the Storage API (an old one, or a page served over
//! plain HTTP) throws on the call, which is caught and read as « inconnu », never an error.

use crate::model::storage_use::Persistence;
use leptos::prelude::window;
use std::cell::Cell;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Asks for persistent storage, once per page. Called when the first change is saved, not at
/// load: browsers grant it more readily to a site that is used, and an untouched visit has
/// nothing worth keeping. The answer is not awaited: Échanges reads it when shown.
pub fn ask_once() {
    if ASKED.with(|asked| asked.replace(true)) {
        return;
    }
    if let Ok(promise) = window().navigator().storage().persist() {
        leptos::task::spawn_local(async move {
            // A refusal is the browser's choice: Échanges explains it.
            let _ = JsFuture::from(promise).await;
        });
    }
}

/// What the browser says about its storage for this site.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StorageFacts {
    pub persistence: Persistence,
    /// Bytes used, and bytes available when the browser tells.
    pub usage: Option<(u64, Option<u64>)>,
}

/// Asks the browser (both answers are promises).
pub async fn read_facts() -> StorageFacts {
    let manager = window().navigator().storage();
    let persistence = match manager.persisted() {
        Ok(promise) => match JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()) {
            Some(true) => Persistence::Granted,
            Some(false) => Persistence::NotGranted,
            None => Persistence::Unknown,
        },
        Err(_) => Persistence::Unknown,
    };
    let usage = match manager.estimate() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|estimate| {
            let estimate: web_sys::StorageEstimate = estimate.unchecked_into();
            let bytes = |n: f64| (n.is_finite() && n >= 0.0).then_some(n as u64);
            let used = estimate.get_usage().and_then(bytes)?;
            Some((used, estimate.get_quota().and_then(bytes)))
        }),
        Err(_) => None,
    };
    StorageFacts { persistence, usage }
}
