//! A generated contract of any size, for benchmarks and load tests of the planning.

use crate::model::{
    Action, ActionSheet, Axis, Body, Contract, Id, Lead, Meeting, Organisation, OrganisationKind,
    Period, ReviewStatus, Signatory, StrategicObjective, YearMonth, YearReview,
};

const AXES: [&str; 8] = [
    "Accès aux soins",
    "Santé mentale",
    "Prévention et promotion de la santé",
    "Santé environnementale",
    "Parcours des personnes âgées",
    "Santé des jeunes",
    "Précarité et accès aux droits",
    "Coordination et animation du contrat",
];

const ORGANISATIONS: [(&str, OrganisationKind); 12] = [
    ("ARS Occitanie", OrganisationKind::Ars),
    ("Communauté de communes du Pays de Test", OrganisationKind::Epci),
    ("Ville de Testville", OrganisationKind::Commune),
    ("Préfecture du Tarn", OrganisationKind::Prefecture),
    ("Conseil départemental du Tarn", OrganisationKind::ConseilDepartemental),
    ("Centre hospitalier de Testville", OrganisationKind::Hospital),
    ("CPAM du Tarn", OrganisationKind::Cpam),
    ("MSA Midi-Pyrénées Nord", OrganisationKind::Msa),
    ("CAF du Tarn", OrganisationKind::Caf),
    ("CPTS du Pays de Test", OrganisationKind::Cpts),
    ("Éducation nationale", OrganisationKind::EducationNationale),
    ("Mutualité Française Occitanie", OrganisationKind::Association),
];

const FIRST_YEAR: i32 = 2024;
const MONTHS: usize = 60;

fn org(n: usize) -> Id {
    Id::from_u128(0x1000 + (n % ORGANISATIONS.len()) as u128)
}

fn month(offset: usize) -> YearMonth {
    let offset = offset.min(MONTHS - 1) as i32;
    YearMonth { year: FIRST_YEAR + offset / 12, month: (offset % 12 + 1) as u8 }
}

fn review(year: i32, n: usize) -> YearReview {
    YearReview {
        comment: "Bilan généré.".into(),
        ..YearReview::with_status(year, ReviewStatus::ALL[n % ReviewStatus::ALL.len()])
    }
}

/// A generated contract: `sheets` sheets of `actions` actions each over 2024-2028, spread over
/// 8 axes (two strategic objectives each), with leads, partners, dates inside the period,
/// milestones, a few reviews and a COPIL a year. Deterministic: ids come from `Id::from_u128`.
pub fn generated_contract(sheets: usize, actions: usize) -> Contract {
    let mut c = Contract::blank(Id::from_u128(1), format!("CLS généré ({sheets} fiches)"), 0);
    c.period = Period { first_year: FIRST_YEAR, last_year: FIRST_YEAR + 4 };
    c.organisations = ORGANISATIONS
        .iter()
        .enumerate()
        .map(|(n, (name, kind))| {
            let mut o = Organisation::new(org(n), *name, *kind, 0);
            if n < 6 {
                o.signatory = Some(Signatory { rank: n as u32 + 1, ..Default::default() });
            }
            o
        })
        .collect();
    c.axes = AXES
        .iter()
        .enumerate()
        .map(|(a, title)| {
            let mut axis = Axis::new(Id::from_u128(0x2000 + a as u128), *title, 0);
            axis.mental_health = a == 1;
            axis.objectives = (0..2)
                .map(|o| StrategicObjective {
                    id: Id::from_u128(0x3000 + (a * 2 + o) as u128),
                    modified_at: 0,
                    title: format!("Objectif {} de l’axe « {title} »", o + 1),
                })
                .collect();
            axis
        })
        .collect();
    for year in c.period.years() {
        c.governance.meetings.push(Meeting {
            id: Id::from_u128(0x4000 + year as u128),
            modified_at: 0,
            body: Body::SteeringCommittee,
            body_id: None,
            date: format!("{year}-06-{:02}", 10 + (year % 7)),
            notes: format!("COPIL annuel {year}"),
        });
    }
    for s in 0..sheets {
        let axis = &c.axes[s % AXES.len()];
        let mut sheet = ActionSheet::new(
            Id::from_u128(0x1_0000_0000 + s as u128),
            format!("Fiche générée {}", s + 1),
            0,
        );
        sheet.axis_id = Some(axis.id);
        sheet.objective_id = Some(axis.objectives[(s / AXES.len()) % 2].id);
        sheet.mental_health = s % AXES.len() == 1;
        sheet.leads =
            vec![Lead { organisation_id: Some(org(s)), person: format!("Référent {}", s + 1) }];
        sheet.partner_ids = vec![org(s + 3), org(s + 7)];
        if s % 3 == 0 {
            sheet.reviews.push(review(2025, s));
        }
        for a in 0..actions {
            let n = s * actions + a;
            let id = Id::from_u128((1u128 << 64) | ((s as u128) << 32) | a as u128);
            let mut action = Action::new(id, format!("Action {} de la fiche {}", a + 1, s + 1), 0);
            let start = (s * 7 + a * 5) % 48;
            action.start = Some(month(start));
            action.end = Some(month(start + 1 + (s + a * 3) % 18));
            action.milestone = a % 4 == 3;
            if a % 3 == 1 {
                action.lead_id = Some(org(s + a + 1));
            }
            if n.is_multiple_of(5) {
                action.reviews.push(review(2024 + (n % 3) as i32, n));
            }
            sheet.actions.push(action);
        }
        c.sheets.push(sheet);
    }
    c
}

#[cfg(test)]
mod tests {
    use super::super::{milestones_ics, plan_csv, plan_rows, yearly_summary};
    use super::*;
    use crate::model::validation::{errors, validate};

    #[test]
    fn a_thousand_valid_actions() {
        let c = generated_contract(100, 10);
        let rows = plan_rows(&c, 2025);
        assert_eq!(rows.len(), 1000);
        let issues = validate(&c);
        assert_eq!(errors(&issues), 0, "{:?}", issues.iter().find(|i| i.is_error()));
        assert!(rows.iter().all(|r| r.start <= r.end && r.start.is_some()));
        assert!(rows.iter().any(|r| r.milestone) && rows.iter().any(|r| r.status.is_some()));
        assert!(rows.iter().any(|r| r.status.is_none()));
        let axes: std::collections::HashSet<_> = rows.iter().map(|r| r.axis_rank).collect();
        assert_eq!(axes.len(), 8);
        assert!(yearly_summary(&rows, c.period).iter().all(|y| y.running > 0));
        assert_eq!(plan_csv(&c, &rows).matches("\r\n").count(), 1001);
        assert_eq!(milestones_ics(&c, "20261123T101500Z").matches("BEGIN:VEVENT").count(), 200 + 5);
    }

    #[test]
    fn generation_is_deterministic() {
        assert_eq!(generated_contract(7, 3), generated_contract(7, 3));
        assert!(generated_contract(0, 0).sheets.is_empty());
    }
}
