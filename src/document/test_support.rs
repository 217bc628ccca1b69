//! What the documents' tests share: the demonstration contract, and ways to look into a
//! document (its headings, a table by its caption, the check that no section is empty).

use super::{Block, Document, ParagraphKind, Table};
use crate::model::Contract;

/// The demonstration contract (Pays de Val-Sorel 2024-2028, follow-up of 2024 and 2025).
pub fn demo() -> Contract {
    crate::model::example::demonstration()
}

/// The headings of `level`, in order.
pub fn headings(doc: &Document, level: u8) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: l, text } if *l == level => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

/// The tables, in order.
pub fn tables(doc: &Document) -> Vec<&Table> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(table) => Some(table),
            _ => None,
        })
        .collect()
}

/// The table whose caption starts with `caption`.
pub fn table<'a>(doc: &'a Document, caption: &str) -> &'a Table {
    tables(doc)
        .into_iter()
        .find(|t| t.caption.starts_with(caption))
        .unwrap_or_else(|| panic!("no table « {caption} »"))
}

/// The notices' texts, in order.
pub fn notices(doc: &Document) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { text, kind: ParagraphKind::Notice } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

/// The blocks after the heading `text` up to the next heading of the same level or above.
pub fn section<'a>(doc: &'a Document, text: &str) -> &'a [Block] {
    let start = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { text: t, .. } if t == text))
        .unwrap_or_else(|| panic!("no heading « {text} »"));
    let Block::Heading { level, .. } = doc.blocks[start] else { unreachable!() };
    let end = doc.blocks[start + 1..]
        .iter()
        .position(|b| matches!(b, Block::Heading { level: l, .. } if *l <= level))
        .map_or(doc.blocks.len(), |i| start + 1 + i);
    &doc.blocks[start + 1..end]
}

/// Panics when a heading is followed by nothing, or straight by a heading of its level or
/// above: a section with nothing in it is the empty shell a document must never be.
pub fn assert_no_empty_section(doc: &Document) {
    for (i, block) in doc.blocks.iter().enumerate() {
        let Block::Heading { level, text } = block else { continue };
        let next = doc.blocks[i + 1..].iter().find(|b| !matches!(b, Block::PageBreak));
        let empty = match next {
            None => true,
            Some(Block::Heading { level: l, .. }) => l <= level,
            Some(_) => false,
        };
        assert!(!empty, "« {text} » in « {} » is an empty section", doc.title);
    }
}
