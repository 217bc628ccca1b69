//! Several tabs of the app in one browser share one stored workspace. Each tab keeps the text
//! of the workspace it last wrote or read (its base); when the stored one differs, another tab
//! wrote since, and this tab merges (`exchange::tab_merge`) rather than replacing either:
//! - before it writes (read, merge, write, under the Web Lock the tabs share, so that no
//!   other tab writes between the read and the write);
//! - when the browser tells it another tab wrote (the storage event), keeping its own edits
//!   not yet saved.
//!
//! The merge starts from the version the other tab's write was made from, when this tab knows
//! it (`storage::tab_notes`): a tab given a stale read writes without this tab's last write,
//! which must then count as this tab's edit, not as something the other tab removed.
//!
//! When the same field was changed in both, the most recent edit wins. The tab whose text
//! gave way says so, with « Rétablir mon texte »: at once when it merged itself, or from a
//! note the winning tab leaves it in local storage.

use super::clock::now;
use super::notices::Level;
use super::state::{AppState, SaveStatus};
use super::web_lock::{with_lock, with_lock_kept};
use crate::exchange::tab_merge::{merge_tabs, restore, Replacement, Restored, TabMerge};
use crate::model::storage_use::weight;
use crate::model::{Id, Workspace};
use crate::storage::local::{self, SaveError};
use crate::storage::tab_notes::{
    add_notes, add_write, decode_notes, decode_writes, encode_notes, known_ancestor, stored_is,
    version_of, write_of, TabNote, Written, NOTES_KEY, VERSIONS_KEY,
};
use crate::storage::WORKSPACE_KEY;
use leptos::prelude::*;

/// Runs `edit` on the latest stored workspace under the tabs' lock (`Tabs::edit_fresh`), or at
/// once when nothing is saved (storage refused at start: there is no other tab's work to read).
pub fn edit_fresh(edit: impl FnOnce() + 'static) {
    match use_context::<Tabs>() {
        Some(tabs) => tabs.edit_fresh(edit),
        None => edit(),
    }
}

/// The Web Lock held while reading, merging and writing the workspace.
const LOCK: &str = "atelier-cls.v1.espace";
const SAVE_NOTICE: &str = "save";
const OTHER_TAB_NOTICE: &str = "other-tab";
/// How many versions a tab remembers, to merge a stale write against the one it came from.
const VERSIONS_KNOWN: usize = 4;

/// A version of the stored workspace: its `version_of` and its text.
type Known = (String, String);

#[derive(Clone, Copy)]
pub struct Tabs {
    state: AppState,
    /// This tab, as notes between tabs address it.
    id: StoredValue<String>,
    /// The last versions this tab wrote or read, oldest first; the last one is its base, what
    /// both sides of a merge usually started from. An unchanged workspace is not written
    /// again, which also stops two tabs from echoing each other's writes for ever.
    known: StoredValue<Vec<Known>>,
    /// Which contract is open is each tab's own: when this tab took in a workspace that only
    /// differs from its own by that, its workspace as it would be written. It is not written
    /// for that alone, or two tabs on two contracts would write in turn for ever.
    view: StoredValue<Option<String>>,
    /// Notes for the tabs whose text this one replaced, left with its next write.
    outbox: StoredValue<Vec<TabNote>>,
    /// The notes already shown here.
    seen: StoredValue<Vec<String>>,
    /// Set while local storage had no room for the last save (`may_retry`).
    blocked: StoredValue<Option<Blocked>>,
}

/// A save refused for want of room, and what could make the next one fit: a removal in the
/// workspace, room made in local storage, another tab's write, or « Réessayer ».
#[derive(Clone, Copy)]
struct Blocked {
    /// `storage_use::weight` of the workspace then.
    weight: usize,
    /// `local::room_events` then.
    room_events: u64,
}

impl Tabs {
    pub fn new(state: AppState) -> Self {
        let text = state.workspace.with_untracked(local::encode);
        Tabs {
            state,
            id: StoredValue::new(Id::random().to_string()),
            known: StoredValue::new(vec![(version_of(&text), text)]),
            view: StoredValue::new(None),
            outbox: StoredValue::new(Vec::new()),
            seen: StoredValue::new(Vec::new()),
            blocked: StoredValue::new(None),
        }
    }

    /// Whether a change is worth saving: always, unless storage was full at the last save and
    /// nothing since could make it fit. Re-encoding a workspace of megabytes at every typing
    /// pause, for a write that fails again, would only slow typing down.
    pub fn may_retry(self) -> bool {
        let Some(blocked) = self.blocked.get_value() else {
            return true;
        };
        let lighter = self.state.workspace.with_untracked(weight) < blocked.weight;
        let retry = lighter || local::room_events() != blocked.room_events;
        if retry {
            self.blocked.set_value(None);
        }
        retry
    }

    /// Saves under the lock the tabs share, as soon as the browser grants it.
    pub fn save(self) {
        with_lock(LOCK, move || self.save_now());
    }

    /// Runs `edit` under the lock on the workspace as stored now (what another tab wrote is
    /// merged in first), then saves at once. What is decided once for all tabs, such as the
    /// next avenant's number or whether the contract is already signed, is decided there:
    /// two tabs pressing « Créer l’avenant » together make n°1 and n°2, never two n°1.
    pub fn edit_fresh(self, edit: impl FnOnce() + 'static) {
        with_lock_kept(LOCK, move || {
            self.take_in_stored();
            edit();
            self.save_now();
        });
    }

    /// Reads the stored workspace, merges it in if another tab wrote since, and writes. Run
    /// under the lock, or at once when the page goes away (waiting for the lock then could
    /// lose the last keystroke).
    pub fn save_now(self) {
        let writes = self.take_in_stored();
        let text = self.state.workspace.with_untracked(local::encode);
        if self.is_base(&text) {
            self.state.save_status.set(SaveStatus::Saved);
            return;
        }
        self.send_notes();
        let version = version_of(&text);
        let written = Written {
            version: version.clone(),
            parent: self.base_version(),
            tab: self.id.get_value(),
        };
        // The list helps the next merge, and tells other tabs whether the workspace changed
        // (`stored_is`): a list that cannot be written must not name an older write as the
        // last, so it goes; the save itself goes on.
        if local::write_text(VERSIONS_KEY, &add_write(writes, written)).is_err() {
            local::remove_text(VERSIONS_KEY);
        }
        match local::save_encoded(&text) {
            Ok(()) => {
                super::persistence::ask_once();
                self.remember_version(version, text);
                self.state.save_status.set(SaveStatus::Saved);
                self.state.notices.clear_keyed(SAVE_NOTICE);
            }
            Err(SaveError::Full) => {
                self.state.save_status.set(SaveStatus::Failed);
                self.blocked.set_value(Some(Blocked {
                    weight: self.state.workspace.with_untracked(weight),
                    room_events: local::room_events(),
                }));
                self.state.notices.set_keyed_action(
                    SAVE_NOTICE,
                    Level::Error,
                    SaveError::Full.message_fr(),
                    "Réessayer l’enregistrement",
                    move || {
                        self.blocked.set_value(None);
                        self.state.save_status.set(SaveStatus::Pending);
                        self.save();
                    },
                );
            }
            Err(error) => {
                self.state.save_status.set(SaveStatus::Failed);
                self.state.notices.set_keyed(SAVE_NOTICE, Level::Error, error.message_fr());
            }
        }
    }

    /// Merges in what another tab stored since this tab last wrote or read. The list of writes
    /// is written before each workspace: when its last one is this tab's base, so is the
    /// workspace stored, and a workspace of a megabyte need not be read at every save.
    /// Gives the writes read, for the save that follows (under the lock, nobody else writes
    /// them meanwhile).
    fn take_in_stored(self) -> Vec<Written> {
        let writes = decode_writes(local::read_text(VERSIONS_KEY).as_deref());
        if stored_is(&writes, &self.base_version()) {
            return writes;
        }
        if let Some(stored) = local::read_raw().filter(|raw| !self.is_stored(raw)) {
            if let Some(theirs) = local::workspace_of(&stored) {
                self.take_in(theirs, stored);
            }
        }
        writes
    }

    /// Another tab wrote the workspace, or left notes.
    pub fn on_storage(self, event: web_sys::StorageEvent) {
        // Whatever another tab wrote or removed may have made room.
        self.blocked.set_value(None);
        match event.key().as_deref() {
            Some(WORKSPACE_KEY) => {
                let Some(raw) = event.new_value().filter(|raw| !self.is_stored(raw)) else {
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

    /// Whether this is the stored text this tab last wrote or read.
    fn is_stored(self, text: &str) -> bool {
        self.known.with_value(|known| known.last().is_some_and(|(_, base)| base == text))
    }

    /// Whether this workspace text needs no writing: it is what is stored, but for the view.
    fn is_base(self, text: &str) -> bool {
        self.view
            .with_value(|view| view.as_ref().map(|view| view == text))
            .unwrap_or_else(|| self.is_stored(text))
    }

    fn base_version(self) -> String {
        self.known.with_value(|known| known.last().map(|(v, _)| v.clone()).unwrap_or_default())
    }

    fn remember(self, text: String) {
        self.remember_version(version_of(&text), text);
    }

    /// `remember`, its `version_of` already computed (a hash over a megabyte).
    fn remember_version(self, version: String, text: String) {
        self.known.update_value(|known| {
            known.push((version, text));
            let excess = known.len().saturating_sub(VERSIONS_KNOWN);
            known.drain(..excess);
        });
        self.view.set_value(None);
    }

    /// Merges what another tab stored (`raw`, read as `theirs`) into this tab's workspace.
    fn take_in(self, theirs: Workspace, raw: String) {
        let writes = decode_writes(local::read_text(VERSIONS_KEY).as_deref());
        let version = version_of(&raw);
        let writer = write_of(&writes, &version).map_or_else(String::new, |w| w.tab.clone());
        let knows = |v: &str| self.known.with_value(|known| known.iter().any(|(k, _)| k == v));
        let parent = known_ancestor(&writes, version, knows).unwrap_or_else(|| self.base_version());
        let base_version = self.base_version();
        // Which contract is open stays this tab's own (`view`).
        let open_here = self.state.workspace.with_untracked(|ours| ours.active_contract);
        let open_there = theirs.active_contract;
        // Everything is saved here and the other tab wrote on top of it: this tab has nothing
        // of its own to keep, and need not read its base (a large contract is a megabyte).
        let (merged, view_only) = if parent == base_version
            && self.state.save_status.get_untracked() == SaveStatus::Saved
        {
            let mut workspace = theirs;
            if open_here.is_none_or(|id| workspace.contract(id).is_some()) {
                workspace.active_contract = open_here;
            }
            let view_only = workspace.active_contract != open_there;
            (
                TabMerge {
                    workspace,
                    replaced_here: Vec::new(),
                    replaced_there: Vec::new(),
                    renumbered: Vec::new(),
                },
                view_only,
            )
        } else {
            let base_text = self.known.with_value(|known| {
                let found = known.iter().rev().find(|(v, _)| *v == parent);
                found.or(known.last()).map(|(_, text)| text.clone()).unwrap_or_default()
            });
            let base = local::workspace_of(&base_text).unwrap_or_default();
            let mut merged =
                self.state.workspace.with_untracked(|ours| merge_tabs(&base, ours, &theirs));
            let open = std::mem::replace(&mut merged.workspace.active_contract, open_there);
            let view_only = open != open_there && merged.workspace == theirs;
            merged.workspace.active_contract = open;
            (merged, view_only)
        };
        // Only the open contract differs from what is stored: nothing to write for that.
        self.remember(raw);
        if view_only {
            self.view.set_value(Some(local::encode(&merged.workspace)));
        }
        if self.state.workspace.with_untracked(|ours| *ours != merged.workspace) {
            self.state.workspace.set(merged.workspace);
            self.state.notices.set_keyed(
                OTHER_TAB_NOTICE,
                Level::Info,
                "Mis à jour avec les modifications faites dans un autre onglet.",
            );
        } else if self.state.save_status.get_untracked() == SaveStatus::Saved
            && !self.is_base(&self.state.workspace.with_untracked(local::encode))
        {
            // This tab's workspace already holds the merge, but what is stored does not: it
            // is written again (the effect that saves runs only on a change).
            self.state.save_status.set(SaveStatus::Pending);
            self.save();
        }
        for renumbered in &merged.renumbered {
            self.state.notices.push(Level::Warning, renumbered.message());
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
