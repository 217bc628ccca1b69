//! What a tab lost to a more recent edit made in another tab: where it was, in French (« le
//! champ « Intitulé » de la fiche n°3 »), the text it had, and how to put it back.
//!
//! A replacement travels between tabs (the tab whose edit won tells the one whose edit lost,
//! through local storage), so it is plain data: the contract's id, the path of the field in
//! the contract's JSON, and the lost value itself.

use crate::model::numbering::Numbering;
use crate::model::text::shorten;
use crate::model::{json, Contract, Id, Timestamp, Workspace};
use crate::versions::diff::{field_label, key_of, show, Vocabulary};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One step of a path in a contract's JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    /// A field of an object.
    Field(String),
    /// The item of a list with this key (`diff::key_of`: its id, or its year, as JSON).
    Item(String),
}

/// A value of this tab replaced by the other tab's more recent one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Replacement {
    pub contract: Id,
    /// Where the value sits in the contract's JSON.
    pub path: Vec<Step>,
    /// The field as the forms name it: « Intitulé », « Pilote › Personne ».
    pub field: String,
    /// What holds it, ready to follow the field's name: « de la fiche n°3 », « du contrat ».
    pub place: String,
    /// The value replaced (`None`: the field was absent), to put it back.
    pub lost: Option<Value>,
    /// The same as a person reads it (names rather than ids, French labels).
    pub lost_text: String,
}

/// How much of a lost text the message quotes; « Rétablir mon texte » puts back all of it.
const QUOTED: usize = 300;

impl Replacement {
    /// The message the tab that lost its text shows.
    pub fn message(&self) -> String {
        format!(
            "Le champ « {} » {} a été modifié dans un autre onglet : votre texte « {} » a été \
             remplacé.",
            self.field,
            self.place,
            shorten(&self.lost_text, QUOTED)
        )
    }
}

/// The replacement of `lost` at `path` (below the contract) in `merged`, named with the
/// vocabulary of both versions of the contract.
pub fn describe(
    merged: &Contract,
    path: &[Step],
    lost: Option<Value>,
    words: &Vocabulary,
) -> Replacement {
    let json = json::to_tree(merged).expect("a contract always serialises");
    let numbering = Numbering::of(merged);
    let (field, place) = names(&json, path, &numbering);
    let read = |value: Option<&Value>| show(value.unwrap_or(&Value::Null), words);
    Replacement {
        contract: merged.id,
        path: path.to_vec(),
        field,
        place,
        lost_text: read(lost.as_ref()),
        lost,
    }
}

/// The field's name and the place that holds it, read along the path.
fn names(json: &Value, path: &[Step], numbering: &Numbering) -> (String, String) {
    let mut here = Some(json);
    let mut list = "";
    let mut fields: Vec<String> = Vec::new();
    let mut places: Vec<String> = Vec::new();
    for step in path {
        match step {
            Step::Field(key) => {
                here = here.and_then(|h| h.get(key));
                list = key;
                fields.push(field_label(key));
            }
            Step::Item(key) => {
                fields.clear();
                here = here
                    .and_then(Value::as_array)
                    .and_then(|items| items.iter().find(|i| key_of(i).as_ref() == Some(key)));
                places.push(here.map_or_else(
                    || "un élément supprimé".into(),
                    |item| item_name(list, item, numbering),
                ));
            }
        }
    }
    let field = if fields.is_empty() { "Valeur".to_string() } else { fields.join(" › ") };
    let place = if places.is_empty() {
        "du contrat".to_string()
    } else {
        places.iter().rev().map(|p| of(p)).collect::<Vec<_>>().join(" ")
    };
    (field, place)
}

/// « de » before a place, contracted: « du bilan 2025 », « de la fiche n°3 ».
fn of(place: &str) -> String {
    match place.strip_prefix("le ") {
        Some(rest) => format!("du {rest}"),
        None => format!("de {place}"),
    }
}

/// An item of a list, as a person names it: « la fiche n°3 », « l’action « Atelier cuisine » ».
fn item_name(list: &str, item: &Value, numbering: &Numbering) -> String {
    let text = |key: &str| item.get(key).and_then(Value::as_str).unwrap_or("").trim();
    let quoted = |key: &str| shorten(text(key), 60);
    let number = || {
        let id = item.get("id").and_then(Value::as_str).and_then(Id::parse)?;
        numbering.get(id).map(str::to_string)
    };
    let year = item.get("year").map_or_else(String::new, Value::to_string);
    match list {
        "sheets" => number().map_or_else(
            || format!("la fiche « {} »", quoted("title")),
            |n| format!("la fiche n°{n}"),
        ),
        "axes" => number()
            .map_or_else(|| format!("l’axe « {} »", quoted("title")), |n| format!("l’axe {n}")),
        "objectives" => format!("l’objectif stratégique « {} »", quoted("title")),
        "specific_objectives" => format!("l’objectif spécifique « {} »", quoted("title")),
        "actions" => format!("l’action « {} »", quoted("description")),
        "indicators" => format!("l’indicateur « {} »", quoted("name")),
        "funding" => format!("la ligne de financement {year}"),
        "reviews" => format!("le bilan {year}"),
        "values" => format!("l’année {year}"),
        "organisations" => format!("l’organisation « {} »", quoted("name")),
        "members" => format!("le membre « {} »", quoted("name")),
        "meetings" => format!("la réunion du {}", text("date")),
        "diagnostic" => format!("le constat « {} »", quoted("text")),
        _ => "un élément".to_string(),
    }
}

/// What « Rétablir mon texte » did.
#[derive(Clone, Debug, PartialEq)]
pub enum Restored {
    /// Put back; what it replaced in turn, for the other tab, whose text it was.
    Done(Replacement),
    /// The value is already there: nothing to do.
    AlreadyThere,
    /// The field is no longer there: its item (or contract) was deleted since.
    Gone,
}

/// Puts a lost value back in the workspace, as a new edit: every entity along the way is
/// stamped `now`, so that it is now the most recent edit.
pub fn restore(workspace: &mut Workspace, lost: &Replacement, now: Timestamp) -> Restored {
    let Some(contract) = workspace.contract_mut(lost.contract) else { return Restored::Gone };
    let mut tree = json::to_tree(contract).expect("a contract always serialises");
    let Some(replaced) = put(&mut tree, &lost.path, lost.lost.clone(), now) else {
        return Restored::Gone;
    };
    if replaced == lost.lost {
        return Restored::AlreadyThere;
    }
    let Ok(restored) = json::from_tree::<Contract>(&tree) else { return Restored::Gone };
    let words = Vocabulary::of(&[&restored]);
    let reverse = Replacement {
        contract: lost.contract,
        path: lost.path.clone(),
        field: lost.field.clone(),
        place: lost.place.clone(),
        lost_text: show(replaced.as_ref().unwrap_or(&Value::Null), &words),
        lost: replaced,
    };
    *contract = restored;
    Restored::Done(reverse)
}

/// Sets (or, for `None`, removes) the value at `path` and stamps every entity on the way;
/// returns the value it replaced, or `None` when the path leads nowhere.
fn put(
    here: &mut Value,
    path: &[Step],
    value: Option<Value>,
    now: Timestamp,
) -> Option<Option<Value>> {
    let object = here.as_object_mut();
    if let Some(stamp) = object.and_then(|o| o.get_mut("modified_at")) {
        *stamp = Value::from(now);
    }
    match path {
        [Step::Field(key)] => {
            let object = here.as_object_mut()?;
            Some(match value {
                Some(value) => object.insert(key.clone(), value),
                None => object.remove(key),
            })
        }
        [Step::Field(key), rest @ ..] => put(here.get_mut(key)?, rest, value, now),
        [Step::Item(key), rest @ ..] => {
            let item = here.as_array_mut()?.iter_mut().find(|i| key_of(i).as_ref() == Some(key))?;
            put(item, rest, value, now)
        }
        [] => None,
    }
}
