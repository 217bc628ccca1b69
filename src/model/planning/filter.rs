//! Narrowing the planning: one axis, one lead, one partner, a review status, a range of years,
//! and free text; kept in the URL so a filtered planning can be bookmarked or shared.

use super::rows::PlanRow;
use crate::model::text::fold;
use crate::model::{Id, ReviewStatus};

/// Every filter of the planning; `None`, `false` and an empty text mean "any".
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PlanFilter {
    pub axis: Option<Id>,
    pub lead: Option<Id>,
    pub partner: Option<Id>,
    pub status: Option<ReviewStatus>,
    /// Only actions never reviewed (neither the action nor its sheet). Takes precedence over
    /// `status` in the URL, since both cannot hold at once.
    pub no_status: bool,
    /// An action is kept if it overlaps `[from_year, to_year]` (either bound may be open);
    /// an action without any date is then dropped.
    pub from_year: Option<i32>,
    pub to_year: Option<i32>,
    /// Accent- and case-insensitive search in the action, sheet and lead labels.
    pub text: String,
}

/// The status value meaning "never reviewed" in the URL.
pub const NO_STATUS_KEY: &str = "aucun";

impl PlanFilter {
    /// The rows this filter keeps, in order. The searched text is folded once for all rows,
    /// not once per row: this runs on every keystroke in the search field.
    pub fn kept<'r>(&'r self, rows: &'r [PlanRow]) -> impl Iterator<Item = &'r PlanRow> + 'r {
        let needle = fold(&self.text);
        rows.iter().filter(move |row| self.accepts(row, &needle))
    }

    /// Whether `row` passes every filter; `needle` is the searched text, folded.
    fn accepts(&self, row: &PlanRow, needle: &str) -> bool {
        self.axis.is_none_or(|axis| row.axis_id == Some(axis))
            && self.lead.is_none_or(|lead| row.leads.iter().any(|(id, _)| *id == lead))
            && self.partner.is_none_or(|partner| row.partner_ids.contains(&partner))
            && self.status.is_none_or(|status| row.status == Some(status))
            && (!self.no_status || row.status.is_none())
            && self.accepts_years(row)
            && matches_text(row, needle)
    }

    /// Whether any filter is set (the screen shows "Effacer les filtres" then).
    pub fn is_active(&self) -> bool {
        *self != PlanFilter::default()
    }

    fn accepts_years(&self, row: &PlanRow) -> bool {
        if self.from_year.is_none() && self.to_year.is_none() {
            return true;
        }
        row.overlaps_years(self.from_year.unwrap_or(i32::MIN), self.to_year.unwrap_or(i32::MAX))
    }

    /// The filter as URL query pairs (only the set ones): "axe", "pilote", "partenaire",
    /// "statut" (a `ReviewStatus` key or "aucun"), "de", "a", "q".
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        let ids = [("axe", self.axis), ("pilote", self.lead), ("partenaire", self.partner)];
        pairs.extend(ids.into_iter().filter_map(|(key, id)| Some((key, id?.to_string()))));
        if self.no_status {
            pairs.push(("statut", NO_STATUS_KEY.to_string()));
        } else if let Some(status) = self.status {
            pairs.push(("statut", status.key().to_string()));
        }
        let years = [("de", self.from_year), ("a", self.to_year)];
        pairs.extend(years.into_iter().filter_map(|(key, year)| Some((key, year?.to_string()))));
        if !self.text.is_empty() {
            pairs.push(("q", self.text.clone()));
        }
        pairs
    }

    /// Reads the filter back from query pairs; unknown or malformed values are ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let id = |key: &str| get(key).and_then(|v| Id::parse(v.trim()));
        let year = |key: &str| get(key).and_then(|v| v.trim().parse::<i32>().ok());
        let status = get("statut").map(|v| v.trim().to_string());
        let no_status = status.as_deref() == Some(NO_STATUS_KEY);
        let status = status.and_then(|key| ReviewStatus::from_key(&key));
        PlanFilter {
            axis: id("axe"),
            lead: id("pilote"),
            partner: id("partenaire"),
            status,
            no_status,
            from_year: year("de"),
            to_year: year("a"),
            text: get("q").unwrap_or_default(),
        }
    }
}

/// Whether the action, its sheet or its lead contains `needle` (folded: accents and case aside).
fn matches_text(row: &PlanRow, needle: &str) -> bool {
    needle.is_empty()
        || [&row.label, &row.sheet_label, &row.lead_name].iter().any(|t| fold(t).contains(needle))
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{id, sample};
    use super::super::rows::plan_rows;
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    fn kept(filter: &PlanFilter) -> Vec<Id> {
        kept_in(filter, 2025)
    }

    fn kept_in(filter: &PlanFilter, status_year: i32) -> Vec<Id> {
        filter.kept(&plan_rows(&sample(), status_year)).map(|r| r.action_id).collect()
    }

    #[test]
    fn no_filter_keeps_everything() {
        assert_eq!(kept(&PlanFilter::default()).len(), 5);
        assert!(!PlanFilter::default().is_active());
    }

    #[test]
    fn axis_lead_and_partner_narrow() {
        assert_eq!(
            kept(&PlanFilter { axis: Some(id(20)), ..Default::default() }),
            [id(101), id(102)]
        );
        assert_eq!(
            kept(&PlanFilter { lead: Some(id(51)), ..Default::default() }),
            [id(102), id(301)]
        );
        assert_eq!(
            kept(&PlanFilter { partner: Some(id(52)), ..Default::default() }),
            [id(101), id(102)]
        );
        assert!(kept(&PlanFilter { partner: Some(id(50)), ..Default::default() }).is_empty());
    }

    #[test]
    fn status_and_never_reviewed() {
        let done = PlanFilter { status: Some(ReviewStatus::Done), ..Default::default() };
        assert_eq!(kept(&done), [id(101)]);
        let partly = PlanFilter { status: Some(ReviewStatus::PartlyDone), ..Default::default() };
        assert_eq!(kept_in(&partly, 2024), [id(102)], "the fiche's own 2024 status");
        assert!(kept(&partly).is_empty());
        let never = PlanFilter { no_status: true, ..Default::default() };
        assert_eq!(kept(&never), [id(201), id(202), id(102), id(301)]);
        assert_eq!(kept_in(&never, 2024), [id(201), id(202), id(301)]);
    }

    #[test]
    fn years_keep_overlapping_actions() {
        let y2026 = PlanFilter { from_year: Some(2026), to_year: Some(2026), ..Default::default() };
        assert_eq!(kept(&y2026), [id(101)]);
        let from_2027 = PlanFilter { from_year: Some(2027), ..Default::default() };
        assert_eq!(kept(&from_2027), [id(201)]);
        let until_2024 = PlanFilter { to_year: Some(2024), ..Default::default() };
        assert_eq!(kept(&until_2024), [id(102), id(301)]);
    }

    #[test]
    fn text_ignores_case_and_accents_in_action_sheet_and_lead() {
        let text = |t: &str| PlanFilter { text: t.into(), ..Default::default() };
        assert_eq!(kept(&text("MAISON de SANTE")), [id(201)]);
        assert_eq!(kept(&text("prevention")), [id(101), id(102)]);
        assert_eq!(kept(&text("mutualité")), [id(102), id(301)]);
        assert_eq!(kept(&text("  ")).len(), 5);
        assert!(kept(&text("introuvable")).is_empty());
    }

    #[test]
    fn query_has_only_the_set_values() {
        assert!(PlanFilter::default().to_query().is_empty());
        let f = PlanFilter {
            axis: Some(id(20)),
            status: Some(ReviewStatus::NotDone),
            from_year: Some(2025),
            text: "santé".into(),
            ..Default::default()
        };
        assert_eq!(
            f.to_query(),
            vec![
                ("axe", id(20).to_string()),
                ("statut", "not_done".to_string()),
                ("de", "2025".to_string()),
                ("q", "santé".to_string())
            ]
        );
        let never = PlanFilter { no_status: true, ..Default::default() };
        assert_eq!(never.to_query(), vec![("statut", "aucun".to_string())]);
    }

    #[test]
    fn malformed_query_values_are_ignored() {
        let query: HashMap<&str, &str> = [
            ("axe", "pas-un-id"),
            ("statut", "fini"),
            ("de", "deux mille"),
            ("a", "2027"),
            ("inconnu", "x"),
        ]
        .into_iter()
        .collect();
        let f = PlanFilter::from_query(|k| query.get(k).map(|v| v.to_string()));
        assert_eq!(f, PlanFilter { to_year: Some(2027), ..Default::default() });
    }

    fn any_filter() -> impl Strategy<Value = PlanFilter> {
        let id = proptest::option::of(any::<u128>().prop_map(Id::from_u128));
        let status = prop_oneof![
            Just((None, false)),
            Just((None, true)),
            proptest::sample::select(ReviewStatus::ALL.to_vec()).prop_map(|s| (Some(s), false)),
        ];
        let year = proptest::option::of(any::<i32>());
        (id.clone(), id.clone(), id, status, year.clone(), year, any::<String>()).prop_map(
            |(axis, lead, partner, (status, no_status), from_year, to_year, text)| PlanFilter {
                axis,
                lead,
                partner,
                status,
                no_status,
                from_year,
                to_year,
                text,
            },
        )
    }

    proptest! {
        #[test]
        fn query_round_trips(filter in any_filter()) {
            let query: HashMap<&str, String> = filter.to_query().into_iter().collect();
            let back = PlanFilter::from_query(|k| query.get(k).cloned());
            prop_assert_eq!(back, filter);
        }
    }
}
