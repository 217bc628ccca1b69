//! The application state shared by every screen: the workspace signal, the notices and the
//! save status.
//!
//! Edits of a contract's content go through `AppState` (`edit_contract`, `edit_contract_by_id`,
//! `remove_with_undo`), which stamps the contract's modification time. Changes to the workspace
//! as a whole write the signal directly, because they are not edits of one contract's content
//! and stamp what they must themselves: the contract list (`screens/contracts.rs`: create, add
//! the example, open, delete and restore, rename, through `Workspace` methods that take the
//! time), applying an import and recording an export (`screens/exchanges/`), restoring a
//! snapshot, and merging in what another tab saved (`platform/tabs.rs`). Autosave watches the
//! signal, so every write is saved, whichever way it came.
//!
//! What every screen derives from the open contract is computed here once per change
//! (`numbering`), not once per component that shows a number.

#![cfg(target_arch = "wasm32")]

use super::platform::clock::now;
use super::widgets::notices::Notices;
use crate::model::numbering::Numbering;
use crate::model::{Contract, Id, Timestamp, Workspace};
use leptos::prelude::*;

/// Where saving stands, shown in the header.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    Pending,
    Failed,
    Disabled,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub workspace: RwSignal<Workspace>,
    pub notices: Notices,
    pub save_status: RwSignal<SaveStatus>,
    /// The numbers of the open contract (axes, objectives, sheets). Every number on screen
    /// reads this one memo: numbering walks the whole contract, and a list showing one number
    /// per sheet would otherwise walk it once per sheet (O(n²)) on every keystroke. It only
    /// notifies when a number changed, so typing in a field re-renders no number.
    pub numbering: Memo<Numbering>,
}

impl AppState {
    pub fn new(workspace: Workspace) -> Self {
        let workspace = RwSignal::new(workspace);
        let numbering = Memo::new(move |_| {
            workspace.with(|ws| ws.active().map(Numbering::of).unwrap_or_default())
        });
        AppState {
            workspace,
            notices: Notices::new(),
            save_status: RwSignal::new(SaveStatus::Saved),
            numbering,
        }
    }

    pub fn get() -> Self {
        expect_context::<AppState>()
    }

    /// Changes the open contract (if any) and stamps it as modified now.
    pub fn edit_contract(&self, change: impl FnOnce(&mut Contract, Timestamp)) {
        let now = now();
        self.workspace.update(|ws| {
            if let Some(contract) = ws.active_mut() {
                change(contract, now);
                contract.modified_at = now;
            }
        });
    }

    /// Changes one contract, whether or not it is still the open one.
    pub fn edit_contract_by_id(&self, id: Id, change: impl FnOnce(&mut Contract, Timestamp)) {
        let now = now();
        self.workspace.update(|ws| {
            if let Some(contract) = ws.contract_mut(id) {
                change(contract, now);
                contract.modified_at = now;
            }
        });
    }

    /// Removes something from the open contract and offers "Annuler la suppression", which puts
    /// it back where it was. `what` names it for the message ("L’axe « Prévention »").
    pub fn remove_with_undo<T: Clone + Send + Sync + 'static>(
        &self,
        what: String,
        remove: impl FnOnce(&mut Contract) -> Option<(usize, T)>,
        restore: impl Fn(&mut Contract, usize, T) + Send + Sync + 'static,
    ) {
        let Some(contract_id) = self.workspace.with_untracked(|ws| ws.active_contract) else {
            return;
        };
        let mut taken = None;
        self.edit_contract(|c, _| taken = remove(c));
        let Some((index, item)) = taken else { return };
        let state = *self;
        self.notices.offer_undo(
            crate::model::french::removed_notice(&what),
            "Annuler la suppression",
            move || {
                let item = item.clone();
                state.edit_contract_by_id(contract_id, |c, _| restore(c, index, item));
            },
        );
    }

    /// Reads something from the open contract, tracking it.
    pub fn with_contract<T>(&self, read: impl FnOnce(&Contract) -> T) -> Option<T> {
        self.workspace.with(|ws| ws.active().map(read))
    }
}

/// A text signal reading one field of the open contract.
pub fn contract_text(state: AppState, read: fn(&Contract) -> String) -> Signal<String> {
    Signal::derive(move || state.with_contract(read).unwrap_or_default())
}

/// A callback writing one text field of the open contract.
pub fn contract_edit(state: AppState, write: fn(&mut Contract, String)) -> Callback<String> {
    Callback::new(move |value: String| state.edit_contract(|c, _| write(c, value)))
}

/// Moves keyboard focus to the element with this id once the DOM has been updated: after a
/// reorder the moved row is re-inserted, and the focus must follow the button just pressed.
pub fn focus_after_render(element_id: String) {
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&element_id) {
            if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
                let _ = element.focus();
            }
        }
    });
}

/// Moves keyboard focus to the first field inside the element with this id once the DOM has
/// been updated: after « Ajouter … » the new row is rendered, and typing must go into it rather
/// than on the button pressed, which would add another empty row.
pub fn focus_first_field_after_render(container_id: String) {
    request_animation_frame(move || {
        let field = document()
            .query_selector(&format!("#{container_id} :is(input, textarea, select)"))
            .ok()
            .flatten();
        if let Some(field) = field {
            if let Ok(field) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(field) {
                let _ = field.focus();
            }
        }
    });
}
