//! Reading a lead's answers out of a workbook's cells: which lead and year the file is for,
//! each row of the three sheets matched to the contract (`matching`), and each cell filled in
//! read (`status`, `cells`). Nothing changes here: what comes out is compared with the contract
//! by the preview. A cell that cannot be read is a problem naming its place and is left out; the
//! rest of the file is still read.

use super::cells::read_spent;
use super::columns::{find_layout, header_key, Column, Layout, Part};
use super::fingerprint::read_fingerprint;
use super::matching::{by_reference, by_words, candidates, fits, known_here, Candidate, RowWords};
use super::status::{read_status, unknown_status_message, StatusReading};
use super::table::{cell_name, check_size, Problem, SheetCells, Workbook};
use crate::model::collection::{Reference, Target};
use crate::model::{Contract, Id, ReviewStatus};
use std::collections::HashMap;

/// A value a lead fills in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Status,
    Comment,
    Reason,
    NextSteps,
    Result,
    ResultComment,
    Spent,
}

impl Field {
    /// How the preview names it (the words of « Suivi »).
    pub fn label(self) -> &'static str {
        match self {
            Field::Status => "Statut",
            Field::Comment => "Ce qui a été fait",
            Field::Reason => "Pourquoi ?",
            Field::NextSteps => "Suite prévue",
            Field::Result => "Résultat",
            Field::ResultComment => "Commentaire sur le résultat",
            Field::Spent => "Dépensé (€)",
        }
    }

    fn of(column: Column) -> Option<Field> {
        Some(match column {
            Column::Status => Field::Status,
            Column::Comment => Field::Comment,
            Column::Reason => Field::Reason,
            Column::NextSteps => Field::NextSteps,
            Column::Result => Field::Result,
            Column::ResultComment => Field::ResultComment,
            Column::Spent => Field::Spent,
            _ => return None,
        })
    }
}

/// A value as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Status(ReviewStatus),
    Text(String),
    Euros(u64),
}

/// One cell the lead filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnsweredCell {
    pub field: Field,
    pub value: Value,
    /// « Actions, H7 ».
    pub place: String,
    /// The fingerprint of the value the row was made with, when the file still carries it.
    pub made_with: Option<u32>,
}

/// One row of the file matched to a row of the contract, with the cells filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnsweredRow {
    pub target: Target,
    /// « Fiche action n°1 – Santé mentale › Action 1 – Former les élus ».
    pub name: String,
    pub cells: Vec<AnsweredCell>,
}

/// Everything read from one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answers {
    pub file: String,
    pub year: i32,
    /// The lead the file was made for, from its « pilote:… » reference; `None` when the file
    /// does not say (then the coordinator says whose answer it is).
    pub lead: Option<Id>,
    /// « Date de la réponse », when the lead wrote it.
    pub answered_on: Option<String>,
    pub rows: Vec<AnsweredRow>,
    /// Rows that match nothing in the contract.
    pub unmatched: Vec<Problem>,
    /// Cells that cannot be read (left out), and what was read otherwise than typed (a rounded
    /// amount, rows found without their reference).
    pub problems: Vec<Problem>,
}

/// Reads `book` as an answer to the collection of `year`. Refused whole (nothing read) when it
/// is too big, has none of the three sheets, was made for another year or another contract.
pub fn read_answers(
    book: &Workbook,
    contract: &Contract,
    year: i32,
) -> Result<Answers, Vec<Problem>> {
    check_size(book).map_err(|p| vec![p])?;
    let file = book.file.as_str();
    let lead = lead_of(book, contract, year)?;
    let mut answers = Answers {
        file: file.to_string(),
        year,
        lead,
        answered_on: None,
        rows: Vec::new(),
        unmatched: Vec::new(),
        problems: Vec::new(),
    };
    answers.answered_on = answered_on(book, &mut answers.problems);
    let mut recognised = 0;
    let mut references = (0, 0);
    for sheet in &book.sheets {
        let Some(layout) = find_layout(sheet) else {
            answers.problems.extend(extra_sheet(file, sheet));
            continue;
        };
        recognised += 1;
        let mut reader = SheetReader {
            contract,
            file,
            sheet,
            layout: &layout,
            year,
            answers: &mut answers,
            references: (0, 0),
        };
        reader.read(&candidates(contract, year, layout.part));
        references.0 += reader.references.0;
        references.1 += reader.references.1;
    }
    if recognised == 0 {
        return Err(vec![Problem::of_file(
            file,
            "aucune feuille « Actions », « Indicateurs » ou « Dépenses » n’y a été reconnue (par les \
             titres de ses colonnes) : ce n’est pas une réponse à la collecte, rien n’a changé.",
        )]);
    }
    let (read, known) = references;
    if read > 0 && known == 0 && lead.is_none() {
        return Err(vec![other_contract(file)]);
    }
    Ok(answers)
}

/// A sheet that is none of the three, said unless it is the « Mode d’emploi » or empty: a lead
/// who typed answers on a sheet of their own learns that they were not read.
fn extra_sheet(file: &str, sheet: &SheetCells) -> Option<Problem> {
    let guide = header_key(&sheet.name) == header_key(super::sheets::GUIDE);
    let empty = sheet.rows.iter().flatten().all(|cell| cell.trim().is_empty());
    (!guide && !empty).then(|| {
        Problem::in_sheet(
            file,
            &sheet.name,
            "cette feuille n’est pas lue : ses colonnes ne sont ni celles de « Actions », ni \
             celles de « Indicateurs », ni celles de « Dépenses ».",
        )
    })
}

fn other_contract(file: &str) -> Problem {
    Problem::of_file(
        file,
        "aucune de ses références ne correspond à ce contrat : il vient sans doute d’un autre \
         contrat. Rien n’a changé.",
    )
}

/// The lead named by the file's « pilote:<année>:<id> » cell (on « Mode d’emploi »).
fn lead_of(book: &Workbook, contract: &Contract, year: i32) -> Result<Option<Id>, Vec<Problem>> {
    let file = book.file.as_str();
    let mut found: Option<(Reference, String, usize, usize)> = None;
    for sheet in &book.sheets {
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let Some(reference) = Reference::parse(cell) else { continue };
                if matches!(reference.target, Target::Lead(_)) && found.is_none() {
                    found = Some((reference, sheet.name.clone(), r, c));
                }
            }
        }
    }
    let Some((reference, sheet, r, c)) = found else { return Ok(None) };
    let Target::Lead(id) = reference.target else { return Ok(None) };
    if reference.year != year {
        let message = format!(
            "ce fichier est celui de la collecte {}, pas de {year} : importez-le dans l’année {}. Rien n’a changé.",
            reference.year, reference.year
        );
        return Err(vec![Problem::at(file, &sheet, r, c, message)]);
    }
    if contract.organisation(id).is_none() {
        return Err(vec![other_contract(file)]);
    }
    Ok(Some(id))
}

/// The date written beside a « Date de la réponse » cell, if any.
fn answered_on(book: &Workbook, problems: &mut Vec<Problem>) -> Option<String> {
    for sheet in &book.sheets {
        for (r, row) in sheet.rows.iter().enumerate() {
            let Some(c) = row.iter().position(|cell| header_key(cell) == "date de la reponse")
            else {
                continue;
            };
            let (at, text) =
                row.iter().enumerate().skip(c + 1).find(|(_, t)| !t.trim().is_empty())?;
            return match super::cells::read_date(text) {
                Some(date) => Some(date),
                None => {
                    let message = format!(
                        "« {} » n’est pas une date (jj/mm/aaaa) : elle n’est pas reprise.",
                        text.trim()
                    );
                    problems.push(Problem::at(&book.file, &sheet.name, r, at, message));
                    None
                }
            };
        }
    }
    None
}

/// Reads the rows of one recognised sheet.
struct SheetReader<'a> {
    contract: &'a Contract,
    file: &'a str,
    sheet: &'a SheetCells,
    layout: &'a Layout,
    year: i32,
    answers: &'a mut Answers,
    /// References read, and of those, known in the contract.
    references: (usize, usize),
}

impl SheetReader<'_> {
    fn read(&mut self, candidates: &[Candidate]) {
        if self.layout.column(Column::Reference).is_none() {
            self.answers.problems.push(Problem::in_sheet(
                self.file,
                &self.sheet.name,
                "la colonne « Référence » a été supprimée : les lignes sont retrouvées par le numéro \
                 et l’intitulé de la fiche et de l’action. Vérifiez-les dans l’aperçu.",
            ));
        }
        let mut seen: HashMap<Target, usize> = HashMap::new();
        let mut rows = Vec::new();
        for r in self.layout.header_row + 1..self.sheet.rows.len() {
            if self.sheet.rows[r].iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let Some(candidate) = self.match_row(r, candidates) else { continue };
            if let Some(first) = seen.insert(candidate.target, r) {
                let message = format!(
                    "cette ligne répète la ligne {} ({}) : seule la première est reprise.",
                    first + 1,
                    candidate.name
                );
                self.answers.problems.push(Problem::at(self.file, &self.sheet.name, r, 0, message));
                continue;
            }
            let cells = self.read_cells(r);
            if !cells.is_empty() {
                let (target, name) = (candidate.target, candidate.name.clone());
                let rank = candidates.iter().position(|c| c.target == target);
                rows.push((rank, AnsweredRow { target, name, cells }));
            }
        }
        // In the contract's order, however the lead sorted the rows: the preview reads as
        // « Suivi ».
        rows.sort_by_key(|(rank, _)| *rank);
        self.answers.rows.extend(rows.into_iter().map(|(_, row)| row));
    }

    fn text(&self, r: usize, column: Column) -> &str {
        self.layout.column(column).map_or("", |c| self.sheet.cell(r, c).trim())
    }

    /// The candidate row `r` is about, or `None` with the reason recorded.
    fn match_row<'c>(&mut self, r: usize, candidates: &'c [Candidate]) -> Option<&'c Candidate> {
        let part = self.layout.part;
        if let Some(c) = self.layout.column(Column::Reference) {
            if let Some(reference) = Reference::parse(self.sheet.cell(r, c)) {
                return self.match_reference(r, c, reference, candidates);
            }
        }
        let label_column = match part {
            Part::Reviews => Column::Action,
            Part::Indicators => Column::Indicator,
            Part::Funding => Column::Funder,
        };
        let words = RowWords {
            sheet_number: self.text(r, Column::SheetNumber).to_string(),
            sheet_title: self.text(r, Column::SheetTitle).to_string(),
            number: self.text(r, Column::ActionNumber).to_string(),
            label: self.text(r, label_column).to_string(),
        };
        let found = by_words(candidates, &words);
        if found.is_none() && self.has_answer(r) {
            let message =
                "cette ligne ne correspond à aucune ligne du contrat (ni par sa référence, ni \
                           par le numéro et l’intitulé de sa fiche) : elle n’est pas reprise.";
            self.answers.unmatched.push(Problem::at(self.file, &self.sheet.name, r, 0, message));
        }
        found
    }

    fn match_reference<'c>(
        &mut self,
        r: usize,
        c: usize,
        reference: Reference,
        candidates: &'c [Candidate],
    ) -> Option<&'c Candidate> {
        self.references.0 += 1;
        let problem = |message: String| Problem::at(self.file, &self.sheet.name, r, c, message);
        if reference.year != self.year {
            let message = format!(
                "cette ligne est de la collecte {}, pas de {} : elle n’est pas reprise.",
                reference.year, self.year
            );
            self.answers.problems.push(problem(message));
            return None;
        }
        if !fits(self.layout.part, reference.target) {
            let message = format!(
                "cette référence n’est pas une ligne de la feuille « {} » : la ligne n’est pas reprise.",
                self.layout.part.name()
            );
            self.answers.problems.push(problem(message));
            return None;
        }
        let found = by_reference(candidates, reference);
        if known_here(self.contract, reference.target.id()) {
            self.references.1 += 1;
        }
        if found.is_none() {
            let message =
                "cette ligne ne correspond plus à rien dans le contrat (supprimée depuis \
                           l’envoi, ou venue d’un autre contrat) : elle n’est pas reprise.";
            self.answers.unmatched.push(problem(message.to_string()));
        }
        found
    }

    fn has_answer(&self, r: usize) -> bool {
        self.layout.part.answered().iter().any(|c| !self.text(r, *c).is_empty())
    }

    /// The cells of row `r` that say something, each read; problems recorded.
    fn read_cells(&mut self, r: usize) -> Vec<AnsweredCell> {
        let answered = self.layout.part.answered();
        let prints = self
            .layout
            .column(Column::MadeWith)
            .and_then(|c| read_fingerprint(self.sheet.cell(r, c), answered.len()));
        let mut cells = Vec::new();
        for (rank, column) in answered.iter().enumerate() {
            let (Some(c), Some(field)) = (self.layout.column(*column), Field::of(*column)) else {
                continue;
            };
            let Some(value) = self.read_value(r, c, field) else { continue };
            let place = format!("{}, {}", self.sheet.name, cell_name(r, c));
            cells.push(AnsweredCell {
                field,
                value,
                place,
                made_with: prints.as_ref().map(|p| p[rank]),
            });
        }
        cells
    }

    fn read_value(&mut self, r: usize, c: usize, field: Field) -> Option<Value> {
        let text = self.sheet.cell(r, c).trim();
        let problem = |message: String| Problem::at(self.file, &self.sheet.name, r, c, message);
        match field {
            Field::Status => match read_status(text) {
                StatusReading::Nothing => None,
                StatusReading::Status(status) => Some(Value::Status(status)),
                StatusReading::Unknown { typed, closest } => {
                    self.answers.problems.push(problem(unknown_status_message(&typed, closest)));
                    None
                }
            },
            Field::Spent => match read_spent(text) {
                Ok(None) => None,
                Ok(Some((euros, note))) => {
                    self.answers.problems.extend(note.map(problem));
                    Some(Value::Euros(euros))
                }
                Err(refusal) => {
                    self.answers.problems.push(problem(refusal.message()));
                    None
                }
            },
            _ if text.is_empty() => None,
            _ => Some(Value::Text(text.to_string())),
        }
    }
}
