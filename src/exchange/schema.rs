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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::import::check_file;
    use crate::exchange::ENVELOPE_TYPE;
    use crate::model::planning::generated_contract;
    use jsonschema::Validator;
    use serde_json::json;
    use std::path::Path;

    fn root() -> &'static Path {
        Path::new(env!("CARGO_MANIFEST_DIR"))
    }

    /// Formats are checked too (`uuid` for ids), not only taken as annotations.
    fn validator() -> Validator {
        jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&exchange_schema())
            .expect("the generated schema compiles")
    }

    fn errors(validator: &Validator, file: &Value) -> Vec<String> {
        validator.iter_errors(file).map(|e| format!("{}: {e}", e.instance_path())).collect()
    }

    /// A valid file, to be spoiled by the tests of refusals.
    fn valid_file() -> Value {
        let envelope = Envelope::new(
            generated_contract(3, 2),
            "2025-01-31T12:00:00Z".into(),
            "Ville de Test".into(),
        );
        serde_json::from_str(&envelope.to_pretty_json()).unwrap()
    }

    #[test]
    fn committed_schema_is_up_to_date() {
        let committed =
            std::fs::read_to_string(root().join("schema/cls.schema.json")).unwrap_or_default();
        assert!(
            committed == exchange_schema_file(),
            "schema/cls.schema.json is not the schema of the current model: regenerate it with \
             `{REGENERATE}`"
        );
    }

    #[test]
    fn schema_is_a_valid_draft_2020_12_schema() {
        let schema = exchange_schema();
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(schema["title"], TITLE);
        jsonschema::meta::validate(&schema).expect("valid against the 2020-12 meta-schema");
    }

    #[test]
    fn schema_states_the_envelope() {
        let schema = exchange_schema();
        assert_eq!(schema["properties"]["type"]["const"], ENVELOPE_TYPE);
        assert_eq!(schema["properties"]["schema_version"]["type"], "integer");
        assert_eq!(schema["additionalProperties"], false);
        let required = schema["required"].as_array().unwrap();
        for field in
            ["type", "schema_version", "app_version", "exported_at", "exported_by", "contract"]
        {
            assert!(required.contains(&json!(field)), "{field} is required");
        }
    }

    #[test]
    fn every_example_file_is_valid() {
        let validator = validator();
        let mut seen = 0;
        for entry in std::fs::read_dir(root().join("examples")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let file: Value =
                    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                assert_eq!(errors(&validator, &file), Vec::<String>::new(), "{}", path.display());
                seen += 1;
            }
        }
        assert!(seen > 0, "examples/ holds at least one file");
    }

    #[test]
    fn an_exported_file_is_valid() {
        assert_eq!(errors(&validator(), &valid_file()), Vec::<String>::new());
    }

    /// A change that makes a valid file invalid.
    type Spoil = fn(&mut Value);

    /// Each spoiled file is refused by the schema, and by the import checks too: the schema says
    /// no more and no less than the app on these points.
    #[test]
    fn spoiled_files_are_refused() {
        let validator = validator();
        let spoilers: [(&str, Spoil); 9] = [
            ("unknown field at the top", |f| f["comment"] = json!("en plus")),
            ("unknown field in a sheet", |f| f["contract"]["sheets"][0]["colour"] = json!("red")),
            ("another type marker", |f| f["type"] = json!("excalidraw")),
            ("schema version as text", |f| f["schema_version"] = json!("1")),
            ("schema version not whole", |f| f["schema_version"] = json!(1.5)),
            ("no contract", |f| drop(f.as_object_mut().unwrap().remove("contract"))),
            ("unknown status", |f| f["contract"]["sheets"][0]["priority"] = json!("urgent")),
            ("month as text", |f| {
                f["contract"]["sheets"][0]["actions"][0]["start"]["month"] = json!("mars")
            }),
            ("id not a uuid", |f| f["contract"]["id"] = json!("pas-un-uuid")),
        ];
        for (what, spoil) in spoilers {
            let mut file = valid_file();
            spoil(&mut file);
            assert!(!validator.is_valid(&file), "the schema accepts a file with {what}");
            let bytes = serde_json::to_vec(&file).unwrap();
            assert!(check_file(&bytes).is_err(), "the import accepts a file with {what}");
        }
    }
}
