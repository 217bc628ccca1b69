//! A spreadsheet as the answers' reader takes it: sheets of rows of cell values, as text. Every
//! file format (`.xlsx`, `.ods`, CSV) is read into this first, by a reader that gives each
//! cell's value (a formula's cached result, never the formula: nothing here evaluates
//! anything), so that what comes after is written and tested once.
//!
//! Also where a problem is said: one French line naming the file, the sheet and the cell as the
//! spreadsheet names it (« Dépenses, D7 »).

use std::fmt;

/// At most this many rows over all the sheets of one file. A 100-fiche contract asks one lead
/// for a few hundred rows; a file of 20,000 is not an answer (or a mistake that would freeze
/// the page while read), and is refused whole.
pub const MAX_ROWS: usize = 5_000;

/// At most this many columns are read in a row; a collection sheet has about ten.
pub const MAX_COLUMNS: usize = 100;

/// One sheet: its name (the tab's, or the file's for a CSV) and its rows, the first row first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetCells {
    pub name: String,
    pub rows: Vec<Vec<String>>,
}

impl SheetCells {
    pub fn new(name: impl Into<String>, rows: Vec<Vec<String>>) -> Self {
        SheetCells { name: name.into(), rows }
    }

    /// The value at a 0-based row and column, empty where the row is shorter.
    pub fn cell(&self, row: usize, column: usize) -> &str {
        self.rows.get(row).and_then(|r| r.get(column)).map_or("", String::as_str)
    }
}

/// A file's sheets, as its reader gave them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Workbook {
    /// The file's name, as dropped: « suivi-2025-ars.xlsx ».
    pub file: String,
    pub sheets: Vec<SheetCells>,
}

/// « D7 »: a 0-based row and column as a spreadsheet names the cell (columns A..Z, AA..).
pub fn cell_name(row: usize, column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(b'A' + rest as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

/// One problem of a file, where it is and what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// The sheet's name, when the problem is inside one.
    pub sheet: Option<String>,
    /// « D7 », when it is one cell's.
    pub cell: Option<String>,
    /// What, in plain French.
    pub message: String,
}

impl Problem {
    pub fn of_file(file: &str, message: impl Into<String>) -> Self {
        Problem { file: file.to_string(), sheet: None, cell: None, message: message.into() }
    }

    pub fn at(
        file: &str,
        sheet: &str,
        row: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Problem {
            file: file.to_string(),
            sheet: Some(sheet.to_string()),
            cell: Some(cell_name(row, column)),
            message: message.into(),
        }
    }

    pub fn in_sheet(file: &str, sheet: &str, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_string(),
            sheet: Some(sheet.to_string()),
            cell: None,
            message: message.into(),
        }
    }
}

/// « suivi-ars.xlsx — Dépenses, D7 : … », the line the preview shows.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        match (&self.sheet, &self.cell) {
            (Some(sheet), Some(cell)) => write!(f, " — {sheet}, {cell}")?,
            (Some(sheet), None) => write!(f, " — feuille « {sheet} »")?,
            _ => {}
        }
        write!(f, "\u{a0}: {}", self.message)
    }
}

/// Refuses a file too big to be an answer, before anything is read of it.
pub fn check_size(workbook: &Workbook) -> Result<(), Problem> {
    let rows: usize = workbook.sheets.iter().map(|s| s.rows.len()).sum();
    if rows > MAX_ROWS {
        return Err(Problem::of_file(
            &workbook.file,
            format!(
                "le fichier compte {rows} lignes, au-delà des {MAX_ROWS} qu’une réponse de pilote peut \
                 avoir : il n’est pas lu et rien n’a changé."
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_spreadsheets_name_them() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(6, 3), "D7");
        assert_eq!(cell_name(9, 25), "Z10");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(0, 27), "AB1");
        assert_eq!(cell_name(0, 701), "ZZ1");
        assert_eq!(cell_name(0, 702), "AAA1");
    }

    #[test]
    fn a_problem_names_the_file_the_sheet_and_the_cell() {
        let problem = Problem::at("suivi-ars.xlsx", "Dépenses", 6, 3, "montant illisible.");
        assert_eq!(problem.to_string(), "suivi-ars.xlsx — Dépenses, D7\u{a0}: montant illisible.");
        let sheet = Problem::in_sheet("a.ods", "Actions", "colonne absente.");
        assert_eq!(sheet.to_string(), "a.ods — feuille « Actions »\u{a0}: colonne absente.");
        assert_eq!(Problem::of_file("a.csv", "vide.").to_string(), "a.csv\u{a0}: vide.");
    }

    #[test]
    fn twenty_thousand_rows_are_refused_with_a_message() {
        let rows = vec![vec!["x".to_string()]; 20_000];
        let book =
            Workbook { file: "gros.xlsx".into(), sheets: vec![SheetCells::new("Actions", rows)] };
        let refusal = check_size(&book).unwrap_err();
        assert!(
            refusal.to_string().starts_with("gros.xlsx\u{a0}: le fichier compte 20000 lignes"),
            "{refusal}"
        );
        let fine = Workbook {
            file: "a.xlsx".into(),
            sheets: vec![SheetCells::new("Actions", vec![vec![]; MAX_ROWS])],
        };
        assert_eq!(check_size(&fine), Ok(()));
    }
}
