//! The evaluation of the demonstration contract: totals per axis by latest status, one table
//! per fiche with each action's latest status, one column per year for the indicators; and
//! what a fiche without actions or a contract without follow-up reads.

use super::*;
use crate::document::test_support::{
    assert_no_empty_section, demo, headings, notices, table, tables,
};
use crate::document::CellKind;
use crate::model::{Id, ReviewStatus, YearReview};

/// The first row of the document's tables whose first cell ends with `label`.
fn row_ending<'a>(doc: &'a Document, label: &str) -> &'a [Cell] {
    let mut rows = tables(doc).into_iter().flat_map(|t| &t.rows);
    rows.find(|r| r[0].text.ends_with(label)).expect("the row")
}

fn texts(row: &[Cell]) -> Vec<&str> {
    row.iter().map(|c| c.text.as_str()).collect()
}

#[test]
fn the_cover_says_which_years_were_followed() {
    let doc = evaluation(&demo(), "2028-11-30");
    assert_eq!(doc.title, "Bilan du contrat 2024-2028");
    assert!(doc.texts().any(|t| t == "Bilan établi le 30 novembre 2028"));
    assert!(doc.texts().any(|t| t == "Années suivies : 2024, 2025."));
    assert_eq!(
        headings(&doc, 1),
        ["Synthèse par axe", "Bilan par fiche action", "Trajectoire des indicateurs"]
    );
    assert_no_empty_section(&doc);
}

#[test]
fn totals_per_axis_count_each_action_once_by_its_latest_status() {
    let doc = evaluation(&demo(), "2028-11-30");
    let counts = table(&doc, "Actions par dernier statut et par axe");
    assert_eq!(counts.rows.len(), 9);
    // Axis 4: « Réunir le réseau sport-santé » has no status in 2025, so its 2024 « Réalisé »
    // counts: 3 réalisé where the 2025 report has 2.
    assert_eq!(texts(&counts.rows[3][1..]), ["0", "1", "3", "0", "1", "0", "1", "0", "0", "6"]);
    let total = counts.rows.last().unwrap();
    assert_eq!(texts(&total[1..]), ["5", "5", "22", "4", "4", "2", "3", "2", "0", "47"]);
}

#[test]
fn each_fiche_has_its_table_with_the_latest_status_of_each_action() {
    let contract = demo();
    let doc = evaluation(&contract, "2028-11-30");
    let fiches: Vec<_> =
        tables(&doc).into_iter().filter(|t| t.caption.starts_with("Bilan – ")).collect();
    assert_eq!(fiches.len(), 8);
    for (n, fiche) in fiches.iter().enumerate() {
        assert!(fiche.caption.starts_with(&format!("Bilan – Fiche action n°{} – ", n + 1)));
        assert_eq!(fiche.header[..3], ["Fiche ou action", "Dernier statut", "Année"]);
    }
    assert_eq!(fiches[0].rows.len(), 7, "the fiche's own bilan and its six actions");
    let network =
        fiches[3].rows.iter().find(|r| r[0].text.contains("Réunir le réseau sport-santé")).unwrap();
    assert_eq!(network[1].kind, CellKind::Status(Some(ReviewStatus::Done)));
    assert_eq!(network[1].text, "Réalisé", "the status is written, not only coloured");
    assert_eq!(network[2].text, "2024");
    let own = &fiches[5].rows[0];
    assert_eq!(own[0].text, "Bilan de la fiche");
    assert_eq!(
        (own[1].kind, own[2].text.as_str()),
        (CellKind::Status(Some(ReviewStatus::PartlyDone)), "2024")
    );
    let radon = &fiches[5].rows[1];
    assert!(radon[0].text.starts_with("Action 1 – Campagne de mesure du radon dans les logements"));
    assert_eq!((radon[1].text.as_str(), radon[2].text.as_str()), ("Réalisé", "2025"));
    assert_ne!(radon[3].text, "—", "what was done in 2025");
}

#[test]
fn the_indicators_have_one_column_per_year() {
    let doc = evaluation(&demo(), "2028-11-30");
    let trajectory = table(&doc, "Trajectoire des indicateurs 2024-2028");
    assert_eq!(trajectory.header.len(), 3 + 5);
    assert_eq!(trajectory.header[3], "2024 (cible / résultat)");
    assert_eq!(trajectory.rows.len(), 7 + 16);
    let first = texts(&trajectory.rows[0]);
    assert_eq!(first[0], "Contrat");
    assert_eq!(first[2..], ["80", "40 / 46", "55 / 58", "—", "—", "—"]);
    assert_eq!(trajectory.rows[7][0].text, "Fiche n°1");
}

#[test]
fn a_fiche_without_actions_lists_the_specific_objectives_its_bilan_covers() {
    let mut contract = demo();
    contract.sheets[0].actions.clear();
    let doc = evaluation(&contract, "2028-11-30");
    let fiche = table(&doc, "Bilan – Fiche action n°1");
    assert_eq!(fiche.rows.len(), 1);
    let position = doc
        .blocks
        .iter()
        .position(
            |b| matches!(b, Block::Table(t) if t.caption.starts_with("Bilan – Fiche action n°1")),
        )
        .unwrap();
    assert!(
        matches!(&doc.blocks[position + 1], Block::Paragraph { text, .. } if text.starts_with("Cette fiche n’a pas d’action"))
    );
    let Block::List(objectives) = &doc.blocks[position + 2] else { panic!() };
    assert!(objectives[0].starts_with("1.1.1 – "), "{objectives:?}");
}

#[test]
fn a_contract_without_follow_up_says_so() {
    let mut contract = demo();
    for sheet in &mut contract.sheets {
        sheet.reviews.clear();
        sheet.actions.iter_mut().for_each(|a| a.reviews.clear());
    }
    let doc = evaluation(&contract, "2024-06-01");
    assert!(doc.texts().any(|t| t == "Aucun suivi n’a encore été saisi."));
    assert!(notices(&doc)[0].starts_with("Aucun suivi n’a encore été saisi : "));
    assert_eq!(
        notices(&doc)
            .iter()
            .filter(|n| **n == "Aucun bilan n’a été saisi pour cette fiche.")
            .count(),
        8
    );
    assert_no_empty_section(&doc);
    let blank = crate::model::Contract::blank(Id::from_u128(1), "CLS", 0);
    assert_no_empty_section(&evaluation(&blank, "2024-06-01"));
}

#[test]
fn every_year_s_comments_are_kept_each_after_its_year() {
    let mut contract = demo();
    let action = &mut contract.sheets[0].actions[0];
    action.description = "Action témoin des bilans".into();
    action.reviews = vec![
        YearReview {
            comment: "Six réunions".into(),
            reason: "Sans objet une fois réalisé".into(),
            ..YearReview::with_status(2025, ReviewStatus::Done)
        },
        YearReview {
            comment: "Deux réunions".into(),
            reason: "Pas de salle".into(),
            next_steps: "Trouver une salle".into(),
            ..YearReview::with_status(2024, ReviewStatus::PartlyDone)
        },
    ];
    let doc = evaluation(&contract, "2028-11-30");
    let row = row_ending(&doc, "Action témoin des bilans");
    assert_eq!(
        texts(&row[1..]),
        [
            "Réalisé",
            "2025",
            "2024 : Deux réunions\n2025 : Six réunions",
            "2024 : Pas de salle",
            "2024 : Trouver une salle"
        ],
        "every year's comment, in order; « Pourquoi ? » only where the year was not réalisé"
    );
    // One text, of the status's year: written alone, as before.
    contract.sheets[0].actions[0].reviews.pop();
    let doc = evaluation(&contract, "2028-11-30");
    let row = row_ending(&doc, "Action témoin des bilans");
    assert_eq!(texts(&row[3..]), ["Six réunions", "—", "—"]);
}
