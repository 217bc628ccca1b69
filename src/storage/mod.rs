//! Keeping the workspace in the browser's local storage, seen as a `Store` of texts under keys
//! (`store`: the browser's in `local`, a map for native tests). Pure, and tested natively: the
//! codec (versioned, migrated), the frozen copies kept apart and compressed (`frozen`,
//! `compressed`), the snapshots taken before an import, what one page keeps in memory and the
//! write of the workspace (`page`), the protocol by which tabs share the workspace
//! (`tab_session`, with the notes and list of writes they leave each other: `tab_notes`), and
//! the record of backup copies (`backup_record`). The browser side (`local`, wasm only) loads
//! the workspace and keeps snapshots. When to save is decided in the UI (`ui/platform/autosave.rs`,
//! `ui/platform/tabs.rs`), which runs these protocols under the tabs' Web Lock.

pub mod backup_record;
pub mod codec;
pub mod compressed;
pub mod frozen;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod page;
pub mod snapshots;
pub mod store;
pub mod tab_notes;
pub mod tab_session;

pub use codec::{
    decode, decode_with, encode, encode_apart, LoadError, Loaded, SET_ASIDE_PREFIX, WORKSPACE_KEY,
};
