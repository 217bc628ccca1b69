//! Several tabs of the app in one browser share one stored workspace. Each tab keeps the text
//! of the workspace it last wrote or read (its base); when the stored one differs, another tab
//! wrote since, and this tab merges (`exchange::tab_merge`) rather than replacing either:
//! - before it writes (read, merge, write, under the Web Lock the tabs share, so that no
//!   other tab writes between the read and the write);
//! - when the browser tells it another tab wrote (the storage event), keeping its own edits
//!   not yet saved.
//!
//! When the same field was changed in both, the most recent edit wins. The tab whose text
//! gave way says so, with « Rétablir mon texte »: at once when it merged itself, or from a
//! note the winning tab leaves it in local storage (`storage::tab_notes`).

use super::clock::now;
use super::notices::Level;
use super::state::{AppState, SaveStatus};
use super::web_lock::with_lock;
use crate::exchange::tab_merge::{merge_tabs, restore, Replacement, Restored, TabMerge};
use crate::model::{Id, Workspace};
use crate::storage::tab_notes::{
    add_notes, decode_notes, encode_notes, TabNote, NOTES_KEY, WRITER_KEY,
};
use crate::storage::{codec, local, WORKSPACE_KEY};
use leptos::prelude::*;

/// The Web Lock held while reading, merging and writing the workspace.
const LOCK: &str = "atelier-cls.v1.espace";
const SAVE_NOTICE: &str = "save";
const OTHER_TAB_NOTICE: &str = "other-tab";

#[derive(Clone, Copy)]
pub struct Tabs {
    state: AppState,
    /// This tab, as notes between tabs address it.
    id: StoredValue<String>,
    /// The text of the workspace this tab last wrote or read: what both sides of a merge
    /// started from. An unchanged workspace is not written again, which also stops two tabs
    /// from echoing each other's writes for ever.
    base: StoredValue<String>,
    /// Notes for the tabs whose text this one replaced, left with its next write.
    outbox: StoredValue<Vec<TabNote>>,
    /// The notes already shown here.
    seen: StoredValue<Vec<String>>,
}

impl Tabs {
    pub fn new(state: AppState) -> Self {
        Tabs {
            state,
            id: StoredValue::new(Id::random().to_string()),
            base: StoredValue::new(state.workspace.with_untracked(codec::encode)),
            outbox: StoredValue::new(Vec::new()),
            seen: StoredValue::new(Vec::new()),
        }
    }

    /// Saves under the lock the tabs share, as soon as the browser grants it.
    pub fn save(self) {
        with_lock(LOCK, move || self.save_now());
    }

    /// Reads the stored workspace, merges it in if another tab wrote since, and writes. Run
    /// under the lock, or at once when the page goes away (waiting for the lock then could
    /// lose the last keystroke).
    pub fn save_now(self) {
        if let Some(stored) = local::read_raw().filter(|raw| *raw != self.base.get_value()) {
            if let Some(theirs) = local::workspace_of(&stored) {
                self.take_in(theirs, stored);
            }
        }
        let text = self.state.workspace.with_untracked(codec::encode);
        if text == self.base.get_value() {
            self.state.save_status.set(SaveStatus::Saved);
            return;
        }
        self.send_notes();
        // Only says whom notes go to: a failure here must not stop the save.
        let _ = local::write_text(WRITER_KEY, &self.id.get_value());
        match local::save_encoded(&text) {
            Ok(()) => {
                self.base.set_value(text);
                self.state.save_status.set(SaveStatus::Saved);
                self.state.notices.clear_keyed(SAVE_NOTICE);
            }
            Err(error) => {
                self.state.save_status.set(SaveStatus::Failed);
                self.state.notices.set_keyed(SAVE_NOTICE, Level::Error, error.message_fr());
            }
        }
    }

    /// Another tab wrote the workspace, or left notes.
    pub fn on_storage(self, event: web_sys::StorageEvent) {
        match event.key().as_deref() {
            Some(WORKSPACE_KEY) => {
                let Some(raw) = event.new_value().filter(|raw| *raw != self.base.get_value())
                else {
                    return;
                };
                if let Some(theirs) = local::workspace_of(&raw) {
                    self.take_in(theirs, raw);
                }
            }
            Some(NOTES_KEY) => self.read_notes(event.new_value()),
            _ => {}
        }
    }

    /// Merges what another tab stored (`raw`, read as `theirs`) into this tab's workspace.
    fn take_in(self, theirs: Workspace, raw: String) {
        let writer = local::read_text(WRITER_KEY).unwrap_or_default();
        // Everything is saved here: this tab has nothing of its own to keep, and need not
        // read its base (a large contract is a megabyte of JSON).
        let merged = if self.state.save_status.get_untracked() == SaveStatus::Saved {
            TabMerge { workspace: theirs, replaced_here: Vec::new(), replaced_there: Vec::new() }
        } else {
            let base = local::workspace_of(&self.base.get_value()).unwrap_or_default();
            self.state.workspace.with_untracked(|ours| merge_tabs(&base, ours, &theirs))
        };
        self.base.set_value(raw);
        if self.state.workspace.with_untracked(|ours| *ours != merged.workspace) {
            self.state.workspace.set(merged.workspace);
            self.state.notices.set_keyed(
                OTHER_TAB_NOTICE,
                Level::Info,
                "Mis à jour avec les modifications faites dans un autre onglet.",
            );
        }
        for replaced in merged.replaced_here {
            self.offer_back(replaced, writer.clone());
        }
        let at = now();
        let notes =
            merged.replaced_there.into_iter().map(|replaced| self.note(&writer, replaced, at));
        self.outbox.update_value(|outbox| outbox.extend(notes));
    }

    fn note(self, to: &str, replaced: Replacement, at: i64) -> TabNote {
        TabNote {
            id: Id::random().to_string(),
            to: to.to_string(),
            from: self.id.get_value(),
            at,
            replaced,
        }
    }

    /// Leaves the waiting notes in local storage, before the workspace they explain.
    fn send_notes(self) {
        let new = self.outbox.try_update_value(std::mem::take).unwrap_or_default();
        if new.is_empty() {
            return;
        }
        let stored = decode_notes(local::read_text(NOTES_KEY).as_deref());
        let _ = local::write_text(NOTES_KEY, &encode_notes(&add_notes(stored, new, now())));
    }

    /// Shows the notes for this tab not shown yet.
    fn read_notes(self, raw: Option<String>) {
        let me = self.id.get_value();
        for note in decode_notes(raw.as_deref()) {
            if note.to != me || self.seen.with_value(|seen| seen.contains(&note.id)) {
                continue;
            }
            self.seen.update_value(|seen| seen.push(note.id.clone()));
            self.offer_back(note.replaced, note.from);
        }
    }

    /// Says what another tab's edit (`from`) replaced here, and offers to put it back.
    fn offer_back(self, replaced: Replacement, from: String) {
        let message = replaced.message();
        self.state.notices.offer_give_back(
            Level::Warning,
            message,
            "Rétablir mon texte",
            move || self.give_back(&replaced, &from),
        );
    }

    /// Puts a lost text back, as a new edit; the tab whose text it replaces is told in turn.
    fn give_back(self, replaced: &Replacement, from: &str) {
        let mut restored = Restored::AlreadyThere;
        self.state.workspace.update(|ws| restored = restore(ws, replaced, now()));
        match restored {
            Restored::Done(reverse) => {
                let note = self.note(from, reverse, now());
                self.outbox.update_value(|outbox| outbox.push(note));
            }
            Restored::AlreadyThere => {}
            Restored::Gone => self.state.notices.push(
                Level::Warning,
                "Ce texte ne peut plus être rétabli : ce qui le contenait a été supprimé depuis.",
            ),
        }
    }
}
