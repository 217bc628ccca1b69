//! A dropped answer's bytes into the cells of a [`Workbook`], whatever its format, found by
//! content rather than by name: a zip holding `mimetype` « …opendocument.spreadsheet » is an
//! `.ods`, one holding `[Content_Types].xml` an `.xlsx`; anything else is read as CSV
//! (`csv_file`). `calamine` reads the two spreadsheet formats: each cell's value, a formula's
//! result as the spreadsheet saved it (never evaluated), numbers written back with at most two
//! decimals (« 1250.55 », never « 1250.5500000000002 »), dates as a French spreadsheet shows
//! them (« 03/04/2025 », which `cells::read_date` reads), « VRAI »/« FAUX », an error as its
//! code (« #DIV/0! »).
//!
//! Before calamine sees a byte, the file is checked here, since calamine inflates what the zip
//! says without a limit and lays a sheet out as a full rectangle of cells: every entry of the
//! zip is inflated once, counting, and the whole refused beyond [`MAX_INFLATED_BYTES`] (a zip
//! bomb); an encrypted file (a password-protected `.xlsx` is an OLE file holding
//! « EncryptionInfo », an `.ods` says `encryption-data` in its manifest) and the old binary
//! `.xls` are refused with what to do; an `.ods` whose rows or columns, once repeated, go
//! beyond what an answer has is refused before it is laid out; an `.xlsx` is read cell by cell
//! and refused at its first cell beyond [`MAX_ROWS`].

use super::csv_file::csv_workbook;
use super::table::{Problem, SheetCells, Workbook, MAX_COLUMNS, MAX_ROWS};
use calamine::{Data, Ods, Reader, Xlsx};
use quick_xml::events::Event;
use std::io::{Cursor, Read};

/// At most this many bytes once every entry of a spreadsheet's zip is inflated. A 100-fiche
/// contract's workbook for one lead inflates to well under a megabyte.
pub const MAX_INFLATED_BYTES: u64 = 48 * 1024 * 1024;

/// At most this many entries in the zip (an `.xlsx` from Excel has about fifteen).
const MAX_ENTRIES: usize = 1_000;

/// Columns kept beyond which an `.ods` is refused before calamine lays it out: a lead may add
/// a column or two past the answered ones, never hundreds.
const ODS_MAX_COLUMNS: u64 = 1_024;

const ODS_MIMETYPE: &[u8] = b"application/vnd.oasis.opendocument.spreadsheet";
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// What a file holds, as found from its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Xlsx,
    Ods,
    Csv,
}

/// Reads a dropped file's bytes into its cells, or says in French why it cannot be.
pub fn read_workbook(file: &str, bytes: &[u8]) -> Result<Workbook, Problem> {
    if bytes.starts_with(OLE_MAGIC) {
        return Err(ole_refusal(file, bytes));
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return csv_workbook(file, bytes);
    }
    let inflated = inflate_checked(file, bytes)?;
    match inflated.kind {
        FileKind::Ods => {
            if inflated.encrypted {
                return Err(password_refusal(file));
            }
            check_ods_extent(file, &inflated.content)?;
            read_ods(file, bytes)
        }
        FileKind::Xlsx => read_xlsx(file, bytes),
        FileKind::Csv => Err(Problem::of_file(
            file,
            "ce fichier compressé (.zip) n’est ni un classeur Excel (.xlsx) ni un classeur \
             OpenDocument (.ods) : il n’est pas lu.",
        )),
    }
}

fn password_refusal(file: &str) -> Problem {
    Problem::of_file(
        file,
        "ce classeur est protégé par un mot de passe : enregistrez-le sans mot de passe \
         (ou demandez au pilote de le faire), puis déposez-le à nouveau. Rien n’a changé.",
    )
}

/// An OLE file: a password-protected `.xlsx` (Office encrypts into one), or an old `.xls`.
fn ole_refusal(file: &str, bytes: &[u8]) -> Problem {
    let name: Vec<u8> = "EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes).collect();
    if bytes.windows(name.len()).any(|w| w == name.as_slice()) {
        return password_refusal(file);
    }
    Problem::of_file(
        file,
        "ce classeur est à l’ancien format d’Excel (.xls) : enregistrez-le au format .xlsx ou \
         .ods, puis déposez-le à nouveau. Rien n’a changé.",
    )
}

fn unreadable(file: &str) -> Problem {
    Problem::of_file(
        file,
        "ce classeur est abîmé ou n’est pas un classeur (.xlsx, .ods) : il n’est pas lu et rien \
         n’a changé.",
    )
}

fn bomb(file: &str) -> Problem {
    Problem::of_file(
        file,
        format!(
            "une fois décompressé, ce fichier dépasserait {} Mo : ce n’est pas une réponse de \
             pilote, il n’est pas lu et rien n’a changé.",
            MAX_INFLATED_BYTES / (1024 * 1024)
        ),
    )
}

fn too_many_rows(file: &str) -> Problem {
    Problem::of_file(
        file,
        format!(
            "le fichier compte plus de {MAX_ROWS} lignes, au-delà de ce qu’une réponse de pilote \
             peut avoir : il n’est pas lu et rien n’a changé."
        ),
    )
}

/// What the zip check found.
struct Inflated {
    kind: FileKind,
    encrypted: bool,
    /// An `.ods`'s `content.xml`, inflated.
    content: Vec<u8>,
}

/// Inflates every entry once, counting, within [`MAX_INFLATED_BYTES`] in all whatever the zip
/// declares; finds what the file is.
fn inflate_checked(file: &str, bytes: &[u8]) -> Result<Inflated, Problem> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| unreadable(file))?;
    if archive.len() > MAX_ENTRIES {
        return Err(bomb(file));
    }
    let mut found = Inflated { kind: FileKind::Csv, encrypted: false, content: Vec::new() };
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let (name, encrypted) = {
            let entry = archive.by_index_raw(index).map_err(|_| unreadable(file))?;
            (entry.name().map_err(|_| unreadable(file))?.to_string(), entry.encrypted())
        };
        if encrypted {
            return Err(password_refusal(file));
        }
        let entry = archive.by_index(index).map_err(|_| unreadable(file))?;
        let left = MAX_INFLATED_BYTES - total;
        let mut data = Vec::new();
        let read = entry.take(left + 1).read_to_end(&mut data).map_err(|_| unreadable(file))?;
        total += read as u64;
        if total > MAX_INFLATED_BYTES {
            return Err(bomb(file));
        }
        match name.as_str() {
            "mimetype" if data.trim_ascii() == ODS_MIMETYPE => found.kind = FileKind::Ods,
            "[Content_Types].xml" if found.kind == FileKind::Csv => found.kind = FileKind::Xlsx,
            "META-INF/manifest.xml" => {
                found.encrypted = data.windows(15).any(|w| w == b"encryption-data");
            }
            "content.xml" => found.content = data,
            _ => {}
        }
    }
    Ok(found)
}

fn attribute_number(element: &quick_xml::events::BytesStart, name: &str) -> u64 {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.value.trim().parse().ok())
        .unwrap_or(1)
}

/// Refuses an `.ods` whose repeated rows or columns holding a value go beyond an answer's,
/// before calamine lays its sheets out as rectangles of cells.
fn check_ods_extent(file: &str, content: &[u8]) -> Result<(), Problem> {
    let mut reader = quick_xml::Reader::from_reader(content);
    let mut buffer = Vec::new();
    let mut rows: u64 = 0;
    let (mut row_repeat, mut row_has_value, mut column) = (1, false, 0u64);
    loop {
        let event = reader.read_event_into(&mut buffer).map_err(|_| unreadable(file))?;
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "table-row" => {
                    row_repeat = attribute_number(e, "table:number-rows-repeated");
                    (row_has_value, column) = (false, 0);
                    if matches!(event, Event::Empty(_)) {
                        row_repeat = 1;
                    }
                }
                "table-cell" | "covered-table-cell" => {
                    let repeat = attribute_number(e, "table:number-columns-repeated");
                    let valued = matches!(event, Event::Start(_))
                        || e.attributes().flatten().any(|a| a.key.as_ref() == "office:value-type");
                    column = column.saturating_add(repeat);
                    if valued {
                        row_has_value = true;
                        if column > ODS_MAX_COLUMNS {
                            return Err(Problem::of_file(
                                file,
                                format!(
                                    "une ligne du classeur a plus de {ODS_MAX_COLUMNS} colonnes \
                                     remplies : ce n’est pas une réponse de pilote, il n’est pas \
                                     lu et rien n’a changé."
                                ),
                            ));
                        }
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "table-row" && row_has_value => {
                rows = rows.saturating_add(row_repeat);
                if rows > MAX_ROWS as u64 {
                    return Err(too_many_rows(file));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
        buffer.clear();
    }
}

fn read_ods(file: &str, bytes: &[u8]) -> Result<Workbook, Problem> {
    let mut ods = Ods::new(Cursor::new(bytes)).map_err(|_| unreadable(file))?;
    let mut sheets = Vec::new();
    for name in ods.sheet_names() {
        let range = ods.worksheet_range(&name).map_err(|_| unreadable(file))?;
        let mut sheet = Cells::default();
        let (top, left) = range.start().unwrap_or((0, 0));
        for (row, column, value) in range.used_cells() {
            let text = data_text(value);
            sheet.put(file, top as usize + row, left as usize + column, text)?;
        }
        sheets.push(SheetCells::new(name, sheet.rows));
    }
    Ok(Workbook { file: file.to_string(), sheets })
}

fn read_xlsx(file: &str, bytes: &[u8]) -> Result<Workbook, Problem> {
    let mut xlsx = Xlsx::new(Cursor::new(bytes)).map_err(|e| match e {
        calamine::XlsxError::Password => password_refusal(file),
        _ => unreadable(file),
    })?;
    let mut sheets = Vec::new();
    for name in xlsx.sheet_names() {
        let mut sheet = Cells::default();
        let mut reader = xlsx.worksheet_cells_reader(&name).map_err(|_| unreadable(file))?;
        while let Some(cell) = reader.next_cell().map_err(|_| unreadable(file))? {
            let (row, column) = cell.get_position();
            let text = data_text(&Data::from(cell.get_value().clone()));
            sheet.put(file, row as usize, column as usize, text)?;
        }
        sheets.push(SheetCells::new(name, sheet.rows));
    }
    Ok(Workbook { file: file.to_string(), sheets })
}

/// A sheet's rows as its cells come, up to its last value; columns past [`MAX_COLUMNS`] are not
/// kept (nothing reads them).
#[derive(Default)]
struct Cells {
    rows: Vec<Vec<String>>,
}

impl Cells {
    fn put(&mut self, file: &str, row: usize, column: usize, text: String) -> Result<(), Problem> {
        if text.is_empty() || column >= MAX_COLUMNS {
            return Ok(());
        }
        if row >= MAX_ROWS {
            return Err(too_many_rows(file));
        }
        if self.rows.len() <= row {
            self.rows.resize(row + 1, Vec::new());
        }
        let cells = &mut self.rows[row];
        if cells.len() <= column {
            cells.resize(column + 1, String::new());
        }
        cells[column] = text;
        Ok(())
    }
}

/// A number as a spreadsheet shows it by default: at most two decimals, no trailing zero, a
/// point for the decimal separator (`model::amount` reads both).
pub fn number_text(number: f64) -> String {
    if !number.is_finite() {
        return String::new();
    }
    let text = format!("{number:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

/// A date as a French spreadsheet shows it, « 03/04/2025 » (`cells::read_date` reads it, and
/// a comment holding a date reads as typed); with its time, ISO text (`2025-04-03T10:30:00`).
fn french_date(year: u16, month: u8, day: u8, time: Option<(u8, u8, u8)>) -> String {
    match time {
        None | Some((0, 0, 0)) => format!("{day:02}/{month:02}/{year:04}"),
        Some((hour, minute, second)) => {
            format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}")
        }
    }
}

/// An Excel date serial (`.xlsx`), a duration as its number of days.
fn serial_date(date: &calamine::ExcelDateTime) -> String {
    if date.is_duration() {
        return number_text(date.as_f64());
    }
    let (year, month, day, hour, minute, second, _) = date.to_ymd_hms_milli();
    french_date(year, month, day, Some((hour, minute, second)))
}

/// An ISO date (`.ods`): a day alone written the French way, anything else as it is.
fn iso_date(text: &str) -> String {
    let number = |range: std::ops::Range<usize>| text.get(range).and_then(|t| t.parse().ok());
    let shape = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    match (shape, number(0..4), number(5..7), number(8..10)) {
        (true, Some(year), Some(month), Some(day)) => {
            french_date(year, month as u8, day as u8, None)
        }
        _ => text.to_string(),
    }
}

/// A cell's value as the domain reads it (`.xlsx` cells come as `DataRef`, converted by
/// calamine's own `From`).
fn data_text(value: &Data) -> String {
    match value {
        Data::Int(n) => n.to_string(),
        Data::Float(n) => number_text(*n),
        Data::String(s) | Data::DurationIso(s) => s.clone(),
        Data::DateTimeIso(s) => iso_date(s),
        Data::Bool(b) => if *b { "VRAI" } else { "FAUX" }.to_string(),
        Data::DateTime(date) => serial_date(date),
        Data::Error(error) => error.to_string(),
        Data::Empty => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_back_with_at_most_two_decimals() {
        assert_eq!(number_text(1250.5500000000002), "1250.55");
        assert_eq!(number_text(1250.0), "1250");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(-0.001), "0");
        assert_eq!(number_text(14.0), "14");
        assert_eq!(number_text(f64::NAN), "");
    }

    #[test]
    fn dates_read_back_as_french_spreadsheets_show_them() {
        assert_eq!(iso_date("2025-04-03"), "03/04/2025");
        assert_eq!(iso_date("2025-04-03T10:30:00"), "2025-04-03T10:30:00");
        assert_eq!(iso_date("avril"), "avril");
        let serial =
            calamine::ExcelDateTime::new(45750.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(serial_date(&serial), "03/04/2025");
        let noon =
            calamine::ExcelDateTime::new(45750.5, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(serial_date(&noon), "2025-04-03T12:00:00");
        for text in ["03/04/2025", "2025-04-03T12:00:00"] {
            assert_eq!(super::super::cells::read_date(text).as_deref(), Some("2025-04-03"));
        }
    }
}
