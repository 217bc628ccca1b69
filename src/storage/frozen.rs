//! Frozen copies kept apart in local storage. A signed contract carries a frozen copy of itself
//! (the signature's) and one per avenant; stored inline, a five-year contract with five
//! avenants was seven contracts in one value, written again on every keystroke's save, and a
//! 96-fiche contract hit the browser's quota at its fourth avenant.
//!
//! Here each copy is stored once, compressed (`compressed`), under a key named after its
//! contract and its content (`atelier-cls.v1.figee.<contract id>.<hash of its JSON>`): a key
//! never changes meaning, so a copy is written once, a save only checks that the keys it
//! names are there, and any tab or snapshot naming a key reads the same copy.
//!
//! `FrozenCopies` is the page's memory of them: the copies it has written or read, so that a
//! save finds the key of an unchanged copy by comparing (no serialising, no hashing), and a
//! read does not inflate the same copy twice. It reads local storage through a closure, so that
//! tests run it over a map.
//!
//! Deflating is given to it (`set_deflate`): in the browser that code comes with the first part
//! loaded on demand (the screens that sign, make avenants or import are all in such parts), and
//! the first visit only inflates. A copy met before (a duplicated signed contract, stored data
//! migrated at start) is stored as its JSON, which reads just as well, and is deflated and
//! written again once the code is there.

use super::compressed::{is_compressed, stored_text};
use crate::model::shared_versions::Fnv;
use crate::model::{json, Contract, Id};
use std::sync::Arc;

/// The prefix of the keys of frozen copies.
pub const FROZEN_PREFIX: &str = "atelier-cls.v1.figee.";

/// How many copies the page remembers: a few contracts' signatures and avenants.
const REMEMBERED: usize = 48;

/// Reads a key of local storage (a map in tests).
pub type Reader = Box<dyn Fn(&str) -> Option<String>>;

/// Turns a copy's JSON into its stored form (`compressed::compress`).
pub type Deflate = fn(&str) -> String;

struct Known {
    key: String,
    /// Shared with the workspaces that hold it: while it is kept here, no other copy can take
    /// its address, so the same address is the same copy.
    copy: Arc<Contract>,
    /// Its stored form, to write it again if another tab's clean-up removed it.
    stored: String,
}

pub struct FrozenCopies {
    read: Reader,
    known: Vec<Known>,
    /// Copies met by `key_of` that local storage may not hold yet: (key, stored form).
    unwritten: Vec<(String, String)>,
    deflate: Option<Deflate>,
}

impl FrozenCopies {
    pub fn new(read: Reader) -> Self {
        FrozenCopies { read, known: Vec::new(), unwritten: Vec::new(), deflate: None }
    }

    pub fn has_deflate(&self) -> bool {
        self.deflate.is_some()
    }

    /// Gives the deflate code: copies met from now on are stored deflated, and those this page
    /// stored as JSON meanwhile are deflated and written again with the next save (the same
    /// key: a key names a content, not a form).
    pub fn set_deflate(&mut self, deflate: Deflate) {
        if self.deflate.is_some() {
            return;
        }
        self.deflate = Some(deflate);
        for known in self.known.iter_mut().filter(|k| !is_compressed(&k.stored)) {
            known.stored = deflate(&known.stored);
            self.unwritten.retain(|(key, _)| *key != known.key);
            self.unwritten.push((known.key.clone(), known.stored.clone()));
        }
    }

    /// Copies that can only come from memory (tests, the fuzzer, stored data read alone).
    pub fn in_memory() -> Self {
        Self::new(Box::new(|_| None))
    }

    /// The key `copy` is stored under. A copy met for the first time is serialised, hashed,
    /// compressed and kept to be written (`take_unwritten`). A copy already met is found by its
    /// address, at no cost: every save of a signed contract asks for each of its copies, and
    /// comparing whole contracts was most of a keystroke's save on a large one. An equal copy
    /// at another address (read again, imported) is compared.
    pub fn key_of(&mut self, copy: &Arc<Contract>) -> String {
        if let Some(known) = self.known.iter().find(|k| Arc::ptr_eq(&k.copy, copy)) {
            return known.key.clone();
        }
        let same = |k: &Known| {
            k.copy.id == copy.id && k.copy.modified_at == copy.modified_at && *k.copy == **copy
        };
        if let Some(known) = self.known.iter().find(|k| same(k)) {
            return known.key.clone();
        }
        let text = json::to_text(copy).expect("a contract always serialises");
        let mut hash = Fnv::new();
        hash.write(text.as_bytes());
        let key = format!("{FROZEN_PREFIX}{}.{:016x}", copy.id, hash.0);
        let stored = match self.deflate {
            Some(deflate) => deflate(&text),
            None => text,
        };
        self.unwritten.push((key.clone(), stored.clone()));
        self.remember(Known { key: key.clone(), copy: Arc::clone(copy), stored });
        key
    }

    /// The copies met since the last call, to write before the text that names them.
    pub fn take_unwritten(&mut self) -> Vec<(String, String)> {
        std::mem::take(&mut self.unwritten)
    }

    /// The stored form of a copy this page knows, to write it again.
    pub fn stored_form(&self, key: &str) -> Option<&str> {
        self.known.iter().find(|k| k.key == key).map(|k| k.stored.as_str())
    }

    /// The copy stored under `key`, from memory or from storage; the message says why not.
    pub fn copy_of(&mut self, key: &str) -> Result<Arc<Contract>, String> {
        if let Some(known) = self.known.iter().find(|k| k.key == key) {
            return Ok(known.copy.clone());
        }
        let (stored, text) = self.read_text(key)?;
        let copy: Arc<Contract> = json::from_text(&text)
            .map_err(|e| format!("la copie figée « {key} » est illisible ({e})"))?;
        if !key_names(key, copy.id) {
            return Err(format!("la copie figée « {key} » est celle d’un autre contrat"));
        }
        self.remember(Known { key: key.to_string(), copy: copy.clone(), stored });
        Ok(copy)
    }

    /// The JSON text stored under `key` (a copy written by an older version, to migrate).
    pub fn text_of(&self, key: &str) -> Result<String, String> {
        self.read_text(key).map(|(_, text)| text)
    }

    /// (stored form, JSON text) of the copy under `key`.
    fn read_text(&self, key: &str) -> Result<(String, String), String> {
        let stored =
            (self.read)(key).ok_or_else(|| format!("la copie figée « {key} » est introuvable"))?;
        let text = stored_text(&stored)
            .ok_or_else(|| format!("la copie figée « {key} » est illisible"))?;
        Ok((stored, text))
    }

    fn remember(&mut self, known: Known) {
        if self.known.len() >= REMEMBERED {
            self.known.remove(0);
        }
        self.known.push(known);
    }
}

/// Whether `key` is a key of contract `id`'s copies.
fn key_names(key: &str, id: Id) -> bool {
    key.strip_prefix(FROZEN_PREFIX)
        .and_then(|rest| rest.split_once('.'))
        .is_some_and(|(contract, _)| contract == id.to_string())
}

/// The keys of frozen copies a stored text names (the workspace, or the snapshot list), in
/// order of appearance.
pub fn keys_named(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(FROZEN_PREFIX) {
        let from = &rest[at..];
        let end = from.find('"').unwrap_or(from.len());
        keys.push(from[..end].to_string());
        rest = &from[end..];
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::example::example_contract;
    use crate::model::amendment::frozen;
    use crate::storage::compressed::compress;
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::rc::Rc;

    fn over(map: &Rc<RefCell<HashMap<String, String>>>) -> FrozenCopies {
        let map = map.clone();
        let mut copies = FrozenCopies::new(Box::new(move |key| map.borrow().get(key).cloned()));
        copies.set_deflate(compress);
        copies
    }

    #[test]
    fn a_copy_met_before_the_deflate_code_is_stored_as_json_then_deflated() {
        let storage = Rc::new(RefCell::new(HashMap::new()));
        let copy = frozen(&example_contract());
        let map = storage.clone();
        let mut page = FrozenCopies::new(Box::new(move |key| map.borrow().get(key).cloned()));
        let key = page.key_of(&copy);
        let [(written, plain)] = page.take_unwritten().try_into().unwrap();
        assert_eq!((&written, plain.as_str()), (&key, json::to_text(&copy).unwrap().as_str()));
        storage.borrow_mut().insert(key.clone(), plain);
        assert_eq!(over(&storage).copy_of(&key).unwrap(), copy, "the JSON reads as a copy");
        page.set_deflate(compress);
        let [(again, deflated)] = page.take_unwritten().try_into().unwrap();
        assert_eq!(again, key, "the same key, written again");
        assert!(is_compressed(&deflated));
        assert_eq!(stored_text(&deflated), Some(json::to_text(&copy).unwrap()));
    }

    #[test]
    fn a_copy_gets_one_key_and_is_written_once() {
        let contract = example_contract();
        let copy = frozen(&contract);
        let mut copies = FrozenCopies::in_memory();
        let key = copies.key_of(&copy);
        assert!(key.starts_with(&format!("{FROZEN_PREFIX}{}.", contract.id)), "{key}");
        assert_eq!(copies.key_of(&frozen(&contract)), key, "an equal copy, the same key");
        let unwritten = copies.take_unwritten();
        assert_eq!(unwritten.len(), 1);
        assert!(copies.take_unwritten().is_empty());
        let mut changed = contract.clone();
        changed.name.push_str(" (avenant n°1)");
        let changed = frozen(&changed);
        assert_ne!(copies.key_of(&changed), key, "another content, another key");
    }

    #[test]
    fn another_page_reads_what_one_wrote() {
        let storage = Rc::new(RefCell::new(HashMap::new()));
        let copy = frozen(&example_contract());
        let mut writer = over(&storage);
        let key = writer.key_of(&copy);
        for (key, stored) in writer.take_unwritten() {
            storage.borrow_mut().insert(key, stored);
        }
        let stored_len = storage.borrow()[&key].len();
        assert!(stored_len * 4 < json::to_text(&copy).unwrap().len(), "compressed: {stored_len}");
        let mut reader = over(&storage);
        assert_eq!(reader.copy_of(&key).unwrap(), copy);
        storage.borrow_mut().clear();
        assert_eq!(reader.copy_of(&key).unwrap(), copy, "remembered once read");
        let missing = over(&storage).copy_of(&key).unwrap_err();
        assert!(missing.contains("introuvable"), "{missing}");
    }

    #[test]
    fn a_copy_under_another_contracts_key_is_refused() {
        let storage = Rc::new(RefCell::new(HashMap::new()));
        let copy = frozen(&example_contract());
        let stolen = format!("{FROZEN_PREFIX}{}.0000000000000000", Id::from_u128(9));
        storage.borrow_mut().insert(stolen.clone(), compress(&json::to_text(&copy).unwrap()));
        assert!(over(&storage).copy_of(&stolen).unwrap_err().contains("autre contrat"));
    }

    #[test]
    fn keys_are_found_in_any_stored_text() {
        let text =
            format!(r#"{{"a":"{FROZEN_PREFIX}x.1","b":["{FROZEN_PREFIX}y.2"],"c":"autre"}}"#);
        assert_eq!(
            keys_named(&text),
            vec![format!("{FROZEN_PREFIX}x.1"), format!("{FROZEN_PREFIX}y.2")]
        );
        assert!(keys_named("{}").is_empty());
    }
}
