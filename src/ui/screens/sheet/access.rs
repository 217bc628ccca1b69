//! Reading and editing one sheet of the open contract by id: the small plumbing every step uses.

use crate::model::entity::edit_by_id;
use crate::model::{ActionSheet, Contract, Id};
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Changes the sheet and stamps it as modified now (it is the unit partners exchange).
pub fn edit_sheet(state: AppState, id: Id, change: impl FnOnce(&mut ActionSheet)) {
    state.edit_contract(|c, now| {
        edit_by_id(&mut c.sheets, id, now, change);
    });
}

/// Reads something from the sheet (and the contract around it), tracking changes.
pub fn read_sheet<T: Default>(
    state: AppState,
    id: Id,
    read: impl FnOnce(&Contract, &ActionSheet) -> T,
) -> T {
    state.with_contract(|c| c.sheet(id).map(|s| read(c, s))).flatten().unwrap_or_default()
}

pub fn sheet_text(state: AppState, id: Id, read: fn(&ActionSheet) -> String) -> Signal<String> {
    Signal::derive(move || read_sheet(state, id, |_, s| read(s)))
}

pub fn sheet_edit(
    state: AppState,
    id: Id,
    write: fn(&mut ActionSheet, String),
) -> Callback<String> {
    Callback::new(move |value: String| edit_sheet(state, id, |s| write(s, value)))
}

pub fn sheet_flag(state: AppState, id: Id, read: fn(&ActionSheet) -> bool) -> Signal<bool> {
    Signal::derive(move || read_sheet(state, id, |_, s| read(s)))
}

pub fn sheet_set_flag(
    state: AppState,
    id: Id,
    write: fn(&mut ActionSheet, bool),
) -> Callback<bool> {
    Callback::new(move |value: bool| edit_sheet(state, id, |s| write(s, value)))
}
