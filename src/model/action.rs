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

    /// When it happens, in words: « de mars 2025 à juin 2026 », « d’avril 2025 à juin 2026 »,
    /// « en juin 2025 » (a single month, as a milestone often is), « à partir de mars 2025 »,
    /// « jusqu’à juin 2026 », « dates à préciser »; the sheet's print and the contract say it
    /// alike.
    pub fn calendar_label(&self) -> String {
        match (self.start, self.end) {
            (Some(start), Some(end)) if start == end => format!("en {start}"),
            (Some(start), Some(end)) => format!("{} à {end}", from_month(start)),
            (Some(start), None) => format!("à partir {}", from_month(start)),
            (None, Some(end)) => format!("jusqu’à {end}"),
            (None, None) => "dates à préciser".to_string(),
        }
    }
}

/// « de mars 2025 », « d’avril 2025 »: French elides « de » before a vowel.
fn from_month(month: YearMonth) -> String {
    if month.month_name().starts_with(['a', 'o']) {
        format!("d’{month}")
    } else {
        format!("de {month}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_calendar_reads_in_french() {
        let mut action = Action::new(Id::from_u128(1), "Former", 0);
        let month = |year, month| YearMonth::new(year, month);
        assert_eq!(action.calendar_label(), "dates à préciser");
        action.start = month(2025, 3);
        assert_eq!(action.calendar_label(), "à partir de mars 2025");
        action.end = month(2026, 6);
        assert_eq!(action.calendar_label(), "de mars 2025 à juin 2026");
        action.start = month(2024, 10);
        assert_eq!(action.calendar_label(), "d’octobre 2024 à juin 2026");
        action.start = month(2026, 6);
        assert_eq!(action.calendar_label(), "en juin 2026");
        action.start = None;
        assert_eq!(action.calendar_label(), "jusqu’à juin 2026");
    }
}
