//! Guard on validation's French: every message and location uses the typographic apostrophe
//! (’), like the screens that show them beside each item. The contracts people start from (the
//! rules' fixture, the example rebuilt from the signed contract, the demonstration) are broken
//! in every way validation checks, one way at a time, and nothing it says may hold a straight
//! apostrophe: a new rule written with one fails here.
//!
//! The contracts' own data is made typographic first (the example keeps the seed's wording,
//! straight apostrophes included, and messages quote names and dates), so that only what
//! validation writes itself is judged.

use super::fixture::clean;
use super::{validate, Issue};
use crate::model::example::{demonstration, example_contract};
use crate::model::typography::assert_typographic;
use crate::model::{
    json, Action, Amendment, Axis, Body, Contract, FormerItem, FormerSheet, FundingKind,
    FundingLine, GovernanceBody, Id, Indicator, IndicatorKind, IndicatorScale, IndicatorValue,
    Lead, Meeting, Member, Organisation, Period, Signatory, SpecificObjective, StrategicObjective,
    YearMonth, YearReview,
};
use std::collections::BTreeSet;

/// An id no base contract uses.
fn fresh(n: u128) -> Id {
    Id::from_u128(0x7e57_0000_0000 + n)
}

/// The same contract, with the straight apostrophes of its data made typographic.
fn typographic_data(contract: &Contract) -> Contract {
    let text = json::to_text(contract).expect("contract to JSON").replace('\'', "’");
    json::from_text(&text).expect("contract from JSON")
}

/// The contracts validation is run on. The fixture and the demonstration are clean; the
/// example's fiches have no pilot (the signed text names none).
fn bases() -> Vec<(&'static str, Contract)> {
    [("fixture", clean()), ("example", example_contract()), ("demonstration", demonstration())]
        .into_iter()
        .map(|(name, contract)| (name, typographic_data(&contract)))
        .collect()
}

fn objective(n: u128, title: &str) -> StrategicObjective {
    StrategicObjective { id: fresh(n), modified_at: 0, title: title.into() }
}

fn meeting(n: u128, date: &str) -> Meeting {
    Meeting {
        id: fresh(n),
        modified_at: 0,
        body: Body::SteeringCommittee,
        body_id: None,
        date: date.into(),
        notes: String::new(),
    }
}

fn funding(n: u128, year: i32, funder: Id) -> FundingLine {
    FundingLine {
        id: fresh(n),
        modified_at: 0,
        year,
        funder_id: Some(funder),
        kind: FundingKind::Operating,
        planned_euros: Some(1000),
        actual_euros: None,
        in_kind_days: None,
    }
}

fn action(n: u128, start: Option<YearMonth>, end: Option<YearMonth>) -> Action {
    let mut action = Action::new(fresh(n), "Action ajoutée", 0);
    (action.start, action.end) = (start, end);
    action
}

/// An indicator whose yearly values break every rule on them: no year, a year outside the
/// period, a year given twice, words where a number is expected.
fn mistyped_indicator(n: u128, name: &str, period: Period) -> Indicator {
    let mut indicator = Indicator::new(fresh(n), IndicatorKind::Outcome, name, 0);
    indicator.target = "10".into();
    indicator.scale = IndicatorScale::AtLeast;
    let first = period.first_year;
    let mut twice = IndicatorValue::new(first);
    twice.target = "beaucoup".into();
    twice.result = "pas encore".into();
    indicator.values = vec![
        IndicatorValue { year: None, ..Default::default() },
        IndicatorValue::new(period.last_year + 5),
        IndicatorValue::new(first),
        twice,
    ];
    indicator
}

/// One way of breaking a contract: a name for the failure message and the change.
type Breaker = (&'static str, fn(&mut Contract));

/// Every rule of validation, broken. Each change stands alone on any contract with an
/// organisation, an axis with an objective and a fiche placed under it.
const BREAKERS: &[Breaker] = &[
    ("contract without a name", |c| c.name.clear()),
    ("signing date mistyped", |c| c.signing.date = Some("27/06/2024".into())),
    ("inverted period", |c| c.period = Period { first_year: 2028, last_year: 2024 }),
    ("period too long", |c| c.period = Period { first_year: 2024, last_year: 2040 }),
    ("implausible years", |c| c.period = Period { first_year: 1990, last_year: 1994 }),
    ("no mental-health component", |c| {
        c.axes.iter_mut().for_each(|a| a.mental_health = false);
        c.sheets.iter_mut().for_each(|s| s.mental_health = false);
    }),
    ("meetings without a valid date", |c| {
        c.governance.meetings.extend([meeting(1, ""), meeting(2, "14/03/2025")]);
    }),
    ("co-lead deleted", |c| {
        c.leads.push(Lead { organisation_id: Some(fresh(3)), person: String::new() });
    }),
    ("empty signature block", |c| c.organisations[0].signatory = Some(Signatory::default())),
    ("a fiche's lead also co-lead and partner", |c| {
        let organisation = c.organisations[0].id;
        let sheet = &mut c.sheets[0];
        sheet.lead_mut().organisation_id = Some(organisation);
        sheet.leads.push(Lead { organisation_id: Some(organisation), person: String::new() });
        sheet.partner_ids.push(organisation);
    }),
    ("other body without a name", |c| {
        c.governance.bodies.push(GovernanceBody::new(fresh(4), Body::Other, 0));
    }),
    ("previous bilan rows without a status", |c| {
        let mut sheet = FormerSheet::new(fresh(5), "Ancienne fiche", 0);
        sheet.items.push(FormerItem::new(fresh(6), "", 0));
        sheet.items.push(FormerItem::new(fresh(7), "Bourses d’études", 0));
        c.previous_review.sheets.push(sheet);
    }),
    ("avenants misnumbered, undated, without object or meeting", |c| {
        c.signing.date = Some("2024-06-27".into());
        let amendments = [0, 2, 2, 6]
            .into_iter()
            .enumerate()
            .map(|(rank, number)| Amendment::new(fresh(10 + rank as u128), number, 0));
        c.amendments.extend(amendments);
        let added = c.amendments.len() - 4;
        c.amendments[added].date = Some("1er juin".into());
        c.amendments[added + 1].date = Some("2020-01-01".into());
        c.amendments[added + 2].meeting_id = Some(fresh(14));
    }),
    ("titles left empty", |c| {
        c.axes[0].title.clear();
        c.axes[0].objectives[0].title.clear();
        c.sheets[0].title.clear();
    }),
    ("titles and names given twice", |c| {
        let mut axis = Axis::new(fresh(20), c.axes[0].title.clone(), 0);
        axis.objectives = vec![objective(21, "Même objectif"), objective(22, "Même objectif")];
        c.axes.push(axis);
        let mut sheet = c.sheets[0].clone();
        sheet.id = fresh(23);
        c.sheets.push(sheet);
        let first = &c.organisations[0];
        c.organisations.push(Organisation::new(fresh(24), first.name.clone(), first.kind, 0));
    }),
    ("axis deleted", |c| c.sheets[0].axis_id = Some(fresh(30))),
    ("objectives deleted", |c| {
        let sheet = &mut c.sheets[0];
        sheet.objective_id = Some(fresh(31));
        sheet.specific_objectives.push(SpecificObjective {
            id: fresh(32),
            modified_at: 0,
            strategic_objective_id: Some(fresh(33)),
            text: "Objectif orphelin".into(),
        });
    }),
    ("objectives of another axis", |c| {
        let mut axis = Axis::new(fresh(40), "Autre axe", 0);
        axis.objectives = vec![objective(41, "Objectif d’un autre axe")];
        c.axes.push(axis);
        let sheet = &mut c.sheets[0];
        sheet.objective_id = Some(fresh(41));
        sheet.specific_objectives.push(SpecificObjective {
            id: fresh(42),
            modified_at: 0,
            strategic_objective_id: Some(fresh(41)),
            text: "Objectif mal placé".into(),
        });
    }),
    ("organisations and finding deleted", |c| {
        let (gone, year) = (fresh(50), c.period.first_year);
        c.governance.members.push(Member {
            id: fresh(51),
            modified_at: 0,
            body: Body::SteeringCommittee,
            body_id: None,
            name: "Membre".into(),
            organisation_id: Some(gone),
            role: String::new(),
        });
        let sheet = &mut c.sheets[0];
        sheet.leads.push(Lead { organisation_id: Some(gone), person: String::new() });
        sheet.partner_ids.push(gone);
        sheet.finding_ids.push(fresh(52));
        let mut led = action(53, None, None);
        led.lead_id = Some(gone);
        sheet.actions.push(led);
        sheet.funding.push(funding(54, year, gone));
    }),
    ("dates outside the period", |c| {
        let Period { first_year: first, last_year: last } = c.period;
        let funder = c.organisations[0].id;
        let sheet = &mut c.sheets[0];
        sheet.actions.push(action(60, YearMonth::new(first - 1, 11), YearMonth::new(last + 1, 3)));
        sheet.actions.push(action(61, YearMonth::new(first, 9), YearMonth::new(first, 2)));
        let mut reviewed = action(62, None, None);
        reviewed.reviews.push(YearReview::new(last + 2));
        reviewed.reviews[0].comment = "Bilan égaré".into();
        sheet.actions.push(reviewed);
        sheet.funding.push(funding(63, last + 1, funder));
        let mut review = YearReview::new(first - 1);
        review.comment = "Bilan égaré".into();
        sheet.reviews.insert(0, review);
    }),
    ("fiche without lead, axis or target", |c| {
        let sheet = &mut c.sheets[0];
        sheet.leads.clear();
        (sheet.axis_id, sheet.objective_id) = (None, None);
        sheet.specific_objectives.iter_mut().for_each(|o| o.strategic_objective_id = None);
        sheet.indicators.push(Indicator::new(fresh(70), IndicatorKind::Process, "Sans cible", 0));
    }),
    ("indicator values mistyped", |c| {
        let period = c.period;
        c.indicators.push(mistyped_indicator(80, "Taux de réponse", period));
        c.sheets[0].indicators.push(mistyped_indicator(81, "", period));
    }),
];

fn assert_said_typographically(issues: &[Issue], what: &str) {
    for issue in issues {
        assert_typographic(&format!("{what}, location"), &issue.path);
        assert_typographic(&format!("{what}, message"), &issue.message);
    }
}

#[test]
fn every_validation_message_uses_typographic_apostrophes() {
    for (base, contract) in bases() {
        let found = validate(&contract);
        assert_said_typographically(&found, base);
        let mut messages = BTreeSet::new();
        for (name, break_it) in BREAKERS {
            let mut broken = contract.clone();
            break_it(&mut broken);
            let issues = validate(&broken);
            assert!(issues.len() > found.len(), "« {name} » breaks nothing in the {base}");
            assert_said_typographically(&issues, &format!("{base}, {name}"));
            messages.extend(issues.into_iter().map(|i| i.message));
        }
        // About sixty sentences: a rule that stopped firing would show here first.
        assert!(
            messages.len() >= 55,
            "the {base} gave only {} messages: {messages:#?}",
            messages.len()
        );
    }
}

#[test]
#[should_panic(expected = "has a straight apostrophe")]
fn the_guard_sees_a_straight_apostrophe() {
    let issue = Issue {
        severity: super::Severity::Warning,
        subject: super::Subject::Contract,
        path: "Contrat".into(),
        message: "Le contrat n'a pas de nom.".into(),
    };
    assert_said_typographically(&[issue], "a message typed with a straight apostrophe");
}
