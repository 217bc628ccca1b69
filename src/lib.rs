//! Atelier CLS: the contrat local de santé workshop, a single-page app that runs entirely in the
//! browser. `model` is the pure domain; `document` the reports and documents built from it;
//! `exchange` is the file format partners send each other (export, import checks, merge), the
//! spreadsheet tables and the ODT files; `storage` keeps the workspace in local storage; `ui`
//! renders.

pub mod document;
pub mod exchange;
pub mod model;
pub mod storage;
pub mod ui;
