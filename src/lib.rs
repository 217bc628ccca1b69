//! Atelier CLS: the contrat local de santé workshop, a single-page app that runs entirely in the
//! browser. From the bottom up: `model` is the pure domain (with the example contract);
//! `versions` compares two versions of a contract (items, field diffs, what an avenant
//! changes); `document` the reports and documents built from them; `exchange` the files (the
//! format partners send each other, import checks, merge, backup, spreadsheet tables, ODT);
//! `storage` keeps the workspace in local storage; `ui` renders. A module imports only from
//! the layers below it, tests included.

pub mod document;
pub mod exchange;
pub mod model;
pub mod storage;
pub mod ui;
pub mod versions;

#[cfg(test)]
mod layers;
