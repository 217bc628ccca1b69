//! Components shared by several screens: labelled fields, row buttons, notices, links, the
//! options of shared selects, the box a wide table scrolls in, the « add by name » form, the
//! validation issues beside each item, the indicator editor (a sheet's and the contract's),
//! what other screens show of the signature (`signature_markers`), what a contract screen
//! shows with no contract open (`no_contract`), a fiche as a document (`sheet_summary`: its
//! last step and the contract's print) and the running headers of printed pages (`print`). A component used by one screen only stays in
//! that screen's folder.

#![cfg(target_arch = "wasm32")]

pub mod add_by_name;
pub mod fields;
pub mod indicators;
pub mod issues;
pub mod links;
pub mod no_contract;
pub mod notices;
pub mod options;
pub mod print;
pub mod row_buttons;
pub mod sheet_summary;
pub mod signature_markers;
pub mod table_scroll;
