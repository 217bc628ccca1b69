//! Import checks: everything that is verified on an exchange file before anything changes in
//! the workspace. The file is refused with a list of problems in plain French, each with where
//! it is (line and column in the file, and/or the JSON path of the faulty value, such as
//! `contract.sheets[3].actions[0].start.month`), or accepted as a checked [`Envelope`],
//! upgraded to the current schema when it was written by an older version.
//!
//! Checks, in order: size, text encoding, JSON syntax, type marker, schema version (newer is
//! refused, older is migrated), shape (unknown or missing field, wrong kind of value) and ids
//! used twice anywhere in the contract. Checking never panics, whatever the bytes.
//!
//! Shape errors come from serde itself (the model types deny unknown fields): the error's
//! position in the text is turned into a JSON path by a small scanner that follows the nesting
//! of objects and arrays up to that position, so every type of the model is covered without
//! describing it twice.

use super::{Envelope, ENVELOPE_TYPE};
use crate::model::migration::{migrate_contract, MigrationError};
use crate::model::SCHEMA_VERSION;
use serde_json::Value;
use std::collections::HashMap;

/// Files larger than this are refused before parsing (a contract of 100 sheets is ~1-2 MB).
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

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

/// Every check before anything changes in the workspace: size, JSON syntax, type marker, schema
/// version (future refused, older migrated), shape (unknown or missing field, wrong kind of
/// value — reported with the JSON path), duplicated ids anywhere in the contract. Never panics.
pub fn check_file(bytes: &[u8]) -> Result<Checked, Vec<ImportProblem>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![too_big(bytes.len())]);
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(vec![ImportProblem::new(
            "fichier",
            "Le fichier n’est pas un fichier texte (UTF-8).",
        )]);
    };
    let mut value: Value =
        serde_json::from_str(text).map_err(|e| vec![syntax_problem(text, &e)])?;
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

    let mut problems = Vec::new();
    let shape = check_shape(if migrated_from.is_none() { Some(text) } else { None }, value.clone());
    let envelope = match shape {
        Ok(envelope) => Some(envelope),
        Err(shape_problems) => {
            problems.extend(shape_problems);
            None
        }
    };
    if let Some(contract) = value.get("contract") {
        problems.extend(duplicated_ids(contract));
    }
    match envelope {
        Some(envelope) if problems.is_empty() => Ok(Checked { envelope, migrated_from }),
        _ => {
            problems.truncate(MAX_PROBLEMS);
            Err(problems)
        }
    }
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

/// "10,5" for 10.5 MiB.
fn megabytes(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0)).replace('.', ",")
}

// ---------------------------------------------------------------------------------------------
// JSON syntax

fn syntax_problem(text: &str, error: &serde_json::Error) -> ImportProblem {
    let detail = translate_syntax(&raw_message(error));
    ImportProblem::new(
        line_column(text, error.line(), error.column()),
        format!("Le fichier n’est pas du JSON valide : {detail}."),
    )
}

/// The error text without serde_json's " at line L column C" suffix.
fn raw_message(error: &serde_json::Error) -> String {
    let full = error.to_string();
    match full.rfind(" at line ") {
        Some(at) => full[..at].to_string(),
        None => full,
    }
}

fn translate_syntax(raw: &str) -> String {
    let known: &[(&str, &str)] = &[
        ("EOF while parsing", "le fichier est coupé avant la fin"),
        ("expected value", "une valeur est attendue à cet endroit"),
        ("trailing characters", "il reste du texte après la fin des données"),
        ("trailing comma", "il y a une virgule en trop avant la fermeture"),
        ("expected `,` or `}`", "une virgule « , » ou une accolade fermante « } » est attendue"),
        ("expected `,` or `]`", "une virgule « , » ou un crochet fermant « ] » est attendu"),
        ("expected `:`", "le deux-points « : » est attendu après un nom de champ"),
        ("key must be a string", "un nom de champ doit être un texte entre guillemets"),
        ("expected ident", "mot inattendu (true, false ou null attendu)"),
        ("expected `\"`", "un guillemet « \" » est attendu"),
        (
            "control character",
            "un texte contient un caractère de contrôle (retour à la ligne non échappé ?)",
        ),
        ("invalid escape", "séquence d’échappement invalide dans un texte"),
        ("invalid unicode code point", "caractère Unicode invalide dans un texte"),
        ("lone leading surrogate", "caractère Unicode invalide dans un texte"),
        ("unexpected end of hex escape", "caractère Unicode invalide dans un texte"),
        ("invalid number", "nombre invalide"),
        ("number out of range", "nombre trop grand"),
        ("recursion limit exceeded", "les données sont imbriquées trop profondément"),
    ];
    known
        .iter()
        .find(|(pattern, _)| raw.contains(pattern))
        .map_or_else(|| raw.to_string(), |(_, french)| french.to_string())
}

/// "ligne L, colonne C", the column counted in characters (serde_json counts bytes).
fn line_column(text: &str, line: usize, column: usize) -> String {
    let start = line_start(text, line);
    let end = start.saturating_add(column).min(text.len());
    let column = text.get(start..end).map_or(column, |s| s.chars().count());
    format!("ligne {line}, colonne {column}")
}

/// Byte offset of the start of 1-based `line` (the end of the text when there is no such line).
fn line_start(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1)
}

// ---------------------------------------------------------------------------------------------
// Type marker and schema version

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

fn describe_value(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("le booléen {b}"),
        Value::Number(n) => format!("le nombre {n}"),
        Value::String(s) => format!("le texte « {} »", shorten(s)),
        Value::Array(_) => "une liste".into(),
        Value::Object(_) => "un objet".into(),
    }
}

fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(MAX).collect::<String>())
    }
}

// ---------------------------------------------------------------------------------------------
// Shape

/// Deserialises the envelope; on failure, reports where with a JSON path. `original` is the
/// file's own text when it has not been migrated: the first problem then also gets its line and
/// column. Unknown fields are removed one by one so that several of them are reported at once.
fn check_shape(original: Option<&str>, mut value: Value) -> Result<Envelope, Vec<ImportProblem>> {
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
        let error = match serde_json::from_str::<Envelope>(text) {
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

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq)]
enum Segment {
    Key(String),
    Index(usize),
}

enum Frame {
    Object { key: Option<String>, expect_key: bool },
    Array { index: usize, started: bool },
}

/// The JSON path of the value read last before byte `offset` of `text` (valid JSON): serde_json
/// reports a wrong value or an unknown field just after reading it, and a missing field just
/// after the closing brace of its object.
fn path_at(text: &str, offset: usize) -> Vec<Segment> {
    fn value_starts(stack: &mut [Frame]) {
        if let Some(Frame::Array { started, .. }) = stack.last_mut() {
            *started = true;
        }
    }
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => {
                value_starts(&mut stack);
                stack.push(Frame::Object { key: None, expect_key: true });
            }
            b'[' => {
                value_starts(&mut stack);
                stack.push(Frame::Array { index: 0, started: false });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                Some(Frame::Array { index, started }) => {
                    *index += 1;
                    *started = false;
                }
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                    *expect_key = false;
                }
            }
            b'"' => {
                let mut j = i + 1;
                while j < end && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                if j >= end {
                    break; // the position is inside this string
                }
                match stack.last_mut() {
                    Some(Frame::Object { key, expect_key: true }) => {
                        let raw = text.get(i..=j).unwrap_or_default();
                        let decoded = serde_json::from_str::<String>(raw)
                            .unwrap_or_else(|_| raw.trim_matches('"').to_string());
                        *key = Some(decoded);
                    }
                    _ => value_starts(&mut stack),
                }
                i = j;
            }
            b' ' | b'\n' | b'\r' | b'\t' => {}
            _ => value_starts(&mut stack),
        }
        i += 1;
    }
    stack
        .iter()
        .filter_map(|frame| match frame {
            Frame::Object { key: Some(key), .. } => Some(Segment::Key(key.clone())),
            Frame::Array { index, started: true } => Some(Segment::Index(*index)),
            _ => None,
        })
        .collect()
}

fn render_path(path: &[Segment]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Index(index) => out.push_str(&format!("[{index}]")),
        }
    }
    out
}

/// Removes the field at `path` (ending with a key); false when there is no such field.
fn remove_at(value: &mut Value, path: &[Segment]) -> bool {
    let Some((Segment::Key(last), parents)) = path.split_last() else { return false };
    let mut current = value;
    for segment in parents {
        let next = match segment {
            Segment::Key(key) => current.get_mut(key.as_str()),
            Segment::Index(index) => current.get_mut(*index),
        };
        match next {
            Some(next) => current = next,
            None => return false,
        }
    }
    current.as_object_mut().and_then(|map| map.remove(last)).is_some()
}

/// The text between the first pair of backquotes: "unknown field `foo`, …" gives "foo".
fn quoted(raw: &str) -> Option<&str> {
    let start = raw.find('`')? + 1;
    let len = raw[start..].find('`')?;
    Some(&raw[start..start + len])
}

fn translate_shape(raw: &str) -> String {
    if raw.starts_with("unknown field") {
        let field = quoted(raw).unwrap_or("?");
        return format!("Champ inconnu « {field} » (ce nom n’est pas prévu à cet endroit).");
    }
    if raw.starts_with("missing field") {
        let field = quoted(raw).unwrap_or("?");
        return format!("Champ obligatoire manquant « {field} ».");
    }
    if raw.starts_with("duplicate field") {
        let field = quoted(raw).unwrap_or("?");
        return format!("Le champ « {field} » est présent deux fois.");
    }
    if raw.starts_with("unknown variant") {
        let found = quoted(raw).unwrap_or("?");
        let choices = raw
            .split_once("expected one of ")
            .map(|(_, list)| list.replace('`', ""))
            .or_else(|| raw.split_once("expected ").map(|(_, one)| one.replace('`', "")));
        return match choices {
            Some(choices) => {
                format!("Valeur inconnue « {found} » (valeurs possibles : {choices}).")
            }
            None => format!("Valeur inconnue « {found} »."),
        };
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!(
                "Valeur du mauvais type : {} au lieu {}.",
                translate_found(found),
                translate_expected(expected)
            );
        }
    }
    if let Some(rest) = raw.strip_prefix("invalid value: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!(
                "Valeur impossible : {} au lieu {}.",
                translate_found(found),
                translate_expected(expected)
            );
        }
    }
    if raw.contains("UUID parsing failed") {
        return "Identifiant invalide (un UUID est attendu, par exemple \
                « 67e55044-10b1-426f-9247-bb680e5fe0c8 »)."
            .into();
    }
    if raw.starts_with("invalid length") {
        return format!("Nombre d’éléments inattendu ({raw}).");
    }
    format!("Contenu inattendu ({raw}).")
}

/// serde's "unexpected" part: `string "x"`, `integer `5``, `map`, …
fn translate_found(found: &str) -> String {
    if let Some(text) = found.strip_prefix("string ") {
        return format!("le texte {}", shorten(text));
    }
    let inner = quoted(found);
    match (found.split(' ').next().unwrap_or(""), inner) {
        ("integer", Some(n)) | ("floating", Some(n)) => format!("le nombre {n}"),
        ("boolean", Some(b)) => format!("le booléen {b}"),
        ("null", _) => "une valeur vide (null)".into(),
        ("map", _) => "un objet".into(),
        ("sequence", _) => "une liste".into(),
        ("unit", _) => "une valeur vide".into(),
        _ => found.to_string(),
    }
}

/// serde's "expected" part, after "au lieu": `i32` gives "d’un nombre entier", …
fn translate_expected(expected: &str) -> String {
    let range = |low: &str, high: &str| format!("d’un nombre entier entre {low} et {high}");
    match expected {
        "u8" => range("0", "255"),
        "u16" => range("0", "65 535"),
        "u32" => range("0", "4 294 967 295"),
        "u64" | "usize" => "d’un nombre entier positif".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "d’un nombre entier".into(),
        "f32" | "f64" => "d’un nombre".into(),
        "a string" | "a borrowed string" | "a character" => "d’un texte".into(),
        "a boolean" => "d’un booléen (true ou false)".into(),
        "a sequence" => "d’une liste".into(),
        "option" => "d’une valeur ou de null".into(),
        _ if expected.starts_with("struct ") || expected.starts_with("a map") => {
            "d’un objet".into()
        }
        _ if expected.contains("UUID") => "d’un identifiant (UUID)".into(),
        _ if expected.starts_with("variant identifier") || expected.starts_with("enum ") => {
            "d’une des valeurs prévues".into()
        }
        _ => format!("de : {expected}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Duplicated ids

/// Every "id" text in `contract` that appears more than once, each repeat against its first
/// occurrence.
fn duplicated_ids(contract: &Value) -> Vec<ImportProblem> {
    let mut found: Vec<(String, String)> = Vec::new();
    collect_ids(contract, &mut vec![Segment::Key("contract".into())], &mut found);
    let mut first: HashMap<&str, &str> = HashMap::new();
    let mut problems = Vec::new();
    for (id, path) in &found {
        match first.get(id.as_str()) {
            Some(earlier) => problems.push(ImportProblem::new(
                path.clone(),
                format!("L’identifiant {id} apparaît plusieurs fois ({earlier} et {path})."),
            )),
            None => {
                first.insert(id, path);
            }
        }
        if problems.len() >= MAX_PROBLEMS {
            break;
        }
    }
    problems
}

fn collect_ids(value: &Value, path: &mut Vec<Segment>, found: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(id)) = map.get("id") {
                path.push(Segment::Key("id".into()));
                found.push((id.clone(), render_path(path)));
                path.pop();
            }
            for (key, child) in map {
                if matches!(child, Value::Object(_) | Value::Array(_)) {
                    path.push(Segment::Key(key.clone()));
                    collect_ids(child, path, found);
                    path.pop();
                }
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                path.push(Segment::Index(index));
                collect_ids(child, path, found);
                path.pop();
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::example::example_contract;
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};
    use serde_json::json;

    fn example_envelope() -> Envelope {
        Envelope::new(
            example_contract(),
            "2026-11-23T10:00:00Z".into(),
            "ARS Auvergne-Rhône-Alpes".into(),
        )
    }

    /// The example has no actions yet: two per sheet (fixed, distinct ids), with dates.
    fn rich_envelope() -> Envelope {
        let mut envelope = example_envelope();
        for (n, sheet) in envelope.contract.sheets.iter_mut().enumerate() {
            for k in 0..2u128 {
                let id = crate::model::Id::from_u128(0xac00 + 10 * n as u128 + k);
                let mut action = crate::model::Action::new(id, format!("Action {n}.{k}"), 0);
                action.start = crate::model::YearMonth::new(2025, 3);
                sheet.actions.push(action);
            }
        }
        envelope
    }

    fn example_value() -> Value {
        serde_json::to_value(rich_envelope()).unwrap()
    }

    fn check_value(value: &Value) -> Result<Checked, Vec<ImportProblem>> {
        check_file(serde_json::to_string_pretty(value).unwrap().as_bytes())
    }

    fn only_problem(result: Result<Checked, Vec<ImportProblem>>) -> ImportProblem {
        let problems = result.expect_err("the file should be refused");
        assert_eq!(problems.len(), 1, "{problems:#?}");
        problems.into_iter().next().unwrap()
    }

    #[test]
    fn a_valid_export_round_trips_exactly() {
        let envelope = example_envelope();
        let checked = check_file(envelope.to_pretty_json().as_bytes()).unwrap();
        assert_eq!(checked.migrated_from, None);
        assert_eq!(checked.envelope, envelope);
    }

    #[test]
    fn refuses_a_file_too_big_before_parsing() {
        let problem = only_problem(check_file(&vec![b' '; MAX_FILE_BYTES + 1]));
        assert_eq!(problem.message, "Le fichier est trop gros (10,0 Mo ; au plus 10 Mo).");
    }

    #[test]
    fn refuses_what_is_not_utf8_text() {
        let problem = only_problem(check_file(&[0x7b, 0xff, 0xfe, 0x7d]));
        assert_eq!(problem.message, "Le fichier n’est pas un fichier texte (UTF-8).");
    }

    #[test]
    fn malformed_json_says_where_in_french() {
        let text = example_envelope().to_pretty_json();
        let cut = &text[..text.len() / 2];
        let problem = only_problem(check_file(cut.as_bytes()));
        assert!(problem.message.starts_with("Le fichier n’est pas du JSON valide : "));
        assert!(problem.message.contains("coupé avant la fin"), "{}", problem.message);
        assert!(problem.location.starts_with("ligne "), "{}", problem.location);

        let problem = only_problem(check_file(b"{\n  \"type\": \"x\",\n  oups\n}"));
        assert_eq!(problem.location, "ligne 3, colonne 3");
        assert!(
            problem.message.contains("un nom de champ doit être un texte"),
            "{}",
            problem.message
        );

        let problem = only_problem(check_file(b"{} {}"));
        assert!(problem.message.contains("il reste du texte après la fin"), "{}", problem.message);

        let problem = only_problem(check_file(b"[1, ]"));
        assert!(problem.message.contains("virgule en trop"), "{}", problem.message);
    }

    #[test]
    fn refuses_other_json_files() {
        let problem = only_problem(check_file(b"[1, 2, 3]"));
        assert!(problem.message.starts_with("Ce fichier n’est pas un export d’Atelier CLS ("));
        let problem = only_problem(check_file(br#"{"name": "x"}"#));
        assert!(problem.message.contains("aucun type au lieu de « atelier-cls/contrat »"));
        let problem = only_problem(check_file(br#"{"type": "autre/chose"}"#));
        assert_eq!(
            problem.message,
            "Ce fichier n’est pas un export d’Atelier CLS (type « autre/chose » au lieu de « atelier-cls/contrat »)."
        );
    }

    #[test]
    fn schema_version_must_be_a_number() {
        let mut value = example_value();
        value.as_object_mut().unwrap().remove("schema_version");
        let problem = only_problem(check_value(&value));
        assert_eq!(problem.location, "schema_version");
        assert!(problem.message.contains("est absente"));
        value["schema_version"] = json!("1");
        let problem = only_problem(check_value(&value));
        assert!(problem.message.contains("pas le texte « 1 »"), "{}", problem.message);
    }

    #[test]
    fn refuses_a_file_from_a_newer_version() {
        let mut value = example_value();
        value["schema_version"] = json!(SCHEMA_VERSION + 1);
        let problem = only_problem(check_value(&value));
        assert_eq!(
            problem.message,
            MigrationError::FromTheFuture { version: SCHEMA_VERSION + 1 }.message_fr()
        );
        value["schema_version"] = json!(u64::MAX);
        assert!(check_value(&value).is_err());
    }

    #[test]
    fn migrates_an_older_file_or_says_why_not() {
        let mut value = example_value();
        value["schema_version"] = json!(0);
        let result = check_value(&value);
        if crate::model::migration::MIGRATIONS.iter().any(|m| m.from == 0) {
            assert_eq!(result.unwrap().migrated_from, Some(0));
        } else {
            let problem = only_problem(result);
            assert_eq!(problem.message, MigrationError::NoPath { version: 0 }.message_fr());
        }
    }

    #[test]
    fn an_unknown_field_deep_in_an_action_is_located() {
        let mut value = example_value();
        value["contract"]["sheets"][0]["actions"][0]["couleur"] = json!("rouge");
        let problem = only_problem(check_value(&value));
        assert!(
            problem.location.starts_with("contract.sheets[0].actions[0].couleur — ligne "),
            "{}",
            problem.location
        );
        assert!(problem.message.contains("Champ inconnu « couleur »"), "{}", problem.message);
    }

    #[test]
    fn several_unknown_fields_are_all_reported() {
        let mut value = example_value();
        value["contract"]["sheets"][7]["indicators"][0]["extra"] = json!(1);
        value["contract"]["axes"][0]["extra"] = json!(2);
        value["autre"] = json!(3);
        let problems = check_value(&value).unwrap_err();
        let paths: Vec<&str> =
            problems.iter().map(|p| p.location.split(" — ").next().unwrap()).collect();
        // In the order of the file (the test writes keys in alphabetical order).
        assert_eq!(
            paths,
            ["autre", "contract.axes[0].extra", "contract.sheets[7].indicators[0].extra"]
        );
    }

    #[test]
    fn a_missing_field_names_the_field_and_its_object() {
        let mut value = example_value();
        value["contract"]["sheets"][2]["lead"].as_object_mut().unwrap().remove("person");
        let problem = only_problem(check_value(&value));
        assert!(problem.location.starts_with("contract.sheets[2].lead — "), "{}", problem.location);
        assert_eq!(problem.message, "Champ obligatoire manquant « person ».");

        let mut value = example_value();
        value.as_object_mut().unwrap().remove("contract");
        let problem = only_problem(check_value(&value));
        assert_eq!(problem.message, "Champ obligatoire manquant « contract ».");
    }

    #[test]
    fn a_wrong_type_is_located_and_explained() {
        let mut value = example_value();
        value["contract"]["sheets"][0]["actions"][0]["start"] =
            json!({"year": 2025, "month": "mars"});
        let problem = only_problem(check_value(&value));
        assert!(
            problem.location.starts_with("contract.sheets[0].actions[0].start.month — "),
            "{}",
            problem.location
        );
        assert_eq!(
            problem.message,
            "Valeur du mauvais type : le texte \"mars\" au lieu d’un nombre entier entre 0 et 255."
        );

        let mut value = example_value();
        value["contract"]["period"]["first_year"] = json!(null);
        let problem = only_problem(check_value(&value));
        assert!(problem.location.starts_with("contract.period.first_year"), "{}", problem.location);
        assert!(problem.message.contains("une valeur vide (null) au lieu d’un nombre entier"));

        let mut value = example_value();
        value["contract"]["sheets"][3]["kind"] = json!("fantaisie");
        let problem = only_problem(check_value(&value));
        assert!(problem.location.starts_with("contract.sheets[3].kind"), "{}", problem.location);
        assert!(problem
            .message
            .starts_with("Valeur inconnue « fantaisie » (valeurs possibles : thematic"));

        let mut value = example_value();
        value["contract"]["organisations"][1]["id"] = json!("pas-un-uuid");
        let problem = only_problem(check_value(&value));
        assert!(
            problem.location.starts_with("contract.organisations[1].id"),
            "{}",
            problem.location
        );
        assert!(problem.message.starts_with("Identifiant invalide"), "{}", problem.message);
    }

    #[test]
    fn duplicated_ids_are_reported_with_both_paths() {
        let mut value = example_value();
        let id = value["contract"]["sheets"][0]["id"].clone();
        value["contract"]["sheets"][1]["actions"][0]["id"] = id.clone();
        let problem = only_problem(check_value(&value));
        assert_eq!(problem.location, "contract.sheets[1].actions[0].id");
        assert_eq!(
            problem.message,
            format!(
                "L’identifiant {} apparaît plusieurs fois (contract.sheets[0].id et contract.sheets[1].actions[0].id).",
                id.as_str().unwrap()
            )
        );
    }

    #[test]
    fn problems_are_capped() {
        let mut value = example_value();
        let id = value["contract"]["id"].clone();
        for sheet in value["contract"]["sheets"].as_array_mut().unwrap() {
            sheet["id"] = id.clone();
            for action in sheet["actions"].as_array_mut().unwrap() {
                action["id"] = id.clone();
            }
        }
        assert_eq!(check_value(&value).unwrap_err().len(), MAX_PROBLEMS);
    }

    #[test]
    fn paths_follow_nesting() {
        let text = r#"{"a": [1, {"b": [ {"c": 1}, {"d": "x"} ]}], "e": {"f": 2}}"#;
        let at = |needle: &str| text.find(needle).unwrap() + needle.len();
        assert_eq!(render_path(&path_at(text, at("\"x\""))), "a[1].b[1].d");
        assert_eq!(render_path(&path_at(text, at("\"c\""))), "a[1].b[0].c");
        assert_eq!(render_path(&path_at(text, at("\"x\"}"))), "a[1].b[1]");
        assert_eq!(render_path(&path_at(text, at("2"))), "e.f");
        assert_eq!(render_path(&path_at(text, at("2}"))), "e");
        assert_eq!(render_path(&path_at(text, at("[1"))), "a[0]");
    }

    /// One random edit of the text of a file.
    #[derive(Debug, Clone)]
    enum Edit {
        Delete(prop::sample::Index, usize),
        Insert(prop::sample::Index, String),
        Swap(prop::sample::Index, prop::sample::Index, usize),
        Truncate(prop::sample::Index),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        let index = any::<prop::sample::Index>();
        prop_oneof![
            3 => (index.clone(), 1usize..40).prop_map(|(at, len)| Edit::Delete(at, len)),
            3 => (index.clone(), "[\\{\\}\\[\\]\":,0-9a-zé\\\\ \n-]{1,6}").prop_map(|(at, s)| Edit::Insert(at, s)),
            2 => (index.clone(), index.clone(), 1usize..30).prop_map(|(a, b, len)| Edit::Swap(a, b, len)),
            1 => index.prop_map(Edit::Truncate),
        ]
    }

    fn apply(bytes: &mut Vec<u8>, edit: &Edit) {
        let len = bytes.len();
        if len == 0 {
            return;
        }
        match edit {
            Edit::Delete(at, n) => {
                let start = at.index(len);
                bytes.drain(start..(start + n).min(len));
            }
            Edit::Insert(at, text) => {
                let at = at.index(len + 1);
                bytes.splice(at..at, text.bytes());
            }
            Edit::Swap(a, b, n) => {
                let (a, b) = (a.index(len), b.index(len));
                let (a, b) = (a.min(b), a.max(b));
                let n = (*n).min(b - a).min(len - b);
                let first = bytes[a..a + n].to_vec();
                let second = bytes[b..b + n].to_vec();
                bytes[a..a + n].copy_from_slice(&second);
                bytes[b..b + n].copy_from_slice(&first);
            }
            Edit::Truncate(at) => bytes.truncate(at.index(len)),
        }
    }

    fn runner(cases: u32) -> TestRunner {
        TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() })
    }

    #[test]
    fn never_panics_on_arbitrary_bytes() {
        let tried = std::cell::Cell::new(0usize);
        let mut runner = runner(3000);
        let result = runner.run(&proptest::collection::vec(any::<u8>(), 0..2000), |bytes| {
            tried.set(tried.get() + 1);
            if let Err(problems) = check_file(&bytes) {
                prop_assert!(!problems.is_empty() && problems.len() <= MAX_PROBLEMS);
            }
            Ok(())
        });
        eprintln!("import fuzz: {} inputs", tried.get());
        result.unwrap();
    }

    #[test]
    fn never_panics_on_mangled_json() {
        let text = rich_envelope().to_pretty_json();
        let tried = std::cell::Cell::new(0usize);
        let oks = std::cell::Cell::new(0usize);
        let mut runner = runner(1000);
        let result = runner.run(&proptest::collection::vec(edit(), 1..4), |edits| {
            tried.set(tried.get() + 1);
            let mut bytes = text.clone().into_bytes();
            for e in &edits {
                apply(&mut bytes, e);
            }
            match check_file(&bytes) {
                Ok(checked) => {
                    oks.set(oks.get() + 1);
                    let again = check_file(checked.envelope.to_pretty_json().as_bytes());
                    prop_assert_eq!(again.map(|c| c.envelope), Ok(checked.envelope));
                }
                Err(problems) => {
                    prop_assert!(!problems.is_empty() && problems.len() <= MAX_PROBLEMS);
                    for p in &problems {
                        prop_assert!(!p.location.is_empty() && !p.message.is_empty());
                    }
                }
            }
            Ok(())
        });
        eprintln!("import mangled: {} inputs, {} accepted", tried.get(), oks.get());
        result.unwrap();
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 8, failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn export_then_check_returns_the_same_contract(at in "2[0-9]{3}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z", by in "\\PC{0,30}") {
            let envelope = Envelope::new(example_contract(), at, by);
            let checked = check_file(envelope.to_pretty_json().as_bytes()).unwrap();
            prop_assert_eq!(&checked.envelope.contract, &example_contract());
            prop_assert_eq!(checked.envelope, envelope);
        }
    }
}
