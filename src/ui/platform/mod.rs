//! Browser-facing plumbing: what ties the app to the browser it runs in, neither a screen nor
//! a widget. Each file runs a protocol kept pure in `storage` and turns its outcomes into
//! signals and notices:
//! - `tabs`: saving between tabs of one browser (`storage::tab_session`) under their Web Lock,
//!   and taking in what another tab wrote;
//! - `backup`: the backup reminder, its record kept by `storage::backup_record`.

pub mod backup;
pub mod tabs;
