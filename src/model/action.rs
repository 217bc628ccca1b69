//! An action: one concrete step of a sheet (objectif opérationnel), with its own calendar.

use super::{Id, Timestamp, YearMonth, YearReview};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: Id,
    pub modified_at: Timestamp,
    pub description: String,
    pub start: Option<YearMonth>,
    pub end: Option<YearMonth>,
    /// The organisation that carries this step, if not the sheet's lead.
    pub lead_id: Option<Id>,
    /// A milestone is shown as a diamond on the planning and exported to the calendar.
    pub milestone: bool,
    pub reviews: Vec<YearReview>,
}

impl Action {
    pub fn new(id: Id, description: impl Into<String>, now: Timestamp) -> Self {
        Action {
            id,
            modified_at: now,
            description: description.into(),
            start: None,
            end: None,
            lead_id: None,
            milestone: false,
            reviews: Vec::new(),
        }
    }

    /// When it happens, in words: « de mars 2025 à juin 2026 », « à partir de mars 2025 »,
    /// « jusqu’à juin 2026 », « dates à préciser »; the sheet's print and the contract say it
    /// alike.
    pub fn calendar_label(&self) -> String {
        match (self.start, self.end) {
            (Some(start), Some(end)) => format!("de {start} à {end}"),
            (Some(start), None) => format!("à partir de {start}"),
            (None, Some(end)) => format!("jusqu’à {end}"),
            (None, None) => "dates à préciser".to_string(),
        }
    }
}
