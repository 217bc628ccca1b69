//! The yearly follow-up (bilan) of a sheet or an action: its status for one year, what was
//! done, why not, and what comes next.
//!
//! The statuses cover both vocabularies coordinators meet: the bilans of signed contracts
//! (réalisé, partiellement, peu, non réalisé) and action-plan tools (à venir, en cours, reporté,
//! abandonné). A year nobody has filled in has no status at all: « Non renseigné » is never a
//! default that passes for something someone said.

use super::closed_list::closed_list;
use serde::{Deserialize, Serialize};

closed_list! {
    ReviewStatus {
        Upcoming => ("upcoming", "À venir"),
        InProgress => ("in_progress", "En cours"),
        Done => ("done", "Réalisé"),
        PartlyDone => ("partly_done", "Partiellement réalisé"),
        BarelyDone => ("barely_done", "Peu réalisé"),
        NotDone => ("not_done", "Non réalisé"),
        Postponed => ("postponed", "Reporté"),
        Abandoned => ("abandoned", "Abandonné"),
    }
}

/// What a year without a status is called wherever a status is shown.
pub const NOT_FILLED_LABEL: &str = "Non renseigné";

impl ReviewStatus {
    /// Réalisé or partiellement réalisé: what the share of « actions réalisées » counts.
    pub fn counts_as_done(self) -> bool {
        matches!(self, Self::Done | Self::PartlyDone)
    }

    /// The statuses a COPIL has to decide on: reporté, non réalisé, abandonné.
    pub fn needs_decision(self) -> bool {
        matches!(self, Self::Postponed | Self::NotDone | Self::Abandoned)
    }

    /// Whether « Pourquoi ? » applies: everything but « Réalisé ».
    pub fn asks_why(self) -> bool {
        self != Self::Done
    }
}

/// The label of a status, « Non renseigné » when there is none.
pub fn status_label(status: Option<ReviewStatus>) -> &'static str {
    status.map_or(NOT_FILLED_LABEL, ReviewStatus::label)
}

/// The review of one year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct YearReview {
    pub year: i32,
    /// `None` while nobody has said how the year went (« Non renseigné »).
    pub status: Option<ReviewStatus>,
    /// « Ce qui a été fait ».
    pub comment: String,
    /// « Pourquoi ? »: asked when the status is not « Réalisé ».
    pub reason: String,
    /// « Suite prévue ».
    pub next_steps: String,
    /// Pre-filled from the previous year by « Reprendre l’année précédente » and not confirmed
    /// since: shown as « à confirmer » until someone edits or confirms the row.
    pub to_confirm: bool,
}

impl YearReview {
    /// An empty review of `year`: every field still to fill in.
    pub fn new(year: i32) -> Self {
        YearReview {
            year,
            status: None,
            comment: String::new(),
            reason: String::new(),
            next_steps: String::new(),
            to_confirm: false,
        }
    }

    pub fn with_status(year: i32, status: ReviewStatus) -> Self {
        YearReview { status: Some(status), ..Self::new(year) }
    }

    /// Whether anything was written: an untouched review is the same as none.
    pub fn is_blank(&self) -> bool {
        self.status.is_none()
            && self.comment.trim().is_empty()
            && self.reason.trim().is_empty()
            && self.next_steps.trim().is_empty()
    }
}

/// The review of `year`, if any.
pub fn review_of(reviews: &[YearReview], year: i32) -> Option<&YearReview> {
    reviews.iter().find(|r| r.year == year)
}

/// The review of the year before `year`, if any (none before the first year an `i32` holds:
/// a crafted file's period can start there, found by `make fuzz`).
pub fn previous_review(reviews: &[YearReview], year: i32) -> Option<&YearReview> {
    review_of(reviews, year.checked_sub(1)?)
}

/// The status given for `year`, `None` when « Non renseigné ».
pub fn status_of(reviews: &[YearReview], year: i32) -> Option<ReviewStatus> {
    review_of(reviews, year).and_then(|r| r.status)
}

/// The review of the most recent year, if any.
pub fn latest_review(reviews: &[YearReview]) -> Option<&YearReview> {
    reviews.iter().max_by_key(|r| r.year)
}

/// The status of the most recent year that has one.
pub fn latest_status(reviews: &[YearReview]) -> Option<ReviewStatus> {
    latest_status_until(reviews, i32::MAX)
}

/// The status of the most recent year up to `year` (included) that has one: where an action
/// stands « so far » in that year.
pub fn latest_status_until(reviews: &[YearReview], year: i32) -> Option<ReviewStatus> {
    latest_stated_review_until(reviews, year).and_then(|r| r.status)
}

/// The review of the most recent year up to `year` (included) that gives a status: the one
/// whose comments go with that status, as the contract's evaluation quotes them.
pub fn latest_stated_review_until(reviews: &[YearReview], year: i32) -> Option<&YearReview> {
    reviews.iter().filter(|r| r.year <= year && r.status.is_some()).max_by_key(|r| r.year)
}

/// Sets the review of `year` with `edit`, creating it when missing, and drops it again when the
/// edit leaves it blank, so that clearing a row leaves no trace. Returns whether anything
/// changed. Reviews stay in year order.
pub fn edit_review(
    reviews: &mut Vec<YearReview>,
    year: i32,
    edit: impl FnOnce(&mut YearReview),
) -> bool {
    let index = match reviews.iter().position(|r| r.year == year) {
        Some(index) => index,
        None => {
            let at = reviews.iter().position(|r| r.year > year).unwrap_or(reviews.len());
            reviews.insert(at, YearReview::new(year));
            at
        }
    };
    let before = reviews[index].clone();
    edit(&mut reviews[index]);
    let changed = reviews[index] != before;
    if reviews[index].is_blank() {
        reviews.remove(index);
        return !before.is_blank();
    }
    changed
}

/// « Reprendre l’année précédente »: the status of `year - 1` copied into `year`, marked as still
/// to confirm. Nothing happens when the previous year has no review, or when this year already
/// has a status (the coordinator's words are never overwritten). Last year's « Suite prévue »
/// is not copied: it said what was to come this year, not what comes after it (the table shows
/// it beside the row instead, `planned_for`).
pub fn carry_over(reviews: &mut Vec<YearReview>, year: i32) -> bool {
    if !can_carry_over(reviews, year) {
        return false;
    }
    let Some(status) = previous_review(reviews, year).and_then(|r| r.status) else { return false };
    edit_review(reviews, year, |review| {
        review.status = Some(status);
        review.to_confirm = true;
    })
}

/// Whether « Reprendre l’année précédente » would fill `year`: the year before has a status and
/// this one none yet.
pub fn can_carry_over(reviews: &[YearReview], year: i32) -> bool {
    previous_review(reviews, year).is_some_and(|r| r.status.is_some())
        && status_of(reviews, year).is_none()
}

/// What the year before planned for `year` (its « Suite prévue »), if it said anything.
pub fn planned_for(reviews: &[YearReview], year: i32) -> Option<&str> {
    previous_review(reviews, year).map(|r| r.next_steps.trim()).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by `make fuzz`: a year of `i32::MIN` (a crafted file's period starts there) made
    /// « the year before » overflow.
    #[test]
    fn the_first_year_an_i32_holds_has_no_previous_year() {
        let mut reviews = vec![YearReview::with_status(i32::MAX, ReviewStatus::Done)];
        assert_eq!(previous_review(&reviews, i32::MIN), None);
        assert!(!carry_over(&mut reviews, i32::MIN));
        assert_eq!(reviews.len(), 1);
        let earlier = YearReview::with_status(i32::MIN, ReviewStatus::Done);
        assert_eq!(previous_review(std::slice::from_ref(&earlier), i32::MIN + 1), Some(&earlier));
    }

    #[test]
    fn a_year_without_review_is_not_filled() {
        let reviews = vec![YearReview::with_status(2024, ReviewStatus::Done)];
        assert_eq!(status_of(&reviews, 2025), None);
        assert_eq!(status_label(status_of(&reviews, 2025)), "Non renseigné");
        assert_eq!(status_label(status_of(&reviews, 2024)), "Réalisé");
    }

    #[test]
    fn the_status_so_far_is_the_latest_given_up_to_the_year() {
        let mut blank_status = YearReview::new(2026);
        blank_status.comment = "en attente".into();
        let reviews = vec![
            YearReview::with_status(2024, ReviewStatus::InProgress),
            YearReview::with_status(2025, ReviewStatus::Done),
            blank_status,
        ];
        assert_eq!(latest_status_until(&reviews, 2024), Some(ReviewStatus::InProgress));
        assert_eq!(latest_status_until(&reviews, 2026), Some(ReviewStatus::Done));
        assert_eq!(latest_status_until(&reviews, 2023), None);
        assert_eq!(latest_status(&reviews), Some(ReviewStatus::Done));
    }

    #[test]
    fn editing_creates_the_year_in_order_and_clearing_removes_it() {
        let mut reviews = vec![YearReview::with_status(2026, ReviewStatus::Done)];
        assert!(edit_review(&mut reviews, 2024, |r| r.comment = "lancé".into()));
        assert_eq!(reviews.iter().map(|r| r.year).collect::<Vec<_>>(), [2024, 2026]);
        assert!(edit_review(&mut reviews, 2024, |r| r.comment.clear()));
        assert_eq!(reviews.len(), 1);
        assert!(!edit_review(&mut reviews, 2025, |_| {}));
        assert_eq!(reviews.len(), 1);
    }

    #[test]
    fn carrying_over_copies_the_status_to_confirm_not_last_years_next_step() {
        let mut previous = YearReview::with_status(2024, ReviewStatus::InProgress);
        previous.comment = "deux réunions".into();
        previous.next_steps = "ouvrir le second site".into();
        let mut reviews = vec![previous];
        assert!(can_carry_over(&reviews, 2025));
        assert!(carry_over(&mut reviews, 2025));
        let carried = review_of(&reviews, 2025).unwrap();
        assert_eq!(carried.status, Some(ReviewStatus::InProgress));
        // 2024's « Suite prévue » said what 2025 would do: it is not 2025's next step.
        assert_eq!(carried.next_steps, "");
        assert_eq!(carried.comment, "");
        assert!(carried.to_confirm);
        assert_eq!(planned_for(&reviews, 2025), Some("ouvrir le second site"));
        assert_eq!(planned_for(&reviews, 2026), None);
        // A status given this year is never overwritten, and nothing comes from nothing.
        assert!(!can_carry_over(&reviews, 2025));
        assert!(!carry_over(&mut reviews, 2025));
        assert!(!can_carry_over(&reviews, 2027));
        assert!(!carry_over(&mut reviews, 2027));
    }

    #[test]
    fn carrying_over_keeps_a_next_step_already_typed_this_year() {
        let mut reviews = vec![YearReview::with_status(2024, ReviewStatus::Postponed)];
        edit_review(&mut reviews, 2025, |r| r.next_steps = "relancer en juin".into());
        assert!(carry_over(&mut reviews, 2025));
        let carried = review_of(&reviews, 2025).unwrap();
        assert_eq!(carried.status, Some(ReviewStatus::Postponed));
        assert_eq!(carried.next_steps, "relancer en juin");
        // A year before with words but no status has nothing to carry.
        let mut worded = YearReview::new(2024);
        worded.comment = "réunion annulée".into();
        let mut reviews = vec![worded];
        assert!(!can_carry_over(&reviews, 2025));
        assert!(!carry_over(&mut reviews, 2025));
        assert_eq!(reviews.len(), 1);
    }

    #[test]
    fn statuses_say_what_they_ask() {
        assert!(ReviewStatus::PartlyDone.counts_as_done());
        assert!(!ReviewStatus::BarelyDone.counts_as_done());
        assert!(ReviewStatus::Postponed.needs_decision());
        assert!(!ReviewStatus::Done.asks_why());
        assert_eq!(ReviewStatus::ALL.len(), 8);
    }
}
