//! The year « Suivi » opens on when the address names none. A contract followed for two years
//! and opened the year after (the demonstration, 2024-2025 followed, opened in 2026) should
//! show the last year someone filled in, not an empty year (« 0 sur 47 »); a contract nobody
//! has followed yet opens on this year, as before ([`default_year`]).

use super::default_year;
use crate::model::{Contract, Period};

/// The latest year of the period that holds follow-up data, else [`default_year`]. Follow-up
/// data is what is written during the follow-up, not what was planned: a review of a fiche or
/// an action that says anything (a status or a comment), an indicator's result (or its
/// comment) for that year, an amount spent on a funding line of that year. A yearly target or
/// a planned amount alone does not count: contracts set them for every year at the start.
pub fn opening_year(contract: &Contract, this_year: i32) -> i32 {
    latest_followed_year(contract).unwrap_or_else(|| default_year(contract.period, this_year))
}

/// The latest year inside the period with some follow-up data, if any.
fn latest_followed_year(contract: &Contract) -> Option<i32> {
    let reviewed = contract.sheets.iter().flat_map(|sheet| {
        let actions = sheet.actions.iter().flat_map(|a| &a.reviews);
        sheet.reviews.iter().chain(actions).filter(|r| !r.is_blank()).map(|r| r.year)
    });
    let spent = contract.sheets.iter().flat_map(|s| &s.funding);
    let spent = spent.filter(|line| line.actual_euros.is_some()).map(|line| line.year);
    let indicators = contract.sheets.iter().flat_map(|s| &s.indicators).chain(&contract.indicators);
    let measured = indicators
        .flat_map(|i| &i.values)
        .filter(|v| v.has_result() || !v.result_comment.trim().is_empty())
        .filter_map(|v| v.year);
    let period: Period = contract.period;
    reviewed.chain(spent).chain(measured).filter(|y| period.contains_year(*y)).max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::review::YearReview;
    use crate::model::{
        Action, ActionSheet, FundingKind, FundingLine, Id, Indicator, IndicatorKind, ReviewStatus,
    };

    const THIS_YEAR: i32 = 2026;

    fn contract() -> Contract {
        let mut contract = Contract::blank(Id::from_u128(1), "CLS", 0);
        contract.period = Period { first_year: 2024, last_year: 2028 };
        let mut sheet = ActionSheet::new(Id::from_u128(2), "Fiche", 0);
        sheet.actions.push(Action::new(Id::from_u128(3), "Action", 0));
        sheet.indicators.push(Indicator::new(Id::from_u128(4), IndicatorKind::Process, "I", 0));
        contract.sheets.push(sheet);
        contract.indicators.push(Indicator::new(Id::from_u128(5), IndicatorKind::Outcome, "C", 0));
        contract
    }

    fn line(year: i32, planned: Option<u64>, spent: Option<u64>) -> FundingLine {
        FundingLine {
            id: Id::from_u128(100 + year as u128),
            modified_at: 0,
            year,
            funder_id: None,
            kind: FundingKind::Operating,
            planned_euros: planned,
            actual_euros: spent,
            in_kind_days: None,
        }
    }

    #[test]
    fn a_contract_nobody_followed_opens_on_this_year_clamped_to_its_period() {
        let contract = contract();
        assert_eq!(opening_year(&contract, THIS_YEAR), 2026);
        assert_eq!(opening_year(&contract, 2021), 2024);
        assert_eq!(opening_year(&contract, 2031), 2028);
    }

    #[test]
    fn it_opens_on_the_latest_year_with_a_review_even_before_this_year() {
        let mut contract = contract();
        let sheet = &mut contract.sheets[0];
        sheet.actions[0].reviews.push(YearReview::with_status(2024, ReviewStatus::Done));
        sheet.reviews.push(YearReview::with_status(2025, ReviewStatus::InProgress));
        assert_eq!(opening_year(&contract, THIS_YEAR), 2025);
        // A comment alone is something said; a blank review is nothing.
        let mut commented = YearReview::new(2027);
        commented.comment = "Réunion de lancement tenue.".into();
        contract.sheets[0].actions[0].reviews.push(commented);
        contract.sheets[0].reviews.push(YearReview::new(2028));
        assert_eq!(opening_year(&contract, THIS_YEAR), 2027);
    }

    #[test]
    fn an_indicator_result_counts_a_target_alone_does_not() {
        let mut contract = contract();
        for year in contract.period.years() {
            contract.indicators[0].edit_value(year, |v| v.target = "80 %".into());
        }
        assert_eq!(opening_year(&contract, 2030), 2028, "targets for every year are no data");
        assert_eq!(opening_year(&contract, THIS_YEAR), THIS_YEAR);
        contract.sheets[0].indicators[0].edit_value(2024, |v| v.result = "12".into());
        assert_eq!(opening_year(&contract, THIS_YEAR), 2024);
        contract.indicators[0].edit_value(2025, |v| v.result_comment = "Chiffre attendu".into());
        assert_eq!(opening_year(&contract, THIS_YEAR), 2025);
    }

    #[test]
    fn an_amount_spent_counts_a_planned_one_does_not() {
        let mut contract = contract();
        let funding = &mut contract.sheets[0].funding;
        funding.extend(contract.period.years().map(|y| line(y, Some(1000), None)));
        assert_eq!(opening_year(&contract, THIS_YEAR), THIS_YEAR);
        contract.sheets[0].funding[0].actual_euros = Some(0);
        assert_eq!(opening_year(&contract, THIS_YEAR), 2024, "0 € spent is said");
    }

    #[test]
    fn data_outside_the_period_is_ignored() {
        let mut contract = contract();
        contract.sheets[0].reviews.push(YearReview::with_status(2023, ReviewStatus::Done));
        contract.sheets[0].funding.push(line(2031, None, Some(500)));
        assert_eq!(opening_year(&contract, THIS_YEAR), THIS_YEAR);
        contract.sheets[0].reviews.push(YearReview::with_status(2024, ReviewStatus::Done));
        assert_eq!(opening_year(&contract, THIS_YEAR), 2024);
    }

    #[test]
    fn the_year_asked_for_wins_when_the_period_holds_it() {
        use crate::model::follow_up::shown_year;
        let mut contract = contract();
        contract.sheets[0].reviews.push(YearReview::with_status(2025, ReviewStatus::Done));
        let opening = opening_year(&contract, THIS_YEAR);
        assert_eq!(shown_year(contract.period, Some(2027), opening), 2027);
        assert_eq!(shown_year(contract.period, Some(2031), opening), 2025);
        assert_eq!(shown_year(contract.period, None, opening), 2025);
    }
}
