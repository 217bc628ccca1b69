//! The OpenDocument Text writer: any [`Document`] as the bytes of an `.odt` file that
//! LibreOffice and Word open, with real headings (one style per level), real tables (header
//! rows repeated on each page, rows that never split), status cells coloured and written, the
//! chart as an SVG image with its description, page breaks, and the contract's name and the
//! page number in the footer.
//!
//! - `package`: the package (`mimetype` first and stored), its manifest and metadata, in
//!   the zip container of `zip`;
//! - `content`: the blocks as `content.xml`;
//! - `styles`: the named styles and the A4 page (`styles.xml`);
//! - `chart`: the status chart as SVG; `palette`: the status colours;
//! - `xml`: quick-xml behind calls that escape and drop what XML forbids.
//!
//! Common ODF 1.2 features only, the ones Word also reads.

mod chart;
mod content;
pub(crate) mod package;
mod palette;
mod styles;
pub(crate) mod xml;
pub(crate) mod zip;

#[cfg(not(target_arch = "wasm32"))]
pub mod sample;
#[cfg(test)]
mod tests;

use crate::document::Document;
use package::Entry;
use std::io;

/// The media type of an ODF text document, the `mimetype` entry's content.
pub const MEDIA_TYPE: &str = "application/vnd.oasis.opendocument.text";

/// The ODF version written: 1.2, the one Word 2013 and later read without a warning.
pub(crate) const ODF_VERSION: &str = "1.2";

/// The namespaces of the document parts' root elements.
pub(crate) const NAMESPACES: [(&str, &str); 10] = [
    ("xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"),
    ("xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"),
    ("xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"),
    ("xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"),
    ("xmlns:draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"),
    ("xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"),
    ("xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"),
    ("xmlns:xlink", "http://www.w3.org/1999/xlink"),
    ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
    ("xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"),
];

/// The SVG of a status chart, as the ODT file embeds it: the documents' screens show the
/// same picture (`ui/screens/documents`).
pub fn chart_svg(chart: &crate::document::StatusChart) -> String {
    chart::svg(chart).ok().and_then(|bytes| String::from_utf8(bytes).ok()).unwrap_or_default()
}

/// The `.odt` file of a document. Writing happens in memory: an error here would be a bug of
/// the writer, reported rather than hidden.
pub fn odt_bytes(doc: &Document) -> io::Result<Vec<u8>> {
    let content = content::content_xml(doc)?;
    let xml = "text/xml";
    let mut entries = vec![
        Entry { path: "content.xml".into(), bytes: content.xml, media_type: xml },
        Entry { path: "styles.xml".into(), bytes: styles::styles_xml(doc)?, media_type: xml },
        Entry { path: "meta.xml".into(), bytes: package::meta_xml(doc)?, media_type: xml },
    ];
    entries.extend(content.pictures);
    package::package(MEDIA_TYPE, &entries)
}
