//! Applying one lead's answer: every cell that fills in or changes a value, and every conflict
//! the coordinator settled with « Prendre celle du fichier »; then the answer is marked as
//! received. A status the lead gives confirms a row « à confirmer » (carried over from the year
//! before). The caller takes a snapshot first, so that « Annuler » puts everything back, as for
//! imports.

use super::answers::{Field, Value};
use super::preview::{ChangeKind, LeadPreview};
use crate::exchange::merge::Choice;
use crate::model::collection::{record_received, Target};
use crate::model::review::edit_review;
use crate::model::{Contract, Id, Timestamp, YearReview};
use std::collections::HashMap;

/// What applying did, for the message after it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    pub filled: usize,
    pub changed: usize,
    /// Conflicts settled as here.
    pub kept: usize,
    /// Conflicts settled with the answer.
    pub taken: usize,
}

impl Applied {
    /// « 3 valeurs complétées, 1 modifiée, 1 conflit : version d’ici gardée ».
    pub fn describe(self) -> String {
        let plural = |n: usize, one: &str, many: &str| match n {
            1 => format!("1 {one}"),
            n => format!("{n} {many}"),
        };
        let mut parts = Vec::new();
        if self.filled > 0 {
            parts.push(plural(self.filled, "valeur complétée", "valeurs complétées"));
        }
        if self.changed + self.taken > 0 {
            parts.push(plural(self.changed + self.taken, "valeur modifiée", "valeurs modifiées"));
        }
        if self.kept > 0 {
            parts.push(plural(
                self.kept,
                "conflit : valeur d’ici gardée",
                "conflits : valeurs d’ici gardées",
            ));
        }
        if parts.is_empty() {
            "aucun changement".into()
        } else {
            parts.join(", ")
        }
    }
}

/// Applies `preview` (made against `contract` as it is) for `lead`, with the coordinator's
/// `decisions` on conflicts (kept as here unless « Prendre celle du fichier »), and records the
/// answer as received on `today` (ISO).
pub fn apply_answer(
    contract: &mut Contract,
    preview: &LeadPreview,
    lead: Id,
    decisions: &HashMap<Id, Choice>,
    today: &str,
    now: Timestamp,
) -> Applied {
    let mut applied = Applied::default();
    for change in &preview.changes {
        let take = match change.kind {
            ChangeKind::Fill => {
                applied.filled += 1;
                true
            }
            ChangeKind::Change => {
                applied.changed += 1;
                true
            }
            ChangeKind::Conflict if decisions.get(&change.id) == Some(&Choice::TakeTheirs) => {
                applied.taken += 1;
                true
            }
            ChangeKind::Conflict => {
                applied.kept += 1;
                false
            }
        };
        if take {
            write(contract, preview.year, change.target, change.field, &change.value);
        }
    }
    if applied.filled + applied.changed + applied.taken > 0 {
        contract.modified_at = now;
    }
    record_received(contract, preview.year, lead, today);
    applied
}

/// Writes one value into the contract (nothing when its row is gone).
fn write(contract: &mut Contract, year: i32, target: Target, field: Field, value: &Value) {
    match (target, value) {
        (Target::Sheet(_) | Target::Action(_), value) => {
            if let Some(reviews) = reviews_mut(contract, target) {
                edit_review(reviews, year, |review| set_review(review, field, value));
            }
        }
        (Target::Indicator(id), Value::Text(text)) => {
            let indicators = contract.sheets.iter_mut().flat_map(|s| &mut s.indicators);
            if let Some(indicator) = indicators.into_iter().find(|i| i.id == id) {
                indicator.edit_value(year, |v| match field {
                    Field::ResultComment => v.result_comment = text.clone(),
                    _ => v.result = text.clone(),
                });
            }
        }
        (Target::Funding(id), Value::Euros(euros)) => {
            let lines = contract.sheets.iter_mut().flat_map(|s| &mut s.funding);
            if let Some(line) = lines.into_iter().find(|l| l.id == id) {
                line.actual_euros = Some(*euros);
            }
        }
        _ => {}
    }
}

fn set_review(review: &mut YearReview, field: Field, value: &Value) {
    match (field, value) {
        (Field::Status, Value::Status(status)) => {
            review.status = Some(*status);
            review.to_confirm = false;
        }
        (Field::Comment, Value::Text(text)) => review.comment = text.clone(),
        (Field::Reason, Value::Text(text)) => review.reason = text.clone(),
        (Field::NextSteps, Value::Text(text)) => review.next_steps = text.clone(),
        _ => {}
    }
}

fn reviews_mut(contract: &mut Contract, target: Target) -> Option<&mut Vec<YearReview>> {
    match target {
        Target::Sheet(id) => contract.sheet_mut(id).map(|s| &mut s.reviews),
        Target::Action(id) => {
            let actions = contract.sheets.iter_mut().flat_map(|s| &mut s.actions);
            actions.into_iter().find(|a| a.id == id).map(|a| &mut a.reviews)
        }
        _ => None,
    }
}
