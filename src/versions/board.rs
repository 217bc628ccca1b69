//! A workshop's board as merge items of its own: each note, group and vote.
//!
//! Sub-groups of a workshop run the board on several laptops, then bring their boards back to
//! the facilitator's. Were the board part of the workshop item, two laptops that each added
//! notes would conflict on the workshop as a whole; as items of their own, notes from both
//! sides simply add up, and only a note (or group, or vote) changed on both sides conflicts.
//! The workshop item is read without its board (`strip`); a board item whose workshop is not
//! here arrives with it, like a year's review with its fiche (`merge::plan`), and is known by
//! the workshop that holds it (its `FollowUpKey`'s owner and container, with no year).

use super::item::{FollowUpKey, Item, ItemKind};
use crate::model::text::shorten;
use crate::model::{Fingerprint, Id};
use serde_json::Value;

/// The lists of a workshop that hold its board, with the kind of their items.
pub const BOARD: [(ItemKind, &str); 3] = [
    (ItemKind::WorkshopGroup, "groups"),
    (ItemKind::WorkshopNote, "notes"),
    (ItemKind::WorkshopVote, "votes"),
];

/// The field of a workshop that holds items of `kind` (`None` for other kinds).
pub fn field_of(kind: ItemKind) -> Option<&'static str> {
    BOARD.iter().find(|(k, _)| *k == kind).map(|(_, field)| *field)
}

/// The board items of every workshop in a contract's JSON, groups first (a note names its
/// group), then notes, then votes, workshop by workshop.
pub fn board_items(json: &Value) -> Vec<Item> {
    let mut items = Vec::new();
    for workshop in list(json, "workshops") {
        let Some(owner) = id_of(workshop) else { continue };
        let key = FollowUpKey { owner, year: None, container: owner };
        for (kind, field) in BOARD {
            for value in list(workshop, field) {
                let Some(id) = id_of(value) else { continue };
                items.push(Item {
                    kind,
                    id,
                    label: label_of(kind, value, workshop),
                    fingerprint: Fingerprint::of(value),
                    value: value.clone(),
                    follow_up: Some(key),
                });
            }
        }
    }
    items
}

/// The ids of the workshops: the owners board items can go to.
pub fn workshop_ids(json: &Value) -> impl Iterator<Item = Id> + '_ {
    list(json, "workshops").iter().filter_map(id_of)
}

/// A workshop without its board (emptied lists, so that a board change never changes the
/// workshop item).
pub fn strip(workshop: &Value) -> Value {
    let mut workshop = workshop.clone();
    for (_, field) in BOARD {
        if let Some(list) = workshop.get_mut(field) {
            *list = Value::Array(Vec::new());
        }
    }
    workshop
}

/// `incoming` (the file's version of a workshop, whole or field by field) with the board that
/// `mine` has: the board's items come separately, each with its own choice.
pub fn with_board_of(incoming: &Value, mine: &Value) -> Value {
    let mut merged = incoming.clone();
    if let Value::Object(fields) = &mut merged {
        for (_, field) in BOARD {
            let kept = mine.get(field).cloned().unwrap_or_else(|| Value::Array(Vec::new()));
            fields.insert(field.to_string(), kept);
        }
    }
    merged
}

/// The workshop holding the board item `id` of `kind`, and that item.
pub fn find(json: &Value, kind: ItemKind, id: Id) -> Option<(Id, &[Value], &Value)> {
    let field = field_of(kind)?;
    list(json, "workshops").iter().find_map(|workshop| {
        let items = list(workshop, field);
        let item = items.iter().find(|v| id_of(v) == Some(id))?;
        Some((id_of(workshop)?, items, item))
    })
}

/// The list of `kind` items of `workshop`, to change it; `None` when the workshop is not there.
pub fn list_mut(json: &mut Value, kind: ItemKind, workshop: Id) -> Option<&mut Vec<Value>> {
    let field = field_of(kind)?;
    let workshops = json.get_mut("workshops")?.as_array_mut()?;
    let found = workshops.iter_mut().find(|w| id_of(w) == Some(workshop))?;
    let fields = found.as_object_mut()?;
    fields.entry(field).or_insert_with(|| Value::Array(Vec::new())).as_array_mut()
}

/// « Idée « Des navettes » — atelier Sport santé », « Groupe « Mobilité » — atelier … », « 3
/// gommettes — atelier … ».
fn label_of(kind: ItemKind, value: &Value, workshop: &Value) -> String {
    let workshop = match text(workshop, "title").trim() {
        "" => "atelier sans titre".to_string(),
        title => format!("atelier {}", shorten(title, 40)),
    };
    let named = match kind {
        ItemKind::WorkshopVote => {
            let dots = value.get("dots").and_then(Value::as_u64).unwrap_or(0);
            let hands = value.get("participant_id").is_none_or(Value::is_null);
            let how = if hands { "à main levée" } else { "d’un participant" };
            format!("{dots} voix {how}")
        }
        ItemKind::WorkshopGroup => shorten(text(value, "name"), 60),
        _ => shorten(text(value, "text"), 60),
    };
    let named = if named.trim().is_empty() { "(sans titre)".to_string() } else { named };
    format!("{named} — {workshop}")
}

fn list<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn id_of(value: &Value) -> Option<Id> {
    value.get("id").and_then(Value::as_str).and_then(Id::parse)
}

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::workshop::fixture::{contract_with_board, id, WORKSHOP};

    #[test]
    fn every_note_group_and_vote_is_an_item_known_by_its_workshop() {
        let c = contract_with_board();
        let json = crate::model::json::to_tree(&c).unwrap();
        let items = board_items(&json);
        let board = &c.workshops[0];
        let count = |kind| items.iter().filter(|i| i.kind == kind).count();
        assert_eq!(count(ItemKind::WorkshopNote), board.notes.len());
        assert_eq!(count(ItemKind::WorkshopGroup), board.groups.len());
        assert_eq!(count(ItemKind::WorkshopVote), board.votes.len());
        assert!(items.iter().all(|i| i.follow_up.map(|k| k.owner) == Some(id(WORKSHOP))));
        let labels: Vec<&str> = items.iter().map(|i| i.label.as_str()).collect();
        assert!(labels.contains(&"Bouger plus — atelier Sport santé"), "{labels:?}");
        assert!(
            labels.contains(&"Des navettes — atelier Sport santé")
                || labels.iter().any(|l| l.starts_with("Un parcours sportif"))
        );
        assert!(labels.contains(&"5 voix à main levée — atelier Sport santé"), "{labels:?}");
    }

    #[test]
    fn a_stripped_workshop_gets_the_board_kept_here_back() {
        let json = crate::model::json::to_tree(&contract_with_board()).unwrap();
        let workshop = &json["workshops"][0];
        let bare = strip(workshop);
        assert_eq!(bare["notes"], serde_json::json!([]));
        assert_eq!(bare["title"], workshop["title"]);
        assert_eq!(&with_board_of(&bare, workshop), workshop);
        let (owner, _, note) = find(&json, ItemKind::WorkshopNote, id(201)).unwrap();
        assert_eq!(
            (owner, note["text"].as_str()),
            (id(WORKSHOP), Some("Un parcours sportif en plein air"))
        );
        let mut json = json;
        assert!(list_mut(&mut json, ItemKind::WorkshopVote, id(WORKSHOP)).is_some());
        assert!(list_mut(&mut json, ItemKind::WorkshopVote, id(999)).is_none());
    }
}
