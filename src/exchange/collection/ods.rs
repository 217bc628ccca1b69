//! A lead's workbook (`sheets`) as an OpenDocument spreadsheet (`.ods`), written by the app's
//! own ODF writer (`exchange::odt`: its XML writer and its zip container), which already makes
//! packages LibreOffice opens; a spreadsheet is a few more elements of the same format, where a
//! crate would bring its own zip and dates for them (Cargo.toml). Dressed as the `.xlsx`
//! (`presentation`): the cells to fill yellow and unprotected with their help, the status a
//! drop-down list (a content validation), the other cells protected without a password, the
//! fingerprints' column hidden, the header row frozen (`settings.xml`) and repeated on each
//! printed page, A4 in landscape.

use super::presentation::{
    amount, help, is_hidden, sheet_kind, status_choices, status_column, to_fill, width, wrapped,
    SheetKind, HEADER_COLOUR, TO_FILL_COLOUR, TO_FILL_TITLE,
};
use super::table::{SheetCells, Workbook};
use crate::exchange::odt::package::{package, Entry};
use crate::exchange::odt::xml::Xml;
use crate::exchange::odt::{NAMESPACES, ODF_VERSION};
use std::io;

/// The media type of an ODF spreadsheet, the `mimetype` entry's content.
pub const ODS_MEDIA_TYPE: &str = "application/vnd.oasis.opendocument.spreadsheet";

const OF_NS: (&str, &str) = ("xmlns:of", "urn:oasis:names:tc:opendocument:xmlns:of:1.2");
const CONFIG_NS: (&str, &str) =
    ("xmlns:config", "urn:oasis:names:tc:opendocument:xmlns:config:1.0");

/// The name of the status list's validation; the others are `aide-<colonne>`.
const STATUS_LIST: &str = "statut";

/// The `.ods` file of a lead's workbook. Writing happens in memory: an error here would be a
/// bug of the writer, reported rather than hidden.
pub fn ods_bytes(book: &Workbook) -> io::Result<Vec<u8>> {
    let xml = "text/xml";
    let entries = [
        Entry { path: "content.xml".into(), bytes: content_xml(book)?, media_type: xml },
        Entry { path: "styles.xml".into(), bytes: styles_xml()?, media_type: xml },
        Entry { path: "settings.xml".into(), bytes: settings_xml(book)?, media_type: xml },
    ];
    package(ODS_MEDIA_TYPE, &entries)
}

fn root_attributes() -> Vec<(&'static str, &'static str)> {
    let mut root = NAMESPACES.to_vec();
    root.push(OF_NS);
    root.push(("office:version", ODF_VERSION));
    root
}

fn hex(colour: u32) -> String {
    format!("#{colour:06x}")
}

/// The column style's name for a width in characters: one style per width used.
fn column_style(characters: f64) -> String {
    format!("co{}", (characters * 10.0) as u32)
}

fn content_xml(book: &Workbook) -> io::Result<Vec<u8>> {
    let mut xml = Xml::new();
    xml.open("office:document-content", &root_attributes());
    automatic_styles(&mut xml, book);
    xml.open("office:body", &[]);
    xml.open("office:spreadsheet", &[]);
    content_validations(&mut xml, book);
    for sheet in &book.sheets {
        table(&mut xml, sheet);
    }
    xml.close("office:spreadsheet");
    xml.close("office:body");
    xml.close("office:document-content");
    xml.finish()
}

fn cell_style(xml: &mut Xml, name: &str, background: Option<u32>, bold: bool, protect: &str) {
    xml.open("style:style", &[("style:name", name), ("style:family", "table-cell")]);
    let background = background.map(hex);
    let mut properties = vec![
        ("fo:wrap-option", "wrap"),
        ("style:vertical-align", "top"),
        ("fo:border", "0.5pt solid #a0a0a0"),
        ("style:cell-protect", protect),
    ];
    if let Some(colour) = &background {
        properties.push(("fo:background-color", colour));
    }
    xml.empty("style:table-cell-properties", &properties);
    if bold {
        xml.empty("style:text-properties", &[("fo:font-weight", "bold")]);
    }
    xml.close("style:style");
}

fn automatic_styles(xml: &mut Xml, book: &Workbook) {
    xml.open("office:automatic-styles", &[]);
    let mut widths: Vec<f64> = Vec::new();
    for sheet in &book.sheets {
        let kind = sheet_kind(sheet);
        for column in 0..columns(sheet) {
            let w = width(kind, column);
            if !widths.contains(&w) {
                widths.push(w);
            }
        }
    }
    for w in widths {
        // About 0.22 cm a character of the default 10-point font.
        let cm = format!("{:.2}cm", w * 0.22);
        xml.open(
            "style:style",
            &[("style:name", &column_style(w)), ("style:family", "table-column")],
        );
        xml.empty("style:table-column-properties", &[("style:column-width", &cm)]);
        xml.close("style:style");
    }
    xml.open(
        "style:style",
        &[("style:name", "ta"), ("style:family", "table"), ("style:master-page-name", "Paysage")],
    );
    xml.empty("style:table-properties", &[("table:display", "true")]);
    xml.close("style:style");
    cell_style(xml, "entete", Some(HEADER_COLOUR), true, "protected");
    cell_style(xml, "texte", None, false, "protected");
    cell_style(xml, "aremplir", Some(TO_FILL_COLOUR), false, "none");
    xml.open("style:style", &[("style:name", "simple"), ("style:family", "table-cell")]);
    xml.empty("style:table-cell-properties", &[("style:vertical-align", "top")]);
    xml.close("style:style");
    xml.open("style:style", &[("style:name", "titre"), ("style:family", "table-cell")]);
    xml.empty("style:text-properties", &[("fo:font-weight", "bold"), ("fo:font-size", "14pt")]);
    xml.close("style:style");
    xml.close("office:automatic-styles");
}

fn columns(sheet: &SheetCells) -> usize {
    sheet.rows.iter().map(Vec::len).max().unwrap_or(0)
}

/// The validation a cell to fill carries: the status list, or its help alone.
fn validation_name(kind: SheetKind, column: usize) -> String {
    match kind {
        SheetKind::Part(part) if status_column(part) == Some(column) => STATUS_LIST.to_string(),
        SheetKind::Part(part) => format!("aide-{}-{column}", part.name()),
        _ => format!("aide-guide-{column}"),
    }
}

/// The status list as an OpenFormula condition: each label quoted, `;`-separated.
fn list_condition() -> String {
    let quoted: Vec<String> =
        status_choices().iter().map(|s| format!("\"{}\"", s.replace('"', "\"\""))).collect();
    format!("of:cell-content-is-in-list({})", quoted.join(";"))
}

fn content_validations(xml: &mut Xml, book: &Workbook) {
    let mut written: Vec<String> = Vec::new();
    xml.open("table:content-validations", &[]);
    for sheet in &book.sheets {
        let kind = sheet_kind(sheet);
        for column in 0..columns(sheet) {
            if !(0..sheet.rows.len()).any(|r| to_fill(sheet, kind, r, column)) {
                continue;
            }
            let name = validation_name(kind, column);
            if written.contains(&name) {
                continue;
            }
            let condition = list_condition();
            let mut attributes =
                vec![("table:name", name.as_str()), ("table:allow-empty-cell", "true")];
            if name == STATUS_LIST {
                attributes.push(("table:condition", &condition));
                attributes.push(("table:display-list", "unsorted"));
            }
            xml.open("table:content-validation", &attributes);
            xml.open(
                "table:help-message",
                &[("table:title", TO_FILL_TITLE), ("table:display", "true")],
            );
            xml.element("text:p", &[], help(kind, column));
            xml.close("table:help-message");
            if name == STATUS_LIST {
                let error = [
                    ("table:title", "Statut"),
                    ("table:display", "true"),
                    ("table:message-type", "information"),
                ];
                xml.open("table:error-message", &error);
                xml.element(
                    "text:p",
                    &[],
                    "Ce statut n’est pas dans la liste : il sera lu s’il est reconnu, sinon le \
                     statut le plus proche sera proposé.",
                );
                xml.close("table:error-message");
            }
            xml.close("table:content-validation");
            written.push(name);
        }
    }
    xml.close("table:content-validations");
}

fn table(xml: &mut Xml, sheet: &SheetCells) {
    let kind = sheet_kind(sheet);
    let attributes = [
        ("table:name", sheet.name.as_str()),
        ("table:style-name", "ta"),
        ("table:protected", "true"),
    ];
    xml.open("table:table", &attributes);
    for column in 0..columns(sheet) {
        let style = column_style(width(kind, column));
        let mut attributes = vec![("table:style-name", style.as_str())];
        if is_hidden(kind, column) {
            attributes.push(("table:visibility", "collapse"));
        }
        xml.empty("table:table-column", &attributes);
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let header = r == 0 && matches!(kind, SheetKind::Part(_));
        if header {
            xml.open("table:table-header-rows", &[]);
        }
        xml.open("table:table-row", &[]);
        for (c, text) in row.iter().enumerate() {
            cell(xml, sheet, kind, r, c, text);
        }
        xml.close("table:table-row");
        if header {
            xml.close("table:table-header-rows");
        }
    }
    xml.close("table:table");
}

fn cell(xml: &mut Xml, sheet: &SheetCells, kind: SheetKind, row: usize, column: usize, text: &str) {
    let filled = to_fill(sheet, kind, row, column);
    let style = match kind {
        _ if filled => "aremplir",
        SheetKind::Part(_) if row == 0 => "entete",
        SheetKind::Guide if row == 0 => "titre",
        _ if wrapped(kind, column) => "texte",
        _ => "simple",
    };
    let validation = filled.then(|| validation_name(kind, column));
    let mut attributes = vec![("table:style-name", style)];
    if let Some(name) = &validation {
        attributes.push(("table:content-validation-name", name));
    }
    let number = amount(kind, row, column, text).map(|n| n.to_string());
    match &number {
        Some(value) => {
            attributes.push(("office:value-type", "float"));
            attributes.push(("office:value", value));
        }
        None if !text.is_empty() => attributes.push(("office:value-type", "string")),
        None => {}
    }
    if text.is_empty() {
        xml.empty("table:table-cell", &attributes);
        return;
    }
    xml.open("table:table-cell", &attributes);
    for line in text.split('\n') {
        xml.open("text:p", &[]);
        xml.paragraph_text(line);
        xml.close("text:p");
    }
    xml.close("table:table-cell");
}

/// `styles.xml`: the page, A4 in landscape with the legend of the cells to fill in its header,
/// for the tables' master page.
fn styles_xml() -> io::Result<Vec<u8>> {
    let mut xml = Xml::new();
    xml.open("office:document-styles", &root_attributes());
    xml.open("office:automatic-styles", &[]);
    xml.open("style:page-layout", &[("style:name", "a4paysage")]);
    let page = [
        ("fo:page-width", "29.7cm"),
        ("fo:page-height", "21cm"),
        ("style:print-orientation", "landscape"),
        ("fo:margin", "1.5cm"),
    ];
    xml.empty("style:page-layout-properties", &page);
    xml.close("style:page-layout");
    xml.close("office:automatic-styles");
    xml.open("office:master-styles", &[]);
    let master = [("style:name", "Paysage"), ("style:page-layout-name", "a4paysage")];
    xml.open("style:master-page", &master);
    // The legend printed on every page, as the `.xlsx` prints it: never colour alone.
    xml.open("style:header", &[]);
    xml.element("text:p", &[], "« À remplir » : les cellules sur fond jaune");
    xml.close("style:header");
    xml.close("style:master-page");
    xml.close("office:master-styles");
    xml.close("office:document-styles");
    xml.finish()
}

fn config(xml: &mut Xml, name: &str, kind: &str, value: &str) {
    xml.element("config:config-item", &[("config:name", name), ("config:type", kind)], value);
}

/// `settings.xml`: the header row of the three sheets frozen, the guide opened first.
fn settings_xml(book: &Workbook) -> io::Result<Vec<u8>> {
    let mut xml = Xml::new();
    xml.open(
        "office:document-settings",
        &[("xmlns:office", NAMESPACES[0].1), CONFIG_NS, ("office:version", ODF_VERSION)],
    );
    xml.open("office:settings", &[]);
    xml.open("config:config-item-set", &[("config:name", "ooo:view-settings")]);
    xml.open("config:config-item-map-indexed", &[("config:name", "Views")]);
    xml.open("config:config-item-map-entry", &[]);
    config(&mut xml, "ViewId", "string", "view1");
    xml.open("config:config-item-map-named", &[("config:name", "Tables")]);
    for sheet in &book.sheets {
        if !matches!(sheet_kind(sheet), SheetKind::Part(_)) {
            continue;
        }
        xml.open("config:config-item-map-entry", &[("config:name", sheet.name.as_str())]);
        config(&mut xml, "HorizontalSplitMode", "short", "0");
        config(&mut xml, "VerticalSplitMode", "short", "2");
        config(&mut xml, "HorizontalSplitPosition", "int", "0");
        config(&mut xml, "VerticalSplitPosition", "int", "1");
        config(&mut xml, "ActiveSplitRange", "short", "2");
        config(&mut xml, "PositionLeft", "int", "0");
        config(&mut xml, "PositionRight", "int", "0");
        config(&mut xml, "PositionTop", "int", "0");
        config(&mut xml, "PositionBottom", "int", "1");
        xml.close("config:config-item-map-entry");
    }
    xml.close("config:config-item-map-named");
    if let Some(first) = book.sheets.first() {
        config(&mut xml, "ActiveTable", "string", &first.name);
    }
    xml.close("config:config-item-map-entry");
    xml.close("config:config-item-map-indexed");
    xml.close("config:config-item-set");
    xml.close("office:settings");
    xml.close("office:document-settings");
    xml.finish()
}
