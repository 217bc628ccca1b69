//! How the `.xlsx` and `.ods` writers dress the cells of a lead's workbook (`sheets`), the same
//! way in both formats: which cells are to fill (coloured, unlocked, with a help message when
//! selected, and the legend of « Mode d’emploi » saying so: never colour alone), the statuses
//! of the drop-down list, column widths for an A4 page in landscape, which column is hidden
//! and which cells are numbers.

use super::columns::{Column, Part};
use super::sheets::{ANSWER_DATE, GUIDE};
use super::table::SheetCells;
use crate::model::ReviewStatus;

/// The background of a cell to fill: a pale yellow, dark text on it stays readable (and it
/// prints as a light grey in black and white).
pub const TO_FILL_COLOUR: u32 = 0xFFF2B3;
/// The background of a header row.
pub const HEADER_COLOUR: u32 = 0xDCE3EC;

/// The title of the help a spreadsheet shows when a cell to fill is selected.
pub const TO_FILL_TITLE: &str = "À remplir";

/// What a sheet is, for its dressing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetKind {
    Guide,
    Part(Part),
    /// A sheet the writers do not know: written as plain text.
    Other,
}

pub fn sheet_kind(sheet: &SheetCells) -> SheetKind {
    if sheet.name == GUIDE {
        return SheetKind::Guide;
    }
    Part::ALL.into_iter().find(|p| p.name() == sheet.name).map_or(SheetKind::Other, SheetKind::Part)
}

/// The column of a part's sheet at a 0-based index, as `sheets` writes them.
pub fn column_at(part: Part, index: usize) -> Option<Column> {
    part.columns().get(index).copied()
}

/// Whether the lead fills the cell at this 0-based row and column in (never the header row).
pub fn to_fill(sheet: &SheetCells, kind: SheetKind, row: usize, column: usize) -> bool {
    match kind {
        SheetKind::Part(part) => {
            row > 0 && column_at(part, column).is_some_and(|c| part.answered().contains(&c))
        }
        SheetKind::Guide => column == 1 && sheet.cell(row, 0) == ANSWER_DATE,
        SheetKind::Other => false,
    }
}

/// What the help of a cell to fill says, when selected.
pub fn help(kind: SheetKind, column: usize) -> &'static str {
    let Some(column) = (match kind {
        SheetKind::Part(part) => column_at(part, column),
        _ => None,
    }) else {
        return "Date de votre réponse, par exemple 03/04/2025.";
    };
    match column {
        Column::Status => "Choisissez le statut de l’année dans la liste.",
        Column::Comment => "Ce qui a été fait dans l’année, en quelques phrases.",
        Column::Reason => "Si ce n’est pas réalisé : pourquoi ?",
        Column::NextSteps => "Ce qui est prévu ensuite.",
        Column::Result => "Le résultat de l’année (un nombre ou un texte).",
        Column::ResultComment => "Un commentaire sur le résultat, si besoin.",
        Column::Spent => "Le montant dépensé dans l’année, en euros.",
        _ => "À remplir.",
    }
}

/// The statuses of the drop-down list, in the words of « Suivi ».
pub fn status_choices() -> Vec<&'static str> {
    ReviewStatus::ALL.iter().map(|s| s.label()).collect()
}

/// The 0-based column of the status in a part's sheet, if it has one.
pub fn status_column(part: Part) -> Option<usize> {
    part.columns().iter().position(|c| *c == Column::Status)
}

/// The hidden column (the fingerprints: the lead has nothing to read there).
pub fn is_hidden(kind: SheetKind, column: usize) -> bool {
    matches!(kind, SheetKind::Part(part) if column_at(part, column) == Some(Column::MadeWith))
}

/// A column's width in characters: numbers narrow, texts a lead writes wide.
pub fn width(kind: SheetKind, column: usize) -> f64 {
    let column = match kind {
        SheetKind::Guide => return if column == 0 { 28.0 } else { 60.0 },
        SheetKind::Other => return 20.0,
        SheetKind::Part(part) => column_at(part, column),
    };
    match column {
        Some(Column::Reference) => 16.0,
        Some(Column::SheetNumber | Column::ActionNumber) => 8.0,
        Some(Column::SheetTitle | Column::Action | Column::Indicator | Column::Funder) => 28.0,
        Some(Column::LastYearStatus | Column::Status | Column::Unit) => 14.0,
        Some(Column::Target | Column::Result | Column::Planned | Column::Spent) => 12.0,
        Some(Column::LastYearNextSteps) => 24.0,
        Some(Column::Comment | Column::Reason | Column::NextSteps | Column::ResultComment) => 36.0,
        Some(Column::MadeWith) | None => 12.0,
    }
}

/// Whether the cell's text is wrapped: every cell of the three sheets (long titles and
/// comments print whole), and the guide's second column; the guide's long lines run across.
pub fn wrapped(kind: SheetKind, column: usize) -> bool {
    match kind {
        SheetKind::Guide => column == 1,
        _ => true,
    }
}

/// The amount of a money cell, written as a number so that a spreadsheet sums it (the
/// domain writes plain digits: `plain_euros`).
pub fn amount(kind: SheetKind, row: usize, column: usize, text: &str) -> Option<f64> {
    let SheetKind::Part(part) = kind else { return None };
    let money = matches!(column_at(part, column), Some(Column::Planned | Column::Spent));
    let digits = !text.is_empty() && text.len() <= 15 && text.bytes().all(|b| b.is_ascii_digit());
    (row > 0 && money && digits).then(|| text.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cells_to_fill_are_the_answered_columns_and_the_answer_date() {
        let actions = SheetCells::new("Actions", vec![vec![]; 3]);
        let kind = sheet_kind(&actions);
        assert_eq!(kind, SheetKind::Part(Part::Reviews));
        let filled: Vec<usize> = (0..12).filter(|c| to_fill(&actions, kind, 1, *c)).collect();
        assert_eq!(
            filled,
            vec![7, 8, 9, 10],
            "Statut, Ce qui a été fait, Pourquoi ?, Suite prévue"
        );
        assert!(!to_fill(&actions, kind, 0, 7), "never the header");
        let guide = SheetCells::new(GUIDE, vec![vec!["x".into()], vec![ANSWER_DATE.into()]]);
        assert!(to_fill(&guide, SheetKind::Guide, 1, 1));
        assert!(!to_fill(&guide, SheetKind::Guide, 0, 1));
        assert!(is_hidden(kind, 11) && !is_hidden(kind, 10));
        assert_eq!(status_column(Part::Reviews), Some(7));
        assert_eq!(status_choices().len(), ReviewStatus::ALL.len());
        let spent = sheet_kind(&SheetCells::new("Dépenses", vec![]));
        assert_eq!(amount(spent, 1, 5, "1250"), Some(1250.0));
        assert_eq!(amount(spent, 1, 5, "1 250"), None);
        assert_eq!(amount(spent, 0, 5, "1250"), None);
        assert_eq!(amount(spent, 1, 3, "1250"), None);
    }
}
