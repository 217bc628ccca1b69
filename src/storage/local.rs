//! The browser side of storage: reading and writing the workspace in local storage, and
//! turning every failure into a French message instead of swallowing it.

use super::codec::{decode, encode, Loaded, SET_ASIDE_PREFIX, WORKSPACE_KEY};
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
        Ok(Loaded::Fresh) => Startup { workspace: Workspace::default(), can_save: true, message: None },
        Ok(Loaded::Current(workspace)) => Startup { workspace, can_save: true, message: None },
        Ok(Loaded::Migrated { workspace, from }) => {
            Startup { workspace, can_save: true, message: Some(StartupMessage::Migrated(from)) }
        }
        Err(error) => set_aside(raw.unwrap_or_default(), error.message_fr(), now),
    }
}

fn set_aside(raw: String, reason: String, now: f64) -> Startup {
    let key = format!("{SET_ASIDE_PREFIX}{}", now as i64);
    match LocalStorage::raw().set_item(&key, &raw) {
        Ok(()) => Startup {
            workspace: Workspace::default(),
            can_save: true,
            message: Some(StartupMessage::SetAside { key, reason }),
        },
        Err(error) => Startup {
            workspace: Workspace::default(),
            can_save: false,
            message: Some(StartupMessage::Blocked(format!("{reason} ; {}", describe_js_error(&error)))),
        },
    }
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

pub fn save(workspace: &Workspace) -> Result<(), SaveError> {
    let text = encode(workspace);
    LocalStorage::raw().set_item(WORKSPACE_KEY, &text).map_err(|error| {
        if is_quota_error(&error) {
            SaveError::Full
        } else {
            SaveError::Unavailable(describe_js_error(&error))
        }
    })
}

/// The workspace as another tab just wrote it, if it can be read.
pub fn read_current() -> Option<Workspace> {
    let raw = LocalStorage::raw().get_item(WORKSPACE_KEY).ok()??;
    match decode(Some(&raw)).ok()? {
        Loaded::Current(ws) | Loaded::Migrated { workspace: ws, .. } => Some(ws),
        Loaded::Fresh => None,
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
