//! What this browser has shared with partners: for every item of a contract (its identity, an
//! organisation, an axis, a fiche action...), the fingerprints of the versions that went out in
//! an export or came in with an import, oldest first.
//!
//! This is how a merge finds "the last common version" without any server or clock: a version
//! in this list is one both sides have had. When the file brings a version of an item we never
//! saw while ours is one we shared, only they changed it; when neither is in the list, both
//! sides changed it since the last exchange: a conflict.
//!
//! The same rule is applied field by field (`fields`): each top-level field of an item (a
//! fiche's « Constats », its « Moyens humains », its actions...) has the fingerprints of the
//! values it had in the versions shared, so that a fiche changed on both sides is merged field
//! by field and only a field both changed is a conflict. Fingerprints rather than the values
//! themselves: a few bytes a field whatever its length, and a history of several versions, so
//! that a value exchanged with one partner and then changed and sent to another is still known
//! as older (a copy of "the last version" would take the first partner's old value for a
//! change). Items recorded before field fingerprints existed have none: their merge falls back
//! to the whole item, as before.
//!
//! Stored per item as the list of its versions (the format before field fingerprints, still
//! read and still written for an item without fields), or as `{"versions": [...], "fields":
//! {"title": [...], ...}}`. No migration is needed: the older form is a case of the newer, and
//! the next exchange adds the fields.
//!
//! The history stays in this browser (it is part of the stored workspace, not of the exchanged
//! file): what a partner shared with someone else says nothing about what we have in common.

use super::Id;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// How many versions of one item are remembered. Older ones only matter for items untouched
/// through many exchanges, which then compare equal anyway.
pub const VERSIONS_KEPT: usize = 6;

/// The fingerprint of one version of an item: a 64-bit FNV-1a hash of its JSON with every
/// `modified_at` left out, so that the same content saved at another time is the same version.
/// Written as 16 hex digits in storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fingerprint(#[serde(with = "hex")] u64);

impl Fingerprint {
    /// The fingerprint of an item's JSON (objects are key-sorted by serde_json, so it is stable).
    pub fn of(value: &Value) -> Self {
        let mut hash = Fnv::new();
        feed(value, &mut hash);
        Fingerprint(hash.0)
    }
}

/// The shared versions of every item of one contract, by item id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SharedVersions(BTreeMap<Id, ItemVersions>);

/// The versions of one item shared, and of each of its fields.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "StoredItem", into = "StoredItem")]
pub struct ItemVersions {
    versions: Vec<Fingerprint>,
    /// By JSON key: the fingerprints of the values the field had, oldest first.
    fields: BTreeMap<String, Vec<Fingerprint>>,
}

/// How an item's versions are stored: the bare list when there are no field fingerprints
/// (what every version before them wrote), else with them.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum StoredItem {
    Versions(Vec<Fingerprint>),
    WithFields { versions: Vec<Fingerprint>, fields: BTreeMap<String, Vec<Fingerprint>> },
}

impl From<StoredItem> for ItemVersions {
    fn from(stored: StoredItem) -> Self {
        match stored {
            StoredItem::Versions(versions) => ItemVersions { versions, fields: BTreeMap::new() },
            StoredItem::WithFields { versions, fields } => ItemVersions { versions, fields },
        }
    }
}

impl From<ItemVersions> for StoredItem {
    fn from(item: ItemVersions) -> Self {
        if item.fields.is_empty() {
            StoredItem::Versions(item.versions)
        } else {
            StoredItem::WithFields { versions: item.versions, fields: item.fields }
        }
    }
}

/// Puts `version` last in a history, once, keeping the last `VERSIONS_KEPT`.
fn push(history: &mut Vec<Fingerprint>, version: Fingerprint) {
    history.retain(|v| *v != version);
    history.push(version);
    if history.len() > VERSIONS_KEPT {
        history.remove(0);
    }
}

/// The fingerprint of one field's value; an absent field counts as `null`.
pub fn field_fingerprint(item: &Value, key: &str) -> Fingerprint {
    Fingerprint::of(item.get(key).unwrap_or(&Value::Null))
}

/// The keys of an item's fields that take part in a merge: all but its id and time stamp.
pub fn field_keys(item: &Value) -> impl Iterator<Item = &String> {
    item.as_object()
        .into_iter()
        .flat_map(|fields| fields.keys())
        .filter(|key| key.as_str() != "id" && key.as_str() != "modified_at")
}

impl SharedVersions {
    /// Notes that this version of the item has been shared (exported or imported). A version
    /// shared again becomes the newest one.
    pub fn record(&mut self, id: Id, version: Fingerprint) {
        push(&mut self.0.entry(id).or_default().versions, version);
    }

    /// The same, with the fingerprint of each of its fields (`value` is the item's JSON object).
    pub fn record_with_fields(&mut self, id: Id, version: Fingerprint, value: &Value) {
        let item = self.0.entry(id).or_default();
        push(&mut item.versions, version);
        for key in field_keys(value) {
            push(item.fields.entry(key.clone()).or_default(), field_fingerprint(value, key));
        }
    }

    /// Where this version stands among the shared ones (higher is more recent), or `None` when
    /// it was never shared: then it was edited here, or there, since the last exchange.
    pub fn rank(&self, id: Id, version: Fingerprint) -> Option<usize> {
        self.0.get(&id)?.versions.iter().position(|v| *v == version)
    }

    /// Whether the fields of this item were recorded: only then can it be merged field by field.
    pub fn knows_fields(&self, id: Id) -> bool {
        self.0.get(&id).is_some_and(|item| !item.fields.is_empty())
    }

    /// Where this value of one field stands among the values it had in shared versions
    /// (higher is more recent), or `None` when it was never shared. A field the shared
    /// versions did not have (absent from the JSON, or added to the model since) was absent,
    /// as `null` is.
    pub fn field_rank(&self, id: Id, key: &str, value: Fingerprint) -> Option<usize> {
        let item = self.0.get(&id)?;
        match item.fields.get(key) {
            Some(history) => history.iter().position(|v| *v == value),
            None if !item.fields.is_empty() && value == Fingerprint::of(&Value::Null) => Some(0),
            None => None,
        }
    }

    /// Whether the item was ever shared (so that its absence here means it was deleted here).
    pub fn knows(&self, id: Id) -> bool {
        self.0.contains_key(&id)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Feeds the JSON to the hash in a canonical form: type tags, lengths and key-sorted objects,
/// skipping `modified_at` wherever it is.
fn feed(value: &Value, hash: &mut Fnv) {
    match value {
        Value::Null => hash.write(b"n"),
        Value::Bool(b) => hash.write(if *b { b"t" } else { b"f" }),
        Value::Number(n) => {
            hash.write(b"#");
            hash.write(n.to_string().as_bytes());
        }
        Value::String(s) => {
            hash.write(b"\"");
            hash.write(&(s.len() as u64).to_le_bytes());
            hash.write(s.as_bytes());
        }
        Value::Array(items) => {
            hash.write(b"[");
            hash.write(&(items.len() as u64).to_le_bytes());
            items.iter().for_each(|item| feed(item, hash));
        }
        Value::Object(map) => {
            hash.write(b"{");
            for (key, item) in map.iter().filter(|(key, _)| key.as_str() != "modified_at") {
                hash.write(key.as_bytes());
                hash.write(b":");
                feed(item, hash);
            }
            hash.write(b"}");
        }
    }
}

/// 64-bit FNV-1a: tiny, stable across builds and platforms (std's hasher is neither promised).
/// Also names the versions of the stored workspace (`storage::tab_notes`).
pub(crate) struct Fnv(pub(crate) u64);

impl Fnv {
    pub(crate) fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

mod hex {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &u64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format!("{value:016x}"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
        let text = String::deserialize(deserializer)?;
        u64::from_str_radix(&text, 16).map_err(D::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn modification_times_do_not_make_a_new_version() {
        let a = json!({"id": "x", "modified_at": 1, "title": "Nutrition", "actions": [{"modified_at": 4}]});
        let b = json!({"id": "x", "modified_at": 9, "title": "Nutrition", "actions": [{"modified_at": 7}]});
        assert_eq!(Fingerprint::of(&a), Fingerprint::of(&b));
        let c = json!({"id": "x", "modified_at": 9, "title": "Nutrition !", "actions": [{"modified_at": 7}]});
        assert_ne!(Fingerprint::of(&a), Fingerprint::of(&c));
    }

    #[test]
    fn structure_is_part_of_the_fingerprint() {
        assert_ne!(Fingerprint::of(&json!(["ab", "c"])), Fingerprint::of(&json!(["a", "bc"])));
        assert_ne!(Fingerprint::of(&json!([[1], 2])), Fingerprint::of(&json!([1, [2]])));
        assert_ne!(Fingerprint::of(&json!("1")), Fingerprint::of(&json!(1)));
    }

    #[test]
    fn a_version_shared_again_becomes_the_newest() {
        let id = Id::from_u128(1);
        let (v1, v2) = (Fingerprint(1), Fingerprint(2));
        let mut shared = SharedVersions::default();
        shared.record(id, v1);
        shared.record(id, v2);
        assert!(shared.rank(id, v2) > shared.rank(id, v1));
        shared.record(id, v1);
        assert!(shared.rank(id, v1) > shared.rank(id, v2));
        assert_eq!(shared.rank(id, Fingerprint(3)), None);
        assert_eq!(shared.rank(Id::from_u128(2), v1), None);
    }

    #[test]
    fn only_the_last_versions_are_kept() {
        let id = Id::from_u128(1);
        let mut shared = SharedVersions::default();
        for n in 0..20 {
            shared.record(id, Fingerprint(n));
        }
        assert_eq!(shared.rank(id, Fingerprint(19)), Some(VERSIONS_KEPT - 1));
        assert_eq!(shared.rank(id, Fingerprint(0)), None);
    }

    #[test]
    fn fields_have_their_own_history() {
        let id = Id::from_u128(1);
        let mut shared = SharedVersions::default();
        let v1 = json!({"id": "x", "modified_at": 1, "title": "A", "human_means": "1 ETP"});
        let v2 = json!({"id": "x", "modified_at": 2, "title": "B", "human_means": "1 ETP"});
        assert!(!shared.knows_fields(id));
        shared.record_with_fields(id, Fingerprint::of(&v1), &v1);
        shared.record_with_fields(id, Fingerprint::of(&v2), &v2);
        assert!(shared.knows_fields(id));
        let title = |v: &Value| field_fingerprint(v, "title");
        assert_eq!(shared.field_rank(id, "title", title(&v1)), Some(0));
        assert_eq!(shared.field_rank(id, "title", title(&v2)), Some(1));
        assert_eq!(
            shared.field_rank(id, "human_means", field_fingerprint(&v2, "human_means")),
            Some(0)
        );
        assert_eq!(shared.field_rank(id, "modified_at", Fingerprint::of(&json!(1))), None);
        // A field none of the shared versions had was absent there: null.
        assert_eq!(shared.field_rank(id, "body_id", Fingerprint::of(&Value::Null)), Some(0));
        assert_eq!(shared.field_rank(id, "body_id", Fingerprint::of(&json!("x"))), None);
    }

    /// What versions before field fingerprints stored is read as it was, and an item without
    /// fields is still written that way; one with fields is written with them and read back.
    #[test]
    fn the_older_stored_form_is_still_read_and_written() {
        let old = r#"{"00000000-0000-0000-0000-000000000001":["00000000000000ff"]}"#;
        let shared: SharedVersions = serde_json::from_str(old).unwrap();
        assert_eq!(shared.rank(Id::from_u128(1), Fingerprint(255)), Some(0));
        assert!(!shared.knows_fields(Id::from_u128(1)));
        assert_eq!(serde_json::to_string(&shared).unwrap(), old);

        let mut shared = shared;
        let value = json!({"id": "x", "title": "A"});
        shared.record_with_fields(Id::from_u128(1), Fingerprint(1), &value);
        let text = serde_json::to_string(&shared).unwrap();
        assert!(text.contains(r#""versions":["00000000000000ff","0000000000000001"]"#), "{text}");
        assert!(text.contains(r#""fields":{"title":[""#), "{text}");
        assert_eq!(serde_json::from_str::<SharedVersions>(&text).unwrap(), shared);
    }

    #[test]
    fn stored_as_hex_text() {
        let mut shared = SharedVersions::default();
        shared.record(Id::from_u128(1), Fingerprint(255));
        let text = serde_json::to_string(&shared).unwrap();
        assert!(text.contains("\"00000000000000ff\""), "{text}");
        assert_eq!(serde_json::from_str::<SharedVersions>(&text).unwrap(), shared);
    }
}
