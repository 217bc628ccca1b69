//! serde's shape errors (unknown or missing field, wrong kind of value, unknown variant) and
//! JSON values, described in plain French for the person importing the file.

use crate::model::text::shorten;
use crate::model::year_month::REFUSED_VALUE;
use serde_json::Value;

/// How much of a text found in the file a message quotes.
const QUOTED: usize = 40;

pub(super) fn describe_value(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("le booléen {b}"),
        Value::Number(n) => format!("le nombre {n}"),
        Value::String(s) => format!("le texte « {} »", shorten(s, QUOTED)),
        Value::Array(_) => "une liste".into(),
        Value::Object(_) => "un objet".into(),
    }
}

/// The text between the first pair of backquotes: "unknown field `foo`, …" gives "foo".
pub(super) fn quoted(raw: &str) -> Option<&str> {
    let start = raw.find('`')? + 1;
    let len = raw[start..].find('`')?;
    Some(&raw[start..start + len])
}

pub(super) fn translate_shape(raw: &str) -> String {
    if let Some(at) = raw.find(REFUSED_VALUE) {
        // The model's own French (a month outside 1-12), without serde's position suffix.
        let message = &raw[at + REFUSED_VALUE.len()..];
        let message = message.split(" at line ").next().unwrap_or(message);
        return upper_first(message);
    }
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

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// serde's "unexpected" part: `string "x"`, `integer `5``, `map`, …
pub(super) fn translate_found(found: &str) -> String {
    if let Some(text) = found.strip_prefix("string ") {
        return format!("le texte {}", shorten(text, QUOTED));
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
pub(super) fn translate_expected(expected: &str) -> String {
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
