//! The application state shared by every screen: the workspace signal and the notices. All
//! changes go through `AppState`, which stamps modification times; autosave watches the signal.

use super::clock::now;
use super::notices::Notices;
use crate::model::{Contract, Timestamp, Workspace};
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
}

impl AppState {
    pub fn new(workspace: Workspace) -> Self {
        AppState {
            workspace: RwSignal::new(workspace),
            notices: Notices::new(),
            save_status: RwSignal::new(SaveStatus::Saved),
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

    /// Reads something from the open contract, tracking it.
    pub fn with_contract<T>(&self, read: impl FnOnce(&Contract) -> T) -> Option<T> {
        self.workspace.with(|ws| ws.active().map(read))
    }
}
