//! The contract the collection's tests share (and `exchange::collection`'s).

use crate::model::{
    Action, ActionSheet, Contract, FundingKind, FundingLine, Id, Indicator, IndicatorKind, Lead,
    Organisation, OrganisationKind, ReviewStatus, YearReview,
};

pub fn org(n: u128) -> Id {
    Id::from_u128(n)
}

/// Fiche 1 « Santé mentale » led by ARS (1) with CPAM (2) as co-lead: action 1 without a lead,
/// action 2 led by MSA (3); an indicator, and two funding lines (2025 and 2026), funded by the
/// ARS. Fiche 2 « Nutrition » without a lead, one action. CAF (4) leads nothing. 2024 has
/// statuses and next steps.
pub fn contract() -> Contract {
    let mut c = Contract::blank(Id::from_u128(100), "CLS", 0);
    for (n, name) in [(1, "ARS"), (2, "CPAM"), (3, "MSA"), (4, "CAF")] {
        c.organisations.push(Organisation::new(org(n), name, OrganisationKind::Other, 0));
    }
    let lead = |n| Lead { organisation_id: Some(org(n)), person: String::new() };
    let mut first = ActionSheet::new(Id::from_u128(10), "Santé mentale", 0);
    first.leads = vec![lead(1), lead(2)];
    let mut training = Action::new(Id::from_u128(11), "Former les élus", 0);
    let mut last_year = YearReview::with_status(2024, ReviewStatus::InProgress);
    last_year.next_steps = "Deux sessions en 2025".into();
    training.reviews.push(last_year);
    first.actions.push(training);
    let mut led = Action::new(Id::from_u128(12), "Ouvrir un point écoute", 0);
    led.lead_id = Some(org(3));
    first.actions.push(led);
    let mut indicator = Indicator::new(Id::from_u128(13), IndicatorKind::Process, "Élus formés", 0);
    indicator.target = "20".into();
    indicator.edit_value(2025, |v| v.target = "12".into());
    first.indicators.push(indicator);
    for (n, year) in [(14, 2025), (15, 2026)] {
        first.funding.push(FundingLine {
            id: Id::from_u128(n),
            modified_at: 0,
            year,
            funder_id: Some(org(1)),
            kind: FundingKind::Operating,
            planned_euros: Some(5_000),
            actual_euros: None,
            in_kind_days: None,
        });
    }
    let mut second = ActionSheet::new(Id::from_u128(20), "Nutrition", 0);
    second.actions.push(Action::new(Id::from_u128(21), "Ateliers cuisine", 0));
    c.sheets = vec![first, second];
    c
}
