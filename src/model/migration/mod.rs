//! Schema migrations. A stored workspace or an exchanged file written by an older version of
//! the app is upgraded one version at a time, each step a pure function on the JSON of one
//! contract (the unit both formats share), with a title saying what it changed.
//!
//! When `SCHEMA_VERSION` goes from N to N+1, add the step `from: N` to `MIGRATIONS`; the test
//! `every_older_version_has_a_path` fails until it is there.

mod follow_up;
mod parties;
mod workshops;

use super::SCHEMA_VERSION;
use serde_json::Value;

/// One upgrade step, from `from` to `from + 1`.
pub struct Migration {
    pub from: u32,
    pub title: &'static str,
    pub apply: fn(Value) -> Result<Value, String>,
}

/// Every step, oldest first. Version 1 is the first published format.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        from: 1,
        title: "Suivi annuel : huit statuts et « Non renseigné », cibles et résultats par année, \
                indicateurs du contrat",
        apply: follow_up::upgrade,
    },
    Migration {
        from: 2,
        title: "Parties et signature : signataires, copilotes, textes du contrat, instances, \
                bilan du précédent contrat, « Non renseigné », avenants",
        apply: parties::upgrade,
    },
    Migration {
        from: 3,
        title: "Ateliers : tableaux d’idées, groupes et votes, origine des fiches",
        apply: workshops::upgrade,
    },
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrationError {
    /// Written by a newer version of the app: we cannot know what it means.
    FromTheFuture { version: u32 },
    /// No known path from this version (should not happen for published versions).
    NoPath { version: u32 },
    /// A step failed on this data.
    Failed { version: u32, reason: String },
}

impl MigrationError {
    pub fn message_fr(&self) -> String {
        match self {
            Self::FromTheFuture { version } => format!(
                "Ces données viennent d’une version plus récente d’Atelier CLS (format {version}, \
                 celui-ci lit jusqu’au format {SCHEMA_VERSION}). Ouvrez-les avec la dernière version de l’application."
            ),
            Self::NoPath { version } => {
                format!("Le format {version} est inconnu : impossible de le mettre à jour.")
            }
            Self::Failed { version, reason } => {
                format!("La mise à jour depuis le format {version} a échoué : {reason}")
            }
        }
    }
}

/// Upgrades the JSON of one contract from `version` to the current schema.
pub fn migrate_contract(value: Value, version: u32) -> Result<Value, MigrationError> {
    migrate_with(MIGRATIONS, value, version, SCHEMA_VERSION)
}

/// The migration runner, apart from the real step list so that it can be tested on its own.
pub fn migrate_with(
    steps: &[Migration],
    mut value: Value,
    mut version: u32,
    target: u32,
) -> Result<Value, MigrationError> {
    if version > target {
        return Err(MigrationError::FromTheFuture { version });
    }
    while version < target {
        let step =
            steps.iter().find(|m| m.from == version).ok_or(MigrationError::NoPath { version })?;
        value = (step.apply)(value).map_err(|reason| MigrationError::Failed { version, reason })?;
        version += 1;
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rename_title(mut v: Value) -> Result<Value, String> {
        let object = v.as_object_mut().ok_or("pas un objet")?;
        let title = object.remove("titre").unwrap_or_default();
        object.insert("name".into(), title);
        Ok(v)
    }

    fn add_generation(mut v: Value) -> Result<Value, String> {
        v["generation"] = json!(1);
        Ok(v)
    }

    const STEPS: &[Migration] = &[
        Migration { from: 1, title: "titre devient name", apply: rename_title },
        Migration { from: 2, title: "ajout de generation", apply: add_generation },
    ];

    #[test]
    fn applies_every_step_in_order() {
        let out = migrate_with(STEPS, json!({"titre": "CLS"}), 1, 3).unwrap();
        assert_eq!(out, json!({"name": "CLS", "generation": 1}));
    }

    #[test]
    fn starts_from_the_given_version() {
        let out = migrate_with(STEPS, json!({"name": "CLS"}), 2, 3).unwrap();
        assert_eq!(out, json!({"name": "CLS", "generation": 1}));
    }

    #[test]
    fn refuses_future_and_unknown_versions() {
        assert_eq!(
            migrate_with(STEPS, json!({}), 4, 3),
            Err(MigrationError::FromTheFuture { version: 4 })
        );
        assert_eq!(
            migrate_with(STEPS, json!({}), 0, 3),
            Err(MigrationError::NoPath { version: 0 })
        );
    }

    #[test]
    fn reports_a_failing_step() {
        let err = migrate_with(STEPS, json!([1]), 1, 2).unwrap_err();
        assert!(matches!(err, MigrationError::Failed { version: 1, .. }));
        assert!(err.message_fr().contains("format 1"));
    }

    #[test]
    fn every_older_version_has_a_path() {
        for version in 1..SCHEMA_VERSION {
            assert!(MIGRATIONS.iter().any(|m| m.from == version), "no migration from {version}");
        }
        assert_eq!(migrate_contract(json!({"x": 1}), SCHEMA_VERSION), Ok(json!({"x": 1})));
    }
}
