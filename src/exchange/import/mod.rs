//! Import checks: everything that is verified on an exchange file before anything changes in
//! the workspace. The file is refused with a list of problems in plain French, each with where
//! it is (line and column in the file, and/or the JSON path of the faulty value, such as
//! `contract.sheets[3].actions[0].start.month`), or accepted as a checked [`Envelope`],
//! upgraded to the current schema when it was written by an older version.
//!
//! Checks, in order: size, text encoding, JSON syntax, type marker, schema version (newer is
//! refused, older is migrated), shape (unknown or missing field, wrong kind of value) and ids
//! used twice anywhere in the contract, frozen copies checked like a contract and dates that
//! exist (`frozen_copies`). Checking never panics, whatever the bytes.
//!
//! Shape errors come from serde itself (the model types deny unknown fields): the error's
//! position in the text is turned into a JSON path by a small scanner that follows the nesting
//! of objects and arrays up to that position, so every type of the model is covered without
//! describing it twice.
//!
//! A backup file (`atelier-cls/sauvegarde`, every contract of a browser, see
//! `exchange::backup`) goes through the same checks with `check_any`.
//!
//! Here: the public API and the order of the checks. Beside it: `syntax` (JSON syntax errors
//! and their line and column), `json_path` (from a position to a path), `serde_messages`
//! (serde's shape errors in French) and `duplicated_ids`.

mod duplicated_ids;
mod frozen_copies;
mod json_path;
mod serde_messages;
mod syntax;

use super::backup::{Backup, BACKUP_TYPE};
use super::{Envelope, ENVELOPE_TYPE};
use crate::model::migration::{migrate_contract, MigrationError};
use crate::model::SCHEMA_VERSION;
use duplicated_ids::{duplicated_ids, duplicated_ids_at};
use frozen_copies::tree_problems;
use json_path::{path_at, remove_at, render_path, Segment};
use serde::de::DeserializeOwned;
use serde_json::Value;
use serde_messages::{describe_value, translate_shape};
use syntax::{line_column, line_start, raw_message, syntax_problem};

/// Files larger than this are refused before parsing. What the app exports must come back:
/// local storage holds about 5 M characters (`model::storage_use::LOCAL_STORAGE_LIMIT`), whose
/// frozen copies are compressed there, and files above `json::PRETTY_UP_TO` are written
/// compact, so a full browser's export (measured: 11.9 MB pretty before that rule) stays far
/// below. A 100-fiche contract is 1-2 MB.
pub const MAX_FILE_BYTES: usize = 32 * 1024 * 1024;

/// At most this many problems are reported for one file.
pub const MAX_PROBLEMS: usize = 20;

/// One reason to refuse a file.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportProblem {
    /// Where: "ligne 12, colonne 5", a JSON path such as
    /// "contract.sheets[3].actions[0].start.month", or both ("… — ligne 12, colonne 5").
    pub location: String,
    /// What, in plain French.
    pub message: String,
}

impl ImportProblem {
    fn new(location: impl Into<String>, message: impl Into<String>) -> Self {
        ImportProblem { location: location.into(), message: message.into() }
    }
}

/// A file that passed every check.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The envelope, in the current schema (its `schema_version` is the current one).
    pub envelope: Envelope,
    /// The schema version the file was written in, when it was older and has been upgraded.
    pub migrated_from: Option<u32>,
}

/// A backup file (every contract of a browser) that passed every check.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedBackup {
    /// The backup, in the current schema.
    pub backup: Backup,
    /// The schema version the file was written in, when it was older and has been upgraded.
    pub migrated_from: Option<u32>,
}

/// Either kind of file the import takes: a contract (the exchange file) or a backup.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckedFile {
    Contract(Box<Checked>),
    Backup(CheckedBackup),
}

/// Every check before anything changes in the workspace: size, JSON syntax, type marker, schema
/// version (future refused, older migrated), shape (unknown or missing field, wrong kind of
/// value, a month outside 1-12 — reported with the JSON path), duplicated ids anywhere in the
/// contract, frozen copies that are not this contract's, dates that do not exist. Never panics.
/// A backup file is refused here with a word on where it goes: only [`check_any`] takes it.
pub fn check_file(bytes: &[u8]) -> Result<Checked, Vec<ImportProblem>> {
    match check_any(bytes)? {
        CheckedFile::Contract(checked) => Ok(*checked),
        CheckedFile::Backup(_) => Err(vec![ImportProblem::new(
            "type",
            format!(
                "Ce fichier est une sauvegarde de plusieurs contrats (« {BACKUP_TYPE} »), pas \
                 l’export d’un contrat : importez-le depuis l’écran Échanges."
            ),
        )]),
    }
}

/// As [`check_file`], also taking a backup file (type `atelier-cls/sauvegarde`), whose
/// contracts go through the same checks, each at its place (`contracts[2].sheets[0]…`).
pub fn check_any(bytes: &[u8]) -> Result<CheckedFile, Vec<ImportProblem>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![too_big(bytes.len())]);
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(vec![ImportProblem::new(
            "fichier",
            "Le fichier n’est pas un fichier texte (UTF-8).",
        )]);
    };
    // A file opened and saved again in Notepad or another Windows editor starts with a byte
    // order mark, which JSON does not allow but which says nothing about the content.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| vec![syntax_problem(text, &e)])?;
    if value.get("type").and_then(Value::as_str) == Some(BACKUP_TYPE) {
        check_backup(text, value).map(CheckedFile::Backup)
    } else {
        check_contract(text, value).map(|checked| CheckedFile::Contract(Box::new(checked)))
    }
}

fn check_contract(text: &str, mut value: Value) -> Result<Checked, Vec<ImportProblem>> {
    check_type(&value).map_err(|p| vec![p])?;
    let version = check_version(&value).map_err(|p| vec![p])?;

    let migrated_from = if version < SCHEMA_VERSION {
        let contract = value.get_mut("contract").map(Value::take).unwrap_or(Value::Null);
        match migrate_contract(contract, version) {
            Ok(upgraded) => {
                value["contract"] = upgraded;
                value["schema_version"] = Value::from(SCHEMA_VERSION);
                Some(version)
            }
            Err(error) => {
                return Err(vec![ImportProblem::new("schema_version", error.message_fr())])
            }
        }
    } else {
        None
    };

    let mut repeated = value.get("contract").map(duplicated_ids).unwrap_or_default();
    if let Some(contract) = value.get("contract") {
        repeated.extend(tree_problems(contract, &[Segment::Key("contract".into())]));
    }
    let original = migrated_from.is_none().then_some(text);
    let envelope = shaped::<Envelope>(original, value, repeated)?;
    Ok(Checked { envelope, migrated_from })
}

/// The backup's checks: those of the exchange file, with every contract migrated and checked
/// for repeated ids on its own (ids may repeat from one contract to another: restoring gives a
/// repeated contract ids of its own, see `exchange::backup::restore`).
fn check_backup(text: &str, mut value: Value) -> Result<CheckedBackup, Vec<ImportProblem>> {
    let version = check_version(&value).map_err(|p| vec![p])?;
    let migrated_from = if version < SCHEMA_VERSION {
        if let Some(Value::Array(contracts)) = value.get_mut("contracts") {
            for contract in contracts.iter_mut() {
                *contract = migrate_contract(contract.take(), version).map_err(|error| {
                    vec![ImportProblem::new("schema_version", error.message_fr())]
                })?;
            }
        }
        value["schema_version"] = Value::from(SCHEMA_VERSION);
        Some(version)
    } else {
        None
    };
    let mut repeated = Vec::new();
    if let Some(Value::Array(contracts)) = value.get("contracts") {
        for (index, contract) in contracts.iter().enumerate() {
            let root = vec![Segment::Key("contracts".into()), Segment::Index(index)];
            repeated.extend(duplicated_ids_at(contract, root.clone()));
            repeated.extend(tree_problems(contract, &root));
        }
    }
    let original = migrated_from.is_none().then_some(text);
    let backup = shaped::<Backup>(original, value, repeated)?;
    Ok(CheckedBackup { backup, migrated_from })
}

/// The file read as `T`, refused when its shape is wrong or when `repeated` (the ids found
/// twice, checked on the tree beforehand) is not empty; shape problems come first, and at most
/// `MAX_PROBLEMS` are told. One ending for both kinds of file.
fn shaped<T: DeserializeOwned>(
    original: Option<&str>,
    value: Value,
    repeated: Vec<ImportProblem>,
) -> Result<T, Vec<ImportProblem>> {
    let mut problems = match check_shape::<T>(original, value) {
        Ok(item) if repeated.is_empty() => return Ok(item),
        Ok(_) => Vec::new(),
        Err(shape_problems) => shape_problems,
    };
    problems.extend(repeated);
    problems.truncate(MAX_PROBLEMS);
    Err(problems)
}

/// The refusal of a file over `MAX_FILE_BYTES`, also used before reading a big file at all.
pub fn too_big(bytes: usize) -> ImportProblem {
    ImportProblem::new(
        "fichier",
        format!(
            "Le fichier est trop gros ({} Mo ; au plus {} Mo).",
            megabytes(bytes),
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    )
}

/// "10,5" for 10.5 MiB, rounded to the nearest tenth (in integers: float formatting would
/// add its code to the wasm for this one message).
fn megabytes(bytes: usize) -> String {
    const MIB: usize = 1024 * 1024;
    let tenths = bytes.saturating_mul(10).saturating_add(MIB / 2) / MIB;
    format!("{},{}", tenths / 10, tenths % 10)
}

fn check_type(value: &Value) -> Result<(), ImportProblem> {
    let found = match value {
        Value::Object(map) => match map.get("type") {
            Some(Value::String(kind)) if kind == ENVELOPE_TYPE => return Ok(()),
            Some(Value::String(kind)) => format!("type « {kind} »"),
            Some(_) => "un type qui n’est pas un texte".to_string(),
            None => "aucun type".to_string(),
        },
        _ => "un contenu qui n’est pas un objet JSON, donc aucun type".to_string(),
    };
    Err(ImportProblem::new(
        "type",
        format!("Ce fichier n’est pas un export d’Atelier CLS ({found} au lieu de « {ENVELOPE_TYPE} »)."),
    ))
}

fn check_version(value: &Value) -> Result<u32, ImportProblem> {
    let problem = |message: String| ImportProblem::new("schema_version", message);
    let Some(found) = value.get("schema_version") else {
        return Err(problem("La version du format (« schema_version ») est absente.".into()));
    };
    let Some(version) = found.as_u64() else {
        return Err(problem(format!(
            "La version du format (« schema_version ») doit être un nombre entier positif, pas {}.",
            describe_value(found)
        )));
    };
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > SCHEMA_VERSION {
        return Err(problem(MigrationError::FromTheFuture { version }.message_fr()));
    }
    Ok(version)
}

/// Deserialises the envelope; on failure, reports where with a JSON path. `original` is the
/// file's own text when it has not been migrated: the first problem then also gets its line and
/// column. Unknown fields are removed one by one so that several of them are reported at once.
fn check_shape<T: DeserializeOwned>(
    original: Option<&str>,
    mut value: Value,
) -> Result<T, Vec<ImportProblem>> {
    let mut problems = Vec::new();
    let mut from_original = original;
    while problems.len() < MAX_PROBLEMS {
        let owned;
        let text = match from_original {
            Some(text) => text,
            None => {
                owned = serde_json::to_string(&value).unwrap_or_default();
                owned.as_str()
            }
        };
        let error = match serde_json::from_str::<T>(text) {
            Ok(envelope) if problems.is_empty() => return Ok(envelope),
            Ok(_) => break,
            Err(error) => error,
        };
        let raw = raw_message(&error);
        let offset = line_start(text, error.line()).saturating_add(error.column());
        let path = path_at(text, offset);
        let mut location = render_path(&path);
        if from_original.is_some() {
            let position = line_column(text, error.line(), error.column());
            location =
                if location.is_empty() { position } else { format!("{location} — {position}") };
        }
        if location.is_empty() {
            location = "fichier".into();
        }
        problems.push(ImportProblem::new(location, translate_shape(&raw)));
        // Only an unknown field can be taken out to look for the next problem.
        let removed = raw.starts_with("unknown field") && remove_at(&mut value, &path);
        if !removed {
            break;
        }
        from_original = None;
    }
    Err(problems)
}

#[cfg(test)]
mod tests;
