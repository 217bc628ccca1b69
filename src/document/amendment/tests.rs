//! Avenant n°1 to the example (Aurillac, ten signatories, signed at Aurillac on 11 March 2025):
//! its articles in order, the table of a moved date and a changed objective, the signature
//! blocks of the contract's signatories; what is missing is said, never an empty heading.

use super::*;
use crate::document::test_support::{assert_no_empty_section, headings, notices, section, table};
use crate::model::amendment::frozen;
use crate::model::example::example_contract;
use crate::model::governance::Meeting;
use crate::model::{Action, Id, YearMonth};
use proptest::prelude::*;

const ACTION: &str = "Ateliers cuisine dans les centres sociaux";
const OBJECTIVE: &str = "Former 40 animateurs à la nutrition";

/// The example signed with a dated action in its third fiche, then avenant n°1, adopted by the
/// COPIL of 12 March 2026, which moves that action's end and rewrites an objective.
fn amended() -> Contract {
    let mut contract = example_contract();
    let third = contract.sheets_in_axis_order()[2].id;
    let sheet = contract.sheets.iter_mut().find(|s| s.id == third).expect("a third fiche");
    let mut action = Action::new(Id::from_u128(0xa1), ACTION, 0);
    action.start = YearMonth::new(2025, 3);
    action.end = YearMonth::new(2025, 6);
    sheet.actions.push(action);
    contract.signing.frozen_copy = Some(frozen(&contract));
    let sheet = contract.sheets.iter_mut().find(|s| s.id == third).expect("a third fiche");
    sheet.actions.last_mut().expect("the action").end = YearMonth::new(2026, 9);
    sheet.specific_objectives[0].text = OBJECTIVE.into();
    let meeting = Meeting {
        id: Id::from_u128(0xa3),
        modified_at: 0,
        body: Body::SteeringCommittee,
        body_id: None,
        date: "2026-03-12".into(),
        notes: String::new(),
    };
    contract.governance.meetings.push(meeting);
    let mut avenant = Amendment::new(Id::from_u128(0xa2), 1, 0);
    avenant.date = Some("2026-04-02".into());
    avenant.meeting_id = Some(Id::from_u128(0xa3));
    avenant.object = "Prolonger les ateliers cuisine jusqu’en septembre 2026.".into();
    avenant.frozen_copy = Some(frozen(&contract));
    contract.amendments.push(avenant);
    contract
}

#[test]
fn an_avenant_has_its_title_visas_articles_and_signatures_in_order() {
    let doc = amendment_document(&amended(), 1).expect("avenant n°1");
    assert_eq!(
        doc.title,
        "Avenant n°1 au Contrat local de santé du Bassin d’Aurillac, du Carladès et de la Châtaigneraie Cantalienne 2024-2028"
    );
    assert_eq!(
        headings(&doc, 1),
        [
            "Entre les parties",
            "Visas",
            "Article 1 — Objet",
            "Article 2 — Modifications",
            "Article 3 — Autres dispositions",
            "Signatures",
        ]
    );
    let texts: Vec<&str> = doc.texts().collect();
    // The title names the contract and its territory: the cover does not say them again.
    let cover: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { text, kind: ParagraphKind::Cover } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(cover, ["Période : 2024-2028", "Date de l’avenant : 2 avril 2026"]);
    assert!(texts.contains(&"Vu le contrat local de santé signé le 11 mars 2025 à Aurillac"));
    assert!(texts.contains(&"Vu la décision du comité de pilotage du 12 mars 2026"));
    assert!(texts.contains(&"Prolonger les ateliers cuisine jusqu’en septembre 2026."));
    assert!(texts.contains(&"Les autres dispositions du contrat demeurent inchangées."));
    assert!(texts.contains(&"Fait à Aurillac, le 02/04/2026"));
    assert!(notices(&doc).is_empty(), "{:?}", notices(&doc));
    assert_no_empty_section(&doc);
}

#[test]
fn the_changes_are_a_table_per_fiche_before_and_after() {
    let doc = amendment_document(&amended(), 1).expect("avenant n°1");
    // The COPIL meeting that adopted it, recorded since the signature, is not a change.
    let (fiches, others): (Vec<&str>, Vec<&str>) =
        headings(&doc, 2).into_iter().partition(|h| h.starts_with("Fiche action"));
    assert_eq!(fiches.len(), 1, "{fiches:?}");
    assert!(others.is_empty(), "{others:?}");
    assert!(fiches[0].starts_with("Fiche action n°3 — ") && fiches[0].ends_with(" (modifiée)"));
    let changes = table(&doc, "Fiche action n°3 — ");
    assert!(changes.caption.ends_with(" : avant et après l’avenant n°1"), "{}", changes.caption);
    assert_eq!(changes.header, ["Champ", "Avant", "Après"]);
    let rows: Vec<[&str; 3]> =
        changes.rows.iter().map(|r| [&*r[0].text, &*r[1].text, &*r[2].text]).collect();
    assert_eq!(rows.len(), 2, "{rows:#?}");
    let end = rows.iter().find(|r| r[0].ends_with("› Fin")).expect("the moved end");
    assert!(end[0].contains(ACTION), "{end:?}");
    assert_eq!(end[1..], ["juin 2025", "septembre 2026"]);
    let objective = rows.iter().find(|r| r[2] == OBJECTIVE).expect("the objective");
    assert_ne!(objective[1], OBJECTIVE);
}

#[test]
fn the_signature_blocks_are_the_signatories_in_the_contracts_order() {
    let contract = amended();
    let doc = amendment_document(&contract, 1).expect("avenant n°1");
    let blocks = section(&doc, "Signatures")
        .iter()
        .find_map(|b| match b {
            Block::Signatures(list) => Some(list.clone()),
            _ => None,
        })
        .expect("signature blocks");
    let signing = signatories_in_order(&contract.organisations);
    assert_eq!(blocks.len(), 10);
    assert_eq!(blocks.len(), signing.len());
    for (block, (organisation, signatory)) in blocks.iter().zip(signing) {
        assert_eq!(block.party, organisation.name.trim());
        assert_eq!(block.capacity, signatory.capacity.trim());
        assert_eq!(block.by_delegation, signatory.by_delegation);
    }
    let parties = section(&doc, "Entre les parties");
    assert!(matches!(&parties[0], Block::List(names) if names.len() == 10));
}

#[test]
fn a_second_avenant_cites_the_first_and_compares_with_its_version() {
    let mut contract = amended();
    let third = contract.sheets_in_axis_order()[2].id;
    let sheet = contract.sheets.iter_mut().find(|s| s.id == third).expect("a third fiche");
    sheet.actions.last_mut().expect("the action").start = YearMonth::new(2025, 9);
    let mut second = Amendment::new(Id::from_u128(0xb2), 2, 0);
    second.adopted_by = "Relevé de décisions du COPIL de juin 2026".into();
    second.frozen_copy = Some(frozen(&contract));
    contract.amendments.push(second);
    let doc = amendment_document(&contract, 2).expect("avenant n°2");
    let texts: Vec<&str> = doc.texts().collect();
    assert!(texts.contains(&"Vu l’avenant n°1 du 2 avril 2026"));
    assert!(
        texts.contains(&"Vu la décision d’adoption : Relevé de décisions du COPIL de juin 2026")
    );
    assert!(texts.contains(&"Fait à Aurillac, le ……………………"));
    let rows = &table(&doc, "Fiche action n°3 — ").rows;
    assert_eq!(rows.len(), 1, "only the start moved since avenant n°1: {rows:#?}");
    assert_eq!([&*rows[0][1].text, &*rows[0][2].text], ["mars 2025", "septembre 2025"]);
    assert_no_empty_section(&doc);
}

#[test]
fn what_is_missing_is_said_in_french() {
    let mut contract = example_contract();
    contract.amendments.push(Amendment::new(Id::from_u128(0xc1), 1, 0));
    let doc = amendment_document(&contract, 1).expect("avenant n°1");
    assert_eq!(
        notices(&doc),
        [
            "La décision qui adopte cet avenant (réunion du COPIL ou autre) n’est pas renseignée.",
            "L’objet de l’avenant n’est pas renseigné.",
            "Les modifications n’ont pas été figées.",
        ]
    );
    assert!(doc.texts().any(|t| t == "Date de l’avenant : à préciser"));
    assert_no_empty_section(&doc);
    // Frozen, but the signed version was not: nothing to compare with.
    contract.amendments[0].frozen_copy = Some(frozen(&contract));
    contract.amendments[0].changes = "La fiche 3 est prolongée.".into();
    let doc = amendment_document(&contract, 1).expect("avenant n°1");
    assert!(doc.texts().any(|t| t == "La fiche 3 est prolongée."));
    assert!(notices(&doc).iter().any(|n| n.starts_with("La version signée du contrat n’a pas")));
    // Frozen on both sides and the same: said so.
    contract.signing.frozen_copy = Some(frozen(&contract));
    let doc = amendment_document(&contract, 1).expect("avenant n°1");
    let same = "Le contenu du contrat est le même que dans sa version précédente.";
    assert!(notices(&doc).contains(&same));
    assert_no_empty_section(&doc);
}

#[test]
fn an_unknown_avenant_has_no_document() {
    assert!(amendment_document(&amended(), 2).is_none());
    assert!(amendment_document(&example_contract(), 1).is_none());
}

#[test]
fn the_title_never_says_contract_twice() {
    assert_eq!(title(2, "CLS de Vic"), "Avenant n°2 au CLS de Vic");
    assert_eq!(title(1, "Pays de Salers"), "Avenant n°1 au contrat local de santé Pays de Salers");
    assert_eq!(title(1, "  "), "Avenant n°1 au contrat local de santé");
    assert_eq!(title(1, "Clé"), "Avenant n°1 au contrat local de santé Clé");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    /// Whatever the avenant's texts, its document has every article and no empty section.
    #[test]
    fn any_avenant_reads_whole(object in "\\PC{0,40}", changes in "[a-z \\n]{0,40}", adopted in "\\PC{0,20}", dated: bool) {
        let mut contract = amended();
        let avenant = &mut contract.amendments[0];
        avenant.object = object;
        avenant.changes = changes;
        avenant.adopted_by = adopted;
        avenant.meeting_id = None;
        if !dated { avenant.date = None; }
        let doc = amendment_document(&contract, 1).expect("avenant n°1");
        prop_assert_eq!(headings(&doc, 1).len(), 6);
        assert_no_empty_section(&doc);
    }
}
