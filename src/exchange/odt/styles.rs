//! `styles.xml`: the named styles a reader finds in the office suite's list (one per heading
//! level, body text, cover, notice, table texts, signatures), the A4 page and its footer with
//! the contract's name and the page number.
//!
//! Named styles, not direct formatting, so that the partner who edits the file restyles it in
//! two clicks; the names are those LibreOffice and Word map to their own (« Heading 1 »...).

use super::xml::Xml;
use super::NAMESPACES;
use crate::document::Document;
use std::io;

pub const TITLE: &str = "Title";
pub const BODY: &str = "Text_20_body";
pub const COVER: &str = "Cover";
pub const NOTICE: &str = "Notice";
pub const CAPTION: &str = "Table_20_Caption";
pub const TABLE_HEADING: &str = "Table_20_Heading";
pub const TABLE_CONTENTS: &str = "Table_20_Contents";
pub const TABLE_NUMBER: &str = "Table_20_Number";
pub const TABLE_TOTAL: &str = "Table_20_Total";
/// A total row's figures: bold and aligned right, like the figures above them.
pub const TABLE_TOTAL_NUMBER: &str = "Table_20_Total_20_Number";
/// The table styles in a smaller size, for a table whose longest words do not fit the line at
/// the usual size (the report's counts: eleven columns): words are never cut in two.
pub const SMALL_TABLE_HEADING: &str = "Small_20_Table_20_Heading";
pub const SMALL_TABLE_CONTENTS: &str = "Small_20_Table_20_Contents";
pub const SMALL_TABLE_NUMBER: &str = "Small_20_Table_20_Number";
pub const SMALL_TABLE_TOTAL: &str = "Small_20_Table_20_Total";
pub const SMALL_TABLE_TOTAL_NUMBER: &str = "Small_20_Table_20_Total_20_Number";
pub const LIST_ITEM: &str = "List_20_Item";
pub const CHART: &str = "Chart";
pub const SIGNATURE_PARTY: &str = "Signature_20_Party";
/// « Fait à …, le … », kept on the page of the signature blocks that follow it.
pub const SIGNATURE_PLACE: &str = "Signature_20_Place";
pub const SIGNATURE_SPACE: &str = "Signature_20_Space";
pub const FOOTER: &str = "Footer";
/// The line at the top of every page of a version nobody adopted.
pub const HEADER: &str = "Header";
/// The list style of bulleted lists.
pub const BULLETS: &str = "Bullets";

/// The deepest heading level with a style of its own; deeper ones take its style.
pub const DEEPEST_HEADING: u8 = 6;
const HEADINGS: [&str; DEEPEST_HEADING as usize] = [
    "Heading_20_1",
    "Heading_20_2",
    "Heading_20_3",
    "Heading_20_4",
    "Heading_20_5",
    "Heading_20_6",
];

/// The level a heading is written at (1 to [`DEEPEST_HEADING`]) and its style.
pub fn heading(level: u8) -> (u8, &'static str) {
    let level = level.clamp(1, DEEPEST_HEADING);
    (level, HEADINGS[usize::from(level - 1)])
}

/// The width of the text between the page's margins: 21 cm less 2 × 2 cm.
pub const TEXT_WIDTH_MM: usize = 170;

type Properties = &'static [(&'static str, &'static str)];

/// A named paragraph style: name, name shown, parent, paragraph then text properties.
struct Paragraph(&'static str, &'static str, &'static str, Properties, Properties);

const KEEP_WITH_NEXT: (&str, &str) = ("fo:keep-with-next", "always");
const BOLD: (&str, &str) = ("fo:font-weight", "bold");

const PARAGRAPHS: &[Paragraph] = &[
    Paragraph("Standard", "Standard", "", &[], &[]),
    Paragraph(
        BODY,
        "Text body",
        "Standard",
        &[("fo:margin-top", "0cm"), ("fo:margin-bottom", "0.21cm"), ("fo:line-height", "115%")],
        &[],
    ),
    Paragraph(
        "Heading",
        "Heading",
        "Standard",
        &[("fo:margin-top", "0.42cm"), ("fo:margin-bottom", "0.21cm"), KEEP_WITH_NEXT],
        &[BOLD, ("fo:color", "#161616")],
    ),
    Paragraph(
        TITLE,
        "Title",
        "Heading",
        &[("fo:margin-top", "0cm"), ("fo:margin-bottom", "0.6cm")],
        &[("fo:font-size", "22pt"), ("fo:color", "#000091")],
    ),
    Paragraph(
        COVER,
        "Cover",
        "Standard",
        &[("fo:text-align", "center"), ("fo:margin-bottom", "0.3cm")],
        &[("fo:font-size", "14pt")],
    ),
    Paragraph(
        NOTICE,
        "Notice",
        BODY,
        &[
            ("fo:background-color", "#eeeeee"),
            ("fo:padding", "0.2cm"),
            ("fo:border-left", "3pt solid #666666"),
        ],
        &[("fo:font-style", "italic")],
    ),
    Paragraph(
        CAPTION,
        "Table caption",
        "Standard",
        &[("fo:margin-top", "0.3cm"), ("fo:margin-bottom", "0.15cm"), KEEP_WITH_NEXT],
        &[BOLD],
    ),
    Paragraph(TABLE_CONTENTS, "Table Contents", "Standard", &[], &[("fo:font-size", "9.5pt")]),
    Paragraph(TABLE_HEADING, "Table Heading", TABLE_CONTENTS, &[], &[BOLD]),
    Paragraph(TABLE_NUMBER, "Table number", TABLE_CONTENTS, &[("fo:text-align", "end")], &[]),
    Paragraph(TABLE_TOTAL, "Table total", TABLE_CONTENTS, &[], &[BOLD]),
    Paragraph(
        TABLE_TOTAL_NUMBER,
        "Table total number",
        TABLE_TOTAL,
        &[("fo:text-align", "end")],
        &[],
    ),
    Paragraph(
        SMALL_TABLE_CONTENTS,
        "Small table contents",
        "Standard",
        &[],
        &[("fo:font-size", "7pt")],
    ),
    Paragraph(SMALL_TABLE_HEADING, "Small table heading", SMALL_TABLE_CONTENTS, &[], &[BOLD]),
    Paragraph(
        SMALL_TABLE_NUMBER,
        "Small table number",
        SMALL_TABLE_CONTENTS,
        &[("fo:text-align", "end")],
        &[],
    ),
    Paragraph(SMALL_TABLE_TOTAL, "Small table total", SMALL_TABLE_CONTENTS, &[], &[BOLD]),
    Paragraph(
        SMALL_TABLE_TOTAL_NUMBER,
        "Small table total number",
        SMALL_TABLE_TOTAL,
        &[("fo:text-align", "end")],
        &[],
    ),
    Paragraph(LIST_ITEM, "List item", BODY, &[("fo:margin-bottom", "0.1cm")], &[]),
    Paragraph(
        CHART,
        "Chart",
        "Standard",
        &[("fo:text-align", "center"), ("fo:margin-bottom", "0.3cm")],
        &[],
    ),
    Paragraph(SIGNATURE_PLACE, "Signature place", BODY, &[KEEP_WITH_NEXT], &[]),
    Paragraph(SIGNATURE_PARTY, "Signature party", "Standard", &[KEEP_WITH_NEXT], &[BOLD]),
    Paragraph(
        SIGNATURE_SPACE,
        "Signature space",
        "Standard",
        &[("fo:margin-bottom", "2.5cm")],
        &[],
    ),
    Paragraph(
        HEADER,
        "Header",
        "Standard",
        &[("fo:text-align", "center")],
        &[BOLD, ("fo:font-size", "10pt"), ("fo:color", "#b34000")],
    ),
    Paragraph(
        FOOTER,
        "Footer",
        "Standard",
        &[("fo:text-align", "center")],
        &[("fo:font-size", "9pt"), ("fo:color", "#3a3a3a")],
    ),
];

/// The heading styles: sizes from 16 pt down, each its outline level.
const HEADING_SIZES: [&str; DEEPEST_HEADING as usize] =
    ["16pt", "14pt", "12pt", "11pt", "10.5pt", "10.5pt"];

fn paragraph_style(xml: &mut Xml, style: &Paragraph, outline_level: Option<&str>) {
    let Paragraph(name, display, parent, paragraph, text) = style;
    let mut attributes = vec![
        ("style:name", *name),
        ("style:display-name", *display),
        ("style:family", "paragraph"),
    ];
    if !parent.is_empty() {
        attributes.push(("style:parent-style-name", parent));
    }
    if let Some(level) = outline_level {
        attributes.push(("style:default-outline-level", level));
    }
    xml.open("style:style", &attributes);
    if !paragraph.is_empty() {
        xml.empty("style:paragraph-properties", paragraph);
    }
    if !text.is_empty() {
        xml.empty("style:text-properties", text);
    }
    xml.close("style:style");
}

/// The bulleted list style: a bullet, then the text indented past it.
fn bullets(xml: &mut Xml) {
    xml.open("text:list-style", &[("style:name", BULLETS), ("style:display-name", "Bullets")]);
    xml.open("text:list-level-style-bullet", &[("text:level", "1"), ("text:bullet-char", "•")]);
    xml.open(
        "style:list-level-properties",
        &[("text:list-level-position-and-space-mode", "label-alignment")],
    );
    xml.empty(
        "style:list-level-label-alignment",
        &[
            ("text:label-followed-by", "listtab"),
            ("text:list-tab-stop-position", "0.64cm"),
            ("fo:text-indent", "-0.64cm"),
            ("fo:margin-left", "0.64cm"),
        ],
    );
    xml.close("style:list-level-properties");
    xml.close("text:list-level-style-bullet");
    xml.close("text:list-style");
}

fn named_styles(xml: &mut Xml) {
    xml.open("office:styles", &[]);
    xml.open("style:default-style", &[("style:family", "paragraph")]);
    xml.empty("style:paragraph-properties", &[("style:writing-mode", "page")]);
    let text = [
        ("style:font-name", "Arial"),
        ("fo:font-size", "10.5pt"),
        ("fo:language", "fr"),
        ("fo:country", "FR"),
        ("fo:hyphenate", "false"),
    ];
    xml.empty("style:text-properties", &text);
    xml.close("style:default-style");
    for style in PARAGRAPHS {
        paragraph_style(xml, style, None);
    }
    for (rank, size) in HEADING_SIZES.iter().enumerate() {
        let level = (rank + 1).to_string();
        let display = format!("Heading {level}");
        xml.open(
            "style:style",
            &[
                ("style:name", HEADINGS[rank]),
                ("style:display-name", &display),
                ("style:family", "paragraph"),
                ("style:parent-style-name", "Heading"),
                ("style:next-style-name", BODY),
                ("style:default-outline-level", &level),
            ],
        );
        xml.empty("style:text-properties", &[("fo:font-size", size)]);
        xml.close("style:style");
    }
    bullets(xml);
    xml.close("office:styles");
}

/// The A4 page, its margins, its footer's room and, for a marked document, its header's.
fn page_layout(xml: &mut Xml, marked: bool) {
    xml.open("office:automatic-styles", &[]);
    xml.open("style:page-layout", &[("style:name", "A4")]);
    let page = [
        ("fo:page-width", "21cm"),
        ("fo:page-height", "29.7cm"),
        ("style:print-orientation", "portrait"),
        ("fo:margin-top", "2cm"),
        ("fo:margin-bottom", "1.5cm"),
        ("fo:margin-left", "2cm"),
        ("fo:margin-right", "2cm"),
    ];
    xml.empty("style:page-layout-properties", &page);
    if marked {
        xml.open("style:header-style", &[]);
        xml.empty(
            "style:header-footer-properties",
            &[("fo:min-height", "0.6cm"), ("fo:margin-bottom", "0.3cm")],
        );
        xml.close("style:header-style");
    }
    xml.open("style:footer-style", &[]);
    xml.empty(
        "style:header-footer-properties",
        &[("fo:min-height", "0.6cm"), ("fo:margin-top", "0.4cm")],
    );
    xml.close("style:footer-style");
    xml.close("style:page-layout");
    xml.close("office:automatic-styles");
}

/// The one page style: every page has the contract's name and « page n sur m » at its foot,
/// and the document's page mark at its head when it has one.
fn master_page(xml: &mut Xml, doc: &Document) {
    xml.open("office:master-styles", &[]);
    xml.open("style:master-page", &[("style:name", "Standard"), ("style:page-layout-name", "A4")]);
    if let Some(mark) = doc.page_mark.as_deref() {
        xml.open("style:header", &[]);
        xml.open("text:p", &[("text:style-name", HEADER)]);
        xml.paragraph_text(mark);
        xml.close("text:p");
        xml.close("style:header");
    }
    xml.open("style:footer", &[]);
    xml.open("text:p", &[("text:style-name", FOOTER)]);
    if !doc.contract_name.trim().is_empty() {
        xml.paragraph_text(&doc.contract_name);
        xml.text(" — ");
    }
    xml.text("page ");
    xml.element("text:page-number", &[("text:select-page", "current")], "1");
    xml.text(" sur ");
    xml.element("text:page-count", &[], "1");
    xml.close("text:p");
    xml.close("style:footer");
    xml.close("style:master-page");
    xml.close("office:master-styles");
}

/// The `styles.xml` of a document.
pub fn styles_xml(doc: &Document) -> io::Result<Vec<u8>> {
    let mut xml = Xml::new();
    let mut root = NAMESPACES.to_vec();
    root.push(("office:version", super::ODF_VERSION));
    xml.open("office:document-styles", &root);
    xml.open("office:font-face-decls", &[]);
    let arial = [
        ("style:name", "Arial"),
        ("svg:font-family", "Arial"),
        ("style:font-family-generic", "swiss"),
        ("style:font-pitch", "variable"),
    ];
    xml.empty("style:font-face", &arial);
    xml.close("office:font-face-decls");
    named_styles(&mut xml);
    page_layout(&mut xml, doc.page_mark.is_some());
    master_page(&mut xml, doc);
    xml.close("office:document-styles");
    xml.finish()
}
