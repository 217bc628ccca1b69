//! The annual report of the demonstration contract: 2025 (counts, ordering, decision points),
//! 2027 (no follow-up yet: said plainly, never an empty shell), and any year of any generated
//! contract (never panics, always a cover and a synthesis).

use super::*;
use crate::document::test_support::{
    assert_no_empty_section, demo, headings, notices, section, table, tables,
};
use crate::document::{CellKind, ParagraphKind};
use crate::model::follow_up::with_follow_up;
use crate::model::planning::generated_contract;
use crate::model::ReviewStatus;
use proptest::prelude::*;

fn report(year: i32) -> Document {
    annual_report(&demo(), year, "2026-01-15")
}

fn texts(row: &[super::super::Cell]) -> Vec<&str> {
    row.iter().map(|c| c.text.as_str()).collect()
}

#[test]
fn the_cover_names_the_contract_the_year_the_date_and_the_copil_meetings() {
    let doc = report(2025);
    assert_eq!(doc.title, "Rapport annuel 2025");
    assert!(doc.contract_name.contains("Val-Sorel"));
    let cover: Vec<&str> = doc
        .blocks
        .iter()
        .take_while(|b| !matches!(b, Block::PageBreak))
        .flat_map(|b| match b {
            Block::Paragraph { text, kind: ParagraphKind::Cover } => vec![text.as_str()],
            Block::List(items) => items.iter().map(String::as_str).collect(),
            other => panic!("not a cover block: {other:?}"),
        })
        .collect();
    assert!(cover[0].contains("Pays de Val-Sorel 2024-2028"));
    assert_eq!(cover[1], "Période : 2024-2028");
    assert_eq!(cover[2], "Territoire : Pays de Val-Sorel (territoire fictif)");
    assert!(cover.contains(&"Rapport établi le 15 janvier 2026"));
    assert!(cover.contains(&"Réunions du comité de pilotage en 2025 :"));
    // The two COPIL of 2025, not the health commissions, nor the COPIL of 2024.
    let meetings: Vec<&&str> = cover.iter().filter(|l| l.contains(" 2025 : ")).collect();
    assert_eq!(meetings.len(), 2, "{cover:?}");
    assert!(meetings[0].starts_with("19 juin 2025 : COPIL de mi-année"));
    assert!(meetings[1].starts_with("4 décembre 2025 : Bilan annuel 2025"));
}

#[test]
fn the_synthesis_counts_the_actions_of_2025_by_status_and_axis() {
    let doc = report(2025);
    let counts = table(&doc, "Actions par statut et par axe en 2025");
    assert_eq!(counts.header.len(), 11, "axis, eight statuses, not filled, total");
    assert_eq!(counts.rows.len(), 9, "eight axes and the total");
    assert!(counts.rows[0][0].text.starts_with("Axe 1 – "));
    // Axis 1: 2 réalisé, 1 partiellement, 1 peu, 1 non réalisé, 1 reporté.
    assert_eq!(texts(&counts.rows[0][1..]), ["0", "0", "2", "1", "1", "1", "1", "0", "0", "6"]);
    let total = &counts.rows[8];
    assert_eq!(total[0].kind, CellKind::Total);
    assert_eq!(texts(&total[1..]), ["3", "5", "21", "4", "4", "2", "3", "2", "3", "47"]);
    let chart = doc.blocks.iter().find_map(|b| match b {
        Block::StatusChart(chart) => Some(chart),
        _ => None,
    });
    let chart = chart.expect("the synthesis has the chart");
    assert_eq!(chart.bars.len(), 8);
    assert_eq!(chart.bars[0].label, "Axe 1");
    assert!(chart.description.starts_with("Actions par statut en 2025. Axe 1 : 2 Réalisé"));
}

#[test]
fn three_sentences_state_the_figures_of_2025() {
    let doc = report(2025);
    let sentences: Vec<&str> = section(&doc, "Synthèse")
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { text, kind: ParagraphKind::Body } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        sentences,
        [
            "En 2025, 25 actions sur 47 sont réalisées ou partiellement réalisées (53\u{a0}%).",
            "Depuis le début du contrat et jusqu’en 2025, selon leur dernier statut renseigné, \
             26 actions sur 47 sont réalisées ou partiellement réalisées (55\u{a0}%).",
            "En 2025, 7 actions sont reportées, non réalisées ou abandonnées ; 3 actions n’ont \
             pas de statut renseigné.",
        ]
    );
    assert!(notices(&doc).is_empty(), "2025 is followed and inside the period");
}

#[test]
fn axes_then_fiches_come_in_order_with_their_lead_and_reviews() {
    let doc = report(2025);
    let parts = headings(&doc, 1);
    assert_eq!(parts[0], "Synthèse");
    assert!(parts[1].starts_with("Axe 1 – ") && parts[8].starts_with("Axe 8 – "));
    assert_eq!(
        parts[9..],
        ["Indicateurs 2025", "Budget 2025", "Points soumis à la décision du COPIL"]
    );
    let fiches = headings(&doc, 2);
    for (n, fiche) in fiches.iter().take(8).enumerate() {
        assert!(fiche.starts_with(&format!("Fiche action n°{} – ", n + 1)), "{fiche}");
    }
    let first = section(&doc, fiches[0]);
    let Block::Paragraph { text, .. } = &first[0] else { panic!("{first:?}") };
    assert_eq!(
        text,
        "Statut de la fiche en 2025 : Partiellement réalisé. Pilote : Conseil départemental de \
         la Lende (M. Antoine Delmas, chargé de mission démographie médicale)."
    );
    let Block::Table(table) = &first[1] else { panic!("{first:?}") };
    assert_eq!(table.header[..2], ["Fiche ou action", "Statut 2025"]);
    assert_eq!(table.rows.len(), 7, "the fiche's own bilan and its six actions");
    assert_eq!(table.rows[0][0].text, "Bilan de la fiche");
    let postponed = &table.rows[4];
    assert_eq!(postponed[1].kind, CellKind::Status(Some(ReviewStatus::Postponed)));
    assert_ne!(postponed[3].text, "—", "why it was postponed");
}

#[test]
fn the_contract_indicators_come_first_with_the_gap() {
    let doc = report(2025);
    let indicators = table(&doc, "Indicateurs 2025");
    assert_eq!(indicators.rows.len(), 7 + 16);
    assert!(indicators.rows[..7].iter().all(|r| r[0].text == "Contrat"));
    assert_eq!(indicators.rows[7][0].text, "Fiche n°1");
    let first = texts(&indicators.rows[0]);
    assert!(first[1].starts_with("Nombre de professionnels participant au CLS"));
    assert_eq!(first[2..], ["55", "58", "+3", "Oui"]);
    // A waiting time should stay low: 52 days for a target of 55 is reached, 3 below.
    let waiting = indicators.rows.iter().find(|r| r[1].text.starts_with("Délai moyen")).unwrap();
    assert_eq!(texts(&waiting[4..]), ["−3", "Oui"]);
    let words = indicators.rows.iter().find(|r| r[1].text.starts_with("Évolution")).unwrap();
    assert_eq!(texts(&words[4..]), ["—", "—"], "no gap between words");
}

#[test]
fn the_budget_gives_planned_and_spent_per_fiche_and_funder_with_totals() {
    let doc = report(2025);
    let per_fiche = table(&doc, "Budget 2025 par fiche");
    assert_eq!(per_fiche.rows.len(), 9);
    assert!(per_fiche.rows[0][0].text.starts_with("Fiche action n°1 – "));
    assert_eq!(texts(&per_fiche.rows[0][1..]), ["45\u{202f}000\u{a0}€", "40\u{202f}700\u{a0}€"]);
    let per_funder = table(&doc, "Budget 2025 par financeur");
    let total = |t: &super::super::Table| texts(t.rows.last().unwrap()).join(" ");
    assert_eq!(total(per_fiche), total(per_funder));
    assert!(total(per_fiche).starts_with("Total "));
}

#[test]
fn the_decision_points_are_the_slipped_actions_and_the_incomplete_fiches() {
    let doc = report(2025);
    let slipped = table(&doc, "Actions reportées, non réalisées ou abandonnées en 2025");
    let found: Vec<(&str, Option<ReviewStatus>)> = slipped
        .rows
        .iter()
        .map(|r| match r[2].kind {
            CellKind::Status(status) => (r[0].text.as_str(), status),
            _ => panic!("{r:?}"),
        })
        .collect();
    use ReviewStatus::*;
    assert_eq!(
        found,
        [
            ("n°1", Some(Postponed)),
            ("n°1", Some(NotDone)),
            ("n°3", Some(Abandoned)),
            ("n°4", Some(Postponed)),
            ("n°5", Some(NotDone)),
            ("n°6", Some(Abandoned)),
            ("n°7", Some(Postponed)),
        ]
    );
    assert!(slipped.rows[1][1].text.starts_with("Signer la charte d’accueil des stagiaires"));
    let incomplete = section(&doc, "Fiches dont le suivi 2025 est incomplet");
    let Block::List(items) = &incomplete[0] else { panic!("{incomplete:?}") };
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(
        items[0].starts_with("Fiche action n°4 – ")
            && items[0].ends_with(" : 1 action sur 6 sans statut.")
    );
    assert!(items[1].starts_with("Fiche action n°6 – "));
    assert!(items[1].ends_with(" : bilan de la fiche non renseigné, 1 action sur 6 sans statut."));
    assert!(items[2].starts_with("Fiche action n°7 – "));
}

#[test]
fn a_year_without_follow_up_says_so_and_is_never_an_empty_shell() {
    let doc = report(2027);
    assert_eq!(doc.title, "Rapport annuel 2027");
    assert!(doc
        .texts()
        .any(|t| t == "Aucune réunion du comité de pilotage n’est enregistrée pour 2027."));
    let said = notices(&doc);
    assert!(said[0].starts_with("Aucun suivi n’a été saisi pour 2027 : "), "{said:?}");
    assert!(said.contains(&"Aucune cible ni aucun résultat d’indicateur n’est saisi pour 2027."));
    assert!(said.contains(
        &"Aucun suivi n’a été saisi pour 2027 : les 8 fiches du contrat sont à renseigner."
    ));
    // The synthesis still counts: every action « Non renseigné ».
    let counts = table(&doc, "Actions par statut et par axe en 2027");
    let total = counts.rows.last().unwrap();
    assert_eq!(texts(&total[1..]), ["0", "0", "0", "0", "0", "0", "0", "0", "47", "47"]);
    assert!(doc.texts().any(|t| t
        == "En 2027, aucune des 47 actions n’est réalisée ni partiellement réalisée (0\u{a0}%)."));
    // No axis nor fiche section full of « Non renseigné »; the planned budget is still there.
    assert_eq!(
        headings(&doc, 1),
        ["Synthèse", "Indicateurs 2027", "Budget 2027", "Points soumis à la décision du COPIL"]
    );
    assert!(headings(&doc, 2).is_empty());
    assert!(table(&doc, "Budget 2027 par fiche").rows.last().unwrap()[2]
        .text
        .contains("lignes non renseignées"));
    assert_no_empty_section(&doc);
    assert_no_empty_section(&report(2025));
}

#[test]
fn a_year_outside_the_period_says_so() {
    let doc = report(2031);
    assert_eq!(notices(&doc)[0], "2031 est en dehors de la période du contrat (2024-2028).");
    assert_no_empty_section(&doc);
}

#[test]
fn a_fiche_nobody_reviewed_in_a_followed_year_says_so() {
    let mut contract = demo();
    for sheet in contract.sheets.iter_mut().skip(1) {
        sheet.reviews.retain(|r| r.year != 2025);
        sheet.actions.iter_mut().for_each(|a| a.reviews.retain(|r| r.year != 2025));
    }
    let doc = annual_report(&contract, 2025, "2026-01-15");
    let fiche = headings(&doc, 2)[1];
    assert!(section(&doc, fiche).iter().any(|b| matches!(b, Block::Paragraph { text, kind: ParagraphKind::Notice } if text == "Aucun suivi n’a été saisi pour cette fiche en 2025.")));
    assert!(doc.texts().any(|t| t.ends_with(" : aucun suivi saisi.")));
    assert_no_empty_section(&doc);
}

#[test]
fn a_contract_without_actions_says_there_is_nothing_to_count() {
    let contract = crate::model::Contract::blank(crate::model::Id::from_u128(1), "CLS", 0);
    let doc = annual_report(&contract, 2025, "2025-12-01");
    assert!(notices(&doc)
        .contains(&"Le contrat ne compte encore aucune action : il n’y a rien à compter."));
    assert!(tables(&doc).is_empty());
    assert_no_empty_section(&doc);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Any year, inside the period or not, of a generated contract with or without follow-up:
    /// the report has its cover and its synthesis, and no empty section.
    #[test]
    fn any_report_has_a_cover_and_a_synthesis(
        sheets in 0usize..6,
        actions in 0usize..5,
        followed in any::<bool>(),
        year in 2015i32..2035,
    ) {
        let mut contract = generated_contract(sheets, actions);
        if followed {
            with_follow_up(&mut contract);
        }
        let doc = annual_report(&contract, year, "pas une date");
        let title = format!("Rapport annuel {year}");
        prop_assert_eq!(&doc.title, &title);
        let first_is_cover = matches!(&doc.blocks[0], Block::Paragraph { kind: ParagraphKind::Cover, .. });
        prop_assert!(first_is_cover);
        prop_assert!(doc.texts().any(|t| t == "Rapport établi le pas une date"));
        prop_assert_eq!(headings(&doc, 1)[0], "Synthèse");
        assert_no_empty_section(&doc);
    }
}

#[test]
fn an_amount_to_specify_is_said_in_the_budget_never_taken_for_zero() {
    let mut contract = demo();
    let sheet = contract
        .sheets
        .iter_mut()
        .find(|s| s.funding.iter().filter(|l| l.year == 2025).count() >= 2)
        .expect("a fiche with two lines in 2025");
    let title = sheet.title.clone();
    let line = sheet.funding.iter_mut().find(|l| l.year == 2025).unwrap();
    line.planned_euros = None;
    let doc = annual_report(&contract, 2025, "2026-01-15");
    let per_fiche = table(&doc, "Budget 2025 par fiche");
    let row = per_fiche.rows.iter().find(|r| r[0].text.ends_with(title.trim())).unwrap();
    assert!(row[1].text.ends_with("\u{a0}€ dont 1 montant à préciser"), "{}", row[1].text);
    let total = &per_fiche.rows.last().unwrap()[1].text;
    assert!(total.ends_with("\u{a0}€ dont 1 montant à préciser"), "{total}");
}
