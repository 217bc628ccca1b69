//! Local storage as the storage protocols see it: a `Store` of texts under string keys, whose
//! writes can fail for want of room. The browser's is `local::BrowserStore` (wasm only);
//! `MemoryStore` is a map that native tests share between two « tabs », fill up, or cut off
//! after a number of writes, as a browser closed in the middle of a save.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Why a write failed, in words a coordinator can act on.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    Full,
    Unavailable(String),
}

impl SaveError {
    pub fn message_fr(&self) -> String {
        match self {
            Self::Full => "L’espace de stockage du navigateur est plein : vos dernières modifications ne sont pas \
                           enregistrées. Exportez le contrat (Échanges) pour ne rien perdre, puis supprimez un contrat \
                           inutile ou libérez de la place. L’enregistrement reprend dès qu’une suppression fait \
                           de la place."
                .into(),
            Self::Unavailable(detail) => format!(
                "Le navigateur refuse l’enregistrement ({detail}) : vos dernières modifications ne sont pas enregistrées. \
                 Vérifiez que le stockage local n’est pas bloqué (navigation privée, réglages)."
            ),
        }
    }
}

/// Texts under string keys, shared by every tab of one browser.
pub trait Store {
    /// The text under `key`; `None` when there is none or it cannot be read.
    fn get(&self, key: &str) -> Option<String>;
    /// Writes `text` under `key`; what was there stays whole when the write fails.
    fn set(&self, key: &str, text: &str) -> Result<(), SaveError>;
    /// Removes `key`; `true` when something was removed (room was made). Removing never fails
    /// for want of room.
    fn remove(&self, key: &str) -> bool;
    /// Every key stored.
    fn keys(&self) -> Vec<String>;

    /// Every key that starts with `prefix`.
    fn keys_with_prefix(&self, prefix: &str) -> Vec<String> {
        self.keys().into_iter().filter(|key| key.starts_with(prefix)).collect()
    }

    /// How much is used, in the UTF-16 code units browsers count against the limit (keys and
    /// values).
    fn used_units(&self) -> usize {
        self.keys()
            .into_iter()
            .map(|key| units(&key) + self.get(&key).map_or(0, |text| units(&text)))
            .sum()
    }
}

/// The length of a text as JavaScript counts it.
pub fn units(text: &str) -> usize {
    text.encode_utf16().count()
}

/// Local storage in memory, for native tests. Clones share the same map: two sessions given
/// clones are two tabs of one browser.
#[derive(Clone, Default)]
pub struct MemoryStore(Rc<RefCell<Memory>>);

#[derive(Default)]
struct Memory {
    texts: BTreeMap<String, String>,
    /// The most units it holds (`used_units`): a write beyond is refused as `Full`.
    limit: Option<usize>,
    /// How many more changes (writes or removals) go through before the browser « closes »:
    /// the later ones are lost.
    changes_left: Option<usize>,
    /// How many writes went through.
    writes: usize,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Refuses any write that would make it hold more than `units` (`used_units`).
    pub fn limit_to(&self, units: usize) {
        self.0.borrow_mut().limit = Some(units);
    }

    /// Full: no write that adds anything fits any more.
    pub fn fill(&self) {
        let used = self.used_units();
        self.limit_to(used);
    }

    /// Room again, as much as needed.
    pub fn unlimit(&self) {
        self.0.borrow_mut().limit = None;
    }

    /// Lets `changes` more writes or removals through, then loses every later one, as when
    /// the browser closes in the middle of a save.
    pub fn close_after(&self, changes: usize) {
        self.0.borrow_mut().changes_left = Some(changes);
    }

    /// The browser opened again: changes go through.
    pub fn reopen(&self) {
        self.0.borrow_mut().changes_left = None;
    }

    /// How many writes went through so far.
    pub fn writes(&self) -> usize {
        self.0.borrow().writes
    }

    /// Everything stored, to compare before and after.
    pub fn contents(&self) -> BTreeMap<String, String> {
        self.0.borrow().texts.clone()
    }

    /// Whether a change goes through, counting it (`close_after`).
    fn change_goes_through(&self) -> bool {
        let mut memory = self.0.borrow_mut();
        match memory.changes_left.as_mut() {
            Some(0) => false,
            Some(left) => {
                *left -= 1;
                true
            }
            None => true,
        }
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().texts.get(key).cloned()
    }

    fn set(&self, key: &str, text: &str) -> Result<(), SaveError> {
        if let Some(limit) = self.0.borrow().limit {
            let replaced = self.get(key).map_or(0, |old| units(key) + units(&old));
            if self.used_units() - replaced + units(key) + units(text) > limit {
                return Err(SaveError::Full);
            }
        }
        if !self.change_goes_through() {
            return Err(SaveError::Unavailable("navigateur fermé".into()));
        }
        let mut memory = self.0.borrow_mut();
        memory.texts.insert(key.to_string(), text.to_string());
        memory.writes += 1;
        Ok(())
    }

    fn remove(&self, key: &str) -> bool {
        self.change_goes_through() && self.0.borrow_mut().texts.remove(key).is_some()
    }

    fn keys(&self) -> Vec<String> {
        self.0.borrow().texts.keys().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_one_storage() {
        let one = MemoryStore::new();
        let other = one.clone();
        one.set("a", "1").unwrap();
        assert_eq!(other.get("a").as_deref(), Some("1"));
        assert!(other.remove("a"));
        assert_eq!(one.get("a"), None);
        assert!(!one.remove("a"), "nothing left to remove");
    }

    #[test]
    fn a_full_store_refuses_what_adds_and_keeps_what_it_holds() {
        let store = MemoryStore::new();
        store.set("clé", "ancien").unwrap();
        store.fill();
        assert_eq!(store.set("clé", "plus long"), Err(SaveError::Full));
        assert_eq!(store.set("autre", "x"), Err(SaveError::Full));
        assert_eq!(store.get("clé").as_deref(), Some("ancien"));
        store.set("clé", "court").expect("a shorter text fits");
        assert_eq!(store.keys_with_prefix("cl"), vec!["clé".to_string()]);
        assert_eq!(store.used_units(), units("clé") + units("court"));
    }

    #[test]
    fn a_store_closed_after_n_changes_loses_the_later_ones() {
        let store = MemoryStore::new();
        store.close_after(1);
        store.set("a", "1").unwrap();
        assert!(store.set("b", "2").is_err());
        assert!(!store.remove("a"));
        assert_eq!(store.keys(), vec!["a".to_string()]);
        store.reopen();
        store.set("b", "2").unwrap();
        assert_eq!(store.writes(), 2);
    }
}
