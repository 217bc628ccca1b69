//! The browser's plumbing, neither a screen nor a widget, one concern a file: saving as the
//! user types (`autosave`), saving between tabs of one browser and taking in what another tab
//! wrote (`tabs`, over `storage::tab_session`) under the Web Lock they share (`web_lock`), the
//! backup reminder (`backup`, its record kept by `storage::backup_record`), persistent storage
//! (`persistence`), the clock, downloads and fetches, files that arrive by picker, paste or
//! drop (`inbox`), the screens' stylesheet fetched on demand (`stylesheet`), and panics. Where a protocol can be pure it lives below the UI (`storage`,
//! `exchange`, `model`), and the file here turns its outcomes into signals and notices.

#![cfg(target_arch = "wasm32")]

pub mod autosave;
pub mod backup;
pub mod clock;
pub mod download;
pub mod fetch;
pub mod inbox;
pub mod panic;
pub mod persistence;
pub mod stylesheet;
pub mod tabs;
pub mod web_lock;
