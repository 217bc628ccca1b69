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
//! - `collection-sheets answered <folder>` writes one lead's `.ods` answered as LibreOffice
//!   saves typed cells: a status in the lead's words, an accented comment, a result and an
//!   amount as numbers (the amount by a formula, its cached value with a binary tail), the
//!   answer's date as a date cell; prints its name;
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
        (Some("answered"), Some(folder)) => answered(std::path::Path::new(folder)),
        _ => {
            eprintln!("usage : collection-sheets write <dossier> | answered <dossier> | read <fichier> | bench");
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
            if let Some(date) = &answers.answered_on {
                println!("date de la réponse: {date}");
            }
            for cell in answers.rows.iter().flat_map(|r| &r.cells) {
                use atelier_cls::exchange::collection::Value;
                let value = match &cell.value {
                    Value::Status(status) => status.label().to_string(),
                    Value::Text(text) => text.clone(),
                    Value::Euros(euros) => euros.to_string(),
                };
                println!("réponse: {} = {value}", cell.field.label());
            }
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

/// The comment the answered file carries, accents and French quotes included.
#[cfg(not(target_arch = "wasm32"))]
const COMMENT: &str = "Deux réunions à Sorel-sur-Lende, « bilan » partagé";

#[cfg(not(target_arch = "wasm32"))]
fn answered(folder: &std::path::Path) -> std::io::Result<()> {
    use atelier_cls::exchange::collection::{lead_workbook, ods_bytes, Part, ANSWER_DATE};
    use atelier_cls::exchange::file_name::collection_file_name;
    use atelier_cls::model::collection::{recipients, rows_for};
    use std::io::{Read, Write};
    let contract = demonstration()?;
    let lead = recipients(&contract, 2025)
        .into_iter()
        .map(|line| line.organisation_id)
        .find(|id| {
            let rows = rows_for(&contract, 2025, *id);
            !rows.reviews.is_empty() && !rows.indicators.is_empty() && !rows.funding.is_empty()
        })
        .ok_or_else(|| std::io::Error::other("aucun pilote n’a les trois feuilles"))?;
    let name = collection_file_name(&contract, 2025, contract.organisation_name(lead), "ods")
        .replace(".ods", "-reponse.ods");
    let mut book = lead_workbook(&contract, 2025, lead, &name);
    let mut type_in = |part: Part, header: &str, value: &str| {
        if let Some(sheet) = book.sheets.iter_mut().find(|s| s.name == part.name()) {
            let column = sheet.rows[0].iter().position(|h| h == header);
            if let (Some(column), Some(row)) = (column, sheet.rows.get_mut(1)) {
                row[column] = value.to_string();
            }
        }
    };
    type_in(Part::Reviews, "Statut", "realisee");
    type_in(Part::Reviews, "Ce qui a été fait", COMMENT);
    type_in(Part::Indicators, "Résultat", "RESULTAT");
    type_in(Part::Funding, "Dépensé (€)", "MONTANT");
    if let Some(row) = book.sheets[0].rows.iter_mut().find(|r| r[0] == ANSWER_DATE) {
        row[1] = "DATE".into();
    }
    let written = ods_bytes(&book)?;
    let cell = |marker: &str| format!("office:value-type=\"string\"><text:p>{marker}</text:p>");
    let typed = [
        ("RESULTAT", "office:value-type=\"float\" office:value=\"14\"><text:p>14</text:p>"),
        (
            "MONTANT",
            "table:formula=\"of:=1000.1+250.45\" office:value-type=\"float\" \
             office:value=\"1250.5500000000002\"><text:p>1 250,55 €</text:p>",
        ),
        (
            "DATE",
            "office:value-type=\"date\" office:date-value=\"2025-04-03\"><text:p>03/04/2025</text:p>",
        ),
    ];
    // The package again, `mimetype` first and stored, `content.xml` with the typed cells.
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(&written)).map_err(std::io::Error::other)?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(std::io::Error::other)?;
        let entry_name = entry.name().map_err(std::io::Error::other)?.to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data)?;
        if entry_name == "content.xml" {
            let mut text = String::from_utf8(data).map_err(std::io::Error::other)?;
            for (marker, value) in typed {
                text = text.replace(&cell(marker), value);
            }
            data = text.into_bytes();
        }
        let method = if entry_name == "mimetype" {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        out.start_file(entry_name.as_str(), options).map_err(std::io::Error::other)?;
        out.write_all(&data)?;
    }
    let bytes = out.finish().map_err(std::io::Error::other)?.into_inner();
    std::fs::write(folder.join(&name), bytes)?;
    println!("{name}");
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
