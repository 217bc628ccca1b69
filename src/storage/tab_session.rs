//! The protocol by which several tabs of one browser share one stored workspace, run over any
//! `Store` (local storage in the browser, a map in native tests). `ui::platform::tabs` only
//! turns its outcomes into signals and notices, under the Web Lock the tabs share.
//!
//! Each tab keeps the text of the workspace it last wrote or read (its base); when the stored
//! one differs, another tab wrote since, and this tab merges (`exchange::tab_merge`) rather
//! than replacing either:
//! - before it writes (read, merge, write: `TabSession::save`, run under the lock so that no
//!   other tab writes between the read and the write);
//! - when the browser tells it another tab wrote (`TabSession::heard`), keeping its own edits
//!   not yet saved.
//!
//! The merge starts from the version the other tab's write was made from, when this tab knows
//! it (`tab_notes`): a tab given a stale read writes without this tab's last write, which must
//! then count as this tab's edit, not as something the other tab removed.
//!
//! A save writes, in this order: the notes for other tabs, the list of writes, the frozen copies
//! the workspace names, the workspace (`Page::save_encoded`). A browser closed anywhere in
//! between leaves the previous workspace whole: the list then names a write that is not stored,
//! which only makes the next tab read the workspace rather than trust the list.
//!
//! When the same field was changed in both, the most recent edit wins. The tab whose text gave
//! way is offered it back (`Offer`): at once when it merged itself, or from a note the winning
//! tab leaves it in local storage.
//!
//! The merge itself is given to the session (`set_merger`): it lives in a part the first visit
//! does not load (`ui::parts::tab_merge`), needed only once another tab has written. A step that
//! must merge before the merge is there changes nothing and says so (`Found::MergeNeeded`): the
//! UI fetches it and runs the step again.

use super::codec::WORKSPACE_KEY;
use super::page::Page;
use super::store::{SaveError, Store};
use super::tab_notes::{
    add_notes, add_write, decode_notes, decode_writes, encode_notes, known_ancestor, stored_is,
    version_of, write_of, TabNote, Written, NOTES_KEY, VERSIONS_KEY,
};
use crate::exchange::tab_merge::{MergeTabs, Renumbered, Replacement, TabMerge};
use crate::model::storage_use::weight;
use crate::model::{Id, Timestamp, Workspace};

/// How many versions a tab remembers, to merge a stale write against the one it came from.
const VERSIONS_KNOWN: usize = 4;

/// A version of the stored workspace: its `version_of` and its text.
type Known = (String, String);

/// What one tab knows of the stored workspace, between its reads and writes.
pub struct TabSession {
    /// This tab, as notes between tabs address it.
    id: String,
    /// The last versions this tab wrote or read, oldest first; the last one is its base, what
    /// both sides of a merge usually started from. An unchanged workspace is not written
    /// again, which also stops two tabs from echoing each other's writes for ever.
    known: Vec<Known>,
    /// Which contract is open is each tab's own: when this tab took in a workspace that only
    /// differs from its own by that, its workspace as it would be written. It is not written
    /// for that alone, or two tabs on two contracts would write in turn for ever.
    view: Option<String>,
    /// Notes for the tabs whose text this one replaced, left with its next write.
    outbox: Vec<TabNote>,
    /// The notes already offered here.
    seen: Vec<String>,
    /// Set while local storage had no room for the last save (`may_retry`).
    blocked: Option<Blocked>,
    /// The three-way merge, once its part is loaded (`set_merger`).
    merger: Option<MergeTabs>,
}

/// A save refused for want of room, and what could make the next one fit: a removal in the
/// workspace, room made in local storage, another tab's write, or « Réessayer ».
#[derive(Clone, Copy, Debug)]
struct Blocked {
    /// `storage_use::weight` of the workspace then.
    weight: usize,
    /// `Page::room_events` then.
    room_events: u64,
}

/// A text of this tab that another tab's edit replaced, and that tab: to offer it back.
#[derive(Clone, Debug, PartialEq)]
pub struct Offer {
    pub replaced: Replacement,
    pub from: String,
}

/// What reading the stored workspace found.
#[derive(Debug)]
pub enum Found {
    /// What this tab last wrote or read: nothing to take in.
    Nothing,
    /// Another tab's write, merged in.
    Merged(TakenIn),
    /// Another tab's write that cannot be read: left out of the merge.
    Unreadable,
    /// Another tab's write that must be merged with this tab's edits, before the merge's code
    /// is loaded: nothing was taken in, and a save wrote nothing (`set_merger`, then again).
    MergeNeeded,
}

/// Another tab's write merged into this tab's workspace.
#[derive(Debug, Default)]
pub struct TakenIn {
    /// The workspace with both tabs' edits, when it differs from this tab's.
    pub workspace: Option<Workspace>,
    /// This tab's workspace already holds the merge but what is stored does not: it must be
    /// written again (nothing changed here to start a save).
    pub write_again: bool,
    /// This tab's avenants renumbered: another tab made one with the same number meanwhile.
    pub renumbered: Vec<Renumbered>,
    /// This tab's texts replaced by the other tab's more recent edits.
    pub replaced_here: Vec<Offer>,
}

/// How a write went.
#[derive(Debug, PartialEq)]
pub enum Wrote {
    /// What is stored is this tab's workspace already (but perhaps for the open contract).
    Unchanged,
    Saved,
    /// Local storage had no room: what was stored stays whole.
    Full,
    Refused(SaveError),
    /// Nothing written: another tab's write must be merged first (`Found::MergeNeeded`).
    Postponed,
}

/// What a save did: what it read, then how the write went.
#[derive(Debug)]
pub struct SaveOutcome {
    pub found: Found,
    pub wrote: Wrote,
}

/// What a change another tab made to local storage means here.
#[derive(Debug)]
pub enum Heard {
    Nothing,
    /// The workspace changed.
    Workspace(Found),
    /// Notes for this tab, not offered yet.
    Notes(Vec<Offer>),
}

/// This tab's workspace as a step finds it.
#[derive(Clone, Copy)]
pub struct Ours<'a> {
    pub workspace: &'a Workspace,
    /// Whether everything in it is saved: with nothing of its own to keep, this tab takes
    /// another tab's write as it is, without reading its base.
    pub saved: bool,
}

impl TabSession {
    /// A tab whose workspace, as stored (`Page::encode`), is `text`.
    pub fn new(id: String, text: String) -> Self {
        TabSession {
            id,
            known: vec![(version_of(&text), text)],
            view: None,
            outbox: Vec::new(),
            seen: Vec::new(),
            blocked: None,
            merger: None,
        }
    }

    /// Gives the session the three-way merge, from its part loaded on demand.
    pub fn set_merger(&mut self, merger: MergeTabs) {
        self.merger = Some(merger);
    }

    pub fn has_merger(&self) -> bool {
        self.merger.is_some()
    }

    /// A tab with an id of its own.
    pub fn open(text: String) -> Self {
        Self::new(Id::random().to_string(), text)
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// Whether a change is worth saving: always, unless storage was full at the last save and
    /// nothing since could make it fit. Re-encoding a workspace of megabytes at every typing
    /// pause, for a write that fails again, would only slow typing down.
    pub fn may_retry(&mut self, workspace: &Workspace, page: &Page) -> bool {
        let Some(blocked) = self.blocked else {
            return true;
        };
        let retry = weight(workspace) < blocked.weight || page.room_events() != blocked.room_events;
        if retry {
            self.blocked = None;
        }
        retry
    }

    /// Room may have been made (another tab wrote, « Réessayer »): the next save is tried.
    pub fn forget_full(&mut self) {
        self.blocked = None;
    }

    /// Reads the stored workspace, merges it in if another tab wrote since, and writes the
    /// result. The workspace written is the merged one when there is one
    /// (`found`'s `TakenIn::workspace`), else `ours`.
    pub fn save(
        &mut self,
        store: &dyn Store,
        page: &mut Page,
        ours: Ours,
        now: Timestamp,
    ) -> SaveOutcome {
        let (found, writes) = self.catch_up_reading(store, page, ours, now);
        let current = match &found {
            Found::MergeNeeded => return SaveOutcome { found, wrote: Wrote::Postponed },
            Found::Merged(TakenIn { workspace: Some(merged), .. }) => merged,
            _ => ours.workspace,
        };
        let wrote = self.write(store, page, current, writes, now);
        SaveOutcome { found, wrote }
    }

    /// Merges in what another tab stored since this tab last wrote or read (before an edit
    /// that must start from the latest stored workspace, such as an avenant's number).
    pub fn catch_up(
        &mut self,
        store: &dyn Store,
        page: &mut Page,
        ours: Ours,
        now: Timestamp,
    ) -> Found {
        self.catch_up_reading(store, page, ours, now).0
    }

    /// `catch_up`, giving the writes read for the save that follows (under the lock, nobody
    /// else writes them meanwhile). The list of writes is written before each workspace: when
    /// its last one is this tab's base, so is the workspace stored, and a workspace of a
    /// megabyte need not be read at every save.
    fn catch_up_reading(
        &mut self,
        store: &dyn Store,
        page: &mut Page,
        ours: Ours,
        now: Timestamp,
    ) -> (Found, Vec<Written>) {
        let writes = decode_writes(store.get(VERSIONS_KEY).as_deref());
        if stored_is(&writes, &self.base_version()) {
            return (Found::Nothing, writes);
        }
        let found = match store.get(WORKSPACE_KEY) {
            Some(stored) => self.take_in(store, page, stored, ours, now),
            None => Found::Nothing,
        };
        (found, writes)
    }

    /// Another tab changed `key` of local storage to `new_value`.
    pub fn heard(
        &mut self,
        store: &dyn Store,
        page: &mut Page,
        key: Option<&str>,
        new_value: Option<String>,
        ours: Ours,
        now: Timestamp,
    ) -> Heard {
        // Whatever another tab wrote or removed may have made room.
        self.forget_full();
        match key {
            Some(WORKSPACE_KEY) => match new_value {
                Some(raw) => Heard::Workspace(self.take_in(store, page, raw, ours, now)),
                None => Heard::Nothing,
            },
            Some(NOTES_KEY) => Heard::Notes(self.notes_for_me(new_value.as_deref())),
            _ => Heard::Nothing,
        }
    }

    /// Writes `current` (and the notes waiting) unless it is what is stored.
    fn write(
        &mut self,
        store: &dyn Store,
        page: &mut Page,
        current: &Workspace,
        writes: Vec<Written>,
        now: Timestamp,
    ) -> Wrote {
        let text = page.encode(current);
        if self.is_base(&text) {
            return Wrote::Unchanged;
        }
        self.send_notes(store, now);
        let version = version_of(&text);
        let written =
            Written { version: version.clone(), parent: self.base_version(), tab: self.id.clone() };
        // The list helps the next merge, and tells other tabs whether the workspace changed
        // (`stored_is`): a list that cannot be written must not name an older write as the
        // last, so it goes; the save itself goes on.
        if store.set(VERSIONS_KEY, &add_write(writes, written)).is_err() {
            page.remove(store, VERSIONS_KEY);
        }
        match page.save_encoded(store, &text) {
            Ok(()) => {
                self.remember_version(version, text);
                Wrote::Saved
            }
            Err(SaveError::Full) => {
                self.blocked =
                    Some(Blocked { weight: weight(current), room_events: page.room_events() });
                Wrote::Full
            }
            Err(error) => Wrote::Refused(error),
        }
    }

    /// Whether this is the stored text this tab last wrote or read.
    fn is_stored(&self, text: &str) -> bool {
        self.known.last().is_some_and(|(_, base)| base == text)
    }

    /// Whether this workspace text needs no writing: it is what is stored, but for the view.
    fn is_base(&self, text: &str) -> bool {
        self.view.as_ref().map_or_else(|| self.is_stored(text), |view| view == text)
    }

    fn base_version(&self) -> String {
        self.known.last().map(|(v, _)| v.clone()).unwrap_or_default()
    }

    /// Remembers a version written or read, its `version_of` already computed (a hash over a
    /// megabyte).
    fn remember_version(&mut self, version: String, text: String) {
        self.known.push((version, text));
        let excess = self.known.len().saturating_sub(VERSIONS_KNOWN);
        self.known.drain(..excess);
        self.view = None;
    }

    /// Merges what another tab stored (`raw`) into this tab's workspace.
    fn take_in(
        &mut self,
        store: &dyn Store,
        page: &mut Page,
        raw: String,
        ours: Ours,
        now: Timestamp,
    ) -> Found {
        if self.is_stored(&raw) {
            return Found::Nothing;
        }
        let Some(theirs) = page.workspace_of(&raw) else {
            return Found::Unreadable;
        };
        let writes = decode_writes(store.get(VERSIONS_KEY).as_deref());
        let version = version_of(&raw);
        let writer = write_of(&writes, &version).map_or_else(String::new, |w| w.tab.clone());
        let knows = |v: &str| self.known.iter().any(|(k, _)| k == v);
        let base_version = self.base_version();
        let parent =
            known_ancestor(&writes, version, knows).unwrap_or_else(|| base_version.clone());
        // Which contract is open stays this tab's own (`view`).
        let open_here = ours.workspace.active_contract;
        let open_there = theirs.active_contract;
        // Everything is saved here and the other tab wrote on top of it: this tab has nothing
        // of its own to keep, and need not read its base (a large contract is a megabyte).
        let (merged, view_only) = if parent == base_version && ours.saved {
            let mut workspace = theirs;
            if open_here.is_none_or(|id| workspace.contract(id).is_some()) {
                workspace.active_contract = open_here;
            }
            let view_only = workspace.active_contract != open_there;
            let merged = TabMerge {
                workspace,
                replaced_here: Vec::new(),
                replaced_there: Vec::new(),
                renumbered: Vec::new(),
            };
            (merged, view_only)
        } else {
            let Some(merge_tabs) = self.merger else {
                return Found::MergeNeeded;
            };
            let found = self.known.iter().rev().find(|(v, _)| *v == parent);
            let base_text = found.or(self.known.last()).map(|(_, text)| text.clone());
            let base = base_text.and_then(|text| page.workspace_of(&text)).unwrap_or_default();
            let mut merged = merge_tabs(&base, ours.workspace, &theirs);
            let open = std::mem::replace(&mut merged.workspace.active_contract, open_there);
            let view_only = open != open_there && merged.workspace == theirs;
            merged.workspace.active_contract = open;
            (merged, view_only)
        };
        // Only the open contract differs from what is stored: nothing to write for that.
        self.remember_version(version_of(&raw), raw);
        if view_only {
            self.view = Some(page.encode(&merged.workspace));
        }
        let changed = *ours.workspace != merged.workspace;
        let write_again = !changed && ours.saved && !self.is_base(&page.encode(ours.workspace));
        let notes: Vec<TabNote> = merged
            .replaced_there
            .into_iter()
            .map(|replaced| self.note(&writer, replaced, now))
            .collect();
        self.outbox.extend(notes);
        Found::Merged(TakenIn {
            workspace: changed.then_some(merged.workspace),
            write_again,
            renumbered: merged.renumbered,
            replaced_here: merged
                .replaced_here
                .into_iter()
                .map(|replaced| Offer { replaced, from: writer.clone() })
                .collect(),
        })
    }

    fn note(&self, to: &str, replaced: Replacement, at: Timestamp) -> TabNote {
        TabNote {
            id: Id::random().to_string(),
            to: to.to_string(),
            from: self.id.clone(),
            at,
            replaced,
        }
    }

    /// A text put back here (`restore`) replaced `reverse` in tab `from`: that tab is told with
    /// the next write.
    pub fn gave_back(&mut self, from: &str, reverse: Replacement, now: Timestamp) {
        let note = self.note(from, reverse, now);
        self.outbox.push(note);
    }

    /// Leaves the waiting notes in local storage, before the workspace they explain. A note is
    /// a courtesy, not data: one that cannot be written is dropped.
    fn send_notes(&mut self, store: &dyn Store, now: Timestamp) {
        let new = std::mem::take(&mut self.outbox);
        if new.is_empty() {
            return;
        }
        let stored = decode_notes(store.get(NOTES_KEY).as_deref());
        let _ = store.set(NOTES_KEY, &encode_notes(&add_notes(stored, new, now)));
    }

    /// The notes for this tab not offered yet; they will not be offered again.
    fn notes_for_me(&mut self, raw: Option<&str>) -> Vec<Offer> {
        let mut offers = Vec::new();
        for note in decode_notes(raw) {
            if note.to != self.id || self.seen.contains(&note.id) {
                continue;
            }
            self.seen.push(note.id.clone());
            offers.push(Offer { replaced: note.replaced, from: note.from });
        }
        offers
    }
}

#[cfg(test)]
mod tests;
