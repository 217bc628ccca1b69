//! One serde path for the whole model. Every serde call is generic over its serializer or
//! deserializer, so each distinct path (text, `serde_json::Value`, pretty text) compiles the
//! model's whole serde code once more into the wasm. Here the model is only ever written as
//! compact JSON text and read from JSON text; working on a `Value` goes through text, and
//! pretty output re-indents the compact text (bench/SIZE.md has what this saved).

use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;

/// Compact JSON text: the one serializer the model is compiled for.
pub fn to_text<T: Serialize + ?Sized>(item: &T) -> serde_json::Result<String> {
    serde_json::to_string(item)
}

/// Reads JSON text: the one deserializer the model is compiled for.
pub fn from_text<T: DeserializeOwned>(text: &str) -> serde_json::Result<T> {
    serde_json::from_str(text)
}

/// `item` as a JSON tree, through text (instead of `serde_json::to_value`).
pub fn to_tree<T: Serialize + ?Sized>(item: &T) -> serde_json::Result<Value> {
    serde_json::from_str(&to_text(item)?)
}

/// A JSON tree read into a model type, through text (instead of `serde_json::from_value`).
pub fn from_tree<T: DeserializeOwned>(tree: &Value) -> serde_json::Result<T> {
    from_text(&tree.to_string())
}

/// Above this size (compact), a file is written compact: indentation more than doubles a large
/// contract, and the file must stay well within what the import takes
/// (`exchange::import::MAX_FILE_BYTES`).
pub const PRETTY_UP_TO: usize = 4 * 1024 * 1024;

/// The text of an exported file: pretty (readable, and a diff between two exports shows what
/// changed) up to `PRETTY_UP_TO` bytes of compact JSON, compact beyond.
pub fn to_file_text<T: Serialize + ?Sized>(item: &T) -> serde_json::Result<String> {
    let compact = to_text(item)?;
    if compact.len() > PRETTY_UP_TO {
        return Ok(compact);
    }
    reindent(&compact)
}

/// Pretty JSON of `item` (two-space indent), keys in the order the types declare them: the
/// compact text re-indented, so that no second serializer is compiled for the model.
pub fn to_pretty_text<T: Serialize + ?Sized>(item: &T) -> serde_json::Result<String> {
    reindent(&to_text(item)?)
}

/// Compact JSON text re-indented.
fn reindent(compact: &str) -> serde_json::Result<String> {
    let mut pretty = Vec::with_capacity(compact.len() * 2);
    let mut reader = serde_json::Deserializer::from_str(compact);
    let mut writer = serde_json::Serializer::pretty(&mut pretty);
    serde_transcode::transcode(&mut reader, &mut writer)?;
    Ok(String::from_utf8(pretty).expect("serde_json writes UTF-8"))
}
