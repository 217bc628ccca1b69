//! The JSON Schema (draft 2020-12) of the exchange file, generated from the model types with
//! schemars, so that it cannot drift from what the app writes and reads: the serde attributes
//! (`deny_unknown_fields`, `snake_case` keys, the `type` field) become `additionalProperties:
//! false`, enums and property names, and the doc comments become descriptions.
//!
//! It is for partners who check or produce files with their own tools. The app itself never
//! reads it (import relies on serde, see `import`), so it is native only and schemars stays out
//! of the wasm app. The generated text is committed as `schema/cls.schema.json` (a test fails
//! when it is not what the model generates) and published in the built site at the same path.
//!
//! No `$id`: the site can be deployed on any host, in any sub-folder, so the schema has no one
//! address to claim, and every reference in it is internal (`#/$defs/...`).

use super::Envelope;
use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::Schema;
use serde_json::Value;

/// The command that rewrites the committed schema after a change to the model.
pub const REGENERATE: &str = "cargo run --bin schema > schema/cls.schema.json";

const TITLE: &str = "Atelier CLS — fichier d’échange";

/// The schema of an exchange file, as a JSON value.
pub fn exchange_schema() -> Value {
    let mut schema = SchemaSettings::draft2020_12()
        .with_transform(RecursiveTransform(unwrap_description))
        .into_generator()
        .into_root_schema_for::<Envelope>();
    schema.insert("title".into(), TITLE.into());
    schema.to_value()
}

/// The schema as committed: pretty-printed (two spaces), with a final newline.
pub fn exchange_schema_file() -> String {
    let text =
        serde_json::to_string_pretty(&exchange_schema()).expect("a schema always serialises");
    format!("{text}\n")
}

/// Doc comments are wrapped at 100 columns; the schema's readers (an editor's tooltip, a
/// partner's tool) want whole sentences, so line breaks inside a paragraph become spaces.
fn unwrap_description(schema: &mut Schema) {
    if let Some(Value::String(text)) = schema.get_mut("description") {
        let paragraphs: Vec<String> = text.split("\n\n").map(|p| p.replace('\n', " ")).collect();
        *text = paragraphs.join("\n\n");
    }
}

