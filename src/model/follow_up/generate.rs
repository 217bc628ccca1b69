//! Follow-up data for a generated contract (`planning::generated_contract`), so that the
//! benchmark of « Suivi » has a full table and a dashboard with work to do: two years of bilans
//! on every fiche and action, indicators with yearly targets and results, and funding lines with
//! amounts spent.
//!
//! Deterministic, like the contract it fills: ids come from `Id::from_u128`, in ranges the
//! generated contract does not use, and every figure follows from a row's rank.

use crate::model::review::edit_review;
use crate::model::{
    Contract, FundingKind, FundingLine, Id, Indicator, IndicatorKind, IndicatorScale, ReviewStatus,
    YearReview,
};

/// The years that get a bilan, indicator values and amounts spent.
pub const FOLLOWED_YEARS: [i32; 2] = [2024, 2025];

/// How many indicators the contract itself gets, and each fiche.
const CONTRACT_INDICATORS: usize = 10;
const SHEET_INDICATORS: usize = 2;

/// The statuses a row cycles through: all eight, then « Non renseigné » (`None`).
const CYCLE: usize = ReviewStatus::ALL.len() + 1;

/// The review of `year` for the row of rank `n` (fiches and actions counted together). Its
/// status cycles through every status and « Non renseigné », shifted by one from a year to the
/// next; a « Non renseigné » row has either a comment only or nothing at all (`None`).
fn review(n: usize, year: i32) -> Option<YearReview> {
    let shift = (year - FOLLOWED_YEARS[0]).unsigned_abs() as usize;
    let status = ReviewStatus::ALL.get((n + shift) % CYCLE).copied();
    let mut review = YearReview::new(year);
    review.status = status;
    match status {
        None if n % 2 == 1 => return None,
        None => review.comment = format!("Point d’étape {year} en attente du pilote (ligne {n})."),
        Some(status) => {
            review.comment = format!(
                "Bilan {year} : {} ; réunions tenues avec les partenaires, public touché, \
                 supports diffusés (ligne {n}).",
                status.label().to_lowercase()
            );
            if status.asks_why() {
                review.reason = format!("Calendrier des partenaires et moyens disponibles ({n}).");
            }
            if status != ReviewStatus::Abandoned {
                review.next_steps = format!("Reprendre en {} avec le pilote ({n}).", year + 1);
            }
        }
    }
    review.to_confirm = year == FOLLOWED_YEARS[1] && n.is_multiple_of(13) && status.is_some();
    Some(review)
}

/// Replaces the reviews of every followed year with generated ones.
fn set_reviews(reviews: &mut Vec<YearReview>, n: usize) {
    for year in FOLLOWED_YEARS {
        let generated = review(n, year);
        edit_review(reviews, year, |r| *r = generated.unwrap_or_else(|| YearReview::new(year)));
    }
}

/// An indicator numbered `n` over the contract, with a target and a result for each followed
/// year: numeric ones reach their target one year in two, one in five is qualitative.
fn indicator(id: Id, n: usize) -> Indicator {
    let kind = if n.is_multiple_of(3) { IndicatorKind::Process } else { IndicatorKind::Outcome };
    let mut indicator = Indicator::new(id, kind, format!("Indicateur généré {}", n + 1), 0);
    indicator.scale = match n % 5 {
        4 => IndicatorScale::Text,
        3 => IndicatorScale::AtMost,
        _ => IndicatorScale::AtLeast,
    };
    indicator.unit = "personnes".into();
    indicator.target = (100 + n % 50).to_string();
    indicator.source = "Tableau de suivi du pilote".into();
    for (rank, year) in FOLLOWED_YEARS.into_iter().enumerate() {
        let target = 100 + (n + rank) % 50;
        let result =
            if (n + rank).is_multiple_of(2) { target + 10 } else { target.saturating_sub(20) };
        indicator.edit_value(year, |v| {
            v.target = target.to_string();
            v.result = if n % 7 == 6 && rank == 1 { String::new() } else { result.to_string() };
            v.result_comment = format!("Relevé {year}");
        });
    }
    indicator
}

/// Adds two years of follow-up (2024 and 2025) to `contract`:
/// - every fiche and action gets a bilan for each year, with a comment, a reason when the
///   status is not « Réalisé » and a next step; statuses cycle through all eight and « Non
///   renseigné », and a few 2025 rows are « à confirmer »;
/// - the contract gets ten indicators of its own and each fiche two, with a target and a
///   result for each year (a few 2025 results still missing);
/// - each fiche gets two funding lines a year over the whole period, with the amount spent for
///   the followed years (some 2025 amounts still missing).
///
/// Reviews of other years are kept; indicators and funding lines are added to existing ones.
pub fn with_follow_up(contract: &mut Contract) {
    let funders: Vec<Id> = contract.organisations.iter().map(|o| o.id).collect();
    let years: Vec<i32> = contract.period.years().collect();
    contract.indicators.extend(
        (0..CONTRACT_INDICATORS).map(|n| indicator(Id::from_u128((2 << 64) | n as u128), n)),
    );
    let mut row = 0;
    for (s, sheet) in contract.sheets.iter_mut().enumerate() {
        set_reviews(&mut sheet.reviews, row);
        row += 1;
        for action in &mut sheet.actions {
            set_reviews(&mut action.reviews, row);
            row += 1;
        }
        sheet.indicators.extend((0..SHEET_INDICATORS).map(|i| {
            let n = CONTRACT_INDICATORS + s * SHEET_INDICATORS + i;
            indicator(Id::from_u128((2 << 64) | ((s as u128 + 1) << 32) | i as u128), n)
        }));
        for (y, year) in years.iter().copied().enumerate() {
            for f in 0..2 {
                let planned = 1_000 * (5 + (s + y + f) % 20) as u64;
                let followed = FOLLOWED_YEARS.contains(&year);
                let missing = year == FOLLOWED_YEARS[1] && (s + f) % 4 == 0;
                sheet.funding.push(FundingLine {
                    id: Id::from_u128((3 << 64) | ((s as u128) << 32) | (y * 2 + f) as u128),
                    modified_at: 0,
                    year,
                    funder_id: (!funders.is_empty()).then(|| funders[(s + f * 5) % funders.len()]),
                    kind: if f == 0 { FundingKind::Operating } else { FundingKind::Investment },
                    planned_euros: Some(planned),
                    actual_euros: (followed && !missing)
                        .then_some(planned * (80 + (s % 5) as u64 * 10) / 100),
                    in_kind_days: None,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::follow_up::{
        budget_of_year, indicator_rows, status_counts, IndicatorSummary,
    };
    use crate::model::numbering::Numbering;
    use crate::model::planning::generated_contract;
    use crate::model::review::review_of;
    use crate::model::validation::{errors, validate};

    fn contract() -> Contract {
        let mut c = generated_contract(100, 10);
        with_follow_up(&mut c);
        c
    }

    #[test]
    fn every_row_has_two_years_using_every_status_and_not_filled() {
        let c = contract();
        let numbers = Numbering::of(&c);
        for year in FOLLOWED_YEARS {
            let counts = status_counts(&c, &numbers, year);
            assert_eq!(counts.actions(), 1000);
            let totals = counts.totals();
            assert!(totals.iter().all(|n| *n > 0), "{year}: every column is used: {totals:?}");
            let reviewed = c
                .sheets
                .iter()
                .flat_map(|s| {
                    std::iter::once(&s.reviews).chain(s.actions.iter().map(|a| &a.reviews))
                })
                .filter_map(|reviews| review_of(reviews, year))
                .collect::<Vec<_>>();
            assert!(reviewed.len() > 1000, "most of the 1,100 rows have a review");
            assert!(reviewed.iter().all(|r| !r.comment.is_empty()));
            assert!(reviewed.iter().any(|r| r.status.is_none()), "comment without a status");
            assert!(reviewed.iter().any(|r| !r.reason.is_empty() && !r.next_steps.is_empty()));
        }
        assert!(c.sheets.iter().all(|s| s.reviews.iter().any(|r| r.year == 2024)
            || s.reviews.iter().any(|r| r.year == 2025)));
    }

    #[test]
    fn indicators_and_budget_give_the_dashboard_figures() {
        let c = contract();
        let numbers = Numbering::of(&c);
        for year in FOLLOWED_YEARS {
            let summary = IndicatorSummary::of(&indicator_rows(&c, &numbers, year));
            assert_eq!(summary.indicators, 210);
            assert!(summary.with_result > 0 && summary.reached > 0);
            assert!(summary.reached < summary.measurable);
            let budget = budget_of_year(&c, year);
            assert_eq!(budget.lines.len(), 200);
            assert!(budget.contract.spent > 0 && budget.per_funder.len() > 1);
        }
        assert!(budget_of_year(&c, 2025).contract.missing > 0);
        assert_eq!(budget_of_year(&c, 2026).contract.spent, 0);
    }

    #[test]
    fn the_contract_stays_valid_and_generation_is_deterministic() {
        let c = contract();
        let issues = validate(&c);
        assert_eq!(errors(&issues), 0, "{:?}", issues.iter().find(|i| i.is_error()));
        assert_eq!(c, contract());
        let mut empty = generated_contract(0, 0);
        with_follow_up(&mut empty);
        assert_eq!(empty.indicators.len(), CONTRACT_INDICATORS);
    }
}
