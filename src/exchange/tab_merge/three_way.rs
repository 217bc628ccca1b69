//! The three-way merge of two JSON versions of the same thing against the version both started
//! from, field by field and, in lists of entities, item by item (matched by id, or by year for
//! yearly entries, as `diff` matches them).
//!
//! A side that left a value as it was in the base takes the other side's; two sides that
//! changed it differently are a conflict, settled by the time stamps of the nearest enclosing
//! entity (`modified_at`): the most recent wins, and the conflict is noted with both values so
//! that the tab that lost its text can be told and get it back. An item deleted on one side
//! and changed on the other is kept: a change is never lost to a deletion. Values that are one
//! thing to a person (a month and year, a list of names) are merged whole, never half of each.

use super::Step;
use crate::versions::diff::{is_year_month, key_of};
use serde_json::{Map, Value};
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

/// The field holding an entity's modification time.
const STAMP: &str = "modified_at";

/// The time stamps of the nearest entity enclosing what is being merged, on each side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stamps {
    pub ours: i64,
    pub theirs: i64,
}

/// A value both sides changed differently.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub path: Vec<Step>,
    /// `None` where the field is absent on that side.
    pub ours: Option<Value>,
    pub theirs: Option<Value>,
    pub ours_won: bool,
}

/// A merge in progress: the conflicts met so far.
#[derive(Default)]
pub struct Merger {
    pub conflicts: Vec<Conflict>,
    path: Vec<Step>,
}

impl Merger {
    /// Merges `ours` and `theirs` (`None`: absent) against `base`.
    pub fn merge(
        &mut self,
        base: Option<&Value>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
        stamps: Stamps,
    ) -> Option<Value> {
        if ours == theirs || base == theirs {
            return ours.cloned();
        }
        if base == ours {
            return theirs.cloned();
        }
        match (ours, theirs) {
            (Some(o @ Value::Object(om)), Some(t @ Value::Object(tm)))
                if !is_year_month(o) && !is_year_month(t) =>
            {
                let base = base.and_then(Value::as_object);
                Some(Value::Object(self.merge_objects(base, om, tm, stamps)))
            }
            (Some(Value::Array(o)), Some(Value::Array(t))) => {
                let base = base.and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
                if keyed(&[base, o, t]) {
                    Some(Value::Array(self.merge_lists(base, o, t, stamps)))
                } else {
                    self.conflict(ours, theirs, stamps)
                }
            }
            _ => self.conflict(ours, theirs, stamps),
        }
    }

    /// Field by field, in the order of ours (then fields only theirs has). An object with a
    /// time stamp on both sides gives its own stamps to what it holds; its merged stamp is
    /// the later of the two.
    fn merge_objects(
        &mut self,
        base: Option<&Map<String, Value>>,
        ours: &Map<String, Value>,
        theirs: &Map<String, Value>,
        stamps: Stamps,
    ) -> Map<String, Value> {
        let stamp = |object: &Map<String, Value>| object.get(STAMP).and_then(Value::as_i64);
        let stamps = match (stamp(ours), stamp(theirs)) {
            (Some(ours), Some(theirs)) => Stamps { ours, theirs },
            _ => stamps,
        };
        let keys = ours.keys().chain(theirs.keys().filter(|k| !ours.contains_key(*k)));
        let mut merged = Map::new();
        for key in keys {
            let (o, t) = (ours.get(key), theirs.get(key));
            let value = if key == STAMP {
                later(o, t).cloned()
            } else {
                self.path.push(Step::Field(key.clone()));
                let value = self.merge(base.and_then(|b| b.get(key)), o, t, stamps);
                self.path.pop();
                value
            };
            if let Some(value) = value {
                merged.insert(key.clone(), value);
            }
        }
        merged
    }

    /// Item by item, matched by key. An item one side deleted is gone unless the other changed
    /// it; an item one side added is in. The order is ours, unless only theirs was reordered;
    /// an item only the other side has goes after the item it follows there.
    fn merge_lists(
        &mut self,
        base: &[Value],
        ours: &[Value],
        theirs: &[Value],
        stamps: Stamps,
    ) -> Vec<Value> {
        let by_key = |list: &[Value]| -> HashMap<String, usize> {
            let mut keys = HashMap::new();
            for (i, item) in list.iter().enumerate() {
                keys.entry(key_of(item).unwrap_or_default()).or_insert(i);
            }
            keys
        };
        let (in_base, in_ours, in_theirs) = (by_key(base), by_key(ours), by_key(theirs));
        let ours_reordered = order_changed(base, &in_base, ours, &in_ours);
        let (skeleton, other) =
            if ours_reordered || !order_changed(base, &in_base, theirs, &in_theirs) {
                (ours, theirs)
            } else {
                (theirs, ours)
            };
        let mut merged: Vec<(String, Value)> = Vec::new();
        let mut done = HashSet::new();
        let survivor = |this: &mut Self, key: &String| -> Option<Value> {
            let b = find(base, &in_base, key);
            let (o, t) = (find(ours, &in_ours, key), find(theirs, &in_theirs, key));
            match (o, t) {
                (Some(_), Some(_)) => {
                    this.path.push(Step::Item(key.clone()));
                    let value = this.merge(b, o, t, stamps);
                    this.path.pop();
                    value
                }
                (Some(one), None) | (None, Some(one)) => (b != Some(one)).then(|| one.clone()),
                (None, None) => None,
            }
        };
        for item in skeleton {
            let key = key_of(item).unwrap_or_default();
            if done.insert(key.clone()) {
                if let Some(value) = survivor(self, &key) {
                    merged.push((key, value));
                }
            }
        }
        for (at, item) in other.iter().enumerate() {
            let key = key_of(item).unwrap_or_default();
            if !done.insert(key.clone()) {
                continue;
            }
            let Some(value) = survivor(self, &key) else { continue };
            let position = |wanted: &Value| {
                let wanted = key_of(wanted).unwrap_or_default();
                merged.iter().position(|(k, _)| *k == wanted)
            };
            let index = other[..at]
                .iter()
                .rev()
                .find_map(position)
                .map(|i| i + 1)
                .or_else(|| other[at + 1..].iter().find_map(position))
                .unwrap_or(merged.len());
            merged.insert(index, (key, value));
        }
        merged.into_iter().map(|(_, value)| value).collect()
    }

    /// Both sides changed the same value: the most recent edit wins. Equal times (or none)
    /// are settled by the values themselves, so that two tabs settling the same conflict each
    /// on its own come to the same result.
    fn conflict(
        &mut self,
        ours: Option<&Value>,
        theirs: Option<&Value>,
        stamps: Stamps,
    ) -> Option<Value> {
        let ours_won = match stamps.ours.cmp(&stamps.theirs) {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => text(ours) > text(theirs),
        };
        self.conflicts.push(Conflict {
            path: self.path.clone(),
            ours: ours.cloned(),
            theirs: theirs.cloned(),
            ours_won,
        });
        if ours_won {
            ours.cloned()
        } else {
            theirs.cloned()
        }
    }
}

/// The later of two time stamps.
fn later<'a>(ours: Option<&'a Value>, theirs: Option<&'a Value>) -> Option<&'a Value> {
    match (ours, theirs) {
        (Some(o), Some(t)) if t.as_i64() > o.as_i64() => Some(t),
        (Some(o), _) => Some(o),
        (None, t) => t,
    }
}

fn find<'a>(list: &'a [Value], keys: &HashMap<String, usize>, key: &str) -> Option<&'a Value> {
    keys.get(key).map(|&i| &list[i])
}

fn text(value: Option<&Value>) -> String {
    value.map(Value::to_string).unwrap_or_default()
}

/// Lists merged item by item: there is at least one item, every item has a key (an id or a
/// year) and no list has a key twice (only a hand-made file could; it is then merged whole).
fn keyed(lists: &[&[Value]]) -> bool {
    lists.iter().any(|list| !list.is_empty())
        && lists.iter().all(|list| {
            let mut seen = HashSet::new();
            list.iter()
                .all(|item| item.is_object() && key_of(item).is_some_and(|key| seen.insert(key)))
        })
}

/// Whether the items a list kept from the base are no longer in the base's order.
fn order_changed(
    base: &[Value],
    in_base: &HashMap<String, usize>,
    list: &[Value],
    in_list: &HashMap<String, usize>,
) -> bool {
    let kept = |from: &[Value], other: &HashMap<String, usize>| -> Vec<String> {
        from.iter().filter_map(key_of).filter(|key| other.contains_key(key)).collect()
    };
    kept(base, in_list) != kept(list, in_base)
}
