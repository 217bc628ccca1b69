//! Writes ODT files for the test that has LibreOffice open what the writer writes
//! (`tests/documents/odt-sample.test.mjs`): `odt-sample <folder>` writes there
//! - `exemple.odt`, the writer's sample with every kind of block (`exchange/odt/sample.rs`);
//! - the demonstration contract's documents, named as the app names them: the annual report
//!   of 2025, the evaluation, the contract and its first fiche on its own;
//! - `avenant-un-signataire.odt`: an avenant to the demonstration signed, then with one
//!   fiche's title changed, whose contract has a single signatory (its signature page).
//!
//! Native only (an empty `main` in wasm32, so that checking every target for wasm32 works).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::io::Result<()> {
    use atelier_cls::document::{annual_report, contract_document, evaluation, fiche_document};
    use atelier_cls::exchange::demonstration::demonstration_contract;
    use atelier_cls::exchange::file_name::{document_file_name, DocumentFile};
    use atelier_cls::exchange::odt::{odt_bytes, sample::sample_document};
    use atelier_cls::model::numbering::Numbering;
    use std::path::PathBuf;

    let Some(folder) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage : odt-sample <dossier>");
        std::process::exit(2);
    };
    let demonstration = include_bytes!("../../examples/cls-demonstration-2024-2028.json");
    let contract = demonstration_contract(demonstration)
        .map_err(|_| std::io::Error::other("le contrat de démonstration ne se charge pas"))?;
    let today = "2026-03-15";
    let fiche = contract.sheets.first().map(|s| s.id);
    let numbers = Numbering::of(&contract);
    let number = fiche.and_then(|id| numbers.get(id)).unwrap_or("1");
    let mut files = vec![
        ("exemple.odt".to_string(), sample_document()),
        (
            document_file_name(&contract, DocumentFile::AnnualReport(2025)),
            annual_report(&contract, 2025, today),
        ),
        (document_file_name(&contract, DocumentFile::Evaluation), evaluation(&contract, today)),
        (document_file_name(&contract, DocumentFile::Contract), contract_document(&contract)),
    ];
    if let Some(doc) = fiche.and_then(|id| fiche_document(&contract, id)) {
        files.push((document_file_name(&contract, DocumentFile::Fiche(number)), doc));
    }
    files.push(("avenant-un-signataire.odt".to_string(), avenant_with_one_signatory(&contract)));
    for (name, doc) in files {
        std::fs::write(folder.join(&name), odt_bytes(&doc)?)?;
        println!("{name}");
    }
    Ok(())
}

/// Avenant n°1 to `contract` signed with a single signatory, a fiche's title changed.
#[cfg(not(target_arch = "wasm32"))]
fn avenant_with_one_signatory(
    contract: &atelier_cls::model::Contract,
) -> atelier_cls::document::Document {
    use atelier_cls::document::amendment_document;
    use atelier_cls::model::amendment::{create_amendment, sign, AmendmentFields};
    use atelier_cls::model::Id;
    // The demonstration as it stood before its own signature and avenant.
    let mut contract = contract.clone();
    contract.signing.frozen_copy = None;
    contract.amendments.clear();
    let mut signatories = 0;
    for organisation in &mut contract.organisations {
        signatories += usize::from(organisation.signatory.is_some());
        if signatories > 1 {
            organisation.signatory = None;
        }
    }
    let _ = sign(&mut contract, "2025-03-15", "Saint-Flour", 1);
    if let Some(sheet) = contract.sheets.first_mut() {
        sheet.title = "Attirer les professionnels de santé".into();
    }
    let fields = AmendmentFields {
        date: Some("2026-04-02".into()),
        adopted_by: "COPIL du 2 avril 2026".into(),
        object: "Renommer la fiche action n°1.".into(),
        changes: "Fiche action n°1 : intitulé".into(),
        ..AmendmentFields::default()
    };
    let _ = create_amendment(&mut contract, Id::from_u128(1), 2, fields);
    amendment_document(&contract, 1).unwrap_or_default()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
