//! The contract of the demonstration: its parts in order, a page break before each fiche
//! annex, the signature page; a fiche on its own reads as its annex does.

use super::*;
use crate::document::fiche_document;
use crate::document::test_support::{assert_no_empty_section, demo, headings, section};
use crate::model::Id;

#[test]
fn the_contract_has_its_parts_then_the_fiches_then_the_signatures() {
    let doc = contract_document(&demo());
    assert!(doc.title.contains("Pays de Val-Sorel 2024-2028"));
    let parts = headings(&doc, 1);
    assert_eq!(
        parts[..12],
        [
            "Références juridiques (« Vu… »)",
            "Préambule",
            "Identité et période",
            "Territoire",
            "Parties au contrat",
            "Gouvernance",
            "Diagnostic local de santé",
            "Axes et objectifs stratégiques",
            "Indicateurs d’évaluation du contrat",
            "Durée du contrat",
            "Révision du contrat",
            "Résiliation du contrat",
        ]
    );
    for (n, fiche) in parts[12..20].iter().enumerate() {
        assert!(fiche.starts_with(&format!("Fiche action n°{} – ", n + 1)), "{fiche}");
    }
    assert_eq!(parts[20..], ["Signatures"]);
    let governance = section(&doc, "Gouvernance");
    let bodies: Vec<&str> = governance
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: 2, text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        bodies,
        [
            "Comité de pilotage (COPIL)",
            "Commission santé",
            "Conseil local de santé mentale (CLSM)",
            "Groupe de travail mobilité et accès aux soins"
        ]
    );
    assert!(doc.texts().any(|t| t == "Se réunit : Tous les trimestres"));
    assert!(doc.texts().any(|t| t == "Bilan du précédent contrat"));
    assert!(doc.texts().any(|t| t == "Contrat local de santé de 2e génération (CLS 2)"));
    assert!(doc.texts().any(|t| t == "Population : 38\u{202f}400 habitants"));
    assert!(doc
        .texts()
        .any(|t| t.starts_with("Axe 2 – ") && t.ends_with(" (volet santé mentale)")));
    assert_no_empty_section(&doc);
}

#[test]
fn each_fiche_annex_starts_on_a_new_page() {
    let doc = contract_document(&demo());
    let annexes: Vec<usize> = doc
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, Block::Heading { level: 1, text } if text.starts_with("Fiche action n°")))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(annexes.len(), 8);
    for i in annexes {
        assert_eq!(doc.blocks[i - 1], Block::PageBreak, "{:?}", doc.blocks[i]);
    }
}

#[test]
fn the_signature_page_has_one_block_per_signatory() {
    let mut contract = demo();
    // A block nobody filled in yet (validation points at it) still prints, to write by hand.
    let msa = contract.organisations.iter_mut().find(|o| o.name.starts_with("MSA")).unwrap();
    msa.signatory = Some(crate::model::Signatory { rank: 5, ..Default::default() });
    let doc = contract_document(&contract);
    let signatures = section(&doc, "Signatures");
    assert_eq!(
        signatures[0],
        Block::Paragraph {
            text: "Fait à Sorel-sur-Lende, le 15/02/2024".into(),
            kind: ParagraphKind::Body
        }
    );
    let Block::Signatures(signatories) = &signatures[1] else { panic!("{signatures:?}") };
    assert_eq!(signatories.len(), 9, "the organisations marked « signataire »");
    assert_eq!(
        signatories[0].party,
        "Agence régionale de santé — délégation départementale de la Lende"
    );
    assert_eq!(
        (signatories[0].capacity.as_str(), signatories[0].signer.as_str()),
        ("Déléguée départementale", "Mme Lucie Carrier")
    );
    let msa = signatories.iter().find(|s| s.party.starts_with("MSA")).unwrap();
    assert_eq!(msa.lines(), Vec::<&str>::new(), "nobody named: left to write by hand");
    let blocks = &doc.blocks;
    let page = blocks.iter().rposition(|b| *b == Block::PageBreak).unwrap();
    assert_eq!(blocks[page + 1], Block::Heading { level: 1, text: "Signatures".into() });
}

#[test]
fn a_fiche_alone_reads_as_its_annex() {
    let contract = demo();
    let numbers = Numbering::of(&contract);
    let sheet = contract.sheets_in_axis_order()[1];
    let alone = fiche_document(&contract, sheet.id).expect("the fiche exists");
    assert_eq!(alone.title, sheet.label(&numbers));
    assert!(alone.title.starts_with("Fiche action n°2 – "));
    assert_eq!(
        headings(&alone, 1),
        [
            "Identification",
            "Constats",
            "Objectifs",
            "Actions et calendrier",
            "Acteurs",
            "Moyens et financement",
            "Évaluation"
        ]
    );
    assert!(matches!(&alone.blocks[0], Block::Paragraph { kind: ParagraphKind::Cover, .. }));
    assert_no_empty_section(&alone);
    // The annex in the contract: the same blocks, one heading level down.
    let doc = contract_document(&contract);
    let start = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { text, .. } if *text == alone.title))
        .unwrap();
    let end =
        start + 1 + doc.blocks[start + 1..].iter().position(|b| *b == Block::PageBreak).unwrap();
    let annex: Vec<Block> = doc.blocks[start + 1..end]
        .iter()
        .map(|b| match b {
            Block::Heading { level, text } => {
                Block::Heading { level: level - 1, text: text.clone() }
            }
            other => other.clone(),
        })
        .collect();
    let first_section =
        alone.blocks.iter().position(|b| matches!(b, Block::Heading { .. })).unwrap();
    assert_eq!(annex, alone.blocks[first_section..]);
    assert!(
        alone.texts().any(|t| t.starts_with("de ") && t.contains(" à ")),
        "an action's calendar"
    );
    assert!(fiche_document(&contract, Id::from_u128(404)).is_none());
}

#[test]
fn a_blank_contract_is_still_a_document_with_no_empty_section() {
    let blank = crate::model::Contract::blank(Id::from_u128(1), "", 0);
    let doc = contract_document(&blank);
    assert_eq!(doc.title, "Contrat local de santé");
    let place_and_date = format!("Fait à {TO_WRITE}, le {TO_WRITE}");
    assert!(doc.texts().any(|t| t == place_and_date), "{:?}", section(&doc, "Signatures"));
    assert_no_empty_section(&doc);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(16))]

    /// Generated contracts, with or without follow-up: the contract, each fiche alone and the
    /// evaluation have no empty section, and each fiche's annex starts on a new page.
    #[test]
    fn any_contract_gives_documents_with_no_empty_section(
        sheets in 0usize..5,
        actions in 0usize..4,
        followed in proptest::prelude::any::<bool>(),
    ) {
        let mut contract = crate::model::planning::generated_contract(sheets, actions);
        if followed {
            crate::model::follow_up::with_follow_up(&mut contract);
        }
        let doc = contract_document(&contract);
        assert_no_empty_section(&doc);
        let breaks = doc.blocks.iter().filter(|b| **b == Block::PageBreak).count();
        proptest::prop_assert_eq!(breaks, 1 + sheets + 1, "after the cover, per fiche, before the signatures");
        for sheet in &contract.sheets {
            assert_no_empty_section(&fiche_document(&contract, sheet.id).expect("the fiche exists"));
        }
        assert_no_empty_section(&crate::document::evaluation(&contract, "2028-12-01"));
    }
}

/// The example, rebuilt from seed 001: its « Vu… », preamble and clauses in their places, the
/// previous contract's bilan as one table per former fiche, and the signature page of the seed.
#[test]
fn the_example_reads_as_the_signed_contract() {
    let doc = contract_document(&crate::model::example::example_contract());
    let parts = headings(&doc, 1);
    assert_eq!(parts[..2], ["Références juridiques (« Vu… »)", "Préambule"]);
    let clauses = ["Durée du contrat", "Révision du contrat", "Résiliation du contrat"];
    let at = parts.iter().position(|p| *p == clauses[0]).expect("the clauses");
    assert_eq!(parts[at..at + 3], clauses);
    assert!(parts[at + 3].starts_with("Fiche action n°1 – "), "the clauses precede the annexes");
    let Block::List(references) = &section(&doc, "Références juridiques (« Vu… »)")[0] else {
        panic!("the references are a list")
    };
    assert_eq!(references.len(), 5);
    assert!(references[4].contains("SCoT en date du 6 Mars 2025"));
    let bilan = crate::document::test_support::tables(&doc)
        .into_iter()
        .filter(|t| t.header.first().map(String::as_str) == Some("Actions"))
        .map(|t| t.rows.len())
        .collect::<Vec<_>>();
    assert_eq!(bilan, [7, 7, 2, 1, 3, 1, 2, 4], "27 rows over the former fiches' tables");
    assert!(doc.texts().any(|t| t == "Engagements des signataires"));
    assert!(doc.texts().any(|t| t == "Pilotage du contrat"));
    let signatures = section(&doc, "Signatures");
    assert_eq!(
        signatures[0],
        Block::Paragraph {
            text: "Fait à Aurillac, le 11/03/2025".into(),
            kind: ParagraphKind::Body
        }
    );
    let Block::Signatures(blocks) = &signatures[1] else { panic!("{signatures:?}") };
    assert_eq!(blocks.len(), 10);
    assert_eq!(
        blocks[0].lines(),
        ["Madame la Directrice générale", "Cécile COURREGES"],
        "{}",
        blocks[0].party
    );
    assert_eq!(
        blocks[3].lines(),
        ["Par délégation", "Madame la Vice-Présidente", "Isabelle LANTUEJOUL"]
    );
    assert_eq!(blocks[5].party, "Ville d’Aurillac", "the order of the signature page");
    assert_eq!(blocks[8].lines(), ["Monsieur le Directeur Général", "Frédéric BRANCE"]);
}

#[test]
fn once_signed_the_document_shows_the_version_in_force_unless_the_working_one_is_asked() {
    use crate::model::amendment::{create_amendment, sign, AmendmentFields};
    // The demonstration as it stood before its signature and its avenant.
    let mut contract = demo();
    contract.signing.frozen_copy = None;
    contract.amendments.clear();
    let before = contract_version_document(&contract, ContractVersion::InForce);
    assert_eq!(before, contract_document(&contract), "before signature, the contract as it is");
    assert_eq!(before.page_mark, None);
    sign(&mut contract, "2025-03-15", "Saint-Flour", 1).expect("the demonstration can be signed");
    contract.sheets[0].title = "Titre changé après la signature".into();
    let in_force = contract_version_document(&contract, ContractVersion::InForce);
    assert_eq!(in_force.page_mark, None);
    assert!(in_force.texts().any(|t| t == "Version en vigueur : texte signé"));
    assert!(!in_force.texts().any(|t| t.contains("Titre changé après la signature")));
    assert!(in_force.texts().any(|t| t == "Fait à Saint-Flour, le 15/03/2025"));
    let working = contract_version_document(&contract, ContractVersion::Working);
    assert_eq!(working.page_mark.as_deref(), Some("Version de travail, non adoptée"));
    assert!(working.texts().any(|t| t.contains("Titre changé après la signature")));
    assert!(working.texts().any(|t| t == "Version de travail, non adoptée"), "on its cover too");
    // An avenant adopts the change: the version in force is its frozen copy.
    create_amendment(&mut contract, Id::from_u128(77), 2, AmendmentFields::default())
        .expect("signed");
    contract.sheets[0].title = "Encore changé".into();
    let in_force = contract_version_document(&contract, ContractVersion::InForce);
    assert!(in_force.texts().any(|t| t == "Version en vigueur : texte modifié par l’avenant n°1"));
    assert!(in_force.texts().any(|t| t.contains("Titre changé après la signature")));
    assert!(!in_force.texts().any(|t| t.contains("Encore changé")));
}

#[test]
fn the_address_asks_for_the_working_version_by_name_only() {
    assert_eq!(ContractVersion::from_query(Some("travail")), ContractVersion::Working);
    assert_eq!(ContractVersion::from_query(Some(" travail ")), ContractVersion::Working);
    for other in [None, Some(""), Some("vigueur"), Some("Travail")] {
        assert_eq!(ContractVersion::from_query(other), ContractVersion::InForce, "{other:?}");
    }
}

/// An untitled fiche is named the same in the contract, its own document, the planning,
/// « Suivi »'s rows, indicators and budget: all through `ActionSheet::label`.
#[test]
fn an_untitled_fiche_reads_the_same_everywhere() {
    use crate::model::follow_up::{budget_table, follow_up_rows, indicator_rows, BudgetTableLine};
    use crate::model::planning::plan_rows;
    let mut contract = demo();
    let id = contract.sheets_in_axis_order()[0].id;
    let sheet = contract.sheets.iter_mut().find(|s| s.id == id).unwrap();
    sheet.title = " ".into();
    let (year, funded) = sheet.funding.first().map(|f| (f.year, true)).unwrap_or((2025, false));
    let numbers = Numbering::of(&contract);
    let name = contract.sheet(id).unwrap().label(&numbers);
    assert_eq!(name, "Fiche action n°1 – Sans titre");

    assert!(headings(&contract_document(&contract), 1).contains(&name.as_str()));
    assert_eq!(fiche_document(&contract, id).unwrap().title, name);
    let planned = plan_rows(&contract, year);
    assert!(planned.iter().filter(|r| r.sheet_id == id).all(|r| r.sheet_label == name));
    let rows = follow_up_rows(&contract, &numbers, year);
    assert!(rows.iter().any(|r| r.sheet_label == name));
    let indicators = indicator_rows(&contract, &numbers, year);
    let owned = contract.sheet(id).unwrap().indicators.len();
    assert_eq!(indicators.iter().filter(|r| r.group == name).count(), owned);
    assert!(funded, "the demonstration's first fiche has a budget");
    let (lines, _) = budget_table(&contract, &numbers, year);
    let funding = lines.iter().filter_map(|l| match l {
        BudgetTableLine::Funding { sheet, label, .. } if *sheet == id => Some(label),
        _ => None,
    });
    assert!(funding.clone().count() > 0);
    assert!(funding.into_iter().all(|label| label.starts_with(&format!("{name} — "))));
}
