//! Writes ODT files for the test that has LibreOffice open what the writer writes
//! (`tests/documents/odt-sample.test.mjs`): `odt-sample <folder>` writes there
//! - `exemple.odt`, the writer's sample with every kind of block (`exchange/odt/sample.rs`);
//! - the demonstration contract's documents, named as the app names them: the annual report
//!   of 2025, the evaluation, the contract and its first fiche on its own.
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
    for (name, doc) in files {
        std::fs::write(folder.join(&name), odt_bytes(&doc)?)?;
        println!("{name}");
    }
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}
