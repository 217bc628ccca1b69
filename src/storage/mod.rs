//! Keeping the workspace in the browser's local storage: the pure codec (tested natively) and
//! the browser side (local storage access, autosave, other tabs).

pub mod codec;
pub mod snapshots;
#[cfg(target_arch = "wasm32")]
pub mod local;

pub use codec::{decode, encode, Loaded, LoadError, SET_ASIDE_PREFIX, WORKSPACE_KEY};
