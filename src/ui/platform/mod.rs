//! The browser's plumbing, one concern a file: saving as the user types (`autosave`), the lock
//! tabs share (`web_lock`), persistent storage (`persistence`), the clock, downloads and
//! fetches, files that arrive by picker, paste or drop (`inbox`), and panics. No screen and no
//! widget: what the user sees is in `widgets` and `screens`, and what can be pure is below the
//! UI (`storage`, `exchange`, `model`).

#![cfg(target_arch = "wasm32")]

pub mod autosave;
pub mod clock;
pub mod download;
pub mod fetch;
pub mod inbox;
pub mod panic;
pub mod persistence;
pub mod web_lock;
