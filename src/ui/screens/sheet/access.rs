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

/// One value of the sheet (a text, a flag), tracking changes.
pub fn sheet_field<T>(state: AppState, id: Id, read: fn(&ActionSheet) -> T) -> Signal<T>
where
    T: Clone + Default + Send + Sync + 'static,
{
    Signal::derive(move || read_sheet(state, id, |_, s| read(s)))
}

/// The callback a field calls with its new value: `write` puts it in the sheet, stamped.
pub fn sheet_edit<T: 'static>(
    state: AppState,
    id: Id,
    write: fn(&mut ActionSheet, T),
) -> Callback<T> {
    Callback::new(move |value: T| edit_sheet(state, id, |s| write(s, value)))
}
