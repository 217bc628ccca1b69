//! `content.xml`: the document's blocks as ODF text, and the automatic styles they use (page
//! breaks, table columns, rows that do not split, a cell style per status).
//!
//! A page break is not an empty paragraph: the block after it gets a variant of its own style
//! with `fo:break-before="page"`, so a new page never starts with a blank line.

use super::chart;
use super::package::Entry;
use super::palette;
use super::styles::{self, TEXT_WIDTH_MM};
use super::xml::Xml;
use super::NAMESPACES;
use crate::document::Table;
use crate::document::{Block, Cell, CellKind, Document, ParagraphKind, Signatory, StatusChart};
use crate::model::follow_up::{status_at, STATUS_COLUMNS};
use crate::model::french::french_spacing;
use crate::model::ReviewStatus;
use std::io;

/// What `content.xml` needs in the package.
pub struct Content {
    pub xml: Vec<u8>,
    /// The charts' images: `Pictures/chart1.svg`...
    pub pictures: Vec<Entry>,
}

/// The style of a table, and of a table that starts a new page.
const TABLE: &str = "Table";
const TABLE_BREAK: &str = "Table_Break";
/// The signature blocks' table: no margin under it, which would push the empty paragraph that
/// Writer puts after a document's last table onto a blank last page.
const SIGNATURE_TABLE: &str = "Signature_Table";
const ROW: &str = "Row";
const HEADER_CELL: &str = "Header_Cell";
const CELL: &str = "Cell";
const TOTAL_CELL: &str = "Total_Cell";
const SIGNATURE_CELL: &str = "Signature_Cell";
/// Signature blocks side by side, two per row.
const SIGNATURES_PER_ROW: usize = 2;
/// The chart's frame style (a graphic style).
const CHART_FRAME: &str = "Chart_Frame";

/// The name of the variant of a paragraph style that starts a new page.
fn break_style(style: &str) -> String {
    format!("Break_{style}")
}

/// The name of the style of a table's column: `Tableau2.C` for the third column of the second
/// table, as LibreOffice names them.
fn column_style(table: usize, column: usize) -> String {
    let letter = char::from(b'A' + (column % 26) as u8);
    match column / 26 {
        0 => format!("Tableau{table}.{letter}"),
        round => format!("Tableau{table}.{letter}{round}"),
    }
}

/// The cell style of a status: `Status_done`, `Status_none`.
fn status_style(status: Option<ReviewStatus>) -> String {
    format!("Status_{}", palette::key(status))
}

/// Millimetres with two decimals, from hundredths of a millimetre (no float formatting).
fn millimetres(hundredths: usize) -> String {
    format!("{}.{:02}mm", hundredths / 100, hundredths % 100)
}

/// How many characters of a table's text a line of the page holds, cell padding included
/// (9.5 pt Arial on 17 cm): the unit in which columns' needs are counted.
const LINE_CHARACTERS: usize = 89;

/// The same at the small table size (7 pt instead of 9.5 pt), counted as if 8 pt: headings are
/// bold, and a word cut in two is worse than a narrower column.
const SMALL_LINE_CHARACTERS: usize = LINE_CHARACTERS * 95 / 80;

/// What a column needs, in characters: at least its longest word (so that no word is cut),
/// ideally its longest text (up to a point, as long texts wrap anyway); 2 for the padding.
fn column_need<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> (usize, usize) {
    let longest_word =
        texts.clone().flat_map(str::split_whitespace).map(|w| w.chars().count()).max();
    let least = longest_word.unwrap_or(0).max(1) + 2;
    let longest_text = texts.map(|t| t.chars().count()).max().unwrap_or(0).min(60);
    (least, least.max(longest_text + 2))
}

/// How many characters of the small size a line really holds: 7 pt, where `SMALL_LINE_CHARACTERS`
/// counts as if 8 pt. What a column's floor may use, never more.
const SMALL_LINE_CAPACITY: usize = LINE_CHARACTERS * 95 / 70;

/// No column of text is squeezed below this share of the line (or below its whole text, when
/// shorter): the annual report's axis column, beside ten columns of figures, was six lines high.
const FLOOR_SHARE: usize = 5;

/// `needs` with the least of each column of long text (one that would fill two fifths of
/// `line` or more) raised to a fifth of `line`, unless the words would then no longer fit in
/// `capacity` characters. Shorter columns (figures, a status, a heading of two words) keep
/// theirs.
fn floored(needs: &[(usize, usize)], line: usize, capacity: usize) -> Vec<(usize, usize)> {
    let floor = line / FLOOR_SHARE;
    let long = |ideal: usize| ideal >= 2 * floor;
    let raised: Vec<(usize, usize)> = needs
        .iter()
        .map(|&(least, ideal)| if long(ideal) { (least.max(floor), ideal) } else { (least, ideal) })
        .collect();
    match raised.iter().map(|n| n.0).sum::<usize>() <= capacity {
        true => raised,
        false => needs.to_vec(),
    }
}

/// The columns' shares of the width, what a browser's automatic table layout does (an ODT
/// cannot ask for it): each its longest word first, then what is left shared by how much
/// more each would like; when even the words do not fit, shares in proportion to them.
fn column_weights(needs: &[(usize, usize)], line: usize) -> Vec<usize> {
    let least: usize = needs.iter().map(|n| n.0).sum();
    let wanted: usize = needs.iter().map(|n| n.1).sum();
    if wanted <= line {
        return needs.iter().map(|n| n.1).collect();
    }
    if least >= line {
        return needs.iter().map(|n| n.0).collect();
    }
    // In hundredths of a character, so that small shares of what is left still count.
    let (left, more) = (line - least, wanted - least);
    needs.iter().map(|(least, ideal)| least * 100 + left * 100 * (ideal - least) / more).collect()
}

/// The body being written, and what its automatic styles must then declare.
struct Body {
    xml: Xml,
    /// The previous block was a page break: the next one starts a new page.
    break_next: bool,
    /// The paragraph styles that started a page, once each.
    breaks: Vec<&'static str>,
    /// The column styles of the tables written: name and width in hundredths of a millimetre.
    columns: Vec<(String, usize)>,
    tables: usize,
    pictures: Vec<Entry>,
}

impl Body {
    /// The style of the next paragraph: its own, or its variant that starts a new page.
    fn paragraph_style(&mut self, style: &'static str) -> String {
        if std::mem::take(&mut self.break_next) {
            if !self.breaks.contains(&style) {
                self.breaks.push(style);
            }
            break_style(style)
        } else {
            style.to_owned()
        }
    }

    /// A paragraph, its text with French spacing (« Pourquoi ? » never breaks before « ? »).
    fn paragraph(&mut self, style: &'static str, text: &str) {
        let style = self.paragraph_style(style);
        self.xml.open("text:p", &[("text:style-name", &style)]);
        self.xml.paragraph_text(&french_spacing(text));
        self.xml.close("text:p");
    }

    fn heading(&mut self, level: u8, text: &str) {
        let (level, style) = styles::heading(level);
        let style = self.paragraph_style(style);
        let level = level.to_string();
        self.xml.open("text:h", &[("text:style-name", &style), ("text:outline-level", &level)]);
        self.xml.paragraph_text(&french_spacing(text));
        self.xml.close("text:h");
    }

    fn list(&mut self, items: &[String]) {
        if items.is_empty() {
            return;
        }
        self.xml.open("text:list", &[("text:style-name", styles::BULLETS)]);
        for item in items {
            self.xml.open("text:list-item", &[]);
            self.paragraph(styles::LIST_ITEM, item);
            self.xml.close("text:list-item");
        }
        self.xml.close("text:list");
    }

    /// Opens a table whose columns share the text's width by `weights`, numbered `Tableau<n>`
    /// (a caption is no good name: names must be unique, and the caption is written above as
    /// text anyway).
    fn open_table(&mut self, weights: &[usize]) {
        self.open_table_of(TABLE, weights);
    }

    /// [`Body::open_table`] with a table style of its own, unless the table starts a page.
    fn open_table_of(&mut self, style: &'static str, weights: &[usize]) {
        self.tables += 1;
        let name = format!("Tableau{}", self.tables);
        let style = if std::mem::take(&mut self.break_next) { TABLE_BREAK } else { style };
        self.xml.open("table:table", &[("table:name", &name), ("table:style-name", style)]);
        let total = weights.iter().sum::<usize>().max(1);
        for (rank, weight) in weights.iter().enumerate() {
            let style = column_style(self.tables, rank);
            self.xml.empty("table:table-column", &[("table:style-name", &style)]);
            self.columns.push((style, TEXT_WIDTH_MM * 100 * weight / total));
        }
    }

    /// A cell holding paragraphs, each with its style.
    fn cell(&mut self, cell_style: &str, paragraphs: &[(&'static str, &str)]) {
        let attributes = [("table:style-name", cell_style), ("office:value-type", "string")];
        self.xml.open("table:table-cell", &attributes);
        for (style, text) in paragraphs {
            self.paragraph(style, text);
        }
        self.xml.close("table:table-cell");
    }

    fn table(&mut self, table: &Table) {
        let columns = table.rows.iter().map(Vec::len).chain([table.header.len()]).max();
        let columns = columns.unwrap_or(0);
        if !table.caption.trim().is_empty() {
            self.paragraph(styles::CAPTION, &table.caption);
        }
        if columns == 0 {
            return;
        }
        let needs: Vec<(usize, usize)> = (0..columns)
            .map(|rank| {
                let header = table.header.get(rank).map(String::as_str);
                let cells = table.rows.iter().filter_map(move |row| row.get(rank));
                column_need(header.into_iter().chain(cells.map(|c| c.text.as_str())))
            })
            .collect();
        // When the longest words do not fit at the usual size, the whole table is set smaller.
        let small = needs.iter().map(|n| n.0).sum::<usize>() > LINE_CHARACTERS;
        let (line, capacity) = match small {
            true => (SMALL_LINE_CHARACTERS, SMALL_LINE_CAPACITY),
            false => (LINE_CHARACTERS, LINE_CHARACTERS),
        };
        let [heading, contents, number, total, total_number] = if small {
            [
                styles::SMALL_TABLE_HEADING,
                styles::SMALL_TABLE_CONTENTS,
                styles::SMALL_TABLE_NUMBER,
                styles::SMALL_TABLE_TOTAL,
                styles::SMALL_TABLE_TOTAL_NUMBER,
            ]
        } else {
            [
                styles::TABLE_HEADING,
                styles::TABLE_CONTENTS,
                styles::TABLE_NUMBER,
                styles::TABLE_TOTAL,
                styles::TABLE_TOTAL_NUMBER,
            ]
        };
        self.open_table(&column_weights(&floored(&needs, line, capacity), line));
        if !table.header.is_empty() {
            self.xml.open("table:table-header-rows", &[]);
            self.xml.open("table:table-row", &[("table:style-name", ROW)]);
            for rank in 0..columns {
                let text = table.header.get(rank).map_or("", String::as_str);
                self.cell(HEADER_CELL, &[(heading, text)]);
            }
            self.xml.close("table:table-row");
            self.xml.close("table:table-header-rows");
        }
        let blank = Cell::default();
        for row in &table.rows {
            self.xml.open("table:table-row", &[("table:style-name", ROW)]);
            for rank in 0..columns {
                let cell = row.get(rank).unwrap_or(&blank);
                let (cell_style, style) = match cell.kind {
                    CellKind::Text => (CELL.to_owned(), contents),
                    CellKind::Number => (CELL.to_owned(), number),
                    // A total row's label comes first; its figures are aligned right.
                    CellKind::Total if rank > 0 => (TOTAL_CELL.to_owned(), total_number),
                    CellKind::Total => (TOTAL_CELL.to_owned(), total),
                    CellKind::Status(status) => (status_style(status), contents),
                };
                self.cell(&cell_style, &[(style, &cell.text)]);
            }
            self.xml.close("table:table-row");
        }
        self.xml.close("table:table");
    }

    /// One block per signatory, two side by side: who, for which party, the date, the
    /// signature and room to sign.
    fn signatures(&mut self, signatories: &[Signatory]) {
        if signatories.is_empty() {
            return;
        }
        let columns = signatories.len().min(SIGNATURES_PER_ROW);
        self.open_table_of(SIGNATURE_TABLE, &vec![1; columns]);
        for row in signatories.chunks(SIGNATURES_PER_ROW) {
            self.xml.open("table:table-row", &[("table:style-name", ROW)]);
            for rank in 0..columns {
                let Some(signatory) = row.get(rank) else {
                    self.cell(SIGNATURE_CELL, &[]);
                    continue;
                };
                let party = signatory.heading();
                let mut paragraphs = vec![(styles::SIGNATURE_PARTY, party.as_str())];
                paragraphs
                    .extend(signatory.lines().into_iter().map(|l| (styles::TABLE_CONTENTS, l)));
                paragraphs.push((styles::TABLE_CONTENTS, "Date\u{a0}:"));
                paragraphs.push((styles::SIGNATURE_SPACE, "Signature\u{a0}:"));
                self.cell(SIGNATURE_CELL, &paragraphs);
            }
            self.xml.close("table:table-row");
        }
        self.xml.close("table:table");
    }

    /// The chart as an SVG image in `Pictures/`, in a frame as wide as the text, described for
    /// those who cannot see it. A chart with no bar is only its description.
    fn chart(&mut self, chart: &StatusChart) -> io::Result<()> {
        if chart.bars.is_empty() {
            self.paragraph(styles::BODY, &chart.description);
            return Ok(());
        }
        let path = format!("Pictures/chart{}.svg", self.pictures.len() + 1);
        let width = TEXT_WIDTH_MM * 100;
        let height = width * chart::height(chart) / crate::document::status_bars::WIDTH;
        let style = self.paragraph_style(styles::CHART);
        self.xml.open("text:p", &[("text:style-name", &style)]);
        let name = format!("Graphique{}", self.pictures.len() + 1);
        let (width, height) = (millimetres(width), millimetres(height));
        let frame = [
            ("draw:style-name", CHART_FRAME),
            ("draw:name", name.as_str()),
            ("text:anchor-type", "as-char"),
            ("svg:width", &width),
            ("svg:height", &height),
            ("draw:z-index", "0"),
        ];
        self.xml.open("draw:frame", &frame);
        let image = [
            ("xlink:href", path.as_str()),
            ("xlink:type", "simple"),
            ("xlink:show", "embed"),
            ("xlink:actuate", "onLoad"),
            ("draw:mime-type", "image/svg+xml"),
        ];
        self.xml.empty("draw:image", &image);
        let description = french_spacing(&chart.description);
        self.xml.element("svg:title", &[], &description);
        self.xml.element("svg:desc", &[], &description);
        self.xml.close("draw:frame");
        self.xml.close("text:p");
        self.pictures.push(Entry { path, bytes: chart::svg(chart)?, media_type: "image/svg+xml" });
        Ok(())
    }

    fn block(&mut self, block: &Block) -> io::Result<()> {
        match block {
            Block::Heading { level, text } => self.heading(*level, text),
            Block::Paragraph { text, kind } => {
                let style = match kind {
                    ParagraphKind::Body => styles::BODY,
                    ParagraphKind::Cover => styles::COVER,
                    ParagraphKind::Notice => styles::NOTICE,
                };
                self.paragraph(style, text);
            }
            Block::List(items) => self.list(items),
            Block::Table(table) => self.table(table),
            Block::StatusChart(chart) => self.chart(chart)?,
            Block::PageBreak => self.break_next = true,
            Block::Signatures(signatories) => self.signatures(signatories),
        }
        Ok(())
    }
}

/// A style of a family with properties of one kind: `<style:style><style:<kind>-properties/>`.
fn automatic_style(
    xml: &mut Xml,
    name: &str,
    family: &str,
    parent: Option<&str>,
    kind: &str,
    properties: &[(&str, &str)],
) {
    let mut attributes = vec![("style:name", name), ("style:family", family)];
    if let Some(parent) = parent {
        attributes.push(("style:parent-style-name", parent));
    }
    xml.open("style:style", &attributes);
    xml.empty(kind, properties);
    xml.close("style:style");
}

const THIN: &str = "0.5pt solid #999999";

/// A cell style: its background and its four borders (the left one carries a status's colour).
fn cell_style(xml: &mut Xml, name: &str, background: &str, left: &str, border: &str) {
    let properties = [
        ("fo:background-color", background),
        ("fo:padding", "0.1cm"),
        ("fo:border-left", left),
        ("fo:border-right", border),
        ("fo:border-top", border),
        ("fo:border-bottom", border),
    ];
    automatic_style(xml, name, "table-cell", None, "style:table-cell-properties", &properties);
}

fn automatic_styles(xml: &mut Xml, body: &Body) {
    xml.open("office:automatic-styles", &[]);
    for style in &body.breaks {
        let properties = [("fo:break-before", "page")];
        let name = break_style(style);
        let kind = "style:paragraph-properties";
        automatic_style(xml, &name, "paragraph", Some(*style), kind, &properties);
    }
    let tables = [
        (TABLE, "auto", "0.3cm"),
        (TABLE_BREAK, "page", "0.3cm"),
        (SIGNATURE_TABLE, "auto", "0cm"),
    ];
    for (name, page, margin) in tables {
        let properties = [
            ("style:width", "17cm"),
            ("table:align", "margins"),
            ("fo:margin-bottom", margin),
            ("fo:break-before", page),
        ];
        automatic_style(xml, name, "table", None, "style:table-properties", &properties);
    }
    for (name, width) in &body.columns {
        let width = millimetres(*width);
        let properties = [("style:column-width", width.as_str())];
        let kind = "style:table-column-properties";
        automatic_style(xml, name, "table-column", None, kind, &properties);
    }
    // A row never splits across pages (a status and its comment stay together).
    let row = [("fo:keep-together", "always"), ("style:keep-together", "always")];
    automatic_style(xml, ROW, "table-row", None, "style:table-row-properties", &row);
    cell_style(xml, HEADER_CELL, "#e5e5e5", "0.5pt solid #666666", "0.5pt solid #666666");
    cell_style(xml, CELL, "transparent", THIN, THIN);
    cell_style(xml, TOTAL_CELL, "#f2f2f2", THIN, THIN);
    let none = [("fo:padding", "0.2cm"), ("fo:border", "none")];
    automatic_style(xml, SIGNATURE_CELL, "table-cell", None, "style:table-cell-properties", &none);
    for status in (0..STATUS_COLUMNS).map(status_at) {
        let left = match status {
            Some(_) => format!("4pt solid {}", palette::colour(status)),
            None => format!("1.5pt dashed {}", palette::NONE_OUTLINE),
        };
        cell_style(xml, &status_style(status), &palette::tint(status), &left, THIN);
    }
    let frame = [
        ("style:vertical-pos", "top"),
        ("style:vertical-rel", "baseline"),
        ("fo:border", "none"),
        ("style:wrap", "none"),
    ];
    automatic_style(xml, CHART_FRAME, "graphic", None, "style:graphic-properties", &frame);
    xml.close("office:automatic-styles");
}

/// The `content.xml` of a document, and the pictures it refers to.
pub fn content_xml(doc: &Document) -> io::Result<Content> {
    let mut body = Body {
        xml: Xml::fragment(),
        break_next: false,
        breaks: Vec::new(),
        columns: Vec::new(),
        tables: 0,
        pictures: Vec::new(),
    };
    if !doc.title.trim().is_empty() {
        body.paragraph(styles::TITLE, &doc.title);
    }
    let mut blocks = doc.blocks.iter().peekable();
    while let Some(block) = blocks.next() {
        // « Fait à …, le … » stays on the page of the signature blocks it introduces: they are
        // never left alone at the top of a page.
        let introduces = matches!(blocks.peek(), Some(Block::Signatures(list)) if !list.is_empty());
        match block {
            Block::Paragraph { text, kind: ParagraphKind::Body } if introduces => {
                body.paragraph(styles::SIGNATURE_PLACE, text)
            }
            block => body.block(block)?,
        }
    }
    let mut xml = Xml::new();
    let mut root = NAMESPACES.to_vec();
    root.push(("office:version", super::ODF_VERSION));
    xml.open("office:document-content", &root);
    automatic_styles(&mut xml, &body);
    xml.open("office:body", &[]);
    xml.open("office:text", &[]);
    let Body { xml: text, pictures, .. } = body;
    xml.raw(&text.finish()?);
    xml.close("office:text");
    xml.close("office:body");
    xml.close("office:document-content");
    Ok(Content { xml: xml.finish()?, pictures })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_needs_its_longest_word_and_would_like_its_longest_text() {
        assert_eq!(column_need(["Total", "12", "3"].into_iter()), (7, 7));
        let label = "Axe 4 – Sport santé nutrition et maladies chroniques";
        assert_eq!(column_need([label].into_iter()), (12, 54));
        assert_eq!(column_need(["x".repeat(80).as_str()].into_iter()), (82, 82));
        assert_eq!(column_need(std::iter::empty()), (3, 3));
    }

    #[test]
    fn columns_get_their_words_then_share_what_is_left() {
        assert_eq!(column_weights(&[(7, 7), (12, 20)], LINE_CHARACTERS), [7, 20], "all fits");
        assert_eq!(
            column_weights(&[(50, 60), (50, 60)], LINE_CHARACTERS),
            [50, 50],
            "even words do not fit"
        );
        // 30 + 20 needed, 39 characters left: the long text gets 3 times the short one's share.
        assert_eq!(
            column_weights(&[(10, 30), (20, 80), (20, 20)], LINE_CHARACTERS),
            [1000 + 975, 2000 + 2925, 2000]
        );
    }

    #[test]
    fn a_column_of_text_keeps_a_fifth_of_the_line_when_the_words_allow_it() {
        // The annual report's counts: the axis, nine statuses and the total, set small.
        let counts = [(15, 62), (7, 9), (7, 10), (9, 9), (15, 23), (9, 13), (9, 13), (9, 9)]
            .into_iter()
            .chain([(11, 11), (11, 15), (7, 7)])
            .collect::<Vec<_>>();
        let raised = floored(&counts, SMALL_LINE_CHARACTERS, SMALL_LINE_CAPACITY);
        assert_eq!(raised[0], (21, 62), "a fifth of 105 characters");
        assert_eq!(raised[1..], counts[1..], "the figures keep their needs");
        let weights = column_weights(&raised, SMALL_LINE_CHARACTERS);
        let share = weights[0] * 100 / weights.iter().sum::<usize>();
        assert!(share >= 18, "the axis column has {share} % of the width");
        // Where the words would no longer fit, nothing is raised.
        let crowded = vec![(15, 60); 6];
        assert_eq!(floored(&crowded, LINE_CHARACTERS, LINE_CHARACTERS), crowded);
        // A short column keeps its own need.
        assert_eq!(
            floored(&[(7, 9), (12, 60)], LINE_CHARACTERS, LINE_CHARACTERS),
            [(7, 9), (17, 60)]
        );
    }

    #[test]
    fn column_styles_are_named_as_libreoffice_names_them() {
        assert_eq!(column_style(2, 0), "Tableau2.A");
        assert_eq!(column_style(2, 27), "Tableau2.B1");
    }
}
