//! The writer's tests: the package read back with the zip crate, every XML part parsed back
//! with quick-xml's reader, the sample's features found where ODF puts them, and any document
//! (any text, control characters included) giving well-formed XML that holds all its texts.
//! That LibreOffice opens the file is `tests/documents/odt-sample.test.mjs`.

use super::sample::{self, sample_document};
use super::xml::{allowed, clean};
use super::{odt_bytes, MEDIA_TYPE};
use crate::document::{Block, Cell, CellKind, Document, ParagraphKind, Signatory, StatusBar};
use crate::document::{StatusChart, Table};
use crate::model::follow_up::STATUS_COLUMNS;
use crate::model::ReviewStatus;
use proptest::prelude::*;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, XmlVersion};
use std::io::{Cursor, Read};
use zip::{CompressionMethod, ZipArchive};

/// An entry of the package as read back: name, compression and content.
struct Entry {
    name: String,
    method: CompressionMethod,
    bytes: Vec<u8>,
}

fn entries(odt: &[u8]) -> Vec<Entry> {
    let mut archive = ZipArchive::new(Cursor::new(odt)).expect("a zip");
    (0..archive.len())
        .map(|rank| {
            let mut file = archive.by_index(rank).expect("an entry");
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).expect("its content");
            let name = file.name().expect("a name").into_owned();
            Entry { name, method: file.compression(), bytes }
        })
        .collect()
}

fn part(odt: &[u8], name: &str) -> String {
    let entry = entries(odt).into_iter().find(|e| e.name == name).expect(name);
    String::from_utf8(entry.bytes).expect("UTF-8")
}

/// Parses an XML text through: tags that match, one root, every prefix bound to a namespace
/// (elements and attributes), attributes well formed, only predefined or character
/// references, no character XML 1.0 forbids.
fn well_formed(xml: &str) -> Result<(), String> {
    if let Some(c) = xml.chars().find(|c| !allowed(*c)) {
        return Err(format!("forbidden character {c:?}"));
    }
    let mut reader = NsReader::from_str(xml);
    let (mut depth, mut roots) = (0usize, 0);
    loop {
        let event =
            reader.read_event().map_err(|e| format!("{e} at {}", reader.error_position()))?;
        let element = match &event {
            Event::Start(e) | Event::Empty(e) => Some(e.clone()),
            _ => None,
        };
        if let Some(element) = element {
            if depth == 0 {
                roots += 1;
            }
            if let (ResolveResult::Unknown(p), _) =
                reader.resolver().resolve_element(element.name())
            {
                return Err(format!("unbound prefix {p} on an element"));
            }
            for attribute in element.attributes() {
                let attribute = attribute.map_err(|e| format!("attribute: {e}"))?;
                attribute
                    .normalized_value(XmlVersion::Explicit1_0)
                    .map_err(|e| format!("attribute value: {e}"))?;
                let (resolved, _) = reader.resolver().resolve_attribute(attribute.key);
                if let ResolveResult::Unknown(p) = resolved {
                    return Err(format!("unbound prefix {p} on an attribute"));
                }
            }
        }
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            Event::GeneralRef(r) => {
                let known = matches!(&*r, "lt" | "gt" | "amp" | "quot" | "apos");
                if !known && !matches!(r.resolve_char_ref(), Ok(Some(_))) {
                    return Err(format!("unknown reference &{};", &*r));
                }
            }
            Event::Text(t) if depth == 0 && !t.trim().is_empty() => {
                return Err("text outside the root".into());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if depth != 0 || roots != 1 {
        return Err(format!("{roots} roots, depth {depth} at the end"));
    }
    Ok(())
}

#[test]
fn the_documents_of_the_demonstration_are_valid_files_holding_all_their_texts() {
    use crate::document::{annual_report, contract_document, evaluation, fiche_document};
    let file = include_str!("../../../examples/cls-demonstration-2024-2028.json");
    let contract = crate::exchange::demonstration::demonstration_contract(file.as_bytes())
        .expect("the demonstration loads");
    let first = contract.sheets.first().expect("a fiche").id;
    for doc in [
        annual_report(&contract, 2025, "2026-03-15"),
        annual_report(&contract, 2027, "2026-03-15"),
        evaluation(&contract, "2026-03-15"),
        contract_document(&contract),
        fiche_document(&contract, first).expect("the fiche"),
    ] {
        let content = check(&doc);
        assert!(content.contains("<table:table-header-rows>"), "{}", doc.title);
    }
}

#[test]
fn a_workshop_s_report_and_attendance_sheet_are_valid_files_holding_all_their_texts() {
    use crate::document::{attendance_sheet, workshop_report};
    use crate::model::workshop::fixture::{contract_with_board, id, WORKSHOP};
    let contract = contract_with_board();
    for doc in [
        workshop_report(&contract, id(WORKSHOP)).expect("the workshop"),
        attendance_sheet(&contract, id(WORKSHOP)).expect("the workshop"),
    ] {
        let content = check(&doc);
        assert!(content.contains("<table:table-header-rows>"), "{}", doc.title);
    }
}

#[test]
fn the_well_formedness_check_rejects_what_a_reader_would() {
    assert!(well_formed(r#"<a xmlns:t="u"><t:b t:c="1">x &amp; &#233;</t:b></a>"#).is_ok());
    for bad in [
        "<a><b></a></b>",
        "<a>",
        "<a/><b/>",
        "<a>&nbsp;</a>",
        "<t:a/>",
        r#"<a t:c="1"/>"#,
        "<a>\u{1}</a>",
        r#"<a b="1" b="2"/>"#,
    ] {
        assert!(well_formed(bad).is_err(), "{bad} is rejected");
    }
}

/// What a reader of `content.xml` gets as text: the body's texts, `text:s`, `text:tab` and
/// `text:line-break` as the characters they stand for, a line end after each paragraph.
fn plain_text(content: &str) -> String {
    let mut reader = NsReader::from_str(content);
    let mut out = String::new();
    loop {
        match reader.read_event().expect("well formed") {
            Event::Text(t) => out.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => out.push(match &*r {
                "lt" => '<',
                "gt" => '>',
                "amp" => '&',
                "quot" => '"',
                "apos" => '\'',
                _ => r.resolve_char_ref().ok().flatten().expect("a character"),
            }),
            Event::Empty(e) => match e.name().as_ref() {
                "text:s" => out.push(' '),
                "text:tab" => out.push('\t'),
                "text:line-break" => out.push('\n'),
                _ => {}
            },
            Event::End(e) if matches!(e.name().as_ref(), "text:p" | "text:h") => out.push('\n'),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// Checks a file as a whole: the package, each XML part, the texts. Returns content.xml.
fn check(doc: &Document) -> String {
    let odt = odt_bytes(doc).expect("written");
    let all = entries(&odt);
    assert_eq!(all[0].name, "mimetype", "mimetype comes first");
    assert_eq!(all[0].method, CompressionMethod::Stored, "mimetype is stored");
    assert_eq!(all[0].bytes, MEDIA_TYPE.as_bytes());
    // A reader may sniff the raw bytes: the name at 30, the media type right after it.
    assert_eq!(&odt[30..38], b"mimetype");
    assert_eq!(&odt[38..38 + MEDIA_TYPE.len()], MEDIA_TYPE.as_bytes());
    let manifest = part(&odt, "META-INF/manifest.xml");
    for entry in &all {
        let text = String::from_utf8_lossy(&entry.bytes);
        if entry.name.ends_with(".xml") || entry.name.ends_with(".svg") {
            if let Err(error) = well_formed(&text) {
                panic!("{} is not well formed: {error}\n{text}", entry.name);
            }
        }
        if !["mimetype", "META-INF/manifest.xml"].contains(&entry.name.as_str()) {
            let listed = format!("manifest:full-path=\"{}\"", entry.name);
            assert!(manifest.contains(&listed), "the manifest lists {}", entry.name);
        }
    }
    let content = part(&odt, "content.xml");
    let plain = plain_text(&content);
    for text in doc.texts().chain([doc.title.as_str()]) {
        // Written with French spacing, as the writer does: « Pourquoi ? » bound to its word.
        let spaced = crate::model::french::french_spacing(text);
        let text = clean(&spaced);
        assert!(plain.contains(text.trim()), "{text:?} is in content.xml's text:\n{plain}");
    }
    content
}

#[test]
fn the_sample_is_a_valid_package_holding_all_its_texts() {
    let content = check(&sample_document());
    assert!(content.contains(sample::HEADING));
    let odt = odt_bytes(&sample_document()).unwrap();
    let manifest = part(&odt, "META-INF/manifest.xml");
    assert!(manifest.contains(
        r#"manifest:full-path="Pictures/chart1.svg" manifest:media-type="image/svg+xml""#
    ));
    assert!(part(&odt, "meta.xml").contains("<dc:title>Rapport annuel 2025</dc:title>"));
    let styles = part(&odt, "styles.xml");
    assert!(styles.contains(sample::CONTRACT), "the footer names the contract");
    assert!(styles.contains("<text:page-number"));
    assert!(styles.contains(r#"fo:page-width="21cm" fo:page-height="29.7cm""#));
    for level in 1..=6 {
        assert!(styles.contains(&format!(r#"style:name="Heading_20_{level}""#)));
    }
}

#[test]
fn headings_have_their_level_and_style() {
    let content = check(&sample_document());
    assert!(content.contains(
        r#"<text:h text:style-name="Heading_20_2" text:outline-level="2">Fiche 1 – Accès"#
    ));
    let mut doc = Document::new("", "");
    doc.heading(9, "Profond");
    doc.heading(0, "Plat");
    let content = check(&doc);
    assert!(content.contains(r#"text:style-name="Heading_20_6" text:outline-level="6">Profond"#));
    assert!(content.contains(r#"text:style-name="Heading_20_1" text:outline-level="1">Plat"#));
}

#[test]
fn a_table_has_its_columns_its_repeated_header_and_rows_that_do_not_split() {
    let content = check(&sample_document());
    let columns = r#"<table:table-column table:style-name="Tableau1.A"/><table:table-column table:style-name="Tableau1.B"/><table:table-column table:style-name="Tableau1.C"/><table:table-header-rows>"#;
    assert!(content.contains(columns));
    assert!(content.contains("<table:table-header-rows><table:table-row"));
    assert!(content.contains(r#"<table:table-cell table:style-name="Header_Cell" office:value-type="string"><text:p text:style-name="Table_20_Heading">Action</text:p>"#));
    assert!(content.contains(
        r#"style:name="Row" style:family="table-row"><style:table-row-properties fo:keep-together="always""#
    ));
    assert!(content.contains(r#"<text:p text:style-name="Table_20_Caption">Actions de la fiche 1"#));
}

#[test]
fn a_status_cell_has_its_status_style_and_says_its_status() {
    let content = check(&sample_document());
    assert!(content.contains(r#"<table:table-cell table:style-name="Status_done" office:value-type="string"><text:p text:style-name="Table_20_Contents">Réalisé</text:p>"#));
    assert!(content.contains(r#"table:style-name="Status_none" office:value-type="string"><text:p text:style-name="Table_20_Contents">Non renseigné"#));
    assert!(content.contains(
        r##"style:name="Status_done" style:family="table-cell"><style:table-cell-properties fo:background-color="#d0e3d8" fo:padding="0.1cm" fo:border-left="4pt solid #18753c""##
    ));
    assert!(content.contains("fo:border-left=\"1.5pt dashed #666666\""));
}

#[test]
fn a_page_break_starts_the_next_block_on_a_new_page_without_a_blank_line() {
    let content = check(&sample_document());
    assert!(content.contains(
        r#"<style:style style:name="Break_Heading_20_1" style:family="paragraph" style:parent-style-name="Heading_20_1"><style:paragraph-properties fo:break-before="page"/>"#
    ));
    assert!(content.contains(
        r#"<text:h text:style-name="Break_Heading_20_1" text:outline-level="1">Signatures"#
    ));
    let mut doc = Document::new("Contrat", "CLS");
    doc.push(Block::PageBreak);
    doc.push(Block::Table(Table {
        caption: String::new(),
        header: Vec::new(),
        rows: vec![vec![Cell::text("seule")]],
    }));
    let content = check(&doc);
    assert!(
        content.contains(r#"<table:table table:name="Tableau1" table:style-name="Table_Break">"#)
    );
    assert!(content.contains(r#"style:name="Table_Break" style:family="table"><style:table-properties style:width="17cm" table:align="margins" fo:margin-bottom="0.3cm" fo:break-before="page"/>"#));
}

#[test]
fn the_chart_is_an_svg_image_with_its_description() {
    let content = check(&sample_document());
    assert!(content.contains(r#"<draw:image xlink:href="Pictures/chart1.svg""#));
    assert!(content.contains("<svg:desc>Actions par statut en 2025"));
    let odt = odt_bytes(&sample_document()).unwrap();
    assert!(part(&odt, "Pictures/chart1.svg").contains(r##"fill="#a558a0""##));
}

#[test]
fn markup_characters_and_forbidden_ones_are_safe() {
    let mut doc = Document::new("Titre <&\"'>", "CLS \"A\" & <B>");
    doc.paragraph("a < b & c > d \"e\" 'f'\u{0}\u{b}\u{1b}g");
    doc.push(Block::Table(Table {
        caption: "<légende> & \"guillemets\"".into(),
        header: vec!["'en-tête'".into()],
        rows: vec![vec![Cell::text("]]> <![CDATA[")]],
    }));
    let content = check(&doc);
    assert!(content.contains("a &lt; b &amp; c &gt; d &quot;e&quot; &apos;f&apos;g"));
    let odt = odt_bytes(&doc).unwrap();
    assert!(part(&odt, "styles.xml").contains("CLS &quot;A&quot; &amp; &lt;B&gt; — page"));
}

#[test]
fn signatures_sit_two_by_two_with_room_to_sign() {
    let content = check(&sample_document());
    assert!(
        content.contains(r#"<table:table-column table:style-name="Tableau2.B"/><table:table-row"#)
    );
    assert_eq!(content.matches("Signature\u{a0}:").count(), 3);
    // The third signatory's row is completed with an empty cell.
    assert!(content.contains(r#"<table:table-cell table:style-name="Signature_Cell" office:value-type="string"></table:table-cell>"#));
}

#[test]
fn a_page_mark_heads_every_page_and_an_unmarked_document_has_no_header() {
    let mut doc = sample_document();
    let styles = part(&odt_bytes(&doc).unwrap(), "styles.xml");
    assert!(!styles.contains("<style:header>"), "no header without a mark");
    assert!(!styles.contains("<style:header-style>"));
    doc.page_mark = Some("Version de travail, non adoptée".into());
    check(&doc);
    let styles = part(&odt_bytes(&doc).unwrap(), "styles.xml");
    assert!(styles.contains(
        r#"<style:header><text:p text:style-name="Header">Version de travail, non adoptée</text:p></style:header><style:footer>"#
    ));
    assert!(styles.contains("<style:header-style>"));
}

#[test]
fn signature_blocks_say_for_whom_with_the_article_and_stay_with_fait_a() {
    let content = check(&sample_document());
    assert!(content.contains(
        r#"<text:p text:style-name="Signature_20_Place">Fait à Vic-sur-Cère, le 11/03/2025</text:p><table:table"#
    ));
    let styles = part(&odt_bytes(&sample_document()).unwrap(), "styles.xml");
    assert!(styles.contains(r#"style:name="Signature_20_Place" style:display-name="Signature place" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:keep-with-next="always"/>"#));
    for party in [
        "Pour l’Agence régionale de santé",
        "Pour la Communauté de communes du Pays de Vic",
        "Pour la Caisse primaire d’assurance maladie",
    ] {
        let paragraph = format!(r#"<text:p text:style-name="Signature_20_Party">{party}</text:p>"#);
        assert!(content.contains(&paragraph), "{party}");
    }
}

#[test]
fn french_spacing_binds_high_punctuation_and_a_total_rows_figures_align_right() {
    let content = check(&sample_document());
    assert!(content.contains("Territoire\u{202f}: Pays de Vic"));
    assert!(content.contains("Permanence «\u{202f}santé\u{202f}» &lt;mobile&gt;"));
    assert!(content.contains(r#"<text:p text:style-name="Table_20_Total">Total</text:p>"#));
    assert!(content
        .contains(r#"<text:p text:style-name="Table_20_Total_20_Number">1 réalisée</text:p>"#));
    let styles = part(&odt_bytes(&sample_document()).unwrap(), "styles.xml");
    assert!(styles.contains(r#"style:name="Table_20_Total_20_Number" style:display-name="Table total number" style:family="paragraph" style:parent-style-name="Table_20_Total"><style:paragraph-properties fo:text-align="end"/>"#));
}

#[test]
fn an_empty_document_is_still_a_valid_file() {
    check(&Document::default());
    let mut doc = Document::new("Vide", "");
    doc.push(Block::List(Vec::new()));
    doc.push(Block::Table(Table::default()));
    doc.push(Block::Signatures(Vec::new()));
    doc.push(Block::StatusChart(StatusChart {
        description: "Aucune action.".into(),
        bars: vec![],
    }));
    doc.push(Block::PageBreak);
    check(&doc);
}

/// Any character, with more of those that break XML or ODF's white space.
fn text() -> impl Strategy<Value = String> {
    let nasty = prop::sample::select(vec![
        '<', '&', '>', '"', '\'', '\0', '\u{b}', '\u{c}', '\r', '\n', '\t', ' ', '\u{FFFE}',
        '\u{FFFF}', '\u{1f}', 'é', '😀',
    ]);
    prop::collection::vec(prop_oneof![any::<char>(), nasty], 0..12)
        .prop_map(|chars| chars.into_iter().collect())
}

fn status() -> impl Strategy<Value = Option<ReviewStatus>> {
    prop::option::of(prop::sample::select(ReviewStatus::ALL.to_vec()))
}

fn cell() -> impl Strategy<Value = Cell> {
    let kind = prop_oneof![
        Just(CellKind::Text),
        Just(CellKind::Number),
        Just(CellKind::Total),
        status().prop_map(CellKind::Status),
    ];
    (text(), kind).prop_map(|(text, kind)| Cell { text, kind })
}

fn block() -> impl Strategy<Value = Block> {
    let kinds = prop::sample::select(vec![
        ParagraphKind::Body,
        ParagraphKind::Cover,
        ParagraphKind::Notice,
    ]);
    let table = (
        text(),
        prop::collection::vec(text(), 0..4),
        prop::collection::vec(prop::collection::vec(cell(), 0..4), 0..4),
    )
        .prop_map(|(caption, header, rows)| Block::Table(Table { caption, header, rows }));
    let bar = (text(), prop::array::uniform9(0usize..4))
        .prop_map(|(label, counts)| StatusBar { label, counts });
    let chart = (text(), prop::collection::vec(bar, 0..3))
        .prop_map(|(description, bars)| Block::StatusChart(StatusChart { description, bars }));
    let signatory = (text(), any::<bool>(), text(), text()).prop_map(
        |(party, by_delegation, capacity, signer)| Signatory {
            party,
            by_delegation,
            capacity,
            signer,
        },
    );
    prop_oneof![
        (0u8..9, text()).prop_map(|(level, text)| Block::Heading { level, text }),
        (text(), kinds).prop_map(|(text, kind)| Block::Paragraph { text, kind }),
        prop::collection::vec(text(), 0..3).prop_map(Block::List),
        table,
        chart,
        Just(Block::PageBreak),
        prop::collection::vec(signatory, 0..4).prop_map(Block::Signatures),
    ]
}

// The chart's counts are one per status column.
const _: () = assert!(STATUS_COLUMNS == 9);

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_document_gives_well_formed_xml_holding_its_texts(
        title in text(),
        contract in text(),
        page_mark in prop::option::of(text()),
        blocks in prop::collection::vec(block(), 0..8),
    ) {
        check(&Document { title, contract_name: contract, page_mark, blocks });
    }
}

#[test]
fn a_table_too_wide_for_its_words_is_set_small_and_a_narrow_one_is_not() {
    let wide = Table {
        caption: "Actions par statut".into(),
        // The report's counts: the axis, eight statuses, « Non renseigné », the total.
        header: std::iter::once("Axe")
            .chain(ReviewStatus::ALL.iter().map(|s| s.label()))
            .chain(["Non renseigné", "Total"])
            .map(String::from)
            .collect(),
        rows: vec![(0..ReviewStatus::ALL.len() + 3).map(|n| Cell::number(n.to_string())).collect()],
    };
    let mut doc = Document::new("Rapport", "CLS");
    doc.push(Block::Table(wide));
    let content = check(&doc);
    assert!(content.contains(
        r#"<text:p text:style-name="Small_20_Table_20_Heading">Partiellement réalisé</text:p>"#
    ));
    assert!(content.contains(r#"<text:p text:style-name="Small_20_Table_20_Number">0</text:p>"#));
    let styles = part(&odt_bytes(&doc).expect("written"), "styles.xml");
    assert!(styles.contains(r#"style:name="Small_20_Table_20_Contents""#));
    let narrow = check(&sample_document());
    assert!(!narrow.contains("Small_20_Table"), "the sample's tables keep the usual size");
}
