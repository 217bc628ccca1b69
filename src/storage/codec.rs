//! The stored form of the workspace: compact JSON under a versioned key, with the schema
//! version inside so that older data is migrated and newer data is refused rather than
//! misread. Decoding never panics: anything unreadable comes back as a `LoadError` and the
//! caller sets the raw text aside instead of overwriting it.
//!
//! The frozen copies (the signature's and each avenant's) are stored apart (`storage::frozen`):
//! the app writes the workspace without them, and appends a last field, `frozen_apart`, that
//! names for each contract the key of each copy by slot (`signature`, or an avenant's id). A
//! workspace with its copies inline, as older versions stored it (and as the fuzzer and the
//! bench write it with `encode`), is read too.

use super::frozen::FrozenCopies;
use crate::model::amendment::frozen_form::without_frozen_copies;
use crate::model::json;
use crate::model::migration::{migrate_contract, MigrationError};
use crate::model::year_month::REFUSED_VALUE;
use crate::model::{Contract, Id, Workspace, SCHEMA_VERSION};
use serde_json::Value;
use std::collections::BTreeMap;

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
    /// Held months that do not exist (outside 1-12), which older versions let an import store:
    /// those dates are emptied rather than the whole workspace set aside.
    Repaired {
        workspace: Workspace,
        /// How many dates were emptied.
        emptied: usize,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    NotJson(String),
    NotAWorkspace(String),
    Migration(MigrationError),
    /// A frozen copy the workspace names cannot be read (`storage::frozen`).
    FrozenCopy(String),
}

impl LoadError {
    pub fn message_fr(&self) -> String {
        match self {
            Self::NotJson(detail) => format!("les données ne sont pas du JSON lisible ({detail})"),
            Self::NotAWorkspace(detail) => {
                format!("les données ne correspondent pas au format d’Atelier CLS ({detail})")
            }
            Self::Migration(error) => error.message_fr(),
            Self::FrozenCopy(detail) => format!("une version signée du contrat manque ({detail})"),
        }
    }
}

/// The field the app appends, last, to the stored workspace to name its frozen copies.
const APART_FIELD: &str = ",\"frozen_apart\":";

/// The slot of the frozen copy made at signature (the others are avenants' ids).
const SIGNATURE_SLOT: &str = "signature";

/// For each contract, the keys of its frozen copies by slot.
type Slots = BTreeMap<Id, BTreeMap<String, String>>;

/// The workspace with its frozen copies inline, as older versions stored it.
pub fn encode(workspace: &Workspace) -> String {
    json::to_text(workspace).expect("a workspace always serialises")
}

/// The workspace as the app stores it: its frozen copies apart, named by key in a last field
/// `frozen_apart` (absent when there is none, so that an unsigned workspace is stored exactly
/// as before). The copies not stored yet wait in `copies` (`take_unwritten`), to be written
/// before this text.
pub fn encode_apart(workspace: &Workspace, copies: &mut FrozenCopies) -> String {
    let mut frozen = Slots::new();
    for contract in &workspace.contracts {
        let mut slots = BTreeMap::new();
        if let Some(copy) = &contract.signing.frozen_copy {
            slots.insert(SIGNATURE_SLOT.to_string(), copies.key_of(copy));
        }
        for amendment in &contract.amendments {
            if let Some(copy) = &amendment.frozen_copy {
                slots.insert(amendment.id.to_string(), copies.key_of(copy));
            }
        }
        if !slots.is_empty() {
            frozen.insert(contract.id, slots);
        }
    }
    let mut text =
        without_frozen_copies(|| json::to_text(workspace)).expect("a workspace always serialises");
    if !frozen.is_empty() {
        text.pop(); // The workspace's closing brace.
        text.push_str(APART_FIELD);
        text.push_str(&json::to_text(&frozen).expect("keys always serialise"));
        text.push('}');
    }
    text
}

/// The stored text without its `frozen_apart` field, and that field. Inside JSON strings a
/// quote is always escaped, so `,"frozen_apart":` can only be that field, written last.
fn split_apart(raw: &str) -> Result<(std::borrow::Cow<'_, str>, Slots), LoadError> {
    let trimmed = raw.trim_end();
    match (trimmed.rfind(APART_FIELD), trimmed.strip_suffix('}')) {
        (Some(at), Some(inner)) if at < inner.len() => {
            let slots = json::from_text(&inner[at + APART_FIELD.len()..])
                .map_err(|e| LoadError::NotAWorkspace(format!("frozen_apart : {e}")))?;
            Ok((format!("{}}}", &raw[..at]).into(), slots))
        }
        _ => Ok((raw.into(), Slots::new())),
    }
}

/// Reads what local storage holds (`None` when the key is absent); frozen copies stored apart
/// can only come from memory here (see `decode_with`).
pub fn decode(raw: Option<&str>) -> Result<Loaded, LoadError> {
    decode_with(raw, &mut FrozenCopies::in_memory())
}

/// As `decode`, reading the frozen copies stored apart through `copies`.
pub fn decode_with(raw: Option<&str>, copies: &mut FrozenCopies) -> Result<Loaded, LoadError> {
    let Some(raw) = raw else { return Ok(Loaded::Fresh) };
    let (body, frozen) = split_apart(raw)?;
    let mut loaded = decode_inline(&body)?;
    let (workspace, from) = match &mut loaded {
        Loaded::Fresh => return Ok(loaded),
        Loaded::Current(workspace) | Loaded::Repaired { workspace, .. } => (workspace, None),
        Loaded::Migrated { workspace, from } => (workspace, Some(*from)),
    };
    match from {
        None => attach(workspace, &frozen, |key| copies.copy_of(key))?,
        Some(version) => attach(workspace, &frozen, |key| older_copy(copies, key, version))?,
    }
    Ok(loaded)
}

/// Reads a workspace whose frozen copies, if any, are inline.
fn decode_inline(raw: &str) -> Result<Loaded, LoadError> {
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
    let workspace: Workspace = match read {
        Ok(workspace) => workspace,
        Err(error) if error.to_string().contains(REFUSED_VALUE) => return repaired(raw),
        Err(error) => return Err(LoadError::NotAWorkspace(error.to_string())),
    };
    Ok(if version == SCHEMA_VERSION {
        Loaded::Current(workspace)
    } else {
        Loaded::Migrated { workspace, from: version }
    })
}

/// A frozen copy stored by an older version, upgraded like the contract that names it.
fn older_copy(
    copies: &FrozenCopies,
    key: &str,
    version: u32,
) -> Result<std::sync::Arc<Contract>, String> {
    let copy: Value = serde_json::from_str(&copies.text_of(key)?).map_err(|e| e.to_string())?;
    let copy = migrate_contract(copy, version).map_err(|e| e.message_fr())?;
    json::from_tree(&copy).map_err(|e| e.to_string())
}

/// Puts back each contract's frozen copies, by slot.
fn attach(
    workspace: &mut Workspace,
    frozen: &Slots,
    mut copy_of: impl FnMut(&str) -> Result<std::sync::Arc<Contract>, String>,
) -> Result<(), LoadError> {
    for contract in &mut workspace.contracts {
        let Some(slots) = frozen.get(&contract.id) else { continue };
        if let Some(key) = slots.get(SIGNATURE_SLOT) {
            contract.signing.frozen_copy = Some(copy_of(key).map_err(LoadError::FrozenCopy)?);
        }
        for amendment in &mut contract.amendments {
            if let Some(key) = slots.get(&amendment.id.to_string()) {
                amendment.frozen_copy = Some(copy_of(key).map_err(LoadError::FrozenCopy)?);
            }
        }
    }
    Ok(())
}

/// Reads again with every impossible month's date emptied (it is an `Option` in the model).
fn repaired(raw: &str) -> Result<Loaded, LoadError> {
    let not_a_workspace = |e: serde_json::Error| LoadError::NotAWorkspace(e.to_string());
    let mut value: Value = serde_json::from_str(raw).map_err(not_a_workspace)?;
    let emptied = empty_impossible_months(&mut value);
    if emptied == 0 {
        return Err(LoadError::NotAWorkspace("un mois impossible n’a pas pu être corrigé".into()));
    }
    let loaded = match decode_inline(&value.to_string())? {
        Loaded::Current(workspace) | Loaded::Migrated { workspace, .. } => workspace,
        Loaded::Fresh | Loaded::Repaired { .. } => {
            return Err(LoadError::NotAWorkspace("des mois impossibles restent à corriger".into()))
        }
    };
    Ok(Loaded::Repaired { workspace: loaded, emptied })
}

/// Replaces every `{year, month}` whose month is not 1-12 by `null`; counts them.
fn empty_impossible_months(value: &mut Value) -> usize {
    match value {
        Value::Object(map) => {
            let month = map.get("month").and_then(Value::as_u64);
            if map.len() == 2
                && map.contains_key("year")
                && month.is_some_and(|m| !(1..=12).contains(&m))
            {
                *value = Value::Null;
                return 1;
            }
            map.values_mut().map(empty_impossible_months).sum()
        }
        Value::Array(items) => items.iter_mut().map(empty_impossible_months).sum(),
        _ => 0,
    }
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
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::rc::Rc;

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

    /// The example, signed, with `avenants` avenants each changing its name.
    fn signed_workspace(avenants: u32) -> Workspace {
        use crate::model::amendment::{create_amendment, frozen, AmendmentFields};
        let mut ws = Workspace::default();
        ws.add_contract(crate::exchange::example::example_contract());
        let contract = &mut ws.contracts[0];
        contract.signing.frozen_copy = Some(frozen(contract));
        for n in 1..=avenants {
            contract.name = format!("CLS, version de l’avenant n°{n}");
            let id = Id::from_u128(0xa0 + u128::from(n));
            create_amendment(contract, id, i64::from(n), AmendmentFields::default()).unwrap();
        }
        ws
    }

    type FakeStorage = Rc<RefCell<HashMap<String, String>>>;

    /// A fake local storage, and frozen copies reading it.
    fn storage() -> (FakeStorage, FrozenCopies) {
        let map = FakeStorage::default();
        let mut copies = reading(&map);
        copies.set_deflate(crate::storage::compressed::compress);
        (map, copies)
    }

    /// Another page's frozen copies (nothing in memory) over the same storage.
    fn reading(map: &FakeStorage) -> FrozenCopies {
        let map = map.clone();
        FrozenCopies::new(Box::new(move |key| map.borrow().get(key).cloned()))
    }

    fn store_unwritten(map: &RefCell<HashMap<String, String>>, copies: &mut FrozenCopies) {
        map.borrow_mut().extend(copies.take_unwritten());
    }

    #[test]
    fn frozen_copies_are_stored_apart_once_and_read_back() {
        let ws = signed_workspace(5);
        let (map, mut copies) = storage();
        let text = encode_apart(&ws, &mut copies);
        store_unwritten(&map, &mut copies);
        assert_eq!(map.borrow().len(), 6, "the signature's copy and five avenants'");
        let inline = encode(&ws);
        assert!(text.len() * 5 < inline.len(), "{} vs {}", text.len(), inline.len());
        let stored: usize = text.len() + map.borrow().values().map(String::len).sum::<usize>();
        assert!(stored * 2 < inline.len(), "all stored {stored} vs inline {}", inline.len());
        // Another page, with nothing in memory, reads it all back from storage.
        let mut fresh = reading(&map);
        assert_eq!(decode_with(Some(&text), &mut fresh), Ok(Loaded::Current(ws.clone())));
        // A save after a keystroke writes no copy again.
        let mut edited = ws;
        edited.contracts[0].sheets[0].title.push('!');
        let again = encode_apart(&edited, &mut copies);
        assert!(copies.take_unwritten().is_empty());
        assert_eq!(decode_with(Some(&again), &mut fresh), Ok(Loaded::Current(edited)));
    }

    #[test]
    fn an_unsigned_workspace_is_stored_as_before() {
        let ws = workspace_with(&["Aurillac".into()]);
        assert_eq!(encode_apart(&ws, &mut FrozenCopies::in_memory()), encode(&ws));
    }

    #[test]
    fn a_text_that_looks_like_the_field_stays_text() {
        let mut ws = signed_workspace(1);
        ws.contracts[0].name = r#"x","frozen_apart":{"a":{}}}"#.into();
        ws.contracts[0].sheets[0].title = APART_FIELD.into();
        let (map, mut copies) = storage();
        let text = encode_apart(&ws, &mut copies);
        store_unwritten(&map, &mut copies);
        assert_eq!(decode_with(Some(&text), &mut reading(&map)), Ok(Loaded::Current(ws)));
    }

    #[test]
    fn older_stored_data_with_copies_inline_still_reads() {
        let ws = signed_workspace(2);
        assert_eq!(decode(Some(&encode(&ws))), Ok(Loaded::Current(ws)));
    }

    #[test]
    fn a_save_interrupted_after_its_copies_leaves_the_previous_workspace_whole() {
        let ws = signed_workspace(1);
        let (map, mut copies) = storage();
        let previous = encode_apart(&ws, &mut copies);
        store_unwritten(&map, &mut copies);
        let mut next = ws.clone();
        crate::model::amendment::create_amendment(
            &mut next.contracts[0],
            Id::from_u128(0xb2),
            9,
            Default::default(),
        )
        .unwrap();
        let _never_written = encode_apart(&next, &mut copies);
        store_unwritten(&map, &mut copies);
        assert_eq!(decode_with(Some(&previous), &mut reading(&map)), Ok(Loaded::Current(ws)));
    }

    #[test]
    fn a_missing_copy_is_an_error_never_an_unsigned_contract() {
        let ws = signed_workspace(1);
        let (_, mut copies) = storage();
        let text = encode_apart(&ws, &mut copies);
        let (_, mut empty) = storage();
        let error = decode_with(Some(&text), &mut empty).unwrap_err();
        assert!(matches!(error, LoadError::FrozenCopy(_)), "{error:?}");
        assert!(error.message_fr().starts_with("une version signée du contrat manque"));
    }

    #[test]
    fn impossible_months_stored_by_an_older_version_are_emptied_not_the_workspace_lost() {
        let mut ws = workspace_with(&["Aurillac".into()]);
        let mut action = crate::model::Action::new(Id::from_u128(7), "Action", 0);
        action.start = crate::model::YearMonth::new(2025, 3);
        action.end = crate::model::YearMonth::new(2025, 6);
        ws.contracts[0].sheets[0].actions.push(action);
        let raw = encode(&ws).replace(r#""month":3"#, r#""month":13"#);
        let Ok(Loaded::Repaired { workspace, emptied: 1 }) = decode(Some(&raw)) else {
            panic!("{:?}", decode(Some(&raw)));
        };
        let action = &workspace.contracts[0].sheets[0].actions[0];
        assert_eq!((action.start, action.end), (None, crate::model::YearMonth::new(2025, 6)));
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

    /// A file and stored data of format 2 (before parties and governance were told apart) both
    /// load, migrated: here, above both the importer and the codec, not in the model below them.
    #[test]
    fn an_old_file_and_old_stored_data_both_load() {
        const FORMAT_2_FILE: &str =
            include_str!("../model/migration/fixtures/aurillac-format-2.json");
        let checked = crate::exchange::import::check_file(FORMAT_2_FILE.as_bytes())
            .unwrap_or_else(|problems| panic!("{problems:?}"));
        assert_eq!(checked.envelope.schema_version, crate::model::SCHEMA_VERSION);
        assert_eq!(
            checked.envelope.contract.organisations.iter().filter(|o| o.is_signatory()).count(),
            10
        );
        let file: serde_json::Value = serde_json::from_str(FORMAT_2_FILE).unwrap();
        let stored = serde_json::json!({"schema_version": 2, "contracts": [file["contract"]],
                                        "active_contract": null});
        let text = serde_json::to_string(&stored).unwrap();
        let loaded = decode(Some(&text)).unwrap_or_else(|e| panic!("{e:?}"));
        let Loaded::Migrated { workspace, from: 2 } = loaded else {
            panic!("not migrated from format 2: {loaded:?}")
        };
        assert_eq!(workspace.contracts[0].governance.bodies.len(), 2);
        assert_eq!(workspace.schema_version, crate::model::SCHEMA_VERSION);
    }
}
