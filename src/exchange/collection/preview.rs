//! What a lead's answer would change, before anything changes: per cell, whether it fills in a
//! value nobody had given (« Complète »), changes one (« Avant / Après »), or conflicts with
//! what the coordinator typed since the sheet was made; and the rows that match nothing. In the
//! words of the import preview (`FieldChange`, `merge::Choice`, one decision per field).
//!
//! How a conflict is told (`fingerprint`): each row carries the fingerprints of the values it
//! was made with. An answer equal to what was sent is no answer (the lead did not touch it);
//! one that differs, where the contract still holds what was sent, is taken; where the contract
//! holds something else since, both sides changed it: a conflict, kept as here unless the
//! coordinator takes the answer. Without fingerprints, an answer that differs from a value
//! already here is a conflict: never a silent overwrite.

use super::answers::{Answers, Field, Value};
use super::fingerprint::{euros_text, status_text, value_print};
use super::table::Problem;
use crate::exchange::merge::field_id;
use crate::model::amount::euros;
use crate::model::collection::Target;
use crate::model::review::review_of;
use crate::model::{Contract, Id};
use crate::versions::diff::FieldChange;

/// What one answered cell does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// Nothing was there: the answer fills it in.
    Fill,
    /// The answer replaces what was sent, unchanged here since.
    Change,
    /// Changed here since the sheet was made, and by the lead: the coordinator chooses.
    Conflict,
}

impl ChangeKind {
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Fill => "Complété par la réponse",
            ChangeKind::Change => "Modifié par la réponse",
            ChangeKind::Conflict => "Conflit : modifié ici depuis l’envoi et dans la réponse",
        }
    }
}

/// One cell of the answer that would change the contract.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerChange {
    /// What a decision on it is recorded under (as a field of the merge preview).
    pub id: Id,
    pub target: Target,
    pub field: Field,
    pub kind: ChangeKind,
    /// « Fiche action n°1 – Santé mentale › Action 1 – Former les élus › Statut », here (« — »
    /// when empty) and in the answer.
    pub change: FieldChange,
    /// What applying it writes.
    pub value: Value,
    /// « Actions, H7 ».
    pub place: String,
}

/// One lead's section of the preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeadPreview {
    pub file: String,
    pub year: i32,
    pub lead: Option<Id>,
    pub answered_on: Option<String>,
    pub changes: Vec<AnswerChange>,
    /// Cells answered as the contract already has them, or left as they were sent.
    pub unchanged: usize,
    pub unmatched: Vec<Problem>,
    pub problems: Vec<Problem>,
}

impl LeadPreview {
    pub fn of_kind(&self, kind: ChangeKind) -> impl Iterator<Item = &AnswerChange> {
        self.changes.iter().filter(move |c| c.kind == kind)
    }

    /// Whether applying it would change nothing.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// The preview of one answer against the contract as it is now.
pub fn preview_answer(contract: &Contract, answers: &Answers) -> LeadPreview {
    let mut preview = LeadPreview {
        file: answers.file.clone(),
        year: answers.year,
        lead: answers.lead,
        answered_on: answers.answered_on.clone(),
        changes: Vec::new(),
        unchanged: 0,
        unmatched: answers.unmatched.clone(),
        problems: answers.problems.clone(),
    };
    for row in &answers.rows {
        for cell in &row.cells {
            let Ok(here) = current(contract, answers.year, row.target, cell.field) else {
                continue;
            };
            let Some(kind) = kind_of(here.as_ref(), &cell.value, cell.made_with) else {
                preview.unchanged += 1;
                continue;
            };
            preview.changes.push(AnswerChange {
                id: field_id(row.target.id(), key(cell.field)),
                target: row.target,
                field: cell.field,
                kind,
                change: FieldChange {
                    field: format!("{} › {}", row.name, cell.field.label()),
                    mine: here.as_ref().map_or_else(|| "—".to_string(), shown),
                    theirs: shown(&cell.value),
                },
                value: cell.value.clone(),
                place: cell.place.clone(),
            });
        }
    }
    preview
}

/// The rule of the module's comment; `None` when the answer changes nothing.
fn kind_of(here: Option<&Value>, answer: &Value, made_with: Option<u32>) -> Option<ChangeKind> {
    if here == Some(answer) {
        return None;
    }
    match made_with {
        Some(sent) if print(Some(answer)) == sent => None,
        Some(sent) if print(here) == sent => {
            Some(if here.is_none() { ChangeKind::Fill } else { ChangeKind::Change })
        }
        None if here.is_none() => Some(ChangeKind::Fill),
        _ => Some(ChangeKind::Conflict),
    }
}

/// A value's fingerprint, as `fingerprint` made it when the sheet was written.
fn print(value: Option<&Value>) -> u32 {
    match value {
        None => value_print(""),
        Some(Value::Status(s)) => value_print(status_text(Some(*s))),
        Some(Value::Text(t)) => value_print(t),
        Some(Value::Euros(e)) => value_print(&euros_text(Some(*e))),
    }
}

fn shown(value: &Value) -> String {
    match value {
        Value::Status(s) => s.label().to_string(),
        Value::Text(t) => t.clone(),
        Value::Euros(e) => euros(*e),
    }
}

/// The decision key of a field.
fn key(field: Field) -> &'static str {
    match field {
        Field::Status => "status",
        Field::Comment => "comment",
        Field::Reason => "reason",
        Field::NextSteps => "next_steps",
        Field::Result => "result",
        Field::ResultComment => "result_comment",
        Field::Spent => "actual_euros",
    }
}

/// What the contract holds now for a field of a row (`Ok(None)` when empty); `Err` when the
/// row is gone since the answer was read.
pub(super) fn current(
    contract: &Contract,
    year: i32,
    target: Target,
    field: Field,
) -> Result<Option<Value>, ()> {
    let text = |t: &str| (!t.trim().is_empty()).then(|| Value::Text(t.trim().to_string()));
    match target {
        Target::Sheet(_) | Target::Action(_) => {
            let reviews = reviews_of(contract, target).ok_or(())?;
            let Some(review) = review_of(reviews, year) else { return Ok(None) };
            Ok(match field {
                Field::Status => review.status.map(Value::Status),
                Field::Comment => text(&review.comment),
                Field::Reason => text(&review.reason),
                Field::NextSteps => text(&review.next_steps),
                _ => None,
            })
        }
        Target::Indicator(id) => {
            let indicator = contract.sheets.iter().flat_map(|s| &s.indicators).find(|i| i.id == id);
            let value = indicator.ok_or(())?.value_of(year);
            Ok(match field {
                Field::Result => value.and_then(|v| text(&v.result)),
                Field::ResultComment => value.and_then(|v| text(&v.result_comment)),
                _ => None,
            })
        }
        Target::Funding(id) => {
            let line = contract.sheets.iter().flat_map(|s| &s.funding).find(|l| l.id == id);
            Ok(line.ok_or(())?.actual_euros.map(Value::Euros))
        }
        Target::Lead(_) => Err(()),
    }
}

fn reviews_of(contract: &Contract, target: Target) -> Option<&[crate::model::YearReview]> {
    match target {
        Target::Sheet(id) => contract.sheet(id).map(|s| s.reviews.as_slice()),
        Target::Action(id) => {
            let actions = contract.sheets.iter().flat_map(|s| &s.actions);
            actions.into_iter().find(|a| a.id == id).map(|a| a.reviews.as_slice())
        }
        _ => None,
    }
}
