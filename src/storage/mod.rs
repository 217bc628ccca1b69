//! Keeping the workspace in the browser's local storage: the pure codec (tested natively), the
//! frozen copies kept apart and compressed (`frozen`, `compressed`), the snapshots taken before
//! an import, the notes one tab leaves another (`tab_notes`), and the
//! browser side that reads and writes local storage (`local`). When to save is decided elsewhere: autosave, and picking up what another tab
//! saved, live in `ui/autosave.rs`, which watches the workspace signal and calls `local`.

pub mod codec;
pub mod compressed;
pub mod frozen;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod snapshots;
pub mod tab_notes;

pub use codec::{
    decode, decode_with, encode, encode_apart, LoadError, Loaded, SET_ASIDE_PREFIX, WORKSPACE_KEY,
};
