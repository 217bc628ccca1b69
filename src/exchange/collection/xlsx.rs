//! A lead's workbook (`sheets`) as an `.xlsx` file, written by `rust_xlsxwriter`: the sheets
//! in order with their French names, the cells to fill yellow, unlocked and with their help,
//! the status a drop-down list of the statuses (Excel's own data validation, which lets a lead
//! keep their own word after a notice: `status` reads it), the other cells protected without a
//! password, the fingerprints' column hidden, the header row frozen and repeated on each
//! printed page, A4 in landscape one page wide. Dressing shared with `.ods`: `presentation`.

use super::presentation::{
    amount, help, is_hidden, sheet_kind, status_choices, status_column, to_fill, width, wrapped,
    SheetKind, HEADER_COLOUR, TO_FILL_COLOUR, TO_FILL_TITLE,
};
use super::table::{SheetCells, Workbook};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format,
    FormatAlign, FormatBorder, ProtectionOptions, Workbook as Xlsx, Worksheet, XlsxError,
};

/// The media type of an `.xlsx` file, for the download.
pub const XLSX_MEDIA_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A4 in rust_xlsxwriter's (Excel's) paper numbers.
const A4: u8 = 9;

/// The `.xlsx` file of a lead's workbook. An error is a bug of the writer (a name Excel
/// refuses, a list too long), reported in French rather than hidden.
pub fn xlsx_bytes(book: &Workbook) -> Result<Vec<u8>, String> {
    write(book).map_err(|e| format!("le classeur .xlsx n’a pas pu être écrit ({e})."))
}

fn write(book: &Workbook) -> Result<Vec<u8>, XlsxError> {
    let mut xlsx = Xlsx::new();
    // A fixed date (the document's own date is in its cells): the same workbook gives the same
    // bytes, and no clock is asked.
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    let properties = DocProperties::new()
        .set_title(&book.file)
        .set_author("Atelier CLS")
        .set_creation_datetime(&created);
    xlsx.set_properties(&properties);
    let formats = Formats::new();
    for sheet in &book.sheets {
        let worksheet = xlsx.add_worksheet();
        write_sheet(worksheet, sheet, &formats)?;
    }
    xlsx.save_to_buffer()
}

struct Formats {
    header: Format,
    text: Format,
    plain: Format,
    to_fill: Format,
    title: Format,
}

impl Formats {
    fn new() -> Self {
        let text = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        let bordered = text.clone().set_border(FormatBorder::Thin).set_border_color(0xA0A0A0);
        Formats {
            header: bordered.clone().set_bold().set_background_color(Color::RGB(HEADER_COLOUR)),
            to_fill: bordered
                .clone()
                .set_background_color(Color::RGB(TO_FILL_COLOUR))
                .set_unlocked(),
            plain: Format::new().set_align(FormatAlign::Top),
            title: Format::new().set_bold().set_font_size(14),
            text: bordered,
        }
    }
}

fn write_sheet(ws: &mut Worksheet, sheet: &SheetCells, formats: &Formats) -> Result<(), XlsxError> {
    ws.set_name(&sheet.name)?;
    let kind = sheet_kind(sheet);
    let columns = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
    for column in 0..columns {
        let col =
            u16::try_from(column).map_err(|_| XlsxError::ParameterError("colonnes".into()))?;
        ws.set_column_width(col, width(kind, column))?;
        if is_hidden(kind, column) {
            ws.set_column_hidden(col)?;
        }
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let row_number =
            u32::try_from(r).map_err(|_| XlsxError::ParameterError("lignes".into()))?;
        for (c, text) in row.iter().enumerate() {
            let col = c as u16;
            let format = format_of(sheet, kind, r, c, formats);
            match amount(kind, r, c, text) {
                Some(number) => ws.write_number_with_format(row_number, col, number, format)?,
                None if text.is_empty() => ws.write_blank(row_number, col, format)?,
                None => ws.write_string_with_format(row_number, col, text, format)?,
            };
        }
    }
    validations(ws, sheet, kind)?;
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        sort: true,
        use_autofilter: true,
        ..ProtectionOptions::default()
    };
    ws.protect_with_options(&options);
    ws.set_paper_size(A4).set_landscape();
    if let SheetKind::Part(_) = kind {
        ws.set_freeze_panes(1, 0)?;
        ws.set_repeat_rows(0, 0)?;
        ws.set_print_fit_to_pages(1, 0);
        ws.set_header("&L&\"-,Bold\"&A&R« À remplir » : les cellules sur fond jaune");
    }
    Ok(())
}

fn format_of<'a>(
    sheet: &SheetCells,
    kind: SheetKind,
    row: usize,
    column: usize,
    formats: &'a Formats,
) -> &'a Format {
    if to_fill(sheet, kind, row, column) {
        return &formats.to_fill;
    }
    match kind {
        SheetKind::Part(_) if row == 0 => &formats.header,
        SheetKind::Part(_) => &formats.text,
        SheetKind::Guide if row == 0 => &formats.title,
        _ if wrapped(kind, column) => &formats.text,
        _ => &formats.plain,
    }
}

/// The drop-down list of statuses and, on every cell to fill, its help when selected.
fn validations(ws: &mut Worksheet, sheet: &SheetCells, kind: SheetKind) -> Result<(), XlsxError> {
    let columns = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
    for column in 0..columns {
        let rows: Vec<usize> =
            (0..sheet.rows.len()).filter(|r| to_fill(sheet, kind, *r, column)).collect();
        let (Some(first), Some(last)) = (rows.first(), rows.last()) else { continue };
        let listed = matches!(kind, SheetKind::Part(p) if status_column(p) == Some(column));
        let validation = if listed {
            DataValidation::new()
                .allow_list_strings(&status_choices())?
                .set_error_style(DataValidationErrorStyle::Information)
                .set_error_title("Statut")?
                .set_error_message(
                    "Ce statut n’est pas dans la liste : il sera lu s’il est reconnu, sinon \
                     le statut le plus proche sera proposé.",
                )?
        } else {
            DataValidation::new().allow_any_value()
        };
        let validation =
            validation.set_input_title(TO_FILL_TITLE)?.set_input_message(help(kind, column))?;
        ws.add_data_validation(
            *first as u32,
            column as u16,
            *last as u32,
            column as u16,
            &validation,
        )?;
    }
    Ok(())
}
