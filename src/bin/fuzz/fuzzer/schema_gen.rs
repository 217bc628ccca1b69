//! Values built from the exchange format's JSON Schema (`schema/cls.schema.json`, generated from
//! the Rust types), so that every field of every type is reached without describing the model
//! a second time: objects with their required fields and some optional ones, closed lists'
//! keys, references from a small pool of ids (so that they sometimes resolve) and entities' own
//! ids now and then from it too (so that ids sometimes repeat),
//! integers inside and at the edges of their format. With `wrongness` n, about one value in n
//! breaks the schema: a value of the wrong kind, a required field left out, an unknown field.

use super::rng::Rng;
use super::strings;
use serde_json::{Map, Value};

const SCHEMA: &str = include_str!("../../../../schema/cls.schema.json");

/// Lists are left empty and optional fields out below this depth.
const MAX_DEPTH: usize = 7;

pub struct Schema {
    root: Value,
}

impl Schema {
    pub fn load() -> Self {
        Schema { root: serde_json::from_str(SCHEMA).expect("schema/cls.schema.json is JSON") }
    }

    /// An exchange file (its tree), with one value in `wrongness` broken (never when 0).
    pub fn envelope(&self, wrongness: usize, rng: &mut Rng) -> Value {
        let mut generator = Generator { schema: self, wrongness, rng };
        let mut tree = generator.value(&self.root, 0);
        // The schema describes today's format: the file says so, most of the time (an older
        // number would send today's shape through the migrations, and fail there).
        if let Some(fields) = tree.as_object_mut().filter(|_| !rng.one_in(4)) {
            fields.insert("schema_version".into(), atelier_cls::model::SCHEMA_VERSION.into());
        }
        tree
    }
}

struct Generator<'a> {
    schema: &'a Schema,
    wrongness: usize,
    rng: &'a mut Rng,
}

impl Generator<'_> {
    fn breaks(&mut self) -> bool {
        self.wrongness > 0 && self.rng.one_in(self.wrongness)
    }

    fn value(&mut self, node: &Value, depth: usize) -> Value {
        if self.breaks() {
            return super::tree::random_value(self.rng, 1);
        }
        if let Some(reference) = node.get("$ref").and_then(Value::as_str) {
            let name = reference.trim_start_matches("#/$defs/");
            let definition = &self.schema.root["$defs"][name];
            return self.value(definition, depth);
        }
        if let Some(constant) = node.get("const") {
            return constant.clone();
        }
        if let Some(Value::Array(keys)) = node.get("enum") {
            return self.rng.pick(keys).clone();
        }
        if let Some(Value::Array(choices)) = node.get("anyOf").or_else(|| node.get("oneOf")) {
            let choice = self.rng.pick(choices);
            return self.value(choice, depth);
        }
        let kind = match node.get("type") {
            Some(Value::String(kind)) => kind.as_str(),
            Some(Value::Array(kinds)) => self.rng.pick(kinds).as_str().unwrap_or("null"),
            _ => "null",
        };
        match kind {
            "object" => self.object(node, depth),
            "array" => {
                let count = if depth >= MAX_DEPTH { 0 } else { self.rng.small(3) };
                let items = node.get("items").unwrap_or(&Value::Null);
                Value::Array((0..count).map(|_| self.value(items, depth + 1)).collect())
            }
            "string" if node.get("format").and_then(Value::as_str) == Some("uuid") => {
                Value::String(strings::id(self.rng))
            }
            // Dates (the schema's only pattern): empty, or a day that exists.
            "string" if node.get("pattern").is_some() => Value::String(if self.rng.one_in(4) {
                String::new()
            } else {
                let (year, month) = (2022 + self.rng.below(9), 1 + self.rng.below(12));
                format!("{year:04}-{month:02}-{:02}", 1 + self.rng.below(28))
            }),
            "string" => Value::String(if self.rng.one_in(3) {
                strings::text(self.rng)
            } else {
                "Texte".to_string()
            }),
            "integer" => self.integer(node),
            "boolean" => Value::Bool(self.rng.one_in(2)),
            _ => Value::Null,
        }
    }

    fn object(&mut self, node: &Value, depth: usize) -> Value {
        let required: Vec<&str> = match node.get("required") {
            Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        let mut object = Map::new();
        if let Some(Value::Object(properties)) = node.get("properties") {
            for (name, property) in properties {
                let wanted = if required.contains(&name.as_str()) {
                    !self.breaks()
                } else {
                    depth < MAX_DEPTH && self.rng.one_in(2)
                };
                if wanted {
                    let value = if name == "id" && !self.breaks() {
                        Value::String(strings::own_id(self.rng))
                    } else {
                        self.value(property, depth + 1)
                    };
                    object.insert(name.clone(), value);
                }
            }
        }
        if self.breaks() {
            object.insert(strings::text(self.rng), Value::Null);
        }
        Value::Object(object)
    }

    /// Most often a value of the field's everyday range (a year of the period, a month), else
    /// one from the edges of its integer type, which serde may still accept.
    fn integer(&mut self, node: &Value) -> Value {
        if self.rng.one_in(4) {
            return strings::boundary_number(self.rng);
        }
        match node.get("format").and_then(Value::as_str) {
            Some("uint8") => Value::from(1 + self.rng.below(12)),
            Some("int32") => Value::from(2022 + self.rng.below(9)),
            Some("uint32") => Value::from(self.rng.below(4)),
            Some("int64") => Value::from(1_700_000_000_000_i64 + self.rng.below(1000) as i64),
            _ => Value::from(self.rng.below(100_000)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use atelier_cls::exchange::import::check_file;

    #[test]
    fn unbroken_values_are_often_accepted() {
        let schema = Schema::load();
        let mut rng = Rng::new(2);
        let accepted = (0..200)
            .filter(|_| {
                let tree = schema.envelope(0, &mut rng);
                check_file(tree.to_string().as_bytes()).is_ok()
            })
            .count();
        assert!(accepted > 10, "only {accepted} of 200 schema values accepted");
    }
}
