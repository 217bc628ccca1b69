//! The collection's spreadsheets for the test that has LibreOffice open and convert them
//! (`tests/documents/collection-sheets.test.mjs`):
//! - `collection-sheets write <folder>` writes, for every lead of the demonstration's 2025
//!   collection, their workbook as `.xlsx` and `.ods`, named as the app names them, one name a
//!   line;
//! - `collection-sheets read <file>` reads a file back as the app would (by its content) and
//!   prints what it found, one `key: value` a line: the sheets and their rows, the lead, the
//!   answers and problems, whether the preview changes anything, and whether the file still
//!   holds the status drop-down list (a data validation in `.xlsx`, a content validation in
//!   `.ods`);
//! - `collection-sheets bench` writes the 20 files of a 100-fiche contract (its 12 leads, the
//!   first 8 twice) in each format and reads them back, and prints how long each took (run it
//!   in the `fuzz` profile for release speed: `cargo run --profile fuzz --bin collection-sheets
//!   -- bench`).
//!
//! Native only (an empty `main` in wasm32, so that checking every target for wasm32 works).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    match (args.get(1).map(String::as_str), args.get(2)) {
        (Some("write"), Some(folder)) => write(std::path::Path::new(folder)),
        (Some("read"), Some(file)) => read(std::path::Path::new(file)),
        (Some("bench"), _) => bench(),
        _ => {
            eprintln!("usage : collection-sheets write <dossier> | read <fichier> | bench");
            std::process::exit(2);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn demonstration() -> std::io::Result<atelier_cls::model::Contract> {
    let demonstration = include_bytes!("../../examples/cls-demonstration-2024-2028.json");
    atelier_cls::exchange::demonstration::demonstration_contract(demonstration)
        .map_err(|_| std::io::Error::other("le contrat de démonstration ne se charge pas"))
}

#[cfg(not(target_arch = "wasm32"))]
fn write(folder: &std::path::Path) -> std::io::Result<()> {
    use atelier_cls::exchange::collection::{lead_workbook, ods_bytes, xlsx_bytes};
    use atelier_cls::exchange::file_name::collection_file_name;
    let contract = demonstration()?;
    for line in atelier_cls::model::collection::recipients(&contract, 2025) {
        let lead = contract.organisation_name(line.organisation_id).to_string();
        for extension in ["xlsx", "ods"] {
            let name = collection_file_name(&contract, 2025, &lead, extension);
            let book = lead_workbook(&contract, 2025, line.organisation_id, &name);
            let bytes = match extension {
                "xlsx" => xlsx_bytes(&book).map_err(std::io::Error::other)?,
                _ => ods_bytes(&book)?,
            };
            std::fs::write(folder.join(&name), bytes)?;
            println!("{name}");
        }
    }
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
fn read(path: &std::path::Path) -> std::io::Result<()> {
    use atelier_cls::exchange::collection::{preview_answer, read_answers, read_workbook};
    use std::io::Read;
    let contract = demonstration()?;
    let bytes = std::fs::read(path)?;
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let book = match read_workbook(&name, &bytes) {
        Ok(book) => book,
        Err(problem) => {
            println!("refus: {problem}");
            return Ok(());
        }
    };
    for sheet in &book.sheets {
        println!("feuille: {} ({} lignes)", sheet.name, sheet.rows.len());
    }
    match read_answers(&book, &contract, 2025) {
        Ok(answers) => {
            let lead = answers.lead.map(|id| contract.organisation_name(id).to_string());
            println!("pilote: {}", lead.unwrap_or_default());
            println!("lignes reconnues: {}", answers.rows.len());
            println!("problèmes: {}", answers.problems.len() + answers.unmatched.len());
            for problem in answers.problems.iter().chain(&answers.unmatched) {
                println!("problème: {problem}");
            }
            println!("changements: {}", preview_answer(&contract, &answers).changes.len());
        }
        Err(problems) => {
            for problem in problems {
                println!("refus: {problem}");
            }
        }
    }
    // The status list, the protection and the hidden column of « Actions », as the file holds
    // them (LibreOffice keeps them through its conversions). A CSV has none.
    if !bytes.starts_with(b"PK") {
        return Ok(());
    }
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(&bytes)).map_err(std::io::Error::other)?;
    let (mut list, mut protected, mut hidden) = (false, false, false);
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(std::io::Error::other)?;
        let entry_name = entry.name().map_err(std::io::Error::other)?.to_string();
        if entry_name == "content.xml" || entry_name == "xl/worksheets/sheet2.xml" {
            let mut text = String::new();
            entry.read_to_string(&mut text)?;
            let xlsx = entry_name != "content.xml";
            list |= text.contains("Réalisé")
                && (text.contains("cell-content-is-in-list")
                    || (text.contains("<dataValidation") && text.contains("type=\"list\"")));
            protected |= if xlsx {
                text.contains("<sheetProtection sheet=\"1\"")
                    || text.contains("<sheetProtection sheet=\"true\"")
            } else {
                text.contains("table:protected=\"true\"")
            };
            hidden |= if xlsx {
                text.contains("hidden=\"1\"") || text.contains("hidden=\"true\"")
            } else {
                text.contains("table:visibility=\"collapse\"")
            };
        }
    }
    let yes = |b: bool| if b { "oui" } else { "non" };
    println!("liste des statuts: {}", yes(list));
    println!("protégée: {}", yes(protected));
    println!("colonne masquée: {}", yes(hidden));
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
fn bench() -> std::io::Result<()> {
    use atelier_cls::exchange::collection::{
        lead_workbook, ods_bytes, preview_answer, read_answers, read_workbook, xlsx_bytes, Workbook,
    };
    use std::time::Instant;
    let contract = atelier_cls::model::planning::generated_contract(100, 5);
    let leads = atelier_cls::model::collection::lead_organisations(&contract);
    let books: Vec<Workbook> =
        leads.iter().cycle().take(20).map(|l| lead_workbook(&contract, 2025, *l, "x")).collect();
    type Write = fn(&Workbook) -> std::io::Result<Vec<u8>>;
    let formats: [(&str, Write); 2] =
        [("xlsx", |b| xlsx_bytes(b).map_err(std::io::Error::other)), ("ods", |b| ods_bytes(b))];
    for (format, write) in formats {
        let started = Instant::now();
        let files = books.iter().map(write).collect::<std::io::Result<Vec<_>>>()?;
        let written = started.elapsed();
        let started = Instant::now();
        for file in &files {
            let book =
                read_workbook("x", file).map_err(|p| std::io::Error::other(p.to_string()))?;
            let answers = read_answers(&book, &contract, 2025)
                .map_err(|_| std::io::Error::other("réponse refusée"))?;
            assert!(preview_answer(&contract, &answers).is_empty());
        }
        let read = started.elapsed();
        let bytes: usize = files.iter().map(Vec::len).sum();
        println!(
            "{format}: 20 fichiers ({bytes} octets) écrits en {written:?}, relus et prévisualisés en {read:?}"
        );
    }
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}
