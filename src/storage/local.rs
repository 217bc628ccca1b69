//! The browser side of storage: reading and writing the workspace in local storage, and
//! turning every failure into a French message instead of swallowing it.

use super::codec::{decode, encode, Loaded, SET_ASIDE_PREFIX, WORKSPACE_KEY};
use super::snapshots::{decode_list, encode_list, push, Snapshot, SNAPSHOTS_KEY};
use crate::model::Workspace;
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

/// What the app starts with, and what to tell the user about it.
pub struct Startup {
    pub workspace: Workspace,
    /// `false` when stored data could not be read nor set aside: saving would overwrite it.
    pub can_save: bool,
    pub message: Option<StartupMessage>,
}

pub enum StartupMessage {
    Migrated(u32),
    SetAside { key: String, reason: String },
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
    match decode(raw.as_deref()) {
        Ok(Loaded::Fresh) => {
            Startup { workspace: Workspace::default(), can_save: true, message: None }
        }
        Ok(Loaded::Current(workspace)) => Startup { workspace, can_save: true, message: None },
        Ok(Loaded::Migrated { workspace, from }) => {
            Startup { workspace, can_save: true, message: Some(StartupMessage::Migrated(from)) }
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
                           inutile ou libérez de la place."
                .into(),
            Self::Unavailable(detail) => format!(
                "Le navigateur refuse l’enregistrement ({detail}) : vos dernières modifications ne sont pas enregistrées. \
                 Vérifiez que le stockage local n’est pas bloqué (navigation privée, réglages)."
            ),
        }
    }
}

/// Saves the workspace. When local storage is full, the oldest snapshots give way one by one:
/// the work in progress matters more than old copies of it.
pub fn save(workspace: &Workspace) -> Result<(), SaveError> {
    save_encoded(&encode(workspace))
}

/// Saves a workspace already encoded (`codec::encode`): autosave encodes it anyway to see
/// whether anything changed, and a large contract is a megabyte of JSON.
pub fn save_encoded(text: &str) -> Result<(), SaveError> {
    loop {
        match write(WORKSPACE_KEY, text) {
            Err(SaveError::Full) if drop_oldest_snapshot() => continue,
            result => return result,
        }
    }
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

/// Adds a snapshot to the stored list; older ones are dropped until it fits. `Err` when even
/// the new one alone does not fit (or storage refuses): the caller keeps it in memory.
pub fn keep_snapshot(snapshot: Snapshot, now: f64) -> Result<Vec<Snapshot>, SaveError> {
    let mut list = read_snapshots(now);
    push(&mut list, snapshot);
    loop {
        match write(SNAPSHOTS_KEY, &encode_list(&list)) {
            Ok(()) => return Ok(list),
            Err(SaveError::Full) if list.len() > 1 => {
                list.pop();
            }
            Err(error) => return Err(error),
        }
    }
}

/// Frees room by forgetting the oldest snapshot; false when there is none left to forget.
fn drop_oldest_snapshot() -> bool {
    let raw = LocalStorage::raw().get_item(SNAPSHOTS_KEY).ok().flatten();
    let Some(mut list) = decode_list(raw.as_deref()).filter(|l| !l.is_empty()) else {
        return false;
    };
    list.pop();
    if list.is_empty() {
        LocalStorage::raw().remove_item(SNAPSHOTS_KEY).is_ok()
    } else {
        write(SNAPSHOTS_KEY, &encode_list(&list)).is_ok()
    }
}

/// The stored text of the workspace (`None` when there is none, or storage cannot be read).
pub fn read_raw() -> Option<String> {
    read_text(WORKSPACE_KEY)
}

/// A stored text as a workspace (migrated if it is older); `None` when it cannot be read.
pub fn workspace_of(raw: &str) -> Option<Workspace> {
    match decode(Some(raw)).ok()? {
        Loaded::Current(ws) | Loaded::Migrated { workspace: ws, .. } => Some(ws),
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
