//! What this browser has shared with partners: for every item of a contract (its identity, an
//! organisation, an axis, a fiche action...), the fingerprints of the versions that went out in
//! an export or came in with an import, oldest first.
//!
//! This is how a merge finds "the last common version" without any server or clock: a version
//! in this list is one both sides have had. When the file brings a version of an item we never
//! saw while ours is one we shared, only they changed it; when neither is in the list, both
//! sides changed it since the last exchange: a conflict.
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
pub struct SharedVersions(BTreeMap<Id, Vec<Fingerprint>>);

impl SharedVersions {
    /// Notes that this version of the item has been shared (exported or imported). A version
    /// shared again becomes the newest one.
    pub fn record(&mut self, id: Id, version: Fingerprint) {
        let versions = self.0.entry(id).or_default();
        versions.retain(|v| *v != version);
        versions.push(version);
        if versions.len() > VERSIONS_KEPT {
            versions.remove(0);
        }
    }

    /// Where this version stands among the shared ones (higher is more recent), or `None` when
    /// it was never shared: then it was edited here, or there, since the last exchange.
    pub fn rank(&self, id: Id, version: Fingerprint) -> Option<usize> {
        self.0.get(&id)?.iter().position(|v| *v == version)
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
    fn stored_as_hex_text() {
        let mut shared = SharedVersions::default();
        shared.record(Id::from_u128(1), Fingerprint(255));
        let text = serde_json::to_string(&shared).unwrap();
        assert!(text.contains("\"00000000000000ff\""), "{text}");
        assert_eq!(serde_json::from_str::<SharedVersions>(&text).unwrap(), shared);
    }
}
