//! The three sheets a lead answers in (« Actions », « Indicateurs », « Dépenses ») and their
//! columns: the French header each is written with, and the other ways a lead may have retyped
//! it. Reading back finds each sheet and each column by its header, in any order and on any of
//! the first rows (a lead may add a title line above), never by its position: leads move,
//! delete and add columns.

use super::table::{SheetCells, MAX_COLUMNS};
use crate::model::text::fold;
use std::collections::HashMap;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Reference,
    SheetNumber,
    SheetTitle,
    ActionNumber,
    Action,
    LastYearStatus,
    LastYearNextSteps,
    Status,
    Comment,
    Reason,
    NextSteps,
    Indicator,
    Unit,
    Target,
    Result,
    ResultComment,
    Funder,
    Planned,
    Spent,
    /// The fingerprints of the values the row was made with (`fingerprint`), hidden.
    MadeWith,
}

impl Column {
    /// The header the spreadsheet is written with.
    pub fn header(self) -> &'static str {
        match self {
            Column::Reference => "Référence",
            Column::SheetNumber => "N° fiche",
            Column::SheetTitle => "Fiche action",
            Column::ActionNumber => "N° action",
            Column::Action => "Action",
            Column::LastYearStatus => "Statut l’année précédente",
            Column::LastYearNextSteps => "Suite prévue l’année précédente",
            Column::Status => "Statut",
            Column::Comment => "Ce qui a été fait",
            Column::Reason => "Pourquoi ?",
            Column::NextSteps => "Suite prévue",
            Column::Indicator => "Indicateur",
            Column::Unit => "Unité",
            Column::Target => "Cible",
            Column::Result => "Résultat",
            Column::ResultComment => "Commentaire",
            Column::Funder => "Financeur",
            Column::Planned => "Prévu (€)",
            Column::Spent => "Dépensé (€)",
            Column::MadeWith => "Empreinte à l’envoi",
        }
    }

    /// Other headers read as this column, in `header_key` form.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::Reference => &["ref", "references"],
            Column::SheetNumber => {
                &["no fiche", "numero de fiche", "numero fiche", "fiche n", "n de fiche"]
            }
            Column::SheetTitle => &["fiche", "intitule de la fiche", "titre de la fiche"],
            Column::ActionNumber => {
                &["no action", "numero d action", "numero action", "n d action"]
            }
            Column::Action => &["intitule de l action", "actions"],
            Column::LastYearStatus => &["statut precedent"],
            Column::LastYearNextSteps => &["suite prevue precedente"],
            Column::Status => &["etat", "statut de l annee", "avancement"],
            Column::Comment => &["commentaire", "commentaires", "realisations", "bilan"],
            Column::Reason => &["si non realise pourquoi", "raison", "raisons"],
            Column::NextSteps => &["suites prevues", "suite", "suites"],
            Column::Indicator => &["indicateurs", "nom de l indicateur"],
            Column::Unit => &["unites"],
            Column::Target => &["valeur cible", "cible de l annee"],
            Column::Result => &["resultats", "valeur obtenue", "resultat de l annee"],
            Column::ResultComment => &["commentaires", "commentaire sur le resultat"],
            Column::Funder => &["financeurs"],
            Column::Planned => &["montant prevu", "previsionnel"],
            Column::Spent => &["depense", "depenses", "montant depense", "realise", "depense reel"],
            Column::MadeWith => &["empreinte"],
        }
    }

    fn matches(self, key: &str) -> bool {
        header_key(self.header()) == key || self.aliases().contains(&key)
    }
}

/// Which of the three sheets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    Reviews,
    Indicators,
    Funding,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Reviews, Part::Indicators, Part::Funding];

    /// The sheet's name as written.
    pub fn name(self) -> &'static str {
        match self {
            Part::Reviews => "Actions",
            Part::Indicators => "Indicateurs",
            Part::Funding => "Dépenses",
        }
    }

    /// The columns in the order they are written.
    pub fn columns(self) -> &'static [Column] {
        use Column::*;
        match self {
            Part::Reviews => &[
                Reference,
                SheetNumber,
                SheetTitle,
                ActionNumber,
                Action,
                LastYearStatus,
                LastYearNextSteps,
                Status,
                Comment,
                Reason,
                NextSteps,
                MadeWith,
            ],
            Part::Indicators => &[
                Reference,
                SheetNumber,
                SheetTitle,
                Indicator,
                Unit,
                Target,
                Result,
                ResultComment,
                MadeWith,
            ],
            Part::Funding => {
                &[Reference, SheetNumber, SheetTitle, Funder, Planned, Spent, MadeWith]
            }
        }
    }

    /// The columns the lead fills in, in the order their fingerprints are written.
    pub fn answered(self) -> &'static [Column] {
        match self {
            Part::Reviews => &[Column::Status, Column::Comment, Column::Reason, Column::NextSteps],
            Part::Indicators => &[Column::Result, Column::ResultComment],
            Part::Funding => &[Column::Spent],
        }
    }
}

/// How many of the first rows may come before the header row.
const HEADER_SEARCH: usize = 10;

/// A sheet recognised: which part, on which row its headers are, and each column found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub part: Part,
    pub header_row: usize,
    pub columns: HashMap<Column, usize>,
}

impl Layout {
    pub fn column(&self, column: Column) -> Option<usize> {
        self.columns.get(&column).copied()
    }
}

/// A header as compared: folded (case, accents, spaces), punctuation and « € » dropped.
pub fn header_key(text: &str) -> String {
    let kept: String =
        fold(text).chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The columns of `part` on one row: each found once, the first of two alike kept.
fn columns_on(row: &[String], part: Part) -> HashMap<Column, usize> {
    let mut found = HashMap::new();
    for (index, cell) in row.iter().enumerate().take(MAX_COLUMNS) {
        let key = header_key(cell);
        if key.is_empty() {
            continue;
        }
        if let Some(column) = part.columns().iter().find(|c| c.matches(&key)) {
            found.entry(*column).or_insert(index);
        }
    }
    found
}

/// Recognises a sheet by its headers: the row and part where most columns are found, with at
/// least one column to fill and one more; the sheet's name breaks ties. `None`: not one of the
/// three sheets (the « Mode d’emploi », or a sheet the lead added).
pub fn find_layout(sheet: &SheetCells) -> Option<Layout> {
    let named = Part::ALL.into_iter().find(|p| header_key(p.name()) == header_key(&sheet.name));
    let mut best: Option<(usize, Layout)> = None;
    for (header_row, row) in sheet.rows.iter().take(HEADER_SEARCH).enumerate() {
        for part in Part::ALL {
            let columns = columns_on(row, part);
            let answered = part.answered().iter().any(|c| columns.contains_key(c));
            if !answered || columns.len() < 2 {
                continue;
            }
            let score = columns.len() * 2 + usize::from(named == Some(part));
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((score, Layout { part, header_row, columns }));
            }
        }
    }
    best.map(|(_, layout)| layout)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn headers_compare_without_case_accents_or_punctuation() {
        assert_eq!(header_key("  Dépensé (€) "), "depense");
        assert_eq!(header_key("Pourquoi ?"), "pourquoi");
        assert_eq!(header_key("N° fiche"), "n fiche");
        assert_eq!(header_key("Statut l’année précédente"), "statut l annee precedente");
        assert!(Column::Spent.matches(&header_key("DEPENSE")));
        assert!(Column::Reason.matches(&header_key("Si non réalisé, pourquoi ?")));
    }

    #[test]
    fn a_sheet_is_recognised_by_its_headers_in_any_order_below_a_title() {
        let sheet = SheetCells::new(
            "Feuille1",
            vec![
                row(&["Suivi 2025 du CLS"]),
                row(&[]),
                row(&[
                    "Statut",
                    "Référence",
                    "",
                    "Ce qui a été fait",
                    "N° FICHE",
                    "statut l'année précédente",
                ]),
            ],
        );
        let layout = find_layout(&sheet).expect("recognised");
        assert_eq!((layout.part, layout.header_row), (Part::Reviews, 2));
        assert_eq!(layout.column(Column::Status), Some(0));
        assert_eq!(layout.column(Column::Reference), Some(1));
        assert_eq!(layout.column(Column::Comment), Some(3));
        assert_eq!(layout.column(Column::SheetNumber), Some(4));
        assert_eq!(layout.column(Column::LastYearStatus), Some(5), "not taken for « Statut »");
    }

    #[test]
    fn each_part_is_told_apart_and_other_sheets_are_not_taken() {
        let sheet = |name: &str, cells: &[&str]| SheetCells::new(name, vec![row(cells)]);
        let part = |s: &SheetCells| find_layout(s).map(|l| l.part);
        assert_eq!(
            part(&sheet("x", &["Référence", "Indicateur", "Résultat", "Commentaire"])),
            Some(Part::Indicators)
        );
        assert_eq!(
            part(&sheet("x", &["Financeur", "Prévu (€)", "Dépensé (€)"])),
            Some(Part::Funding)
        );
        assert_eq!(
            part(&sheet("Actions", &["Référence", "Commentaire"])),
            Some(Part::Reviews),
            "the name breaks the tie"
        );
        assert_eq!(
            part(&sheet("Mode d’emploi", &["Ce fichier est à remplir", "avant le 15 mars"])),
            None
        );
        assert_eq!(part(&sheet("Notes", &["Référence", "N° fiche"])), None, "nothing to fill in");
    }

    #[test]
    fn every_written_header_reads_back_as_its_column() {
        for part in Part::ALL {
            let header: Vec<String> =
                part.columns().iter().map(|c| c.header().to_string()).collect();
            let layout = find_layout(&SheetCells::new("x", vec![header])).expect("recognised");
            assert_eq!(layout.part, part);
            for (index, column) in part.columns().iter().enumerate() {
                assert_eq!(layout.column(*column), Some(index), "{part:?} {column:?}");
            }
        }
    }
}
