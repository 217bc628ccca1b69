//! The previous contract's bilan, a section of the diagnostic: for each former fiche action,
//! each of its actions with its status (réalisé, partiellement, peu, non réalisé) and comments,
//! as the seed's « Bilan par action » tables lay it out; the consultation that fed it (for seed
//! 001, a survey with 60 answers and focus groups) and its recommendations.

use super::{Id, ReviewStatus, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PreviousReview {
    /// How the bilan was gathered and what partners said (« Retour des partenaires »).
    pub consultation: String,
    /// One table per former fiche (or group of fiches sharing a table), in their order.
    pub sheets: Vec<FormerSheet>,
    /// « Les recommandations du rapport d’évaluation », one per line.
    pub recommendations: String,
}

impl PreviousReview {
    /// Every row of every former fiche, in order.
    pub fn items(&self) -> impl Iterator<Item = &FormerItem> {
        self.sheets.iter().flat_map(|s| s.items.iter())
    }

    pub fn is_empty(&self) -> bool {
        self.consultation.trim().is_empty()
            && self.recommendations.trim().is_empty()
            && self.sheets.is_empty()
    }
}

/// A fiche action of the previous contract, as its bilan table is headed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FormerSheet {
    pub id: Id,
    pub modified_at: Timestamp,
    /// « Fiche action n°1 : Renforcer et maintenir la démographie médicale et paramédicale ».
    pub title: String,
    pub items: Vec<FormerItem>,
}

impl FormerSheet {
    pub fn new(id: Id, title: impl Into<String>, now: Timestamp) -> Self {
        FormerSheet { id, modified_at: now, title: title.into(), items: Vec::new() }
    }
}

/// One row of a former fiche's table: the action, its status, what was done, why not, and
/// what the next contract plans.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FormerItem {
    pub id: Id,
    pub modified_at: Timestamp,
    pub action: String,
    /// `None` is « Non renseigné »: the bilan said nothing about it.
    pub status: Option<ReviewStatus>,
    /// What was done, in figures where the bilan gives them (« 10 bourses par an »).
    pub comment: String,
    /// « Si non réalisé, pourquoi ? ».
    pub reason: String,
    /// « Actions prévues dans le prochain CLS ».
    pub next_steps: String,
}

impl FormerItem {
    pub fn new(id: Id, action: impl Into<String>, now: Timestamp) -> Self {
        FormerItem {
            id,
            modified_at: now,
            action: action.into(),
            status: None,
            comment: String::new(),
            reason: String::new(),
            next_steps: String::new(),
        }
    }
}

/// The statuses a bilan of the previous contract uses, in the seed's order.
pub const FORMER_STATUSES: [ReviewStatus; 4] =
    [ReviewStatus::Done, ReviewStatus::PartlyDone, ReviewStatus::BarelyDone, ReviewStatus::NotDone];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_read_across_former_fiches_in_order() {
        let mut review = PreviousReview::default();
        assert!(review.is_empty());
        for (n, rows) in [(1u128, 2u128), (2, 1)] {
            let mut sheet = FormerSheet::new(Id::from_u128(n), format!("Fiche {n}"), 0);
            for r in 0..rows {
                sheet.items.push(FormerItem::new(Id::from_u128(10 * n + r), format!("{n}.{r}"), 0));
            }
            review.sheets.push(sheet);
        }
        let actions: Vec<&str> = review.items().map(|i| i.action.as_str()).collect();
        assert_eq!(actions, ["1.0", "1.1", "2.0"]);
        assert!(!review.is_empty());
        assert_eq!(review.items().next().map(|i| i.status), Some(None), "Non renseigné");
    }
}
