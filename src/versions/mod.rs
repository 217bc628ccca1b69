//! The versions of a contract and how they differ: the units two versions are compared in
//! (`item`: the identity, each organisation, fiche, avenant..., and each year's follow-up
//! entry and each note, group and vote of a workshop's board, read by `items`, `follow_up`
//! and `board`), the field-by-field differences in words a
//! coordinator reads (`diff`), what an avenant changes between two frozen versions
//! (`amendment_changes`) and what changed since the version in force, counted cheaply enough
//! for every keystroke (`since_signed`).
//!
//! Below `document` (the avenant document lists these changes) and `exchange` (the merge of a
//! partner's file and of another tab's save works item by item and field by field); above
//! `model` only.

pub mod amendable;
pub mod amendment_changes;
pub mod board;
pub mod diff;
#[cfg(test)]
pub(crate) mod edits;
pub mod follow_up;
pub mod item;
pub mod items;
pub mod since_signed;
