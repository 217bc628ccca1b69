//! The contract the rule tests start from: complete and correct, so that each test breaks
//! one thing and expects exactly the issue it caused.

use super::{validate, Issue, Severity, Subject};
use crate::model::diagnostic::{Finding, FindingCategory};
use crate::model::{
    Action, ActionSheet, Axis, Body, Contract, FundingKind, FundingLine, Id, Indicator,
    IndicatorKind, Meeting, Member, Organisation, OrganisationKind, ReviewStatus,
    SpecificObjective, StrategicObjective, YearMonth, YearReview,
};

pub(super) fn id(n: u128) -> Id {
    Id::from_u128(n)
}

pub(super) fn ym(year: i32, month: u8) -> Option<YearMonth> {
    YearMonth::new(year, month)
}

pub(super) fn review(year: i32) -> YearReview {
    YearReview::with_status(year, ReviewStatus::Done)
}

pub(super) fn objective(n: u128, title: &str) -> StrategicObjective {
    StrategicObjective { id: id(n), modified_at: 0, title: title.into() }
}

/// A sheet `base` (ids base..base+6) under `axis`/`objective`, complete and within 2024-2028.
pub(super) fn sheet(base: u128, title: &str, axis: u128, objective: u128) -> ActionSheet {
    let mut sheet = ActionSheet::new(id(base), title, 0);
    sheet.axis_id = Some(id(axis));
    sheet.objective_id = Some(id(objective));
    sheet.finding_ids = vec![id(300)];
    sheet.specific_objectives = vec![SpecificObjective {
        id: id(base + 1),
        modified_at: 0,
        strategic_objective_id: Some(id(objective)),
        text: "Améliorer l'accès".into(),
    }];
    let mut action = Action::new(id(base + 2), "Organiser des rencontres", 0);
    action.start = ym(2024, 9);
    action.end = ym(2025, 6);
    action.lead_id = Some(id(101));
    action.reviews = vec![review(2025)];
    sheet.actions = vec![action];
    sheet.lead_mut().organisation_id = Some(id(100));
    sheet.partner_ids = vec![id(101), id(102)];
    sheet.funding = vec![FundingLine {
        id: id(base + 3),
        modified_at: 0,
        year: 2025,
        funder_id: Some(id(100)),
        kind: FundingKind::Operating,
        planned_euros: Some(5000),
        actual_euros: None,
        in_kind_days: Some(3),
    }];
    let mut indicator =
        Indicator::new(id(base + 4), IndicatorKind::Process, "Nombre de participants", 0);
    indicator.target = "40".into();
    sheet.indicators = vec![indicator];
    sheet.reviews = vec![review(2024)];
    sheet
}

/// A complete, correct contract: validation must find nothing in it.
pub(super) fn clean() -> Contract {
    let mut c = Contract::blank(id(1), "CLS du Bassin d'Aurillac 2024-2028", 0);
    c.signing.date = Some("2024-06-27".into());
    c.organisations = vec![
        Organisation::new(id(100), "ARS Auvergne-Rhône-Alpes", OrganisationKind::Ars, 0),
        Organisation::new(id(101), "CPAM du Cantal", OrganisationKind::Cpam, 0),
        Organisation::new(id(102), "Ville d'Aurillac", OrganisationKind::Commune, 0),
    ];
    c.governance.members = vec![Member {
        id: id(200),
        modified_at: 0,
        body: Body::SteeringCommittee,
        body_id: None,
        name: "Marie Dupont".into(),
        organisation_id: Some(id(100)),
        role: "Présidente".into(),
    }];
    c.governance.meetings = vec![Meeting {
        id: id(210),
        modified_at: 0,
        body: Body::SteeringCommittee,
        body_id: None,
        date: "2025-03-14".into(),
        notes: String::new(),
    }];
    c.diagnostic = vec![Finding {
        id: id(300),
        modified_at: 0,
        category: FindingCategory::CareProvision,
        text: "Densité médicale faible".into(),
    }];
    let mut care = Axis::new(id(10), "Accès aux soins", 0);
    care.objectives =
        vec![objective(11, "Attirer des médecins"), objective(12, "Coordonner les soins")];
    let mut mental = Axis::new(id(20), "Santé mentale et précarité", 0);
    mental.mental_health = true;
    mental.objectives = vec![objective(21, "Prévenir le suicide")];
    c.axes = vec![care, mental];
    c.sheets = vec![
        sheet(1000, "Attractivité médicale", 10, 11),
        sheet(2000, "Santé mentale des jeunes", 20, 21),
    ];
    c
}

/// The single issue of `contract`, which must have exactly one.
pub(super) fn only(contract: &Contract) -> Issue {
    let issues = validate(contract);
    assert_eq!(issues.len(), 1, "expected exactly one issue, got {issues:#?}");
    issues.into_iter().next().unwrap()
}

/// The single issue of `contract`, an error about `subject`.
pub(super) fn only_error(contract: &Contract, subject: Subject) -> Issue {
    let issue = only(contract);
    assert_error(&issue, subject);
    issue
}

/// The single issue of `contract`, a warning about `subject`.
pub(super) fn only_warning(contract: &Contract, subject: Subject) -> Issue {
    let issue = only(contract);
    assert_warning(&issue, subject);
    issue
}

pub(super) fn assert_error(issue: &Issue, subject: Subject) {
    assert_eq!(issue.severity, Severity::Error, "{issue:#?}");
    assert_eq!(issue.subject, subject, "{issue:#?}");
}

pub(super) fn assert_warning(issue: &Issue, subject: Subject) {
    assert_eq!(issue.severity, Severity::Warning, "{issue:#?}");
    assert_eq!(issue.subject, subject, "{issue:#?}");
}
