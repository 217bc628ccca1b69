//! Narrowing « Suivi »: one axis, one lead, one status (or « Non renseigné »), kept in the
//! address with the year, like the planning's filters.

use super::RowFacts;
use crate::model::{Id, ReviewStatus};

/// The status filter: a given status, or the rows nobody has filled in for the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusChoice {
    Given(ReviewStatus),
    NotFilled,
}

/// The status value meaning « Non renseigné » in the address and in the select.
pub const NOT_FILLED_KEY: &str = "non-renseigne";

impl StatusChoice {
    pub fn key(self) -> &'static str {
        match self {
            Self::Given(status) => status.key(),
            Self::NotFilled => NOT_FILLED_KEY,
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        if key == NOT_FILLED_KEY {
            return Some(Self::NotFilled);
        }
        ReviewStatus::from_key(key).map(Self::Given)
    }

    pub fn of(status: Option<ReviewStatus>) -> Self {
        status.map_or(Self::NotFilled, Self::Given)
    }
}

/// Every filter of « Suivi »; `None` means « tous ».
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct FollowUpFilter {
    pub axis: Option<Id>,
    pub lead: Option<Id>,
    pub status: Option<StatusChoice>,
}

impl FollowUpFilter {
    pub fn accepts(&self, row: &RowFacts) -> bool {
        self.axis.is_none_or(|axis| row.axis_id == Some(axis))
            && self.lead.is_none_or(|lead| row.lead_ids.contains(&lead))
            && self.status.is_none_or(|status| StatusChoice::of(row.status) == status)
    }

    pub fn is_active(&self) -> bool {
        *self != Self::default()
    }

    /// The filter as address pairs (only the set ones): "axe", "pilote", "statut".
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        let ids = [("axe", self.axis), ("pilote", self.lead)];
        pairs.extend(ids.into_iter().filter_map(|(key, id)| Some((key, id?.to_string()))));
        if let Some(status) = self.status {
            pairs.push(("statut", status.key().to_string()));
        }
        pairs
    }

    /// Reads the filter back; unknown or malformed values are ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let id = |key: &str| get(key).and_then(|v| Id::parse(v.trim()));
        FollowUpFilter {
            axis: id("axe"),
            lead: id("pilote"),
            status: get("statut").and_then(|v| StatusChoice::from_key(v.trim())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::follow_up::row_facts;
    use crate::model::planning::fixture::{id, sample};
    use std::collections::HashMap;

    #[test]
    fn filters_keep_the_rows_of_an_axis_a_lead_and_a_status() {
        let c = sample();
        let rows = row_facts(&c, 2025);
        let kept = |filter: FollowUpFilter| rows.iter().filter(|r| filter.accepts(r)).count();
        let done = Some(StatusChoice::Given(ReviewStatus::Done));
        assert_eq!(kept(FollowUpFilter { status: done, ..Default::default() }), 1);
        let not_filled = Some(StatusChoice::NotFilled);
        assert_eq!(
            kept(FollowUpFilter { status: not_filled, ..Default::default() }),
            rows.len() - 1
        );
        // Axis 2 holds the suicide fiche: its own row and two actions.
        assert_eq!(kept(FollowUpFilter { axis: Some(id(20)), ..Default::default() }), 3);
        // The kickoff action is led by organisation 51, like the coordination fiche and its action.
        assert_eq!(kept(FollowUpFilter { lead: Some(id(51)), ..Default::default() }), 3);
    }

    #[test]
    fn the_filter_reads_back_from_the_address() {
        let filter = FollowUpFilter {
            axis: Some(id(10)),
            lead: None,
            status: Some(StatusChoice::NotFilled),
        };
        let pairs: HashMap<_, _> = filter.to_query().into_iter().collect();
        assert_eq!(pairs["statut"], "non-renseigne");
        let back = FollowUpFilter::from_query(|k| pairs.get(k).cloned());
        assert_eq!(back, filter);
        let junk = FollowUpFilter::from_query(|k| Some(format!("n'importe quoi {k}")));
        assert!(!junk.is_active());
        for status in ReviewStatus::ALL {
            assert_eq!(StatusChoice::from_key(status.key()), Some(StatusChoice::Given(*status)));
        }
    }
}
