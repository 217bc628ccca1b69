//! The browser side of storage: local storage as a `Store` (`BrowserStore`), this page's memory
//! of it (`storage::page`), and every failure turned into a French message instead of being
//! swallowed. The protocols themselves (saving between tabs, the backup record) are pure and
//! run over any `Store`.

use super::codec::{decode_with, Loaded, SET_ASIDE_PREFIX, WORKSPACE_KEY};
use super::frozen::{keys_named, FrozenCopies, FROZEN_PREFIX};
use super::page::Page;
use super::snapshots::{decode_list, encode_list, push, Snapshot, SNAPSHOTS_KEY};
pub use super::store::{units, SaveError, Store};
use crate::model::storage_use::{check_room, Shortfall};
use crate::model::Workspace;
use gloo_storage::{LocalStorage, Storage};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

/// The browser's local storage.
#[derive(Clone, Copy)]
pub struct BrowserStore;

impl Store for BrowserStore {
    fn get(&self, key: &str) -> Option<String> {
        LocalStorage::raw().get_item(key).ok()?
    }

    fn set(&self, key: &str, text: &str) -> Result<(), SaveError> {
        LocalStorage::raw().set_item(key, text).map_err(|error| {
            if is_quota_error(&error) {
                SaveError::Full
            } else {
                SaveError::Unavailable(describe_js_error(&error))
            }
        })
    }

    fn remove(&self, key: &str) -> bool {
        LocalStorage::raw().remove_item(key).is_ok()
    }

    fn keys(&self) -> Vec<String> {
        let storage = LocalStorage::raw();
        let count = storage.length().unwrap_or(0);
        (0..count).filter_map(|i| storage.key(i).ok().flatten()).collect()
    }

    /// Each value's length is read on the JavaScript side: copying megabytes into the wasm to
    /// count them would make every room check (and Échanges, after each change) cost a read of
    /// everything stored.
    fn used_units(&self) -> usize {
        let storage = LocalStorage::raw();
        self.keys().into_iter().map(|key| units(&key) + value_units(&storage, &key)).sum()
    }
}

thread_local! {
    /// What this page keeps in memory about local storage.
    static PAGE: RefCell<Page> = RefCell::new(Page::new(BrowserStore));
}

/// Runs `work` with this page's memory of local storage.
pub fn with_page<R>(work: impl FnOnce(&mut Page) -> R) -> R {
    PAGE.with(|page| work(&mut page.borrow_mut()))
}

/// Gives this page the deflate code for its frozen copies (`FrozenCopies::set_deflate`). Only the
/// parts loaded on demand call it (`ui::parts`), so that the first visit does not load it.
pub fn provide_deflate() {
    with_copies(|copies| copies.set_deflate(super::compressed::compress));
}

/// Runs `work` with this page's frozen copies.
pub fn with_copies<R>(work: impl FnOnce(&mut FrozenCopies) -> R) -> R {
    with_page(|page| work(&mut page.copies))
}

/// Counts the times this page freed local storage or found that a change fits in it
/// (`Page::room_events`).
pub fn room_events() -> u64 {
    with_page(|page| page.room_events())
}

/// The workspace as stored (frozen copies apart): what a save writes and tabs compare.
pub fn encode(workspace: &Workspace) -> String {
    with_page(|page| page.encode(workspace))
}

/// What the app starts with, and what to tell the user about it.
pub struct Startup {
    pub workspace: Workspace,
    /// `false` when stored data could not be read nor set aside: saving would overwrite it.
    pub can_save: bool,
    pub message: Option<StartupMessage>,
}

pub enum StartupMessage {
    Migrated(u32),
    /// How many impossible months were emptied.
    Repaired(usize),
    SetAside {
        key: String,
        reason: String,
    },
    Blocked(String),
}

/// Loads the workspace. Unreadable data is copied under a key of its own before anything can
/// overwrite it; if even that fails, saving is disabled.
pub fn load(now: f64) -> Startup {
    let raw = match LocalStorage::raw().get_item(WORKSPACE_KEY) {
        Ok(raw) => raw,
        Err(error) => {
            return Startup {
                workspace: Workspace::default(),
                can_save: false,
                message: Some(StartupMessage::Blocked(describe_js_error(&error))),
            }
        }
    };
    match with_copies(|copies| decode_with(raw.as_deref(), copies)) {
        Ok(Loaded::Fresh) => {
            Startup { workspace: Workspace::default(), can_save: true, message: None }
        }
        Ok(Loaded::Current(workspace)) => Startup { workspace, can_save: true, message: None },
        Ok(Loaded::Migrated { workspace, from }) => {
            Startup { workspace, can_save: true, message: Some(StartupMessage::Migrated(from)) }
        }
        Ok(Loaded::Repaired { workspace, emptied }) => {
            Startup { workspace, can_save: true, message: Some(StartupMessage::Repaired(emptied)) }
        }
        Err(error) => set_aside(raw.unwrap_or_default(), error.message_fr(), now),
    }
}

fn set_aside(raw: String, reason: String, now: f64) -> Startup {
    // Reloading before anything new was saved finds the same unreadable data: it is already
    // kept, under the key the user was told about, so it is not copied a second time.
    let kept = copy_already_kept(&raw).map_or_else(
        || {
            let key = format!("{SET_ASIDE_PREFIX}{}", now as i64);
            LocalStorage::raw().set_item(&key, &raw).map(|()| key)
        },
        Ok,
    );
    match kept {
        Ok(key) => Startup {
            workspace: Workspace::default(),
            can_save: true,
            message: Some(StartupMessage::SetAside { key, reason }),
        },
        Err(error) => Startup {
            workspace: Workspace::default(),
            can_save: false,
            message: Some(StartupMessage::Blocked(format!(
                "{reason} ; {}",
                describe_js_error(&error)
            ))),
        },
    }
}

/// The key under which exactly this data is already set aside, if any.
fn copy_already_kept(raw: &str) -> Option<String> {
    let store = BrowserStore;
    store
        .keys_with_prefix(SET_ASIDE_PREFIX)
        .into_iter()
        .find(|key| store.get(key).as_deref() == Some(raw))
}

/// How much of local storage is used, in the UTF-16 code units browsers count against its
/// limit (keys and values, every key of this site).
pub fn used_units() -> usize {
    BrowserStore.used_units()
}

/// The length of the value under `key`, in UTF-16 code units.
fn value_units(storage: &web_sys::Storage, key: &str) -> usize {
    // A key named like one of Storage's own methods (« key », « getItem ») reads the method:
    // such a value is read the slow way.
    match js_sys::Reflect::get(storage, &JsValue::from_str(key))
        .map(JsValue::dyn_into::<js_sys::JsString>)
    {
        Ok(Ok(value)) => value.length() as usize,
        _ => storage.get_item(key).ok().flatten().map_or(0, |value| units(&value)),
    }
}

/// Whether storing `next` as the workspace, with `snapshot` added to the list, fits in local
/// storage: what they write (the workspace, the list, the frozen copies not stored yet) in
/// place of what they rewrite, beside everything else stored.
pub fn room_for(next: &Workspace, snapshot: Option<&Snapshot>) -> Result<(), Shortfall> {
    let text = encode(next);
    let mut named = keys_named(&text);
    named.extend(snapshot.iter().flat_map(|s| s.frozen.iter().cloned()));
    named.sort();
    named.dedup();
    let present = BrowserStore.keys_with_prefix(FROZEN_PREFIX);
    let new_copies: usize = named
        .iter()
        .filter(|key| !present.contains(key))
        .filter_map(|key| with_copies(|c| c.stored_form(key).map(|s| units(key) + units(s))))
        .sum();
    let mut replaced = BrowserStore.get(WORKSPACE_KEY).map_or(0, |stored| units(&stored));
    let mut written = units(&text) + new_copies;
    if let Some(snapshot) = snapshot {
        // Read once, and only read: an unreadable list is set aside when a snapshot is kept,
        // not by a check.
        let stored = BrowserStore.get(SNAPSHOTS_KEY);
        replaced += stored.as_deref().map_or(0, units);
        let mut list = decode_list(stored.as_deref()).unwrap_or_default();
        push(&mut list, snapshot.clone());
        written += units(&encode_list(&list));
    }
    check_room(used_units(), replaced, written)
}

/// Notes that a change checked by `room_for` is being applied: a save refused for want of room
/// is worth trying again. A mere check (an import's preview) is not.
pub fn room_checked() {
    with_page(Page::room_made);
}

/// The snapshots kept in this browser, newest first. A list that cannot be read is moved aside
/// (under the set-aside prefix) rather than overwritten, and an empty list starts again.
pub fn read_snapshots(now: f64) -> Vec<Snapshot> {
    let raw = LocalStorage::raw().get_item(SNAPSHOTS_KEY).ok().flatten();
    match decode_list(raw.as_deref()) {
        Some(list) => list,
        None => {
            let aside = format!("{SET_ASIDE_PREFIX}instantanes.{}", now as i64);
            if BrowserStore.set(&aside, raw.as_deref().unwrap_or_default()).is_ok() {
                BrowserStore.remove(SNAPSHOTS_KEY);
            }
            Vec::new()
        }
    }
}

/// Adds a snapshot to the stored list (the oldest beyond `SNAPSHOTS_KEPT` is forgotten),
/// after the frozen copies it names. `Err` when it does not fit (or storage refuses): the caller
/// keeps it in memory. No snapshot is ever dropped to make room for another.
pub fn keep_snapshot(snapshot: Snapshot, now: f64) -> Result<Vec<Snapshot>, SaveError> {
    let mut list = read_snapshots(now);
    let store = BrowserStore;
    with_page(|page| page.write_copies(&store, snapshot.frozen.clone()))?;
    push(&mut list, snapshot);
    store.set(SNAPSHOTS_KEY, &encode_list(&list))?;
    with_page(|page| {
        page.snapshots_changed();
        if let Some(text) = store.get(WORKSPACE_KEY) {
            page.clean_up_copies(&store, &text);
        }
    });
    Ok(list)
}

/// A snapshot of the workspace as it is now.
pub fn snapshot_of(workspace: &Workspace, label: String, taken_at: String) -> Snapshot {
    with_copies(|copies| Snapshot::of(workspace, label, taken_at, copies))
}

/// The workspace a snapshot holds, its frozen copies read from storage.
pub fn restore_snapshot(snapshot: &Snapshot) -> Result<Workspace, super::LoadError> {
    with_copies(|copies| snapshot.restore(copies))
}

fn is_quota_error(error: &JsValue) -> bool {
    error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|e| e.name() == "QuotaExceededError" || e.code() == 22)
}

fn describe_js_error(error: &JsValue) -> String {
    if let Some(e) = error.dyn_ref::<web_sys::DomException>() {
        return e.name();
    }
    error.as_string().unwrap_or_else(|| "erreur inconnue".into())
}
