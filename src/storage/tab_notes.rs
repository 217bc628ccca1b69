//! Notes between tabs of the same browser: when a tab's edit replaces another tab's text in a
//! merge (`exchange::tab_merge`), the tab that lost it must say so, but only the winner knows.
//! The winner leaves a note in local storage addressed to the tab that wrote the stored
//! workspace (its id is stored beside the workspace); that tab hears of it through the
//! browser's storage event, and shows it once.
//!
//! Tab ids live only as long as their page; notes to a tab closed since are dropped after an
//! hour, whenever a note is added.

use crate::exchange::tab_merge::Replacement;
use crate::model::{json, Timestamp};
use serde::{Deserialize, Serialize};

/// Which tab wrote the stored workspace last.
pub const WRITER_KEY: &str = "atelier-cls.v1.espace.onglet";

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
