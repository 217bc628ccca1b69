//! What one page (one tab) keeps in memory about local storage, and the write of the
//! workspace that uses it: the frozen copies it has written or read (`frozen`), which copies
//! the workspace named when copies were last cleaned up, and how many times room was made.
//!
//! A save writes the frozen copies it names that local storage lacks (each under its own key),
//! then the workspace: a browser closed between the two leaves the previous workspace whole,
//! beside copies nobody names yet. Copies no stored text names any more are removed afterwards,
//! unless some unreadable data is kept aside (it may name them).

use super::codec::{decode_with, encode_apart, Loaded, SET_ASIDE_PREFIX, WORKSPACE_KEY};
use super::frozen::{keys_named, FrozenCopies, FROZEN_PREFIX};
use super::snapshots::SNAPSHOTS_KEY;
use super::store::{SaveError, Store};
use crate::model::Workspace;

pub struct Page {
    /// The frozen copies this page has written or read.
    pub copies: FrozenCopies,
    /// The keys of frozen copies the workspace named when copies were last cleaned up (the
    /// snapshots' are read again whenever these change, or a snapshot is kept).
    workspace_named: Option<Vec<String>>,
    /// How many times room was made, or a change was found to fit (`room_events`).
    room_events: u64,
}

impl Page {
    /// A page reading its frozen copies from `store`.
    pub fn new(store: impl Store + 'static) -> Self {
        Page {
            copies: FrozenCopies::new(Box::new(move |key| store.get(key))),
            workspace_named: None,
            room_events: 0,
        }
    }

    /// The workspace as stored (frozen copies apart): what a save writes and tabs compare.
    pub fn encode(&mut self, workspace: &Workspace) -> String {
        encode_apart(workspace, &mut self.copies)
    }

    /// A stored text as a workspace (migrated if it is older); `None` when it cannot be read.
    pub fn workspace_of(&mut self, raw: &str) -> Option<Workspace> {
        match decode_with(Some(raw), &mut self.copies).ok()? {
            Loaded::Current(ws)
            | Loaded::Migrated { workspace: ws, .. }
            | Loaded::Repaired { workspace: ws, .. } => Some(ws),
            Loaded::Fresh => None,
        }
    }

    /// Counts the times this page freed local storage or found that a change fits in it: a
    /// save refused for want of room is tried again only after one of them, or a removal
    /// (`TabSession::may_retry`), not at every typing pause.
    pub fn room_events(&self) -> u64 {
        self.room_events
    }

    pub fn room_made(&mut self) {
        self.room_events += 1;
    }

    /// Removes a key; removing never fails for want of room.
    pub fn remove(&mut self, store: &dyn Store, key: &str) {
        if store.remove(key) {
            self.room_made();
        }
    }

    /// Saves a workspace already encoded (`encode`). Nothing is dropped to make room: when
    /// storage is full the save fails and says so, and what was stored stays whole.
    pub fn save_encoded(&mut self, store: &dyn Store, text: &str) -> Result<(), SaveError> {
        self.write_copies(store, keys_named(text))?;
        store.set(WORKSPACE_KEY, text)?;
        self.clean_up_copies(store, text);
        Ok(())
    }

    /// Writes the frozen copies of `keys` that local storage lacks, and those queued since the
    /// last save (`FrozenCopies::take_unwritten`): a copy stored as its JSON, then deflated once
    /// the page had the code, is written over in its smaller form. A copy not written for want
    /// of room is still in this page's memory (`FrozenCopies::stored_form`) for the next save.
    pub fn write_copies(&mut self, store: &dyn Store, keys: Vec<String>) -> Result<(), SaveError> {
        let unwritten = self.copies.take_unwritten();
        let present = store.keys_with_prefix(FROZEN_PREFIX);
        for key in keys {
            let queued = unwritten.iter().find(|(k, _)| *k == key).map(|(_, stored)| stored);
            if queued.is_none() && present.contains(&key) {
                continue;
            }
            let stored =
                queued.cloned().or_else(|| self.copies.stored_form(&key).map(str::to_string));
            // A copy named but neither stored nor known here: the workspace must not name it.
            let stored =
                stored.ok_or_else(|| SaveError::Unavailable("copie figée absente".into()))?;
            store.set(&key, &stored)?;
        }
        Ok(())
    }

    /// The snapshot list changed: what it names is read again at the next clean-up.
    pub fn snapshots_changed(&mut self) {
        self.workspace_named = None;
    }

    /// Removes the frozen copies that neither the workspace nor a snapshot names, when what
    /// they name changed. Kept while unreadable data is set aside: it may name some. Most saves
    /// change neither (a keystroke names the same copies): the snapshot list, which can weigh
    /// as much as the workspace, is then not even read.
    pub fn clean_up_copies(&mut self, store: &dyn Store, text: &str) {
        let in_workspace = keys_named(text);
        if self.workspace_named.as_ref() == Some(&in_workspace)
            || !store.keys_with_prefix(SET_ASIDE_PREFIX).is_empty()
        {
            return;
        }
        let mut named = in_workspace.clone();
        if let Some(list) = store.get(SNAPSHOTS_KEY) {
            named.extend(keys_named(&list));
        }
        named.sort();
        named.dedup();
        for key in store.keys_with_prefix(FROZEN_PREFIX) {
            if named.binary_search(&key).is_err() {
                self.remove(store, &key);
            }
        }
        self.workspace_named = Some(in_workspace);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::amendment::frozen;
    use crate::model::example::example_contract;
    use crate::model::Workspace;
    use crate::storage::compressed::{compress, is_compressed};
    use crate::storage::store::MemoryStore;

    #[test]
    fn a_copy_stored_as_json_is_written_over_deflated_once_the_code_comes() {
        let store = MemoryStore::new();
        let mut page = Page::new(store.clone());
        let mut workspace = Workspace::default();
        let mut contract = example_contract();
        contract.signing.frozen_copy = Some(frozen(&contract));
        workspace.add_contract(contract);
        let text = page.encode(&workspace);
        page.save_encoded(&store, &text).unwrap();
        let [key] = keys_named(&text).try_into().unwrap();
        let plain = store.get(&key).unwrap();
        assert!(!is_compressed(&plain), "no deflate code yet: the copy's JSON");
        // Storage too full for anything more: only the smaller form can be written.
        store.fill();
        page.copies.set_deflate(compress);
        let text = page.encode(&workspace);
        page.save_encoded(&store, &text).unwrap();
        let deflated = store.get(&key).unwrap();
        assert!(is_compressed(&deflated) && deflated.len() * 2 < plain.len());
        let mut reader = Page::new(store.clone());
        assert_eq!(reader.workspace_of(&store.get(WORKSPACE_KEY).unwrap()), Some(workspace));
    }
}
