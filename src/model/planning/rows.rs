//! The rows of the planning: one per action, in reading order.

use crate::model::axis::NO_AXIS;
use crate::model::numbering::Numbering;
use crate::model::review::status_of;
use crate::model::{Contract, Id, ReviewStatus, YearMonth};

/// One action of the contract as the planning shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanRow {
    pub axis_id: Option<Id>,
    /// "Axe 2 – Santé mentale", or "Sans axe".
    pub axis_label: String,
    /// 0-based position of the axis (`axes.len()` for "Sans axe"), used for colours.
    pub axis_rank: usize,
    pub sheet_id: Id,
    /// "Fiche action n°3 – Titre" ("Sans titre" when blank).
    pub sheet_label: String,
    pub action_id: Id,
    /// The action description (first line, trimmed; "Action sans description" when blank).
    pub label: String,
    /// The action's lead, else the sheet's lead organisations (co-leads after the first),
    /// each with its name.
    pub leads: Vec<(Id, String)>,
    /// The lead names joined by « / », or "Pilote non désigné".
    pub lead_name: String,
    /// The sheet's partners.
    pub partner_ids: Vec<Id>,
    pub start: Option<YearMonth>,
    pub end: Option<YearMonth>,
    pub milestone: bool,
    /// The status of the action in the year the planning follows, else the fiche's own.
    pub status: Option<ReviewStatus>,
}

pub const NO_LEAD: &str = "Pilote non désigné";
pub const NO_DESCRIPTION: &str = "Action sans description";

impl PlanRow {
    /// The months the action covers, earlier first: a missing date uses the other one (one
    /// month long), an inverted pair is put back in order; `None` when the action has no date.
    pub fn span(&self) -> Option<(YearMonth, YearMonth)> {
        match (self.start, self.end) {
            (Some(a), Some(b)) => Some((a.min(b), a.max(b))),
            (Some(one), None) | (None, Some(one)) => Some((one, one)),
            (None, None) => None,
        }
    }

    /// Whether the action runs during at least part of `[from, to]` (years, both included).
    pub fn overlaps_years(&self, from: i32, to: i32) -> bool {
        self.span().is_some_and(|(start, end)| start.year <= to && end.year >= from)
    }
}

/// Every action, in reading order (sheets in axis order, then action order), with its status
/// in `status_year` (« Couleurs : par statut » and the status filter follow one year).
pub fn plan_rows(contract: &Contract, status_year: i32) -> Vec<PlanRow> {
    let numbers = Numbering::of(contract);
    let mut rows = Vec::new();
    for sheet in contract.sheets_in_axis_order() {
        let rank = sheet.axis_id.and_then(|id| contract.axes.iter().position(|a| a.id == id));
        let (axis_id, axis_label, axis_rank) = match rank {
            Some(rank) => {
                let axis = &contract.axes[rank];
                (Some(axis.id), axis.label(&numbers), rank)
            }
            None => (None, NO_AXIS.to_string(), contract.axes.len()),
        };
        let sheet_label = sheet.label(&numbers);
        let sheet_status = status_of(&sheet.reviews, status_year);
        for action in &sheet.actions {
            let label = action.description.lines().map(str::trim).find(|l| !l.is_empty());
            let leads: Vec<(Id, String)> = match action.lead_id {
                Some(id) => vec![id],
                None => sheet.lead_ids(),
            }
            .into_iter()
            .map(|id| (id, contract.organisation_name(id).to_string()))
            .collect();
            let lead_name = match leads.len() {
                0 => NO_LEAD.to_string(),
                _ => leads.iter().map(|(_, name)| name.as_str()).collect::<Vec<_>>().join(" / "),
            };
            rows.push(PlanRow {
                axis_id,
                axis_label: axis_label.clone(),
                axis_rank,
                sheet_id: sheet.id,
                sheet_label: sheet_label.clone(),
                action_id: action.id,
                label: label.unwrap_or(NO_DESCRIPTION).to_string(),
                leads,
                lead_name,
                partner_ids: sheet.partner_ids.clone(),
                start: action.start,
                end: action.end,
                milestone: action.milestone,
                status: status_of(&action.reviews, status_year).or(sheet_status),
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{id, sample, ym};
    use super::*;

    #[test]
    fn rows_follow_reading_order_with_their_labels() {
        let rows = plan_rows(&sample(), 2025);
        let ids: Vec<Id> = rows.iter().map(|r| r.action_id).collect();
        assert_eq!(ids, [id(201), id(202), id(101), id(102), id(301)]);
        let first = &rows[0];
        assert_eq!(first.axis_label, "Axe 1 – Offre de soins");
        assert_eq!(first.axis_rank, 0);
        assert_eq!(first.sheet_label, "Fiche action n°1 – Sans titre");
        assert!(first.leads.is_empty());
        assert_eq!(first.lead_name, "Pilote non désigné");
        assert!(first.milestone);
        let second_axis = &rows[2];
        assert_eq!(second_axis.axis_id, Some(id(20)));
        assert_eq!(second_axis.axis_label, "Axe 2 – Santé mentale");
        assert_eq!(second_axis.axis_rank, 1);
        assert_eq!(second_axis.sheet_label, "Fiche action n°2 – Prévention du suicide");
        assert_eq!(second_axis.partner_ids, [id(51), id(52)]);
        let orphan = &rows[4];
        assert_eq!(
            (orphan.axis_id, orphan.axis_label.as_str(), orphan.axis_rank),
            (None, "Sans axe", 2)
        );
    }

    #[test]
    fn label_is_the_first_non_blank_line() {
        let rows = plan_rows(&sample(), 2025);
        assert_eq!(rows[2].label, "Former des sentinelles");
        assert_eq!(rows[3].label, "Action sans description");
    }

    #[test]
    fn lead_is_the_action_s_else_the_sheet_s() {
        let rows = plan_rows(&sample(), 2025);
        assert_eq!((rows[2].leads[0].0, rows[2].lead_name.as_str()), (id(50), "ARS Occitanie"));
        assert_eq!(
            (rows[3].leads[0].0, rows[3].lead_name.as_str()),
            (id(51), "Mutualité Française")
        );
    }

    #[test]
    fn status_is_the_action_s_of_the_year_else_the_sheet_s() {
        let rows = plan_rows(&sample(), 2024);
        assert_eq!(rows[2].status, Some(ReviewStatus::NotDone));
        assert_eq!(rows[3].status, Some(ReviewStatus::PartlyDone));
        assert_eq!(rows[0].status, None);
        let rows = plan_rows(&sample(), 2025);
        assert_eq!(rows[2].status, Some(ReviewStatus::Done));
        assert_eq!(rows[3].status, None, "the fiche has no bilan for 2025");
    }

    #[test]
    fn a_deleted_axis_or_lead_is_shown_as_such() {
        let mut c = sample();
        c.axes.remove(0);
        c.organisations.retain(|o| o.id != id(50));
        let rows = plan_rows(&c, 2025);
        let sheet_200: Vec<_> = rows.iter().filter(|r| r.sheet_id == id(200)).collect();
        assert!(sheet_200.iter().all(|r| r.axis_label == "Sans axe" && r.axis_rank == 1));
        let r = rows.iter().find(|r| r.action_id == id(101)).unwrap();
        assert_eq!(r.lead_name, "(organisation supprimée)");
    }

    #[test]
    fn span_orders_and_completes_dates() {
        let mut r = plan_rows(&sample(), 2025).remove(2);
        assert_eq!(r.span(), Some((ym(2025, 3), ym(2026, 6))));
        r.end = None;
        assert_eq!(r.span(), Some((ym(2025, 3), ym(2025, 3))));
        r.end = Some(ym(2024, 1));
        assert_eq!(r.span(), Some((ym(2024, 1), ym(2025, 3))));
        r.start = None;
        r.end = None;
        assert_eq!(r.span(), None);
        assert!(!r.overlaps_years(2000, 3000));
    }
}
