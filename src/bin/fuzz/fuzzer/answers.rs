//! Spreadsheet inputs: the answers of the yearly collection (« Collecte ») as leads send them
//! back, in CSV, `.xlsx` and `.ods`. Seeds: each sheet made for each lead of the demonstration's
//! 2025 collection, written as the app's CSV files are (UTF-8 with a BOM, `;`), as Excel saves
//! them in France (Windows-1252, `;`) and with commas; and each lead's whole workbook as `.xlsx`
//! and `.ods`; some with answers typed in (statuses in leads' words, amounts with decimal
//! commas). Inputs are those bytes mutated (`text`): a CSV as it is, a workbook either as bytes
//! (mostly refused: a zip checks its entries) or one of its XML entries mutated and zipped
//! again, so that the readers behind the zip (calamine, the `.ods` extent check) see it.

use super::rng::Rng;
use super::text;
use atelier_cls::exchange::collection::{lead_workbook, ods_bytes, xlsx_bytes};
use atelier_cls::model::collection::lead_organisations;
use atelier_cls::model::french_csv;
use atelier_cls::model::Contract;
use std::io::{Cursor, Read, Write};

/// The year the seeds answer for.
pub const YEAR: i32 = 2025;

pub struct AnswerSeeds {
    /// The contract the answers are read against.
    pub contract: Contract,
    pub files: Vec<Vec<u8>>,
    /// Whole workbooks, `.xlsx` and `.ods`.
    pub workbooks: Vec<Vec<u8>>,
}

impl AnswerSeeds {
    pub fn build(contract: &Contract) -> Self {
        let mut files = Vec::new();
        let mut workbooks = Vec::new();
        for (n, lead) in lead_organisations(contract).into_iter().enumerate() {
            let mut book = lead_workbook(contract, YEAR, lead, "reponse.xlsx");
            if n % 2 == 0 {
                for sheet in book.sheets.iter_mut().skip(1) {
                    typed_in(&mut sheet.rows);
                }
            }
            workbooks.extend(xlsx_bytes(&book).ok());
            workbooks.extend(ods_bytes(&book).ok());
            for sheet in book.sheets.iter().skip(1) {
                let rows = sheet.rows.clone();
                let text = french_csv::write(&rows[0], rows[1..].iter());
                files.push(windows_1252(&text));
                files.push(text.replace(';', ",").into_bytes());
                files.push(text.into_bytes());
            }
        }
        AnswerSeeds { contract: contract.clone(), files, workbooks }
    }

    /// A seed, mutated by 1 to 5 byte edits: a CSV one time in two, else a workbook.
    pub fn generate(&self, rng: &mut Rng) -> Vec<u8> {
        if rng.one_in(2) || self.workbooks.is_empty() {
            let mut bytes = rng.pick(&self.files).clone();
            let other = rng.pick(&self.files);
            text::mutate(&mut bytes, 1 + rng.small(4), other, rng);
            return bytes;
        }
        let workbook = rng.pick(&self.workbooks);
        if rng.one_in(4) {
            let mut bytes = workbook.clone();
            let other = rng.pick(&self.workbooks).clone();
            text::mutate(&mut bytes, 1 + rng.small(4), &other, rng);
            return bytes;
        }
        let mut entries = unzipped(workbook);
        if !entries.is_empty() {
            let indexes: Vec<usize> = (0..entries.len()).collect();
            let (index, other) = (*rng.pick(&indexes), *rng.pick(&indexes));
            let other = entries[other].1.clone();
            text::mutate(&mut entries[index].1, 1 + rng.small(4), &other, rng);
        }
        zipped(&entries)
    }
}

/// A workbook's entries, in their order.
fn unzipped(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else { return Vec::new() };
    let mut entries = Vec::new();
    for index in 0..archive.len() {
        let Ok(mut entry) = archive.by_index(index) else { continue };
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        let mut data = Vec::new();
        if entry.read_to_end(&mut data).is_ok() {
            entries.push((name, data));
        }
    }
    entries
}

/// Entries zipped again, stored (what is read does not depend on the compression).
fn zipped(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in entries {
        if writer.start_file(name.as_str(), options).is_err() || writer.write_all(data).is_err() {
            return Vec::new();
        }
    }
    writer.finish().map(Cursor::into_inner).unwrap_or_default()
}

/// What a lead types: a word for the status, an amount with cents, a comment, in the columns
/// the header names.
fn typed_in(rows: &mut [Vec<String>]) {
    let Some((header, rows)) = rows.split_first_mut() else { return };
    let column = |name: &str| header.iter().position(|h| h == name);
    let answers = [
        ("Statut", "realisee"),
        ("Ce qui a été fait", "Fait à 80 %"),
        ("Résultat", "14"),
        ("Dépensé (€)", "1 250,50 €"),
    ];
    for (name, value) in answers {
        if let Some(c) = column(name) {
            rows.iter_mut().step_by(2).for_each(|row| row[c] = value.to_string());
        }
    }
}

/// The text in Windows-1252, a character it lacks written `?`, as Excel does.
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .filter(|c| *c != french_csv::BOM)
        .map(|c| match c {
            '€' => 0x80,
            '’' => 0x92,
            'œ' => 0x9C,
            c => u8::try_from(u32::from(c)).unwrap_or(b'?'),
        })
        .collect()
}
