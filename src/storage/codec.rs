//! The stored form of the workspace: compact JSON under a versioned key, with the schema
//! version inside so that older data is migrated and newer data is refused rather than
//! misread. Decoding never panics: anything unreadable comes back as a `LoadError` and the
//! caller sets the raw text aside instead of overwriting it.

use crate::model::json;
use crate::model::migration::{migrate_contract, MigrationError};
use crate::model::{Workspace, SCHEMA_VERSION};
use serde_json::Value;

/// The local-storage key of the workspace. Its `v1` is the storage layout, not the schema
/// version: the schema version lives inside the value.
pub const WORKSPACE_KEY: &str = "atelier-cls.v1.espace";

/// Unreadable data is moved under this prefix followed by the time it was found.
pub const SET_ASIDE_PREFIX: &str = "atelier-cls.v1.illisible.";

#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet: a first visit.
    Fresh,
    Current(Workspace),
    /// Stored by an older version and upgraded; it will be saved in the new format.
    Migrated {
        workspace: Workspace,
        from: u32,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    NotJson(String),
    NotAWorkspace(String),
    Migration(MigrationError),
}

impl LoadError {
    pub fn message_fr(&self) -> String {
        match self {
            Self::NotJson(detail) => format!("les données ne sont pas du JSON lisible ({detail})"),
            Self::NotAWorkspace(detail) => {
                format!("les données ne correspondent pas au format d’Atelier CLS ({detail})")
            }
            Self::Migration(error) => error.message_fr(),
        }
    }
}

pub fn encode(workspace: &Workspace) -> String {
    json::to_text(workspace).expect("a workspace always serialises")
}

/// Reads what local storage holds (`None` when the key is absent).
pub fn decode(raw: Option<&str>) -> Result<Loaded, LoadError> {
    let Some(raw) = raw else { return Ok(Loaded::Fresh) };
    let mut value: Value =
        serde_json::from_str(raw).map_err(|e| LoadError::NotJson(e.to_string()))?;
    let version = value
        .get("schema_version")
        .and_then(Value::as_u64)
        .and_then(|v| u32::try_from(v).ok())
        .ok_or_else(|| LoadError::NotAWorkspace("version du format absente".into()))?;
    let read = if version == SCHEMA_VERSION {
        json::from_text(raw)
    } else {
        migrate_contracts(&mut value, version)?;
        value["schema_version"] = Value::from(SCHEMA_VERSION);
        json::from_tree(&value)
    };
    let workspace: Workspace = read.map_err(|e| LoadError::NotAWorkspace(e.to_string()))?;
    Ok(if version == SCHEMA_VERSION {
        Loaded::Current(workspace)
    } else {
        Loaded::Migrated { workspace, from: version }
    })
}

fn migrate_contracts(value: &mut Value, version: u32) -> Result<(), LoadError> {
    if version > SCHEMA_VERSION {
        return Err(LoadError::Migration(MigrationError::FromTheFuture { version }));
    }
    let contracts = value
        .get_mut("contracts")
        .and_then(Value::as_array_mut)
        .ok_or_else(|| LoadError::NotAWorkspace("liste des contrats absente".into()))?;
    for contract in contracts.iter_mut() {
        *contract = migrate_contract(contract.take(), version).map_err(LoadError::Migration)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionSheet, Axis, Contract, Id};
    use proptest::prelude::*;

    fn workspace_with(names: &[String]) -> Workspace {
        let mut ws = Workspace::default();
        for (i, name) in names.iter().enumerate() {
            let mut c = Contract::blank(Id::random(), name.clone(), i as i64);
            c.axes.push(Axis::new(Id::random(), format!("Axe de {name}"), 0));
            c.sheets.push(ActionSheet::new(Id::random(), format!("Fiche de {name}"), 0));
            ws.contracts.push(c);
        }
        ws.active_contract = ws.contracts.first().map(|c| c.id);
        ws
    }

    #[test]
    fn nothing_stored_is_a_fresh_start() {
        assert_eq!(decode(None), Ok(Loaded::Fresh));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(matches!(decode(Some("{pas du json")), Err(LoadError::NotJson(_))));
        assert!(matches!(decode(Some("[1,2,3]")), Err(LoadError::NotAWorkspace(_))));
        assert!(matches!(
            decode(Some(r#"{"schema_version": 1, "contracts": "non"}"#)),
            Err(LoadError::NotAWorkspace(_))
        ));
    }

    #[test]
    fn newer_data_is_refused() {
        let raw = format!(
            r#"{{"schema_version": {}, "contracts": [], "active_contract": null}}"#,
            SCHEMA_VERSION + 1
        );
        let err = decode(Some(&raw)).unwrap_err();
        assert!(err.message_fr().contains("plus récente"));
    }

    proptest! {
        #[test]
        fn round_trips(names in proptest::collection::vec("\\PC{0,40}", 0..5)) {
            let ws = workspace_with(&names);
            prop_assert_eq!(decode(Some(&encode(&ws))), Ok(Loaded::Current(ws)));
        }

        #[test]
        fn never_panics_on_arbitrary_text(raw in "\\PC{0,200}") {
            let _ = decode(Some(&raw));
        }
    }
}
