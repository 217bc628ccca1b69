//! CSV files that French spreadsheets (Excel, LibreOffice Calc in a French locale) open right
//! with a double click, and the way cells are written in them. Shared by the planning export
//! and the spreadsheet exports of the contract (`exchange::spreadsheet`).
//!
//! - UTF-8 with a BOM: without it Excel reads the accents as Windows-1252;
//! - ';' between fields, because ',' is the decimal separator there;
//! - CRLF line ends; fields holding ';', '"' or a line break are quoted (the `csv` crate);
//! - a cell that starts like a formula (`=`, `+`, `-`, `@`) gets a leading apostrophe, so that a
//!   title typed by a partner (files come from outside) is shown as text, never run by Excel;
//! - months as "03/2025", yes/no as "Oui"/"Non", amounts in their plain form
//!   (`amount::plain_euros`: bare digits, no thousands separator, no currency sign), so that
//!   the spreadsheet reads dates and numbers, not text.

use super::YearMonth;

/// The byte order mark every file starts with.
pub const BOM: char = '\u{FEFF}';

/// The whole file: BOM, header line, then one line per row, each ending with CRLF.
pub fn write<H, R, F>(header: &[H], rows: impl IntoIterator<Item = R>) -> String
where
    H: AsRef<[u8]>,
    R: IntoIterator<Item = F>,
    F: AsRef<[u8]>,
{
    let bytes = write_records(header, rows).unwrap_or_default();
    let mut text = String::from(BOM);
    text.push_str(&String::from_utf8_lossy(&bytes));
    text
}

fn write_records<H, R, F>(header: &[H], rows: impl IntoIterator<Item = R>) -> csv::Result<Vec<u8>>
where
    H: AsRef<[u8]>,
    R: IntoIterator<Item = F>,
    F: AsRef<[u8]>,
{
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(header)?;
    for row in rows {
        writer.write_record(row.into_iter().map(|field| as_text(field.as_ref()).into_owned()))?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// The cell as the spreadsheet must show it: text that would start a formula is prefixed with
/// an apostrophe (OWASP's advice against CSV injection). Our own numbers never start so.
pub fn as_text(field: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    match field.first() {
        Some(b'=' | b'+' | b'-' | b'@') => {
            let mut quoted = Vec::with_capacity(field.len() + 1);
            quoted.push(b'\'');
            quoted.extend_from_slice(field);
            std::borrow::Cow::Owned(quoted)
        }
        _ => std::borrow::Cow::Borrowed(field),
    }
}

/// "03/2025", or an empty cell.
pub fn month(when: Option<YearMonth>) -> String {
    when.map(|ym| format!("{:02}/{:04}", ym.month, ym.year)).unwrap_or_default()
}

pub fn yes_no(flag: bool) -> &'static str {
    if flag {
        "Oui"
    } else {
        "Non"
    }
}

/// Several names in one cell: "ARS, CPAM du Cantal".
pub fn list<T: AsRef<str>>(items: impl IntoIterator<Item = T>) -> String {
    let mut cell = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            cell.push_str(", ");
        }
        cell.push_str(item.as_ref());
    }
    cell
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_bom_header_and_crlf_lines_with_quoting() {
        let text = write(&["Nom", "Note"], [["a;b", "dit \"oui\""], ["deux\nlignes", ""]]);
        assert_eq!(
            text,
            "\u{FEFF}Nom;Note\r\n\"a;b\";\"dit \"\"oui\"\"\"\r\n\"deux\nlignes\";\r\n"
        );
        assert_eq!(write(&["Seul"], Vec::<[&str; 1]>::new()), "\u{FEFF}Seul\r\n");
    }

    #[test]
    fn text_that_would_start_a_formula_stays_text() {
        let text = write(
            &["Fiche"],
            [["=HYPERLINK(\"http://x\")"], ["+1"], ["@SUM(A1)"], ["- liste"], ["Aurillac"]],
        );
        let cells: Vec<&str> = text.trim_start_matches(BOM).split("\r\n").skip(1).collect();
        assert_eq!(
            cells,
            ["\"'=HYPERLINK(\"\"http://x\"\")\"", "'+1", "'@SUM(A1)", "'- liste", "Aurillac", ""]
        );
    }

    #[test]
    fn cells_are_written_as_french_spreadsheets_read_them() {
        assert_eq!(month(YearMonth::new(2025, 3)), "03/2025");
        assert_eq!(month(None), "");
        assert_eq!((yes_no(true), yes_no(false)), ("Oui", "Non"));
        assert_eq!(list(["ARS", "CPAM"]), "ARS, CPAM");
        assert_eq!(list(Vec::<String>::new()), "");
    }
}
