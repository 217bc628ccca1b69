//! The browser side of storage: reading and writing the workspace in local storage, and
//! turning every failure into a French message instead of swallowing it.
//!
//! A save writes the frozen copies it names that local storage lacks (each under its own key,
//! `storage::frozen`), then the workspace: a browser closed between the two leaves the previous
//! workspace whole, beside copies nobody names yet. Copies no stored text names any more are
//! removed afterwards, unless some unreadable data is kept aside (it may name them).

use super::codec::{decode_with, encode_apart, Loaded, SET_ASIDE_PREFIX, WORKSPACE_KEY};
use super::frozen::{keys_named, FrozenCopies, FROZEN_PREFIX};
use super::snapshots::{decode_list, encode_list, push, Snapshot, SNAPSHOTS_KEY};
use crate::model::storage_use::{check_room, Shortfall};
use crate::model::Workspace;
use gloo_storage::{LocalStorage, Storage};
use std::cell::{Cell, RefCell};
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// The frozen copies this page has written or read.
    static COPIES: RefCell<FrozenCopies> =
        RefCell::new(FrozenCopies::new(Box::new(read_text)));
    /// The keys of frozen copies the workspace named when copies were last cleaned up (the
    /// snapshots' are read again whenever these change, or a snapshot is kept).
    static WORKSPACE_NAMED: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
    /// How many times room was made, or a change was found to fit (`room_events`).
    static ROOM_EVENTS: Cell<u64> = const { Cell::new(0) };
}

/// Counts the times this page freed local storage or found that a change fits in it: a save
/// refused for want of room is tried again only after one of them, or a removal
/// (`ui::tabs`), not at every typing pause.
pub fn room_events() -> u64 {
    ROOM_EVENTS.with(Cell::get)
}

fn room_made() {
    ROOM_EVENTS.with(|events| events.set(events.get() + 1));
}

/// Runs `work` with this page's frozen copies.
pub fn with_copies<R>(work: impl FnOnce(&mut FrozenCopies) -> R) -> R {
    COPIES.with(|copies| work(&mut copies.borrow_mut()))
}

/// The workspace as stored (frozen copies apart): what a save writes and tabs compare.
pub fn encode(workspace: &Workspace) -> String {
    with_copies(|copies| encode_apart(workspace, copies))
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
    let storage = LocalStorage::raw();
    let count = storage.length().ok()?;
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(SET_ASIDE_PREFIX))
        .find(|key| storage.get_item(key).ok().flatten().as_deref() == Some(raw))
}

/// Why a save failed, in words a coordinator can act on.
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

/// Saves a workspace already encoded (`encode`): autosave encodes it anyway to see whether
/// anything changed, and a large contract is a megabyte of JSON. Nothing is dropped to make
/// room: when storage is full the save fails and says so, and what was stored stays whole.
pub fn save_encoded(text: &str) -> Result<(), SaveError> {
    write_copies(keys_named(text))?;
    write(WORKSPACE_KEY, text)?;
    clean_up_copies(text);
    Ok(())
}

/// Writes the frozen copies of `keys` that local storage lacks. A copy not written for want
/// of room is still in this page's memory (`FrozenCopies::stored_form`) for the next save.
fn write_copies(keys: Vec<String>) -> Result<(), SaveError> {
    let unwritten = with_copies(FrozenCopies::take_unwritten);
    let present = keys_with_prefix(FROZEN_PREFIX);
    for key in keys {
        if present.contains(&key) {
            continue;
        }
        let stored = unwritten
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, stored)| stored.clone())
            .or_else(|| with_copies(|copies| copies.stored_form(&key).map(str::to_string)));
        // A copy named but neither stored nor known here: the workspace must not name it.
        let stored = stored.ok_or_else(|| SaveError::Unavailable("copie figée absente".into()))?;
        write(&key, &stored)?;
    }
    Ok(())
}

/// Removes the frozen copies that neither the workspace nor a snapshot names, when what they
/// name changed. Kept while unreadable data is set aside: it may name some. Most saves change
/// neither (a keystroke names the same copies): the snapshot list, which can weigh as much as
/// the workspace, is then not even read.
fn clean_up_copies(text: &str) {
    let in_workspace = keys_named(text);
    if WORKSPACE_NAMED.with(|last| last.borrow().as_ref() == Some(&in_workspace))
        || !keys_with_prefix(SET_ASIDE_PREFIX).is_empty()
    {
        return;
    }
    let mut named = in_workspace.clone();
    if let Some(list) = read_text(SNAPSHOTS_KEY) {
        named.extend(keys_named(&list));
    }
    named.sort();
    named.dedup();
    for key in keys_with_prefix(FROZEN_PREFIX) {
        if named.binary_search(&key).is_err() && LocalStorage::raw().remove_item(&key).is_ok() {
            room_made();
        }
    }
    WORKSPACE_NAMED.with(|last| *last.borrow_mut() = Some(in_workspace));
}

/// Every key of local storage that starts with `prefix`.
fn keys_with_prefix(prefix: &str) -> Vec<String> {
    let storage = LocalStorage::raw();
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .collect()
}

/// How much of local storage is used, in the UTF-16 code units browsers count against its
/// limit (keys and values, every key of this site). Each value's length is read on the
/// JavaScript side: copying megabytes into the wasm to count them would make every room check
/// (and Échanges, after each change) cost a read of everything stored.
pub fn used_units() -> usize {
    let storage = LocalStorage::raw();
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .map(|key| units(&key) + value_units(&storage, &key))
        .sum()
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
    let present = keys_with_prefix(FROZEN_PREFIX);
    let new_copies: usize = named
        .iter()
        .filter(|key| !present.contains(key))
        .filter_map(|key| with_copies(|c| c.stored_form(key).map(|s| units(key) + units(s))))
        .sum();
    let mut replaced = read_raw().map_or(0, |stored| units(&stored));
    let mut written = units(&text) + new_copies;
    if let Some(snapshot) = snapshot {
        // Read once, and only read: an unreadable list is set aside when a snapshot is kept,
        // not by a check.
        let stored = read_text(SNAPSHOTS_KEY);
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
    room_made();
}

/// The length of a text as JavaScript counts it.
pub fn units(text: &str) -> usize {
    text.encode_utf16().count()
}

fn write(key: &str, text: &str) -> Result<(), SaveError> {
    LocalStorage::raw().set_item(key, text).map_err(|error| {
        if is_quota_error(&error) {
            SaveError::Full
        } else {
            SaveError::Unavailable(describe_js_error(&error))
        }
    })
}

/// The snapshots kept in this browser, newest first. A list that cannot be read is moved aside
/// (under the set-aside prefix) rather than overwritten, and an empty list starts again.
pub fn read_snapshots(now: f64) -> Vec<Snapshot> {
    let raw = LocalStorage::raw().get_item(SNAPSHOTS_KEY).ok().flatten();
    match decode_list(raw.as_deref()) {
        Some(list) => list,
        None => {
            let aside = format!("{SET_ASIDE_PREFIX}instantanes.{}", now as i64);
            if write(&aside, raw.as_deref().unwrap_or_default()).is_ok() {
                let _ = LocalStorage::raw().remove_item(SNAPSHOTS_KEY);
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
    write_copies(snapshot.frozen.clone())?;
    push(&mut list, snapshot);
    write(SNAPSHOTS_KEY, &encode_list(&list))?;
    // The list changed: what it names is read again.
    WORKSPACE_NAMED.with(|last| last.borrow_mut().take());
    if let Some(text) = read_raw() {
        clean_up_copies(&text);
    }
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

/// The stored text of the workspace (`None` when there is none, or storage cannot be read).
pub fn read_raw() -> Option<String> {
    read_text(WORKSPACE_KEY)
}

/// A stored text as a workspace (migrated if it is older); `None` when it cannot be read.
pub fn workspace_of(raw: &str) -> Option<Workspace> {
    match with_copies(|copies| decode_with(Some(raw), copies)).ok()? {
        Loaded::Current(ws)
        | Loaded::Migrated { workspace: ws, .. }
        | Loaded::Repaired { workspace: ws, .. } => Some(ws),
        Loaded::Fresh => None,
    }
}

/// The text under any key of local storage.
pub fn read_text(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok()?
}

/// Writes a text under a key of its own (the notes between tabs), without giving way to it:
/// snapshots are dropped for the workspace only.
pub fn write_text(key: &str, text: &str) -> Result<(), SaveError> {
    write(key, text)
}

/// Removes a key of local storage; removing never fails for want of room.
pub fn remove_text(key: &str) {
    if LocalStorage::raw().remove_item(key).is_ok() {
        room_made();
    }
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
