//! Keeping the workspace in the browser's local storage: the pure codec (tested natively) and
//! the browser side (local storage access, autosave, other tabs).

pub mod codec;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod snapshots;

pub use codec::{decode, encode, LoadError, Loaded, SET_ASIDE_PREFIX, WORKSPACE_KEY};
