//! What tabs of the same browser leave each other in local storage, beside the workspace.
//!
//! - **Which version each write came from.** A tab merges another tab's workspace against the
//!   version both started from (`exchange::tab_merge`). Usually that is the one it last wrote
//!   or read; but a browser may give a tab a stale read (Chromium's local storage reaches each
//!   tab's process a moment later), so a tab can write a workspace made without the other's
//!   last write. Each write therefore notes its version (a hash of its text), the version it
//!   was made from, and its tab (`Written`): the tab that reads it merges against that version
//!   when it still knows it, and its own edit, missing from the other's write, is kept.
//! - **Notes.** When a tab's edit replaces another tab's text in a merge, the tab that lost it
//!   must say so, but only the winner knows: it leaves a note addressed to the tab that wrote
//!   the version it merged, which hears of it through the browser's storage event and shows it
//!   once. Tab ids live only as long as their page; notes to a tab closed since are dropped
//!   after an hour, whenever a note is added.
//!
//! A tab writes these before the workspace: the browser passes changes on in order, so a tab
//! that sees a workspace already sees what explains it.

use crate::exchange::tab_merge::Replacement;
use crate::model::shared_versions::Fnv;
use crate::model::{json, Timestamp};
use serde::{Deserialize, Serialize};

/// The last writes of the workspace (`Written`), oldest first.
pub const VERSIONS_KEY: &str = "atelier-cls.v1.espace.versions";

/// How many writes are remembered: enough for the writes of a few tabs meanwhile.
const WRITES_KEPT: usize = 16;

/// One write of the workspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Written {
    /// `version_of` the text written.
    pub version: String,
    /// The version it was made from: what the tab had last written or read.
    pub parent: String,
    /// The tab that wrote it.
    pub tab: String,
}

/// The version of a stored text: 16 hex digits of its FNV-1a hash.
pub fn version_of(text: &str) -> String {
    let mut hash = Fnv::new();
    hash.write(text.as_bytes());
    format!("{:016x}", hash.0)
}

/// The writes remembered; anything unreadable counts as none (the merge then falls back on
/// the version the tab last wrote or read).
pub fn decode_writes(raw: Option<&str>) -> Vec<Written> {
    raw.and_then(|raw| json::from_text(raw).ok()).unwrap_or_default()
}

/// The writes with a new one, the oldest forgotten.
pub fn add_write(mut writes: Vec<Written>, new: Written) -> String {
    writes.retain(|w| w.version != new.version);
    writes.push(new);
    let excess = writes.len().saturating_sub(WRITES_KEPT);
    json::to_text(&writes[excess..]).expect("writes always serialise")
}

/// The latest version a tab knows (`knows`) that `version` was made from, following the
/// writes back: a stale write may come from a write this tab never saw, itself made from one
/// it saw. `None` when the chain leaves the writes remembered.
pub fn known_ancestor(
    writes: &[Written],
    mut version: String,
    knows: impl Fn(&str) -> bool,
) -> Option<String> {
    for _ in 0..writes.len() {
        let parent = write_of(writes, &version)?.parent.clone();
        if knows(&parent) {
            return Some(parent);
        }
        version = parent;
    }
    None
}

/// Whether the workspace stored is `version`, as far as the writes tell: the last write noted
/// is it. Every save notes its write before writing the workspace (and removes the list when
/// it cannot write it), so a workspace written since by any tab has a later write noted, and
/// an empty list proves nothing.
pub fn stored_is(writes: &[Written], version: &str) -> bool {
    !version.is_empty() && writes.last().is_some_and(|last| last.version == version)
}

/// The write that produced this version, if remembered.
pub fn write_of<'a>(writes: &'a [Written], version: &str) -> Option<&'a Written> {
    writes.iter().rev().find(|w| w.version == version)
}

/// The notes waiting to be read.
pub const NOTES_KEY: &str = "atelier-cls.v1.onglets.remplacements";

/// How long a note waits for its tab (milliseconds).
const KEPT_FOR: Timestamp = 60 * 60 * 1000;

/// « Your text was replaced », from one tab to another.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TabNote {
    /// Tells notes apart, so that each is shown once.
    pub id: String,
    /// The tab whose text was replaced.
    pub to: String,
    /// The tab whose edit replaced it (told in turn if the text is put back).
    pub from: String,
    pub at: Timestamp,
    pub replaced: Replacement,
}

/// The notes stored; anything unreadable counts as none (a note is a courtesy, not data).
pub fn decode_notes(raw: Option<&str>) -> Vec<TabNote> {
    raw.and_then(|raw| json::from_text(raw).ok()).unwrap_or_default()
}

pub fn encode_notes(notes: &[TabNote]) -> String {
    json::to_text(notes).expect("notes always serialise")
}

/// The stored notes with `new` ones added, without those older than an hour.
pub fn add_notes(stored: Vec<TabNote>, new: Vec<TabNote>, now: Timestamp) -> Vec<TabNote> {
    let mut notes: Vec<TabNote> =
        stored.into_iter().filter(|note| now - note.at < KEPT_FOR).collect();
    notes.extend(new);
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::tab_merge::Step;
    use crate::model::Id;

    fn note(id: &str, at: Timestamp) -> TabNote {
        TabNote {
            id: id.into(),
            to: "a".into(),
            from: "b".into(),
            at,
            replaced: Replacement {
                contract: Id::from_u128(1),
                path: vec![Step::Item("\"x\"".into()), Step::Field("title".into())],
                field: "Intitulé".into(),
                place: "de la fiche n°1".into(),
                lost: Some("Titre".into()),
                lost_text: "Titre".into(),
            },
        }
    }

    #[test]
    fn notes_round_trip_and_garbage_is_none() {
        let notes = vec![note("1", 5), note("2", 6)];
        assert_eq!(decode_notes(Some(&encode_notes(&notes))), notes);
        assert_eq!(decode_notes(Some("{pas du json")), Vec::new());
        assert_eq!(decode_notes(None), Vec::new());
    }

    #[test]
    fn writes_are_remembered_sixteen_at_most_and_found_by_version() {
        let mut writes = Vec::new();
        for n in 0..20 {
            let new = Written {
                version: version_of(&n.to_string()),
                parent: String::new(),
                tab: n.to_string(),
            };
            writes = decode_writes(Some(&add_write(writes, new)));
        }
        assert_eq!(writes.len(), 16);
        assert_eq!(write_of(&writes, &version_of("19")).map(|w| w.tab.as_str()), Some("19"));
        assert!(write_of(&writes, &version_of("2")).is_none());
        assert_eq!(version_of("").len(), 16);
        assert_ne!(version_of("a"), version_of("b"));
        assert_eq!(decode_writes(Some("[tronqué")), Vec::new());
    }

    #[test]
    fn a_stale_write_is_traced_back_to_a_version_this_tab_knows() {
        let write = |version: &str, parent: &str| Written {
            version: version.into(),
            parent: parent.into(),
            tab: "b".into(),
        };
        // The other tab wrote b1 then b2 from x, never having seen this tab's a (made from x).
        let writes = vec![write("a", "x"), write("b1", "x"), write("b2", "b1")];
        let knows = |v: &str| ["x", "a"].contains(&v);
        assert_eq!(known_ancestor(&writes, "b2".into(), knows).as_deref(), Some("x"));
        // A write made from this tab's own: its base.
        let writes = vec![write("a", "x"), write("c", "a")];
        assert_eq!(known_ancestor(&writes, "c".into(), knows).as_deref(), Some("a"));
        // Unknown, or a loop in a hand-edited storage: none.
        assert_eq!(known_ancestor(&writes, "z".into(), knows), None);
        let looping = vec![write("p", "q"), write("q", "p")];
        assert_eq!(known_ancestor(&looping, "p".into(), |_| false), None);
    }

    #[test]
    fn the_stored_workspace_is_known_unread_only_when_the_last_write_is_that_version() {
        let write = |version: &str| Written {
            version: version.into(),
            parent: String::new(),
            tab: "a".into(),
        };
        let writes = decode_writes(Some(&add_write(vec![write("x"), write("y")], write("z"))));
        assert!(stored_is(&writes, "z"));
        assert!(!stored_is(&writes, "y"), "another tab wrote z since y");
        // Writing y again makes it the last one noted.
        let writes = decode_writes(Some(&add_write(writes, write("y"))));
        assert!(stored_is(&writes, "y"));
        assert!(!stored_is(&[], "y"), "no list: the workspace must be read");
        assert!(!stored_is(&[write("")], ""), "no version: nothing is known");
    }

    #[test]
    fn old_notes_are_dropped_when_a_note_is_added() {
        let notes = add_notes(
            vec![note("old", 0), note("recent", KEPT_FOR)],
            vec![note("new", KEPT_FOR + 1)],
            KEPT_FOR + 1,
        );
        let ids: Vec<&str> = notes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["recent", "new"]);
    }
}
