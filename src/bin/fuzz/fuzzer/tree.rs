//! Mutations of a parsed JSON tree (`serde_json::Value`), for inputs that stay valid JSON but
//! break the format: a value of the wrong kind, a field taken out, renamed or added, a list
//! emptied, an item doubled (its id with it) or moved somewhere else, a string or a number
//! from the edges, a subtree nested deep. The node to change is found by a random walk from
//! the root, so shallow nodes (the envelope, the contract) are hit as often as deep ones.

use super::rng::Rng;
use super::strings;
use serde_json::{Map, Value};

/// Applies `edits` random mutations to `tree`; `donor` is another tree to take subtrees from.
pub fn mutate(tree: &mut Value, edits: usize, donor: &Value, rng: &mut Rng) {
    for _ in 0..edits {
        let graft = random_node(donor, rng).clone();
        let node = walk(tree, rng);
        change(node, graft, rng);
    }
}

/// A node found by a random walk: at each object or array, stop there once in four.
fn walk<'a>(tree: &'a mut Value, rng: &mut Rng) -> &'a mut Value {
    let len = match &*tree {
        Value::Object(map) => map.len(),
        Value::Array(items) => items.len(),
        _ => 0,
    };
    if len == 0 || rng.one_in(4) {
        return tree;
    }
    let child = rng.below(len);
    match tree {
        Value::Object(map) => walk(map.values_mut().nth(child).expect("a child"), rng),
        Value::Array(items) => walk(&mut items[child], rng),
        _ => unreachable!("only objects and arrays have children"),
    }
}

/// A node of `tree` for grafting, found the same way but never the root nor its children
/// (copying a whole contract for each edit would cost more than the rest of the input).
fn random_node<'a>(tree: &'a Value, rng: &mut Rng) -> &'a Value {
    let mut node = tree;
    let mut depth = 0;
    loop {
        let len = match node {
            Value::Object(map) => map.len(),
            Value::Array(items) => items.len(),
            _ => 0,
        };
        if len == 0 || (depth >= 2 && rng.one_in(3)) {
            return node;
        }
        let child = rng.below(len);
        node = match node {
            Value::Object(map) => map.values().nth(child).expect("a child"),
            Value::Array(items) => &items[child],
            _ => unreachable!("only objects and arrays have children"),
        };
        depth += 1;
    }
}

fn change(node: &mut Value, graft: Value, rng: &mut Rng) {
    match rng.below(10) {
        0 => *node = random_value(rng, 3),
        1 => *node = graft,
        2 => *node = nested(rng.below(200), rng),
        _ => match node {
            Value::Object(map) => change_object(map, graft, rng),
            Value::Array(items) => change_array(items, graft, rng),
            Value::String(text) => *text = changed_text(text, rng),
            Value::Number(_) => *node = strings::boundary_number(rng),
            Value::Bool(flag) => *flag = !*flag,
            Value::Null => *node = random_value(rng, 1),
        },
    }
}

fn change_object(map: &mut Map<String, Value>, graft: Value, rng: &mut Rng) {
    let key = map.keys().nth(rng.below(map.len())).cloned();
    match (rng.below(5), key) {
        (0, Some(key)) => {
            map.remove(&key);
        }
        (1, Some(key)) => {
            let value = map.remove(&key).unwrap_or_default();
            let renamed = match rng.below(3) {
                0 => key.to_uppercase(),
                1 => format!("{key}_"),
                _ => key.chars().skip(1).collect(),
            };
            map.insert(renamed, value);
        }
        (2, Some(key)) => {
            map.insert(key, random_value(rng, 2));
        }
        (3, _) => {
            map.insert(strings::text(rng), graft);
        }
        _ => {
            map.clear();
        }
    }
}

fn change_array(items: &mut Vec<Value>, graft: Value, rng: &mut Rng) {
    let len = items.len();
    match rng.below(6) {
        0 if len > 0 => {
            items.remove(rng.below(len));
        }
        // The same item twice: its id (and those inside it) become duplicated.
        1 if len > 0 => {
            let copy = items[rng.below(len)].clone();
            items.insert(rng.below(len + 1), copy);
        }
        2 if len > 1 => items.swap(rng.below(len), rng.below(len)),
        3 => items.clear(),
        4 => items.insert(rng.below(len + 1), graft),
        _ => items.push(random_value(rng, 2)),
    }
}

fn changed_text(text: &str, rng: &mut Rng) -> String {
    match rng.below(5) {
        0 => format!("{text}{}", strings::text(rng)),
        1 => strings::id(rng),
        // A prefix cut on a character boundary: the text shrinks, never becomes invalid.
        2 => text.chars().take(rng.below(text.chars().count() + 1)).collect(),
        _ => strings::text(rng),
    }
}

/// Arrays or objects nested `depth` deep around a small value.
pub fn nested(depth: usize, rng: &mut Rng) -> Value {
    let mut value = random_value(rng, 0);
    let in_objects = rng.one_in(2);
    for _ in 0..depth {
        value = if in_objects {
            Value::Object(Map::from_iter([("id".to_string(), value)]))
        } else {
            Value::Array(vec![value])
        };
    }
    value
}

/// Any JSON value, at most `depth` levels of objects and arrays.
pub fn random_value(rng: &mut Rng, depth: usize) -> Value {
    match rng.below(if depth == 0 { 5 } else { 7 }) {
        0 => Value::Null,
        1 => Value::Bool(rng.one_in(2)),
        2 => strings::boundary_number(rng),
        3 => Value::String(strings::text(rng)),
        4 => Value::String(strings::id(rng)),
        5 => Value::Array((0..rng.small(4)).map(|_| random_value(rng, depth - 1)).collect()),
        _ => Value::Object(
            (0..rng.small(4)).map(|_| (strings::text(rng), random_value(rng, depth - 1))).collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn mutations_change_trees_without_failing() {
        let mut rng = Rng::new(11);
        let donor = json!({"d": [1, {"e": "f"}]});
        let mut changed = 0;
        for _ in 0..2000 {
            let mut tree = json!({"a": [1, 2, {"b": "c", "n": null}], "t": true});
            let before = tree.clone();
            mutate(&mut tree, 1 + rng.small(4), &donor, &mut rng);
            changed += usize::from(tree != before);
        }
        assert!(changed > 1500, "only {changed} trees of 2000 changed");
    }
}
