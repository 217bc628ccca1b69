//! The rows of « Suivi »: for each fiche in reading order (axis, then fiche), a row for the
//! fiche's own bilan, then one per action, each with its review of the chosen year.

use super::FollowUpFilter;
use crate::model::axis::NO_AXIS;
use crate::model::numbering::Numbering;
use crate::model::review::{can_carry_over, carry_over, previous_review, review_of, status_of};
use crate::model::{Action, ActionSheet, Contract, Id, ReviewStatus, YearReview};

/// Whose review a row shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowOwner {
    Sheet(Id),
    Action { sheet: Id, action: Id },
}

impl RowOwner {
    pub fn sheet(self) -> Id {
        match self {
            Self::Sheet(sheet) | Self::Action { sheet, .. } => sheet,
        }
    }

    /// The id of the sheet or action itself: unique over the contract.
    pub fn id(self) -> Id {
        match self {
            Self::Sheet(id) | Self::Action { action: id, .. } => id,
        }
    }

    /// The reviews this row edits, inside the contract.
    pub fn reviews_mut(self, contract: &mut Contract) -> Option<&mut Vec<YearReview>> {
        let sheet = contract.sheet_mut(self.sheet())?;
        match self {
            Self::Sheet(_) => Some(&mut sheet.reviews),
            Self::Action { action, .. } => {
                sheet.actions.iter_mut().find(|a| a.id == action).map(|a| &mut a.reviews)
            }
        }
    }

    /// The reviews this row shows.
    pub fn reviews(self, contract: &Contract) -> Option<&[YearReview]> {
        self.reviews_in(contract.sheet(self.sheet())?)
    }

    /// The reviews this row shows, in its fiche `sheet`, which the caller found: a table that
    /// reads every row finds the fiches through an index.
    pub fn reviews_in(self, sheet: &ActionSheet) -> Option<&[YearReview]> {
        match self {
            Self::Sheet(_) => Some(&sheet.reviews),
            Self::Action { action, .. } => {
                sheet.actions.iter().find(|a| a.id == action).map(|a| a.reviews.as_slice())
            }
        }
    }
}

/// One row of the follow-up table for one year.
#[derive(Clone, Debug, PartialEq)]
pub struct FollowUpRow {
    pub owner: RowOwner,
    pub axis_id: Option<Id>,
    /// « Axe 2 – Santé mentale » or « Sans axe »: the group the row is shown under.
    pub axis_label: String,
    /// « Fiche action n°3 – Titre »: the group inside the axis.
    pub sheet_label: String,
    /// The fiche's title (« Bilan de la fiche ») or the action's description, first line.
    pub label: String,
    /// The action's lead, else the fiche's leads: what the « Pilote » filter matches.
    pub lead_ids: Vec<Id>,
    /// The review of the year, if any.
    pub review: Option<YearReview>,
    /// Whether the year before has something « Reprendre l’année précédente » can copy.
    pub has_previous: bool,
}

impl FollowUpRow {
    /// What the filters and pages need of the row.
    pub fn facts(&self) -> RowFacts {
        let (owner, axis_id, lead_ids) = (self.owner, self.axis_id, self.lead_ids.clone());
        RowFacts { owner, axis_id, lead_ids, status: self.status() }
    }

    pub fn status(&self) -> Option<ReviewStatus> {
        self.review.as_ref().and_then(|r| r.status)
    }

    pub fn is_sheet(&self) -> bool {
        matches!(self.owner, RowOwner::Sheet(_))
    }
}

/// Label of a fiche's own row in the table.
pub const SHEET_ROW_LABEL: &str = "Bilan de la fiche";

/// What the filters and the pages need of a row, and no words: the table recomputes these
/// for every row at each keystroke, and words only for the rows shown. (The leads are a small
/// list: one allocation per row that has any, since a fiche may be co-piloted.)
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowFacts {
    pub owner: RowOwner,
    pub axis_id: Option<Id>,
    /// The action's lead, else the fiche's leads: what the « Pilote » filter matches.
    pub lead_ids: Vec<Id>,
    pub status: Option<ReviewStatus>,
}

/// The facts of every row for `year`, in reading order: each fiche's own row, then its actions.
pub fn row_facts(contract: &Contract, year: i32) -> Vec<RowFacts> {
    let mut rows = Vec::new();
    for (axis, sheets) in contract.sheets_by_axis() {
        let axis_id = axis.map(|a| a.id);
        for sheet in sheets {
            let leads = sheet.lead_ids();
            let of_action =
                |action: &Action| action.lead_id.map_or_else(|| leads.clone(), |id| vec![id]);
            let status = status_of(&sheet.reviews, year);
            rows.push(RowFacts {
                owner: RowOwner::Sheet(sheet.id),
                axis_id,
                lead_ids: leads.clone(),
                status,
            });
            rows.extend(sheet.actions.iter().map(|action| RowFacts {
                owner: RowOwner::Action { sheet: sheet.id, action: action.id },
                axis_id,
                lead_ids: of_action(action),
                status: status_of(&action.reviews, year),
            }));
        }
    }
    rows
}

/// The group an axis's rows are shown under: « Axe 2 – Santé mentale », or « Sans axe ».
pub fn axis_label(contract: &Contract, numbers: &Numbering, axis_id: Option<Id>) -> String {
    let axis = axis_id.and_then(|id| contract.axes.iter().find(|a| a.id == id));
    axis.map_or_else(|| NO_AXIS.to_string(), |a| a.label(numbers))
}

/// The first line of an action's description: enough to recognise it in a table.
pub fn action_label(action: &Action) -> String {
    let label = action.description.lines().map(str::trim).find(|l| !l.is_empty());
    label.unwrap_or("Action sans description").to_string()
}

/// Every row for `year`, in reading order, with its words and its review.
pub fn follow_up_rows(contract: &Contract, numbers: &Numbering, year: i32) -> Vec<FollowUpRow> {
    let mut rows = Vec::new();
    for (axis, sheets) in contract.sheets_by_axis() {
        let axis_label = axis_label(contract, numbers, axis.map(|a| a.id));
        for sheet in sheets {
            let sheet_label = sheet.label(numbers);
            let leads = sheet.lead_ids();
            let row = |owner, label: String, lead_ids, reviews: &[YearReview]| FollowUpRow {
                owner,
                axis_id: axis.map(|a| a.id),
                axis_label: axis_label.clone(),
                sheet_label: sheet_label.clone(),
                label,
                lead_ids,
                review: review_of(reviews, year).cloned(),
                has_previous: previous_review(reviews, year).is_some_and(|r| !r.is_blank()),
            };
            rows.push(row(
                RowOwner::Sheet(sheet.id),
                SHEET_ROW_LABEL.to_string(),
                leads.clone(),
                &sheet.reviews,
            ));
            for action in &sheet.actions {
                rows.push(row(
                    RowOwner::Action { sheet: sheet.id, action: action.id },
                    action_label(action),
                    action.lead_id.map_or_else(|| leads.clone(), |id| vec![id]),
                    &action.reviews,
                ));
            }
        }
    }
    rows
}

/// The rows the filters keep that « Reprendre l’année précédente » would fill in `year` (no
/// status yet, something said the year before): what the button for all of them counts.
pub fn rows_to_carry_over(
    contract: &Contract,
    year: i32,
    filter: &FollowUpFilter,
) -> Vec<RowOwner> {
    row_facts(contract, year)
        .into_iter()
        .filter(|row| filter.accepts(row))
        .map(|row| row.owner)
        .filter(|owner| owner.reviews(contract).is_some_and(|r| can_carry_over(r, year)))
        .collect()
}

/// « Reprendre l’année précédente » on every row of `owners` at once; returns how many it
/// filled. Each as `carry_over`: never over a status given, marked to confirm.
pub fn carry_over_rows(contract: &mut Contract, year: i32, owners: &[RowOwner]) -> usize {
    owners
        .iter()
        .filter(|owner| owner.reviews_mut(contract).is_some_and(|r| carry_over(r, year)))
        .count()
}

/// The status of an action for `year`, for callers that walk the contract themselves.
pub fn action_status(
    contract: &Contract,
    sheet: Id,
    action: Id,
    year: i32,
) -> Option<ReviewStatus> {
    RowOwner::Action { sheet, action }.reviews(contract).and_then(|r| status_of(r, year))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::planning::fixture::sample as contract;

    /// Found by `make fuzz`: a file whose period starts in `i32::MIN` opened « Suivi » on that
    /// year, and looking for the year before overflowed.
    #[test]
    fn the_rows_of_the_first_year_an_i32_holds_have_no_previous_year() {
        let mut c = contract();
        c.period.first_year = i32::MIN;
        let rows = follow_up_rows(&c, &Numbering::of(&c), i32::MIN);
        assert!(!rows.is_empty() && rows.iter().all(|r| !r.has_previous));
    }

    #[test]
    fn each_fiche_has_its_row_before_its_actions_in_reading_order() {
        let c = contract();
        let rows = follow_up_rows(&c, &Numbering::of(&c), 2024);
        let sheets = rows.iter().filter(|r| r.is_sheet()).count();
        let actions: usize = c.sheets.iter().map(|s| s.actions.len()).sum();
        assert_eq!(sheets, c.sheets.len());
        assert_eq!(rows.len(), sheets + actions);
        assert!(rows[0].is_sheet());
        assert_eq!(rows[0].label, SHEET_ROW_LABEL);
        for pair in rows.windows(2) {
            if let RowOwner::Action { sheet, .. } = pair[1].owner {
                assert_eq!(pair[0].owner.sheet(), sheet, "an action follows its fiche");
            }
        }
    }

    #[test]
    fn the_facts_of_the_rows_are_those_of_the_full_rows() {
        let c = contract();
        for year in [2024, 2025, 1990] {
            let full: Vec<RowFacts> = follow_up_rows(&c, &Numbering::of(&c), year)
                .iter()
                .map(FollowUpRow::facts)
                .collect();
            assert_eq!(row_facts(&c, year), full);
        }
    }

    #[test]
    fn a_row_shows_the_review_of_its_year_only() {
        let c = contract();
        let numbers = Numbering::of(&c);
        let reviewed = |year| {
            follow_up_rows(&c, &numbers, year).into_iter().filter(|r| r.review.is_some()).count()
        };
        let with_2024 = c
            .sheets
            .iter()
            .flat_map(|s| std::iter::once(&s.reviews).chain(s.actions.iter().map(|a| &a.reviews)))
            .filter(|reviews| review_of(reviews, 2024).is_some())
            .count();
        assert_eq!(reviewed(2024), with_2024);
        assert_eq!(reviewed(1990), 0);
    }

    #[test]
    fn every_row_kept_by_the_filters_is_carried_over_at_once() {
        let mut c = contract();
        let year = 2031;
        // Every fiche and action said something in 2030; one action already has its 2031 status.
        for sheet in &mut c.sheets {
            sheet.reviews = vec![YearReview::with_status(year - 1, ReviewStatus::InProgress)];
            for action in &mut sheet.actions {
                let mut previous = YearReview::with_status(year - 1, ReviewStatus::Postponed);
                previous.next_steps = "relancer".into();
                action.reviews = vec![previous];
            }
        }
        let (sheet, action) = (c.sheets[0].id, c.sheets[0].actions[0].id);
        let given = RowOwner::Action { sheet, action };
        given.reviews_mut(&mut c).unwrap().push(YearReview::with_status(year, ReviewStatus::Done));
        let all = row_facts(&c, year).len();

        let owners = rows_to_carry_over(&c, year, &FollowUpFilter::default());
        assert_eq!(owners.len(), all - 1);
        assert!(!owners.contains(&given));
        let one_axis = FollowUpFilter { axis: c.axes.first().map(|a| a.id), ..Default::default() };
        let of_axis = rows_to_carry_over(&c, year, &one_axis);
        assert!(!of_axis.is_empty() && of_axis.len() < owners.len());

        assert_eq!(carry_over_rows(&mut c, year, &owners), all - 1);
        assert_eq!(action_status(&c, sheet, action, year), Some(ReviewStatus::Done));
        let carried = RowOwner::Action { sheet, action: c.sheets[0].actions[1].id };
        let review = review_of(carried.reviews(&c).unwrap(), year).unwrap();
        assert_eq!((review.status, review.to_confirm), (Some(ReviewStatus::Postponed), true));
        assert_eq!(review.next_steps, "");
        assert!(rows_to_carry_over(&c, year, &FollowUpFilter::default()).is_empty());
        assert_eq!(carry_over_rows(&mut c, year, &owners), 0);
    }

    #[test]
    fn a_row_edits_the_reviews_of_its_owner() {
        let mut c = contract();
        let sheet = c.sheets[0].id;
        let action = c.sheets[0].actions[0].id;
        let owner = RowOwner::Action { sheet, action };
        owner.reviews_mut(&mut c).unwrap().push(YearReview::with_status(2031, ReviewStatus::Done));
        assert_eq!(action_status(&c, sheet, action, 2031), Some(ReviewStatus::Done));
        assert!(RowOwner::Sheet(Id::from_u128(999)).reviews(&c).is_none());
    }
}
