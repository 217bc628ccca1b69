//! The files « Collecte » downloads: a lead's workbook in the format the coordinator chose
//! (`.xlsx`, `.ods`, or CSV for whoever asks for it), and every asked lead's file at once in one
//! `.zip`. Also which year a dropped answer belongs to, read from its references.
//!
//! A CSV holds one sheet, so the CSV variant is one file per sheet (« Actions »,
//! « Indicateurs », « Dépenses ») in a `.zip` of its own; each starts with the lead's reference,
//! so that an answer sent back as CSV is still known as theirs.

use super::ods::{ods_bytes, ODS_MEDIA_TYPE};
use super::sheets::lead_workbook;
use super::table::{SheetCells, Workbook};
use super::xlsx::{xlsx_bytes, XLSX_MEDIA_TYPE};
use crate::exchange::file_name::{collection_file_name, slug};
use crate::exchange::odt::zip::{Method, Zip};
use crate::model::collection::{recipients, Reference, Target};
use crate::model::french_csv;
use crate::model::{Contract, Id};

/// The media type of a `.zip`.
pub const ZIP_MEDIA_TYPE: &str = "application/zip";

/// The formats a lead's spreadsheet is offered in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetFormat {
    Xlsx,
    Ods,
    Csv,
}

impl SheetFormat {
    pub const ALL: [SheetFormat; 3] = [SheetFormat::Xlsx, SheetFormat::Ods, SheetFormat::Csv];

    /// The extension of the workbook's name (the CSV variant's own file is a `.zip`).
    pub fn extension(self) -> &'static str {
        match self {
            SheetFormat::Xlsx => "xlsx",
            SheetFormat::Ods => "ods",
            SheetFormat::Csv => "csv",
        }
    }

    /// How the coordinator is offered it.
    pub fn label(self) -> &'static str {
        match self {
            SheetFormat::Xlsx => "Excel (.xlsx)",
            SheetFormat::Ods => "OpenDocument (.ods)",
            SheetFormat::Csv => "CSV (un fichier par feuille, dans un .zip)",
        }
    }
}

/// A file ready to download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetFile {
    pub name: String,
    pub media_type: &'static str,
    pub bytes: Vec<u8>,
}

/// The name of `lead`'s workbook for `year` in `format` (what the mail names too).
pub fn lead_file_name(contract: &Contract, year: i32, lead: Id, format: SheetFormat) -> String {
    let name = contract.organisation_name(lead);
    collection_file_name(contract, year, name, format.extension())
}

/// `lead`'s spreadsheet for `year` in `format`. An error is the writer's, in French.
pub fn lead_file(
    contract: &Contract,
    year: i32,
    lead: Id,
    format: SheetFormat,
) -> Result<SheetFile, String> {
    let name = lead_file_name(contract, year, lead, format);
    let book = lead_workbook(contract, year, lead, &name);
    match format {
        SheetFormat::Xlsx => {
            Ok(SheetFile { bytes: xlsx_bytes(&book)?, name, media_type: XLSX_MEDIA_TYPE })
        }
        SheetFormat::Ods => {
            let bytes = ods_bytes(&book).map_err(|e| written_badly("ods", e))?;
            Ok(SheetFile { bytes, name, media_type: ODS_MEDIA_TYPE })
        }
        SheetFormat::Csv => {
            let lead_reference = Reference::new(year, Target::Lead(lead)).to_string();
            let zip_name = name.trim_end_matches(".csv").to_string() + "-csv.zip";
            let bytes = csv_zip(&book, &lead_reference).map_err(|e| written_badly("zip", e))?;
            Ok(SheetFile { name: zip_name, media_type: ZIP_MEDIA_TYPE, bytes })
        }
    }
}

/// Every asked lead's spreadsheet of `year` in `format`, in one `.zip` named after the contract
/// and the year. `None` when nobody is asked.
pub fn all_files(
    contract: &Contract,
    year: i32,
    format: SheetFormat,
) -> Result<Option<SheetFile>, String> {
    let asked: Vec<Id> = recipients(contract, year)
        .into_iter()
        .filter(|r| r.asked)
        .map(|r| r.organisation_id)
        .collect();
    if asked.is_empty() {
        return Ok(None);
    }
    let mut zip = Zip::new();
    for lead in asked {
        let file = lead_file(contract, year, lead, format)?;
        // Already compressed (.xlsx, .ods, .zip): stored as they are.
        zip.add(&file.name, Method::Stored, &file.bytes).map_err(|e| written_badly("zip", e))?;
    }
    let bytes = zip.finish().map_err(|e| written_badly("zip", e))?;
    let what = match format {
        SheetFormat::Csv => "csv",
        other => other.extension(),
    };
    let name =
        collection_file_name(contract, year, "", "zip").replace(".zip", &format!("-{what}.zip"));
    Ok(Some(SheetFile { name, media_type: ZIP_MEDIA_TYPE, bytes }))
}

/// The CSV variant: one French CSV per sheet but the « Mode d’emploi », each starting with the
/// lead's reference line, in a `.zip`.
fn csv_zip(book: &Workbook, lead_reference: &str) -> std::io::Result<Vec<u8>> {
    let stem = book.file.trim_end_matches(".csv");
    let mut zip = Zip::new();
    for sheet in book.sheets.iter().skip(1) {
        let name = format!("{stem}-{}.csv", slug(&sheet.name));
        zip.add(&name, Method::Deflated, sheet_csv(sheet, lead_reference).as_bytes())?;
    }
    zip.finish()
}

/// One sheet as a French CSV (`french_csv`'s conventions): the lead's reference on the first
/// line, then the header and the rows. Records of different lengths, hence a flexible writer.
fn sheet_csv(sheet: &SheetCells, lead_reference: &str) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let lead = vec!["Référence du pilote".to_string(), lead_reference.to_string()];
    for row in std::iter::once(&lead).chain(&sheet.rows) {
        let cells = row.iter().map(|cell| french_csv::as_text(cell.as_bytes()).into_owned());
        // Writing to memory fails only on a bug of the writer: the row is then left out.
        let _ = writer.write_record(cells);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    let mut text = String::from(french_csv::BOM);
    text.push_str(&String::from_utf8_lossy(&bytes));
    text
}

/// The year of the collection a dropped answer was made for: the year of its first reference
/// (the lead's or a row's). `None` when it has none (a sheet retyped by hand).
pub fn answer_year(book: &Workbook) -> Option<i32> {
    let cells = book.sheets.iter().flat_map(|s| s.rows.iter().flatten());
    cells.filter_map(|cell| Reference::parse(cell)).map(|r| r.year).next()
}

fn written_badly(what: &str, error: std::io::Error) -> String {
    format!("le fichier .{what} n’a pas pu être écrit ({error}).")
}
