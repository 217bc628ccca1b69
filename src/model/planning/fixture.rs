//! A small hand-made contract shared by the planning tests.

use crate::model::{
    Action, ActionSheet, Axis, Body, Contract, Id, Meeting, Organisation, OrganisationKind,
    ReviewStatus, YearMonth, YearReview,
};

pub fn id(n: u128) -> Id {
    Id::from_u128(n)
}

pub fn ym(year: i32, month: u8) -> YearMonth {
    YearMonth::new(year, month).unwrap()
}

pub fn review(year: i32, status: ReviewStatus) -> YearReview {
    YearReview::with_status(year, status)
}

fn action(n: u128, text: &str, start: Option<YearMonth>, end: Option<YearMonth>) -> Action {
    let mut a = Action::new(id(n), text, 0);
    a.start = start;
    a.end = end;
    a
}

pub fn meeting(n: u128, body: Body, date: &str) -> Meeting {
    Meeting {
        id: id(n),
        modified_at: 0,
        body,
        body_id: None,
        date: date.into(),
        notes: String::new(),
    }
}

/// Reading order: sheet 200 (axis 1, no title, no lead), sheet 100 (axis 2), sheet 300 (no axis).
pub fn sample() -> Contract {
    let mut c = Contract::blank(id(1), "CLS du Pays de Test, 2024-2028", 0);
    c.organisations = vec![
        Organisation::new(id(50), "ARS Occitanie", OrganisationKind::Ars, 0),
        Organisation::new(id(51), "Mutualité Française", OrganisationKind::Association, 0),
        Organisation::new(id(52), "CPTS du Sud; \"Nord\"", OrganisationKind::Cpts, 0),
    ];
    c.axes = vec![Axis::new(id(10), "Offre de soins", 0), Axis::new(id(20), "Santé mentale", 0)];
    c.axes[1].mental_health = true;

    let mut suicide = ActionSheet::new(id(100), "Prévention du suicide", 0);
    suicide.axis_id = Some(id(20));
    suicide.lead_mut().organisation_id = Some(id(50));
    suicide.partner_ids = vec![id(51), id(52)];
    suicide.reviews.push(review(2024, ReviewStatus::PartlyDone));
    let mut sentinels = action(
        101,
        "  \n Former des sentinelles \nen deux sessions",
        Some(ym(2025, 3)),
        Some(ym(2026, 6)),
    );
    sentinels.reviews = vec![review(2024, ReviewStatus::NotDone), review(2025, ReviewStatus::Done)];
    let mut kickoff = action(102, "   ", Some(ym(2024, 1)), None);
    kickoff.milestone = true;
    kickoff.lead_id = Some(id(51));
    suicide.actions = vec![sentinels, kickoff];

    let mut care = ActionSheet::new(id(200), "  ", 0);
    care.axis_id = Some(id(10));
    let mut house =
        action(201, "Ouvrir une maison de santé", Some(ym(2027, 9)), Some(ym(2028, 12)));
    house.milestone = true;
    care.actions = vec![house, action(202, "Sans dates", None, None)];

    let mut coordination = ActionSheet::new(id(300), "Coordination", 0);
    coordination.lead_mut().organisation_id = Some(id(51));
    coordination.actions = vec![action(
        301,
        "Recruter le coordinateur, \"vite\"",
        Some(ym(2024, 1)),
        Some(ym(2024, 6)),
    )];

    c.sheets = vec![suicide, care, coordination];
    c.governance.meetings = vec![
        meeting(401, Body::SteeringCommittee, "2025-06-12"),
        meeting(402, Body::SteeringCommittee, "pas une date"),
        meeting(403, Body::HealthCommission, "2025-03-01"),
    ];
    c
}
