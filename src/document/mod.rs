//! The documents Atelier CLS writes for people who read and sign rather than edit: the COPIL's
//! annual report, the contract's evaluation (« Bilan du contrat »), the contract itself, a
//! single fiche action and each avenant; and for a workshop, its compte rendu and its attendance
//! sheet.
//!
//! Each is built, from the data alone, as a [`Document`]: a flat list of headings, paragraphs,
//! tables and charts. That one model drives both the screen (`ui/screens/documents`) and the
//! OpenDocument writer (`exchange/odt`), so what the COPIL reads on the wall is what the
//! partners receive as a file. It is pure: no browser types, tested natively.
//!
//! Beside them, the pure drawings the screens show: the status bars' geometry (`status_bars`,
//! shared with the ODT writer) and the planning's lines as one piece of HTML (`chart_lines`,
//! escaped by `html`).

pub mod amendment;
pub mod annual_report;
pub mod chart_lines;
pub mod contract_text;
pub mod evaluation;
pub mod fiche;
pub mod html;
mod parts;
pub use parts::lead_text;
pub mod status_bars;
#[cfg(test)]
mod test_support;
pub mod workshop;

pub use amendment::amendment_document;
pub use annual_report::annual_report;
pub use contract_text::{contract_document, contract_version_document, ContractVersion};
pub use evaluation::evaluation;
pub use fiche::fiche_document;
pub use workshop::{attendance_sheet, workshop_report};

use crate::model::follow_up::STATUS_COLUMNS;
use crate::model::ReviewStatus;

/// A document ready to show, print or write as ODT.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Document {
    /// The document's title: the screen's `<h1>`, the ODT's title, the printed footer.
    pub title: String,
    /// The contract's name, repeated in the printed footer.
    pub contract_name: String,
    /// A line at the top of every page, on screen, in print and in the ODT's header: a
    /// version nobody adopted says so (« Version de travail, non adoptée »).
    pub page_mark: Option<String>,
    pub blocks: Vec<Block>,
}

/// One block of a document, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading; level 1 is a part (« Synthèse », an axis), 2 a fiche, 3 below.
    Heading { level: u8, text: String },
    /// A paragraph of plain text.
    Paragraph { text: String, kind: ParagraphKind },
    /// A bulleted list.
    List(Vec<String>),
    /// A table with a header row repeated on each printed page.
    Table(Table),
    /// The stacked bars of actions by status, one bar per axis (the dashboard's chart).
    StatusChart(StatusChart),
    /// The next block starts a new page (each fiche of the contract's annexes).
    PageBreak,
    /// One signature block per signatory, side by side in print.
    Signatures(Vec<Signatory>),
}

/// How a paragraph reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ParagraphKind {
    #[default]
    Body,
    /// A line of the cover (the period, the territory, the date): set larger, centred.
    Cover,
    /// Says that something is missing (« Aucun suivi n’a été saisi pour 2026. »).
    Notice,
}

/// A table: a caption, a header row and rows of cells.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    /// Says what the table holds; the screen's `<caption>`, the ODT table's name.
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// One cell of a table.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Cell {
    pub text: String,
    pub kind: CellKind,
}

/// What a cell carries beyond its text. The text always says it all: colour is only a help.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum CellKind {
    #[default]
    Text,
    /// A figure: aligned right.
    Number,
    /// A status, coloured by its key (`None` is « Non renseigné »).
    Status(Option<ReviewStatus>),
    /// A total line's cell: bold.
    Total,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Self {
        Cell { text: text.into(), kind: CellKind::Text }
    }

    pub fn number(text: impl Into<String>) -> Self {
        Cell { text: text.into(), kind: CellKind::Number }
    }

    pub fn total(text: impl Into<String>) -> Self {
        Cell { text: text.into(), kind: CellKind::Total }
    }

    /// A status cell, written with its French label.
    pub fn status(status: Option<ReviewStatus>) -> Self {
        Cell {
            text: crate::model::review::status_label(status).into(),
            kind: CellKind::Status(status),
        }
    }
}

/// The chart of actions by status: one bar per axis.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct StatusChart {
    /// Says in words what the chart shows (its accessible name and the ODT image's description).
    pub description: String,
    pub bars: Vec<StatusBar>,
}

/// One bar: an axis's actions counted by status column (see `model::follow_up::column_of`).
#[derive(Clone, Debug, PartialEq)]
pub struct StatusBar {
    /// « Axe 2 »: short enough for the chart's margin.
    pub label: String,
    pub counts: [usize; STATUS_COLUMNS],
}

/// A signature block: for which party (« Pour … »), « Par délégation » where it applies, the
/// capacity and the name of who signs, with room for the signature.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Signatory {
    /// The party: « Agence régionale de santé Auvergne-Rhône-Alpes ».
    pub party: String,
    /// Signs « Par délégation ».
    pub by_delegation: bool,
    /// « Madame la Directrice générale »; empty when not known.
    pub capacity: String,
    /// The person, when known: « Cécile COURREGES ».
    pub signer: String,
}

impl Signatory {
    /// The block's first line, « Pour l’ARS Auvergne-Rhône-Alpes »: the party with its article.
    pub fn heading(&self) -> String {
        crate::model::french::for_party(&self.party)
    }

    /// The lines under the party, in print order: « Par délégation », the capacity, the name.
    pub fn lines(&self) -> Vec<&str> {
        let delegation = self.by_delegation.then_some("Par délégation");
        delegation
            .into_iter()
            .chain([self.capacity.trim(), self.signer.trim()])
            .filter(|line| !line.is_empty())
            .collect()
    }
}

impl Document {
    pub fn new(title: impl Into<String>, contract_name: impl Into<String>) -> Self {
        Document {
            title: title.into(),
            contract_name: contract_name.into(),
            page_mark: None,
            blocks: Vec::new(),
        }
    }

    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading { level, text: text.into() });
    }

    pub fn paragraph(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph { text: text.into(), kind: ParagraphKind::Body });
    }

    pub fn paragraph_of(&mut self, kind: ParagraphKind, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph { text: text.into(), kind });
    }

    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    /// Every text of the document, in order: what a reader of the ODT's plain text finds.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().flat_map(Block::texts)
    }
}

impl Block {
    fn texts(&self) -> Vec<&str> {
        match self {
            Block::Heading { text, .. } | Block::Paragraph { text, .. } => vec![text],
            Block::List(items) => items.iter().map(String::as_str).collect(),
            Block::Table(table) => std::iter::once(table.caption.as_str())
                .chain(table.header.iter().map(String::as_str))
                .chain(table.rows.iter().flatten().map(|c| c.text.as_str()))
                .collect(),
            Block::StatusChart(chart) => vec![&chart.description],
            Block::PageBreak => Vec::new(),
            Block::Signatures(list) => list
                .iter()
                .flat_map(|s| std::iter::once(s.party.as_str()).chain(s.lines()))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_cell_says_its_status_in_words() {
        let cell = Cell::status(Some(ReviewStatus::PartlyDone));
        assert_eq!(cell.text, "Partiellement réalisé");
        assert_eq!(Cell::status(None).text, "Non renseigné");
    }

    #[test]
    fn the_texts_of_a_document_come_in_reading_order() {
        let mut doc = Document::new("Rapport annuel 2025", "CLS de Vic");
        doc.heading(1, "Synthèse");
        doc.push(Block::Table(Table {
            caption: "Indicateurs".into(),
            header: vec!["Indicateur".into()],
            rows: vec![vec![Cell::number("12")]],
        }));
        let texts: Vec<&str> = doc.texts().collect();
        assert_eq!(texts, ["Synthèse", "Indicateurs", "Indicateur", "12"]);
    }
}
